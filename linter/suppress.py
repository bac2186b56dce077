"""Suppression comments: ``factlint-disable-next-line``, ``factlint-disable`` … ``factlint-enable``.

In Markdown and HTML they are HTML comments (``<!-- factlint-disable-next-line source/weasel --
reason -->``); in plain text the same words stand on a line of their own. A rule list holds ids
or family prefixes (``source/`` or ``source``), comma-separated; no list means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.document import Document
from linter.finding import Finding

_COMMENT = re.compile(
    r"<!--[ \t]*factlint-(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<rest>.*?)-->",
    re.DOTALL,
)
_BARE = re.compile(
    r"^[ \t]*factlint-(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<rest>[^\n]*)$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Directive:
    verb: str
    rules: tuple[str, ...]  # empty = all rules
    line: int  # 1-based line of the directive
    reason: str


def _rules_and_reason(rest: str) -> tuple[tuple[str, ...], str]:
    rest = rest.strip()
    reason = ""
    if "--" in rest:
        rest, reason = rest.split("--", 1)
    names = tuple(n.strip() for n in re.split(r"[,\s]+", rest.strip()) if n.strip())
    return names, reason.strip()


def _applies(rules: tuple[str, ...], rule_id: str) -> bool:
    if not rules or "all" in rules:
        return True
    family = rule_id.split("/", 1)[0]
    return any(r == rule_id or r.rstrip("/") == family for r in rules)


@dataclass
class Suppressions:
    """The directives of one document and the questions the engine asks of them."""

    directives: list[Directive] = field(default_factory=list)
    _next_line: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)
    _lines: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, doc: Document) -> Suppressions:
        text = doc.text
        if "factlint-" not in text:
            return cls()
        found: list[tuple[int, str, str]] = []
        for m in _COMMENT.finditer(text):
            found.append((m.start(), m.group("verb"), m.group("rest")))
        if doc.kind == "text":
            for m in _BARE.finditer(text):
                found.append((m.start(), m.group("verb"), m.group("rest")))
        found.sort()
        lines = text.split("\n")
        result = cls(_lines=lines)
        for offset, verb, rest in found:
            rules, reason = _rules_and_reason(rest)
            line, _ = doc.line_col(offset)
            d = Directive(verb, rules, line, reason)
            result.directives.append(d)
            if verb == "disable-next-line":
                target = line + 1
                while target <= len(lines) and not lines[target - 1].strip():
                    target += 1
                result._next_line.setdefault(target, []).append(rules)
            elif verb == "disable-line":
                result._next_line.setdefault(line, []).append(rules)
        return result

    def suppressed(self, finding: Finding) -> bool:
        if not self.directives:
            return False
        for rules in self._next_line.get(finding.line, ()):
            if _applies(rules, finding.rule):
                return True
        disabled = False
        for d in self.directives:
            if d.line > finding.line:
                break
            if d.verb == "disable" and _applies(d.rules, finding.rule):
                disabled = True
            elif d.verb == "enable" and _applies(d.rules, finding.rule):
                disabled = False
        return disabled
