"""Patterns rewritten for speed match exactly as the plain forms they replace.

A pattern that opens with ``\\b`` or a lookbehind, or with an alternation whose branches do not
all start with a literal character, makes Python's ``re`` try the whole pattern at every
position of the text; opening every branch with a literal lets it skip to the candidates. Each
rewrite is kept beside its plain form here, and hypothesis checks they agree on texts built
from the characters that matter.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.dsl.literals import required_literals
from linter.extract import ages, attribution
from linter.fold import ascii_fold, contains_any

# the plain forms (as they read before the rewrite)
_AGES_DIGIT = re.compile(
    r"[,(]\s*(?:(?:then|now|aged?)\s+)?\d{1,3}(?!\d)|\b(?:is|was|[’']s|turned|turns)\s+(?:now\s+|only\s+|just\s+)?\d")
_AGES_PREDICATE = re.compile(
    r"(?P<verb>\bis|\bwas|[’']s|\bturned|\bturns)\s+(?:now\s+|only\s+|just\s+)?(?P<num>\d{1,3})(?![,.:/]\d)"
    r"(?:\s+years?\s+old)?(?=\s*[,;:)]|\.(?!\d)|\s+(?:and|but|now|today|in|on|last|this|earlier|when)\b|\s*$)")

_AGES_WORD = re.compile(r"old\b|\baged\s|\bborn\b|\(b\.|\bdie[ds]\b|\bdeath\b|\bpassed\s+away\b|\bkilled\b")

_PIECES = ["is", "was", "’s", "'s", "turned", "turns", "now", "only", "just", "then", "aged", "age", "old",
           "years", "and", "when", " ", "  ", "\t", "\n", ",", "(", ")", ".", ";", ":", "/", "-", "_", "é", "ß",
           "1", "12", "345", "7", "Is", "WAS", "x", "thi", "a", "born", "die", "dies", "death", "passed away",
           "passed", "away", "killed", "(b.", "b", "d", "k", "p", "year", "Year", "YEARS", "s", "ſ", "seventy", "-", "Old"]
texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_ages_digit_trigger(text: str) -> None:
    low = text.lower()
    plain = _AGES_DIGIT.search(low) is not None
    first, second = ages._TRIGGER_DIGIT_RES
    assert (first.search(low) is not None or second.search(low) is not None) == plain


@settings(max_examples=500, deadline=None)
@given(texts)
def test_ages_predicate(text: str) -> None:
    want = [(m.span(), m.groupdict()) for m in _AGES_PREDICATE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in ages._PREDICATE_SIMPLE.finditer(text)] == want


def test_the_rewrites_can_fail() -> None:
    # the checks compare something: each plain form matches and misses on these
    assert _AGES_DIGIT.search("he is 45") and not _AGES_DIGIT.search("this 45")
    assert _AGES_PREDICATE.search("Sanders is 83.") and not _AGES_PREDICATE.search("This 83.")
    assert not _AGES_DIGIT.search("('s 9") and _AGES_DIGIT.search("it's 9")


@settings(max_examples=500, deadline=None)
@given(texts)
def test_ages_word_trigger(text: str) -> None:
    low = text.lower()
    assert (ages._TRIGGER_WORD_RE.search(low) is not None) == (_AGES_WORD.search(low) is not None)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_year_old_literals(text: str) -> None:
    # every "-year-old" match holds one of the literals _year_old looks for first
    if ages._YEAR_OLD.search(text) is not None:
        assert contains_any(ascii_fold(text), ages._YEAR_OLD_LITERALS)


def test_anonymity_literals_cover_the_pattern() -> None:
    # every match holds one of the literals the stdlib parse requires; each of those holds one
    # of the hand-written pre-check literals, so the pre-check never hides a match
    derived, folded = required_literals(attribution.ANONYMITY_EXPLAINED.pattern, True)  # type: ignore[misc]
    assert folded
    for lit in derived:
        assert any(h in lit for h in attribution._ANONYMITY_LITERALS), lit
    assert attribution.anonymity_explained("He spoke on condition of anonymity.")
    assert not attribution.anonymity_explained("The talks were held in private, he said.")
