"""Name-spelling variants: misspellings are paired, suffixes, two people and typography are not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.extract.names import find_variants


def variants(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(v.text, v.canonical) for v in find_variants([(0, text)], known)]


def test_misspelling_against_known_name():
    assert variants("Later, Netanyahu spoke. Then Netanyhau left.", ("Netanyahu",)) == [("Netanyhau", "Netanyahu")]


def test_more_frequent_spelling_wins_when_unknown():
    text = "Officials met Joan Pedreiro. Aides to Pedreiro said so. Later, Pedriero agreed."
    assert variants(text) == [("Pedriero", "Pedreiro")]


def test_suffixes_and_demonyms_are_not_variants():
    assert variants("Troops left Somalia. The Somali army and Somalis cheered. Somalia rejoiced.") == []


def test_two_people_with_different_given_names():
    assert variants("Saddam Hussein ruled. Nasser Hussain batted. Hussein spoke.", ("Hussein", "Hussain")) == []


def test_apostrophe_shape_is_typography():
    assert variants("Kevin O’Leary spoke. Later O'Leary and O'Leary left.") == []


def test_particle_names_are_skipped():
    assert variants("As Brazil voted, Jornal do Brasil wrote. In Brazil, Luiz Brazil said.") == []


def test_offsets_in_later_sentences():
    found = find_variants([(0, "Later, Netanyahu spoke."), (100, "Then Netanyhau left.")], ("Netanyahu",))
    assert [(v.start, v.end, v.text) for v in found] == [(105, 114, "Netanyhau")]


def test_word_pattern_finds_every_long_capitalised_word():
    """``_WORD`` (look-behind after the capital, five characters or more) finds what the plain
    pattern finds, less the short words."""
    import re

    from linter.extract.names import _WORD

    plain = re.compile(r"(?<![\w'’-])([A-Z\u00C0-\u00DE][\w'’-]*\w)")
    text = ("Erdoğan’s aide, O'Neill-Smith and X-Abcde met Ab Abc Abcd Abcde Élan 'Quote' -Dash ’Curly "
            "Abcd's Abcdef's Ab-cd A1234 É-x\nNew-York")
    assert [m.span(1) for m in _WORD.finditer(text)] == [
        m.span(1) for m in plain.finditer(text) if len(m.group(1)) >= 5
    ]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["Abcde", "abcde", "Ab", "A", "Z", "x", "1", "_", "'", "-", "'s", " ", "\n", ".",
                                 "Netanyahu", "O'Neill", "X-Abc", "AB", "ABCDE", "Q9", "\x1c", "\t", "$"]),
                max_size=12).map("".join))
def test_ascii_word_pattern_as_the_pattern(text: str) -> None:
    """In ASCII text ``_ASCII_WORD`` finds the words ``_WORD`` finds, where it finds them."""
    from linter.extract.names import _ASCII_WORD, _WORD

    assert text.isascii()
    assert [m.span(1) for m in _ASCII_WORD.finditer(text)] == [m.span(1) for m in _WORD.finditer(text)]


def test_ascii_word_pattern_classes() -> None:
    """Its classes are ``_WORD``'s on every ASCII character."""
    import re

    chars = [chr(c) for c in range(128)]
    assert [c for c in chars if re.fullmatch(r"\w", c)] == [c for c in chars if re.fullmatch("[A-Za-z0-9_]", c)]
    assert [c for c in chars if re.fullmatch("[A-Z\u00C0-\u00DE]", c)] == [c for c in chars if "A" <= c <= "Z"]


def test_fold_of_ascii_words():
    import unicodedata

    from linter.extract.names import fold

    for word in ("Netanyahu", "O'Neill", "ABC-def", "x"):
        norm = unicodedata.normalize("NFKD", word)
        assert fold(word) == "".join(c for c in norm if not unicodedata.combining(c)).lower().replace("’", "'")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="Ab \n'", max_size=8), max_size=6), st.text(alphabet="Ab '\n", min_size=1, max_size=3))
def test_texts_holding_a_word_are_those_that_hold_it(texts: list[str], word: str) -> None:
    """``names._holding`` (the sentences ``find_variants`` looks for a word in) searches the
    texts joined by line breaks: it finds the texts that hold the word, each once, in order."""
    from linter.extract.names import _holding, _joined

    assert _holding(texts, *_joined(texts), word) == [i for i, t in enumerate(texts) if word in t]


def _file_words_plain(words: list[str]) -> tuple[dict[str, int], dict[str, str], dict[str, list[str]]]:
    """The words counted and filed as ``find_variants`` did before ``_file_words``: every word
    counted, the common ones not filed."""
    from collections import Counter

    from linter.extract.names import _COMMON, fold

    counts: dict[str, int] = {}
    folds: dict[str, str] = {}
    by_initial: dict[str, list[str]] = {}
    for raw, n in Counter(words).items():
        word = raw[:-2] if raw.endswith(("'s", "’s")) else raw
        if len(word) < 5 or word.isupper():
            continue
        if word in counts:
            counts[word] += n
            continue
        counts[word] = n
        f = fold(word)
        if f not in _COMMON:
            folds[word] = f
            by_initial.setdefault(f[0] + f[-1], []).append(word)
    return counts, folds, by_initial


_NAME_PIECES = ["Baker", "Bakar", "Erdoğan", "Erdogan", "BAKER", "Europe", "Britain", "Abc", "Abcde", "Ärger",
                "Lee", "O'Neil", "O’Neil"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAME_PIECES), st.sampled_from(["", "'s", "’s", "s", "'"])).map("".join),
                max_size=30))
def test_file_words_as_the_plain_loop(words: list[str]) -> None:
    """``_file_words`` (remembering each word's filing in ``_FILED``, leaving out the words that
    never pair) files the words as the plain loop and counts every filed word alike."""
    from linter.extract.names import _file_words

    for _ in range(2):  # with the filings remembered, then with them known
        counts, folds, by_initial = _file_words(words)
        p_counts, p_folds, p_by_initial = _file_words_plain(words)
        assert folds == p_folds and list(folds) == list(p_folds)
        assert by_initial == p_by_initial and list(by_initial) == list(p_by_initial)
        assert counts == {w: p_counts[w] for w in p_folds}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Netanyahu", "Netanyhau", "Pedreiro", "Pedriero", "Dr. Pedreiro", "Joan Pedreiro",
                                 "Somalia", "Somali", "Hussein", "Hussain", "Saddam Hussein", "O’Leary", "O'Leary",
                                 "said", "the", "aides to", ".", ",", "Netanyahu's", "Mr. Netanyhau"]),
                min_size=1, max_size=40),
       st.lists(st.integers(0, 39), max_size=6))
def test_places_filed_at_once_give_the_same_variants(words: list[str], cuts: list[int]) -> None:
    """``find_variants`` files every word's places in one pass once its word-by-word searches
    have read the text ``_INDEX_AFTER`` times over (a long document): the same variants as the
    searches give, whenever the switch happens."""
    import linter.extract.names as N

    bounds = [0, *sorted(c for c in cuts if c < len(words)), len(words)]
    texts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    sentences = []
    at = 0
    for t in texts:
        sentences.append((at, t))
        at += len(t) + 1
    known = ("Netanyahu", "Hussein", "Hussain")
    saved = N._INDEX_AFTER
    try:
        N._INDEX_AFTER = 1_000_000
        searched = [(v.start, v.text, v.canonical) for v in N.find_variants(sentences, known)]
        for after in (0, 1, 2):
            N._INDEX_AFTER = after
            assert [(v.start, v.text, v.canonical) for v in N.find_variants(sentences, known)] == searched
    finally:
        N._INDEX_AFTER = saved
