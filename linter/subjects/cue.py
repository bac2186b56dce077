"""The ``cue`` subject: a sourcing cue (a vague group, an impersonal passive, a hedge adverb or
specific anonymous sourcing), from ``linter.extract.attribution``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view


class CueView(View):
    """``item`` the cue, ``extra`` the source record of its sentence."""

    __slots__ = ()


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
CUE.add("in_attributed_quote", BOOL, lambda v: v.extra.in_attributed_quote,
        "the sentence lies inside a direct quote whose speaker is known")


def _iterate(a: Analysis) -> Iterator[CueView]:
    for src in a.sentence_sources:
        for cue in src.cues:
            yield CueView(a, cue, src)


SUBJECT = Subject("cue", CUE, _iterate)
