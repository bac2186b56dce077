"""Content subjects for the rules: spelling ``variant``s of a name within one article.

Backed by ``linter.extract.names``; the knowledge base's names decide which spelling is right
when one of them is known.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.subjects import SENTENCE, Subject, register_subject

_KNOWN: dict[int, frozenset[str]] = {}


def _known_names(a: Analysis) -> frozenset[str]:
    """Folded family names of every knowledge-base person (computed once per knowledge base)."""
    from linter.extract.names import fold

    cached = _KNOWN.get(id(a.kb))
    if cached is not None:
        return cached
    names: set[str] = set()
    for person in a.kb.people.values():
        if person.surname:
            names.add(person.surname)
        for name in person.names:
            words = name.replace("-", " ").split()
            if words:
                names.add(words[-1])  # family names only: given names are shared by many people
    result = _KNOWN[id(a.kb)] = frozenset(fold(n) for n in names)
    return result


def _variants(a: Analysis) -> list[Any]:
    from linter.extract.names import find_variants

    return find_variants([(s.start, s.text) for s in a.doc.sentences], _known_names(a), folded=True)


class VariantView:
    __slots__ = ("a", "v")

    def __init__(self, a: Analysis, v: Any) -> None:
        self.a = a
        self.v = v

    @property
    def span(self) -> tuple[int, int]:
        return (self.v.start, self.v.end)


VARIANT = ObjectType("variant", doc="A name spelled differently elsewhere in the same article.")
VARIANT.add("text", TEXT, lambda v: Text(v.v.text, v.v.start), "this spelling, as written")
VARIANT.add("canonical", STRING, lambda v: v.v.canonical,
            "the other spelling: the knowledge base's, else the more frequent")
VARIANT.add("count", NUMBER, lambda v: v.v.count, "how often this spelling occurs")
VARIANT.add("canonical_count", NUMBER, lambda v: v.v.canonical_count, "how often the other spelling occurs")
VARIANT.add("diacritics_only", BOOL, lambda v: v.v.diacritics_only, "the spellings differ only in accents")
VARIANT.add("in_quote", BOOL, lambda v: v.a.doc.in_quote(v.v.start) is not None, "inside a direct quote")
VARIANT.add("sentence", SENTENCE, lambda v: v.a.sentence_view_at(v.v.start), "the sentence it is in")


def _iter_variants(a: Analysis) -> Iterator[Any]:
    for v in a.get("variants", _variants):
        yield VariantView(a, v)


register_subject(Subject("variant", VARIANT, _iter_variants, VARIANT.doc))
