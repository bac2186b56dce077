"""The ``variant`` subject: a name spelled differently elsewhere in the same article, from
``linter.extract.names`` (the KB's spelling wins when it knows the name)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at


class VariantView(View):
    __slots__ = ()


VARIANT = ObjectType("variant", doc="A name spelled differently elsewhere in the same article.")
VARIANT.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "this spelling, as written")
VARIANT.add("canonical", STRING, lambda v: v.item.canonical,
            "the other spelling: the knowledge base's, else the more frequent")
VARIANT.add("count", NUMBER, lambda v: v.item.count, "how often this spelling occurs")
VARIANT.add("canonical_count", NUMBER, lambda v: v.item.canonical_count, "how often the other spelling occurs")
VARIANT.add("diacritics_only", BOOL, lambda v: v.item.diacritics_only, "the spellings differ only in accents")
VARIANT.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
VARIANT.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[VariantView]:
    for v in a.variants:
        yield VariantView(a, v)


SUBJECT = Subject("variant", VARIANT, _iterate)
