"""Hypothesis strategies for the agenda tests: valid agendas, and arbitrary TOML values."""

from __future__ import annotations

from datetime import time
from typing import Any

from hypothesis import strategies as st

from tuneup_tui.agenda.model import CADENCES, PERIOD_KINDS, Agenda, Role, Session
from tuneup_tui.metrics.names import PANEL_NAMES

# Text a facilitator could type, control characters and line breaks included: the writer must
# escape them and the loader read them back unchanged.
words = st.text(min_size=1, max_size=20).filter(lambda t: t.strip() != "")
figure_names = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)

toml_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.times(),
    st.dates(),
)


def toml_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """Any value tomllib can return (NaN left out: it never equals itself)."""
    return st.recursive(
        toml_scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(max_size=8), inner, max_size=4),
        ),
        max_leaves=max_leaves,
    )


@st.composite
def sessions(draw: st.DrawFn) -> tuple[tuple[Session, ...], time]:
    """Sessions in strict time order with distinct topics, and an end of day not before them."""
    starts = sorted(draw(st.sets(st.integers(0, 23 * 60 + 59), min_size=1, max_size=6)))
    topics = draw(st.lists(words, min_size=len(starts), max_size=len(starts),
                           unique_by=lambda t: t.strip().casefold()))
    made = []
    for minute, topic in zip(starts, topics, strict=True):
        is_break = draw(st.booleans()) and draw(st.booleans())
        if is_break:
            who, panels, questions, record = draw(st.sampled_from(["", "  "])), (), (), ()
        else:
            who = draw(words)
            panels = tuple(draw(st.lists(st.sampled_from(PANEL_NAMES), unique=True,
                                         max_size=3)))
            questions = tuple(draw(st.lists(words, max_size=4)))
            record = tuple(draw(st.lists(figure_names, unique=True, max_size=3)))
        made.append(Session(
            start=time(minute // 60, minute % 60), topic=topic, who=who,
            description=draw(st.text(max_size=40)), panels=panels, questions=questions,
            record=record,
        ))
    end = draw(st.integers(starts[-1], 23 * 60 + 59))
    return tuple(made), time(end // 60, end % 60)


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    """A valid agenda of any shape the format allows."""
    planned, end_of_day = draw(sessions())
    role_names = draw(st.lists(words, max_size=4, unique_by=lambda t: t.casefold()))
    roles = tuple(Role(role=name, people=tuple(draw(st.lists(words, max_size=3))))
                  for name in role_names)
    settings = draw(st.dictionaries(
        st.sampled_from(PANEL_NAMES),
        st.dictionaries(st.text(max_size=10), toml_values(max_leaves=3), max_size=2),
        max_size=2,
    ))
    return Agenda(
        title=draw(words), series=draw(words), cadence=draw(st.sampled_from(CADENCES)),
        period=draw(st.sampled_from(PERIOD_KINDS)),
        baseline_periods=draw(st.integers(1, 10**6)), end_of_day=end_of_day,
        sessions=planned, roles=roles, panels=settings,
    )
