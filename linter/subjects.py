"""What a rule can run over (its *subject*) and the typed attributes the DSL sees on each.

A subject is a kind of thing found in a document: a sentence, a paragraph, a direct quote, a
date expression, a titled mention of a person, an attribution cue. For each, this module
declares a DSL ``ObjectType`` (attribute name → type, getter, doc) and how to enumerate the
runtime objects of one document. The runtime objects are small *views* over one ``Analysis``
(the document plus its lazily computed extractions), so that attributes such as
``sentence.paragraph`` or ``mention.sentence`` can follow links.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType, default_registry
from linter.dsl.types import Text, Type

# ---------------------------------------------------------------------------------------------
# Views


class DocumentView:
    __slots__ = ("a",)

    def __init__(self, a: Analysis) -> None:
        self.a = a

    span = property(lambda self: (0, 0))


class ParagraphView:
    __slots__ = ("a", "p", "_text")

    def __init__(self, a: Analysis, p: Any) -> None:
        self.a = a
        self.p = p
        self._text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = Text(self.a.doc.prose[self.p.start:self.p.end], self.p.start)
        return self._text

    @property
    def span(self) -> tuple[int, int]:
        t = self.text
        stripped = t.lstrip()
        start = t.start + (len(t) - len(stripped))
        return (start, start + len(stripped.rstrip()))


class SentenceView:
    __slots__ = ("a", "s", "_text")

    def __init__(self, a: Analysis, s: Any) -> None:
        self.a = a
        self.s = s
        self._text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = Text(self.s.text, self.s.start)
        return self._text

    @property
    def span(self) -> tuple[int, int]:
        return (self.s.start, self.s.end)


class QuoteView:
    __slots__ = ("a", "q")

    def __init__(self, a: Analysis, q: Any) -> None:
        self.a = a
        self.q = q

    @property
    def span(self) -> tuple[int, int]:
        return (self.q.start, self.q.end)


# ---------------------------------------------------------------------------------------------
# Types


@dataclass
class Subject:
    name: str
    type: ObjectType
    iterate: Callable[[Analysis], Iterator[Any]]
    doc: str


DOCUMENT = ObjectType("document", doc="The whole article.")
PARAGRAPH = ObjectType("paragraph", doc="A paragraph (or heading, list item, block quote).")
SENTENCE = ObjectType("sentence", doc="One sentence; sentences never cross paragraphs.")
QUOTE = ObjectType("quote", doc="A direct quote, between quotation marks.")


def _pub_date(v: DocumentView) -> datetime.date | None:
    return v.a.doc.pub_date


DOCUMENT.add("date", DATE, _pub_date, "the publication date (none when unknown)")
DOCUMENT.add("date_source", STRING, lambda v: v.a.doc.pub_date_source, "where the publication date came from")
DOCUMENT.add("title", STRING, lambda v: v.a.doc.title, "the title, when the document has one")
DOCUMENT.add("path", STRING, lambda v: v.a.doc.path, "the file path (FILE.jsonl#ID for an archive record)")
DOCUMENT.add("kind", STRING, lambda v: v.a.doc.kind, "markdown, text or html")
DOCUMENT.add("paragraph_count", NUMBER, lambda v: len(v.a.doc.paragraphs), "number of paragraphs")
DOCUMENT.add("sentence_count", NUMBER, lambda v: len(v.a.doc.sentences), "number of sentences")

PARAGRAPH.add("text", TEXT, lambda v: v.text, "the paragraph's text")
def _block(v: ParagraphView) -> Text:
    """The paragraph with the blank lines that follow it, up to the next paragraph."""
    paras = v.a.doc.paragraphs
    end = paras[v.p.index + 1].start if v.p.index + 1 < len(paras) else len(v.a.doc.text)
    start = v.span[0]
    line_start = v.a.doc.text.rfind("\n", 0, start) + 1
    if not v.a.doc.text[line_start:start].strip():
        start = line_start
    return Text(v.a.doc.text[start:end], start)


PARAGRAPH.add("block", TEXT, _block, "the paragraph's lines with the blank lines after it (what --fix deletes)")
PARAGRAPH.add("index", NUMBER, lambda v: v.p.index + 1, "1 for the first paragraph")
PARAGRAPH.add("kind", STRING, lambda v: v.p.kind, "body, heading, title, blockquote or list_item")
PARAGRAPH.add("is_last", BOOL, lambda v: v.p.index == len(v.a.doc.paragraphs) - 1, "the last paragraph")
PARAGRAPH.add("sentence_count", NUMBER, lambda v: v.a.sentence_count(v.p.index), "sentences in the paragraph")
PARAGRAPH.add("from_end", NUMBER, lambda v: len(v.a.doc.paragraphs) - v.p.index,
              "1 for the last paragraph, 2 for the one before, ...")

SENTENCE.add("text", TEXT, lambda v: v.text, "the sentence's text")
SENTENCE.add("index", NUMBER, lambda v: v.s.index + 1, "1 for the first sentence")
SENTENCE.add("paragraph", PARAGRAPH, lambda v: v.a.paragraph_view(v.s.paragraph), "the paragraph it is in")
SENTENCE.add("in_heading", BOOL, lambda v: v.a.doc.paragraphs[v.s.paragraph].kind in ("heading", "title"),
             "the sentence is a heading or title")
SENTENCE.add("quoted_fraction", NUMBER, lambda v: v.a.quoted_fraction(v.s),
             "share of the sentence's characters inside direct quotes (0..1)")

QUOTE.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.q.inner_start:v.q.inner_end], v.q.inner_start),
          "the words between the quotation marks")
QUOTE.add("depth", NUMBER, lambda v: v.q.depth, "0 for a quote, 1 for a quote inside a quote")
QUOTE.add("word_count", NUMBER, lambda v: len(v.a.doc.prose[v.q.inner_start:v.q.inner_end].split()),
          "number of words quoted")
QUOTE.add("paragraph", PARAGRAPH, lambda v: v.a.paragraph_view(v.q.paragraph), "the paragraph where it opens")
QUOTE.add("sentence", SENTENCE, lambda v: v.a.sentence_view_at(v.q.start), "the sentence where it opens")


def _iter_paragraphs(a: Analysis) -> Iterator[Any]:
    for p in a.doc.paragraphs:
        yield a.paragraph_view(p.index)


def _iter_sentences(a: Analysis) -> Iterator[Any]:
    for s in a.doc.sentences:
        yield a.sentence_view(s.index)


def _iter_quotes(a: Analysis) -> Iterator[Any]:
    for q in a.doc.quotes:
        yield QuoteView(a, q)


def _iter_document(a: Analysis) -> Iterator[Any]:
    yield a.document_view


SUBJECTS: dict[str, Subject] = {
    "sentence": Subject("sentence", SENTENCE, _iter_sentences, SENTENCE.doc),
    "paragraph": Subject("paragraph", PARAGRAPH, _iter_paragraphs, PARAGRAPH.doc),
    "quote": Subject("quote", QUOTE, _iter_quotes, QUOTE.doc),
    "document": Subject("document", DOCUMENT, _iter_document, DOCUMENT.doc),
}


def register_subject(subject: Subject) -> None:
    """Add a subject; the extractor-backed subject modules (``EXTENSIONS``) call this on import."""
    SUBJECTS[subject.name] = subject


# Modules that add subjects (and DSL functions) backed by extractors. Each defines its views and
# ``ObjectType``s, calls ``register_subject`` at import time, and may define
# ``register_functions(registry)`` to add typed functions to the DSL.
EXTENSIONS = (
    "linter.subjects_dates",
    "linter.subjects_titles",
    "linter.subjects_sources",
    "linter.subjects_timeline",
    "linter.subjects_content",
)
_loaded: list[Any] = []


def load_extensions() -> list[Any]:
    """Import the extension modules once and return them."""
    if not _loaded:
        import importlib

        _loaded.extend(importlib.import_module(name) for name in EXTENSIONS)
    return _loaded


# ---------------------------------------------------------------------------------------------
# Environment


class Environment:
    """The names and functions a rule's expressions may use."""

    def __init__(self, registry: FunctionRegistry) -> None:
        self.registry = registry

    def for_subject(self, subject: str, options: dict[str, Any]) -> dict[str, Type]:
        from linter.rules import option_type

        env: dict[str, Type] = {"document": DOCUMENT}
        env[subject] = SUBJECTS[subject].type
        opt = ObjectType("options", doc="the rule's options")
        for key, value in options.items():
            opt.add(key, option_type(value), _option_getter(key), f"option {key}")
        env["options"] = opt
        return env


def _option_getter(key: str) -> Callable[[Any], Any]:
    def get(opts: Any) -> Any:
        return opts.get(key)

    return get


def build_environment() -> Environment:
    """A fresh environment: the DSL's built-in functions plus the knowledge-base functions."""
    registry = default_registry()
    for module in load_extensions():
        register = getattr(module, "register_functions", None)
        if register is not None:
            register(registry)
    return Environment(registry)

