"""Run the ``examples`` every rule carries: ``fail`` texts must trigger it, ``pass`` texts must not.

Used by ``factlint rules test`` and by the test suite (one pytest id per example), so a rule's
documentation and its behaviour cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linter.api import build_engine, lint_text
from linter.engine import Engine
from linter.finding import Finding
from linter.rules import Example, Rule, RuleSet


@dataclass
class ExampleResult:
    rule: str
    example: Example
    findings: list[Finding]
    ok: bool

    def describe(self) -> str:
        ex = self.example
        where = f"{ex.loc}: " if ex.loc else ""
        verdict = "ok" if self.ok else "FAILED"
        want = "must trigger" if ex.expect_fail else "must not trigger"
        if ex.count is not None and ex.expect_fail:
            want += f" {ex.count} time(s)"
        got = "; ".join(f"{f.line}:{f.column} {f.severity} {f.message}" for f in self.findings) or "no finding"
        if ex.severity is not None:
            want += f" at {ex.severity}"
        if ex.fixed is not None:
            want += f", and --fix must give {ex.fixed!r}"
        date = f" (published {ex.date})" if ex.date else ""
        return f"{where}{verdict}: {self.rule} {want}{date}: {ex.text!r} -> {got}"


def run_example(rule: Rule, example: Example, engine: Engine | None = None) -> ExampleResult:
    engine = engine or build_engine(ruleset=RuleSet([rule]), select=[rule.id])
    result = lint_text(example.text, path=f"<example of {rule.id}>", kind=example.kind, date=example.date,
                       engine=engine)
    findings = [f for f in result.findings if f.rule == rule.id]
    if example.expect_fail:
        ok = bool(findings) if example.count is None else len(findings) == example.count
    else:
        ok = not findings
    if ok and example.severity is not None:
        ok = all(f.severity == example.severity for f in findings)
    if ok and example.fixed is not None:
        from linter.fixer import apply_fixes

        fixed, _ = apply_fixes(example.text, [f.fix for f in findings if f.fix is not None])
        ok = fixed == example.fixed
    return ExampleResult(rule.id, example, findings, ok)


def run_examples(rules: Sequence[Rule]) -> list[ExampleResult]:
    results = []
    for rule in rules:
        engine = build_engine(ruleset=RuleSet([rule]), select=[rule.id])
        for example in rule.examples:
            results.append(run_example(rule, example, engine))
    return results
