"""Date subjects for the rules: every ``date`` expression with its resolved value and tense.

Backed by ``linter.extract.dates``. Also registers the calendar functions the date rules use
(``days_in_month``, ``month_name``).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType
from linter.dsl.types import Text
from linter.subjects import SENTENCE, Subject, register_subject


def extract_all_dates(a: Analysis) -> list[tuple[Any, Any]]:
    """(DateMention, Sentence) for every date expression of the document, in order."""
    from linter.extract.dates import extract_dates

    out = []
    pub = a.doc.pub_date
    for s in a.doc.sentences:
        if not any(ch.isdigit() for ch in s.text) and not _has_date_word(s.text):
            continue
        for d in extract_dates(s.text, s.start, pub, a.quote_spans(s.start, s.end)):
            out.append((d, s))
    return out


_DATE_WORDS = ("day", "week", "month", "year", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
               "sep", "oct", "nov", "dec", "ago", "decade", "century", "today", "tonight", "now")


def _has_date_word(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _DATE_WORDS)


def dates(a: Analysis) -> list[tuple[Any, Any]]:
    return a.get("dates", extract_all_dates)


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
DATE_T.add("sentence", SENTENCE, lambda v: v.a.sentence_view(v.s.index), "the sentence it is in")


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
