"""Figures: the fast paths of ``linter.extract.figures`` give what the plain patterns give."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.extract import figures as F
from linter.extract.figures import extract_figures
from linter.fold import ascii_fold, contains_any

_PIECES = ["$", "€", "US", "U.S.", "HK", "5", "1,000", "2.5", "12", " ", "  ", "\n", "million", "mln", "bn",
           "dlrs", "dollars", "yen", "Canadian", "three", "Three", "often", "ten", "a hundred", "dozens",
           "people", "troops", "years", "-", ".", ",", "x", "(", "Jan", "No.", "%", "percent", "pct", "one",
           "Two", "per cent", "a", "5%", "$5", "07", "3.", "İ", "\u212a", "٣"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)

# the single money pattern the two searches replace
_MONEY = re.compile(rf"{F._MONEY_SIGN.pattern}|{F._MONEY_WORD.pattern}", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(min_value=0, max_value=6))
def test_money_search_is_the_alternation(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    expected = [(m.start(), m.end(), "money") for m in _MONEY.finditer(text, pos)]
    sign = F._CURRENCY_SYMBOL.search(text) is not None
    assert F._money(text, pos, sign, F._digit_runs(text)) == expected


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=600, deadline=None)
@given(_texts)
def test_digit_run_starts_give_finditer(text: str) -> None:
    """Without a number word, trying ``_COUNT`` and ``_PERCENT`` only where runs of digits start
    gives what ``finditer`` gives; ``_search_at`` on those places is ``search``."""
    folded = ascii_fold(text)
    runs = F._digit_runs(text)
    assert runs == [m.start() for m in re.finditer(r"(?<!\d)\d", text)]
    if not contains_any(folded, F._WORDNUM_WORDS):
        assert _spans(F._finditer_at(F._COUNT, text, runs)) == _spans(F._COUNT.finditer(text))
        if "one" not in folded and "two" not in folded:
            assert _spans(F._finditer_at(F._PERCENT, text, runs)) == _spans(F._PERCENT.finditer(text))
    for pos in range(len(text) + 1):
        m = F._search_at(F._MONEY_WORD, text, runs, pos)
        expected = F._MONEY_WORD.search(text, pos)
        assert (m and m.span()) == (expected and expected.span())


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_no_percent_starts_before_percent_start(text: str) -> None:
    start = F._number_start(text, F._digit_runs(text), F._PERCENT_WORD_START)
    assert all(m.start() >= start for m in F._PERCENT.finditer(text))


def test_vague_words_without_number_words() -> None:
    for word in F._VAGUE_WORDS:
        assert word in F._VAGUE_NOT_WORDNUM_WORDS or contains_any(word, F._WORDNUM_WORDS)
    for word in F._VAGUE_NOT_WORDNUM_WORDS:
        assert word in F._VAGUE_WORDS and not contains_any(word, F._WORDNUM_WORDS)


def test_figure_kinds() -> None:
    class S:
        start = 0
        text = "Exports rose 5.2 pct to 1.5 billion dlrs, and three thousand workers and $40 mln were idle."

    kinds = [(f.text, f.kind) for f in extract_figures(S())]
    assert kinds == [("5.2 pct", "percent"), ("1.5 billion dlrs", "money"), ("three thousand workers", "count"),
                     ("$40 mln", "money")]
