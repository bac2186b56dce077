"""The ``figure`` subject: a specific figure (money, a percentage, a count with a unit), from
``linter.extract.figures``, with whether its sentence or paragraph names a source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.dsl import BOOL, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType
from linter.dsl.types import ListType, Text
from linter.extract.claims import CLAIM_KINDS, figure_claim
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


def _claim(v: FigureView) -> str | None:
    paras = v.a.doc.paragraphs
    p = paras[v.extra.paragraph]
    first = paras[max(0, v.extra.paragraph - 1)]
    return figure_claim(v.item, v.extra.text, v.extra.start, v.a.doc.prose[first.start:p.end])


def _document_sourced(v: FigureView) -> bool:
    """Some paragraph of the article names a source, carries anonymous sourcing or quotes someone."""
    return any(v.a.paragraph_named.values())


FIGURE = ObjectType("figure", doc="A specific figure: money, a percentage, a count with a unit.")
FIGURE.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the figure as written")
FIGURE.add("kind", STRING, lambda v: v.item.kind, "money, percent, count or vague_count")
FIGURE.add("sentence", SENTENCE, lambda v: sentence_view(v.a, v.extra.index), "the sentence it is in")
FIGURE.add("paragraph", PARAGRAPH, lambda v: paragraph_view(v.a, v.extra.paragraph), "the paragraph it is in")
FIGURE.add("sentence_sourced", BOOL, _sentence_sourced, "the sentence names a source")
FIGURE.add("sentence_cued", BOOL,
           lambda v: any(c.kind in ("vague", "impersonal", "hedge") for c in v.a.sentence_sources[v.extra.index].cues),
           "the sentence hides its source in a vague or impersonal phrase (reports say, it is believed), which "
           "source/weasel judges")
FIGURE.add("paragraph_sourced", BOOL, lambda v: v.a.paragraph_named.get(v.extra.paragraph, False),
           "the paragraph names a source or quotes someone")
FIGURE.add("document_sourced", BOOL, _document_sourced,
           "the article names a source somewhere (a person or body said, according to, a quote's speaker)")
FIGURE.add("claim", STRING, _claim,
           f"the claim a statistic carries: {', '.join(CLAIM_KINDS)} (a share or rate, a number of people, "
           "a sum presented as a finding, an estimate); none for a plain fact (a price, a deal's size, seats)")
FIGURE.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
FIGURE.add("value", NUMBER, lambda v: v.item.value,
           "the number it states: 45 for '45%', 3500000000 for '$3.5 billion', 12 for 'a dozen'; none for a vague count")


def _iterate(a: Analysis) -> Iterator[FigureView]:
    for f, s in a.figures:
        yield FigureView(a, f, s)


SUBJECT = Subject("figure", FIGURE, _iterate)

FIGURES = ListType(FIGURE)


def _figures_in(block: Any) -> list[FigureView]:
    """The figures of a paragraph or sentence view, in order."""
    a, item = block.a, block.item
    return [FigureView(a, f, s) for f, s in a.figures if item.start <= f.start < item.end]


def _of_kind(figures: list[FigureView], kind: str) -> list[FigureView]:
    return [f for f in figures if f.item.kind == kind]


def _total(figures: list[FigureView]) -> float:
    return float(sum(f.item.value for f in figures if f.item.value is not None))


def register_functions(registry: FunctionRegistry) -> None:
    """Functions over the figures of a paragraph: what a numbers/ rule adds up."""
    registry.register("figures", [(PARAGRAPH, SENTENCE)], FIGURES, _figures_in,
                      "The figures of a paragraph or sentence, in order: figures(paragraph).")
    registry.register("of_kind", [FIGURES, STRING], FIGURES, _of_kind,
                      "The figures of one kind (money, percent, count, vague_count): "
                      "of_kind(figures(paragraph), \"percent\").")
    registry.register("total", [FIGURES], NUMBER, _total,
                      "The sum of the figures' values (figures without a value count 0).")
