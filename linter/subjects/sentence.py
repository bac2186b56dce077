"""The ``sentence`` subject (the default): one sentence; sentences never cross paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, NUMBER, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View, cached_view
from linter.subjects.paragraph import PARAGRAPH, paragraph_view


class SentenceView(View):
    __slots__ = ()

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = Text(self.item.text, self.item.start)
        return self._text  # type: ignore[no-any-return]


def sentence_view(a: Analysis, index: int) -> SentenceView:
    return cached_view(a, SentenceView, index, lambda: SentenceView(a, a.doc.sentences[index]))


def sentence_view_at(a: Analysis, offset: int) -> SentenceView | None:
    """The view of the sentence holding ``offset`` (none between sentences)."""
    i = a.sentence_index_at(offset)
    return None if i is None else sentence_view(a, i)


SENTENCE = ObjectType("sentence", doc="One sentence; sentences never cross paragraphs.")
SENTENCE.add("text", TEXT, lambda v: v.text, "the sentence's text")
SENTENCE.add("index", NUMBER, lambda v: v.item.index + 1, "1 for the first sentence")
SENTENCE.add("paragraph", PARAGRAPH, lambda v: paragraph_view(v.a, v.item.paragraph), "the paragraph it is in")
SENTENCE.add("in_heading", BOOL, lambda v: v.a.doc.paragraphs[v.item.paragraph].kind in ("heading", "title"),
             "the sentence is a heading or title")
SENTENCE.add("quoted_fraction", NUMBER, lambda v: v.a.quoted_fraction(v.item),
             "share of the sentence's characters inside direct quotes (0..1)")


def _iterate(a: Analysis) -> Iterator[SentenceView]:
    for s in a.doc.sentences:
        yield sentence_view(a, s.index)


SUBJECT = Subject("sentence", SENTENCE, _iterate)
