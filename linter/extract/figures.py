"""Specific figures in a sentence: money, percentages, counts with units, vague large quantities.

One job: find the numbers a reader would want sourced ("$40 billion", "7.5 percent", "12,000
troops", "in the tens of thousands"). Years, dates, ages, ordinals, clock times, durations
("12 days", "three-hour"), hyphenated number adjectives and the words "one"/"two" are not figures.

Kinds: ``money``, ``percent``, ``count``, ``vague_count``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Figure", "extract_figures"]


class SentenceLike(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: absolute span, its text and kind (money | percent | count | vague_count)."""

    start: int
    end: int
    text: str
    kind: str


_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mln|m|k)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (r"(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
            r"a\s+hundred|hundreds|a\s+thousand|a\s+dozen|dozens|a\s+million)")
_CURRENCY_WORDS = (r"(?:dollars?|dlrs|euros?|pounds?|sterling|yen|yuan|renminbi|rupees?|marks|francs|"
                   r"roubles?|rubles?|pesos?|lira|riyals?|rials?|shekels?|won)")

_MONEY = re.compile(
    rf"(?:(?:US|U\.S\.|A|C|HK|NZ)?[$€£¥₹]\s?(?:{_NUM})(?:\s?{_SCALE}\b)?"
    rf"|\b(?:{_NUM})(?:\s?{_SCALE})?\s+(?:U\.S\.\s+|US\s+|Canadian\s+|Australian\s+)?{_CURRENCY_WORDS}\b)",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?<![\w.])(?:{_NUM}|{_WORDNUM}|one|two)\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:(?:in\s+the\s+)?(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:in\s+the\s+)?(?:thousands|millions|billions)(?=\s+(?:of|upon)\b)"
    r"|dozens(?=\s+of\b)|scores(?=\s+of\b))\b",
    re.IGNORECASE,
)
_TIME_UNITS = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century|"
               r"years?-old|times?|quarters?|terms?|rounds?|innings|laps?|a\.m\.|p\.m\.|am|pm|o'clock)")
_COUNT = re.compile(
    rf"(?<![\w$€£¥.,-])(?P<n>(?:{_NUM})(?:\s+{_SCALE})?|{_WORDNUM}(?:\s+(?:thousand|million|billion))?)"
    rf"(?![\w%-]|\.\d|,\d|:\d)\s+(?P<adj>(?:[a-z]+\s+){{0,2}}?)(?P<noun>(?:[a-z]+(?:s|men)|people|police|"
    rf"personnel|staff|children|cattle|sheep|fish|aircraft|folk)\b)",
)
_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_NOT_COUNT_NOUNS = frozenset(
    {"was", "is", "has", "percent", "pct", "points", "of", "as", "us", "its", "this", "his", "yes", "cents", "dlrs", "dollars", "euros", "pounds", "marks", "francs"}
)


def _year_like(num: str) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", num))


def extract_figures(sentence: SentenceLike) -> list[Figure]:
    """Specific figures in one sentence (absolute offsets)."""
    text, base = sentence.text, sentence.start
    found: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e, _ in found)

    for m in _MONEY.finditer(text):
        found.append((m.start(), m.end(), "money"))
    for m in _PERCENT.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), "percent"))
    for m in _VAGUE.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), "vague_count"))
    for m in _COUNT.finditer(text):
        a, b = m.start(), m.end()
        num = m.group("n")
        noun = m.group("noun")
        adj = m.group("adj") or ""
        if not free(a, b) or noun in _NOT_COUNT_NOUNS:
            continue
        if re.fullmatch(_TIME_UNITS, noun) or re.search(rf"\b{_TIME_UNITS}\s*$", adj):
            continue
        if _year_like(num) or _MONTHS.search(text[:a]):
            continue
        if re.match(r"\s*(?:-|–)?\s*(?:year|yr)s?[- ]old", text[a + len(num):]):
            continue
        if re.search(r"(?:No\.|number|#|aged|age)\s*$", text[:a], re.IGNORECASE):
            continue
        if re.fullmatch(r"\d", num) and not adj and noun in {"a", "an"}:
            continue
        found.append((a, b, "count"))
    found.sort()
    return [Figure(base + a, base + b, text[a:b], kind) for a, b, kind in found]
