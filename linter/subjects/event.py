"""The ``event`` subject: a mention of a dated KB event ("the October 7 attack") with the date
written beside it, from ``linter.extract.events``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, DATE, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at


class EventView(View):
    __slots__ = ()


EVENT = ObjectType("event", doc="A mention of a dated KB event: 'the October 7 attack', 'the 9/11 attacks of 2002'.")
EVENT.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.item.start:v.item.end], v.item.start), "the mention as written")
EVENT.add("event_id", STRING, lambda v: v.item.event_id, "the KB event id")
EVENT.add("name", STRING, lambda v: v.item.event_name, "the KB event's name")
EVENT.add("event_date", DATE, lambda v: v.item.event_date, "the KB date of the event (its first day)")
EVENT.add("event_end", DATE, lambda v: v.item.event_end, "the KB last day of a multi-day event (none otherwise)")
EVENT.add("form", STRING, lambda v: v.item.form, "name, dated-name, date-head or head-on-date")
EVENT.add("date_text", TEXT,
          lambda v: None if v.item.date_start is None else Text(v.item.date_text, v.item.date_start),
          "the date written with it, as written")
EVENT.add("date_earliest", DATE, lambda v: v.item.date_earliest, "first day of the written date")
EVENT.add("date_latest", DATE, lambda v: v.item.date_latest, "last day of the written date")
EVENT.add("year_explicit", BOOL, lambda v: v.item.year_explicit, "the written date has its year")
EVENT.add("contradicts", BOOL, lambda v: v.item.contradicts, "the written date cannot be the KB's day(s) of the event")
EVENT.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
EVENT.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[EventView]:
    for e in a.events:
        yield EventView(a, e)


SUBJECT = Subject("event", EVENT, _iterate)
