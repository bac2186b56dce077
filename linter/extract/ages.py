"""Stated ages of people: "the 75-year-old Netanyahu", "Netanyahu, 75, said", "Khamenei, aged 86,",
"the 86-year-old theocrat" — each linked to the KB person it describes, or to no one.

One job: find age expressions in sentences and say whom they describe and whether they state
the age *now* (at publication) or at another time. Whether the age is right is the rules'
business (``date/age-mismatch``).

Linking is conservative, because a wrong link is a false alarm:

- **direct** forms link to the mention they touch: "the 75-year-old Netanyahu" (the age right
  before a name, possibly with a title between: "the 75-year-old Israeli prime minister Benjamin
  Netanyahu"), "Netanyahu, 75," and "Netanyahu (75)";
- "Name, aged 75" links to the name; a free "aged 75" ("men aged 18 to 60") links to no one;
- a **descriptor** ("the 86-year-old theocrat", "said the 79-year-old.") is definite ("the"),
  ends in a person noun (leader, president, theocrat, ...) or stands alone, and links only when
  its sentence names exactly one KB person with a birth date — or, when the sentence names
  none, the previous sentence does. When the sentence names several, the sentence's subject
  (a person named at its very start) wins; otherwise no link.

An age is marked ``current=False`` (stated for another time, never checked) when it follows
"then-", "late", "turned"/"turns", "at"/"at age"/"at the age of", "when ... was", or when its
sentence names a year other than the publication year ("In 2019, the 69-year-old Netanyahu").
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from linter.kb import KnowledgeBase

__all__ = ["Age", "extract_ages", "FORM_ADJECTIVE", "FORM_APPOSITIVE", "FORM_AGED", "FORM_DESCRIPTOR"]

FORM_ADJECTIVE = "adjective"  # the 75-year-old Netanyahu
FORM_APPOSITIVE = "appositive"  # Netanyahu, 75,   Netanyahu (75)
FORM_AGED = "aged"  # Netanyahu, aged 75,
FORM_DESCRIPTOR = "descriptor"  # the 86-year-old theocrat


@dataclass(slots=True)
class Age:
    """One stated age, absolute offsets (end exclusive)."""

    start: int
    end: int
    text: str
    value: int
    person_id: str | None = None
    person_start: int | None = None
    person_end: int | None = None
    form: str = FORM_DESCRIPTOR
    direct: bool = False  # linked through the adjective or appositive form
    current: bool = True  # states the age at publication (False: at another time)


_NUM_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_WORD_NUM = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"

# "75-year-old", "75 year old", "seventy-five-year-old"; not "75-year-olds" (a group), not "-year-old-".
_YEAR_OLD = re.compile(
    rf"(?<![\w$.,-])(?P<num>\d{{1,3}}|{_WORD_NUM})[- ]years?[- ]old(?![\w-])(?!['’]?s\b)",
    re.IGNORECASE,
)
# after a name: ", 75," ", 75." " (75)"
_APPOS = re.compile(r"^(?:,\s*(?P<a>\d{2,3})\s*(?=[,;)]|\.(?!\d)|\s+(?:and|said|says|told|who|was|is|has)\b)"
                    r"|\s*\((?P<b>\d{2,3})\))")
_AGED = re.compile(r"^,?\s*aged\s+(?P<num>\d{2,3})\b(?!\s*(?:-|–|to|and|or|through|between)\s*\d)")
_DETERMINER = re.compile(r"(?:^|[\s(\"“‘'])(?P<det>[Tt]he|[Tt]hen-?|[Aa]n?|[Ll]ate|[Ff]ormer)\s*-?\s*$")
_OTHER_TIME_BEFORE = re.compile(
    r"(?:\bthen[- ]?|\blate\s+|\bturned\s+|\bturns\s+|\bturning\s+|\bat\s+(?:the\s+age\s+of\s+|age\s+)?|"
    r"\bwhen\s+(?:he|she|they)\s+(?:was|were)\s+|\bwill\s+be\s+|\buntil\s+)$",
    re.IGNORECASE,
)
_YEAR_IN_TEXT = re.compile(r"(?<![\w$.,/-])(?<!since )(?<!Since )((?:19|20)\d\d)(?!\d|%|[.,]\d)")
_OTHER_TIME_WORDS = re.compile(
    r"\b(?:years?\s+ago|decades?\s+ago|at\s+the\s+time|back\s+then|in\s+the\s+(?:19|20)\d0s|"
    r"when\s+(?:he|she)\s+(?:was|became|took)|would\s+be|next\s+(?:month|year|week))\b",
    re.IGNORECASE,
)
#: Nouns a definite age descriptor may end in to stand for a person.
PERSON_NOUNS = frozenset(
    """leader theocrat president prime minister premier cleric ayatollah politician statesman
    strongman autocrat dictator ruler monarch king queen emperor chancellor senator lawmaker
    congressman congresswoman governor mayor billionaire businessman businesswoman mogul tycoon
    candidate nominee incumbent republican democrat conservative populist veteran general
    official diplomat negotiator chief founder executive ceo pope pontiff sheikh emir sultan
    prince princess crown successor predecessor frontrunner front-runner speaker
    """.split()
)
_TITLE_GAP_WORDS = PERSON_NOUNS | {
    "former", "supreme", "foreign", "defense", "defence", "vice", "deputy", "acting", "interim",
    "longtime", "long-time", "u.s.", "us", "state", "secretary", "of", "israeli", "iranian",
    "american", "russian", "chinese", "british", "french", "german", "turkish", "ukrainian",
}
_WORD = re.compile(r"[\w.’'-]+")


def _num(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    low = text.lower().replace(" ", "-")
    head, _, tail = low.partition("-")
    if head not in _NUM_WORDS:
        return None
    if not tail:
        return _NUM_WORDS[head]
    return _NUM_WORDS[head] + _UNITS[tail] if tail in _UNITS else None


def _born_people(kb: KnowledgeBase, mentions: Sequence[Any], sentence: str = "", base: int = 0) -> list[str]:
    """Distinct person ids, in order, of mentions whose person has a birth date."""
    out: list[str] = []
    for m in mentions:
        pid = m.person_id
        if pid is None or pid in out:
            continue
        p = kb.people.get(pid)
        if p is not None and p.born is not None and not p.uncertain and _name_fits(kb, m, sentence, base):
            out.append(pid)
    return out


def _other_time(sentence: str, local_start: int, pub: date | None) -> bool:
    before = sentence[max(0, local_start - 40):local_start]
    if _OTHER_TIME_BEFORE.search(before):
        return True
    if _OTHER_TIME_WORDS.search(sentence):
        return True
    for y in _YEAR_IN_TEXT.findall(sentence):
        if pub is None or int(y) != pub.year:
            return True
    return False


def extract_ages(
    sentences: Sequence[tuple[int, str]],
    mentions: Sequence[Any],
    kb: KnowledgeBase,
    pub: date | None = None,
) -> list[Age]:
    """Every stated age in ``sentences`` ((absolute start, text) pairs), linked to ``mentions``
    (``linter.extract.mentions.Mention``, absolute offsets) where the text warrants it."""
    out: list[Age] = []
    by_sentence: list[list[Any]] = [[] for _ in sentences]
    starts = [s for s, _ in sentences]
    import bisect

    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if 0 <= i < len(sentences):
            by_sentence[i].append(m)
    token = _introduced.set(_introductions(kb, sentences, by_sentence))
    try:
        _scan(sentences, by_sentence, kb, pub, out)
    finally:
        _introduced.reset(token)
    out.sort(key=lambda a: a.start)
    return out


def _scan(sentences: Sequence[tuple[int, str]], by_sentence: list[list[Any]], kb: KnowledgeBase,
          pub: date | None, out: list[Age]) -> None:
    for i, (base, text) in enumerate(sentences):
        here = by_sentence[i]
        found: list[Age] = []
        if "old" in text:
            prev = (by_sentence[i - 1], sentences[i - 1]) if i > 0 else ([], (0, ""))
            found.extend(_year_old(text, base, here, prev, kb))
        if here and ("," in text or "(" in text):
            found.extend(_after_name(text, base, here, kb))
        for age in found:
            if age.current and _other_time(text, age.start - base, pub):
                age.current = False
        out.extend(found)


def _year_old(text: str, base: int, here: list[Any], prev_info: tuple[list[Any], tuple[int, str]],
              kb: KnowledgeBase) -> list[Age]:
    prev, (prev_base, prev_text) = prev_info
    out: list[Age] = []
    for m in _YEAR_OLD.finditer(text):
        value = _num(m.group("num"))
        if value is None:
            continue
        age = Age(base + m.start(), base + m.end(), m.group(0), value)
        det = _DETERMINER.search(text[max(0, m.start() - 12):m.start()])
        det_word = det.group("det").lower().rstrip("-") if det else None
        if det_word in ("then", "late", "former"):
            age.current = False
        # direct: a mention starts right after, with at most title words between
        person = _mention_after(text, base, m.end(), here)
        if person is not None:
            age.form = FORM_ADJECTIVE
            age.direct = True
            _link(age, person, kb, text, base)
            out.append(age)
            continue
        if det_word != "the":
            out.append(age)  # "a 40-year-old man": someone new, no link
            continue
        rest = text[m.end():]
        words = _WORD.findall(rest[:60])
        noun_ok = False
        if not rest.strip() or re.match(r"^\s*(?:[,.;:!?)\"”]|['’]s\b|\s+(?:said|says|told|has|had|is|was|who|added)\b)", rest):
            noun_ok = True
        else:
            for w in words[:3]:
                lw = w.lower().strip(".,")
                if lw in PERSON_NOUNS:
                    noun_ok = True
                    break
                if lw[:1].isupper() or w[:1].isupper():
                    continue  # "Iranian", "Israeli"
                if lw not in _TITLE_GAP_WORDS:
                    break
        if not noun_ok:
            out.append(age)
            continue
        age.form = FORM_DESCRIPTOR
        cands = _born_people(kb, here, text, base)
        chosen: Any = None
        where = (text, base)
        if len(cands) == 1:
            chosen = next(x for x in here if x.person_id == cands[0])
        elif not cands:
            prev_c = _born_people(kb, prev, prev_text, prev_base)
            if len(prev_c) == 1 and not any(x.person_id for x in here):
                chosen = next(x for x in prev if x.person_id == prev_c[0])
                where = (prev_text, prev_base)
        else:
            first = here[0]
            if first.start - base <= 2 and first.person_id in cands and first.start < age.start:
                chosen = first
        if chosen is not None:
            _link(age, chosen, kb, *where)
        out.append(age)
    return out


def _mention_after(text: str, base: int, local_end: int, here: list[Any]) -> Any:
    for mm in here:
        gap_start = base + local_end
        if mm.start < gap_start or mm.start - gap_start > 60 or mm.person_id is None:
            continue
        gap = text[local_end:mm.start - base]
        if not gap.strip():
            return mm
        words = gap.split()
        if gap[:1].isspace() and all(w.lower() in _TITLE_GAP_WORDS for w in words):
            return mm
    return None


def _after_name(text: str, base: int, here: list[Any], kb: KnowledgeBase) -> list[Age]:
    out: list[Age] = []
    for mm in here:
        if mm.person_id is None:
            continue
        local = mm.name_end - base
        tail = text[local:local + 40]
        m = _APPOS.match(tail)
        if m is not None:
            raw = m.group("a") or m.group("b")
            s = local + m.start("a" if m.group("a") else "b")
            age = Age(base + s, base + s + len(raw), raw, int(raw), form=FORM_APPOSITIVE, direct=True)
            _link(age, mm, kb, text, base)
            out.append(age)
            continue
        m2 = _AGED.match(tail)
        if m2 is not None:
            s = local + m2.start()
            s += len(tail[m2.start():]) - len(tail[m2.start():].lstrip(", "))
            e = local + m2.end()
            age = Age(base + s, base + e, text[s:e], int(m2.group("num")), form=FORM_AGED)
            _link(age, mm, kb, text, base)
            out.append(age)
    return out


_CAP_BEFORE = re.compile(r"(?:^|[\s(\"“‘])(?P<w>[A-Z][a-z]+)\s+$")
#: Capitalised words that may stand before a surname without being a first name.
_NOT_FIRST_NAMES = frozenset(
    """Yet But And So Then Still When While If As After Before Since Although Though Because Now
    Meanwhile However Also Even Only Why How What Where Who Mr Mrs Ms Dr President Premier Minister
    Senator Sen Rep Gov Ayatollah Sheikh Prince King Queen General Gen Supreme Leader Chancellor
    Secretary Speaker Judge Justice Former Late Said Says Told Asked Under With Without For From To
    By Of In On At That This These Those Like Unlike Against""".split()
)


_introduced: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("ages_introduced", default=frozenset())


def _introductions(kb: KnowledgeBase, sentences: Sequence[tuple[int, str]], by_sentence: list[list[Any]]) -> frozenset[str]:
    """People the document introduces by full name or title (whose bare surname may follow)."""
    out: set[str] = set()
    token = _introduced.set(frozenset())
    try:
        for (base, text), ms in zip(sentences, by_sentence, strict=True):
            for m in ms:
                if m.person_id and m.form != "surname" and _name_fits(kb, m, text, base):
                    out.add(m.person_id)
    finally:
        _introduced.reset(token)
    return frozenset(out)


def _name_fits(kb: KnowledgeBase, mention: Any, sentence: str = "", base: int = 0) -> bool:
    """The name as written must be the person's: "Ivana Trump" is not Donald Trump, whether the
    mention holds both words or only the surname after an unknown first name; and a bare
    surname counts only after the person was introduced (full name or title) in the document."""
    name = getattr(mention, "name", "") or ""
    if getattr(mention, "form", None) == "surname" and mention.person_id not in _introduced.get():
        return False  # a surname never introduced: "Stoltenberg" may be anyone of that name
    if len(name.split()) >= 2:
        return any(p.id == mention.person_id for p in kb.find_people(name))
    if sentence:
        m = _CAP_BEFORE.search(sentence[max(0, mention.name_start - base - 30):mention.name_start - base])
        if m is not None and m.group("w") not in _NOT_FIRST_NAMES:
            return False
    return True


def _link(age: Age, mention: Any, kb: KnowledgeBase, sentence: str = "", base: int = 0) -> None:
    p = kb.people.get(mention.person_id) if mention.person_id else None
    if p is None or p.born is None or p.uncertain or not _name_fits(kb, mention, sentence, base):
        return
    age.person_id = p.id
    age.person_start = mention.name_start
    age.person_end = mention.name_end
