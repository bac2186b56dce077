"""Suppression comments: ``factlint-disable-next-line``, ``factlint-disable`` … ``factlint-enable``,
``factlint-disable-file``, and the ``factlint-disable:`` front-matter key.

In Markdown and HTML they are HTML comments (``<!-- factlint-disable-next-line source/weasel --
reason -->``); in plain text the same words stand on a line of their own. A rule list holds ids
or family prefixes (``source/`` or ``source``), comma-separated; no list means every rule.

``factlint-disable-file RULE -- reason``, anywhere in the file, and a front-matter key
``factlint-disable: RULE`` (or a list of them) suppress the rule in the whole file, findings of
the document as a whole (at 1:1) included.

The directives are checked too, as info findings: ``suppression/unknown-rule`` for an id or
prefix no loaded rule has (a typo would silently suppress nothing), ``suppression/unused`` for a
directive that suppressed no finding of a rule that ran. ``--ignore suppression/`` turns them off.

Reading the directives is linear in the text, however many unterminated ``<!--`` it holds, and
each finding is checked against them in logarithmic time.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from linter import recache
from linter.document import Document
from linter.finding import Finding

#: the opening of a directive comment; its end is the first "-->" after it
_VERBS = r"(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)\b"
_COMMENT_OPEN = recache.compile(r"<!--[ \t]*factlint-" + _VERBS)
_BARE = recache.compile(r"(?:^|(?<=\r))[ \t]*factlint-" + _VERBS + r"(?P<rest>[^\r\n]*)", re.MULTILINE)
#: the front-matter key that disables rules for the whole file
FRONT_MATTER_KEY = "factlint-disable"
_FM_KEY = recache.compile(r"^[ \t]*['\"]?factlint-disable['\"]?[ \t]*:", re.MULTILINE)
#: the findings about directives themselves, with what they mean (``--ignore`` turns them off)
RULES: dict[str, str] = {
    "suppression/unknown-rule": "A suppression directive names a rule id or family that no loaded rule has.",
    "suppression/unused": "A suppression directive suppressed no finding of a rule that ran.",
}
_LINE_BREAK = recache.compile(r"\r\n?|\n")


def _comments(text: str) -> list[tuple[int, int, str, str]]:
    """``(offset, end, verb, rest)`` of each ``<!-- factlint-... -->`` directive: what the pattern
    ``<!--[ \\t]*factlint-VERB\\b(.*?)-->`` finds, in linear time (a lazy ``.*?`` rescans the
    rest of the text for every comment left open)."""
    out: list[tuple[int, int, str, str]] = []
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
        out.append((m.start(), close + 3, m.group("verb"), text[m.end():close]))
        pos = close + 3


@dataclass(frozen=True, slots=True)
class Directive:
    verb: str
    rules: tuple[str, ...]  # empty = all rules
    line: int  # 1-based line of the directive
    reason: str
    start: int = 0  # where the directive is in the text (for the findings about it)
    end: int = 0


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
    #: line -> (rules, index of the directive) of disable-next-line / disable-line
    _next_line: dict[int, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)
    _lines: list[str] = field(default_factory=list)
    #: rule id -> (lines of its disable/enable directives, index of each directive)
    _timeline: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    #: indices of the file-level directives (disable-file, the front-matter key)
    _file: list[int] = field(default_factory=list)
    #: indices of the directives that suppressed a finding
    used: set[int] = field(default_factory=set)
    #: (start, end, message) of a front-matter value that is no rule list
    problems: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def parse(cls, doc: Document) -> Suppressions:
        text = doc.text
        if "factlint-" not in text:
            return cls()
        found = _comments(text)
        if doc.kind == "text":
            for m in _BARE.finditer(text):
                found.append((m.start(), m.end(), m.group("verb"), m.group("rest")))
        found.sort()
        lines = _LINE_BREAK.split(text)
        result = cls(_lines=lines)
        result._front_matter(doc)
        for offset, end, verb, rest in found:
            if offset < doc.body_start:
                continue  # inside the front matter: a YAML comment, not a directive
            rules, reason = _rules_and_reason(rest)
            line, _ = doc.line_col(offset)
            index = len(result.directives)
            result.directives.append(Directive(verb, rules, line, reason, offset, end))
            if verb == "disable-next-line":
                target = line + 1
                while target <= len(lines) and not lines[target - 1].strip():
                    target += 1
                result._next_line.setdefault(target, []).append((rules, index))
            elif verb == "disable-line":
                result._next_line.setdefault(line, []).append((rules, index))
            elif verb == "disable-file":
                result._file.append(index)
        return result

    def _front_matter(self, doc: Document) -> None:
        """The ``factlint-disable:`` key of the front matter: a rule id or prefix, a
        comma-separated string of them, or a list."""
        if FRONT_MATTER_KEY not in doc.meta:
            return
        value = doc.meta[FRONT_MATTER_KEY]
        m = _FM_KEY.search(doc.text, 0, doc.body_start)
        start = m.start() + len(m.group()) - len(m.group().lstrip()) if m else 0
        end = doc.text.find("\n", start, doc.body_start) if m else 0
        end = end if end >= 0 else start
        line, _ = doc.line_col(start)
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(v, str) and v.strip() for v in items):
            self.problems.append((start, end, f"front matter {FRONT_MATTER_KEY!r} must be a rule id or prefix, "
                                              "or a list of them; nothing was disabled by it"))
            return
        rules = tuple(r.strip() for v in items for r in re.split(r"[,\s]+", v) if r.strip())
        self._file.append(len(self.directives))
        self.directives.append(Directive("front-matter", rules, line, "", start, end))

    def suppressed(self, finding: Finding) -> bool:
        """Whether a directive suppresses ``finding`` (the first that does is marked used)."""
        if not self.directives:
            return False
        for index in self._file:
            if _applies(self.directives[index].rules, finding.rule):
                self.used.add(index)
                return True
        for rules, index in self._next_line.get(finding.line, ()):
            if _applies(rules, finding.rule):
                self.used.add(index)
                return True
        timeline = self._timeline.get(finding.rule)
        if timeline is None:  # once per rule: its disable/enable directives, in order
            timeline = ([], [])
            for index, d in enumerate(self.directives):
                if d.verb in ("disable", "enable") and _applies(d.rules, finding.rule):
                    timeline[0].append(d.line)
                    timeline[1].append(index)
            self._timeline[finding.rule] = timeline
        i = bisect.bisect_right(timeline[0], finding.line)
        if i > 0 and self.directives[timeline[1][i - 1]].verb == "disable":
            self.used.add(timeline[1][i - 1])
            return True
        return False

    def audit(self, known: Collection[str], active: Collection[str]) -> list[tuple[str, int, int, str]]:
        """``(rule, start, end, message)`` of each problem with the directives, once every finding
        has been through ``suppressed``: an id or prefix in ``known`` by no rule (nor family), and a
        disabling directive that suppressed nothing although a rule it names is ``active``."""
        out = [("suppression/unknown-rule", a, b, msg) for a, b, msg in self.problems]
        families = {k.split("/", 1)[0] for k in known}
        for index, d in enumerate(self.directives):
            unknown = [r for r in d.rules if r != "all" and r not in known and r.rstrip("/") not in families]
            for name in unknown:
                hint = difflib.get_close_matches(name, sorted(known), n=1)
                out.append(("suppression/unknown-rule", d.start, d.end,
                            f"No rule or rule family is called {name!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
                            + ": this directive suppresses nothing for it."))
            if d.verb == "enable" or index in self.used or unknown:
                continue
            if not d.rules or any(_applies(d.rules, rule) for rule in active):
                names = ", ".join(d.rules) or "every rule"
                out.append(("suppression/unused", d.start, d.end,
                            f"This directive ({names}) suppresses no finding: remove it, or the rule it names "
                            "no longer fires here."))
        return out
