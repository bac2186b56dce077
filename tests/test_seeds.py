"""The bundled seeds: exact JSON output pinned (golden files), and what EXPECTED.md asks for.

Regenerate the golden files after an intended change with
``FACTLINT_UPDATE_GOLDEN=1 pytest tests/test_seeds.py`` and review the diff.
"""

from __future__ import annotations

import datetime
import json
import os

import pytest
from conftest import REPO, SEEDS  # noqa: E402

from linter.document import load_text
from linter.engine import Engine
from linter.finding import Finding, Severity
from linter.report import RunResult, formatter
from linter.rules import load_rules

GOLDEN = REPO / "tests" / "golden"
ENGINE = Engine(load_rules())
FM = 3  # the seeds' front matter is three lines: EXPECTED.md's line N is line N + 3 here

RUNS = {
    "000": ("000_5b1bdec33577ccee.txt", None),
    "000-nodate": ("000_5b1bdec33577ccee.txt", "strip"),
    "001-nodate": ("001_535466d225eb473c.txt", None),
    "001-2025-12-30": ("001_535466d225eb473c.txt", datetime.date(2025, 12, 30)),
    "004": ("004_03d1abdf2edee18b.txt", None),
}


def lint(run: str) -> list[Finding]:
    name, date = RUNS[run]
    text = (SEEDS / name).read_text(encoding="utf-8")
    if date == "strip":  # the same article with its date line blanked (lines keep their numbers)
        text = text.replace("date: 2025-12-30", "note: no date", 1)
        date = None
    doc = load_text(text, path=f"seeds/{name}", date=date if isinstance(date, datetime.date) else None)
    return ENGINE.lint(doc).findings


@pytest.mark.parametrize("run", sorted(RUNS))
def test_golden(run: str) -> None:
    findings = lint(run)
    out = json.loads(formatter("json")(RunResult(findings, 1)))
    path = GOLDEN / f"{run}.json"
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with FACTLINT_UPDATE_GOLDEN=1"
    assert out == json.loads(path.read_text(encoding="utf-8"))


def at(findings: list[Finding], line: int, family: str, minimum: Severity = Severity.WARNING) -> list[Finding]:
    return [f for f in findings if f.line == line + FM and f.rule.startswith(family) and f.severity >= minimum]


def test_001_dated_source_and_content_warnings() -> None:
    fs = lint("001-2025-12-30")
    for line in (29, 31, 33):
        assert at(fs, line, "content/"), line
    for line in (21, 27):
        assert at(fs, line, "source/"), line
    assert not at(fs, 23, "source/")  # info at most


def test_004_source_warnings_and_silent_traps() -> None:
    fs = lint("004")
    for line in (6, 11, 21, 33, 38, 47):
        assert at(fs, line, "source/"), line
    for line in (15, 18, 27, 34):
        assert not at(fs, line, ""), (line, at(fs, line, ""))


def test_000_source() -> None:
    fs = lint("000")
    assert at(fs, 8, "source/")
    assert not at(fs, 1, "source/") and not at(fs, 9, "source/")
