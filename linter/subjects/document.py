"""The ``document`` subject: the whole article, its publication date and the publication-date
window its own claims imply (``linter.extract.window``)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extract.genre import GENRES, Genre, detect_genre
from linter.extract.window import describe_conflict, describe_need, first_clashing_claim
from linter.extractions import Analysis
from linter.subjects.base import Subject, View

_GENRE_KEY = ("document", "genre")  # where the genre is kept in the analysis's views


class DocumentView(View):
    __slots__ = ()

    @property
    def genre(self) -> Genre:
        """The document's genre (``linter.extract.genre``), decided once per document."""
        views = self.a.views
        genre = views.get(_GENRE_KEY)
        if not isinstance(genre, Genre):
            doc = self.a.doc
            genre = views[_GENRE_KEY] = detect_genre(
                doc.prose, given=doc.meta, configured=self.a.genre, title=doc.title,
                paragraphs=[(p.start, p.end) for p in doc.paragraphs],
                quotes=[(q.start, q.end) for q in doc.quotes if q.depth == 0])
        return genre

    @property
    def span(self) -> tuple[int, int]:
        return (0, 0)


_VIEW_KEY = (DocumentView, None)  # the key ``cached_view`` keeps it under


def document_view(a: Analysis) -> DocumentView:
    """The one view of the document in this analysis (made on first use)."""
    view = a.views.get(_VIEW_KEY)
    if view is None:
        view = a.views[_VIEW_KEY] = DocumentView(a, a.doc)
    return view  # type: ignore[no-any-return]


def _conflict(v: DocumentView) -> str | None:
    return describe_conflict(v.a.window, lambda off: v.a.doc.line_col(off)[0])


def _conflict_text(v: DocumentView) -> Text | None:
    c = first_clashing_claim(v.a.window)
    return None if c is None else Text(v.a.doc.prose[c.start:c.end], c.start)


def _window_text(v: DocumentView) -> str | None:
    win = v.a.window
    if win.empty or not win.spans:
        return None
    start, end = win.start, win.end
    if start is not None and end is not None:
        hull = f"between {start.isoformat()} and {end.isoformat()}"
        return hull if len(win.spans) == 1 else describe_need(win.spans)
    return describe_need(win.spans)


DOCUMENT = ObjectType("document", doc="The whole article.")
DOCUMENT.add("date", DATE, lambda v: v.a.doc.pub_date, "the publication date (none when unknown)")
DOCUMENT.add("date_source", STRING, lambda v: v.a.doc.pub_date_source, "where the publication date came from")
DOCUMENT.add("title", STRING, lambda v: v.a.doc.title, "the title, when the document has one")
DOCUMENT.add("path", STRING, lambda v: v.a.doc.path, "the file path (FILE.jsonl#ID for an archive record)")
DOCUMENT.add("genre", STRING, lambda v: v.genre.name,
             f"what kind of text it is: {', '.join(GENRES)} (front matter genre: or type:, the "
             "configuration's genre, else cues in the text; news by default)")
DOCUMENT.add("genre_source", STRING, lambda v: v.genre.source,
             "where the genre came from: front matter 'genre', front matter 'type', configuration, cue, default")
DOCUMENT.add("genre_cue", STRING, lambda v: v.genre.cue, "the words that decided the genre, when a cue did")
DOCUMENT.add("sourced", BOOL, lambda v: any(v.a.paragraph_named.values()),
             "the article names a source somewhere (a person or body said, according to, a quote's speaker)")
DOCUMENT.add("kind", STRING, lambda v: v.a.doc.kind, "markdown, text or html")
DOCUMENT.add("paragraph_count", NUMBER, lambda v: len(v.a.doc.paragraphs), "number of paragraphs")
DOCUMENT.add("sentence_count", NUMBER, lambda v: len(v.a.doc.sentences), "number of sentences")
DOCUMENT.add("kb_as_of", DATE, lambda v: v.a.kb.as_of, "the date the knowledge base is current to")
DOCUMENT.add("window_start", DATE, lambda v: v.a.window.start,
             "first publication date the text's own claims allow (none: unbounded or contradictory)")
DOCUMENT.add("window_end", DATE, lambda v: v.a.window.end,
             "last publication date the text's own claims allow (none: unbounded or contradictory)")
DOCUMENT.add("window_empty", BOOL, lambda v: v.a.window.empty,
             "no publication date satisfies every time-sensitive claim of the text")
DOCUMENT.add("window_claims", NUMBER, lambda v: len(v.a.window.claims),
             "how many time-sensitive claims (titles, dated tenses, ages, events, administrations) the window uses")
DOCUMENT.add("window_conflict", STRING, _conflict, "the claims that clash, with their lines and the dates each needs")
DOCUMENT.add("window_conflict_text", TEXT, _conflict_text, "the first clashing claim as written (where to point)")
DOCUMENT.add("window_text", STRING, _window_text,
             "the window in words: 'between 2022-12-29 and 2025-01-19', '2024-07-28 or later'")


def _iterate(a: Analysis) -> Iterator[DocumentView]:
    yield document_view(a)


SUBJECT = Subject("document", DOCUMENT, _iterate)
