"""Suppression comments: ``factlint-disable-next-line``, ``factlint-disable`` … ``factlint-enable``.

In Markdown and HTML they are HTML comments (``<!-- factlint-disable-next-line source/weasel --
reason -->``); in plain text the same words stand on a line of their own. A rule list holds ids
or family prefixes (``source/`` or ``source``), comma-separated; no list means every rule.

Reading the directives is linear in the text, however many unterminated ``<!--`` it holds, and
each finding is checked against them in logarithmic time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from linter.document import Document
from linter.finding import Finding

#: the opening of a directive comment; its end is the first "-->" after it
_COMMENT_OPEN = re.compile(r"<!--[ \t]*factlint-(?P<verb>disable-next-line|disable-line|disable|enable)\b")
_BARE = re.compile(
    r"(?:^|(?<=\r))[ \t]*factlint-(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<rest>[^\r\n]*)",
    re.MULTILINE,
)
_LINE_BREAK = re.compile(r"\r\n?|\n")


def _comments(text: str) -> list[tuple[int, str, str]]:
    """``(offset, verb, rest)`` of each ``<!-- factlint-... -->`` directive: what the pattern
    ``<!--[ \\t]*factlint-VERB\\b(.*?)-->`` finds, in linear time (a lazy ``.*?`` rescans the
    rest of the text for every comment left open)."""
    out: list[tuple[int, str, str]] = []
    pos = 0
    close = -1  # the first "-->" at or after some point (reused while ahead of the search)
    while True:
        m = _COMMENT_OPEN.search(text, pos)
        if m is None:
            return out
        if close < m.end():
            close = text.find("-->", m.end())
            if close < 0:
                return out  # no comment closes after here
        out.append((m.start(), m.group("verb"), text[m.end():close]))
        pos = close + 3


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
    #: rule id -> (lines of its disable/enable directives, whether each disables)
    _timeline: dict[str, tuple[list[int], list[bool]]] = field(default_factory=dict)

    @classmethod
    def parse(cls, doc: Document) -> Suppressions:
        text = doc.text
        if "factlint-" not in text:
            return cls()
        found = _comments(text)
        if doc.kind == "text":
            for m in _BARE.finditer(text):
                found.append((m.start(), m.group("verb"), m.group("rest")))
        found.sort()
        lines = _LINE_BREAK.split(text)
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
        timeline = self._timeline.get(finding.rule)
        if timeline is None:  # once per rule: its disable/enable directives, in order
            timeline = ([], [])
            for d in self.directives:
                if d.verb in ("disable", "enable") and _applies(d.rules, finding.rule):
                    timeline[0].append(d.line)
                    timeline[1].append(d.verb == "disable")
            self._timeline[finding.rule] = timeline
        i = bisect.bisect_right(timeline[0], finding.line)
        return i > 0 and timeline[1][i - 1]
