"""The ``age`` subject: a stated age ("the 75-year-old Netanyahu", "Sanders, 80,", "he is 45",
"died at 68"), the person it describes, the time it is stated for, what the knowledge base and
the article's own birth statements say of it, and the DSL function ``age_fits``; from
``linter.extract.ages``."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator
from typing import Any

from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType
from linter.dsl.types import Text
from linter.extract.ages import Age, age_clashes, age_span, fits
from linter.extractions import Analysis
from linter.subjects.base import Subject, View, cached_view
from linter.subjects.sentence import SENTENCE, sentence_view_at


class AgeView(View):
    __slots__ = ()

    @property
    def kb_born(self) -> datetime.date | None:
        pid = self.item.person_id
        p = self.a.kb.people.get(pid) if pid else None
        return None if p is None or p.uncertain else p.born


def _when(lo: datetime.date, hi: datetime.date) -> str:
    """The days ``lo`` .. ``hi`` in words: "on 2026-02-12", "in 2019", "in June 2025"."""
    if lo == hi:
        return f"on {lo.isoformat()}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"in {lo.year}"
    if lo.year == hi.year and lo.month == hi.month and lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]:
        return f"in {lo.strftime('%B')} {lo.year}"
    return f"between {lo.isoformat()} and {hi.isoformat()}"


def _ages(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else (f"{lo} or {hi}" if hi == lo + 1 else f"{lo} to {hi}")


def _says(age: Age, born_lo: datetime.date | None, born_hi: datetime.date | None) -> str | None:
    """What a birth in ``born_lo`` .. ``born_hi`` makes the person at each time the age may be
    stated for: "69 or 70 in 2019, 76 on 2026-02-12"."""
    if born_lo is None or born_hi is None or age.at is None:
        return None
    parts = []
    readings = [(age.at, age.at_end or age.at)]
    if age.alt_at is not None:
        readings.append((age.alt_at, age.alt_end or age.alt_at))
    for lo, hi in readings:
        words = _when(lo, hi)
        if age.time == "death" and (lo, hi) == readings[0]:
            words = f"at death ({lo.isoformat()})" if lo == hi else f"at death ({_when(lo, hi)})"
        parts.append(f"{_ages(*age_span(born_lo, born_hi, lo, hi))} {words}")
    return ", ".join(parts)


def _gap(age: Age, born: datetime.date | None) -> int | None:
    """How many years the stated age is from the nearest age the birth date gives at any time
    the age may be stated for (0: it fits)."""
    if born is None or age.at is None:
        return None
    gaps = []
    for lo, hi in ((age.at, age.at_end or age.at), (age.alt_at, age.alt_end or age.alt_at)):
        if lo is None or hi is None:
            continue
        young, old = age_span(born, born, lo, hi)
        gaps.append(max(0, young - age.value, age.value - old))
    return min(gaps)


def _clash(v: AgeView) -> AgeView | None:
    a = v.a
    key = ("age-clashes", None)
    clashes = a.views.get(key)
    if clashes is None:
        clashes = a.views[key] = {id(later): earlier for earlier, later in age_clashes(a.ages)}
    earlier = clashes.get(id(v.item))
    return None if earlier is None else _view(a, earlier)


def _view(a: Analysis, age: Age) -> AgeView:
    return cached_view(a, AgeView, id(age), lambda: AgeView(a, age))


AGE = ObjectType("age", doc="A stated age: 'the 75-year-old Netanyahu', 'Netanyahu, 75,', 'aged 75', "
                            "'the 86-year-old theocrat', 'he is 45', 'died at 68'.")
AGE.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the age as written")
AGE.add("value", NUMBER, lambda v: v.item.value, "the age in years")
AGE.add("person_id", STRING, lambda v: v.item.person_id, "the KB person it describes (none when not linked)")
AGE.add("person_key", STRING, lambda v: v.item.person_key,
        "the person it describes: the KB id, or the normalised full name of someone the KB does not "
        "know (none when not linked)")
AGE.add("person_name", STRING, lambda v: v.item.person_name,
        "the person's full name (the KB's, or as the text gives it)")
AGE.add("person_text", TEXT,
        lambda v: None if v.item.person_start is None
        else Text(v.a.doc.prose[v.item.person_start:v.item.person_end], v.item.person_start),
        "the name it is linked through, as written (for a pronoun or descriptor: the antecedent)")
AGE.add("form", STRING, lambda v: v.item.form,
        "adjective (the 75-year-old X), appositive (X, 75,  X, a 75-year-old ...), aged (X, aged 75), "
        "descriptor (the 75-year-old senator), predicate (X is 75, he is 75, who turned 75), "
        "death (died at 75, who was 75 when he died)")
AGE.add("link", STRING, lambda v: v.item.link,
        "how the person was found: name (a full or titled name it touches), surname, pronoun, "
        "descriptor; none when not linked")
AGE.add("direct", BOOL, lambda v: v.item.direct, "the age touches the name it is linked through")
AGE.add("time", STRING, lambda v: v.item.time,
        "the time it is stated for: publication, explicit (a dated clause), death, default (the "
        "publication date, though the sentence names another time), unknown ('at 70', 'then-70')")
AGE.add("current", BOOL, lambda v: v.item.current, "stated for the publication date (time is publication)")
AGE.add("at", DATE, lambda v: v.item.at, "the first day it is stated for (none when unknown)")
AGE.add("at_end", DATE, lambda v: v.item.at_end, "the last day it is stated for")
AGE.add("alt_at", DATE, lambda v: v.item.alt_at,
        "the first day of the other time it may be stated for (a dated clause: the publication date)")
AGE.add("alt_end", DATE, lambda v: v.item.alt_end, "the last day of that other time")
AGE.add("kb_born", DATE, lambda v: v.kb_born, "the KB birth date of the person (none when unknown or uncertain)")
AGE.add("kb_says", STRING, lambda v: _says(v.item, v.kb_born, v.kb_born),
        "the ages the KB birth date gives at each time the age may be stated for: '69 or 70 in 2019, 76 on 2026-02-12'")
AGE.add("kb_gap", NUMBER, lambda v: _gap(v.item, v.kb_born),
        "how many years the age is from the nearest age the KB birth date gives (0: it fits; none "
        "when unknown)")
AGE.add("birth_text", TEXT,
        lambda v: None if v.item.birth is None else Text(v.item.birth.text, v.item.birth.start),
        "the birth the article states for the same person ('born in 1950'), as written")
AGE.add("born_lo", DATE, lambda v: None if v.item.birth is None else v.item.birth.lo,
        "the first day of the birth the article states (1950-01-01 for 'born in 1950')")
AGE.add("born_hi", DATE, lambda v: None if v.item.birth is None else v.item.birth.hi,
        "the last day of the birth the article states")
AGE.add("birth_link", STRING, lambda v: None if v.item.birth is None else v.item.birth.link,
        "how the stated birth was tied to the person (name, surname, pronoun)")
AGE.add("birth_says", STRING,
        lambda v: None if v.item.birth is None else _says(v.item, v.item.birth.lo, v.item.birth.hi),
        "the ages the article's stated birth gives at each time the age may be stated for")
AGE.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
AGE.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")
AGE.add("clash", AGE, _clash,
        "an earlier age of the same person (person_key) that no birth date makes true together with "
        "this one, under any time either may be stated for (none when there is none)")


def _age_fits(value: Any, born_lo: datetime.date, born_hi: datetime.date, at: datetime.date,
              at_end: datetime.date) -> bool:
    return fits(int(value), born_lo, born_hi, at, at_end)


def register_functions(registry: FunctionRegistry) -> None:
    """``age_fits``: whether an age can be true of a birth at a time."""
    registry.register("age_fits", [NUMBER, DATE, DATE, DATE, DATE], BOOL, _age_fits,
                      "age_fits(value, born_first, born_last, first_day, last_day): can someone born "
                      "between born_first and born_last be value years old on some day between "
                      "first_day and last_day?")


def _iterate(a: Analysis) -> Iterator[AgeView]:
    for g in a.ages:
        yield _view(a, g)


SUBJECT = Subject("age", AGE, _iterate)
