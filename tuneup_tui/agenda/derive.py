"""Deriving a shorter agenda (monthly, weekly) from a day's agenda and what the day found.

The rules (docs/cadence.md explains them to facilitators):
- breaks (a session with no owner role, no panel, no questions and no figures, e.g. Lunch)
  are dropped;
- the wrap-up (a last session called "End of Day", "Wrap-up" or "Next steps") is kept, short:
  a twentieth of the time, at least the minimum length;
- the rest of the time is shared by weight: a session's planned length, doubled when the day
  found one soft spot in it, tripled for two, four times for three or more;
- while a share would fall under the minimum length (5 minutes for month, 3 for week), the
  lightest pair of adjacent sessions is merged, clean pairs first;
- whole minutes, shared by largest remainder, so the lengths sum exactly to the target;
- the scorecard, if the day showed it anywhere, opens the shorter agenda: it becomes the first
  panel of the first session (and leaves the session it was in).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import time
from typing import Literal

from tuneup_tui.agenda.model import Agenda, Session, minutes_of

DerivedCadence = Literal["month", "week"]
DEFAULT_MINUTES: dict[str, int] = {"month": 210, "week": 30}
MIN_SESSION: dict[str, int] = {"month": 5, "week": 3}
BASELINE: dict[str, int] = {"month": 3, "week": 8}
WRAP_UP_NAMES = ("end of day", "wrap-up", "wrap up", "next steps")
MAX_WEIGHTED_SPOTS = 3
DAY_START = time(9, 0)
SCORECARD = "scorecard"


class DeriveError(ValueError):
    """The agenda can't be shortened as asked; the message is one line."""


@dataclass
class _Block:
    """One or more adjacent sessions that will become one derived session."""

    sessions: list[Session]
    weight: float
    flagged: bool


def derive_agenda(agenda: Agenda, cadence: DerivedCadence, *, minutes: int | None = None,
                  soft_spot_counts: Mapping[str, int] | None = None) -> Agenda:
    """A shorter agenda for `cadence`, `minutes` long (210 for month, 30 for week)."""
    if cadence not in DEFAULT_MINUTES:
        raise DeriveError(f"cadence must be month or week, not {cadence!r}")
    total = DEFAULT_MINUTES[cadence] if minutes is None else int(minutes)
    least = MIN_SESSION[cadence]
    counts = {k.casefold(): v for k, v in (soft_spot_counts or {}).items() if v > 0}

    content, wrap_up = _split(agenda)
    if not content and wrap_up is None:
        raise DeriveError("the agenda has no sessions to keep (only breaks)")
    wrap_minutes = max(least, total // 20) if wrap_up is not None else 0
    if not content:
        wrap_minutes = total
    budget = total - wrap_minutes
    if total < least or (content and budget < least):
        raise DeriveError(f"{total} minutes is too short for a {cadence}ly agenda; "
                          f"give at least {least + wrap_minutes if content else least}")

    blocks = [_block(agenda, i, s, counts, least) for i, s in content]
    shares = _fit(blocks, budget, least)

    first = agenda.sessions[0].start if agenda.sessions else DAY_START
    start = minutes_of(first)
    if start + total >= 24 * 60:
        start = minutes_of(DAY_START)
    if start + total >= 24 * 60:
        raise DeriveError(f"{total} minutes does not fit in one day")

    sessions: list[Session] = []
    at = start
    for block, share in zip(blocks, shares, strict=True):
        sessions.append(_merge(block.sessions, _clock(at)))
        at += share
    if wrap_up is not None:
        sessions.append(replace(wrap_up, start=_clock(at)))
        at += wrap_minutes
    sessions = _scorecard_first(sessions)
    return replace(agenda,
        title=derived_title(agenda.title, cadence),
        cadence=cadence,
        period=cadence,
        baseline_periods=BASELINE[cadence],
        end_of_day=_clock(at),
        sessions=tuple(sessions),
    )


def _scorecard_first(sessions: list[Session]) -> list[Session]:
    """The scorecard, wherever the day showed it, moved to the front of the first session: a
    shorter review opens on the Monday questions."""
    if not sessions or not any(SCORECARD in s.panels for s in sessions):
        return sessions
    out = [replace(s, panels=tuple(p for p in s.panels if p != SCORECARD)) for s in sessions]
    out[0] = replace(out[0], panels=(SCORECARD, *out[0].panels))
    return out


def derive_header(derived: Agenda, origin: str, counts: Mapping[str, int]) -> str:
    """The comment that opens a derived agenda file: where it came from, what weighed."""
    spots = ", ".join(f"{topic} ({n})" for topic, n in counts.items() if n > 0)
    return (f"{derived.title}: derived by `tuneup agenda derive --cadence {derived.cadence}` "
            f"from {origin}.\n"
            + (f"Sessions with soft spots kept more time: {spots}.\n" if spots
               else "No soft spots weighed: every session counted as clean.\n")
            + "Edit freely; `tuneup agenda check` this file after editing.")


def derived_title(title: str, cadence: str) -> str:
    """"One Day Sales ... Tune Up" -> "Monthly Sales ... Tune Up"."""
    word = "Monthly" if cadence == "month" else "Weekly"
    for prefix in ("One Day ", "One-Day ", "Monthly ", "Weekly "):
        if title.casefold().startswith(prefix.casefold()):
            return word + " " + title[len(prefix):]
    for suffix in (" (monthly)", " (weekly)"):
        if title.casefold().endswith(suffix):
            title = title[: -len(suffix)]
    return f"{title} ({word.lower()})"


def is_break(session: Session) -> bool:
    """A pause in the day (Lunch): no owner role, no panel, no questions, no figures."""
    return not (session.who or session.panels or session.questions or session.record)


def _split(agenda: Agenda) -> tuple[list[tuple[int, Session]], Session | None]:
    """(index, session) of the sessions to share the time, and the wrap-up if there is one."""
    sessions = list(enumerate(agenda.sessions))
    wrap_up = None
    if sessions and any(n in sessions[-1][1].topic.casefold() for n in WRAP_UP_NAMES):
        wrap_up = sessions.pop()[1]
    return [(i, s) for i, s in sessions if not is_break(s)], wrap_up


def _block(agenda: Agenda, index: int, session: Session, counts: Mapping[str, int],
           least: int) -> _Block:
    spots = counts.get(session.topic.casefold(), 0)
    # a zero-length session (planned at the same time as the next) still needs a slot
    length = max(agenda.session_length(index), least)
    factor = 2 + min(spots, MAX_WEIGHTED_SPOTS) if spots else 1
    return _Block([session], length * factor, spots > 0)


def _fit(blocks: list[_Block], budget: int, least: int) -> list[int]:
    """Whole-minute shares of `budget` by weight, merging blocks until each gets `least`."""
    if not blocks:
        return []
    while True:
        shares = _shares([b.weight for b in blocks], budget)
        if min(shares) >= least or len(blocks) == 1:
            return shares
        pair = _lightest_pair(blocks)
        a, b = blocks[pair], blocks[pair + 1]
        # a merged block weighs what its heaviest part does: merging is how clean sessions
        # give their time to the ones with soft spots
        blocks[pair: pair + 2] = [_Block(a.sessions + b.sessions, max(a.weight, b.weight),
                                         a.flagged or b.flagged)]


def _lightest_pair(blocks: Sequence[_Block]) -> int:
    """Index of the adjacent pair to merge: clean pairs before any with a soft spot, then the
    pair holding the fewest sessions (so merges stay even), the lightest, the earliest."""
    def key(i: int) -> tuple[int, int, float, int]:
        a, b = blocks[i], blocks[i + 1]
        return (int(a.flagged) + int(b.flagged), len(a.sessions) + len(b.sessions),
                a.weight + b.weight, i)
    return min(range(len(blocks) - 1), key=key)


def _shares(weights: Sequence[float], budget: int) -> list[int]:
    """Largest-remainder rounding: whole numbers proportional to weights, summing to budget."""
    total = sum(weights)
    exact = [budget * w / total for w in weights] if total else [budget / len(weights)] * len(
        weights)
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in by_remainder[: budget - sum(shares)]:
        shares[i] += 1
    return shares


def _merge(sessions: Sequence[Session], start: time) -> Session:
    """One session from adjacent ones: the first one's owner role, every panel, question and
    figure, the topics joined ("Social Media and Referring Sites")."""
    if len(sessions) == 1:
        return replace(sessions[0], start=start)
    topics = [s.topic for s in sessions]
    topic = ", ".join(topics[:-1]) + " and " + topics[-1]
    owner = next((s.who for s in sessions if s.who), "")
    return Session(
        start=start,
        topic=topic,
        who=owner,
        description="\n".join(f"{s.topic}: {s.description}" if s.description else s.topic
                              for s in sessions),
        panels=_unique(p for s in sessions for p in s.panels),
        questions=_unique(q for s in sessions for q in s.questions),
        record=_unique(r for s in sessions for r in s.record),
    )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)
