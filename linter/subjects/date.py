"""The ``date`` subject: every date expression with its resolved value, tense and relations
(``linter.extract.dates``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter import recache
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view


class DateView(View):
    """``item`` the date mention, ``extra`` its sentence."""

    __slots__ = ()

    @property
    def span(self) -> tuple[int, int]:
        d = self.item
        if d.weekday_start is not None:
            return (min(d.start, d.weekday_start), max(d.end, d.weekday_end or d.end))
        return (d.start, d.end)


_NEXT_WORD = recache.compile(r"[ \t]*([A-Za-z][\w'’-]*)")


def _next_word(v: DateView) -> str:
    m = _NEXT_WORD.match(v.a.doc.prose, v.item.end)
    return m.group(1).lower() if m else ""


_OPENING = recache.compile(r"(?i)(?:\W*|.*[,;:]\s*)(?:(?:back|as|early|late)\s+)?(?:on|in|during|by|of)?\s*\Z", re.S)


def _clause_initial(v: DateView) -> bool:
    s = v.extra
    before = v.a.doc.prose[s.start:v.item.start] if s.start <= v.item.start else ""
    return len(before) < 200 and _OPENING.fullmatch(before) is not None


def _related(v: DateView, table: dict[int, tuple[Any, Any]]) -> DateView | None:
    hit = table.get(id(v.item))
    return None if hit is None else DateView(v.a, hit[0], hit[1])


def _restated(v: DateView) -> Text | None:
    d = v.item
    if d.anchor_value is not None and d.weekday_end is not None:
        raw = v.a.doc.prose[d.weekday_end:d.end]
        cut = len(raw) - len(raw.lstrip(", "))
        return Text(raw[cut:], d.weekday_end + cut)
    other = _related(v, v.a.date_relations.paired)
    return None if other is None else Text(other.item.text, other.item.start)


DATE_T = ObjectType("date", doc="A date expression: absolute, partial, weekday, relative, duration or range.")
DATE_T.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the expression as written")
DATE_T.add("kind", STRING, lambda v: v.item.kind, "absolute, partial, weekday, relative, duration or range")
DATE_T.add("value", DATE, lambda v: v.item.value, "the calendar day it resolves to (none if it does not)")
DATE_T.add("granularity", STRING, lambda v: v.item.granularity, "day, week, month, year, decade or none")
DATE_T.add("earliest", DATE, lambda v: v.item.earliest, "first day of the interval it denotes")
DATE_T.add("latest", DATE, lambda v: v.item.latest, "last day of the interval it denotes")
DATE_T.add("year_explicit", BOOL, lambda v: v.item.year_explicit, "the year is written")
DATE_T.add("weekday", STRING, lambda v: v.item.weekday, "the weekday written beside the date (Thursday)")
DATE_T.add("weekday_text", TEXT,
           lambda v: None if v.item.weekday_start is None
           else Text(v.a.doc.prose[v.item.weekday_start:v.item.weekday_end], v.item.weekday_start),
           "the weekday as written")
DATE_T.add("month", NUMBER, lambda v: v.item.month, "the month as written (1-12)")
DATE_T.add("day", NUMBER, lambda v: v.item.day, "the day of the month as written")
DATE_T.add("year", NUMBER, lambda v: v.item.year, "the year as written")
DATE_T.add("valid", BOOL, lambda v: v.item.valid, "false for a day the calendar does not have (February 30)")
DATE_T.add("tense", STRING, lambda v: v.item.tense,
           "future, past, present_perfect, present, future_in_past or unknown")
DATE_T.add("reported", BOOL, lambda v: v.item.reported, "inside a direct quote")
DATE_T.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
DATE_T.add("relative", STRING, lambda v: v.item.relative, "the relative expression, normalised (last friday)")
DATE_T.add("anchor", DATE, lambda v: v.item.anchor_value,
           "for 'last Friday, March 13': the day the relative part resolves to")
DATE_T.add("preposition", STRING, lambda v: v.item.preposition,
           "the preposition right before it, lower case (on, in, since, by, of ...); none without one")
DATE_T.add("verb_before", BOOL, lambda v: v.item.tense_before,
           "the verb that sets its tense comes before it (false for 'In May 2018, he withdrew')")
DATE_T.add("after_verb", BOOL, lambda v: v.item.after_verb,
           "written right after the verb group that sets its tense, with no preposition: 'will meet "
           "Jan. 5'")
DATE_T.add("verb_gap", NUMBER, lambda v: v.item.verb_gap,
           "how many words stand between the verb group that governs it (before it) and it: 0 in \"will meet "
           "Jan. 5\", 1 in \"will take place Tuesday\"; none when the verb comes after")
DATE_T.add("verb_group", STRING, lambda v: v.item.verb_group,
           "the verb group that governs it, as written (\"will take\"), or none")
DATE_T.add("verb_lead", STRING, lambda v: v.item.verb_lead,
           "the word just before the governing verb group, lower case (\"being\" in \"being paid\")")
DATE_T.add("verb_gap_text", STRING, lambda v: v.item.verb_gap_text,
           "the words between the governing verb group (before it) and it: \"the budget\" in \"approved the "
           "budget on March 3\"")
DATE_T.add("clause_initial", BOOL, _clause_initial,
           "it opens its sentence or clause, at most after a preposition: \"On Jan. 23, 2024, Trump will ...\"")
DATE_T.add("next_word", STRING, _next_word,
           "the word right after it, lower case; \"\" when punctuation or the end of the sentence follows")
DATE_T.add("speech", STRING, lambda v: v.a.date_relations.speech.get(id(v.item)),
           "quote (inside a direct quote), indirect (its sentence reports speech: said, told, "
           "according to) or none")
DATE_T.add("said_at", DATE_T, lambda v: _related(v, v.a.date_relations.said_at),
           "for a date in reported speech: the date written for when the words were said "
           "('he said in December 2023'), none when the text does not say")
DATE_T.add("paired", DATE_T, lambda v: _related(v, v.a.date_relations.paired),
           "for a relative expression: the absolute one beside it that restates it "
           "('two years ago, in 2019': 2019), none without one")
DATE_T.add("restated", TEXT, _restated,
           "the absolute expression that restates a relative one: 'March 13' in 'last Friday, "
           "March 13', '2019' in 'two years ago, in 2019'; none otherwise")
DATE_T.add("relative_value", DATE, lambda v: v.item.anchor_value if v.item.anchor_value is not None
           else v.item.value if v.item.kind == "relative" else None,
           "the day the relative expression alone points to, seen from publication ('last Friday': "
           "the Friday before it; 'two years ago': that day two years before)")
DATE_T.add("anchor_other", DATE, lambda v: v.item.anchor_other,
           "the other day the relative part may mean when the week makes it ambiguous ('last "
           "Friday' said on a Saturday: the day before or eight days before); none otherwise")
DATE_T.add("sentence", SENTENCE, lambda v: sentence_view(v.a, v.extra.index), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[DateView]:
    for d, s in a.dates:
        yield DateView(a, d, s)


SUBJECT = Subject("date", DATE_T, _iterate)
