"""``--format github``: GitHub Actions workflow commands (``::error file=...,line=...::message``).

A finding of an archive record (``FILE.jsonl#ID``) is annotated on the archive file, on its line
that holds the record (``file=FILE.jsonl,line=N``); the message begins with the record id and
the line and column inside the record's ``text``.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.report._archive import record_of
from linter.report._located import located
from linter.report.base import RunResult
from linter.sanitize import escape_controls

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(s)  # no escape sequence from an article reaches the log


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def chunks(result: RunResult) -> Iterator[str]:
    """The report in pieces, a line each (``render`` joins them)."""
    for f in result.findings:
        record = record_of(f)
        message = f.message
        if record is None:
            props = (f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f.rule)}")
        else:
            props = (f"file={_escape_prop(record.archive)},line={record.line},endLine={record.line},"
                     f"title={_escape_prop(f.rule)}")
            message = f"record {record.id}, line {f.line}, column {f.column}: {message}"
        yield f"::{_LEVEL[str(f.severity)]} {props}::{_escape_data(message)}\n"
    for error in result.errors:  # input and internal errors, where they are
        e = located(error)
        place = f"file={_escape_prop(e.path)},line={e.line},col={e.column}," if e.path else ""
        yield f"::error {place}title=factlint::{_escape_data(e.message)}\n"


def render(result: RunResult) -> str:
    return "".join(chunks(result))
