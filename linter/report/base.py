"""What every output format receives: the ``RunResult`` of one ``factlint check`` run and the
``RuleInfo`` a format may print about each rule. Formats only render; none detects anything.

A format that shows the articles themselves (``html``) also reads ``RunResult.articles``: one
``Article`` for each article with findings (its text, where each finding lies, its publication
date, the knowledge-base facts behind its title and age findings), which the command line fills
only for such a format."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from linter.finding import Finding, Severity


@dataclass
class RuleInfo:
    """What an output format may say about a rule (SARIF's rule descriptors, JUnit's names)."""

    id: str
    severity: Severity
    summary: str
    help: str = ""
    #: a bundled rule, documented in docs/rules.md (a rule file of the user's is not)
    bundled: bool = False


@dataclass
class KbFact:
    """What the knowledge base holds about the person a finding names: the facts behind a title
    or an age finding. Dates are ISO strings (a year alone when only the year is known)."""

    person: str
    born: str | None = None
    died: str | None = None
    #: (office, start, end) of the person's terms, the office the text names first ("" = open)
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    #: more terms than ``terms`` lists
    more_terms: int = 0
    #: a line about the publication date ("aged 79 on 2025-12-30")
    note: str = ""


@dataclass
class Article:
    """One linted article as a format that shows its text receives it.

    ``spans[i]`` is the ``(start, end)`` code-point offset of ``findings[i]`` in ``text``
    (``text[start:end] == findings[i].excerpt``); ``spans`` is None when the text is not
    available. ``paragraphs`` are the document's paragraph spans; for an HTML article ``prose``
    is its text with the markup blanked out (same length and offsets as ``text``)."""

    path: str
    text: str
    kind: str
    findings: list[Finding]
    spans: list[tuple[int, int]] | None
    date: datetime.date | None = None
    date_source: str | None = None
    title: str | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    prose: str | None = None
    #: finding index -> the knowledge-base facts behind it
    facts: dict[int, KbFact] = field(default_factory=dict)


@dataclass
class Tally:
    """What a report says of its findings as a whole, counted as they go by (a spooled run's
    findings are not all in memory): how many of each severity, of each rule, and the
    severities each rule's findings had."""

    severities: Counter[Severity] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    rule_severities: dict[str, set[Severity]] = field(default_factory=dict)

    def add(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.severities[f.severity] += 1
            self.rules[f.rule] += 1
            self.rule_severities.setdefault(f.rule, set()).add(f.severity)

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Tally:
        tally = cls()
        tally.add(findings)
        return tally

    def counts(self) -> dict[str, int]:
        """The findings of each severity: ``{"error": n, "warning": n, "info": n}``."""
        return {"error": self.severities[Severity.ERROR], "warning": self.severities[Severity.WARNING],
                "info": self.severities[Severity.INFO]}


@dataclass
class RunResult:
    """Everything one ``factlint check`` run produced."""

    #: sorted by ``Finding.sort_key`` (ties in input order); a list, or a ``linter.spool.Spool``
    #: that gives them back from disk on each pass
    findings: Collection[Finding]
    files: int
    errors: list[str] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: the articles with findings, in input order, for a format that shows them (None: not
    #: collected). Possibly a one-pass iterator: a format reads it once, article by article.
    articles: Iterable[Article] | None = None
    #: the run's ``--fail-on``: the lowest severity that fails it (``never``: none does); JUnit
    #: shows the findings at or above it as failures, the others as output of a passing test
    fail_on: str = "error"
    #: the path of every document linted, each once, in the order first met (``FILE.jsonl#ID``
    #: for an archive record), clean ones too: JUnit's test cases; iterated in that order and
    #: asked for membership (a ``dict``'s keys serve). None: not known (the paths with findings).
    paths: Collection[str] | None = None
    #: the ``Tally`` of ``findings`` when it was counted on the way (None: counted when asked)
    tally: Tally | None = None
    #: ``findings`` come grouped by path, the groups in the order of ``paths`` (JUnit's test
    #: cases; the paths no document has last, sorted), each sorted by ``Finding.sort_key``
    by_case: bool = False

    def failing(self, finding: Finding) -> bool:
        """Whether ``finding`` is at or above the run's ``--fail-on``."""
        return self.fail_on != "never" and finding.severity >= Severity.parse(self.fail_on)

    def summary(self) -> Tally:
        """The ``Tally`` of the findings (counted now when it was not given)."""
        return self.tally if self.tally is not None else Tally.of(self.findings)

    def counts(self) -> dict[str, int]:
        return self.summary().counts()
