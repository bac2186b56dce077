"""The ``age`` subject: a stated age ("the 75-year-old Netanyahu", "Netanyahu, 75,") and the
KB person it describes, from ``linter.extract.ages``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at


class AgeView(View):
    __slots__ = ()


AGE = ObjectType("age", doc="A stated age: 'the 75-year-old Netanyahu', 'Netanyahu, 75,', 'aged 75', "
                            "'the 86-year-old theocrat'.")
AGE.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the age as written")
AGE.add("value", NUMBER, lambda v: v.item.value, "the age in years")
AGE.add("person_id", STRING, lambda v: v.item.person_id, "the KB person it describes (none when not linked)")
AGE.add("person_text", TEXT,
        lambda v: None if v.item.person_start is None
        else Text(v.a.doc.prose[v.item.person_start:v.item.person_end], v.item.person_start),
        "the name it is linked through, as written")
AGE.add("form", STRING, lambda v: v.item.form, "adjective (the 75-year-old X), appositive (X, 75,), aged, descriptor")
AGE.add("direct", BOOL, lambda v: v.item.direct, "linked through the adjective or appositive form")
AGE.add("current", BOOL, lambda v: v.item.current,
        "states the age at publication (false for 'then-70-year-old', 'turned 80', 'In 2019, the 69-year-old')")
AGE.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
AGE.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[AgeView]:
    for g in a.ages:
        yield AgeView(a, g)


SUBJECT = Subject("age", AGE, _iterate)
