"""The ``restatement`` subject: one fact an article states twice in ways that cannot both be
true, the headline included: one person given two ages no birth date reconciles
(``linter.extract.ages.age_clashes``), or one KB event given two dates that do not overlap
(``linter.extract.events.dated_mentions``). The item points at the later statement."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.dsl import BOOL, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extract.ages import TIME_DEATH, TIME_EXPLICIT, TIME_PUBLICATION, Age, age_clashes
from linter.extract.events import EventMention, dated_mentions
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at

KIND_AGE = "age"
KIND_EVENT = "event"
#: the times an age is stated for that the text itself fixes
_FIXED_TIMES = frozenset({TIME_PUBLICATION, TIME_EXPLICIT, TIME_DEATH})


@dataclass(frozen=True, slots=True)
class Restatement:
    """The later of two statements of one fact (absolute offsets) and the earlier one."""

    start: int
    end: int
    kind: str
    text: str
    first_start: int
    first_text: str
    #: the person's full name or the event's KB name
    about: str
    #: both statements are explicit and tied to the person or event for certain
    certain: bool


def _age_certain(a: Age) -> bool:
    return a.link == "name" and a.time in _FIXED_TIMES


def _from_ages(first: Age, later: Age) -> Restatement:
    return Restatement(later.start, later.end, KIND_AGE, later.text, first.start, first.text,
                       later.person_name or first.person_name or "", _age_certain(first) and _age_certain(later))


def _event_clash(a: EventMention, b: EventMention) -> bool:
    assert a.date_earliest is not None and a.date_latest is not None
    assert b.date_earliest is not None and b.date_latest is not None
    return a.date_latest < b.date_earliest or b.date_latest < a.date_earliest


def _from_events(first: EventMention, later: EventMention) -> Restatement:
    return Restatement(later.start, later.end, KIND_EVENT, later.text, first.start, first.text,
                       later.event_name, first.certain and later.certain)


def restatements(a: Analysis) -> list[Restatement]:
    """Every later statement that contradicts an earlier one of the same fact, in text order.
    Event dates count when written with their year and not as part of a name ("the 2020 Tokyo
    Olympics" were held in 2021); each later date is paired with the first earlier it excludes."""
    out = [_from_ages(x, y) for x, y in age_clashes(a.ages)]
    for group in dated_mentions(a.events).values():
        dated = [m for m in group if m.year_explicit and not m.in_name]
        for j, later in enumerate(dated):
            first = next((m for m in dated[:j] if _event_clash(m, later)), None)
            if first is not None:
                out.append(_from_events(first, later))
    out.sort(key=lambda r: r.start)
    return out


class RestatementView(View):
    __slots__ = ()


RESTATEMENT = ObjectType(
    "restatement", doc="One fact stated twice in ways that cannot both be true: a person's two ages, "
                       "an event's two dates.")
RESTATEMENT.add("kind", STRING, lambda v: v.item.kind, "age or event")
RESTATEMENT.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the later statement, as written")
RESTATEMENT.add("first_text", TEXT, lambda v: Text(v.item.first_text, v.item.first_start),
                "the earlier statement it contradicts, as written")
RESTATEMENT.add("about", STRING, lambda v: v.item.about, "the person's full name or the event's KB name")
RESTATEMENT.add("certain", BOOL, lambda v: v.item.certain,
                "both statements are explicit and tied for certain: ages touching the full name and stated "
                "for the publication date, a dated clause or the death; event dates in a certain form")
RESTATEMENT.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start) or v.a.in_quote(v.item.first_start),
                "either statement is inside a direct quote")
RESTATEMENT.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence of the later one")


def _iterate(a: Analysis) -> Iterator[RestatementView]:
    for r in restatements(a):
        yield RestatementView(a, r)


SUBJECT = Subject("restatement", RESTATEMENT, _iterate)
