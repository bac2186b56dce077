"""Bugs of the layer between the extractors and the front ends, each pinned by a test: a user's
severity override, the knowledge base the rules' holds() reads, warnings under --jobs and in the
language server, the Python floor version."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linter.api import build_engine, lint_text
from linter.cli import app
from linter.config import Config
from linter.finding import Severity

runner = CliRunner()
WEEKDAY_NO_YEAR = "The council met on Thursday, Jan. 14, to approve the budget.\n"


def test_user_severity_override_wins_over_the_rules_own_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """date/weekday-mismatch says warning when the year is not written; the user's `error` wins."""
    plain = lint_text(WEEKDAY_NO_YEAR, date=datetime.date(2026, 1, 20),
                      engine=build_engine(select=["date/weekday-mismatch"]))
    assert [f.severity for f in plain.findings] == [Severity.WARNING]
    config = Config(severity={"date/weekday-mismatch": Severity.ERROR})
    raised = lint_text(WEEKDAY_NO_YEAR, date=datetime.date(2026, 1, 20),
                       engine=build_engine(config, select=["date/weekday-mismatch"]))
    assert [f.severity for f in raised.findings] == [Severity.ERROR]
    # and through the command line: the run fails as the configuration asks
    (tmp_path / "factlint.yaml").write_text("severity:\n  date/weekday-mismatch: error\n")
    (tmp_path / "a.txt").write_text(WEEKDAY_NO_YEAR)
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["check", "a.txt", "--date", "2026-01-20", "--select", "date/weekday-mismatch"])
    assert r.exit_code == 1 and ": error:" in r.stdout


def test_rules_holds_is_the_knowledge_bases_holds():
    """The DSL's holds() (what title rules call) answers as KnowledgeBase.holds does."""
    from linter.dsl import BOOL, compile_expression
    from linter.dsl.runtime import EvalContext
    from linter.kb import load_kb
    from linter.subjects import build_environment

    kb = load_kb()
    registry = build_environment().registry

    class Host:
        pass

    host = Host()
    host.kb = kb  # type: ignore[attr-defined]
    for day in ("2019-01-01", "2023-06-01", "2028-06-01", "1960-01-01"):
        expr = compile_expression(f'holds("donald-trump", "us.president", date("{day}"))', {}, registry,
                                  expect=None)
        assert expr.fn(EvalContext({}, host=host)) == kb.holds(
            "donald-trump", "us.president", datetime.date.fromisoformat(day)), day
        assert expr.type == BOOL


FAILING_RULE = """- id: house/bad-date
  severity: info
  message: never shown
  when: date(sentence.text) != none
"""


def test_jobs_workers_keep_engine_warnings(tmp_path: Path):
    """A function that fails warns on stderr, with one process or several."""
    rules = tmp_path / "r.yaml"
    rules.write_text(FAILING_RULE)
    for i in range(10):
        (tmp_path / f"a{i}.txt").write_text(f"Sentence {i} is not a date.\n")
    outs = []
    for jobs in ("1", "2"):
        r = runner.invoke(app, ["check", str(tmp_path), "--rules", str(rules), "--select", "house/",
                                "--jobs", jobs, "--format", "json"])
        assert r.exit_code == 0, r.stderr
        warnings = sorted(line for line in r.stderr.splitlines() if "function date() failed" in line)
        outs.append(warnings)
        assert json.loads(r.stdout)["findings"] == []
    assert len(outs[0]) == 10 and outs[0] == outs[1]


def test_language_server_warnings_do_not_accumulate(tmp_path: Path):
    from linter.lsp import Linter

    (tmp_path / "r.yaml").write_text(FAILING_RULE)
    (tmp_path / "factlint.yaml").write_text("rules: [r.yaml]\nselect: [house/]\n")
    linter = Linter()
    for _ in range(3):
        linter.lint(tmp_path / "a.txt", "One sentence. Two sentences.\n")
        assert len(linter.warnings) == 2


def test_regex_parser_fallback_of_python_3_10(monkeypatch: pytest.MonkeyPatch):
    """The required-literal analysis works with the parser's pre-3.11 names (sre_parse)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import sre_constants
        import sre_parse

    from linter.dsl import literals

    expected = literals.required_literals(r"\bImage Source:\s*Google", False)
    monkeypatch.setattr(literals, "_parser", sre_parse)
    monkeypatch.setattr(literals, "C", sre_constants)
    assert literals.required_literals(r"\bImage Source:\s*Google", False) == expected
    assert expected is not None
