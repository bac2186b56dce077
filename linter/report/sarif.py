"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

import json
from typing import Any

from linter import __version__
from linter.report.base import RunResult

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(result: RunResult) -> str:
    rule_ids = sorted({f.rule for f in result.findings} | set(result.rules))
    index = {rid: i for i, rid in enumerate(rule_ids)}
    rules: list[dict[str, Any]] = []
    for rid in rule_ids:
        info = result.rules.get(rid)
        descriptor: dict[str, Any] = {"id": rid, "name": rid.replace("/", "-")}
        if info is not None:
            descriptor["shortDescription"] = {"text": info.summary or rid}
            descriptor["defaultConfiguration"] = {"level": _LEVEL[str(info.severity)]}
            if info.help:
                descriptor["help"] = {"text": info.help}
        rules.append(descriptor)
    results = []
    for f in result.findings:
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[str(f.severity)],
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path.replace("\\", "/")},
                    "region": {
                        "startLine": f.line, "startColumn": f.column,
                        "endLine": f.end_line, "endColumn": f.end_column,
                        "snippet": {"text": f.excerpt},
                    },
                }
            }],
        })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint", "version": __version__, "semanticVersion": __version__,
                "informationUri": "https://github.com/factlint/factlint", "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e}} for e in result.errors
                ],
            }],
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
