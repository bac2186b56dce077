"""The ``cue`` subject: a sourcing cue (a vague group, an impersonal passive, a hedge adverb or
specific anonymous sourcing), from ``linter.extract.attribution``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extract.attribution import Cue, SentenceSource, anonymity_explained
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view


class CueView(View):
    """``item`` the cue, ``extra`` the source record of its sentence."""

    __slots__ = ()


def _explained(a: Analysis, src: SentenceSource) -> bool:
    """The cue's sentence or the next one in its paragraph says why the source is not named."""
    sents = a.doc.sentences
    here = sents[src.index]
    return any(anonymity_explained(sents[k].text) for k in (src.index, src.index + 1)
               if k < len(sents) and sents[k].paragraph == here.paragraph)


_RANKS = ("cue", "anonymous ranks")  # where the article's tally is kept in the analysis's views


def _reported(cue: Cue, src: SentenceSource) -> bool:
    return cue.kind == "anonymous" and not cue.in_quote and not src.in_attributed_quote


def _ranks(a: Analysis) -> dict[int, int]:
    """Each anonymous cue the article leaves unexplained (outside quotes), by start: its rank, 1-based."""
    ranks = a.views.get(_RANKS)
    if not isinstance(ranks, dict):
        starts = [c.start for src in a.sentence_sources for c in src.cues
                  if _reported(c, src) and not _explained(a, src)]
        ranks = a.views[_RANKS] = {s: k for k, s in enumerate(sorted(starts), 1)}
    return ranks


def _rank(v: CueView) -> int | None:
    return _ranks(v.a).get(v.item.start) if _reported(v.item, v.extra) else None


CUE = ObjectType("cue", doc="A sourcing cue: a vague group, an impersonal passive, a hedge adverb, "
                            "or specific anonymous sourcing.")
CUE.add("text", TEXT, lambda v: Text(v.item.text, v.item.start), "the cue as written")
CUE.add("kind", STRING, lambda v: v.item.kind, "vague, impersonal, hedge, anonymous or speculation")
CUE.add("in_quote", BOOL, lambda v: v.item.in_quote, "inside a direct quote whose speaker is known")
CUE.add("sentence", SENTENCE, lambda v: sentence_view(v.a, v.extra.index), "the sentence it is in")
CUE.add("named_source", BOOL, lambda v: bool(v.extra.named),
        "the sentence names a source (a person or organisation said, according to ...)")
CUE.add("named_sources", STRING, lambda v: ", ".join(n for _, _, n in v.extra.named), "the named sources")
CUE.add("anonymous_source", BOOL,
        lambda v: any(c.kind == "anonymous" and not c.in_quote for c in v.extra.cues),
        "the sentence carries specific anonymous sourcing (a U.S. official said)")
CUE.add("anonymity_explained", BOOL, lambda v: _explained(v.a, v.extra),
        "its sentence or the next says why the source is not named (asked not to be identified, on condition of "
        "anonymity, not authorized to speak ...)")
CUE.add("anonymous_rank", NUMBER, _rank,
        "for anonymous sourcing outside quotes and unexplained: its place among the article's such cues (1: the first); "
        "none otherwise")
CUE.add("anonymous_count", NUMBER, lambda v: len(_ranks(v.a)),
        "how many anonymous sources outside quotes the article leaves unexplained")
CUE.add("anonymous_more", STRING,
        lambda v: "" if len(_ranks(v.a)) < 2 else
        f" (and {len(_ranks(v.a)) - 1} more in the article)",
        "empty for an article's only unexplained anonymous source, else ' (and N more in the article)'")
CUE.add("in_attributed_quote", BOOL, lambda v: v.extra.in_attributed_quote,
        "the sentence lies inside a direct quote whose speaker is known")


def _iterate(a: Analysis) -> Iterator[CueView]:
    for src in a.sentence_sources:
        for cue in src.cues:
            yield CueView(a, cue, src)


SUBJECT = Subject("cue", CUE, _iterate)
