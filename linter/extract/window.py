"""The publication-date window: which publication dates the article's own claims allow.

One job: turn time-sensitive claims into sets of possible publication dates and intersect them.
Each claim is a union of half-open intervals ``[start, end)`` of publication dates (``None`` =
unbounded):

- a titled mention: the union of ``kb.title_interval(person, office, modifier)`` ("former
  President Trump" → [2021-01-20, 2025-01-20)), one day wider at each end. A bare title only
  says the term had begun ("then" reading): it may narrate the past ("In 2015, President Obama
  signed ...") or be an honorific ("President Trump" in 2023);
- an absolute date with a written year in a future-tense clause, outside quotes, introduced by
  a preposition ("is expected to announce on January 23, 2024"): published on or before it;
- such a date (day or month precision) in a past-tense clause ("In May 2018, Trump withdrew"):
  published on or after its first day;
- a current age of a linked person ("the 75-year-old Netanyahu"): a one-year window;
- "The Biden administration has/is/will ...": during that leader's term(s);
- a KB event named ("the twelve-day conflict"): published on or after its first day.

:func:`solve` intersects them. When the intersection is empty it finds small clashing sets
greedily: claims are added narrowest first; a claim that would empty the running intersection
is set aside as a conflict, together with the fewest already-added claims that still clash with
it (found by dropping them one at a time), and the scan goes on with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from linter import recache
from linter.kb import PAST_MODIFIERS, KnowledgeBase, normalize_modifier, title_interval

__all__ = [
    "Claim",
    "Conflict",
    "Window",
    "Span",
    "intersect",
    "solve",
    "claims_from_mentions",
    "claims_from_dates",
    "claims_from_ages",
    "claims_from_events",
    "claims_from_administrations",
    "describe_need",
    "describe_conflict",
]

Span = tuple[date | None, date | None]  # [start, end), None = unbounded

_FLOOR = date(1900, 1, 1)
_CEIL = date(2100, 1, 1)


@dataclass(slots=True)
class Claim:
    """One time-sensitive statement and the publication dates it allows."""

    kind: str  # title | future-date | past-date | age | administration | event
    text: str  # as written
    start: int  # absolute offsets of the text
    end: int
    spans: list[Span]
    note: str = ""  # e.g. "future tense"

    @property
    def width(self) -> int:
        total = 0
        for s, e in self.spans:
            total += ((e or _CEIL) - (s or _FLOOR)).days
        return total


@dataclass(slots=True)
class Conflict:
    claim: Claim  # the claim that emptied the running intersection
    against: list[Claim]  # the (fewest) earlier claims it clashes with


@dataclass(slots=True)
class Window:
    """The possible publication dates; ``start``/``end`` are the first and last possible day."""

    spans: list[Span]
    claims: list[Claim]
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return bool(self.conflicts)

    @property
    def start(self) -> date | None:
        if self.empty or not self.spans:
            return None
        return self.spans[0][0]

    @property
    def end(self) -> date | None:
        if self.empty or not self.spans:
            return None
        last = self.spans[-1][1]
        return None if last is None else last - timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Interval algebra


def _normalize(spans: Sequence[Span]) -> list[Span]:
    items = sorted((s or date.min, e) for s, e in spans if e is None or s is None or s < e)
    out: list[tuple[date, date | None]] = []
    for s, e in items:
        if out:
            ps, pe = out[-1]
            if pe is None:
                continue
            if s <= pe:
                out[-1] = (ps, None if e is None else max(pe, e))
                continue
        out.append((s, e))
    return [(None if s == date.min else s, e) for s, e in out]


def intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """Intersection of two unions of half-open intervals (each sorted or not)."""
    out: list[Span] = []
    for s1, e1 in a:
        for s2, e2 in b:
            s = s2 if s1 is None else s1 if s2 is None else max(s1, s2)
            e = e2 if e1 is None else e1 if e2 is None else min(e1, e2)
            if s is None or e is None or s < e:
                out.append((s, e))
    return _normalize(out)


def solve(claims: Sequence[Claim]) -> Window:
    """Intersect every claim; record the clashes (see the module docstring)."""
    order = sorted(claims, key=lambda c: (c.width, c.start))
    running: list[Span] = [(None, None)]
    accepted: list[Claim] = []
    conflicts: list[Conflict] = []
    for c in order:
        nxt = intersect(running, c.spans)
        if nxt:
            running = nxt
            accepted.append(c)
            continue
        against = list(accepted)
        for drop in sorted(accepted, key=lambda x: -x.width):
            rest = [x for x in against if x is not drop]
            if not _satisfiable([*rest, c]):
                against = rest
        conflicts.append(Conflict(c, sorted(against, key=lambda x: x.start)))
    return Window(running, list(claims), conflicts)


def _satisfiable(claims: Sequence[Claim]) -> bool:
    running: list[Span] = [(None, None)]
    for c in claims:
        running = intersect(running, c.spans)
        if not running:
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Describing


def _iso(d: date) -> str:
    return d.isoformat()


def describe_need(spans: Sequence[Span]) -> str:
    """'2021-01-20..2025-01-19', '2024-07-28 or later', '2024-01-23 or earlier' (joined by 'or')."""
    parts = []
    for s, e in spans:
        last = None if e is None else e - timedelta(days=1)
        if s is None and last is None:
            parts.append("any date")
        elif s is None:
            assert last is not None
            parts.append(f"{_iso(last)} or earlier")
        elif last is None:
            parts.append(f"{_iso(s)} or later")
        else:
            parts.append(f"{_iso(s)}..{_iso(last)}")
    return " or ".join(parts) or "no date"


def _label(c: Claim, line_of: Callable[[int], int]) -> str:
    where = f"{c.note}, line {line_of(c.start)}" if c.note else f"line {line_of(c.start)}"
    return f"'{c.text}' ({where}) needs {describe_need(c.spans)}"


def describe_conflict(window: Window, line_of: Callable[[int], int]) -> str | None:
    """One sentence per clash: "'A' (line 1) needs X but 'B' (line 7) needs Y"."""
    if not window.conflicts:
        return None
    texts = []
    for cf in window.conflicts:
        against = " and ".join(_label(a, line_of) for a in cf.against)
        texts.append(f"{against} but {_label(cf.claim, line_of)}")
    return "; also ".join(texts)


def first_clashing_claim(window: Window) -> Claim | None:
    """The clashing claim written first in the text (where a finding should point)."""
    if not window.conflicts:
        return None
    cf = window.conflicts[0]
    return min([cf.claim, *cf.against], key=lambda c: c.start)


# ---------------------------------------------------------------------------------------------
# Claims from the extractors' output


#: Days of slack at each end of a term: copy filed on the day of a handover mixes both holders.
_SLACK = timedelta(days=1)


def _widen(spans: Sequence[Span], slack: timedelta) -> list[Span]:
    return _normalize([(None if s is None else s - slack, None if e is None else e + slack) for s, e in spans])


def claims_from_mentions(
    mentions: Sequence[Any],
    kb: KnowledgeBase,
    in_quote: Callable[[int], bool],
    text_of: Callable[[int, int], str],
) -> list[Claim]:
    """Titled mentions (``linter.extract.mentions.Mention``) as claims."""
    out: list[Claim] = []
    for m in mentions:
        if m.title is None or m.person_id is None or m.office_id is None:
            continue
        if m.form not in ("title-name", "appositive") or in_quote(m.start):
            continue
        mod = normalize_modifier(m.modifier)
        if mod not in PAST_MODIFIERS and mod not in ("late", "elect", "incoming", "outgoing"):
            # A bare title says only that the term had begun: it may narrate the past ("In 2015,
            # President Obama signed ...") or be kept as an honorific ("President Trump" in 2023).
            mod = "then"
        spans = title_interval(kb, m.person_id, m.office_id, mod)
        if not spans:
            continue
        out.append(Claim("title", text_of(m.start, m.end), m.start, m.end, _widen(spans, _SLACK)))
    return out


_FUTURE_PREP = recache.compile(r"\b(?:on|On|by|By|before|Before|until|Until)\s+$")
_PAST_PREP = recache.compile(r"\b(?:on|On|in|In)\s+$")
_FUTURE_WORDS = recache.compile(
    r"\b(?:will|would|shall|plan(?:s|ned)?|scheduled|expected|due|deadline|set\s+to|going\s+to|"
    r"prospective|upcoming|next|until|by|target(?:s|ed)?|aim(?:s|ed)?|proposed?|intend(?:s|ed)?)\b",
    re.IGNORECASE,
)
_NOT_EVENT_DATE = recache.compile(r"\banniversar|\bsince\b|\bago\b|\bfrom\b|\bbetween\b|\bperiod\b", re.IGNORECASE)
_RANGE_AFTER = recache.compile(r"^\s*(?:to|through|until|and|-|–)\s", re.IGNORECASE)


def claims_from_dates(dates: Sequence[Any], sentence_of: Callable[[int], tuple[int, str] | None],
                      in_quote: Callable[[int], bool]) -> list[Claim]:
    """Dates with a written year outside quotes: a day after "on/by/before/until" in a
    future-tense clause ("is expected to announce on January 23, 2024"), and a day or month
    after "on/in" in a past-tense sentence with no word of plans or deadlines ("In May 2018,
    Trump withdrew"). Ranges, anniversaries and "since/from/ago" are left out."""
    out: list[Claim] = []
    for d in dates:
        if d.kind not in ("absolute", "partial") or not d.year_explicit or not d.valid:
            continue
        if d.earliest is None or d.latest is None or d.reported or in_quote(d.start):
            continue
        sent = sentence_of(d.start)
        if sent is None:
            continue
        base, text = sent
        before = text[:d.start - base]
        after = text[d.end - base:]
        if _NOT_EVENT_DATE.search(before[-60:]) or _RANGE_AFTER.match(after):
            continue
        if d.tense == "future" and d.granularity == "day" and _FUTURE_PREP.search(before):
            out.append(Claim("future-date", d.text, d.start, d.end, [(None, d.latest + timedelta(days=1))],
                             "future tense"))
        elif (d.tense == "past" and d.granularity in ("day", "month") and _PAST_PREP.search(before)
              and not _FUTURE_WORDS.search(text)):
            out.append(Claim("past-date", d.text, d.start, d.end, [(d.earliest, None)], "past tense"))
    return out


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def claims_from_ages(ages: Sequence[Any], kb: KnowledgeBase) -> list[Claim]:
    """Current ages linked directly to a person with a known birth date: a one-year window."""
    out: list[Claim] = []
    for a in ages:
        if not a.current or a.person_id is None or not (a.direct or a.form == "aged"):
            continue
        p = kb.people.get(a.person_id)
        if p is None or p.born is None or p.died is not None:
            continue
        lo = _add_years(p.born, a.value)
        hi = _add_years(p.born, a.value + 1)
        out.append(Claim("age", a.text, a.start, a.end, [(lo, hi)], f"age of {p.name}"))
    return out


def claims_from_events(events: Sequence[Any]) -> list[Claim]:
    """A KB event named (without a clashing date): published on or after its first day."""
    out: list[Claim] = []
    for e in events:
        if e.contradicts:
            continue
        out.append(Claim("event", e.text, e.start, e.end, [(e.event_date, None)], f"event of {e.event_date}"))
    return out


_ADMIN = recache.compile(
    r"(?<![\w-])(?:(?P<pre>\w+)\s+)?(?P<name>[A-Z][\w'’-]+)\s+[Aa]dministration(?:['’]s\s+\w+)?\s+"
    r"(?P<verb>has|have|is|are|will|says|plans|wants|continues|remains|seeks|hopes|intends|insists|argues)\b"
)
_ADMIN_SKIP = frozenset({"incoming", "next", "future", "former", "previous", "prior", "last", "first", "second",
                         "new", "a", "an", "outgoing", "past", "earlier", "then"})
_LEADER_OFFICE = recache.compile(r"\.(?:president|prime-minister)$")


def claims_from_administrations(sentences: Sequence[tuple[int, str]], kb: KnowledgeBase,
                                in_quote: Callable[[int], bool]) -> list[Claim]:
    """"The Biden administration has ..." — during that leader's term(s)."""
    out: list[Claim] = []
    for base, text in sentences:
        if "dministration" not in text:
            continue
        for m in _ADMIN.finditer(text):
            pre = (m.group("pre") or "").lower()
            if pre in _ADMIN_SKIP or in_quote(base + m.start("name")):
                continue
            people = [p for p in kb.by_surname(m.group("name")) if any(_LEADER_OFFICE.search(t.office) for t in p.terms)]
            if len(people) != 1:
                continue
            p = people[0]
            offices = {t.office for t in p.terms if _LEADER_OFFICE.search(t.office)}
            if len(offices) != 1:
                continue
            spans = kb.interval(p.id, offices.pop())
            if not spans:
                continue
            s, e = base + m.start("name"), base + m.end("verb")
            out.append(Claim("administration", text[m.start("name"):m.end("verb")], s, e,
                             _widen(list(spans), _SLACK), "present tense"))
    return out
