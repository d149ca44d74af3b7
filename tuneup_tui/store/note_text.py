"""A session's note as stored: the typed text, then the questions covered, as plain Markdown.

The check-offs of a session's questions are kept in its note (not in a separate table), so any
export of the notes shows which questions the room answered; the summary splits them back
apart (`split_note`) to list every question, ticked or not:

    <typed notes>

    Questions covered:
    - [x] Which sources convert below their average?
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MARKER = "Questions covered:"


def compose_note(text: str, questions: Sequence[str], checked: Iterable[int]) -> str:
    """The stored note: `text`, then the checked questions (nothing added when none are)."""
    ticked = sorted(i for i in set(checked) if 0 <= i < len(questions))
    body = text.rstrip()
    if not ticked:
        return body
    lines = [f"- [x] {questions[i]}" for i in ticked]
    block = MARKER + "\n" + "\n".join(lines)
    return f"{body}\n\n{block}" if body else block


def split_note(stored: str, questions: Sequence[str]) -> tuple[str, set[int]]:
    """The typed text and the indexes of the checked questions of a stored note."""
    head, sep, tail = stored.rpartition(MARKER)
    if not sep:
        return stored, set()
    checked: set[int] = set()
    for line in tail.splitlines():
        line = line.strip()
        if line.startswith("- [x] "):
            question = line[len("- [x] "):]
            if question in questions:
                checked.add(questions.index(question))
    if not checked:
        return stored, set()
    return head.rstrip(), checked
