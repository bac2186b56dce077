"""Sourcing extractions of issue 14: which figures carry a claim (``linter.extract.claims``), the
document's genre (``linter.extract.genre``), sources that are not anonymous, and explained anonymity."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.api import lint_text
from linter.config import load_config
from linter.document import load_text
from linter.extract import genre
from linter.extract.attribution import ANONYMITY_EXPLAINED, sentence_cues
from linter.extract.claims import figure_claim
from linter.extract.figures import extract_figures
from linter.extract.genre import detect_genre, normalise_genre
from linter.yamlsrc import SourceError


class _Sentence:
    def __init__(self, text: str) -> None:
        self.text = text
        self.start = 0


def claims(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, figure_claim(f, text, 0, text)) for f in extract_figures(_Sentence(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unemployment rose to 7.2 percent in March.", [("7.2 percent", "share")]),
        ("The company agreed to buy a 25 pct stake in the bank.", [("25 pct", None)]),
        ("The Nasdaq rose 1.8% on Friday.", [("1.8%", None)]),
        ("At least 40 people were killed in the clashes.", [("40 people", "people")]),
        ("Protesters were mowed down in the tens of thousands.", [("in the tens of thousands", "people")]),
        ("He lives with his wife and five children.", [("five children", None)]),
        ("The program cost $40 billion last year.", [("$40 billion", "total")]),
        ("The asteroid could be worth $10 quintillion.", [("$10 quintillion", "total")]),
        ("Boeing won a $2 billion contract.", [("$2 billion", None)]),
        ("He will not testify about a $200K donation from a donor.", [("$200K", None)]),
        ("Shr loss 1.98 dlrs vs loss 5.24 dlrs", [("1.98 dlrs", None), ("5.24 dlrs", None)]),
    ],
)
def test_figure_claims(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert claims(text) == expected


def test_a_vague_count_broken_across_lines_is_a_claim() -> None:
    # hard-wrapped copy breaks "in the tens of thousands" where the line ends: the figure takes
    # any white space after "in", and so must the test that reads the people before it
    assert claims("Protesters were mowed down in\nthe tens of thousands.") == [
        ("in\nthe tens of thousands", "people")]


def test_genre_from_front_matter_configuration_and_cues() -> None:
    assert detect_genre("x", given={"genre": "Op-Ed"}).name == "opinion"
    assert detect_genre("x", given={"type": "transcript"}).source == "front matter 'type'"
    assert detect_genre("x", given={"genre": "poem"}, configured="press release").name == "press-release"
    assert normalise_genre("letter_to_the_editor") == "opinion" and normalise_genre(3) is None
    assert detect_genre("FOR IMMEDIATE RELEASE\n\nAcme launches a phone.").name == "press-release"
    speech = "Mr. Speaker, Mr. President, Members of the Congress:\n\nThe state of our union is strong."
    assert detect_genre(speech, paragraphs=[(0, 52), (54, len(speech))]).name == "speech"
    assert detect_genre("It rained.", title="Opinion | Why the rain matters").name == "opinion"
    wiki = "Paris is a city.[1] It is large.[2] It is old.[3]\n\nReferences\n"
    assert detect_genre(wiki).name == "encyclopedic"
    assert detect_genre("LONDON (Reuters) - The pound fell on Monday.") == detect_genre("The pound fell.")
    assert detect_genre("The pound fell.").source == "default"


def test_genre_first_person_voice_needs_length_and_rate() -> None:
    essay = " ".join(["We believe our city can do better, and you know it."] * 40)
    assert detect_genre(essay).name == "opinion"
    quoted = " ".join(['"We believe our city can do better, and you know it," she said.'] * 40)
    doc = load_text(quoted, "q.txt", kind="text")
    spans = [(q.start, q.end) for q in doc.quotes]
    assert detect_genre(doc.prose, quotes=spans).name == "news"  # the voice of those quoted is theirs
    assert detect_genre(" ".join(["We can do better."] * 10)).name == "news"  # too short to tell


def test_genre_voice_words_are_the_patterns() -> None:
    """In ASCII text, ``_VOICE_WORD`` matches exactly the runs of word characters that are one of
    ``_VOICE_WORDS`` (what ``_could_have_voice`` counts instead of searching)."""
    assert all(genre._VOICE_WORD.fullmatch(w.decode("ascii")) for w in genre._VOICE_WORDS)
    words = [w.decode("ascii") for w in genre._VOICE_WORDS] + ["Mine", "usual", "Ye", "US", "WE", "i", "_we", "we2"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice([" ", ", ", "-", "'", ".", ":", "", "_"]) for _ in range(12))
        tokens = text.encode("ascii").translate(genre._NOT_WORD).split()
        assert sum(map(genre._VOICE_WORDS.__contains__, tokens)) == len(genre._VOICE_WORD.findall(text)), text


def _kinds(text: str) -> list[str]:
    named, cues, _ = sentence_cues(text)
    return [c.kind for c in cues] + ["named"] * len(named)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The glitch mattered less for other phones, said Dana Ruiz of Consumer Reports.", ["named"]),
        ("The bank's chief executive, Maria Lopez, commented on the results.", ["named"]),
        ("A man was hurt in the blast, police said.", ["named"]),
        ("The Association of European Bond Dealers said it will join the system.", ["named"]),
        ("Readers have long been familiar with films based on novels.", []),
        ("Private exporters concluded sales of 80,000 tonnes of wheat.", []),
        ("Two police officers said the road was closed.", ["anonymous"]),
        ("People familiar with the talks said a deal was close.", ["anonymous"]),
        ("Investigators concluded that the fire was an accident.", ["anonymous"]),
        ("According to the hotel's general manager, Lee Tan, the chefs cook for guests.", ["named"]),
        ("According to two diplomats, Germany and France, the talks failed.", ["anonymous"]),
        ("Not all brokers agree on the need to limit trading hours.", []),
        ("The act of 2004 is most commonly called IDEA 2004.", []),
        ("Some historians suggested other causes (Moreno and Hale, 1987; Ito, 1994).", ["vague", "named"]),
        ("Some historians suggested other causes (March, 1987).", ["vague"]),
        ("The industry is an emblem of the national spirit,'' said Ann Lee, the governor.", ["named"]),
    ],
)
def test_sources_that_are_not_anonymous(text: str, expected: list[str]) -> None:
    assert _kinds(text) == expected


def test_anonymity_explained() -> None:
    assert ANONYMITY_EXPLAINED.search("said a diplomat who asked not to be identified")
    assert ANONYMITY_EXPLAINED.search("They spoke on condition of anonymity.")
    assert ANONYMITY_EXPLAINED.search("who was not authorized to speak publicly")
    assert not ANONYMITY_EXPLAINED.search("Two officials said the talks had stalled.")


def test_anonymous_sourcing_noted_once_per_article() -> None:
    text = ("Officials said the talks would resume.\n\nA diplomat, who asked not to be named, said so too.\n\n"
            "The vote is on Monday, analysts said.\n")
    found = [f for f in lint_text(text).findings if f.rule == "source/anonymous"]
    assert [(f.line, f.message.split(".")[0]) for f in found] == [
        (1, 'Anonymous sourcing: "Officials said" (and 1 more in the article)')]


def test_configured_genre_applies_where_front_matter_names_none(tmp_path: Path) -> None:
    cfg = tmp_path / "factlint.yaml"
    cfg.write_text("genre: opinion\n", encoding="utf-8")
    config = load_config(cfg)
    assert config.genre == "opinion"
    text = "It is widely believed that the plan will fail."
    assert [f.rule for f in lint_text(text).findings] == ["source/weasel"]
    assert lint_text(text, config=config).findings == []
    # the document's own front matter wins over the configuration
    news = "---\ngenre: news\n---\n" + text
    assert [f.rule for f in lint_text(news, config=config).findings] == ["source/weasel"]
    cfg.write_text("genre: poem\n", encoding="utf-8")
    with pytest.raises(SourceError, match="genre"):
        load_config(cfg)


@given(st.text(alphabet=st.sampled_from(list("aAbBzZ 1.,Ⅷé")), max_size=40))
def test_the_shouting_shortcut_counts_as_the_letters_do(text: str) -> None:
    """``claims._shouting`` (C loops for ASCII text) equals counting the letters one by one."""
    from linter.extract.claims import _shouting

    letters = [c for c in text if c.isalpha()]
    assert _shouting(text) == (len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters))


# The genre cues' literal pre-checks (linter.extract.genre): a text the pre-check turns away
# holds no match of the pattern, so the detected genre is the same as with the bare patterns.

_CUE_PIECES = ["FOR IMMEDIATE RELEASE", "PRESS  RELEASE", "Media contacts:", "Press inquiries :", "\n###\n",
               "/ PRNewswire /", "PR Newswire", "Business Wire", "GLOBE NEWSWIRE", "(Applause.)", "[ Laughter ]",
               "Mr. Speaker", "Madam Speaker", "Ladies and gentlemen", "My fellow Americans", "The views expressed",
               "is a columnist", "Letters to the Editor", "writes a weekly column", "[12]", "word.[3]",
               "This press release contains forward-looking", " the ", "\n", "said", "we ", "You ", "Press",
               "Investor inquiries:", "the opinions expressed", "is an editor", "writes a column", " ", "Letter to the editor"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=8).map("".join))
def test_genre_prechecks_never_turn_away_a_match(text: str) -> None:
    from linter.extract import genre as g

    for rx, words in ((g._PRESS, g._PRESS_WORDS), (g._SPEECH, g._SPEECH_WORDS), (g._OPINION, g._OPINION_WORDS)):
        if rx.search(text):
            assert g.contains_any(text, words), (rx.pattern, text)
    if g._CITATION_MARK.search(text):
        assert "[" in text
    for cues, rx, stop in ((g._PRESS_CUES, g._PRESS, g._PRESS_STOP), (g._OPINION_CUES, g._OPINION, g._OPINION_STOP)):
        for pattern, words in cues:  # each cue's own literals: what _search_cues leaves it out by
            if re.search(pattern, text, rx.flags):
                assert g.contains_any(text, words), (pattern, text)
        want, got = rx.search(text), g._search_cues(cues, rx.flags, text, stop)
        assert (want and (want.span(), want.group())) == (got and (got.span(), got.group())), (rx.pattern, text)


# The pieces around which the cues' runs end or go on: a stop character next to a cue, a word
# character or a digit against its \b, line breaks for ^ and $, two cues in one run, a literal
# in a run with no match and one in a run with a match after it.
_RUN_PIECES = [*_CUE_PIECES, ".", ",", "-", "/", ":", "#", "x", "2", "_", "é", "\u00a0", "(", "”", "is a ", "The views ",
               "editor", "Editor", "expressed", "columnist", "writes", "contacts", "Newswire", "Wire", "RELEASE", "##",
               "Media ", "a 2nd ", "weekly ", "column", "\n\n", "\t", "of the ", "to the "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=14).map("".join))
def test_cue_search_in_runs_finds_the_whole_patterns_match(text: str) -> None:
    """``_search_cues`` searches only the runs around the cues' literals: it finds the match
    (where, and what it holds) the alternation of every cue finds in the whole text."""
    from linter.extract import genre as g

    for cues, flags, stop in ((g._PRESS_CUES, re.MULTILINE, g._PRESS_STOP), (g._OPINION_CUES, 0, g._OPINION_STOP)):
        whole = re.compile("|".join(rx for rx, _ in cues), flags)
        want, got = whole.search(text), g._search_cues(cues, flags, text, stop)
        assert (want and (want.span(), want.group())) == (got and (got.span(), got.group())), (flags, text)


def test_each_genre_cue_is_still_found() -> None:
    from linter.extract.genre import detect_genre

    assert detect_genre("FOR IMMEDIATE RELEASE\n\nAcme today announced a product.").name == "press-release"
    assert detect_genre("Thank you. (Applause.) We will win.").name == "speech"
    assert detect_genre("The views expressed here are the author's own.").name == "opinion"
    assert detect_genre("Paris is a city.[1] It is large.[2] It is old.[3]\n\nReferences\n").name == "encyclopedic"
