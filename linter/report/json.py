"""``--format json``: one JSON object ``{"version": 1, "findings": [...], "files": N, ...}``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from linter.report import _stream
from linter.report.base import RunResult


def chunks(result: RunResult) -> Iterator[str]:
    """The report in pieces, the findings one at a time (``render`` joins them)."""
    payload = {
        "version": 1,
        "findings": [_stream.MARK] if result.findings else [],
        "files": result.files,
        "summary": result.counts(),
        "errors": result.errors,
        "notes": result.notes,
    }
    if not result.findings:
        yield json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        return
    yield from _stream.chunks(payload, (f.to_dict() for f in result.findings))


def render(result: RunResult) -> str:
    return "".join(chunks(result))
