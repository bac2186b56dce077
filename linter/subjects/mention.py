"""The ``mention`` subject: a mention of a person, titled ("former U.S. President Donald
Trump"), an appositive, a full name or a bare surname (``linter.extract.mentions``)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extractions import Analysis
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at

PAST_NARRATION = ("past", "future_in_past")


class MentionView(View):
    __slots__ = ()

    @property
    def tense(self) -> str:
        return self.a.tense_at(self.item.start, self.item.end)


def _text(v: MentionView, start: int | None, end: int | None) -> Text | None:
    return None if start is None or end is None else Text(v.a.doc.prose[start:end], start)


def _clash(v: MentionView) -> Any:
    return v.a.title_clashes.get(id(v.item))


_NEXT_WORD = re.compile(r"[\s\u00a0]*(?:['’]s\s+)?([\w-]+)")


def _next_word(v: MentionView) -> str | None:
    m = _NEXT_WORD.match(v.a.doc.prose, v.item.end)
    return m.group(1).lower() if m else None


def _sentence_date(v: MentionView) -> datetime.date | None:
    """The first date with a written year in the mention's sentence (the time it speaks of)."""
    i = v.a.sentence_index_at(v.item.start)
    for d, s in v.a.dates:
        if s.index == i and d.year_explicit and d.earliest is not None and d.kind in ("absolute", "partial"):
            return d.earliest  # type: ignore[no-any-return]
    return None


MENTION = ObjectType("mention", doc="A mention of a person: titled ('former U.S. President Donald Trump'), "
                                    "an appositive ('Trump, the former president,'), a full name or a bare surname.")
MENTION.add("text", TEXT, lambda v: _text(v, v.item.start, v.item.end), "the mention as written")
MENTION.add("name", TEXT, lambda v: _text(v, v.item.name_start, v.item.name_end), "the person's name as written")
MENTION.add("title", STRING, lambda v: v.item.title, "the title as written (U.S. President), or none")
MENTION.add("title_text", TEXT, lambda v: _text(v, v.item.title_start, v.item.title_end),
            "the title as written, with its position")
MENTION.add("modifier", STRING, lambda v: v.item.modifier,
            "former, ex, then, late, ousted, deposed, outgoing, incoming, elect, acting, interim, longtime, or none")
MENTION.add("modifier_text", TEXT,
            lambda v: Text(v.a.doc.prose[v.item.start:v.item.title_start], v.item.start)
            if v.item.modifier and v.item.title_start is not None and v.item.title_start > v.item.start else None,
            "the modifier as written with what joins it to the title (\"former \", \"ex-\"), or none")
MENTION.add("person", STRING, lambda v: v.item.person_id, "the knowledge-base id of the person, or none")
MENTION.add("person_name", STRING,
            lambda v: v.a.kb.people[v.item.person_id].name if v.item.person_id in v.a.kb.people else None,
            "the person's full name from the knowledge base")
MENTION.add("office", STRING, lambda v: v.item.office_id, "the knowledge-base id of the office the title names")
MENTION.add("office_name", STRING,
            lambda v: v.a.kb.offices[v.item.office_id].name if v.item.office_id in v.a.kb.offices else None,
            "the office's name from the knowledge base")
MENTION.add("form", STRING, lambda v: v.item.form, "title-name, appositive, full-name or surname")
MENTION.add("first_in_document", BOOL, lambda v: v.item.first_in_document, "the first mention of this person")
MENTION.add("attributive", BOOL, lambda v: getattr(v.item, "attributive", False),
            "the name is used as a modifier, not for the person (\"Reagan bonds\", \"the Biden administration\")")
MENTION.add("tense", STRING, lambda v: v.tense,
            "tense of the clause: past, present, present_perfect, future, future_in_past or unknown")
MENTION.add("past_narration", BOOL, lambda v: v.tense in PAST_NARRATION,
            "the clause narrates the past (past tense or 'would')")
MENTION.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
MENTION.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")
MENTION.add("clash", TEXT,
            lambda v: None if _clash(v) is None else _text(v, _clash(v).start, _clash(v).end),
            "an earlier mention of the same person whose title clashes with this one, or none")
MENTION.add("clash_line", NUMBER,
            lambda v: None if _clash(v) is None else v.a.doc.line_col(_clash(v).start)[0],
            "the line of that earlier mention")
MENTION.add("next_word", STRING, _next_word,
            "the word after the mention, lower case (\"administration\" in \"the Biden administration\")")
MENTION.add("sentence_date", DATE, _sentence_date,
            "the first date with a written year in the same sentence: the time the sentence speaks of")


def _iterate(a: Analysis) -> Iterator[MentionView]:
    for m in a.mentions:
        yield MentionView(a, m)


SUBJECT = Subject("mention", MENTION, _iterate)
