"""Tests of the titled-mention extractor on the seed articles and on hand-made sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import SHARED_SEEDS as SEEDS

from linter.extract.mentions import Mention, extract_mentions
from linter.kb import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def one(text: str, kb: KnowledgeBase, **kw: object) -> list[Mention]:
    return extract_mentions([(0, text)], kb, **kw)  # type: ignore[arg-type]


def lines_of(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]


def seed(name: str) -> tuple[str, list[Mention]]:
    matches = sorted(SEEDS.glob(f"{name}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip(f"seed {name} not available")
    text = matches[0].read_text(encoding="utf-8")
    return text, extract_mentions(lines_of(text), load_kb())


def find(text: str, mentions: list[Mention], span: str) -> Mention:
    for m in mentions:
        if text[m.start : m.end] == span:
            return m
    raise AssertionError(f"{span!r} not found in {[text[m.start:m.end] for m in mentions]}")


def line_of(text: str, m: Mention) -> int:
    return text.count("\n", 0, m.start) + 1


# --- the seeds -----------------------------------------------------------------------------


def test_seed_000() -> None:
    text, ms = seed("000")
    m = find(text, ms, "former U.S. President Donald Trump")
    assert (line_of(text, m), m.modifier, m.person_id, m.office_id, m.form) == (
        1, "former", "donald-trump", "us.president", "title-name")
    assert (m.name, m.title) == ("Donald Trump", "U.S. President")
    assert text[m.title_start : m.title_end] == "U.S. President"  # type: ignore[misc]
    assert text[m.name_start : m.name_end] == "Donald Trump"
    m = find(text, ms, "Israeli Prime Minister Benjamin Netanyahu")
    assert (m.person_id, m.office_id, m.modifier) == ("benjamin-netanyahu", "il.prime-minister", None)
    m = find(text, ms, "Iranian President Masoud Pezeshkian")
    assert (m.person_id, m.office_id, m.modifier) == ("masoud-pezeshkian", "ir.president", None)
    m = find(text, ms, "Iranian Foreign Minister Abbas Araghchi")
    assert (m.person_id, m.office_id, m.modifier) == ("abbas-araghchi", "ir.foreign-minister", None)
    # "The Israeli Prime Minister's Office declined" names no person
    assert not [m for m in ms if "Office" in text[m.start : m.end]]
    # later bare surnames resolve to the people named in full
    later = [m for m in ms if m.form == "surname"]
    assert later and {m.person_id for m in later} == {"donald-trump", "benjamin-netanyahu"}
    assert not any(m.first_in_document for m in later)


def test_seed_001() -> None:
    text, ms = seed("001")
    m = find(text, ms, "Former US President Donald Trump")
    assert (m.modifier, m.person_id, m.office_id) == ("former", "donald-trump", "us.president")
    biden = [m for m in ms if m.person_id == "joe-biden"]
    assert biden and biden[0].name == "Biden"


def test_seed_004() -> None:
    text, ms = seed("004")
    expected = {
        "U.S. President Donald Trump": ("donald-trump", "us.president", None),
        "U.S. Secretary of State Marco Rubio": ("marco-rubio", "us.secretary-of-state", None),
        "former President Barack Obama": ("barack-obama", "us.president", "former"),
        "longtime Syrian President Bashar Assad": ("bashar-al-assad", "sy.president", "longtime"),
        "Venezuelan President Nicolás Maduro": ("nicolas-maduro", "ve.president", None),
        "Supreme Leader Ayatollah Ali Khamenei": ("ali-khamenei", "ir.supreme-leader", None),
    }
    for span, want in expected.items():
        m = find(text, ms, span)
        assert (m.person_id, m.office_id, m.modifier) == want, span
        assert m.form == "title-name"
    vance = [m for m in ms if m.person_id == "jd-vance"]
    assert vance[0].name == "Vance" and vance[0].form == "surname" and vance[0].first_in_document
    assert line_of(text, vance[0]) == 39
    assert text[vance[0].start : vance[0].end] == "Vance"
    # Khamenei's bare surname later on resolves to the Supreme Leader named on line 21
    assert all(m.person_id == "ali-khamenei" for m in ms if m.name == "Khamenei")
    assert find(text, ms, "Recep Tayyip Erdoğan").form == "full-name"


# --- patterns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "person", "office", "modifier", "form"),
    [
        ("Iran's Supreme Leader Ayatollah Ali Khamenei said.", "Iran's Supreme Leader Ayatollah Ali Khamenei",
         "ali-khamenei", "ir.supreme-leader", None, "title-name"),
        ("Vice President JD Vance spoke.", "Vice President JD Vance", "jd-vance", "us.vice-president", None, "title-name"),
        ("It was then-President Obama who", "then-President Obama", "barack-obama", "us.president", "then", "title-name"),
        ("Ex-President Carter flew in.", "Ex-President Carter", "jimmy-carter", "us.president", "ex", "title-name"),
        ("President-elect Joe Biden said", "President-elect Joe Biden", "joe-biden", "us.president", "elect", "title-name"),
        ("Trump, the former president, said", "Trump, the former president", "donald-trump", "us.president",
         "former", "appositive"),
        ("said former president Donald Trump.", "former president Donald Trump", "donald-trump", "us.president",
         "former", "title-name"),
        ("Israeli President Benjamin Netanyahu", "Israeli President Benjamin Netanyahu", "benjamin-netanyahu",
         "il.president", None, "title-name"),
        ("Israeli President Isaac Herzog", "Israeli President Isaac Herzog", "isaac-herzog", "il.president", None,
         "title-name"),
        ("Defense Secretary Pete Hegseth", "Defense Secretary Pete Hegseth", "pete-hegseth",
         "us.secretary-of-defense", None, "title-name"),
        ("Secretary of War Pete Hegseth", "Secretary of War Pete Hegseth", "pete-hegseth",
         "us.secretary-of-defense", None, "title-name"),
        ("Pope Leo XIV prayed.", "Pope Leo XIV", "leo-xiv", "va.pope", None, "title-name"),
        ("the late Pope Francis", "late Pope Francis", "pope-francis", "va.pope", "late", "title-name"),
        ("Crown Prince Mohammed bin Salman met", "Crown Prince Mohammed bin Salman", "mohammed-bin-salman",
         "sa.crown-prince", None, "title-name"),
        ("Vice President George Bush said", "Vice President George Bush", "george-hw-bush", "us.vice-president",
         None, "title-name"),
        ("Nicolas Maduro, without accents", "Nicolas Maduro", "nicolas-maduro", None, None, "full-name"),
        ("Russian Foreign Minister Sergei Lavrov", "Russian Foreign Minister Sergei Lavrov", "sergey-lavrov",
         "ru.foreign-minister", None, "title-name"),
    ],
)
def test_patterns(
    kb: KnowledgeBase, text: str, span: str, person: str, office: str | None, modifier: str | None, form: str
) -> None:
    ms = one(text, kb)
    m = find(text, ms, span)
    assert (m.person_id, m.office_id, m.modifier, m.form) == (person, office, modifier, form)


@pytest.mark.parametrize(
    ("text", "span", "office"),
    [
        ("He met the Netherlands’ Prime Minister Mark Rutte.", "Netherlands’ Prime Minister Mark Rutte",
         "nl.prime-minister"),
        ("He met the Philippines' President Rodrigo Duterte.", "Philippines' President Rodrigo Duterte",
         "ph.president"),
        # the country a title is written with decides its office, not the person's
        ("He met the Philippines’ President Joe Biden.", "Philippines’ President Joe Biden", "ph.president"),
    ],
)
def test_a_plural_possessive_country_in_a_run(kb: KnowledgeBase, text: str, span: str, office: str) -> None:
    # "Philippines’" is a possessive whose apostrophe is cut like "'s": the country look-up takes
    # the form "Philippines'" the KB lists (and the patterns before a run take), not "Philippines's"
    m = find(text, one(text, kb), span)
    assert (m.office_id, m.form, m.country is not None) == (office, "title-name", True)


@pytest.mark.parametrize(
    ("text", "span", "title"),
    [
        ("Aides to President-Elect Joe Biden Meet Trump Team", "President-Elect Joe Biden", "President"),
        ("Trump Meets With Prime Minister-Designate Keir Starmer", "Prime Minister-Designate Keir Starmer",
         "Prime Minister"),
    ],
)
def test_a_title_elect_in_title_case(kb: KnowledgeBase, text: str, span: str, title: str) -> None:
    # a headline capitalises "-Elect": the title in a run takes it as the patterns around a run
    # do (case-blind), not "-elect" alone
    m = find(text, one(text, kb), span)
    assert (m.title, m.modifier, m.person_id is not None, m.form) == (title, "elect", True, "title-name")


@pytest.mark.parametrize(
    ("text", "span", "title"),
    [
        ("Aides to president-elect Joe Biden met on Monday.", "president-elect Joe Biden", "president"),
        ("Aides to U.S. president-elect Joe Biden met on Monday.", "U.S. president-elect Joe Biden", "U.S. president"),
        ("Aides to prime minister-designate Keir Starmer met.", "prime minister-designate Keir Starmer", "prime minister"),
    ],
)
def test_a_lower_case_title_elect_before_a_name(kb: KnowledgeBase, text: str, span: str, title: str) -> None:
    # the title is written before the run, lower case, with "-elect": the look-up of what stands
    # before a run is made when the word before it can end a title, that word taken before "-elect"
    m = find(text, one(text, kb), span)
    assert (m.title, m.modifier, m.form) == (title, "elect", "title-name")


@pytest.mark.parametrize(
    "text",
    [
        "the president said on Monday.",
        "Americans celebrate President's Day in February.",
        "The Prime Minister's Office declined to comment.",
        "The Israeli Prime Minister’s Office declined to comment.",
        "In May 2018 the United States withdrew.",
        "WASHINGTON (Reuters) - The White House said.",
    ],
)
def test_no_person(kb: KnowledgeBase, text: str) -> None:
    assert one(text, kb) == []


def test_reuters_1987_reagan(kb: KnowledgeBase) -> None:
    text = "The Tower Commission report, which\nsays President Reagan was ignorant about much of the Iran arms deal"
    ms = one(text, kb, pub_date=date(1987, 2, 26))
    assert [(m.person_id, m.office_id, m.name, m.title) for m in ms] == [
        ("ronald-reagan", "us.president", "Reagan", "President")]


def test_bare_surname_needs_plausible_date(kb: KnowledgeBase) -> None:
    text = "Stoltenberg said the Bundesbank would act."
    assert [m.person_id for m in one(text, kb)] == ["jens-stoltenberg"]
    assert one(text, kb, pub_date=date(1987, 3, 1)) == []


def test_ambiguous_surname_needs_context(kb: KnowledgeBase) -> None:
    assert one("Bush said on Monday.", kb) == []
    ms = one("George W. Bush arrived. Later Bush said.", kb)
    assert [(m.person_id, m.form) for m in ms] == [("george-w-bush", "full-name"), ("george-w-bush", "surname")]
    assert [m.first_in_document for m in ms] == [True, False]


def test_absolute_offsets(kb: KnowledgeBase) -> None:
    sentence = "Iranian President Masoud Pezeshkian warned."
    ms = extract_mentions([(1000, sentence)], kb)
    assert len(ms) == 1
    m = ms[0]
    assert (m.start, m.end) == (1000, 1000 + sentence.index(" warned"))
    assert (m.name_start, m.title_start, m.title_end) == (1000 + 18, 1000, 1000 + 17)


def test_unknown_titled_person(kb: KnowledgeBase) -> None:
    ms = one("Bundesbank President Karl Otto Poehl said", kb)
    assert [(m.name, m.person_id, m.title) for m in ms] == [("Karl Otto Poehl", None, "President")]


# --- extraction mistakes that raised false alarms on newswire ---------------------------------


def by_name(ms: list[Mention], name: str) -> list[Mention]:
    return [m for m in ms if m.name == name]


def sents(text: str, kb: KnowledgeBase, **kw: object) -> list[Mention]:
    """Mentions of a text split into sentences at ". " (as the document reader does)."""
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^.?]+(?:[.?]|$)", text)]
    return extract_mentions([(start + len(t) - len(t.lstrip()), t.strip()) for start, t in parts], kb, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Bankers said the Baker Plan has fallen short of its goals.",
        "He told Fox News on Sunday that talks would resume.",
        "Guests at Trump Tower waited for an hour.",
        "He was an outspoken critic of the Reagan Administration on farm policy.",
    ],
)
def test_surname_inside_another_name(kb: KnowledgeBase, text: str) -> None:
    assert [m for m in one(text, kb) if m.person_id is not None] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Japan would support the issue of Reagan bonds in yen.", "Reagan"),
        ("The ruling came from the Reagan appointed majority on the court.", "Reagan"),
        ("Lobbyists said the Biden administration would decide soon.", "Biden"),
    ],
)
def test_attributive_surname(kb: KnowledgeBase, text: str, name: str) -> None:
    ms = by_name(one(text, kb, pub_date=date(2022, 3, 1) if name == "Biden" else date(1987, 3, 1)), name)
    assert len(ms) == 1 and ms[0].attributive and not ms[0].first_in_document


def test_attributive_mention_does_not_introduce(kb: KnowledgeBase) -> None:
    text = "The Biden administration weighed the plan. Biden said he would sign it."
    ms = sents(text, kb, pub_date=date(2022, 3, 1))
    assert [(m.attributive, m.first_in_document) for m in ms] == [(True, False), (False, True)]
    assert not one("Biden said he would sign it.", kb, pub_date=date(2022, 3, 1))[0].attributive


def test_other_person_with_kb_surname_blocks_bare_surname(kb: KnowledgeBase) -> None:
    text = ("Local winemaker Jean Macron met buyers on Monday. "
            "Macron, who replaced Donald Regan at the cooperative, said the talks went well.")
    ms = sents(text, kb, pub_date=date(2019, 3, 4))
    assert [(m.name, m.person_id) for m in ms if "Macron" in m.name] == [("Jean Macron", None), ("Macron", None)]
    assert [m.person_id for m in ms if m.name == "Donald Regan"] == ["donald-regan"]


def test_a_kb_person_named_in_full_then_by_surname(kb: KnowledgeBase) -> None:
    text = ("White House chief of staff Howard Baker met senators on Monday. "
            "Baker, who replaced Donald Regan, said the talks went well.")
    ms = sents(text, kb, pub_date=date(1987, 3, 4))
    assert [(m.name, m.person_id) for m in ms if "Baker" in m.name] == [
        ("Howard Baker", "howard-baker"), ("Baker", "howard-baker")]


def test_most_recent_full_name_wins(kb: KnowledgeBase) -> None:
    text = ("Former senator Howard Baker joined the staff. Treasury Secretary James Baker disagreed. "
            "Baker said the dollar had fallen enough.")
    ms = sents(text, kb, pub_date=date(1987, 3, 4))
    assert [m.person_id for m in ms if m.name == "Baker"] == ["james-baker"]


def test_relative_named_in_full(kb: KnowledgeBase) -> None:
    text = "The show will be hosted by Michael Reagan, son of President Reagan. Reagan was not there."
    ms = sents(text, kb, pub_date=date(1987, 3, 28))
    assert [(m.name, m.person_id) for m in ms] == [
        ("Michael Reagan", None), ("Reagan", "ronald-reagan"), ("Reagan", "ronald-reagan")]
    ms = one("Donald Trump Jr. said the family would appeal; Trump said so too.", kb, pub_date=date(2022, 1, 5))
    assert [(m.name, m.person_id) for m in ms] == [("Donald Trump Jr.", None), ("Trump", None)]


def test_surname_first_names(kb: KnowledgeBase) -> None:
    text = "The China Daily quoted Yang Jike, a provincial official. Yang said investment fell."
    ms = sents(text, kb, pub_date=date(1987, 3, 31))
    assert [(m.name, m.person_id) for m in ms] == [("Yang Jike", None), ("Yang", None)]


def test_given_name_before_kb_surname(kb: KnowledgeBase) -> None:
    ms = one("Australian Treasurer Paul Keating said growth would slow.", kb, pub_date=date(1987, 3, 1))
    assert [(m.name, m.person_id) for m in ms] == [("Paul Keating", "paul-keating")]
    ms = one("Soviet leader Mikhael Gorbachev said he was ready.", kb, pub_date=date(1987, 3, 1))
    assert [(m.person_id, m.office_id) for m in ms] == [("mikhail-gorbachev", "su.general-secretary")]
    ms = one("Senator Baker said he would vote against it.", kb, pub_date=date(1987, 3, 1))
    assert [m.person_id for m in ms] == [None]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ex-Harvard president Larry Summers said rates would rise.", "lawrence-summers"),
        ("Microsoft President Brad Smith said the deal was fair.", None),
        ("Bahrain's Crown Prince Salman bin Hamad Al Khalifa met the envoy.", "salman-bin-hamad-al-khalifa"),
        ("Deputy Prime Minister Jacques Chirac spoke first.", "jacques-chirac"),
        ("The Bundesbank President Karl Otto Poehl said rates would hold.", None),
    ],
)
def test_title_of_another_body(kb: KnowledgeBase, text: str, person: str | None) -> None:
    ms = [m for m in one(text, kb, pub_date=date(2015, 3, 1)) if m.title is not None]
    assert len(ms) == 1
    assert (ms[0].person_id, ms[0].office_id) == (person, None)


def test_party_before_title_keeps_office(kb: KnowledgeBase) -> None:
    ms = one("It was when former SPD Chancellor Helmut Schmidt led the country.", kb, pub_date=date(1987, 4, 27))
    assert [(m.person_id, m.office_id, m.modifier) for m in ms] == [("helmut-schmidt", "de.chancellor", "former")]


@pytest.mark.parametrize(
    "text",
    [
        "Sierra Leone's former vice-president Francis was detained on Monday.",
        "The visit was approved by President Philippe on Monday.",
        "CES President Philippe Neeser said the economy would slow.",
    ],
)
def test_lone_given_name_after_title(kb: KnowledgeBase, text: str) -> None:
    assert [m.person_id for m in one(text, kb, pub_date=date(1987, 5, 1))] == [None]


def test_surname_after_title_fits_the_era(kb: KnowledgeBase) -> None:
    ms = one("Vice President Bush said he would run.", kb, pub_date=date(1987, 5, 1))
    assert [(m.person_id, m.office_id) for m in ms] == [("george-hw-bush", "us.vice-president")]
    ms = one("The dollar recalled the troubles of President Carter.", kb, pub_date=date(1987, 5, 1))
    assert [(m.person_id, m.office_id) for m in ms] == [("jimmy-carter", "us.president")]


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("It was then-President Reagan who signed it.", "then"),
        ("President-elect Donald Trump named his team.", "elect"),
        ("Former (and perhaps future) President Donald Trump spoke.", "former"),
        ("At a stop, former U.S president Donald Trump said he liked it.", "former"),
    ],
)
def test_modifiers_kept(kb: KnowledgeBase, text: str, modifier: str) -> None:
    ms = [m for m in one(text, kb) if m.title is not None]
    assert [m.modifier for m in ms] == [modifier]


def test_common_word_opening_a_sentence_is_not_a_given_name(kb: KnowledgeBase) -> None:
    text = "Will Trump pick a running mate? Donald Trump said he would decide. Trump said so."
    ms = sents(text, kb, pub_date=date(2024, 7, 1))
    assert [m.person_id for m in ms if m.name == "Trump"] == ["donald-trump", "donald-trump"]


# The shortcuts (anchor words, first-word prefixes, the ASCII run regex) must not change any mention.

TRICKY = [
    "J. F. K. met Robert F. Kennedy and George H. W. Bush, and J.D. Vance met J. D. Vance and JD Vance.",
    "Ex-President Carter and then-President Reagan met President-elect Donald Trump and Donald J. Trump Jr.",
    "Iran's Supreme Leader Ali Khamenei met U.S. Secretary of State Antony Blinken and Iran’s president.",
    "Bashar al-Assad, the Syrian president, met Mohammed bin Salman and Crown Prince Salman bin Hamad Al Khalifa.",
    "The Securities and Exchange Commission, Fox News and the Baker Plan; Howard Baker said Baker's plan failed.",
    "Former U.S president Donald Trump, Chancellor Angela Merkel and Pope Francis spoke to Prime Minister May.",
    "Erdoğan’s aide and Netanyahu's envoy met President Emmanuel Macron and Présidente Sheinbaum.",
    "WASHINGTON (Reuters) - Treasury Secretary James Baker and Fed Chairman Paul Volcker met Sen. Robert Dole.",
    "U.S.-Japan talks: Vice-President Bush, ex-Soviet leader Gorbachev and A. Lincoln met the Reagan administration.",
    "Vice President Al Gore met Al Gore's aides; El Baradei and Sheikh Mohammed met Gore.",
]


def test_shortcuts_change_no_mention(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    import linter.extract.mentions as M

    g = M.gazetteer(kb)
    shouty = ["NOTE: FORMER PRESIDENT REAGAN, EX-PRESIDENT CARTER and EX-PM THATCHER met REAGAN'S aide. REUTER",
              "former President REAGAN met Prime Minister MAY and Ex-PM May; BAKER (Reuters) - Reagan, the president,"]
    docs = [[(0, t)] for t in [*TRICKY, *shouty]] + [[(i * 200, t) for i, t in enumerate(TRICKY)]]
    dates = (None, date(1987, 5, 1), date(2024, 7, 1))
    g.runs.clear()
    fast = [repr(extract_mentions(d, kb, pd)) for d in docs for pd in dates]
    # parse every run holding a gazetteer word, try every table at every word
    monkeypatch.setattr(M, "_worth_parsing", lambda g, run: any(M._gazetteer_word(g, w) for w in run.split()))
    monkeypatch.setattr(M, "_may_start", lambda tok, heads: True)
    g.runs.clear()
    try:
        assert [repr(extract_mentions(d, kb, pd)) for d in docs for pd in dates] == fast
    finally:
        g.runs.clear()


@pytest.mark.parametrize("word", ["J", "Vance", "JD", "O'Neill", "A1", "U", "x", "Al", "El", "McDonald's", "AL", "eL's",
                                  "Al'", "'El", "O'", "Jones'", "St.", "Dr.", "B52", "I", "Ab-Cd"])
def test_initial_flags_of_plain_words(kb: KnowledgeBase, word: str) -> None:
    """Words of ASCII letters and digits skip ``norm_name``'s probes: same answer."""
    import linter.extract.mentions as M
    from linter.kb import norm_name

    info = M._word(M.gazetteer(kb), word)
    key = norm_name(info.text)
    assert info.key == key
    assert bool(info.flags & M._W_ENDS_INITIAL) == (key != "" and norm_name(info.text + " x") == key + "x")
    assert bool(info.flags & M._W_STARTS_INITIAL) == (key != "" and norm_name("x " + info.text) == "x" + key)


def test_phrase_candidates_as_by_every_phrase(kb: KnowledgeBase) -> None:
    """``_PhraseIndex.candidates`` lists a country form under one of its runs: the same phrases as
    asking every phrase whether all its runs are in the window (and a title where it ends)."""
    import linter.extract.mentions as M

    index = M.gazetteer(kb).phrases
    runs_of = {p: set(M._LETTERS.findall(p.lower())) for p in (*index.titles, *index.countries)}
    texts = [*TRICKY, "the U.S. and the United Kingdom's and Iran's and the WHO's chief, the president-elect"]
    for text in texts:
        for lo in range(0, len(text), 7):
            for hi in range(lo + 1, min(len(text), lo + 90) + 1, 5):
                window = text[lo:hi]
                runs = M._LETTERS.findall(window.lower())
                present = set(runs)
                ends = set(runs[-1:]) | (set(runs[-2:-1]) if runs[-1:] in (["elect"], ["designate"]) else set())
                for at_end in (False, True):
                    titles = sorted(
                        t for t in index.titles if runs_of[t] <= present
                        and (not at_end or not runs_of[t] or M._LETTERS.findall(t.lower())[-1] in ends))
                    countries = sorted(c for c in index.countries if runs_of[c] <= present)
                    assert index.candidates(window, title_at_end=at_end) == (tuple(titles), tuple(countries))


def test_ascii_runs_are_the_same_runs() -> None:
    import linter.extract.mentions as M

    texts = [*TRICKY, "'Reagan .Reagan x-Reagan 5Reagan Ab-Cd5 U.S.-B52 of the Of The Al-Sabah von der Leyen",
             "Mr. and Mrs. Smith\nof\tthe  House of the People\u00a0Bank met O'Neill's aide, McDONALD."]
    for text in texts:
        if text.isascii():
            assert [m.span() for m in M._ASCII_RUN_RE.finditer(text)] == [m.span() for m in M._RUN_RE.finditer(text)]


def test_initials_joined_across_words_still_match(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key made of initials only ("bj" for "B. J.") has no anchor word in "B. J. said": the run
    is parsed because initials join across its words."""
    import dataclasses

    import linter.extract.mentions as M

    g = M.gazetteer(kb)
    names = {**g.names, "bj": ["boris-johnson"]}
    g2 = dataclasses.replace(g, names=names, anchors=g.anchors | {"bj"}, name_heads=M._heads(names),
                             quick={}, runs={}, interesting_words={})
    monkeypatch.setitem(kb._derived, M._build_gazetteer, g2)
    for text in ("Britain's B. J. said no.", "Britain's B.\nJ. said no.", "Britain's B. Al J. said no."):
        ms = one(text, kb)
        assert [(m.name, m.person_id) for m in ms] == [(text[10:-9], "boris-johnson")], text


def test_plain_word_keys_are_norm_name(kb: KnowledgeBase) -> None:
    """``_word`` keys a word of ASCII letters, digits and apostrophes without ``norm_name``: the
    same key."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import linter.extract.mentions as M
    from linter.kb import norm_name

    g = M.gazetteer(kb)
    pieces = ["a", "A", "l", "L", "e", "E", "s", "S", "x", "Z", "1", "'", "’", ".", "-", "al", "El", "aL", "Jr", "Dr",
              "Mc", "o", "é", "'s", "s'"]

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(pieces), min_size=1, max_size=6).map("".join))
    def check(word: str) -> None:
        info = M._word(g, word)
        assert info.key == norm_name(info.text)

    check()


def test_flat_modifier_alternation_as_the_prefix_tree() -> None:
    """The modifiers' plain alternation matches as the prefix tree it replaced, alone and inside
    the patterns around a run (no modifier is a prefix of another)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import linter.extract.mentions as M

    words = [w.lower() for w in M._MODIFIER_WORDS]
    assert not any(a != b and b.startswith(a) for a in words for b in words)
    tree = M._re_alt(M._MODIFIER_WORDS)
    plain, flat = re.compile(rf"(?i)(?:{tree})"), re.compile(rf"(?i)(?:{M._MOD_ALT})")
    titles, countries = ("President", "Prime Minister", "president-elect", "Supreme Leader"), ("U.S.", "Iran's", "French")
    pairs = []
    for new in (M._before_re(titles, countries), M._before_re(titles, ()), M._before_re((), ()),
                M._appos_re(titles, countries), M._appos_re(titles, ())):
        assert M._MOD_ALT in new.pattern
        pairs.append((re.compile(new.pattern.replace(M._MOD_ALT, tree)), new))
    pieces = [*M._MODIFIER_WORDS, "Former", "EX", "ex-", "then-", "long", "time", "one", "-", " ", "  ", "\n", ",",
              "the", "a", "President", "prime minister", "Prime Minister", "U.S.", "Iran's", "French", "elect",
              "-elect", "x", "Ex", "formerly", "late", "latest", "of", "who", ".", "ſ", "K"]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12).map("".join))
    def check(text: str) -> None:
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), flat.match(text, pos)
            assert (a and a.span()) == (b and b.span())
            for old, new in pairs:
                a, b = old.search(text, pos), new.search(text, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
                a, b = old.search(text, 0, pos), new.search(text, 0, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
                a, b = old.match(text, pos), new.match(text, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))

    check()


def test_written_alone_as_the_pattern() -> None:
    """``_written_alone`` answers as the pattern ``_Doc.lower_word`` compiled for each word."""
    import regex
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import linter.extract.mentions as M

    pieces = ["will", "Will", "wil", "l", "w", "i", " ", "\n", "-", "'", "’", "é", "x", "5", "_", ".", "ſ", "ǅ", "ß"]
    text_st = st.lists(st.sampled_from(pieces), max_size=14).map("".join)

    @settings(max_examples=500, deadline=None)
    @given(text_st, st.sampled_from(["will", "wil", "l", "i", "é", "ß", "ǅ", "illw"]))
    def check(text: str, word: str) -> None:
        want = regex.search(rf"(?<![\p{{L}}'’\-]){word}(?![\p{{L}}\-])", text) is not None
        assert M._written_alone(text, word) == want

    check()


def test_kept_plans_change_no_mention(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run's ``_Plan`` (its tokens and what the look-ups found at each), kept from other
    sentences and documents at other offsets, gives the mentions a fresh plan gives."""
    import linter.extract.mentions as M

    g = M.gazetteer(kb)
    repeated = ["Ex-President Carter met Ex-President Carter; then-President Reagan and President Reagan met Reagan.",
                "President Reagan said. Ex-President Carter, the former president, and Reagan's aide met Carter."]
    docs = [[(0, t)] for t in [*TRICKY, *repeated]] + [[(i * 137 + 5, t) for i, t in enumerate([*repeated, *TRICKY])]]
    dates = (None, date(1987, 5, 1), date(2024, 7, 1))
    g.runs.clear()
    kept = [repr(extract_mentions(d, kb, pd)) for d in docs for pd in dates]
    assert any(isinstance(p, M._Plan) for p in g.runs.values())
    parse = M._parse_run
    monkeypatch.setattr(M, "_parse_run", lambda *args: parse(*args[:8]))  # a fresh plan for every run
    try:
        assert [repr(extract_mentions(d, kb, pd)) for d in docs for pd in dates] == kept
    finally:
        g.runs.clear()


def test_offices_and_persons_as_by_their_terms(kb: KnowledgeBase) -> None:
    """``_resolve_office`` and ``_title_persons`` read remembered offices (``Gazetteer.offices_in``)
    and persons' offices (``Gazetteer.held``): the answers of the plain forms over the KB's terms."""
    from collections import Counter

    import linter.extract.mentions as M

    g = M.gazetteer(kb)

    def plain_resolve(title_key: str, country: str | None, pid: str | None) -> tuple[str | None, str | None]:
        cands = [o for o in g.offices(kb, title_key) if M._in_country(o, country)]
        if not cands:
            return None, None
        shared = country is not None and "|" in country
        how = "country" if country is not None and not shared else "title" if len(cands) == 1 else "person"
        if pid is None:
            return (cands[0].id, how) if len(cands) == 1 else (None, None)
        held = {t.office for t in kb.people[pid].terms}
        mine = [o for o in cands if o.id in held]
        if len(mine) == 1:
            return mine[0].id, how if len(cands) == 1 else "person"
        if len(mine) > 1:
            return None, None
        home = {kb.offices[o].country for o in held if o in kb.offices}
        if len(cands) == 1:
            only = cands[0]
            return (only.id, how) if country is not None or not home or only.country in home else (None, None)
        local = [o for o in cands if o.country in home]
        if len(local) > 1:
            weight = Counter(kb.offices[t.office].country for t in kb.people[pid].terms if t.office in kb.offices)
            local.sort(key=lambda o: -weight[o.country])
            if weight[local[0].country] == weight[local[1].country]:
                return None, None
        return (local[0].id, "person") if local else (None, None)

    people = sorted(kb.people)[::7][:300] + ["donald-trump", "emmanuel-macron", "ronald-reagan"]
    people = [p for p in people if p in kb.people]
    titles = sorted(g.titles)[::5][:60] + ["president", "prime minister", "secretary of state", "chancellor"]
    countries = [None, "US", "FR", "IL", "CD|CG", "ZZ"]
    checked = 0
    for title_key in titles:
        for country in countries:
            offices = [o for o in g.offices(kb, title_key) if M._in_country(o, country)]
            wanted = frozenset(o.id for o in offices)
            assert M._title_persons(kb, g, people, g.offices_in(kb, title_key, country).ids) == \
                [p for p in people if any(t.office in wanted for t in kb.people[p].terms)]
            for pid in [None, *people]:
                assert M._resolve_office(kb, g, title_key, country, pid) == plain_resolve(title_key, country, pid)
                checked += 1
    assert checked > 10_000


def test_remembered_keys_as_by_the_names(kb: KnowledgeBase) -> None:
    """``_Doc.remember`` sets the keys ``Gazetteer.recent_keys`` keeps: the surname's and each
    name's last word, as the plain loop over the person's names does."""
    import linter.extract.mentions as M
    from linter.kb import norm_name

    g = M.gazetteer(kb)
    for pid in sorted(kb.people)[::3][:2000]:
        p = kb.people[pid]
        plain: dict[str, str] = {norm_name(p.surname): pid}
        for n in p.names:
            toks = norm_name(n).split()
            if toks:
                plain[toks[-1]] = pid
        doc = M._Doc(kb, g)
        doc.remember(pid)
        assert doc.recent == plain and list(doc.recent) == list(plain)


#: ``_ASCII_RUN_RE`` as it was written before its repeats were made possessive
_PLAIN_ASCII_TAIL = r"[A-Za-z0-9']*(?:[.\-][A-Za-z][A-Za-z']*)*\.?"


def test_possessive_ascii_runs_as_the_plain_pattern() -> None:
    """The possessive ``_ASCII_RUN_RE`` finds the runs the plain pattern finds."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import linter.extract.mentions as M

    plain = re.compile(rf"[A-Z](?<![A-Za-z0-9'.].){_PLAIN_ASCII_TAIL}"
                       rf"(?:{M._WS}(?:of{M._WS}(?:the{M._WS})?)?(?:{M._PARTICLES}(?:{M._WS}|-))*[A-Z]{_PLAIN_ASCII_TAIL})*")
    pieces = ["Reagan", "Al", "A", "U.S.", "B52", "O'Neill", "of", "the", "The", "Of", "de", "der", "den", "dos", "do",
              "bin", "bint", "la", "La", "von", "van", "al", "el", "x", "ab", " ", "  ", "\t", "\n", "\n\n", "\u00a0",
              "-", ".", "'", ",", "(", "5", "Jr.", "McDONALD", "s", "ter", "th", "ofx"]
    texts = [*TRICKY, "'Reagan .Reagan x-Reagan 5Reagan Ab-Cd5 U.S.-B52 of the Of The Al-Sabah von der Leyen",
             "Mr. and Mrs. Smith\nof\tthe  House of the People\u00a0Bank met O'Neill's aide, McDONALD.",
             "Mohammed bin-Salman, Ana dos Santos, Luiz do Lula, Bank of the people, Queen of thee, Ursula von der-Leyen"]
    for text in texts:
        assert [m.span() for m in M._ASCII_RUN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=14).map("".join))
    def check(text: str) -> None:
        assert [m.span() for m in M._ASCII_RUN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]

    check()
