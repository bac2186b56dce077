"""Split the run's error messages (``path:line[:column]: message``) for the formats that place
them in a file: JUnit, Checkstyle and GitHub annotations show input and internal errors where
they are, as they show findings."""

from __future__ import annotations

import re
from typing import NamedTuple

from linter import recache

_LOCATED = recache.compile(r"(?P<path>.+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<message>.*)", re.S)


class Located(NamedTuple):
    path: str
    line: int
    column: int
    message: str


def located(error: str) -> Located:
    """The path, line, column and message of an error message (``("", 1, 1, error)`` when it
    names no place)."""
    m = _LOCATED.fullmatch(error)
    if m is None:
        return Located("", 1, 1, error)
    return Located(m.group("path"), int(m.group("line")), int(m.group("column") or 1), m.group("message"))
