"""The ``quote`` subject: a direct quote between quotation marks, with who speaks it
(``linter.extract.attribution``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.paragraph import PARAGRAPH, paragraph_view
from linter.subjects.sentence import SENTENCE, sentence_view_at


class QuoteView(View):
    __slots__ = ()


def _qs(v: QuoteView) -> Any:
    return v.a.quote_sources[v.item.index]


def _opens_sentence(v: QuoteView) -> bool:
    sentence = sentence_view_at(v.a, v.item.start)
    return sentence is not None and v.item.start <= sentence.item.start + 1


QUOTE = ObjectType("quote", doc="A direct quote, between quotation marks.")
QUOTE.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.item.inner_start:v.item.inner_end], v.item.inner_start),
          "the words between the quotation marks")
QUOTE.add("depth", NUMBER, lambda v: v.item.depth, "0 for a quote, 1 for a quote inside a quote")
QUOTE.add("word_count", NUMBER, lambda v: len(v.a.doc.prose[v.item.inner_start:v.item.inner_end].split()),
          "number of words quoted")
QUOTE.add("paragraph", PARAGRAPH, lambda v: paragraph_view(v.a, v.item.paragraph), "the paragraph where it opens")
QUOTE.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence where it opens")
QUOTE.add("speaker", STRING, lambda v: _qs(v).speaker, "who said it, when the text says (none otherwise)")
QUOTE.add("speaker_kind", STRING, lambda v: _qs(v).speaker_kind,
          "named, organisation, anonymous, pronoun, or none")
QUOTE.add("verb", STRING, lambda v: _qs(v).verb, "the speech verb: said, told, wrote, according to ...")
QUOTE.add("scare", BOOL, lambda v: _qs(v).scare,
          "a scare quote: a few words quoted inside a sentence with no speech verb near")
QUOTE.add("continued", BOOL, lambda v: _qs(v).continued, "continues the previous quote (same speaker)")
QUOTE.add("speaker_via", STRING, lambda v: _qs(v).via,
          "how the speaker was found: sentence (its own sentence), continued (the quote before), lead-in "
          "(a clause ending in a colon or dash before it), dash (“...” — Name), before or after (the nearest "
          "speaker in the paragraphs before or after it, within the measured reach); none when no speaker is found")
QUOTE.add("speaker_gap", NUMBER, lambda v: _qs(v).gap,
          "paragraphs between the quote and its speaker (0: its own paragraph)")
QUOTE.add("mention", BOOL, lambda v: _qs(v).mention,
          "the quote names words rather than reporting speech: a slogan or phrase (“the slogan “...””), "
          "or a quote used as a noun (“No one is above the law” was the refrain)")
QUOTE.add("closed", BOOL, lambda v: v.item.closed,
          "the quote has its closing mark (an unclosed quote is cut at the end of its paragraph)")
QUOTE.add("speech_nearby", BOOL, lambda v: v.a.speech_near(v.item),
          "a speech verb (said, told, wrote, according to ...) stands in the quote's paragraph or opens the next")
QUOTE.add("opens_sentence", BOOL, _opens_sentence, "the quote stands at the start of its sentence")
QUOTE.add("in_heading", BOOL, lambda v: v.a.doc.paragraphs[v.item.paragraph].kind in ("heading", "title"),
          "the quote is in a heading or title")


def _iterate(a: Analysis) -> Iterator[QuoteView]:
    for q in a.doc.quotes:
        yield QuoteView(a, q)


SUBJECT = Subject("quote", QUOTE, _iterate)
