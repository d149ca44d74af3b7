"""Done when: a folder of unedited exports gives the same panel figures as the same data in
canonical form.

Both packs are written here from the same numbers: one as the tools download them (GA4 and
Universal Analytics with their preambles, Google Ads with its total rows, Meta, HubSpot, a
Salesforce leads report mapped as crm and an opportunities report with their footers,
Mailchimp, Search Console folders, a Screaming Frog crawl, YouTube, LinkedIn, Facebook), one as
canonical `<source>.csv` files. Three weeks: W45 and W46 are the baseline, W47 the period.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import review_period
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.result import PanelSettings

AS_OF = date(2026, 11, 23)
WEEKS = (date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16))
PANELS = ("traffic", "referrers", "paid", "nurturing", "lead_scoring", "handoff",
          "site_health", "social")

# (source / medium, sessions, goal completions, users) per week.
TRAFFIC = {
    WEEKS[0]: [("google / organic", 1000, 30, 800), ("(direct) / (none)", 400, 10, 350),
               ("bing / cpc", 100, 3, 90), ("newsletter / email", 90, 4, 80),
               ("facebook.com / referral", 50, 1, 45), ("lnkd.in / referral", 30, 0, 28)],
    WEEKS[1]: [("google / organic", 1100, 33, 900), ("(direct) / (none)", 420, 12, 380),
               ("bing / cpc", 110, 4, 100), ("newsletter / email", 95, 5, 85),
               ("facebook.com / referral", 60, 2, 55), ("lnkd.in / referral", 25, 1, 20)],
    WEEKS[2]: [("google / organic", 1520, 38, 1180), ("(direct) / (none)", 812, 21, 640),
               ("bing / cpc", 233, 2, 210), ("newsletter / email", 120, 9, 95),
               ("facebook.com / referral", 70, 1, 66), ("lnkd.in / referral", 40, 2, 35)],
}
# (campaign, type, spend, impressions, clicks, conversions) per week; Meta separately.
ADS = {w: [("Brand - Search", "Search", 1000.0 + 10 * i, 12000 + 100 * i, 800 + i, 30 + i),
           ("Generic - Display", "Display", 900.5, 1024071, 2150 + i, 0)]
       for i, w in enumerate(WEEKS)}
META = {w: ("Webinar - Lookalike", 180.04 + i, 15230 + i, 311 + i, 14 - i)
        for i, w in enumerate(WEEKS)}
# lead id, created, program, score, status, sent to sales, territory, email, company
LEADS = [
    ("101", "2026-11-03 09:00", "Brand - Search", 70, "Open", "2026-11-04 10:00", "CA",
     "a@x.example", "Acme"),
    ("102", "2026-11-10 11:30", "Webinar - Lookalike", 40, "Working", "2026-11-11 09:00",
     "NY", "b@x.example", "Globex"),
    ("103", "2026-11-16 09:05", "Brand - Search", 85, "Qualified", "2026-11-17 14:30", "CA",
     "c@x.example", "Initech"),
    ("104", "2026-11-18 15:00", "Webinar - Lookalike", 20, "Open", "2026-11-19 08:00", "TX",
     "d@x.example", "Umbrella"),
    ("105", "2026-11-20 10:00", "Organic Search", 55, "Open", "", "NY", "e@x.example", "Hooli"),
]
# lead id, owner, territory, status, first touch, opportunity id, bad data
CRM = [("101", "Priya", "CA", "Working", "2026-11-04 15:00", "006A", 0),
       ("103", "Priya", "CA", "Working", "2026-11-18 09:00", "006B", 0),
       ("104", "Sam", "CA", "Open", "", "", 1)]
TERRITORIES = [("CA", "Priya"), ("NY", "Lee"), ("TX", "Sam")]
# opportunity id, lead id, created, stage, amount, close date
OPPORTUNITIES = [("006A", "101", "2026-11-05", "Closed Won", 3000.0, "2026-11-12"),
                 ("006B", "103", "2026-11-19", "Proposal", 12500.0, "2026-12-20")]
# title, send date, recipients, delivered, opens, clicks, unsubscribes, soft, hard
EMAILS = [("Nurture 1", date(2026, 11, 3), 1750, 1712, 476, 95, 6, 30, 8),
          ("Nurture 2", date(2026, 11, 10), 1800, 1760, 500, 90, 4, 25, 15),
          ("Webinar invite", date(2026, 11, 19), 900, 880, 301, 44, 2, 12, 8)]
DATABASE = [("2026-11-08", 10000), ("2026-11-15", 10100), ("2026-11-22", 10150)]
# Screaming Frog crawl of W47: url, inlinks; Search Console 404s of earlier weeks.
CRAWL_404 = [("https://www.example.com/old-pricing", 12), ("https://www.example.com/jo", 3)]
GSC_404 = [("https://www.example.com/old-pricing", "2026-11-04"),
           ("https://www.example.com/ebook", "2026-11-11")]
# Search Console queries per week (W46, W47): query, clicks, impressions, position.
QUERIES = {WEEKS[1]: [("tune up", 10, 40, 3.5), ("ops checklist", 2, 100, 9.0)],
           WEEKS[2]: [("tune up", 12, 36, 2.1), ("ops checklist", 3, 120, 8.75)]}
CHART = [(date(2026, 11, 16), 7, 80, 0.0875, 5.5), (date(2026, 11, 17), 8, 90, 0.0889, 5.25)]
# Social: LinkedIn content per day (clicks, reactions, comments, reposts) and followers.
LINKEDIN = [(date(2026, 11, 9), 30, 10, 2, 1), (date(2026, 11, 16), 50, 25, 3, 2)]
LINKEDIN_FOLLOWERS = [(date(2026, 11, 9), 4), (date(2026, 11, 16), 7)]
FB_INSIGHTS = [(date(2026, 11, 8), 5100, 50), (date(2026, 11, 15), 5120, 61),
               (date(2026, 11, 22), 5131, 40)]
FB_POSTS = [(date(2026, 11, 17), 40, 6, 3)]
YOUTUBE = [("Tune Up in 5 minutes", 1200, 15), ("Lead scoring explained", 330, 2)]


def _csv(rows: list[list[Any]], *, quote_all: bool = False, crlf: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
                        lineterminator="\r\n" if crlf else "\n")
    writer.writerows(rows)
    return out.getvalue()


def _thousands(n: int) -> str:
    return f"{n:,}"


def _us(stamp: str) -> str:
    """"2026-11-16 09:05" as Salesforce writes it in a US locale: "11/16/2026 9:05 AM"."""
    if not stamp:
        return ""
    day, _, clock = stamp.partition(" ")
    y, m, d = day.split("-")
    if not clock:
        return f"{m}/{d}/{y}"
    hour, minute = (int(p) for p in clock.split(":"))
    return f"{m}/{d}/{y} {hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def _write(path: Path, text: str, *, bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def write_exports(root: Path) -> None:
    """The numbers above as the tools download them."""
    _write(root / "datapack.toml", 'period = "2026-W47"\n[sources.crm]\n'
           'files = ["salesforce/crm/*.csv"]\npreset = "salesforce-leads"\n')
    # Universal Analytics for W45 (goals by name, totals row, Day Index table), GA4 after.
    w45 = WEEKS[0].strftime("%Y%m%d")
    ua = [["Source / Medium", "Sessions", "% New Sessions", "New Users", "Bounce Rate",
           "Contact (Goal 1 Completions)", "Demo (Goal 2 Completions)", "Goal Value"]]
    ua += [[sm, _thousands(s), "90.00%", _thousands(u), "50.00%", g - g // 2, g // 2, "£0.00"]
           for sm, s, g, u in TRAFFIC[WEEKS[0]]]
    ua += [["", "1,670", "90.00%", "1,393", "50.00%", 24, 24, "£0.00"], [],
           ["Day Index", "Sessions"], ["11/2/26", "1,670"]]
    _write(root / "ua/analytics-source-medium.csv",
           f"# ----\n# All Web Site Data\n# Source / Medium\n# {w45}-{w45}\n# ----\n\n"
           + _csv(ua))
    for week in WEEKS[1:]:
        end = week + timedelta(days=6)
        head = ("# ----------------------------------------\n# Traffic acquisition: Session "
                "source / medium\n# Account: Example\n# Property: www.example.com\n# ----\n"
                f"# \n# All Users\n# Start date: {week:%Y%m%d}\n# End date: {end:%Y%m%d}\n\n")
        rows = [["Session source / medium", "Users", "Sessions", "Engaged sessions",
                 "Key events", "Total revenue"]]
        rows += [[sm, u, s, s // 2, g, 0] for sm, s, g, u in TRAFFIC[week]]
        _write(root / f"ga4/traffic-{week}.csv", (head + _csv(rows)).replace("\n", "\r\n"))
    for week in WEEKS:
        end = week + timedelta(days=6)
        span = f'"{week:%B} {week.day}, {week.year} - {end:%B} {end.day}, {end.year}"'
        rows = [["Campaign status", "Campaign", "Campaign type", "Impr.", "CTR", "Cost",
                 "Clicks", "Conversions", "Avg. CPC"]]
        rows += [["Enabled", c, t, _thousands(i), "1.00%", f"{sp:.2f}", _thousands(cl),
                  f"{cv:.2f}", " --"] for c, t, sp, i, cl, cv in ADS[week]]
        rows += [["Total: Campaigns", "", "", "1", "", "1", "1", "1", ""],
                 ["Total: Account", "", "", "1", "", "1", "1", "1", ""]]
        _write(root / f"google-ads/Campaign report {week}.csv",
               f"Campaign report\n{span}\n" + _csv(rows))
    meta = [["Reporting starts", "Reporting ends", "Campaign name", "Results", "Impressions",
             "Link clicks", "Amount spent (USD)", "Ends"]]
    meta += [[str(w), str(w + timedelta(days=6)), c, r, _thousands(i), cl, sp, "Ongoing"]
             for w, (c, sp, i, cl, r) in META.items()]
    _write(root / "meta/campaigns.csv", _csv(meta, quote_all=True))
    hub = [["Record ID", "First Name", "Email", "Lead Status", "Create Date",
            "Associated Company", "Became a Sales Qualified Lead Date", "HubSpot Score",
            "Original Source", "State/Region"]]
    hub += [[i, "X", e, st, c, co, s, sc, p, t] for i, c, p, sc, st, s, t, e, co in LEADS]
    _write(root / "hubspot/hubspot-crm-exports-all-contacts-2026-11-23.csv",
           _csv(hub, quote_all=True))
    footer = ('\n"Grand Totals (3 records)"\n\n"Confidential Information - Do Not Distribute"\n'
              '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n')
    crm = [["Lead ID", "Lead Owner", "Lead Source", "Lead Status", "State/Province",
            "Created Date", "First Touch Date", "Converted Opportunity ID", "Bad Data"]]
    crm += [[i, o, "Web", st, t, "11/16/2026", _us(ft), op, b] for i, o, t, st, ft, op, b in CRM]
    _write(root / "salesforce/crm/report1764062400001.csv", _csv(crm, quote_all=True) + footer)
    opp = [["Opportunity Owner", "Opportunity Name", "Opportunity ID", "Lead ID", "Stage",
            "Amount", "Close Date", "Created Date"]]
    opp += [["Priya", "Deal", o, lead, st, f"{a:,.2f}", _us(cl), _us(cr)]
            for o, lead, cr, st, a, cl in OPPORTUNITIES]
    _write(root / "salesforce/opportunities/report1764062400002.csv",
           _csv(opp, quote_all=True) + footer.replace("(3 records)", "(2 records)"))
    mc = [["Title", "Subject", "List", "Send Date", "Total Recipients", "Successful Deliveries",
           "Soft Bounces", "Hard Bounces", "Total Bounces", "Unique Opens", "Open Rate",
           "Unique Clicks", "Unsubscribes"]]
    mc += [[t, "s", "Prospects", f"{d:%b %d, %Y} 09:30 am", _thousands(r), _thousands(dl), so,
            h, so + h, o, "27.80%", c, u] for t, d, r, dl, o, c, u, so, h in EMAILS]
    _write(root / "mailchimp/campaigns.csv", _csv(mc))
    sf = [["Address", "Content Type", "Status Code", "Status", "Inlinks", "Response Time"]]
    sf += [[u, "text/html", "404", "Not Found", n, "0.1"] for u, n in CRAWL_404]
    sf += [["https://www.example.com/", "text/html", "200", "OK", "140", "0.1"]]
    _write(root / "screaming-frog/client_error_(4xx).csv", _csv(sf, quote_all=True))
    _write(root / "gsc/not-found/Table.csv",
           _csv([["URL", "Last crawled"], *[[u, d] for u, d in GSC_404]]).rstrip("\n"))
    _write(root / "gsc/not-found/Chart.csv",
           _csv([["Date", "Affected pages"], ["2026-11-08", 1], ["2026-11-22", 2]]))
    for week, queries in QUERIES.items():
        folder = root / f"gsc/performance-{week}"
        _write(folder / "Queries.csv", _csv([["Top queries", "Clicks", "Impressions", "CTR",
                                              "Position"],
                                             *[[q, c, i, "1%", p] for q, c, i, p in queries]]))
        _write(folder / "Filters.csv", _csv([["Filter", "Value"], ["Search type", "Web"],
                                             ["Date", f"{week} - {week + timedelta(days=6)}"]]))
    _write(root / "gsc/performance-2026-11-16/Chart.csv",
           _csv([["Date", "Clicks", "Impressions", "CTR", "Position"],
                 *[[d, c, i, f"{ctr * 100:.2f}%", p] for d, c, i, ctr, p in CHART]]))
    yt = [["Content", "Video title", "Video publish time", "Duration", "Views",
           "Watch time (hours)", "Subscribers", "Impressions"],
          ["Total", "", "", "", 1530, 61.2, 17, 20110]]
    yt += [[f"id{i}", t, "Nov 16, 2026", 300, v, 10.5, s, 1000] for i, (t, v, s) in
           enumerate(YOUTUBE)]
    _write(root / "youtube/Table data.csv", _csv(yt))
    li = [["Aggregated content metrics", "", "", "", "", ""],
          ["Date", "Impressions (organic)", "Impressions (total)", "Clicks (total)",
           "Reactions (total)", "Comments (total)", "Reposts (total)", "Engagement rate"]]
    li += [[f"{d:%m/%d/%Y}", 100, 100, c, r, co, rp, 0.05] for d, c, r, co, rp in LINKEDIN]
    _write(root / "linkedin/content.csv", _csv(li))
    lf = [["Date", "Sponsored followers", "Organic followers", "Total followers"]]
    lf += [[f"{d:%m/%d/%Y}", 0, n, n] for d, n in LINKEDIN_FOLLOWERS]
    _write(root / "linkedin/followers.csv", _csv(lf))
    fi = [["Date", "Lifetime Total Likes", "Daily Page Engaged Users"],
          ["", "Lifetime: The total number of people who have liked your Page. (Unique Users)",
           "Daily: The number of people who engaged with your Page. (Unique Users)"]]
    fi += [[str(d), likes, e] for d, likes, e in FB_INSIGHTS]
    _write(root / "facebook/insights.csv", _csv(fi))
    fp = [["Post ID", "Page ID", "Description", "Publish time", "Reactions", "Comments",
           "Shares"]]
    fp += [["1_2", "1", "Tune Up day!\nSign up.", f"{d:%m/%d/%Y} 18:12", r, c, s]
           for d, r, c, s in FB_POSTS]
    _write(root / "facebook/posts.csv", _csv(fp), bom=True)


def write_canonical(root: Path) -> None:
    """The same numbers as canonical `<source>.csv` files."""
    def put(name: str, header: list[str], rows: list[list[Any]]) -> None:
        _write(root / f"{name}.csv", _csv([header, *rows]))

    traffic = []
    for week, rows in TRAFFIC.items():
        for sm, s, g, u in rows:
            source, medium = sm.split(" / ")
            # Universal Analytics has no Users column: the W45 users are missing.
            traffic.append([week, source, medium, s, g, "" if week == WEEKS[0] else u])
    put("traffic", ["date", "source", "medium", "sessions", "goal_completions", "users"],
        traffic)
    paid = [[w, c, t, t, sp, i, cl, cv] for w, rows in ADS.items()
            for c, t, sp, i, cl, cv in rows]
    paid += [[w, c, "Meta", "facebook.com", sp, i, cl, r] for w, (c, sp, i, cl, r) in META.items()]
    put("paid", ["date", "program", "channel", "site", "spend", "impressions", "clicks",
                 "names"], paid)
    put("leads", ["lead_id", "created_at", "program", "score", "status", "sent_to_sales_at",
                  "territory", "email", "company"], [list(r) for r in LEADS])
    put("crm", ["lead_id", "owner", "territory", "status", "first_touch_at", "opportunity_id",
                "bad_data"], [list(r) for r in CRM])
    put("opportunities", ["opportunity_id", "lead_id", "created_at", "stage", "amount",
                          "closed_at", "owner"],
        [[o, lead, cr, st, a, cl if st.startswith("Closed") else "", "Priya"]
         for o, lead, cr, st, a, cl in OPPORTUNITIES])
    put("emails", ["date", "campaign", "sent", "delivered", "opens", "clicks", "unsubscribes",
                   "bounces"], [[d, t, r, dl, o, c, u, so + h]
                                for t, d, r, dl, o, c, u, so, h in EMAILS])
    # 404s: the crawl dated at the period's start (one hit per URL), Search Console's at
    # their last crawl (hits = 1).
    put("pages_404", ["date", "url", "hits"],
        [[WEEKS[2], u, 1] for u, _ in CRAWL_404] + [[d, u, 1] for u, d in GSC_404])
    put("keywords", ["date", "keyword", "position", "clicks", "impressions"],
        [[w, q, p, c, i] for w, rows in QUERIES.items() for q, c, i, p in rows])
    seo = [["2026-11-08", "pages_404", 1], ["2026-11-22", "pages_404", 2]]
    for d, c, i, ctr, p in CHART:
        seo += [[d, "search_clicks", c], [d, "search_impressions", i],
                [d, "search_ctr", ctr], [d, "search_position", p]]
    put("seo", ["date", "metric", "value"], seo)
    social = [[WEEKS[2], "youtube", s, 0, "", v] for _, v, s in YOUTUBE]
    social += [[d, "linkedin", "", c + r + co + rp, "", ""] for d, c, r, co, rp in LINKEDIN]
    social += [[d, "linkedin", n, 0, "", ""] for d, n in LINKEDIN_FOLLOWERS]
    social += [[d, "facebook", likes, e, "", ""] for d, likes, e in FB_INSIGHTS]
    social += [[d, "facebook", "", r + c + s, 1, ""] for d, r, c, s in FB_POSTS]
    put("social", ["date", "network", "followers", "engagements", "posts", "video_views"],
        social)


def _shared(root: Path) -> None:
    """Sources no tool exports: the same hand-made files in both packs."""
    _write(root / "territories.csv", _csv([["territory", "rep"], *TERRITORIES]))
    _write(root / "database.csv", _csv([["date", "contacts"], *DATABASE]))


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[DataPack, DataPack]:
    exports = tmp_path_factory.mktemp("exports")
    canonical = tmp_path_factory.mktemp("canonical")
    write_exports(exports)
    write_canonical(canonical)
    _shared(exports)
    _shared(canonical)
    return DataPack.open(exports), DataPack.open(canonical)


def test_every_export_is_placed(packs: tuple[DataPack, DataPack]) -> None:
    exports, _ = packs
    found = exports.discovery()
    assert found.unplaced == () and found.error is None
    assert exports.errors() == {}
    presets = {f.preset for files in found.files.values() for f in files}
    assert presets == {"canonical", "universal-analytics", "ga4", "google-ads", "meta-ads",
                       "hubspot-contacts", "salesforce-leads", "salesforce-opportunities",
                       "mailchimp-campaigns", "screaming-frog-4xx", "search-console-404",
                       "search-console-404-chart", "search-console-queries",
                       "search-console-chart", "youtube-table", "linkedin-content",
                       "linkedin-followers", "facebook-insights", "facebook-posts"}


@pytest.mark.parametrize("panel", PANELS)
def test_same_panel_figures(packs: tuple[DataPack, DataPack], panel: str) -> None:
    exports, canonical = packs
    settings = PanelSettings(as_of=AS_OF, baseline_periods=2)
    period = review_period(AS_OF)
    from_exports = run_panel(panel, exports, period, settings).to_json()
    from_canonical = run_panel(panel, canonical, period, settings).to_json()
    assert from_canonical["error"] is None and from_exports["error"] is None
    for key in ("figures", "baseline_figures", "tables", "series", "findings"):
        assert from_exports[key] == from_canonical[key], key


def test_the_figures_are_the_numbers_written(packs: tuple[DataPack, DataPack]) -> None:
    exports, _ = packs
    settings = PanelSettings(as_of=AS_OF, baseline_periods=2)
    traffic = run_panel("traffic", exports, review_period(AS_OF), settings)
    # W47 sessions: 1520 + 812 + 233 + 120 + 70 + 40 = 2795; goals 38+21+2+9+1+2 = 73.
    assert traffic.figures["sessions"] == 2795
    assert traffic.figures["goal_completions"] == 73
    paid = run_panel("paid", exports, review_period(AS_OF), settings)
    # W47 spend: Brand 1020.00 + Display 900.50 + Meta 182.04 = 2102.54.
    assert paid.figures["spend"] == pytest.approx(2102.54)
