"""The faster forms of the patterns of dates, tense, figures, genre, names and mentions give what
their plain forms give (hypothesis, and the plain forms kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.extract import figures as F
from linter.fold import ascii_fold

_FIGURE_PIECES = ["$", "5", "1,000", "2.5", "12", " ", "  ", "\n", "-", ".", ",", "x", "(", "%", "percent", "pct",
                  "per cent", "a", "A", "a ", "hundred", "hundreds", "thousand", "dozen", "dozens", "million",
                  "three", "Three", "THREE", "often", "ten", "tens", "sixteen", "sixty", "one", "One", "two", "Two",
                  "money", "people", "troops", "years", "İ", "\u212a", "ſ", "٣", "é", "ninety", "seven", "_"]
_figure_texts = st.lists(st.sampled_from(_FIGURE_PIECES), max_size=16).map("".join)

# the plain forms the number-word scans replace: where a number word of _COUNT / _PERCENT starts
_WORDNUM_START = re.compile(rf"(?<![\w$€£¥.,-]){F._WORDNUM}")
_PERCENT_WORD_START = re.compile(rf"(?<![\w.])(?:{F._WORDNUM}|one|two)", re.IGNORECASE)


def _count_starts(text: str) -> list[int]:
    return F._number_starts(text, F._digit_runs(text), F._WORDNUM_AT)


def _percent_starts(text: str) -> list[int]:
    return F._number_starts(ascii_fold(text), F._digit_runs(text), F._PERCENT_WORD_AT)


def _check_figure_starts(text: str) -> None:
    starts = _count_starts(text)
    assert starts == sorted(set(starts))
    # every place the number-word branch can start is found (at every position, not only the
    # non-overlapping ones finditer gives)
    for p in range(len(text)):
        if _WORDNUM_START.match(text, p):
            assert p in starts
    assert ([m.span() for m in F._finditer_at(F._COUNT, text, starts)]
            == [m.span() for m in F._COUNT.finditer(text)])
    if len(ascii_fold(text)) == len(text):
        starts = _percent_starts(text)
        for p in range(len(text)):
            if _PERCENT_WORD_START.match(text, p):
                assert p in starts
        assert ([m.span() for m in F._finditer_at(F._PERCENT, text, starts)]
                == [m.span() for m in F._PERCENT.finditer(text)])


@settings(max_examples=1500, deadline=None)
@given(_figure_texts)
def test_number_word_starts(text: str) -> None:
    _check_figure_starts(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="athrefivsxnodzuwyl \n1,.%-İ\u212aſ", max_size=30))
def test_number_word_starts_any_letters(text: str) -> None:
    _check_figure_starts(text)


@settings(max_examples=800, deadline=None)
@given(st.one_of(_figure_texts, st.text(max_size=30)))
def test_no_figure_without_a_number(text: str) -> None:
    """extract_figures' early return: no digit or currency sign, no number word, no "one" or
    "two" (in the folded text) and no vague word that is not a number word: no figure at all."""
    folded = ascii_fold(text)
    if (F._DIGIT_OR_CURRENCY.search(text) is None and not F.contains_any(folded, F._WORDNUM_WORDS)
            and "one" not in folded and "two" not in folded):
        for rx in (F._COUNT, F._PERCENT, F._MONEY_SIGN, F._MONEY_WORD):
            assert rx.search(text) is None
        if not F.contains_any(folded, F._VAGUE_NOT_WORDNUM_WORDS):
            assert F._VAGUE.search(text) is None


def test_number_word_starts_examples() -> None:
    for text in ("a hundreds percent", "A hundred people", "one percent", "ONE PERCENT", "often ten troops",
                 "sixty-five percent", "a  dozen troops", "ſix percent", "\u212aids", "a\nmillion people"):
        _check_figure_starts(text)


# --------------------------------------------------------------------------- genre

_GENRE_PIECES = ["word", "Word", "_", "9", " ", "\n", "(", "(Reuters)", "-", "—", "é", "ı", "x_y", "'", ".",
                 "LONDON", ", ", "March 3", "\t"]
_genre_texts = st.lists(st.sampled_from(_GENRE_PIECES), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_genre_texts, st.text(max_size=40)))
def test_genre_word_count(text: str) -> None:
    from linter.extract import genre as G

    assert G._word_count(text) == len(re.findall(r"\w+", text))


@settings(max_examples=500, deadline=None)
@given(_genre_texts)
def test_genre_dateline_needs_a_bracket(text: str) -> None:
    from linter.extract import genre as G

    if "(" not in text:
        assert G._DATELINE.search(text) is None


# --------------------------------------------------------------------------- mentions

_TITLE_PIECES = ["Trump", "signs", "Order", "On", "on", "Tariffs", "a", "'", "’", "O'Neil", "'Tis", "x'y", " ",
                 "-", ".", "9", "_", "É", "é", "ab", "ABC", "Abc", "\n", "ﬁ"]
_title_texts = st.lists(st.sampled_from(_TITLE_PIECES), max_size=16).map("".join)


def _title_case_plain(sent: str) -> bool:
    from linter.extract import mentions as M

    words = M._TITLE_CASE_WORD_RE.findall(sent)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


@settings(max_examples=800, deadline=None)
@given(st.one_of(_title_texts, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_title_case_ascii_runs(sent: str) -> None:
    from linter.extract import mentions as M

    assert M._title_case(sent) == _title_case_plain(sent)
    if sent.isascii():  # the runs are the matches
        table = M._NOT_TITLE_CASE_CHAR
        runs = [w.decode() for w in sent.encode().translate(table).split() if len(w) >= 4 and w[0] != 39]
        assert runs == M._TITLE_CASE_WORD_RE.findall(sent)


# --------------------------------------------------------------------------- dates

_SPEECH_PIECES = ["said", "says", "say", "saying", "Said", "told", "according", " ", "  ", "\n", "to", "To",
                  "according to", "unsaid", "_said", "said_", "9said", "é", "ésaid", "'", "-", ".", "added",
                  "adds", "reported", "reports", "x", "states", "restates", "\u212a"]
_speech_texts = st.lists(st.sampled_from(_SPEECH_PIECES), max_size=16).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_speech_texts, st.text(max_size=30)))
def test_speech_fast_is_speech(text: str) -> None:
    from linter.extract import dates as D

    assert [m.span() for m in D._SPEECH_FAST.finditer(text)] == [m.span() for m in D._SPEECH.finditer(text)]


def test_speech_words_start_with_a_word_character() -> None:
    from linter.extract import dates as D

    assert all(re.match(r"\w\w", w) for w in D._SPEECH_WORDS)
