"""Timeline subjects for the rules: stated ``age``s, named ``event``s, and the publication-date
window the text implies (``document.window_*``).

Backed by ``linter.extract.ages``, ``linter.extract.events``, ``linter.extract.mentions`` (titled
mentions) and ``linter.window``. Registers the DSL functions ``born``, ``died`` and
``person_name`` (knowledge-base look-ups by person id).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType
from linter.dsl.types import Text
from linter.subjects import DOCUMENT, SENTENCE, DocumentView, Subject, register_subject

# -- shared extractions ------------------------------------------------------------------------


def _sentences(a: Analysis) -> list[tuple[int, str]]:
    return [(s.start, s.text) for s in a.doc.sentences]


def mentions(a: Analysis) -> list[Any]:
    """The document's person mentions, shared with the title rules (computed once)."""
    from linter.subjects_titles import mentions as title_mentions

    return title_mentions(a)


def _dates(a: Analysis) -> list[Any]:
    from linter.subjects_dates import dates

    return [d for d, _ in dates(a)]


def ages(a: Analysis) -> list[Any]:
    def make(a: Analysis) -> list[Any]:
        from linter.extract.ages import extract_ages

        return extract_ages(_sentences(a), mentions(a), a.kb, a.doc.pub_date)

    return a.get("timeline.ages", make)


def events(a: Analysis) -> list[Any]:
    def make(a: Analysis) -> list[Any]:
        from linter.extract.events import extract_events

        return extract_events(_sentences(a), _dates(a), a.kb)

    return a.get("timeline.events", make)


def window(a: Analysis) -> Any:
    return a.get("timeline.window", _make_window)


def _make_window(a: Analysis) -> Any:
    from linter import window as w

    doc = a.doc

    def in_quote(offset: int) -> bool:
        return doc.in_quote(offset) is not None

    def sentence_of(offset: int) -> tuple[int, str] | None:
        i = a.sentence_index_at(offset)
        if i is None:
            return None
        s = doc.sentences[i]
        return (s.start, s.text)

    def text_of(start: int, end: int) -> str:
        return " ".join(doc.prose[start:end].split())

    kb = a.kb
    claims = [
        *w.claims_from_mentions(mentions(a), kb, in_quote, text_of),
        *w.claims_from_dates(_dates(a), sentence_of, in_quote),
        *w.claims_from_ages(ages(a), kb),
        *w.claims_from_events(events(a)),
        *w.claims_from_administrations(_sentences(a), kb, in_quote),
    ]
    claims.sort(key=lambda c: c.start)
    return w.solve(claims)


# -- document attributes -----------------------------------------------------------------------


def _conflict(v: DocumentView) -> str | None:
    from linter.window import describe_conflict

    return describe_conflict(window(v.a), lambda off: v.a.doc.line_col(off)[0])


def _conflict_text(v: DocumentView) -> Text | None:
    from linter.window import first_clashing_claim

    c = first_clashing_claim(window(v.a))
    return None if c is None else Text(v.a.doc.prose[c.start:c.end], c.start)


def _window_text(v: DocumentView) -> str | None:
    from linter.window import describe_need

    win = window(v.a)
    if win.empty or not win.spans:
        return None
    start, end = win.start, win.end
    if start is not None and end is not None:
        hull = f"between {start.isoformat()} and {end.isoformat()}"
        return hull if len(win.spans) == 1 else describe_need(win.spans)
    return describe_need(win.spans)


DOCUMENT.add("window_start", DATE, lambda v: window(v.a).start,
             "first publication date the text's own claims allow (none: unbounded or contradictory)")
DOCUMENT.add("window_end", DATE, lambda v: window(v.a).end,
             "last publication date the text's own claims allow (none: unbounded or contradictory)")
DOCUMENT.add("window_empty", BOOL, lambda v: window(v.a).empty,
             "no publication date satisfies every time-sensitive claim of the text")
DOCUMENT.add("window_claims", NUMBER, lambda v: len(window(v.a).claims),
             "how many time-sensitive claims (titles, dated tenses, ages, events, administrations) the window uses")
DOCUMENT.add("window_conflict", STRING, _conflict, "the claims that clash, with their lines and the dates each needs")
DOCUMENT.add("window_conflict_text", TEXT, _conflict_text, "the first clashing claim as written (where to point)")
DOCUMENT.add("window_text", STRING, _window_text,
             "the window in words: 'between 2022-12-29 and 2025-01-19', '2024-07-28 or later'")

# -- age -----------------------------------------------------------------------------------------


class AgeView:
    __slots__ = ("a", "g")

    def __init__(self, a: Analysis, g: Any) -> None:
        self.a = a
        self.g = g

    @property
    def span(self) -> tuple[int, int]:
        return (self.g.start, self.g.end)


AGE = ObjectType("age", doc="A stated age: 'the 75-year-old Netanyahu', 'Netanyahu, 75,', 'aged 75', "
                            "'the 86-year-old theocrat'.")
AGE.add("text", TEXT, lambda v: Text(v.g.text, v.g.start), "the age as written")
AGE.add("value", NUMBER, lambda v: v.g.value, "the age in years")
AGE.add("person_id", STRING, lambda v: v.g.person_id, "the KB person it describes (none when not linked)")
AGE.add("person_text", TEXT,
        lambda v: None if v.g.person_start is None
        else Text(v.a.doc.prose[v.g.person_start:v.g.person_end], v.g.person_start),
        "the name it is linked through, as written")
AGE.add("form", STRING, lambda v: v.g.form, "adjective (the 75-year-old X), appositive (X, 75,), aged, descriptor")
AGE.add("direct", BOOL, lambda v: v.g.direct, "linked through the adjective or appositive form")
AGE.add("current", BOOL, lambda v: v.g.current,
        "states the age at publication (false for 'then-70-year-old', 'turned 80', 'In 2019, the 69-year-old')")
AGE.add("in_quote", BOOL, lambda v: v.a.doc.in_quote(v.g.start) is not None, "inside a direct quote")
AGE.add("sentence", SENTENCE, lambda v: v.a.sentence_view_at(v.g.start), "the sentence it is in")


def _iter_ages(a: Analysis) -> Iterator[Any]:
    for g in ages(a):
        yield AgeView(a, g)


register_subject(Subject("age", AGE, _iter_ages, AGE.doc))

# -- event ---------------------------------------------------------------------------------------


class EventView:
    __slots__ = ("a", "e")

    def __init__(self, a: Analysis, e: Any) -> None:
        self.a = a
        self.e = e

    @property
    def span(self) -> tuple[int, int]:
        return (self.e.start, self.e.end)


EVENT = ObjectType("event", doc="A mention of a dated KB event: 'the October 7 attack', 'the 9/11 attacks of 2002'.")
EVENT.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.e.start:v.e.end], v.e.start), "the mention as written")
EVENT.add("event_id", STRING, lambda v: v.e.event_id, "the KB event id")
EVENT.add("name", STRING, lambda v: v.e.event_name, "the KB event's name")
EVENT.add("event_date", DATE, lambda v: v.e.event_date, "the KB date of the event (its first day)")
EVENT.add("event_end", DATE, lambda v: v.e.event_end, "the KB last day of a multi-day event (none otherwise)")
EVENT.add("form", STRING, lambda v: v.e.form, "name, dated-name, date-head or head-on-date")
EVENT.add("date_text", TEXT, lambda v: None if v.e.date_start is None else Text(v.e.date_text, v.e.date_start),
          "the date written with it, as written")
EVENT.add("date_earliest", DATE, lambda v: v.e.date_earliest, "first day of the written date")
EVENT.add("date_latest", DATE, lambda v: v.e.date_latest, "last day of the written date")
EVENT.add("year_explicit", BOOL, lambda v: v.e.year_explicit, "the written date has its year")
EVENT.add("contradicts", BOOL, lambda v: v.e.contradicts, "the written date cannot be the KB's day(s) of the event")
EVENT.add("in_quote", BOOL, lambda v: v.a.doc.in_quote(v.e.start) is not None, "inside a direct quote")
EVENT.add("sentence", SENTENCE, lambda v: v.a.sentence_view_at(v.e.start), "the sentence it is in")


def _iter_events(a: Analysis) -> Iterator[Any]:
    for e in events(a):
        yield EventView(a, e)


register_subject(Subject("event", EVENT, _iter_events, EVENT.doc))

# -- functions -----------------------------------------------------------------------------------


def _person(person_id: Any) -> Any:
    from linter.kb.load import current_kb

    return current_kb().people.get(str(person_id))


def _born(person_id: Any) -> datetime.date | None:
    p = _person(person_id)
    return None if p is None else p.born


def _died(person_id: Any) -> datetime.date | None:
    p = _person(person_id)
    return None if p is None else p.died


def _person_name(person_id: Any) -> str | None:
    p = _person(person_id)
    return None if p is None else p.name


def register_functions(registry: FunctionRegistry) -> None:
    registry.register("born", [STRING], DATE, _born,
                      "The birth date of the KB person with this id (none when unknown).", pure=False)
    registry.register("died", [STRING], DATE, _died,
                      "The date of death of the KB person with this id (none when alive or unknown).", pure=False)
    registry.register("person_name", [STRING], STRING, _person_name,
                      "The full name of the KB person with this id.", pure=False)
