"""The ``figure`` subject: a specific figure (money, a percentage, a count with a unit), from
``linter.extract.figures``, with whether its sentence or paragraph names a source."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.paragraph import PARAGRAPH, paragraph_view
from linter.subjects.sentence import SENTENCE, sentence_view


class FigureView(View):
    """``item`` the figure, ``extra`` its sentence."""

    __slots__ = ()


def _sentence_sourced(v: FigureView) -> bool:
    """The figure's sentence names a source or carries anonymous sourcing (one attribution lookup)."""
    src = v.a.sentence_sources[v.extra.index]
    return bool(src.named) or any(c.kind == "anonymous" for c in src.cues)


FIGURE = ObjectType("figure", doc="A specific figure: money, a percentage, a count with a unit.")
FIGURE.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the figure as written")
FIGURE.add("kind", STRING, lambda v: v.item.kind, "money, percent, count or vague_count")
FIGURE.add("sentence", SENTENCE, lambda v: sentence_view(v.a, v.extra.index), "the sentence it is in")
FIGURE.add("paragraph", PARAGRAPH, lambda v: paragraph_view(v.a, v.extra.paragraph), "the paragraph it is in")
FIGURE.add("sentence_sourced", BOOL, _sentence_sourced, "the sentence names a source")
FIGURE.add("paragraph_sourced", BOOL, lambda v: v.a.paragraph_named.get(v.extra.paragraph, False),
           "the paragraph names a source or quotes someone")
FIGURE.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
FIGURE.add("value", NUMBER, lambda v: getattr(v.item, "value", None), "the number, when it is one")


def _iterate(a: Analysis) -> Iterator[FigureView]:
    for f, s in a.figures:
        yield FigureView(a, f, s)


SUBJECT = Subject("figure", FIGURE, _iterate)
