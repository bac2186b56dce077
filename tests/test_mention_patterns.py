"""The patterns around a run of ``linter.extract.mentions`` (``Gazetteer.before`` and
``Gazetteer.appos``) are found phrase by phrase (``_find_before``, ``_find_appos``) instead of by a
regular expression compiled for each set of candidate phrases: the same matches, the same parts.
The reference is the builder they replaced, kept here as it was."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linter.extract.mentions as M
from linter.kb import KnowledgeBase, load_kb
from linter.patterns import prefix_tree


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


_NL = r"(?<![^\W\d_])"
_WS = M._WS
_MOD_TREE = prefix_tree(M._MODIFIER_WORDS, space=r"\s+", escape=re.escape)


def _alt(words: tuple[str, ...]) -> str:
    return prefix_tree(words, space=r"\s+", escape=re.escape)


@lru_cache(maxsize=1024)
def before_reference(titles: tuple[str, ...], countries: tuple[str, ...]) -> re.Pattern[str]:
    country = rf"(?:{_NL}(?P<country>{_alt(countries)}){_WS})?" if countries else "(?P<country>(?!))?"
    title = (rf"(?:{_NL}(?P<title>{_alt(titles)})(?:-(?P<elect>elect|designate))?{_WS})?"
             if titles else "(?P<title>(?!))?(?P<elect>(?!))?")
    return re.compile(rf"(?i)(?:{_NL}(?P<mod>{_MOD_TREE})(?:{_WS}|-))?{country}{title}\Z")


@lru_cache(maxsize=1024)
def appos_reference(titles: tuple[str, ...], countries: tuple[str, ...]) -> re.Pattern[str]:
    country_alt = _alt(countries) if countries else "(?!)"
    return re.compile(
        rf"(?i),{_WS}(?:(?:the|a|an){_WS})?(?:(?P<mod>{_MOD_TREE})(?:{_WS}|-))?"
        rf"(?:(?P<country>{country_alt}){_WS})?(?P<title>{_alt(titles)})(?:-(?P<elect>elect|designate))?"
        rf"(?:{_WS}of{_WS}(?P<ofc>{country_alt}))?(?=[,.;:)]|{_WS}(?:who|whose|said|and)\b|\Z)"
    )


_GROUPS = (0, "mod", "country", "title", "elect", "ofc")


def parts(m: re.Match[str] | M._Found | None) -> dict[str | int, tuple[tuple[int, int], str | None]] | None:
    """Every part's span and text (-1 and None for a part that did not match)."""
    if m is None:
        return None
    out: dict[str | int, tuple[tuple[int, int], str | None]] = {}
    for name in _GROUPS:
        if isinstance(m, re.Match) and name != 0 and name not in m.re.groupindex:
            out[name] = ((-1, -1), None)
        else:
            out[name] = (m.span(name), m.group(name))
    return out


TITLES = ["President", "president", "President-elect", "president-designate", "Prime Minister", "prime minister",
          "Supreme Leader", "supreme leader", "Secretary of State", "Secretary", "secretary", "Foreign Minister",
          "Minister", "minister", "Mayor of São Paulo", "São Paulo Mayor", "Premier", "King", "Crown Prince", "P",
          "Pres", "President of the United States", "Leader", "Chief Executive Officer", "head of state", "Emir",
          "PRÉSIDENT", "président", "Dr.", "Sheikh"]
COUNTRIES = ["U.S.", "U.S", "US", "Iran's", "Iran’s", "Iran", "Iranian", "the United States", "United States",
             "United States of America", "Congo", "Congo Republic", "Former Yugoslav Republic", "French", "France's",
             "Bahamas’", "Burkinabè", "Côte d'Ivoire", "Britain", "British", "the", "Of", "State", "São Paulo"]
PIECES = [*TITLES, *COUNTRIES, *M._MODIFIER_WORDS, "Former", "EX", "Ex", "ex-", "then-", "Then", "LATE", "long",
          "time", "one", " ", " ", " ", "  ", "\n", " \n ", "\n\n", "\t", "\u00a0", "\r", "\u2009", ",", ", ", ".",
          ";", ":", ")", "(", "-", "'", "’", "'s", "’s", "s", "the", "The", "a", "A", "an", "of", "OF", "who",
          "whose", "Who", "said", "and", "andy", "saidx", "x", "X", "5", "_", "ſ", "K", "İ", "ı", "É", "é", "ß", "ẞ",
          "Ã", "ã", "elect", "-elect", "-Elect", "-designate", "designate", "state", "STATE", "united", "Prime",
          "minister", "Mayor", "Paulo", "São", "SÃO", "Sao", "Iran", "IRAN", "Congo", "Republic", "yugoslav", "²"]

phrases_st = st.tuples(
    st.lists(st.sampled_from(TITLES), max_size=7, unique=True).map(lambda x: tuple(sorted(x))),
    st.lists(st.sampled_from(COUNTRIES), max_size=7, unique=True).map(lambda x: tuple(sorted(x))),
)
text_st = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _phrases(words: tuple[str, ...]) -> list[M._Phrase]:
    return sorted((M._Phrase(w) for w in words), key=M._order)


def _check_before(text: str, titles: tuple[str, ...], countries: tuple[str, ...]) -> None:
    pattern = before_reference(titles, countries)
    ts, cs = _phrases(titles), _phrases(countries)
    for hi in range(len(text) + 1):
        for lo in {0, max(0, hi - 1), max(0, hi - 7), max(0, hi - 20), hi // 2, hi}:
            want = parts(pattern.search(text, lo, hi))
            got = parts(M._find_before(text, lo, hi, ts, cs))
            assert got == want, (text, lo, hi, titles, countries)


def _check_appos(text: str, titles: tuple[str, ...], countries: tuple[str, ...]) -> None:
    if not titles:
        return
    pattern = appos_reference(titles, countries)
    ts, cs = _phrases(titles), _phrases(countries)
    for pos in range(len(text) + 1):
        want = parts(pattern.match(text, pos))
        got = parts(M._find_appos(text, pos, ts, cs))
        assert got == want, (text, pos, titles, countries)


def test_before_as_the_pattern() -> None:
    @settings(max_examples=1500, deadline=None)
    @given(text_st, phrases_st)
    def check(text: str, phrases: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        _check_before(text, *phrases)

    check()


def test_appositive_as_the_pattern() -> None:
    @settings(max_examples=1500, deadline=None)
    @given(text_st, phrases_st)
    def check(text: str, phrases: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        _check_appos(", " + text, *phrases)
        _check_appos(text, *phrases)

    check()


# Phrases laid out as the patterns look for them, with the text around varied: most random texts
# above match nothing past the first part.
_LAYOUTS = [
    "{mod} {country} {title} ", "{mod}-{title} ", "{mod} {title}-elect\n", "{country} {title} ", "{title}\u00a0",
    "x{title} ", "5{title} ", "_{title} ", "{mod} {country}  {title} \n ", "{mod}  ", "{mod}-", "{country} ",
    ", {title},", ", the {title} who", ", a {mod} {country} {title} of {country2}.", ", an {title}-designate)",
    ",\n{mod}-{title} of the {country2}, said", ", {country} {title}", ", {title} whose", ", {title} andy",
    ", {title} of {country2} and", ",  {title}\n\n", ", the {mod}-{country} {title}-elect;",
]


def test_before_and_appositive_on_laid_out_phrases() -> None:
    words = st.sampled_from([*TITLES, *COUNTRIES])
    case = st.sampled_from([str, str.lower, str.upper, str.title])

    @settings(max_examples=2500, deadline=None)
    @given(st.sampled_from(_LAYOUTS), st.sampled_from(M._MODIFIER_WORDS), words, words, words, case,
           st.sampled_from(["", "said ", "the ", "Mr. ", "(", "x"]), st.sampled_from(["", "Trump", " who", ",", "-"]),
           phrases_st)
    def check(layout: str, mod: str, title: str, country: str, country2: str, how: object, head: str, tail: str,
              phrases: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        text = head + layout.format(mod=mod, title=title, country=country, country2=country2) + tail
        text = how(text)  # type: ignore[operator]
        titles = tuple(sorted({*phrases[0], title}))
        countries = tuple(sorted({*phrases[1], country, country2}))
        _check_before(text, titles, countries)
        _check_appos(text, titles, countries)

    check()


SENTENCES = [
    "Ex-President Carter and then-President Reagan met President-elect Donald Trump and Donald J. Trump Jr.",
    "Iran's Supreme Leader Ali Khamenei met U.S. Secretary of State Antony Blinken and Iran’s president.",
    "Bashar al-Assad, the Syrian president, met Mohammed bin Salman and Crown Prince Salman bin Hamad Al Khalifa.",
    "Former U.S president Donald Trump, Chancellor Angela Merkel and Pope Francis spoke to Prime Minister May.",
    "Erdoğan’s aide and Netanyahu's envoy met President Emmanuel Macron and Présidente Sheinbaum.",
    "WASHINGTON (Reuters) - Treasury Secretary James Baker and Fed Chairman Paul Volcker met Sen. Robert Dole.",
    "U.S.-Japan talks: Vice-President Bush, ex-Soviet leader Gorbachev and A. Lincoln met the Reagan administration.",
    "Mr Vance, the U.S. vice-president-elect, and Macron, France’s president, said; former (and future) President X.",
    "Reagan, a former California governor\nwho, and Bush, the then-vice president of the United States and",
]


def test_before_and_appositive_through_the_gazetteer(kb: KnowledgeBase) -> None:
    """``Gazetteer.before`` and ``Gazetteer.appos`` with the KB's candidates, as the patterns."""
    g = M.gazetteer(kb)
    texts = [*SENTENCES, "He met former U.S. President-elect Donald Trump, the former president of the United States,"
             " and Iran's supreme leader, then-Prime Minister Ali, a Congo Republic minister.",
             "Ex-President Carter, the former U.S. president who won, met Britain's Prime Minister-designate\nMay."]
    for text in texts:
        for hi in range(len(text) + 1):
            lo = max(0, hi - 90)
            titles, countries = g.phrases.candidates(text[lo:hi], title_at_end=True)
            assert parts(g.before(text, lo, hi)) == parts(before_reference(titles, countries).search(text, lo, hi))
            end = M._APPOS_END.search(text, hi + 1, hi + M._APPOS_REACH)
            titles, countries = g.phrases.candidates(text[hi:end.start() if end else hi + M._APPOS_REACH])
            want = parts(appos_reference(titles, countries).match(text, hi)) if titles else None
            assert parts(g.appos(text, hi)) == want


def test_phrases_that_are_not_clean_take_the_pattern(kb: KnowledgeBase) -> None:
    """A phrase with a leading, trailing or double space or other white space is matched by the
    pattern built for the set (no KB phrase is; ``_Phrase`` would not match as it does)."""
    import dataclasses

    assert M._clean("Prime Minister") and M._clean("U.S.") and M._clean("Iran’s")
    assert not any(M._clean(p) for p in ("", " President", "President ", "Prime  Minister", "Prime\tMinister",
                                         "Prime\u00a0Minister"))
    g = M.gazetteer(kb)
    titles, countries = ("President ", "Prime  Minister", "President"), ("U.S.", " Iran")
    g2 = dataclasses.replace(g, phrases=M._PhraseIndex(titles, countries))
    for text in ("the U.S. President  Biden", "Prime  Minister Ali", ", the U.S. President  , said", ",  Iran President,"):
        for hi in range(len(text) + 1):
            t, c = g2.phrases.candidates(text[:hi], title_at_end=True)
            assert parts(g2.before(text, 0, hi)) == parts(before_reference(t, c).search(text, 0, hi))
            end = M._APPOS_END.search(text, hi + 1, hi + M._APPOS_REACH)
            t, c = g2.phrases.candidates(text[hi:end.start() if end else hi + M._APPOS_REACH])
            assert parts(g2.appos(text, hi)) == (parts(appos_reference(t, c).match(text, hi)) if t else None)


def test_letter_is_the_class() -> None:
    """``_letter`` is ``re``'s [^\\W\\d_] on every character."""
    chars = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    assert re.findall(r"[^\W\d_]", chars) == [c for c in chars if M._letter(c)]


@pytest.mark.parametrize("a", [chr(i) for i in range(128)])
def test_ascii_case_as_the_engine(a: str) -> None:
    """ASCII against ASCII, ``(?i)`` matches what ``str.lower`` makes equal (``_Phrase.fits``)."""
    pattern = re.compile("(?i)" + re.escape(a))
    assert [b for b in map(chr, range(128)) if pattern.fullmatch(b)] == \
        [b for b in map(chr, range(128)) if b.lower() == a.lower()]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcAB é'’-\n.x", max_size=30), st.text(alphabet="abé", min_size=1, max_size=3))
def test_words_written_alone_filed_at_once_are_those_found_one_by_one(text: str, word: str) -> None:
    """A long document's ``lower_word`` files every run of letters written alone in one pass
    (``_ALONE_RUN``) instead of searching for each word: the same answer as ``_written_alone``."""
    from linter.extract.mentions import _ALONE_RUN, _written_alone

    alone = frozenset(m.group() for m in _ALONE_RUN.finditer(text))
    assert (word in alone) == _written_alone(text, word)


def test_lower_word_answers_the_same_once_words_are_filed(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.extract import mentions as M

    text = ("The baker said bread was dear. Baker-Smith, the co-baker, spoke; cook's aide Cook left. "
            "A reagan-era law was cited by the mayor.")
    words = ["baker", "bread", "cook", "reagan", "mayor", "smith", "aide", "era", "dear", "nobody"]

    def answers(after: int) -> list[bool]:
        monkeypatch.setattr(M, "_INDEX_AFTER", after)
        doc = M._Doc.__new__(M._Doc)
        M._Doc.__init__(doc, None, None)  # type: ignore[arg-type]
        doc.sentences = [(0, text)]
        return [doc.lower_word(w) for w in words]

    # cook's: a possessive is written alone; reagan-era, -era, Baker-Smith: not
    assert answers(0) == answers(1_000_000) == [True, True, True, False, True, False, True, False, True, False]
