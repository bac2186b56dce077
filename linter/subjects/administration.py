"""The ``administration`` subject: a reference to a U.S. presidential administration ("the
Biden administration"), from ``linter.extract.titles``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at


class AdministrationView(View):
    __slots__ = ()

    @property
    def tense(self) -> str:
        return self.a.tense_at(self.item.start, self.item.end)


ADMIN = ObjectType("administration", doc="A reference to a U.S. presidential administration: 'the Biden administration'.")
ADMIN.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.item.start:v.item.end], v.item.start), "as written")
ADMIN.add("person", STRING, lambda v: v.item.person_id, "the president's knowledge-base id")
ADMIN.add("office", STRING, lambda v: v.item.office_id, "the office (us.president)")
ADMIN.add("person_name", STRING, lambda v: v.a.kb.people[v.item.person_id].name, "the president's name")
ADMIN.add("tense", STRING, lambda v: v.tense, "tense of the clause (present_perfect for 'has signaled')")
ADMIN.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
ADMIN.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[AdministrationView]:
    for x in a.administrations:
        yield AdministrationView(a, x)


SUBJECT = Subject("administration", ADMIN, _iterate)
