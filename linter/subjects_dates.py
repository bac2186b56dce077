"""Date subjects for the rules: every ``date`` expression with its resolved value and tense.

Backed by ``linter.extract.dates``. Also registers the calendar functions the date rules use
(``days_in_month``, ``month_name``).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType
from linter.dsl.types import Text
from linter.subjects import SENTENCE, Subject, register_subject


def extract_all_dates(a: Analysis) -> list[tuple[Any, Any]]:
    """(DateMention, Sentence) for every date expression of the document, in order."""
    from linter.extract.dates import extract_dates, mark_reported

    out = []
    pub = a.doc.pub_date
    for s in a.doc.sentences:
        if not _may_hold_date(s.text):
            continue
        ms = extract_dates(s.text, s.start, pub)
        if ms:  # the quotes only matter to sentences with dates
            mark_reported(ms, a.quote_spans(s.start, s.end))
            for d in ms:
                out.append((d, s))
    return out


_DATE_WORDS = ("day", "week", "month", "year", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
               "sep", "oct", "nov", "dec", "ago", "decade", "century", "today", "tonight", "now")
_DECIMAL = re.compile(r"\d")  # str.isdecimal(); str.isdigit() also takes "²" and the like


def _may_hold_date(text: str) -> bool:
    """A digit or a date word: text without either holds no date expression."""
    if text.isascii():  # then "in" finds the digits, much faster
        return any(map(text.__contains__, "0123456789")) or _has_date_word(text)
    if _DECIMAL.search(text) is not None or _has_date_word(text):
        return True
    return any(ch.isdigit() for ch in text)


def _has_date_word(text: str) -> bool:
    return any(map(text.lower().__contains__, _DATE_WORDS))


def dates(a: Analysis) -> list[tuple[Any, Any]]:
    return a.get("dates", extract_all_dates)


class _Relations:
    """Per mention (keyed by ``id``): speech kind, speech-time mention, restating mention."""

    __slots__ = ("paired", "said_at", "speech")

    def __init__(self) -> None:
        self.speech: dict[int, str] = {}
        self.said_at: dict[int, tuple[Any, Any]] = {}
        self.paired: dict[int, tuple[Any, Any]] = {}


def _relations(a: Analysis) -> _Relations:
    from linter.extract.dates import pair_restatements, speech_times, speech_verbs

    rel = _Relations()
    by_sentence: dict[int, list[Any]] = {}
    sentences: dict[int, Any] = {}
    for d, s in dates(a):
        by_sentence.setdefault(s.index, []).append(d)
        sentences[s.index] = s
    for idx, ms in by_sentence.items():
        s = sentences[idx]
        quotes = a.quote_spans(s.start, s.end)
        verbs = speech_verbs(s.text, quotes, s.start)
        indirect = bool(verbs)
        for d in ms:
            if d.reported or a.doc.in_quote(d.start) is not None:
                rel.speech[id(d)] = "quote"
            elif indirect:
                rel.speech[id(d)] = "indirect"
        if indirect:
            for i, k in speech_times(s.text, s.start, ms, quotes, verbs).items():
                rel.said_at[id(ms[i])] = (ms[k], s)
        if len(ms) > 1:
            for i, k in pair_restatements(s.text, s.start, ms).items():
                rel.paired[id(ms[i])] = (ms[k], s)
    return rel


def relations(a: Analysis) -> _Relations:
    return a.get("date_relations", _relations)


class DateView:
    __slots__ = ("a", "d", "s")

    def __init__(self, a: Analysis, d: Any, s: Any) -> None:
        self.a = a
        self.d = d
        self.s = s

    @property
    def span(self) -> tuple[int, int]:
        if self.d.weekday_start is not None:
            return (min(self.d.start, self.d.weekday_start), max(self.d.end, self.d.weekday_end or self.d.end))
        return (self.d.start, self.d.end)


def _quote_of(v: DateView) -> Any:
    return v.a.doc.in_quote(v.d.start)


DATE_T = ObjectType("date", doc="A date expression: absolute, partial, weekday, relative, duration or range.")
DATE_T.add("text", TEXT, lambda v: Text(v.d.text, v.d.start), "the expression as written")
DATE_T.add("kind", STRING, lambda v: v.d.kind, "absolute, partial, weekday, relative, duration or range")
DATE_T.add("value", DATE, lambda v: v.d.value, "the calendar day it resolves to (none if it does not)")
DATE_T.add("granularity", STRING, lambda v: v.d.granularity, "day, week, month, year, decade or none")
DATE_T.add("earliest", DATE, lambda v: v.d.earliest, "first day of the interval it denotes")
DATE_T.add("latest", DATE, lambda v: v.d.latest, "last day of the interval it denotes")
DATE_T.add("year_explicit", BOOL, lambda v: v.d.year_explicit, "the year is written")
DATE_T.add("weekday", STRING, lambda v: v.d.weekday, "the weekday written beside the date (Thursday)")
DATE_T.add("weekday_text", TEXT,
           lambda v: None if v.d.weekday_start is None
           else Text(v.a.doc.prose[v.d.weekday_start:v.d.weekday_end], v.d.weekday_start),
           "the weekday as written")
DATE_T.add("month", NUMBER, lambda v: v.d.month, "the month as written (1-12)")
DATE_T.add("day", NUMBER, lambda v: v.d.day, "the day of the month as written")
DATE_T.add("year", NUMBER, lambda v: v.d.year, "the year as written")
DATE_T.add("valid", BOOL, lambda v: v.d.valid, "false for a day the calendar does not have (February 30)")
DATE_T.add("tense", STRING, lambda v: v.d.tense,
           "future, past, present_perfect, present, future_in_past or unknown")
DATE_T.add("reported", BOOL, lambda v: v.d.reported, "inside a direct quote")
DATE_T.add("in_quote", BOOL, lambda v: _quote_of(v) is not None, "inside a direct quote")
DATE_T.add("relative", STRING, lambda v: v.d.relative, "the relative expression, normalised (last friday)")
DATE_T.add("anchor", DATE, lambda v: v.d.anchor_value,
           "for 'last Friday, March 13': the day the relative part resolves to")
DATE_T.add("preposition", STRING, lambda v: v.d.preposition,
           "the preposition right before it, lower case (on, in, since, by, of ...); none without one")
DATE_T.add("verb_before", BOOL, lambda v: v.d.tense_before,
           "the verb that sets its tense comes before it (false for 'In May 2018, he withdrew')")
DATE_T.add("after_verb", BOOL, lambda v: v.d.after_verb,
           "written right after the verb group that sets its tense, with no preposition: 'will meet "
           "Jan. 5'")
DATE_T.add("speech", STRING, lambda v: relations(v.a).speech.get(id(v.d)),
           "quote (inside a direct quote), indirect (its sentence reports speech: said, told, "
           "according to) or none")
DATE_T.add("said_at", DATE_T, lambda v: _related(v, relations(v.a).said_at),
           "for a date in reported speech: the date written for when the words were said "
           "('he said in December 2023'), none when the text does not say")
DATE_T.add("paired", DATE_T, lambda v: _related(v, relations(v.a).paired),
           "for a relative expression: the absolute one beside it that restates it "
           "('two years ago, in 2019': 2019), none without one")
DATE_T.add("restated", TEXT, lambda v: _restated(v),
           "the absolute expression that restates a relative one: 'March 13' in 'last Friday, "
           "March 13', '2019' in 'two years ago, in 2019'; none otherwise")
DATE_T.add("relative_value", DATE, lambda v: v.d.anchor_value if v.d.anchor_value is not None
           else v.d.value if v.d.kind == "relative" else None,
           "the day the relative expression alone points to, seen from publication ('last Friday': "
           "the Friday before it; 'two years ago': that day two years before)")
DATE_T.add("anchor_other", DATE, lambda v: v.d.anchor_other,
           "the other day the relative part may mean when the week makes it ambiguous ('last "
           "Friday' said on a Saturday: the day before or eight days before); none otherwise")
DATE_T.add("sentence", SENTENCE, lambda v: v.a.sentence_view(v.s.index), "the sentence it is in")


def _related(v: DateView, table: dict[int, tuple[Any, Any]]) -> DateView | None:
    hit = table.get(id(v.d))
    return None if hit is None else DateView(v.a, hit[0], hit[1])


def _restated(v: DateView) -> Text | None:
    d = v.d
    if d.anchor_value is not None and d.weekday_end is not None:
        raw = v.a.doc.prose[d.weekday_end:d.end]
        cut = len(raw) - len(raw.lstrip(", "))
        return Text(raw[cut:], d.weekday_end + cut)
    other = _related(v, relations(v.a).paired)
    return None if other is None else Text(other.d.text, other.d.start)


def _iter_dates(a: Analysis) -> Iterator[Any]:
    for d, s in dates(a):
        yield DateView(a, d, s)


register_subject(Subject("date", DATE_T, _iter_dates, DATE_T.doc))


def _days_in_month(year: Any, month: Any) -> int | None:
    if month is None:
        return None
    try:
        return calendar.monthrange(2000 if year is None else int(year), int(month))[1]
    except (ValueError, TypeError, calendar.IllegalMonthError):
        return None


def _month_name(month: Any) -> str | None:
    try:
        return datetime.date(2000, int(month), 1).strftime("%B")
    except (ValueError, TypeError):
        return None


def register_functions(registry: FunctionRegistry) -> None:
    registry.register("days_in_month", [NUMBER, NUMBER], NUMBER, _days_in_month,
                      "How many days month (1-12) of year has: days_in_month(2024, 2) is 29; with "
                      "year none, the most it can have (29 for February).", accepts_none=True)
    registry.register("month_name", [NUMBER], STRING, _month_name, "The English name of month 1-12.")
