"""A guess at what a mistyped command or choice meant ("did you mean ..."), for argparse."""

from __future__ import annotations

import difflib
import re

_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<typed>[^']*)' \(choose from (?P<choices>.*)\)")


def did_you_mean(message: str) -> str:
    """argparse's `message`, with an invalid choice's long list replaced by the close one.

    "argument COMMAND: invalid choice: 'actoins' (choose from 'run', ...)" becomes
    "argument COMMAND: invalid choice: 'actoins'; did you mean 'actions'?"; with nothing close,
    the message stays as it is.
    """
    found = _INVALID_CHOICE.search(message)
    if found is None:
        return message
    choices = re.findall(r"'([^']*)'", found["choices"])
    close = difflib.get_close_matches(found["typed"], choices, n=1, cutoff=0.6)
    if not close:
        return message
    return f"{message[:found.start()]}invalid choice: '{found['typed']}'; did you mean " \
           f"'{close[0]}'?"
