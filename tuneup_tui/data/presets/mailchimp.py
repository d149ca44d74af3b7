"""Mailchimp campaigns export -> emails.

`Title,Subject,List,"Send Date","Send Weekday","Total Recipients","Successful Deliveries","Soft
Bounces","Hard Bounces","Total Bounces",...,"Unique Opens",...,"Unique Clicks",...,Unsubscribes`
(only some headers quoted). Mapping: date = Send Date ("Jun 09, 2018 09:30 pm"); campaign =
Title (Subject when there is no title); sent = Total Recipients; delivered = Successful
Deliveries; opens = Unique Opens; clicks = Unique Clicks; unsubscribes = Unsubscribes; bounces
= Total Bounces, or Hard Bounces + Soft Bounces.

A single-campaign report is key/value lines (`"Total Recipients:","1,750"`), not a table: it is
named and refused.
"""

from __future__ import annotations

import re
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._values import number_text, numbers

_KEY_VALUE = re.compile(r'^"?(total recipients|successful deliveries|recipients clicks|'
                        r'total opens|clicks per unique opens|list|subject):?"?\s*[,:]',
                        re.I | re.M)


class MailchimpCampaigns(Preset):
    name = "mailchimp-campaigns"
    title = "Mailchimp campaigns export"
    sources = ("emails",)
    signature = (("send date",), ("total recipients", "emails sent"),
                 ("unique opens", "total opens"))
    columns: ClassVar[Columns] = {"emails": {
        "date": ("send date",),
        "campaign": ("title", "campaign title", "subject"),
        "sent": ("total recipients", "emails sent"),
        "delivered": ("successful deliveries",),
        "opens": ("unique opens",),
        "clicks": ("unique clicks",),
        "unsubscribes": ("unsubscribes",),
        "bounces": ("total bounces",),
    }}

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        if "bounces" in out:
            return []
        hard = find(located.header, ("hard bounces",))
        soft = find(located.header, ("soft bounces",))
        if hard is None or soft is None:
            return []
        total = (numbers(raw, hard, source, located.path, whole=True).fillna(0)
                 + numbers(raw, soft, source, located.path, whole=True).fillna(0))
        out["bounces"] = number_text(total)
        located.derived["bounces"] = f"{hard} + {soft}"
        return ["bounces = Hard Bounces + Soft Bounces"]


class MailchimpCampaignReport(Preset):
    name = "mailchimp-campaign-report"
    title = "Mailchimp single-campaign report"
    sources = ("emails",)
    refuse = ("key/value lines ('Total Recipients:', ...), not a table: export the "
              "campaigns list (Reports, Export as CSV) instead")

    def recognises_text(self, head: str) -> bool:
        return len(_KEY_VALUE.findall(head)) >= 2


PRESETS = (MailchimpCampaigns(), MailchimpCampaignReport())
