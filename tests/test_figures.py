"""Figures: the fast paths of ``linter.extract.figures`` give what the plain patterns give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.extract import figures as F
from linter.extract.figures import extract_figures
from linter.extract.prefilter import ascii_fold

_PIECES = ["$", "€", "US", "U.S.", "HK", "5", "1,000", "2.5", "12", " ", "  ", "\n", "million", "mln", "bn",
           "dlrs", "dollars", "yen", "Canadian", "three", "Three", "often", "ten", "a hundred", "dozens",
           "people", "troops", "years", "-", ".", ",", "x", "(", "Jan", "No.", "%", "percent", "pct"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)

# the single money pattern the two searches replace
_MONEY = re.compile(rf"{F._MONEY_SIGN.pattern}|{F._MONEY_WORD.pattern}", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(min_value=0, max_value=6))
def test_money_search_is_the_alternation(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    expected = [(m.start(), m.end(), "money") for m in _MONEY.finditer(text, pos)]
    sign = F._CURRENCY_SYMBOL.search(text) is not None
    assert F._money(text, pos, sign) == expected


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_no_count_starts_before_count_start(text: str) -> None:
    start = F._count_start(text, ascii_fold(text))
    assert all(m.start() >= start for m in F._COUNT.finditer(text))


def test_figure_kinds() -> None:
    class S:
        start = 0
        text = "Exports rose 5.2 pct to 1.5 billion dlrs, and three thousand workers and $40 mln were idle."

    kinds = [(f.text, f.kind) for f in extract_figures(S())]
    assert kinds == [("5.2 pct", "percent"), ("1.5 billion dlrs", "money"), ("three thousand workers", "count"),
                     ("$40 mln", "money")]
