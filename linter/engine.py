"""Run rules over documents: document → analysis → every rule on every subject → findings.

Detection only: the engine returns sorted ``Finding`` objects and knows nothing of output
formats. Suppression comments and ``--select``/``--ignore`` are applied here, so every output
format and the language server see the same findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.document import Document
from linter.dsl import EvalContext
from linter.extractions import Analysis
from linter.finding import Finding, Fix, Severity
from linter.kb import KnowledgeBase, load_kb
from linter.rules import Rule, RuleSet
from linter.subjects import SUBJECTS
from linter.subjects.document import document_view
from linter.suppress import Suppressions


def matches_prefix(rule_id: str, prefixes: Iterable[str]) -> bool:
    """``source/`` and ``source`` select the family; ``source/weasel`` the one rule."""
    for prefix in prefixes:
        p = prefix.strip()
        if not p:
            continue
        if rule_id == p or rule_id.startswith(p if p.endswith("/") else p + "/") or p == "all":
            return True
    return False


@dataclass
class Result:
    """What linting one document gave: its findings (sorted, suppression comments applied) and
    warnings about the run itself (a pattern that timed out, a function that failed)."""

    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)


@dataclass
class Selection:
    """Which rules run: ``select`` and ``ignore`` are id prefixes (empty select = all enabled)."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: dict[str, Severity] = field(default_factory=dict)

    def active(self, rules: Sequence[Rule]) -> list[Rule]:
        chosen = []
        for rule in rules:
            if self.select:
                if not matches_prefix(rule.id, self.select):
                    continue
            elif not rule.enabled:
                continue
            if self.ignore and matches_prefix(rule.id, self.ignore):
                continue
            chosen.append(rule)
        return chosen


class Engine:
    """Holds the active rules and the knowledge base; lints one document at a time.

    ``kb`` is the knowledge base to use; None loads the bundled one on the first document that
    needs it (a run whose rules never look at the KB never loads it).
    """

    def __init__(self, ruleset: RuleSet, selection: Selection | None = None,
                 kb: KnowledgeBase | None = None, genre: str | None = None) -> None:
        self.selection = selection or Selection()
        self.rules = self.selection.active(ruleset.rules)
        self._kb = kb
        #: the configuration's genre, for documents whose front matter names none
        self.genre = genre

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb()
        return self._kb

    def _get_kb(self) -> KnowledgeBase:
        return self.kb

    def analyse(self, doc: Document) -> Analysis:
        """The analysis of ``doc`` against this engine's knowledge base."""
        return Analysis(doc, self._kb if self._kb is not None else self._get_kb, genre=self.genre)

    def lint(self, doc: Document) -> Result:
        analysis = self.analyse(doc)
        findings: list[Finding] = []
        warnings: list[str] = []
        for rule in self.rules:
            findings.extend(self._run_rule(rule, analysis, warnings))
        analysis.close()
        suppressions = Suppressions.parse(doc)
        findings = [f for f in findings if not suppressions.suppressed(f)]
        findings.sort(key=Finding.sort_key)
        return Result(_dedupe(findings), warnings)

    def _run_rule(self, rule: Rule, analysis: Analysis, warnings: list[str]) -> list[Finding]:
        if rule.gate is not None and not rule.gate.admits(analysis.doc.prose, lambda: analysis.folded_prose):
            return []  # no subject of this document can satisfy `when` (linter.gate)
        subject = SUBJECTS[rule.subject]
        doc = analysis.doc
        out: list[Finding] = []
        values: dict[str, Any] = {"document": document_view(analysis), "options": rule.options}
        ctx = EvalContext(values, host=analysis)
        when = rule.when.fn
        name = rule.subject
        override = self.selection.severity.get(rule.id)
        for obj in subject.iterate(analysis):
            values[name] = obj
            ctx.reset_match()
            if not when(ctx):
                continue
            span = None
            if rule.at is not None:
                at = rule.at(ctx)
                if at is not None and hasattr(at, "start"):
                    span = (at.start, at.start + len(at))
            if span is None and ctx.match is not None:
                span = ctx.match
            if span is None:
                span = obj.span
            severity = rule.severity
            for case in rule.severity_when:
                if case.when(ctx):
                    severity = case.severity
                    break
            if override is not None:  # the user's configuration wins over the rule's own cases
                severity = override
            message = rule.message.render(ctx)
            fix = None
            if rule.fix is not None:
                fix_span = span
                if rule.fix.at is not None:
                    target = rule.fix.at(ctx)
                    fix_span = (target.start, target.start + len(target)) if hasattr(target, "start") else None
                if fix_span is not None:
                    fix = Fix(fix_span[0], fix_span[1], rule.fix.replace.render(ctx))
            out.append(make_finding(doc, rule.id, severity, message, span, fix))
        for warning in ctx.warnings:
            warnings.append(f"{doc.path}: rule {rule.id}: {warning}")
        return out


def make_finding(doc: Document, rule_id: str, severity: Severity, message: str,
                 span: tuple[int, int], fix: Fix | None = None) -> Finding:
    start, end = span
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return Finding(doc.path, line, col, end_line, end_col, rule_id, severity, message, doc.text[start:end],
                   fix=fix)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[Any, ...]] = set()
    for f in findings:
        key = (f.path, f.line, f.column, f.end_line, f.end_column, f.rule)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
