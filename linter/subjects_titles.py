"""Title subjects for the rules: titled ``mention``s of people and ``administration`` references.

Backed by ``linter.extract.mentions`` and the knowledge base (``linter.kb``). Registers the
knowledge-base functions of the DSL (``holds``, ``ever_held``, ``term_end``, ``kb_stale`` ...):
a rule says what to compare, this module says how to look it up.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.analysis import Analysis
from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, FunctionRegistry, ObjectType
from linter.dsl.types import Text
from linter.subjects import DOCUMENT, SENTENCE, Subject, register_subject

PAST_NARRATION = ("past", "future_in_past")


def _kb() -> Any:
    from linter.kb.load import current_kb

    return current_kb()


def _mentions(a: Analysis) -> list[Any]:
    from linter.extract.mentions import extract_mentions

    return extract_mentions([(s.start, s.text) for s in a.doc.sentences], a.kb, a.doc.pub_date)


def mentions(a: Analysis) -> list[Any]:
    return a.get("mentions", _mentions)


def _tense_at(a: Analysis, start: int, end: int) -> str:
    from linter.extract.tense import detect_tense

    i = a.sentence_index_at(start)
    if i is None:
        return "unknown"
    s = a.doc.sentences[i]
    return detect_tense(s.text, start - s.start, end - s.start)


class _TensedView:
    """A view over one extracted item with ``start``/``end``; its clause's tense is computed once."""

    __slots__ = ("a", "_item", "_tense")

    def __init__(self, a: Analysis, item: Any) -> None:
        self.a = a
        self._item = item
        self._tense: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self._item.start, self._item.end)

    @property
    def tense(self) -> str:
        if self._tense is None:
            self._tense = _tense_at(self.a, self._item.start, self._item.end)
        return self._tense


class MentionView(_TensedView):
    __slots__ = ()

    @property
    def m(self) -> Any:
        return self._item


def _clashes(a: Analysis) -> dict[int, Any]:
    """For each titled mention, an earlier titled mention of the same person whose title clashes.

    Two titles clash when they name different offices of the same kind of role in the same
    country, or the same office once as "former" and once as sitting, with neither written as
    past narration ("then-", "late", past tense).
    """
    out: dict[int, Any] = {}
    seen: dict[str, list[Any]] = {}
    for m in mentions(a):
        if m.person_id is None or m.office_id is None or m.form not in ("title-name", "appositive"):
            continue
        if m.modifier in ("then", "late", "elect", "incoming", "acting", "interim"):
            continue
        if a.doc.in_quote(m.start) is not None:
            continue
        for earlier in seen.get(m.person_id, []):
            same_office = earlier.office_id == m.office_id
            former_a = earlier.modifier in ("former", "ex", "ousted", "deposed")
            former_b = m.modifier in ("former", "ex", "ousted", "deposed")
            if same_office and former_a != former_b:
                out[id(m)] = earlier
                break
        seen.setdefault(m.person_id, []).append(m)
    return out


def _clash_of(v: MentionView) -> Any:
    return v.a.get("mention_clashes", _clashes).get(id(v.m))


MENTION = ObjectType("mention", doc="A mention of a person: titled ('former U.S. President Donald Trump'), "
                                    "an appositive ('Trump, the former president,'), a full name or a bare surname.")
MENTION.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.m.start:v.m.end], v.m.start), "the mention as written")
MENTION.add("name", TEXT, lambda v: Text(v.a.doc.prose[v.m.name_start:v.m.name_end], v.m.name_start),
            "the person's name as written")
MENTION.add("title", STRING, lambda v: v.m.title, "the title as written (U.S. President), or none")
MENTION.add("title_text", TEXT,
            lambda v: None if v.m.title_start is None
            else Text(v.a.doc.prose[v.m.title_start:v.m.title_end], v.m.title_start),
            "the title as written, with its position")
MENTION.add("modifier", STRING, lambda v: v.m.modifier,
            "former, ex, then, late, ousted, deposed, outgoing, incoming, elect, acting, interim, longtime, or none")
MENTION.add("modifier_text", TEXT,
            lambda v: Text(v.a.doc.prose[v.m.start:v.m.title_start], v.m.start)
            if v.m.modifier and v.m.title_start is not None and v.m.title_start > v.m.start else None,
            "the modifier as written with what joins it to the title (\"former \", \"ex-\"), or none")
MENTION.add("person", STRING, lambda v: v.m.person_id, "the knowledge-base id of the person, or none")
MENTION.add("person_name", STRING,
            lambda v: v.a.kb.people[v.m.person_id].name if v.m.person_id in v.a.kb.people else None,
            "the person's full name from the knowledge base")
MENTION.add("office", STRING, lambda v: v.m.office_id, "the knowledge-base id of the office the title names")
MENTION.add("office_name", STRING,
            lambda v: v.a.kb.offices[v.m.office_id].name if v.m.office_id in v.a.kb.offices else None,
            "the office's name from the knowledge base")
MENTION.add("form", STRING, lambda v: v.m.form, "title-name, appositive, full-name or surname")
MENTION.add("first_in_document", BOOL, lambda v: v.m.first_in_document, "the first mention of this person")
MENTION.add("attributive", BOOL, lambda v: getattr(v.m, "attributive", False),
            "the name is used as a modifier, not for the person (\"Reagan bonds\", \"the Biden administration\")")
MENTION.add("tense", STRING, lambda v: v.tense,
            "tense of the clause: past, present, present_perfect, future, future_in_past or unknown")
MENTION.add("past_narration", BOOL, lambda v: v.tense in PAST_NARRATION,
            "the clause narrates the past (past tense or 'would')")
MENTION.add("in_quote", BOOL, lambda v: v.a.doc.in_quote(v.m.start) is not None, "inside a direct quote")
MENTION.add("sentence", SENTENCE, lambda v: v.a.sentence_view_at(v.m.start), "the sentence it is in")
MENTION.add("clash", TEXT,
            lambda v: None if _clash_of(v) is None
            else Text(v.a.doc.prose[_clash_of(v).start:_clash_of(v).end], _clash_of(v).start),
            "an earlier mention of the same person whose title clashes with this one, or none")
MENTION.add("clash_line", NUMBER,
            lambda v: None if _clash_of(v) is None else v.a.doc.line_col(_clash_of(v).start)[0],
            "the line of that earlier mention")


_NEXT_WORD = re.compile(r"[\s\u00a0]*(?:['’]s\s+)?([\w-]+)")


def _next_word(v: MentionView) -> str | None:
    m = _NEXT_WORD.match(v.a.doc.prose, v.m.end)
    return m.group(1).lower() if m else None


MENTION.add("next_word", STRING, _next_word,
            "the word after the mention, lower case (\"administration\" in \"the Biden administration\")")


def _sentence_date(v: MentionView) -> datetime.date | None:
    """The first date with a written year in the mention's sentence (the time it speaks of)."""
    from linter.subjects_dates import dates

    i = v.a.sentence_index_at(v.m.start)
    for d, s in dates(v.a):
        if s.index == i and d.year_explicit and d.earliest is not None and d.kind in ("absolute", "partial"):
            return d.earliest
    return None


MENTION.add("sentence_date", DATE, _sentence_date,
            "the first date with a written year in the same sentence: the time the sentence speaks of")


def _iter_mentions(a: Analysis) -> Iterator[Any]:
    for m in mentions(a):
        yield MentionView(a, m)


register_subject(Subject("mention", MENTION, _iter_mentions, MENTION.doc))

# -- administrations --------------------------------------------------------------------------

_ADMIN = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)(?:['’]s)?\s+administration\b")
_ADMIN_QUALIFIED = re.compile(r"\b(?:first|second|former|previous|prior|last|earlier|late|past|"
                              r"then|outgoing|incoming|next)\s+(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Administration:
    start: int
    end: int
    name: str
    person_id: str
    office_id: str


def _administrations(a: Analysis) -> list[Administration]:
    kb = a.kb
    out = []
    for s in a.doc.sentences:
        if "dministration" not in s.text:
            continue
        for m in _ADMIN.finditer(s.text):
            name = m.group("name")
            if _ADMIN_QUALIFIED.search(s.text, max(0, m.start() - 30), m.start()):
                continue  # "the first Trump administration", "the former Obama administration"
            candidates = [p for p in kb.find_people(name)
                          if any(t.office == "us.president" for t in p.terms)]
            if len(candidates) != 1:
                continue
            out.append(Administration(s.start + m.start(), s.start + m.end(), name, candidates[0].id,
                                      "us.president"))
    return out


class AdministrationView(_TensedView):
    __slots__ = ()

    @property
    def x(self) -> Administration:
        return self._item


ADMIN = ObjectType("administration", doc="A reference to a U.S. presidential administration: 'the Biden administration'.")
ADMIN.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.x.start:v.x.end], v.x.start), "as written")
ADMIN.add("person", STRING, lambda v: v.x.person_id, "the president's knowledge-base id")
ADMIN.add("office", STRING, lambda v: v.x.office_id, "the office (us.president)")
ADMIN.add("person_name", STRING, lambda v: v.a.kb.people[v.x.person_id].name, "the president's name")
ADMIN.add("tense", STRING, lambda v: v.tense, "tense of the clause (present_perfect for 'has signaled')")
ADMIN.add("in_quote", BOOL, lambda v: v.a.doc.in_quote(v.x.start) is not None, "inside a direct quote")
ADMIN.add("sentence", SENTENCE, lambda v: v.a.sentence_view_at(v.x.start), "the sentence it is in")


def _iter_admins(a: Analysis) -> Iterator[Any]:
    for x in a.get("administrations", _administrations):
        yield AdministrationView(a, x)


register_subject(Subject("administration", ADMIN, _iter_admins, ADMIN.doc))

DOCUMENT.add("kb_as_of", DATE, lambda v: v.a.kb.as_of, "the date the knowledge base is current to")

# -- functions --------------------------------------------------------------------------------


def _holds(person: str, office: str, on: datetime.date) -> bool | None:
    return _kb().holds(person, office, on)


def _ever_held(person: str, office: str) -> bool:
    return _kb().ever_held(person, office)


def _held_before(person: str, office: str, on: datetime.date) -> bool:
    return _kb().held_before(person, office, on)


def _term_end(person: str, office: str, on: datetime.date) -> datetime.date | None:
    return _kb().last_end(person, office, on)


def _term_start(person: str, office: str, on: datetime.date) -> datetime.date | None:
    return _kb().term_start(person, office, on)


def _first_start(person: str, office: str) -> datetime.date | None:
    return _kb().first_start(person, office)


def _holder_name(office: str, on: datetime.date) -> str | None:
    names = [p.name for p in _kb().holder(office, on)]
    return ", ".join(sorted(names)) or None


def _office_name(office: str) -> str | None:
    o = _kb().offices.get(office)
    return o.name if o else None


def _current_offices(person: str, on: datetime.date) -> str | None:
    kb = _kb()
    names = sorted({kb.offices[t.office].name for t in kb.terms(person) if t.covers(on) and t.office in kb.offices})
    return ", ".join(names) or None


def _kb_stale(on: datetime.date) -> bool:
    return _kb().is_stale(on)


def _kb_note(on: datetime.date) -> str:
    if not _kb_stale(on):
        return ""
    return f" (the knowledge base is current to {_kb().as_of.isoformat()}: check that this is still so)"


def _covered(office: str, on: datetime.date) -> bool:
    """The KB claims to know every holder of the office on ``on``."""
    return _kb().covers(office, on)


def _well_known(person: str) -> bool:
    p = _kb().people.get(person)
    return p is not None and bool(p.terms) and p.bare_surname


def register_functions(registry: FunctionRegistry) -> None:
    registry.register("holds", [STRING, STRING, DATE], BOOL, _holds,
                      "Did the person hold the office on the date? (knowledge base; an open term counts "
                      "after the KB's date too: pair with kb_stale)", pure=False)
    registry.register("ever_held", [STRING, STRING], BOOL, _ever_held,
                      "Did the person ever hold the office (any term in the KB)?", pure=False)
    registry.register("held_before", [STRING, STRING, DATE], BOOL, _held_before,
                      "Did a term of the person in the office start before the date?", pure=False)
    registry.register("term_end", [STRING, STRING, DATE], DATE, _term_end,
                      "The end of the person's last term in the office that ended by the date.", pure=False)
    registry.register("term_start", [STRING, STRING, DATE], DATE, _term_start,
                      "The start of the person's term in the office that covers the date.", pure=False)
    registry.register("first_term_start", [STRING, STRING], DATE, _first_start,
                      "When the person first took the office.", pure=False)
    registry.register("holder_name", [STRING, DATE], STRING, _holder_name,
                      "Who held the office on the date (names, comma-separated).", pure=False)
    registry.register("office_name", [STRING], STRING, _office_name, "The office's full name.", pure=False)
    registry.register("current_offices", [STRING, DATE], STRING, _current_offices,
                      "The offices the person held on the date, comma-separated.", pure=False)
    registry.register("kb_stale", [DATE], BOOL, _kb_stale,
                      "The date is well past the knowledge base's as_of (more than 60 days).", pure=False)
    registry.register("kb_note", [DATE], STRING, _kb_note,
                      "A note for messages when the date is well past the knowledge base's as_of, else \"\".",
                      pure=False)
    registry.register("kb_covers", [STRING, DATE], BOOL, _covered,
                      "The knowledge base lists every holder of the office on the date.", pure=False)
    registry.register("well_known", [STRING], BOOL, _well_known,
                      "The person holds a KB office and is known by surname alone.", pure=False)
