"""``--format json``: one JSON object ``{"version": 1, "findings": [...], "files": N, ...}``."""

from __future__ import annotations

import json

from linter.report.base import RunResult


def render(result: RunResult) -> str:
    payload = {
        "version": 1,
        "findings": [f.to_dict() for f in result.findings],
        "files": result.files,
        "summary": result.counts(),
        "errors": result.errors,
        "notes": result.notes,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
