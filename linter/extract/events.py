"""Mentions of the knowledge base's dated events ("the October 7 attack", "the 9/11 attacks",
"the JCPOA"), with the date written next to them when there is one.

One job: find event mentions in sentences and pair each with the date the text gives it.
Whether that date contradicts the KB is the rules' business (``date/event-mismatch``).

A gazetteer is built once per KB (cached on the KB) from every event's name and phrases:

- **literal** phrases ("9/11 attacks", "Twelve-Day War", "JCPOA") are found by one regex; a
  date is paired with one only when it is written as part of the name: "the 2002 9/11 attacks"
  (determiner, year, phrase) or "the 9/11 attacks of 2002". "Withdrew from the JCPOA in 2018"
  pairs nothing: that year dates the withdrawal, not the deal.
- **dated** phrases ("October 7 attack", "Jan. 6 riot") are split into their month/day and
  their head ("attack", "riot"); a date expression from ``linter.extract.dates`` with that
  month and day followed by the head ("the October 7, 2022 attack", "the Jan. 6, 2022 riot at
  the Capitol") is the event with the date as written (form ``date-head``), and so is the head
  after "the", followed by "on" and the date ("the attack on October 7, 2022", form
  ``head-on-date``, weaker: another attack may have happened on that day).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from linter.fold import ascii_fold
from linter.kb import Event, KnowledgeBase

__all__ = ["EventMention", "EventGazetteer", "event_gazetteer", "extract_events"]

FORM_NAME = "name"  # the phrase alone, no date written with it
FORM_DATED_NAME = "dated-name"  # the 2002 9/11 attacks; the 9/11 attacks of 2002
FORM_DATE_HEAD = "date-head"  # the October 7, 2022 attack
FORM_HEAD_ON_DATE = "head-on-date"  # the attack on October 7, 2022


@dataclass(slots=True)
class EventMention:
    """One mention of a KB event; absolute offsets, end exclusive."""

    start: int
    end: int
    text: str
    event_id: str
    event_name: str
    event_date: date
    event_end: date | None
    form: str = FORM_NAME
    date_start: int | None = None
    date_end: int | None = None
    date_text: str | None = None
    date_earliest: date | None = None
    date_latest: date | None = None
    year_explicit: bool = False

    @property
    def contradicts(self) -> bool:
        """The written date (with its year) cannot be the KB's day(s) of the event."""
        if not self.year_explicit or self.date_earliest is None or self.date_latest is None:
            return False
        last = self.event_end or self.event_date
        return self.date_latest < self.event_date or self.date_earliest > last


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DATED_PHRASE = re.compile(
    r"^(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?|(?P<m>\d{1,2})/(?P<d>\d{1,2}))"
    r",?\s+(?P<head>[A-Za-z][\w' -]*)$"
)


@dataclass
class EventGazetteer:
    literal_events: dict[str, list[Event]]
    #: (month, day) -> {head (lower case): events}
    heads: dict[tuple[int, int], dict[str, list[Event]]]
    head_re: re.Pattern[str] | None
    upper_keys: frozenset[str] = frozenset()
    #: each literal phrase (lower case) with its ASCII letter-and-digit runs, by its longest run:
    #: a phrase can match only text whose ``ascii_fold`` holds all of its runs as runs
    by_anchor: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)

    def literal_keys(self, folded: str) -> list[str]:
        """The literal phrases that can occur in ``folded`` (an ``ascii_fold``ed document)."""
        present = set(_ASCII_RUN.findall(folded))
        return sorted(key for run in present for key, runs in self.by_anchor.get(run, ()) if runs <= present)


@lru_cache(maxsize=8192)
def _literal_re(key: str) -> re.Pattern[str]:
    """One phrase as a pattern (compiled once per process): a pattern over every phrase of the
    KB, or over each document's set, takes long to compile."""
    body = "".join(r"\s+" if ch == " " else _escape_quote(ch) for ch in key)
    return re.compile(r"(?<![\w/])" + body + r"(?![\w/])", re.IGNORECASE)


def _literal_matches(text: str, keys: Sequence[str]) -> list[re.Match[str]]:
    """The matches one alternation of ``keys`` would find in ``text``: left to right, the
    longest phrase at each place, none overlapping."""
    found = [m for key in keys for m in _literal_re(key).finditer(text)]
    found.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    out: list[re.Match[str]] = []
    reach = 0
    for m in found:
        if m.start() >= reach:
            out.append(m)
            reach = m.end()
    return out


def _md(mon: str | None, day: str | None, m: str | None, d: str | None) -> tuple[int, int] | None:
    if m and d:
        return int(m), int(d)
    if mon and day:
        k = mon.lower()[:3]
        if k in _MONTHS and mon.lower().rstrip(".") in _month_forms(k):
            return _MONTHS[k], int(day)
    return None


def _month_forms(k: str) -> set[str]:
    full = ("january february march april may june july august september october november december").split()
    f = full[_MONTHS[k] - 1]
    return {k, f, "sept"} if k == "sep" else {k, f}


def _escape_quote(ch: str) -> str:
    return "['’]" if ch == "'" else re.escape(ch)


def event_gazetteer(kb: KnowledgeBase) -> EventGazetteer:
    """The gazetteer of ``kb``'s events, built once and kept by the KB."""
    return kb.derived(_build_event_gazetteer)


#: The name under which ``event_tables`` is kept in the compiled KB (bump when they change).
EVENTS_INDEX = "events.gazetteer.1"


def event_tables(kb: KnowledgeBase) -> dict[str, Any]:
    """The event gazetteer as JSON-able tables of event ids (computed when the KB is compiled)."""
    literal_events: dict[str, list[str]] = {}
    upper: set[str] = set()
    heads: dict[str, dict[str, list[str]]] = {}
    for e in kb.events:
        for phrase in (e.name, *e.phrases):
            phrase = phrase.strip()
            if not phrase:
                continue
            key = phrase.lower()
            if phrase.isupper():
                upper.add(key)
            lst = literal_events.setdefault(key, [])
            if e.id not in lst:
                lst.append(e.id)
            m = _DATED_PHRASE.match(phrase)
            if m is not None:
                md = _md(m.group("mon"), m.group("day"), m.group("m"), m.group("d"))
                if md is not None:
                    hl = heads.setdefault(f"{md[0]}-{md[1]}", {}).setdefault(m.group("head").lower(), [])
                    if e.id not in hl:
                        hl.append(e.id)
    by_anchor: dict[str, list[tuple[str, list[str]]]] = {}
    for key in literal_events:
        runs = _ASCII_RUN.findall(key)
        by_anchor.setdefault(max(runs, key=len) if runs else "", []).append((key, sorted(set(runs))))
    return {"literal_events": literal_events, "upper": sorted(upper), "heads": heads, "by_anchor": by_anchor}


def _build_event_gazetteer(kb: KnowledgeBase) -> EventGazetteer:
    t = kb.stored_index(EVENTS_INDEX) or event_tables(kb)
    by_id = {e.id: e for e in kb.events}

    def events(ids: list[str]) -> list[Event]:
        return [by_id[i] for i in ids if i in by_id]

    literal_events = {k: events(v) for k, v in t["literal_events"].items()}
    heads: dict[tuple[int, int], dict[str, list[Event]]] = {}
    for md, table in t["heads"].items():
        m, d = md.split("-")
        heads[(int(m), int(d))] = {h: events(v) for h, v in table.items()}
    all_heads = sorted({h for d in heads.values() for h in d}, key=len, reverse=True)
    head_re = re.compile(r"(?:" + "|".join(re.escape(h) for h in all_heads) + r")\b", re.IGNORECASE) if all_heads else None
    by_anchor = {k: [(key, frozenset(runs)) for key, runs in v] for k, v in t["by_anchor"].items()}
    return EventGazetteer(literal_events, heads, head_re, frozenset(t["upper"]), by_anchor)


_ASCII_RUN = re.compile(r"[a-z0-9]+")
_BEFORE_DET = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")
_AFTER_OF = re.compile(r"^\s+of\s+$")
_BETWEEN_DATE_HEAD = re.compile(r"^,?\s+(?:(?:[A-Z][\w-]*|terror|terrorist|deadly|surprise)\s+){0,2}$")
_HEAD_ON = re.compile(r"\b[Tt]he\s+(?P<head>[a-z][\w' -]{2,30}?)\s+on\s+$")


def extract_events(
    sentences: Sequence[tuple[int, str]],
    dates: Sequence[Any],
    kb: KnowledgeBase,
) -> list[EventMention]:
    """Event mentions in ``sentences`` ((absolute start, text) pairs). ``dates`` are the
    document's ``DateMention``s (absolute offsets, any order)."""
    g = event_gazetteer(kb)
    by_start = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    out: list[EventMention] = []
    literal_keys = g.literal_keys(ascii_fold("\n".join(t for _, t in sentences)))
    for base, text in sentences:
        end = base + len(text)
        # the dates starting in [base, end): a slice of the sorted list, in the same order
        sdates = by_start[bisect_left(starts, base):bisect_left(starts, end)]
        taken: list[tuple[int, int]] = []
        # dated heads: "the October 7, 2022 attack", "the attack on October 7, 2022"
        for d in sdates:
            if d.month is None or d.day is None:
                continue
            table = g.heads.get((d.month, d.day))
            if not table:
                continue
            hit = _date_head(text, base, d, table, g)
            if hit is not None:
                out.append(hit)
                taken.append((hit.start, hit.end))
        # literal names
        if literal_keys:
            for m in _literal_matches(text, literal_keys):
                s, e = base + m.start(), base + m.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                phrase = m.group(0)
                key = re.sub(r"\s+", " ", phrase.lower()).replace("’", "'")
                if key in g.upper_keys and not phrase.isupper():
                    continue  # "JCPOA" is an acronym; do not match a word written in lower case
                events = g.literal_events.get(key, [])
                if len(events) != 1:
                    continue
                ev = events[0]
                em = EventMention(s, e, phrase, ev.id, ev.name, ev.date, ev.end)
                _pair_literal(em, text, base, sdates)
                out.append(em)
    out.sort(key=lambda x: x.start)
    return out


def _date_head(text: str, base: int, d: Any, table: dict[str, list[Event]], g: EventGazetteer) -> EventMention | None:
    ls, le = d.start - base, d.end - base
    after = text[le:le + 60]
    if g.head_re is not None:
        for hm in g.head_re.finditer(after):
            if not _BETWEEN_DATE_HEAD.match(after[:hm.start()]):
                break
            events = table.get(hm.group(0).lower())
            if events and len(events) == 1:
                ev = events[0]
                s = ls
                e = le + hm.end()
                return _with_date(EventMention(base + s, base + e, text[s:e], ev.id, ev.name, ev.date, ev.end,
                                               FORM_DATE_HEAD), d)
            break
    hm2 = _HEAD_ON.search(text[max(0, ls - 40):ls])
    if hm2 is not None:
        events = table.get(hm2.group("head").lower())
        if events and len(events) == 1:
            ev = events[0]
            s = max(0, ls - 40) + hm2.start("head")
            return _with_date(EventMention(base + s, d.end, text[s:le], ev.id, ev.name, ev.date, ev.end,
                                           FORM_HEAD_ON_DATE), d)
    return None


def _with_date(em: EventMention, d: Any) -> EventMention:
    em.date_start, em.date_end, em.date_text = d.start, d.end, d.text
    em.date_earliest, em.date_latest = d.earliest, d.latest
    em.year_explicit = bool(d.year_explicit) and d.kind in ("absolute", "partial")
    return em


def _pair_literal(em: EventMention, text: str, base: int, sdates: Sequence[Any]) -> None:
    for d in sdates:
        if d.kind not in ("absolute", "partial") or not d.year_explicit:
            continue
        if d.end <= em.start:
            gap = text[d.end - base:em.start - base]
            if gap.strip() == "" and _BEFORE_DET.search(text[:d.start - base]):
                em.form = FORM_DATED_NAME
                _with_date(em, d)
                em.start, em.text = d.start, text[d.start - base:em.end - base]
                return
        elif d.start >= em.end:
            if _AFTER_OF.match(text[em.end - base:d.start - base]):
                em.form = FORM_DATED_NAME
                _with_date(em, d)
                em.end, em.text = d.end, text[em.start - base:d.end - base]
                return
