"""One document under analysis: the ``Document`` plus its extractions, computed lazily and once.

Rules ask for what they need (dates, titled mentions, attribution); an extraction no selected
rule reads is never computed, which keeps a keystroke in the editor cheap.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property
from typing import Any

from linter.document import Document
from linter.extract.prefilter import ascii_fold


class Analysis:
    """The document and everything extracted from it, shared by all rules for one run."""

    def __init__(self, doc: Document, kb: Any = None) -> None:
        self.doc = doc
        self._kb = kb
        self._sentence_views: dict[int, Any] = {}
        self._paragraph_views: dict[int, Any] = {}
        self._sentence_starts = [s.start for s in doc.sentences]
        self._cache: dict[str, Any] = {}
        self._folded_prose: str | None = None

    # -- knowledge base ---------------------------------------------------------------------
    @property
    def kb(self) -> Any:
        if self._kb is None:
            from linter.kb import load_kb

            self._kb = load_kb()
        return self._kb

    def close(self) -> None:
        """Drop the extractions and views. They point back at this object (a view's ``a``), so
        without this the document's objects wait for the cyclic garbage collector instead of
        being freed as soon as the engine is done with the document."""
        self._cache.clear()
        self._sentence_views.clear()
        self._paragraph_views.clear()
        self.__dict__.pop("document_view", None)

    @property
    def kb_loaded(self) -> bool:
        return self._kb is not None

    # -- extractions ------------------------------------------------------------------------
    def get(self, key: str, factory: Callable[[Analysis], Any]) -> Any:
        """The extraction ``key`` of this document, computed by ``factory(self)`` on first use."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = factory(self)
            return value

    def quote_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Inner spans of the direct quotes overlapping ``[start, end)``."""
        return [(q.inner_start, q.inner_end) for q in self.doc.quotes_in(start, end)]

    def get_folded_prose(self) -> str:
        """``ascii_fold(doc.prose)``: what case-insensitive literal pre-checks search."""
        folded = self._folded_prose
        if folded is None:
            folded = self._folded_prose = ascii_fold(self.doc.prose)
        return folded

    # -- views ------------------------------------------------------------------------------
    @cached_property
    def document_view(self) -> Any:
        from linter.subjects import DocumentView

        return DocumentView(self)

    def sentence_view(self, index: int) -> Any:
        view = self._sentence_views.get(index)
        if view is None:
            from linter.subjects import SentenceView

            view = self._sentence_views[index] = SentenceView(self, self.doc.sentences[index])
        return view

    def paragraph_view(self, index: int) -> Any:
        view = self._paragraph_views.get(index)
        if view is None:
            from linter.subjects import ParagraphView

            view = self._paragraph_views[index] = ParagraphView(self, self.doc.paragraphs[index])
        return view

    def sentence_index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return None
        s = self.doc.sentences[i]
        return i if offset <= s.end else None

    def sentence_view_at(self, offset: int) -> Any:
        i = self.sentence_index_at(offset)
        return None if i is None else self.sentence_view(i)

    # -- derived facts ----------------------------------------------------------------------
    @cached_property
    def _sentences_per_paragraph(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for s in self.doc.sentences:
            counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
        return counts

    def sentence_count(self, paragraph: int) -> int:
        return self._sentences_per_paragraph.get(paragraph, 0)

    def quoted_fraction(self, sentence: Any) -> float:
        length = max(1, sentence.end - sentence.start)
        covered = 0
        for q in self.doc.quotes_in(sentence.start, sentence.end):
            if q.depth:
                continue
            covered += max(0, min(q.inner_end, sentence.end) - max(q.inner_start, sentence.start))
        return min(1.0, covered / length)
