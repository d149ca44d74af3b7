"""The metrics panels: one pure function per panel, `(DataPack, Period, PanelSettings) ->
PanelResult`, registered by name."""

from __future__ import annotations
