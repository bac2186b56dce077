"""Sourcing subjects for the rules: attribution ``cue``s, quote speakers, specific ``figure``s.

Backed by ``linter.extract.attribution`` (who carries each sentence, who speaks each quote)
and ``linter.extract.figures``. Adds the subjects ``cue`` and ``figure`` and the speaker
attributes of ``quote``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.subjects import PARAGRAPH, QUOTE, SENTENCE, QuoteView, Subject, register_subject


def _attribution(a: Analysis) -> tuple[list[Any], list[Any]]:
    from linter.extract.attribution import attribute

    return attribute(a.doc.sentences, a.doc.quotes)


def sentence_sources(a: Analysis) -> list[Any]:
    return a.get("attribution", _attribution)[0]


def quote_sources(a: Analysis) -> list[Any]:
    return a.get("attribution", _attribution)[1]


def _paragraph_named(a: Analysis) -> dict[int, bool]:
    named: dict[int, bool] = {}
    for src in sentence_sources(a):
        p = a.doc.sentences[src.index].paragraph
        named[p] = named.get(p, False) or bool(src.named) or any(c.kind == "anonymous" for c in src.cues)
    for q, qs in zip(a.doc.quotes, quote_sources(a), strict=False):
        if qs.speaker is not None:
            named[q.paragraph] = True
    return named


class CueView:
    __slots__ = ("a", "c", "src")

    def __init__(self, a: Analysis, cue: Any, src: Any) -> None:
        self.a = a
        self.c = cue
        self.src = src

    @property
    def span(self) -> tuple[int, int]:
        return (self.c.start, self.c.end)


CUE = ObjectType("cue", doc="A sourcing cue: a vague group, an impersonal passive, a hedge adverb, "
                            "or specific anonymous sourcing.")
CUE.add("text", TEXT, lambda v: Text(v.c.text, v.c.start), "the cue as written")
CUE.add("kind", STRING, lambda v: v.c.kind, "vague, impersonal, hedge, anonymous or speculation")
CUE.add("in_quote", BOOL, lambda v: v.c.in_quote, "inside a direct quote whose speaker is known")
CUE.add("sentence", SENTENCE, lambda v: v.a.sentence_view(v.src.index), "the sentence it is in")
CUE.add("named_source", BOOL, lambda v: bool(v.src.named),
        "the sentence names a source (a person or organisation said, according to ...)")
CUE.add("named_sources", STRING, lambda v: ", ".join(n for _, _, n in v.src.named), "the named sources")
CUE.add("anonymous_source", BOOL,
        lambda v: any(c.kind == "anonymous" and not c.in_quote for c in v.src.cues),
        "the sentence carries specific anonymous sourcing (a U.S. official said)")
CUE.add("in_attributed_quote", BOOL, lambda v: v.src.in_attributed_quote,
        "the sentence lies inside a direct quote whose speaker is known")


def _iter_cues(a: Analysis) -> Iterator[Any]:
    for src in sentence_sources(a):
        for cue in src.cues:
            yield CueView(a, cue, src)


register_subject(Subject("cue", CUE, _iter_cues, CUE.doc))

# -- quote speakers ----------------------------------------------------------------------------


def _qs(v: QuoteView) -> Any:
    return quote_sources(v.a)[v.q.index]


QUOTE.add("speaker", STRING, lambda v: _qs(v).speaker, "who said it, when the text says (none otherwise)")
QUOTE.add("speaker_kind", STRING, lambda v: _qs(v).speaker_kind,
          "named, organisation, anonymous, pronoun, or none")
QUOTE.add("verb", STRING, lambda v: _qs(v).verb, "the speech verb: said, told, wrote, according to ...")
QUOTE.add("scare", BOOL, lambda v: _qs(v).scare,
          "a scare quote: a few words quoted inside a sentence with no speech verb near")
QUOTE.add("continued", BOOL, lambda v: _qs(v).continued, "continues the previous quote (same speaker)")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|stated|states|noted|notes|asked|asks|"
    r"declared|declares|announced|announces|warned|warns|argued|argues|insisted|insists|explained|"
    r"explains|replied|replies|responded|responds|recalled|recalls|according to|quoted|quoting|"
    r"commented|comments|posted|tweeted|continued|continues|concluded|concludes|testified|"
    r"acknowledged|admitted|conceded|called|calls|described|describes|put it|report(?:ed|s)?)\b",
    re.IGNORECASE,
)


def _speech_nearby(v: QuoteView) -> bool:
    """A speech verb in the quote's paragraph (outside the quote) or at the start of the next one."""
    doc = v.a.doc
    paras = doc.paragraphs
    p = paras[v.q.paragraph]
    last = paras[max(getattr(v.q, "paragraphs", ()) or (v.q.paragraph,))]
    outside = doc.prose[p.start:v.q.start] + " " + doc.prose[v.q.end:last.end]
    if _SPEECH.search(outside):
        return True
    if last.index + 1 < len(paras):
        nxt = paras[last.index + 1]
        return bool(_SPEECH.search(doc.prose[nxt.start:min(nxt.end, nxt.start + 200)]))
    return False


def _opens_sentence(v: QuoteView) -> bool:
    sentence = v.a.sentence_view_at(v.q.start)
    return sentence is not None and v.q.start <= sentence.s.start + 1


QUOTE.add("speech_nearby", BOOL, _speech_nearby,
          "a speech verb (said, told, wrote, according to ...) stands in the quote's paragraph or opens the next")
QUOTE.add("opens_sentence", BOOL, _opens_sentence, "the quote stands at the start of its sentence")
QUOTE.add("in_heading", BOOL, lambda v: v.a.doc.paragraphs[v.q.paragraph].kind in ("heading", "title"),
          "the quote is in a heading or title")

# -- figures -----------------------------------------------------------------------------------


class FigureView:
    __slots__ = ("a", "f", "s")

    def __init__(self, a: Analysis, figure: Any, sentence: Any) -> None:
        self.a = a
        self.f = figure
        self.s = sentence

    @property
    def span(self) -> tuple[int, int]:
        return (self.f.start, self.f.end)


FIGURE = ObjectType("figure", doc="A specific figure: money, a percentage, a count with a unit.")
FIGURE.add("text", TEXT, lambda v: Text(v.f.text, v.f.start), "the figure as written")
FIGURE.add("kind", STRING, lambda v: v.f.kind, "money, percent, count or vague_count")
FIGURE.add("sentence", SENTENCE, lambda v: v.a.sentence_view(v.s.index), "the sentence it is in")
FIGURE.add("paragraph", PARAGRAPH, lambda v: v.a.paragraph_view(v.s.paragraph), "the paragraph it is in")


def _sentence_sourced(v: FigureView) -> bool:
    """The figure's sentence names a source or carries anonymous sourcing (one attribution lookup)."""
    src = sentence_sources(v.a)[v.s.index]
    return bool(src.named) or any(c.kind == "anonymous" for c in src.cues)


FIGURE.add("sentence_sourced", BOOL, _sentence_sourced, "the sentence names a source")
FIGURE.add("paragraph_sourced", BOOL, lambda v: v.a.get("paragraph_named", _paragraph_named).get(v.s.paragraph, False),
           "the paragraph names a source or quotes someone")
FIGURE.add("in_quote", BOOL, lambda v: v.a.doc.in_quote(v.f.start) is not None, "inside a direct quote")
FIGURE.add("value", NUMBER, lambda v: getattr(v.f, "value", None), "the number, when it is one")


def _figures(a: Analysis) -> list[tuple[Any, Any]]:
    from linter.extract.figures import extract_figures

    out = []
    for s in a.doc.sentences:
        for f in extract_figures(s):
            out.append((f, s))
    return out


def _iter_figures(a: Analysis) -> Iterator[Any]:
    for f, s in a.get("figures", _figures):
        yield FigureView(a, f, s)


register_subject(Subject("figure", FIGURE, _iter_figures, FIGURE.doc))
