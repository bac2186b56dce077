"""What every output format receives: the ``RunResult`` of one ``factlint check`` run and the
``RuleInfo`` a format may print about each rule. Formats only render; none detects anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.finding import Finding, Severity


@dataclass
class RuleInfo:
    """What an output format may say about a rule (SARIF's rule descriptors, JUnit's names)."""

    id: str
    severity: Severity
    summary: str
    help: str = ""


@dataclass
class RunResult:
    """Everything one ``factlint check`` run produced."""

    findings: list[Finding]
    files: int
    errors: list[str] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        result = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            result[str(f.severity)] += 1
        return result
