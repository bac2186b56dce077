"""The ``interval`` subject: a stated amount of time between two points the text gives ("two days
after Monday's vote", "its 70th anniversary", "now in its third week"), from
``linter.extract.intervals``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at


class IntervalView(View):
    __slots__ = ()


INTERVAL = ObjectType("interval", doc="A stated amount of time between two points the text gives: 'two days "
                      "after Monday's vote', 'its 70th anniversary this week', 'now in its third week'.")
INTERVAL.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.item.start:v.item.end], v.item.start), "the claim as written")
INTERVAL.add("kind", STRING, lambda v: v.item.kind,
             "after, before, later, earlier, since, for, ordinal (in its third week), anniversary or turns")
INTERVAL.add("amount", NUMBER, lambda v: v.item.amount, "the amount as written (2 in 'two days after')")
INTERVAL.add("unit", STRING, lambda v: v.item.unit, "day, week, month, year or decade")
INTERVAL.add("qualifier", STRING, lambda v: v.item.qualifier, "nearly, about, more than ... as written, or none")
INTERVAL.add("from_text", STRING, lambda v: v.item.frm_text, "the earlier point as written")
INTERVAL.add("from_date", DATE, lambda v: v.item.frm[0], "the first day the earlier point may be")
INTERVAL.add("from_source", STRING, lambda v: v.item.frm_source,
             "explicit (written), event (a KB event) or publication (the default)")
INTERVAL.add("to_text", STRING, lambda v: v.item.to_text, "the later point as written ('publication' by default)")
INTERVAL.add("to_date", DATE, lambda v: v.item.to[1], "the last day the later point may be")
INTERVAL.add("to_source", STRING, lambda v: v.item.to_source, "explicit, event or publication")
INTERVAL.add("actual", NUMBER, lambda v: v.item.actual[0] if v.item.actual[0] == v.item.actual[1] else None,
             "the amount between the two points, when the points fix it to one number")
INTERVAL.add("actual_text", STRING,
             lambda v: str(v.item.actual[0]) if v.item.actual[0] == v.item.actual[1]
             else f"{v.item.actual[0]} to {v.item.actual[1]}",
             "the amount between the two points in words: '75', or '13 to 14' when the points allow a range")
INTERVAL.add("certain", BOOL, lambda v: v.item.certain, "both points are written (none is the publication default)")
INTERVAL.add("mismatch", BOOL, lambda v: v.item.mismatch,
             "the stated amount is outside what the two points allow, with the wording's tolerance")
INTERVAL.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
INTERVAL.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[IntervalView]:
    for i in a.intervals:
        yield IntervalView(a, i)


SUBJECT = Subject("interval", INTERVAL, _iterate)
