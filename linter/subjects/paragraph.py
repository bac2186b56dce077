"""The ``paragraph`` subject: a paragraph, heading, list item or block quote."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View, cached_view


class ParagraphView(View):
    __slots__ = ()

    @property
    def text(self) -> Text:
        if self._text is None:
            p = self.item
            self._text = Text(self.a.doc.prose[p.start:p.end], p.start)
        return self._text  # type: ignore[no-any-return]

    @property
    def span(self) -> tuple[int, int]:
        t = self.text
        stripped = t.lstrip()
        start = t.start + (len(t) - len(stripped))
        return (start, start + len(stripped.rstrip()))


def paragraph_view(a: Analysis, index: int) -> ParagraphView:
    return cached_view(a, ParagraphView, index, lambda: ParagraphView(a, a.doc.paragraphs[index]))


def _block(v: ParagraphView) -> Text:
    """What deleting the paragraph removes (``linter.blocks.block_span``): its HTML element whole,
    or its Markdown or text lines with its own markers and the blank lines after it."""
    from linter.blocks import block_span

    start, end = block_span(v.a.doc, v.item.index)
    return Text(v.a.doc.text[start:end], start)


PARAGRAPH = ObjectType("paragraph", doc="A paragraph (or heading, list item, block quote).")
PARAGRAPH.add("text", TEXT, lambda v: v.text, "the paragraph's text")
PARAGRAPH.add("block", TEXT, _block, "what deleting the paragraph removes: its HTML element, or its lines with its own markers and the blank lines after it")
PARAGRAPH.add("index", NUMBER, lambda v: v.item.index + 1, "1 for the first paragraph")
PARAGRAPH.add("kind", STRING, lambda v: v.item.kind, "body, heading, title, blockquote or list_item")
PARAGRAPH.add("is_last", BOOL, lambda v: v.item.index == len(v.a.doc.paragraphs) - 1, "the last paragraph")
PARAGRAPH.add("sentence_count", NUMBER, lambda v: v.a.sentence_count(v.item.index), "sentences in the paragraph")
PARAGRAPH.add("from_end", NUMBER, lambda v: len(v.a.doc.paragraphs) - v.item.index,
              "1 for the last paragraph, 2 for the one before, ...")


def _iterate(a: Analysis) -> Iterator[ParagraphView]:
    for p in a.doc.paragraphs:
        yield paragraph_view(a, p.index)


SUBJECT = Subject("paragraph", PARAGRAPH, _iterate)
