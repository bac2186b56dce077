"""The ``mention`` subject: a mention of a person, titled ("former U.S. President Donald
Trump"), an appositive, a full name or a bare surname (``linter.extract.mentions``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from linter import recache
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, ObjectType
from linter.dsl.types import Text
from linter.extract.names import edit_distance, fold
from linter.extract.reftime import RefTime
from linter.extractions import Analysis
from linter.kb import Verdict
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at

PAST_NARRATION = ("past", "future_in_past")


class MentionView(View):
    __slots__ = ()

    @property
    def tense(self) -> str:
        return self.a.tense_at(self.item.start, self.item.end)

    @property
    def ref(self) -> RefTime:
        return self.a.ref_time(self.item.start, self.item.end)

    @property
    def verdict(self) -> Verdict:
        m = self.item
        if m.person_id is None or m.office_id is None:
            return _NO_VERDICT
        key = ("verdict", id(m))
        got = self.a.views.get(key)
        if got is None:
            got = self.a.views[key] = self._verdict()
        return got  # type: ignore[no-any-return]

    def _verdict(self) -> Verdict:
        m = self.item
        assert m.person_id is not None and m.office_id is not None
        ref = self.ref
        kb = self.a.kb
        got = kb.verdict(m.person_id, m.office_id, ref.start, ref.end)
        if got.kind != "holds" and ref.source != "explicit":
            # another date of the sentence may be the time it speaks of: right then, not judged
            for lo, hi in ref.others:
                then = kb.verdict(m.person_id, m.office_id, lo, hi)
                if then.kind == "holds":
                    return then
        return got


_NO_VERDICT = Verdict("unknown")


_LEAD_IN = recache.compile(r"(?:[\w'’.-]+\s+){0,4}\Z")


def _lead_in(v: MentionView) -> str:
    """Up to four words just before the mention, back to punctuation, lower case."""
    start = v.item.start
    text = v.a.doc.prose
    m = _LEAD_IN.search(text, max(0, start - 80), start)
    return "" if m is None else " ".join(m.group(0).split()).lower()


def _like_holder(v: MentionView) -> bool:
    """The name as written is a letter or two from a holder of the office at the reference time
    ("President Regan" in 1987: Reagan misspelt, not Donald Regan)."""
    m, r = v.item, v.ref
    if m.office_id is None or r.start is None:
        return False
    written = fold(m.name.split()[-1]) if m.name.split() else ""
    for p in v.a.kb.holder(m.office_id, r.start):
        if p.id != m.person_id and edit_distance(written, fold(p.surname), 2) <= 2:
            return True
    return False


def _ref_when(v: MentionView) -> str | None:
    """The reference time as a clause, for messages: 'this sentence speaks of Tuesday (2023-02-28)'."""
    r = v.ref
    if r.start is None:
        return None
    days = r.start.isoformat() if r.end in (None, r.start) else f"{r.start.isoformat()} to {r.end.isoformat()}"
    if r.source == "explicit":
        return f'this sentence speaks of "{r.text}" ({days})' if r.text else f"this sentence speaks of {days}"
    if r.source == "present":
        return f"this sentence speaks of the time of publication ({days})"
    if r.source == "news":
        return "this undated news narration speaks of the days before publication"
    if r.source == "paragraph":
        return f'this sentence follows "{r.text}" ({days}) earlier in its paragraph'
    return f"this sentence gives no date, so the publication date ({days}) stands in"


def _text(v: MentionView, start: int | None, end: int | None) -> Text | None:
    return None if start is None or end is None else Text(v.a.doc.prose[start:end], start)


def _clash(v: MentionView) -> Any:
    return v.a.title_clashes.get(id(v.item))


_NEXT_WORD = recache.compile(r"[\s\u00a0]*(?:['’]s\s+)?([\w-]+)")


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
MENTION.add("name_words", NUMBER, lambda v: len(v.item.name.split()),
            "how many words the name as written has (1: a surname alone)")
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
MENTION.add("office_by", STRING, lambda v: v.item.office_by,
            "how the office was told from others of the same title: country (a country written with "
            "it: 'Russian Foreign Minister'), title (no other office has the title), person (the one "
            "the person held, or the only one of the person's country), or none")
MENTION.add("lead_in", STRING, _lead_in,
            "up to four words just before the mention, back to punctuation, lower case (\"incoming trump\" "
            "in \"Incoming Trump White House chief of staff Susie Wiles\")")
MENTION.add("like_holder", BOOL, _like_holder,
            "the name as written is within two letters of the surname of someone else who held the "
            "office at the reference time (\"President Regan\" in 1987: Reagan misspelt)")
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
            "the first date with a written year in the same sentence")
MENTION.add("ref_start", DATE, lambda v: v.ref.start,
            "the first day the mention's clause speaks of (its reference time; the publication date when "
            "nothing dates the clause, none without one)")
MENTION.add("ref_end", DATE, lambda v: v.ref.end, "the last day the clause speaks of")
MENTION.add("ref_source", STRING, lambda v: v.ref.source,
            "how the reference time is known: explicit (a date in the clause: 'in 2003', 'on Tuesday'), "
            "present (present or future tense: publication), news (past news narration with no date: "
            "the 30 days before publication), paragraph (a year given earlier in the paragraph) or unknown")
MENTION.add("ref_text", STRING, lambda v: v.ref.text, "the date expression that gives the reference time, if any")
MENTION.add("verb", STRING, lambda v: v.ref.verb,
            "the last word of the verb group governing the mention's clause, lower case (\"said\")")
MENTION.add("acts", BOOL, lambda v: v.ref.agent,
            "the mention is the subject of its clause's verb (\"Merkel said\", \"Merkel, 68, visited\", "
            "\"said Merkel\")")
MENTION.add("ref_when", STRING, _ref_when,
            "the reference time as a clause, for messages: 'this sentence speaks of \"Tuesday\" "
            "(2023-02-28)', '... of the time of publication (2023-03-01)', 'this undated news narration "
            "speaks of the days before publication'")
MENTION.add("ref_certain", BOOL, lambda v: v.ref.certain, "the reference time is explicit or the clause is present/future")
MENTION.add("verdict", STRING, lambda v: v.verdict.kind,
            "the person's timeline against the title at the reference time: holds, stale (left office "
            "before), not_yet (took office after), never (never held this office), dead, or unknown")
MENTION.add("verdict_date", DATE, lambda v: v.verdict.date,
            "for stale: when the last term ended; not_yet: when the first term began; dead: the death")
MENTION.add("verdict_other", STRING, lambda v: v.verdict.other,
            "for never: the offices the person held at the reference time (none when none: then the person may be a namesake)")
MENTION.add("verdict_uncertain", BOOL, lambda v: v.verdict.uncertain,
            "a boundary the sources mark uncertain lies near the reference time")
MENTION.add("verdict_elected", BOOL, lambda v: v.verdict.elected,
            "for not_yet: the person had already been elected or designated")
MENTION.add("offices_then", STRING,
            lambda v: None if v.item.person_id is None or v.ref.start is None else
            ", ".join(o.name for o in v.a.kb.offices_then(v.item.person_id, v.ref.start, v.ref.end or v.ref.start)) or None,
            "the offices the person held at the reference time, comma-separated")
MENTION.add("first_in_body", BOOL, lambda v: id(v.item) in v.a.first_in_body,
            "the first mention of this person in the body: headlines, bylines, captions and quotes not counted")


def _iterate(a: Analysis) -> Iterator[MentionView]:
    for m in a.mentions:
        yield MentionView(a, m)


SUBJECT = Subject("mention", MENTION, _iterate)
