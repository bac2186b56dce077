"""``--format github``: GitHub Actions workflow commands (``::error file=...,line=...::message``)."""

from __future__ import annotations

from linter.report.base import RunResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for f in result.findings:
        props = (f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f.rule)}")
        lines.append(f"::{_LEVEL[str(f.severity)]} {props}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
