"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

Artifact URIs are percent-encoded (``my story #2.md`` is ``my%20story%20%232.md``; an absolute
path is a ``file:`` URI). A finding of an archive record (``FILE.jsonl#ID``) is placed on the
archive file itself, in a region covering the archive's line that holds the record, so a viewer
opens the right line; the record is its logical location (``FILE.jsonl#ID``, kind ``object``)
and the result's ``properties.record`` holds the record id and the finding's line and column
inside the record's ``text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from linter import __version__
from linter.finding import Finding
from linter.report import _stream
from linter.report._archive import record_of, uri
from linter.report.base import RunResult

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def chunks(result: RunResult) -> Iterator[str]:
    """The report in pieces, the results one at a time (``render`` joins them)."""
    rule_ids = sorted(set(result.summary().rules) | set(result.rules))
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
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint", "version": __version__, "semanticVersion": __version__,
                "informationUri": "https://github.com/factlint/factlint", "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_stream.MARK] if result.findings else [],
            "invocations": [{
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e}} for e in result.errors
                ],
            }],
        }],
    }
    if not result.findings:
        yield json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        return
    yield from _stream.chunks(doc, (_result(f, index[f.rule]) for f in result.findings))


def render(result: RunResult) -> str:
    return "".join(chunks(result))


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[str(f.severity)],
        "message": {"text": f.message},
    }
    record = record_of(f)
    if record is None:
        out["locations"] = [{"physicalLocation": {
            "artifactLocation": {"uri": uri(f.path)},
            "region": {
                "startLine": f.line, "startColumn": f.column,
                "endLine": f.end_line, "endColumn": f.end_column,
                "snippet": {"text": f.excerpt},
            },
        }}]
        if f.fix is not None and f.fix.edits:
            out["fixes"] = [_fix(f)]
        return out
    out["locations"] = [{
        "physicalLocation": {
            "artifactLocation": {"uri": uri(record.archive)},
            "region": {"startLine": record.line, "endLine": record.line},
        },
        "logicalLocations": [{"name": str(record.id), "fullyQualifiedName": f.path, "kind": "object"}],
    }]
    out["properties"] = {"record": {
        "id": record.id, "archiveLine": record.line,
        "startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
        "excerpt": f.excerpt,
    }}
    return out


def _fix(f: Finding) -> dict[str, Any]:
    """The finding's fix as a SARIF fix: each edit a replacement of its region in the file (a fix
    in an archive record is not offered: its lines are the record's, not the file's)."""
    assert f.fix is not None
    return {
        "description": {"text": f"{'Safe' if f.fix.safe else 'Unsafe'} fix for {f.rule}"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri(f.path)},
            "replacements": [{
                "deletedRegion": {"startLine": e.line, "startColumn": e.column,
                                  "endLine": e.end_line, "endColumn": e.end_column},
                "insertedContent": {"text": e.replacement},
            } for e in f.fix.edits],
        }],
        "properties": {"applicability": f.fix.applicability},
    }
