"""Agenda texts the agenda tests share."""

from __future__ import annotations

MINIMAL = """\
[agenda]
title = "Day"
series = "s"
end_of_day = "10:00"

[[sessions]]
start = "09:00"
topic = "Traffic Study"
who = "Webmaster"
panel = "traffic"
"""
