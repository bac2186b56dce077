"""The DSL functions subjects add to the language: calendar arithmetic and knowledge-base
look-ups (``holds``, ``ever_held``, ``term_end``, ``born`` ...).

A rule says what to compare; these say how to look it up. Knowledge-base functions are
registered with ``host=True``: the engine passes the document's ``Analysis`` first, so each call
reads that run's KB (``kb:`` in the configuration included) with no global state.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Any

from linter.dsl import BOOL, DATE, NUMBER, STRING, FunctionRegistry
from linter.extractions import Analysis


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


def _holder_name(a: Analysis, office: str, on: datetime.date) -> str | None:
    names = [p.name for p in a.kb.holder(office, on)]
    return ", ".join(sorted(names)) or None


def _office_name(a: Analysis, office: str) -> str | None:
    o = a.kb.offices.get(office)
    return o.name if o else None


def _current_offices(a: Analysis, person: str, on: datetime.date) -> str | None:
    kb = a.kb
    names = sorted({kb.offices[t.office].name for t in kb.terms(person) if t.covers(on) and t.office in kb.offices})
    return ", ".join(names) or None


def _kb_note(a: Analysis, on: datetime.date) -> str:
    if not a.kb.is_stale(on):
        return ""
    return f" (the knowledge base is current to {a.kb.as_of.isoformat()}: check that this is still so)"


def _well_known(a: Analysis, person: str) -> bool:
    p = a.kb.people.get(person)
    return p is not None and bool(p.terms) and p.bare_surname


def _life(a: Analysis, person: str) -> str | None:
    p = a.kb.people.get(person)
    if p is None:
        return None
    born = f"born {p.born.isoformat()}" if p.born else (f"born {p.born_year}" if p.born_year else "no birth")
    died = f"died {p.died.isoformat()}" if p.died else (f"died {p.died_year}" if p.died_year else "no death recorded")
    return f"{born}, {died}"


def _person_field(field: str) -> Any:
    def get(a: Analysis, person_id: Any) -> Any:
        p = a.kb.people.get(str(person_id))
        return None if p is None else getattr(p, field)

    return get


def register_functions(registry: FunctionRegistry) -> None:
    """Add the calendar and knowledge-base functions to ``registry``."""
    registry.register("days_in_month", [NUMBER, NUMBER], NUMBER, _days_in_month,
                      "How many days month (1-12) of year has: days_in_month(2024, 2) is 29; with "
                      "year none, the most it can have (29 for February).", accepts_none=True)
    registry.register("month_name", [NUMBER], STRING, _month_name, "The English name of month 1-12.")
    kb = registry.register
    kb("holds", [STRING, STRING, DATE], BOOL, lambda a, p, o, d: a.kb.holds(p, o, d),
       "Did the person hold the office on the date? (knowledge base; an open term counts "
       "after the KB's date too: pair with kb_stale)", host=True)
    kb("ever_held", [STRING, STRING], BOOL, lambda a, p, o: a.kb.ever_held(p, o),
       "Did the person ever hold the office (any term in the KB)?", host=True)
    kb("held_before", [STRING, STRING, DATE], BOOL, lambda a, p, o, d: a.kb.held_before(p, o, d),
       "Did a term of the person in the office start before the date?", host=True)
    kb("term_end", [STRING, STRING, DATE], DATE, lambda a, p, o, d: a.kb.last_end(p, o, d),
       "The end of the person's last term in the office that ended by the date.", host=True)
    kb("term_start", [STRING, STRING, DATE], DATE, lambda a, p, o, d: a.kb.term_start(p, o, d),
       "The start of the person's term in the office that covers the date.", host=True)
    kb("first_term_start", [STRING, STRING], DATE, lambda a, p, o: a.kb.first_start(p, o),
       "When the person first took the office.", host=True)
    kb("career_start", [STRING], DATE, lambda a, p: a.kb.career_start(p),
       "When the person's first known term in any office began.", host=True)
    kb("holder_name", [STRING, DATE], STRING, _holder_name,
       "Who held the office on the date (names, comma-separated).", host=True)
    kb("office_name", [STRING], STRING, _office_name, "The office's full name.", host=True)
    kb("current_offices", [STRING, DATE], STRING, _current_offices,
       "The offices the person held on the date, comma-separated.", host=True)
    kb("kb_stale", [DATE], BOOL, lambda a, d: a.kb.is_stale(d),
       "The date is well past the knowledge base's as_of (more than 60 days).", host=True)
    kb("kb_note", [DATE], STRING, _kb_note,
       "A note for messages when the date is well past the knowledge base's as_of, else \"\".", host=True)
    kb("kb_covers", [STRING, DATE], BOOL, lambda a, o, d: a.kb.covers(o, d),
       "The knowledge base lists every holder of the office on the date.", host=True)
    kb("well_known", [STRING], BOOL, _well_known,
       "The person holds a KB office and is known by surname alone.", host=True)
    kb("born", [STRING], DATE, _person_field("born"),
       "The birth date of the KB person with this id (none when unknown).", host=True)
    kb("died", [STRING], DATE, _person_field("died"),
       "The date of death of the KB person with this id (none when alive or unknown).", host=True)
    kb("life", [STRING], STRING, _life,
       "The KB person's birth and death in words: \"born 1924-10-01, died 2024-12-29\".", host=True)
    kb("person_name", [STRING], STRING, _person_field("name"),
       "The full name of the KB person with this id.", host=True)
