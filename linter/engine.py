"""Run rules over documents: document → analysis → every rule on every subject → findings.

Detection only: the engine returns sorted ``Finding`` objects and knows nothing of output
formats. Suppression comments and ``--select``/``--ignore`` are applied here, so every output
format and the language server see the same findings.

Each rule runs on each document inside an error boundary: a rule (or the extractor it asks)
that raises is reported as a ``ToolError`` naming the rule, the document and the subject it was
on, and the other rules still run. Each rule has a budget on each document: ``regex_budget``
CPU seconds of regular-expression search and ``max_findings`` findings; a rule that exhausts
either stops there, with one warning.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.document import Document
from linter.dsl import BudgetExhausted, EvalContext, RegexBudget
from linter.extractions import Analysis
from linter.finding import Edit, Finding, Fix, Severity
from linter.kb import KnowledgeBase, load_kb
from linter.memo import SentenceMemo
from linter.rules import Rule, RuleSet
from linter.subjects import SUBJECTS
from linter.subjects.document import document_view
from linter.suppress import RULES as SUPPRESSION_RULES
from linter.suppress import Suppressions

#: the ids of the findings a document reports about itself (``Document.notices``)
NOTICE_RULES = ("input/date-out-of-range", "input/truncated", "input/unreadable")


def matches_prefix(rule_id: str, prefixes: Iterable[str]) -> bool:
    """``source/`` and ``source`` select the family; ``source/weasel`` the one rule."""
    for prefix in prefixes:
        p = prefix.strip()
        if not p:
            continue
        if rule_id == p or rule_id.startswith(p if p.endswith("/") else p + "/") or p == "all":
            return True
    return False


#: CPU seconds of regular-expression search one rule may spend on one document.
REGEX_BUDGET = 2.0
#: Findings one rule may report on one document; the rest are dropped with one warning.
MAX_FINDINGS = 1000


class Cancelled(Exception):
    """``Engine.lint`` was asked to stop (the language server: a newer edit arrived)."""


@dataclass(frozen=True)
class ToolError:
    """An internal error: factlint itself failed on a document (a bug, never the article's
    fault). ``rules`` are the rules that hit it, ``line``/``column`` the subject they were on
    (1:1 when it struck before any), ``trace`` the Python traceback (shown by ``--debug``)."""

    path: str
    line: int
    column: int
    rules: tuple[str, ...]
    message: str
    trace: str = ""

    def __str__(self) -> str:
        where = f"in rule {self.rules[0]}" if len(self.rules) == 1 else \
            f"in rules {', '.join(self.rules)}" if self.rules else "while reading the document"
        return (f"{self.path}:{self.line}:{self.column}: internal error {where}: {self.message} "
                "(a bug in factlint, not in the article; the other rules and documents were still "
                "checked; --debug shows the trace)")


def tool_error(path: str, exc: BaseException, rules: Sequence[str] = (), line: int = 1,
               column: int = 1) -> ToolError:
    """A ``ToolError`` for ``exc``, caught while linting ``path``."""
    message = f"{type(exc).__name__}: {exc}"
    if len(message) > 300:
        message = message[:300] + " ..."
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return ToolError(path, line, column, tuple(rules), message, trace)


@dataclass
class Result:
    """What linting one document gave: its findings (sorted, suppression comments applied),
    warnings about the run itself (a pattern that used up its budget, a function that failed)
    and internal errors (``ToolError``: each rule that failed, the others' findings kept)."""

    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)
    errors: list[ToolError] = field(default_factory=list)


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
                 kb: KnowledgeBase | None = None, genre: str | None = None, *,
                 regex_budget: float = REGEX_BUDGET, max_findings: int = MAX_FINDINGS) -> None:
        self.selection = selection or Selection()
        self.rules = self.selection.active(ruleset.rules)
        #: every id a suppression directive may name: the loaded rules (selected or not), the
        #: document's own notices and the findings about directives
        self.known_ids = frozenset({r.id for r in ruleset.rules} | set(NOTICE_RULES) | set(SUPPRESSION_RULES))
        self._kb = kb
        #: the configuration's genre, for documents whose front matter names none
        self.genre = genre
        self.regex_budget = regex_budget
        self.max_findings = max_findings

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb()
        return self._kb

    def _get_kb(self) -> KnowledgeBase:
        return self.kb

    def analyse(self, doc: Document, memo: SentenceMemo | None = None) -> Analysis:
        """The analysis of ``doc`` against this engine's knowledge base (``memo``: per-sentence
        extractions kept from an earlier lint of the same buffer, ``linter.memo``)."""
        return Analysis(doc, self._kb if self._kb is not None else self._get_kb, genre=self.genre, memo=memo)

    def lint(self, doc: Document, cancel: Callable[[], bool] | None = None,
             memo: SentenceMemo | None = None) -> Result:
        """Lint ``doc``: every active rule inside its own error boundary. ``cancel`` is asked
        between rules and every 64 subjects; when it answers true, ``Cancelled`` is raised.
        ``memo`` (the language server's) saves recomputing unchanged sentences; the findings
        are the same with it or without."""
        analysis = self.analyse(doc, memo)
        findings: list[Finding] = [make_finding(doc, n.rule, n.severity, n.message, (n.start, n.end))
                                   for n in doc.notices]
        warnings: list[str] = []
        failures: dict[str, tuple[BaseException, list[str], tuple[int, int]]] = {}
        try:
            where: list[Any] = [None]
            views = analysis.views
            for rule in self.rules:
                if cancel is not None and cancel():
                    raise Cancelled
                where[0] = None
                try:
                    if rule.gate is None and rule.precheck is None and views.get(("subjects", rule.subject)) == []:
                        continue  # its subjects were listed by an earlier rule: there are none
                    found = self._run_rule(rule, analysis, warnings, where, cancel)
                    if found:
                        findings.extend(found)
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 - the error boundary: report, go on
                    key = f"{type(exc).__name__}: {exc}"
                    position = doc.line_col(max(0, min(_offset(where[0]), len(doc.text))))
                    if key in failures:
                        failures[key][1].append(rule.id)
                    else:
                        failures[key] = (exc, [rule.id], position)
        finally:
            analysis.close()
        errors = [tool_error(doc.path, exc, rules, *position) for exc, rules, position in failures.values()]
        try:
            suppressions = Suppressions.parse(doc)
            findings = [f for f in findings if not suppressions.suppressed(f)]
            if suppressions.directives or suppressions.problems:
                for rule_id, a, b, message in suppressions.audit(self.known_ids, [r.id for r in self.rules]):
                    if self.reports(rule_id):
                        severity = self.selection.severity.get(rule_id, Severity.INFO)
                        findings.append(make_finding(doc, rule_id, severity, message, (a, b)))
        except Exception as exc:  # noqa: BLE001 - the error boundary
            errors.append(tool_error(doc.path, exc))
        findings.sort(key=Finding.sort_key)
        return Result(_dedupe(findings), warnings, errors)

    def reports(self, rule_id: str) -> bool:
        """Whether findings of a built-in id (``suppression/...``) are reported: not ignored,
        and selected when ``select`` is given."""
        sel = self.selection
        if sel.select and not matches_prefix(rule_id, sel.select):
            return False
        return not (sel.ignore and matches_prefix(rule_id, sel.ignore))

    def _run_rule(self, rule: Rule, analysis: Analysis, warnings: list[str], where: list[Any] | None = None,
                  cancel: Callable[[], bool] | None = None) -> list[Finding]:
        """The findings of ``rule`` on the analysed document; ``where[0]`` follows the subject being
        evaluated (for the error boundary, which asks for its offset only when it reports)."""
        doc = analysis.doc
        if rule.gate is not None and not rule.gate.admits(doc.prose, lambda: analysis.folded_prose):
            return []  # no subject of this document can satisfy `when` (linter.gate)
        name = rule.subject
        values: dict[str, Any] | None = None
        if rule.precheck is not None:
            # The precheck reads only ``document`` and ``options`` (no call, no regex: linter.gate):
            # it sees the same in the context the subjects are then evaluated in, and leaves it as
            # it was.
            values = {"document": document_view(analysis), "options": rule.options, name: None}
            ctx = EvalContext(values, host=analysis)
            if not rule.precheck.fn(ctx):
                return []  # the document-level part of `when` is false: no subject can satisfy it
        subjects = analysis.views.get(("subjects", name))  # listed by an earlier rule (``_subjects``)
        if subjects is None:
            subjects = _subjects(analysis, name)
        if not subjects:
            return []  # nothing to evaluate: no context to build
        if values is None:
            values = {"document": document_view(analysis), "options": rule.options, name: None}
            ctx = EvalContext(values, host=analysis)
        # Only a regular-expression match reads the budget: a rule without one needs none.
        budget = ctx.budget = RegexBudget(self.regex_budget) if rule.searches else None
        out: list[Finding] = []
        when = rule.when.fn
        override = self.selection.severity.get(rule.id)
        where = where if where is not None else [None]
        seen = 0
        try:
            for obj in subjects:
                seen += 1
                if cancel is not None and not seen % 64 and cancel():
                    raise Cancelled
                values[name] = obj
                if ctx.match_text is not None:  # only a successful =~ sets the match (EvalContext)
                    ctx.reset_match()
                try:
                    held = when(ctx)
                except Exception:
                    where[0] = obj  # the subject the error boundary reports
                    raise
                if not held:
                    continue
                where[0] = obj
                if len(out) >= self.max_findings:
                    warnings.append(f"{_at(doc, obj.span[0])}: rule {rule.id}: more than {self.max_findings:,} "
                                    "findings on this document; the rest are not reported")
                    break
                out.append(self._finding(rule, ctx, obj, override))
        except BudgetExhausted as exc:
            searches = budget.searches if budget is not None else 0
            warnings.append(f"{_at(doc, _offset(where[0]))}: rule {rule.id}: {exc}, after {seen:,} "
                            f"{name}{'s' if seen != 1 else ''} ({searches:,} searches); the rule did not "
                            "check the rest of it")
        if ctx.warnings:
            counts: dict[str, int] = {}
            for warning in ctx.warnings:  # once each: a function failing on every sentence says so once
                counts[warning] = counts.get(warning, 0) + 1
            for warning, n in counts.items():
                warnings.append(f"{doc.path}: rule {rule.id}: {warning}" + (f" ({n:,} times)" if n > 1 else ""))
        return out

    def _finding(self, rule: Rule, ctx: EvalContext, obj: Any, override: Severity | None) -> Finding:
        """The finding of ``rule`` on ``obj``, whose ``when`` just held in ``ctx``."""
        doc = ctx.host.doc
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
                applicability = rule.fix.applicability
                if rule.fix.unsafe_when is not None and rule.fix.unsafe_when(ctx):
                    applicability = "unsafe"
                fix = Fix((make_edit(doc, fix_span, rule.fix.replace.render(ctx)),), applicability)
        return make_finding(doc, rule.id, severity, message, span, fix)


def _subjects(analysis: Analysis, name: str) -> list[Any]:
    """The views of subject ``name`` in the analysed document, listed once and shared by every
    rule over that subject (views describe their item; none holds a rule's state)."""
    key = ("subjects", name)
    views = analysis.views
    found = views.get(key)
    if found is None:
        found = views[key] = list(SUBJECTS[name].iterate(analysis))
    return found  # type: ignore[no-any-return]


def _offset(subject: Any) -> int:
    """Where ``subject`` (a view, or None) starts, for an error report; 0 when it cannot say."""
    if subject is None:
        return 0
    try:
        return int(subject.span[0])
    except Exception:  # noqa: BLE001 - a report of an error must not fail itself
        return 0


def _at(doc: Document, offset: int) -> str:
    line, column = doc.line_col(max(0, min(offset, len(doc.text))))
    return f"{doc.path}:{line}:{column}"


def make_edit(doc: Document, span: tuple[int, int], replacement: str) -> Edit:
    """An edit of ``doc.text[span]``, located as findings are."""
    start = max(0, min(span[0], len(doc.text)))
    end = max(start, min(span[1], len(doc.text)))
    return Edit(start, end, replacement, *doc.line_col(start), *doc.line_col(end))


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
