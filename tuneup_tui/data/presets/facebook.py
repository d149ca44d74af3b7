"""Facebook page exports -> social (network facebook).

- Meta Business Suite post export (BOM, multi-line captions in quotes, `Publish time` like
  "09/28/2026 18:12", month-first): one row per post. date = the publish day; posts = 1 per
  row; engagements = "Reactions, comments and shares" or Reactions + Comments + Shares;
  followers are not in a post export: missing, with a note.
- Legacy Page Insights export: short names on the header row ("Lifetime Total Likes", "Daily
  Page Engaged Users") and long descriptions on the next ("Lifetime: The total number of people
  who have liked your Page. (Unique Users)"), dropped; files with only the long descriptions are
  recognised too. followers = the lifetime total likes; engagements = the daily engaged users.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Candidates, Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._table import Record
from tuneup_tui.data.presets._values import constant, number_text, numbers

LIKES: Candidates = ("lifetime total likes",
                     "re:total number of people who have liked your page")
ENGAGED: Candidates = ("daily page engaged users",
                       "re:^daily: the number of people who engaged with your page")


class FacebookPosts(Preset):
    name = "facebook-posts"
    title = "Meta Business Suite post export"
    sources = ("social",)
    date_order = "month-first"
    signature = (("post id",), ("publish time", "posted"),
                 ("reactions", "reactions, comments and shares", "lifetime engaged users"))
    columns: ClassVar[Columns] = {"social": {
        "engagements": ("reactions, comments and shares",),
    }}

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        notes = ["posts = 1 per row; followers are not in a post export: missing"]
        out.setdefault("network", constant(raw, "facebook"))
        out.setdefault("posts", constant(raw, "1"))
        out.setdefault("followers", constant(raw, ""))
        published = find(located.header, ("publish time", "posted")) or "Publish time"
        located.derived.update(network="(default 'facebook')", posts="(1 per row)",
                               followers="(none)", date=f"{published} (the day)")
        if "date" not in out:
            # The day is enough (social rows are daily); the time would only get in the way.
            out["date"] = raw[published].str.strip().str.split(" ").str[0].astype("str")
        engaged = find(located.header, ("lifetime engaged users",))
        if "engagements" not in out and engaged is not None and not find(located.header,
                                                                          ("reactions",)):
            # the legacy post-level export: the people who clicked anywhere in the post
            located.variant = "Facebook Page Insights post-level export (legacy)"
            out["engagements"] = raw[engaged]
            located.derived["engagements"] = engaged
            notes.append(f"engagements = {engaged} (the legacy post-level export)")
        if "engagements" not in out:
            parts = [n for c in ("reactions", "comments", "shares")
                     if (n := find(located.header, (c,)))]
            total = sum((numbers(raw, n, source, located.path, whole=True).fillna(0)
                         for n in parts), start=pd.Series(0.0, index=raw.index))
            out["engagements"] = number_text(total)
            located.derived["engagements"] = " + ".join(parts)
            notes.append(f"engagements = {' + '.join(parts)}")
        return notes


    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        if "lifetime:" in rec.text.casefold():
            return "description row"
        return ""


class FacebookInsights(Preset):
    name = "facebook-insights"
    title = "Facebook Page Insights export (legacy)"
    sources = ("social",)
    signature = (("date",), LIKES)
    columns: ClassVar[Columns] = {"social": {
        "date": ("date",),
        "followers": LIKES,
        "engagements": ENGAGED,
        "posts": ("daily page posts", "re:number of posts"),
    }}

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        text = rec.text.casefold()
        if "lifetime:" in text or "daily:" in text:
            return "description row"
        return ""

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        out.setdefault("network", constant(raw, "facebook"))
        located.derived.update(network="(default 'facebook')", engagements="(default '0')")
        notes = ["followers = the lifetime total likes of the page"]
        if "engagements" not in out:
            out["engagements"] = constant(raw, "0")
            notes.append("no engaged users column: engagements = 0")
        return notes


PRESETS = (FacebookPosts(), FacebookInsights())
