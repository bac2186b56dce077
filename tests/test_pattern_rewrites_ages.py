"""The faster forms of the age trigger (``_may_state_age``) and of the appositive pattern
(``_APPOS``) give what their plain forms give (hypothesis, on news-like pieces)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.extract import ages as A

_PIECES = [" ", "  ", "\t", "\n", ",", ", ", "(", ")", ".", ";", ":", "'", "’", "-", "_", "/", "0", "5", "45", "1,000",
           "1986", "123", "is", "Is", "IS", "was", "Was", "WAS", "s", "S", "turned", "Turns", "TURNED", "turn",
           "then", "now", "Now", "only", "just", "age", "aged", "Aged", "AGED", "born", "Born", "b", "B", "(b.",
           "die", "died", "Dies", "DIED", "death", "Death", "passed", "Passed", "away", "killed", "KILLED", "old",
           "Old", "OLD", "told", "sold", "year", "years", "a", "x", "this", "his", "Kansas", "diesel", "studies",
           "é", "İ", "ſ", "\u212a", "٣", "said", "and", "who"]
#: ``_APPOS`` as it was written: the reference its faster form is compared with
_APPOS_PLAIN = re.compile(rf"{A._APPOS_A}|\s?{A._APPOS_B}", re.IGNORECASE)
_texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


def _finds(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=3000)
@given(_texts)
def test_age_trigger_is_the_plain_search(text: str) -> None:
    want = A._TRIGGER.search(text) is not None
    assert A._may_state_age(text) == want


@settings(max_examples=3000)
@given(_texts)
def test_appositive_pattern_is_the_plain_one(text: str) -> None:
    want = _finds(_APPOS_PLAIN, text)
    assert _finds(A._APPOS, text) == want
    if "(" not in text:
        assert _finds(A._APPOS_COMMA, text) == want


def test_appositive_examples() -> None:
    for text in ("John Smith, 75, said", "Smith (75) said", "Smith ( 75)", "Smith  (75)", "x\t(aged 44)",
                 "x\n(Age 3)", "a,\u00a0then 46, was", "Reupke, 52 years old, said", "(b. 1950)", ",(13)",
                 "He, 80, said", "Smith, 75 and 76", "Smith, then 46,"):
        assert _finds(A._APPOS, text) == _finds(_APPOS_PLAIN, text)
        assert A._may_state_age(text) == (A._TRIGGER.search(text) is not None)
