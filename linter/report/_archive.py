"""Where a finding is for a format that points into files (SARIF, GitHub annotations): a finding
of an archive record (``FILE.jsonl#ID``) lies on the archive's line that holds the record, since
its own line and column count inside the record's ``text``; and a path as a URI reference."""

from __future__ import annotations

from pathlib import PureWindowsPath
from typing import Any, NamedTuple
from urllib.parse import quote

from linter.finding import Finding


class Record(NamedTuple):
    """An archive finding's place: the archive file (as given), its line holding the record, and
    the record id."""

    archive: str
    line: int
    id: str | int | float


def record_of(finding: Finding) -> Record | None:
    """The archive record ``finding`` belongs to (None for a file's or standard input's)."""
    where: Any = finding.extra.get("archive")
    if not isinstance(where, dict):
        return None
    try:
        return Record(str(where["path"]), int(where["line"]), where["id"])
    except (KeyError, TypeError, ValueError):
        return None


def uri(path: str) -> str:
    """``path`` as a SARIF artifact URI: a relative path as a percent-encoded relative reference
    (``my story #2.md`` -> ``my%20story%20%232.md``), an absolute one as a ``file:`` URI."""
    posix = path.replace("\\", "/")
    windows = PureWindowsPath(path)
    if windows.drive and windows.is_absolute():  # C:\\news\\a.md
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")  # ':' encoded too: "a:b.md" must not read as a scheme
