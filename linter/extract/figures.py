"""Specific figures in a sentence: money, percentages, counts with units, vague large quantities.

One job: find the numbers a reader would want sourced ("$40 billion", "7.5 percent", "12,000
troops", "in the tens of thousands"). Years, dates, ages, ordinals, clock times, durations
("12 days", "three-hour"), hyphenated number adjectives and the words "one"/"two" are not figures.

Kinds: ``money``, ``percent``, ``count``, ``vague_count``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from linter import recache
from linter.fold import ascii_fold, contains_any
from linter.patterns import prefix_tree

__all__ = ["Figure", "extract_figures"]


class SentenceLike(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: absolute span, its text and kind (money | percent | count | vague_count), and
    its ``value`` as a number ("$3.5 billion" → 3.5e9, "45%" → 45, "twelve troops" → 12; None
    for a vague count)."""

    start: int
    end: int
    text: str
    kind: str

    @property
    def value(self) -> float | None:
        return figure_value(self.text, self.kind)


_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_SCALE_VALUES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6,
                 "billion": 1e9, "bn": 1e9, "trillion": 1e12, "quadrillion": 1e15, "quintillion": 1e18}
_VALUE_RE = recache.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([A-Za-z]+)")


def figure_value(text: str, kind: str) -> float | None:
    """The number a figure states: its digits or number word times its scale word
    ("$3.5 billion" → 3.5e9, "a dozen" → 12, "45 percent" → 45); None for a vague count."""
    if kind == "vague_count":
        return None
    number: float | None = None
    for m in _VALUE_RE.finditer(text):
        digits, word = m.groups()
        if digits is not None:
            if number is not None:
                break
            number = float(digits.replace(",", ""))
            continue
        w = word.lower()
        if number is None and w in _WORD_VALUES:
            number = float(_WORD_VALUES[w])
        elif w in _SCALE_VALUES and (number is not None or w in ("hundred", "thousand", "million")):
            number = (number if number is not None else 1.0) * _SCALE_VALUES[w]
        elif number is not None and w not in ("a", "s"):
            break
    return number


_SCALE = r"(?:hundred|thousand|million|billion|trillion|quadrillion|quintillion|bn|mln|m|k)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (r"(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
            r"a\s+hundred|hundreds|a\s+thousand|a\s+dozen|dozens|a\s+million)")
_CURRENCY_WORDS = (r"(?:dollars?|dlrs|euros?|pounds?|sterling|yen|yuan|renminbi|rupees?|marks|francs|"
                   r"roubles?|rubles?|pesos?|lira|riyals?|rials?|shekels?|won)")

# Money is "$5 million" (a currency sign) or "5 million dlrs" (a currency word). The two forms
# are searched apart (the sign form only when the sentence has a sign) and merged as one
# alternation would: leftmost first, the sign form first at the same position.
_MONEY_SIGN = recache.compile(rf"(?:US|U\.S\.|A|C|HK|NZ)?[$€£¥₹]\s?(?:{_NUM})(?:\s?{_SCALE}\b)?", re.IGNORECASE)
_MONEY_WORD = recache.compile(
    rf"\b(?:{_NUM})(?:\s?{_SCALE})?\s+(?:U\.S\.\s+|US\s+|Canadian\s+|Australian\s+)?{_CURRENCY_WORDS}\b",
    re.IGNORECASE,
)
_PERCENT = recache.compile(
    rf"(?<![\w.])(?:{_NUM}|{_WORDNUM}|one|two)\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)",
    re.IGNORECASE,
)
_VAGUE = recache.compile(
    r"\b(?:(?:in\s+the\s+)?(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:in\s+the\s+)?(?:thousands|millions|billions)(?=\s+(?:of|upon)\b)"
    r"|dozens(?=\s+of\b)|scores(?=\s+of\b))\b",
    re.IGNORECASE,
)
_TIME_UNITS = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century|"
               r"years?-old|times?|quarters?|terms?|rounds?|innings|laps?|a\.m\.|p\.m\.|am|pm|o'clock)")
_COUNT = recache.compile(
    rf"(?<![\w$€£¥.,-])(?P<n>(?:{_NUM})(?:\s+{_SCALE})?|{_WORDNUM}(?:\s+(?:thousand|million|billion))?)"
    rf"(?![\w%-]|\.\d|,\d|:\d)\s+(?P<adj>(?:[a-z]+\s+){{0,2}}?)(?P<noun>(?:[a-z]+(?:s|men)|people|police|"
    rf"personnel|staff|children|cattle|sheep|fish|aircraft|folk)\b)",
)
_MONTHS = recache.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_NOT_COUNT_NOUNS = frozenset(
    {"was", "is", "has", "percent", "pct", "points", "of", "as", "us", "its", "this", "his", "yes", "cents", "dlrs", "dollars", "euros", "pounds", "marks", "francs"}
)
_YEAR_LIKE = recache.compile(r"1[5-9]\d\d|20\d\d")
_TIME_UNIT = recache.compile(_TIME_UNITS)
_TIME_UNIT_AT_END = recache.compile(rf"\b{_TIME_UNITS}\s*$")
_YEARS_OLD = recache.compile(r"\s*(?:-|–)?\s*(?:year|yr)s?[- ]old")
_NUMBER_WORD_BEFORE = recache.compile(r"(?:No\.|number|#|aged|age)\s*$", re.IGNORECASE)
_ONE_DIGIT = recache.compile(r"\d")

# Cheap necessary conditions, so that a sentence without a figure costs a few scans for a
# character class or a literal instead of the full patterns above. Each is implied by the
# pattern it guards, so skipping on a miss never loses a match (see linter.fold).
_DIGIT_OR_CURRENCY = recache.compile(r"[\d$€£¥₹]")
_MONEY_LEAD = 4  # a money figure starts at most 4 characters ("U.S.") before its first digit/symbol
_CURRENCY_SYMBOL = recache.compile(r"[$€£¥₹]")
# every alternative of _CURRENCY_WORDS contains one of these
_CURRENCY_STEMS = ("dollar", "dlrs", "euro", "pound", "sterling", "yen", "yuan", "renminbi", "rupee", "marks",
                   "francs", "rouble", "ruble", "peso", "lira", "riyal", "rial", "shekel", "won")
_PERCENT_WORDS = ("%", "per", "pct")
_VAGUE_WORDS = ("tens", "hundreds", "thousands", "millions", "billions", "dozens", "scores")
# every alternative of _WORDNUM contains one of these (it is matched case-sensitively)
_WORDNUM_WORDS = ("three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                  "thirt", "fift", "twenty", "forty", "hundred", "thousand", "dozen", "million")
# the _VAGUE_WORDS that contain none of _WORDNUM_WORDS ("tens" contains "ten", "hundreds"
# "hundred", ...): in a text without a number word, one of _VAGUE_WORDS occurs exactly when one
# of these does
_VAGUE_NOT_WORDNUM_WORDS = ("billions", "scores")
_LOWER_RUN = recache.compile(r"[a-z]*")
# Where a number word of _WORDNUM can start: each word, or an "a" before the word it goes with.
# Every branch starts with a letter (no look-behind first), so the engine skips ahead to those
# letters; a word found inside a longer one is a false start, which the full pattern then rejects.
# Matches never hide a real start: the words are letters, and a number starts after no letter
# (an "a" is taken alone, so "hundred" in "a hundred" is found too).
_WORDNUM_HEADS = ("three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                  "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                  "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundreds", "dozens")
_A_NUMBER = r"|a(?=\s+(?:hundred|thousand|dozen|million))"
_WORDNUM_AT = recache.compile(prefix_tree(_WORDNUM_HEADS) + _A_NUMBER)
# the same with _PERCENT's other number words, searched in the ascii_fold-ed text
_PERCENT_WORD_AT = recache.compile(prefix_tree((*_WORDNUM_HEADS, "one", "two")) + _A_NUMBER)
# where the number-word branch of _PERCENT can start (same look-behind, same flags)
_PERCENT_WORD_START = recache.compile(rf"(?<![\w.])(?:{_WORDNUM}|one|two)", re.IGNORECASE)
# maximal runs of digits: their starts are the only places a number can start where the
# character before must not be a word character (\d is part of \w)
_DIGIT_RUN = recache.compile(r"\d+")


def _year_like(num: str) -> bool:
    return _YEAR_LIKE.fullmatch(num) is not None


def _after_month(text: str, a: int) -> bool:
    """``_MONTHS.search(text[:a])``, without scanning the whole prefix.

    A match is a month word (a capital and lower-case letters), an optional dot and white space
    up to ``a``, so it can only start right before the run of lower-case letters that ends where
    the trailing white space and dot begin.
    """
    end = len(text[:a].rstrip())  # str.rstrip() and \s agree on what white space is
    if end and text[end - 1] == ".":
        end -= 1
    lo = max(0, end - 48)
    if lo and _LOWER_RUN.fullmatch(text, lo, end) is not None:
        lo = 0  # a lower-case run longer than the window: scan it all
    return _MONTHS.search(text, lo, a) is not None


def _number_word_before(text: str, a: int) -> bool:
    """``_NUMBER_WORD_BEFORE.search(text[:a])``: the word ends where the trailing white space starts."""
    end = len(text[:a].rstrip())
    return _NUMBER_WORD_BEFORE.search(text, max(0, end - 6), a) is not None


def _digit_runs(text: str) -> list[int]:
    """Where the maximal runs of digits in ``text`` start, ascending."""
    return [m.start() for m in _DIGIT_RUN.finditer(text)]


def _search_at(pattern: re.Pattern[str], text: str, starts: list[int], pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)``, provided every match of ``pattern`` starts at one of
    ``starts`` (ascending): try only those, leftmost first."""
    for i in range(bisect_left(starts, pos), len(starts)):
        m = pattern.match(text, starts[i])
        if m is not None:
            return m
    return None


def _finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, provided every match of ``pattern`` is non-empty and starts at
    one of ``starts`` (ascending): each match is the leftmost from the end of the one before."""
    end = 0
    for p in starts:
        if p >= end:
            m = pattern.match(text, p)
            if m is not None:
                end = m.end()
                yield m


def _money(text: str, pos: int, sign: bool, runs: list[int]) -> list[tuple[int, int, str]]:
    """The non-overlapping money matches from ``pos``, as ``finditer`` of the alternation
    ``_MONEY_SIGN|_MONEY_WORD`` gives them (``sign``: the text has a currency sign; ``runs``:
    :func:`_digit_runs` of the text, the only places a ``_MONEY_WORD`` match, a word boundary
    and a digit, can start)."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    # The leftmost match of each branch from ``pos`` is still the leftmost from a later ``pos``
    # while it starts at or after it: search again only then (linear, not quadratic, in a
    # sentence of many figures of one kind).
    a: re.Match[str] | None = None
    b: re.Match[str] | None = None
    a_done = b_done = False  # no match from an earlier pos: none from a later one either
    while pos <= n:
        if sign and not a_done and (a is None or a.start() < pos):
            a = _MONEY_SIGN.search(text, pos)
            a_done = a is None
        if not b_done and (b is None or b.start() < pos):
            b = _search_at(_MONEY_WORD, text, runs, pos)
            b_done = b is None
        if a is not None and a.start() < pos:
            a = None
        if b is not None and b.start() < pos:
            b = None
        m = a if a is not None and (b is None or a.start() <= b.start()) else b
        if m is None:
            break
        out.append((m.start(), m.end(), "money"))
        pos = m.end()
    return out


def _number_starts(text: str, runs: list[int], word_at: re.Pattern[str]) -> list[int]:
    """The places a match of ``_COUNT`` (``word_at``: ``_WORDNUM_AT``) or of ``_PERCENT`` (with
    ``text`` ascii_fold-ed, ``_PERCENT_WORD_AT``) can start, ascending: the starts of the runs of
    digits ``runs`` and of number words (``text`` has the offsets of the sentence)."""
    words = [m.start() for m in word_at.finditer(text)]
    if not words:
        return runs
    return sorted(runs + words)  # digits and letters: no place twice


def _number_start(text: str, runs: list[int], word_start: re.Pattern[str]) -> int:
    """Where the first match of ``_PERCENT`` can start: the first digit run, or the first number
    word (``word_start``: ``_PERCENT_WORD_START``); for a text ascii_fold changes the length of."""
    pos = runs[0] if runs else len(text)
    word = word_start.search(text, 0, pos)  # letters and spaces: a match before pos ends by pos
    return pos if word is None else word.start()


def extract_figures(sentence: SentenceLike) -> list[Figure]:
    """Specific figures in one sentence (absolute offsets)."""
    text, base = sentence.text, sentence.start
    folded = ascii_fold(text)
    first = _DIGIT_OR_CURRENCY.search(text)
    # A percentage or a count starts with its number. In a text without a number word that is a
    # digit after no word character, the start of a run of digits, and only those are tried.
    wordnum = contains_any(folded, _WORDNUM_WORDS)
    if first is None and not wordnum and "one" not in folded and "two" not in folded:
        # no money, count or percentage can be here (the tests below find none): only a vague count
        if not contains_any(folded, _VAGUE_NOT_WORDNUM_WORDS):
            return []  # most sentences without a digit
    found: list[tuple[int, int, str]] = []
    # the spans taken so far, sorted and disjoint: ``free`` looks at one neighbour, not all
    taken_starts: list[int] = []
    taken_ends: list[int] = []

    def free(a: int, b: int) -> bool:
        i = bisect_left(taken_starts, b)  # the spans that start before b; the last ends latest
        return i == 0 or taken_ends[i - 1] <= a

    def take(a: int, b: int, kind: str) -> None:
        found.append((a, b, kind))
        i = bisect_right(taken_starts, a)
        taken_starts.insert(i, a)
        taken_ends.insert(i, b)

    runs = _digit_runs(text) if first is not None else []
    if first is not None:
        sign = _CURRENCY_SYMBOL.search(text, first.start()) is not None
        if sign or contains_any(folded, _CURRENCY_STEMS):
            for a, b, kind in _money(text, max(0, first.start() - _MONEY_LEAD), sign, runs):
                take(a, b, kind)
    if contains_any(folded, _PERCENT_WORDS):
        if not (wordnum or "one" in folded or "two" in folded):  # its other number words
            percents = _finditer_at(_PERCENT, text, runs)
        elif len(folded) == len(text):  # the same offsets (always, unless lower() widens a character)
            # a case-blind number word of ``text`` is one of ``folded`` as written (see linter.fold)
            percents = _finditer_at(_PERCENT, text, _number_starts(folded, runs, _PERCENT_WORD_AT))
        else:
            percents = _PERCENT.finditer(text, _number_start(text, runs, _PERCENT_WORD_START))
        for m in percents:
            if free(m.start(), m.end()):
                take(m.start(), m.end(), "percent")
    if contains_any(folded, _VAGUE_WORDS if wordnum else _VAGUE_NOT_WORDNUM_WORDS):
        for m in _VAGUE.finditer(text):
            if free(m.start(), m.end()):
                take(m.start(), m.end(), "vague_count")
    counts = _finditer_at(_COUNT, text, _number_starts(text, runs, _WORDNUM_AT) if wordnum else runs)
    for m in counts:
        a, b = m.start(), m.end()
        num = m.group("n")
        noun = m.group("noun")
        adj = m.group("adj") or ""
        if not free(a, b) or noun in _NOT_COUNT_NOUNS:
            continue
        if _TIME_UNIT.fullmatch(noun) or _TIME_UNIT_AT_END.search(adj):
            continue
        if _year_like(num) or _after_month(text, a):
            continue
        if _YEARS_OLD.match(text, a + len(num)):
            continue
        if _number_word_before(text, a):
            continue
        if _ONE_DIGIT.fullmatch(num) and not adj and noun in {"a", "an"}:
            continue
        take(a, b, "count")
    found.sort()
    return [Figure(base + a, base + b, text[a:b], kind) for a, b, kind in found]
