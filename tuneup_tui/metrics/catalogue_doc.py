"""The catalogue of figures as docs/metrics.md prints it, and the command that rewrites it.

`python -m tuneup_tui.metrics.catalogue_doc docs/metrics.md` replaces the text between the
page's catalogue markers with `catalogue_markdown()`; a test fails when the page and the
catalogue differ, so the page never says something the console does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tuneup_tui.metrics.catalogue_entries import PANEL_FIGURES, PATTERNS
from tuneup_tui.metrics.figure_shorts import SHORTS

START = "<!-- catalogue: generated from tuneup_tui/metrics/catalogue_entries.py -->"
END = "<!-- catalogue: end -->"


def catalogue_markdown() -> str:
    """One table per panel: key, label, its short wording for a narrow screen, unit, which
    way is better, numerator, denominator."""
    out: list[str] = []
    for panel, figures in PANEL_FIGURES.items():
        out += [f"**{panel}**", "",
                "| key | label | narrow | unit | better | numerator | denominator |",
                "|---|---|---|---|---|---|---|"]
        for key, info in figures.items():
            unit = f"{info.unit} (shown as %)" if info.percent else info.unit
            out.append(f"| `{key}` | {info.label} | {SHORTS.get(info.label, '')} | {unit} | "
                       f"{info.better if info.judged else f'{info.better}, not judged'} | "
                       f"{info.numerator or ''} | {info.denominator or ''} |")
        for (pattern_panel, prefix), make in PATTERNS.items():
            if pattern_panel == panel:
                example = make("spam_score")
                out.append(f"| `{prefix}<metric>` | SEO <metric> | | {example.unit} | up, or "
                           "down for spam_score; neither for a metric it does not know | | |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def with_catalogue(page: str) -> str:
    """`page` with the text between the markers replaced by the catalogue."""
    head, found, rest = page.partition(START)
    if not found:
        raise ValueError("the page has no catalogue marker")
    _, found_end, tail = rest.partition(END)
    if not found_end:
        raise ValueError("the page's catalogue has no end marker")
    return f"{head}{START}\n\n{catalogue_markdown()}\n{END}{tail}"


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/metrics.md")
    target.write_text(with_catalogue(target.read_text(encoding="utf-8")), encoding="utf-8")
