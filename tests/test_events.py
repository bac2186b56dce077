"""KB event mentions (linter.extract.events) in every form, and the date/event-mismatch and
date/edition-mismatch rules."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.dates import extract_dates
from linter.extract.events import (
    EventMention,
    dated_mentions,
    event_gazetteer,
    event_span,
    extract_events,
)
from linter.extractions import Analysis
from linter.kb import Event, KbError, load_kb
from linter.rules import load_rules

KB = load_kb()
RULES = load_rules()
ENGINE = Engine(RULES, Selection(select=["date/event-mismatch", "date/edition-mismatch"]))
PUB = datetime.date(2026, 2, 12)


def mentions(text: str, pub: datetime.date | None = PUB) -> list[EventMention]:
    doc = load_text(text, "x.txt", date=pub)
    sents = [(s.start, s.text) for s in doc.sentences]
    dates = [d for s in doc.sentences for d in extract_dates(s.text, s.start, doc.pub_date, [])]
    return extract_events(sents, dates, KB, doc.pub_date)


def events(text: str) -> list[tuple[str, str, str, bool]]:
    return [(e.text, e.event_id, e.form, e.contradicts) for e in mentions(text)]


def findings(text: str, pub: datetime.date | None = PUB) -> list[tuple[str, str, str]]:
    out = ENGINE.lint(load_text(text, "x.txt", date=pub)).findings
    return [(f.severity.name, f.rule, f.message) for f in out]


@pytest.mark.parametrize(("text", "expected"), [
    ("The October 7, 2022 attack killed 1,200 people.", ("October 7, 2022 attack", "oct7-attack", "date-head", True)),
    ("The 9/11 attacks of 2002 changed everything.", ("9/11 attacks of 2002", "sept11-attacks", "dated-name", True)),
    ("The Jan. 6, 2022 riot at the Capitol was investigated.",
     ("Jan. 6, 2022 riot", "jan6-capitol-attack", "date-head", True)),
    ("He recalled the attack on October 7, 2022.", ("attack on October 7, 2022", "oct7-attack", "head-on-date", True)),
    ("The October 7, 2023 attack killed 1,200.", ("October 7, 2023 attack", "oct7-attack", "date-head", False)),
    ("The Oct. 7 attack shocked Israel.", ("Oct. 7 attack", "oct7-attack", "date-head", False)),
    ("Trump withdrew from the JCPOA in 2018.", ("JCPOA", "jcpoa-signing", "name", False)),
    ("This comes after a twelve-day conflict with Iran.", ("twelve-day conflict", "twelve-day-war", "name", False)),
    ("The Twelve-Day War in June 2025 ended in a ceasefire.",
     ("Twelve-Day War in June 2025", "twelve-day-war", "name-date", False)),
    # alternative names, a year before the name, "of" and "in" after it
    ("The Belfast Agreement ended three decades of violence.",
     ("Belfast Agreement", "good-friday-agreement", "name", False)),
    ("The Troubles ended in 1998.", ("The Troubles", "the-troubles", "name", False)),
    ("The 1999 Good Friday Agreement ended it.", ("1999 Good Friday Agreement", "good-friday-agreement", "dated-name", True)),
    ("It changed after the fall of the Berlin Wall in November 1991.",
     ("fall of the Berlin Wall in November 1991", "fall-of-the-berlin-wall", "name-date", True)),
    ("The Berlin Wall fell in November 1989.",
     ("Berlin Wall fell in November 1989", "fall-of-the-berlin-wall", "name-date", False)),
    ("Banks failed after the 2008 collapse of Lehman Brothers in September 2009.",
     ("2008 collapse of Lehman Brothers in September 2009", "lehman-bankruptcy", "name-date", True)),
    ("Scots voted in the Scottish independence referendum of September 2015.",
     ("Scottish independence referendum of September 2015", "scottish-independence-referendum-2014", "dated-name",
      True)),
    # a year inside the name picks the edition and is never a contradiction
    ("The 2014 Scottish referendum was close.",
     ("2014 Scottish referendum", "scottish-independence-referendum-2014", "name", False)),
    ("The 2020 Tokyo Olympics were held in 2021.", ("2020 Tokyo Olympics", "summer-olympics-2020", "name", False)),
    ("Tokyo 2020 was held without spectators.", ("Tokyo 2020", "summer-olympics-2020", "name", False)),
    # a series: a place of other editions, a year of none
    ("She won gold at the 2016 Tokyo Olympics.", ("2016 Tokyo Olympics", "summer-olympics-2020", "series-name", True)),
    ("She won gold at the 2016 Olympics in Tokyo.",
     ("2016 Olympics in Tokyo", "summer-olympics-2020", "series-place", True)),
    ("Turnout was high in the 2018 U.S. presidential election.",
     ("2018 U.S. presidential election", "us-presidential-election-2016", "series-name", True)),
    ("She won silver at the Rio Olympics in 2012.", ("Rio Olympics in 2012", "summer-olympics-2016", "name-date", True)),
    # ordinal editions
    ("She won gold at the 31st Olympic Games in 2024.",
     ("31st Olympic Games in 2024", "summer-olympics-2024", "edition", False)),
    ("He retired after the 33rd Olympic Games in 2023.",
     ("33rd Olympic Games in 2023", "summer-olympics-2024", "edition", True)),
    # descriptive forms beside the event's place
    ("Northern Ireland has been at peace since the April 1999 peace deal.",
     ("April 1999 peace deal", "good-friday-agreement", "descriptive", True)),
    ("Northern Ireland has been at peace since the April 1998 peace deal.",
     ("April 1998 peace deal", "good-friday-agreement", "descriptive", False)),
])
def test_event_mentions(text: str, expected: tuple[str, str, str, bool]) -> None:
    assert events(text) == [expected]


@pytest.mark.parametrize("text", [
    "On October 7, 2022, markets rallied after an attack on the currency.",
    "The jcpoa clause was odd.",
    "The 2015 Scottish referendum was close.",  # "Scottish referendum" also names 1979 and 1997
    "Scotland rejected devolution in the 1979 Scottish devolution referendum.",
    "The 2019 World Cup was won by England.",  # cricket, rugby: a series' name with no place
    "The 2009 G20 summit was held in April.",  # two summits that year
    "Weiss shot a film in Paris 1960 with Barbro Boman.",  # a place and a year, no series
    "The 1999 peace deal in Sierra Leone collapsed within a year.",
    "Elections were held in the June 2017 vote across Britain.",
    "Britain held a general election in June 2017.",
])
def test_no_event(text: str) -> None:
    assert [m for m in mentions(text) if m.contradicts or m.form != "name"] == []



@pytest.mark.parametrize("gap", ["\n", "  ", " \n"])
def test_an_edition_whose_name_breaks_across_lines_is_read(gap: str) -> None:
    # hard-wrapped copy breaks "Olympic Games" where the line ends: the head pattern takes any
    # white space, and so must the test of whether the document may name an edition at all
    text = ("    The athlete, who competed for the national team for more than\n"
            f"a decade, retired after the 33rd Olympic{gap}Games in 2023, his coach said\n"
            "on Monday in a statement released by the federation in the capital\n"
            "city on a cold and windy afternoon at the end of the long season.\n"
            "    He will now coach the junior team, which has struggled in recent\n"
            "international competitions abroad and at home, officials said.\n")
    assert events(text) == [(f"33rd Olympic{gap}Games in 2023", "summer-olympics-2024", "edition", True)]

@pytest.mark.parametrize("text", [
    "Troops invaded Iraq after the 9/11 attacks in 2003.",  # the year dates the invasion
    "Families of the victims of the 9/11 attacks in September 2002 sued the airlines.",
    "Germans marked the fall of the Berlin Wall in November 2019 with a concert.",
    "Ceremonies were held a year after the 9/11 attacks in September 2002.",
    "She trained for the 2016 Olympics in London.",  # where she trained
    "Trump withdrew from the JCPOA in 2018.",  # a treaty: the year dates the withdrawal
    "The Iran-Iraq war in September 1987 turned against Iran.",  # a war: the month is within it
])
def test_a_date_beside_the_name_that_is_not_its_own(text: str) -> None:
    assert [m.text for m in mentions(text) if m.contradicts] == []


def test_acronym_needs_capitals_and_plain_dates_are_not_events() -> None:
    assert events("The jcpoa clause was odd.") == []
    # a name the KB writes with capitals, in lower case, is a common noun
    assert events("He spoke of the troubles at the bank in 1975.") == []
    assert events("The Belfast Agreement ended the Troubles.")[1][:2] == ("the Troubles", "the-troubles")
    assert events("On October 7, 2022, markets rallied after an attack on the currency.") == []


def test_an_event_after_publication_is_another_unless_scheduled() -> None:
    """In 1987 "the Gulf war" was the Iran-Iraq war; "the 1988 Olympics" was ahead."""
    pub = datetime.date(1987, 9, 1)
    assert mentions("Jets struck tankers in the Gulf war in August 1987.", pub) == []
    # "1988 Olympics" names Calgary's and Seoul's Games; Seoul in the sentence picks one
    assert [(m.event_id, m.form) for m in mentions("Seoul is getting ready for the 1988 Olympics.", pub)] == [
        ("summer-olympics-1988", "descriptive")]
    assert [m.event_id for m in mentions("Everyone is getting ready for the 1988 Olympics.", pub)] == []
    assert [m.event_id for m in mentions("Seoul is getting ready for the 1988 Seoul Olympics.", pub)] == [
        "summer-olympics-1988"]
    assert [m.event_id for m in mentions("The Gulf War began in 1990.")] == ["gulf-war"]


def test_date_parts_as_written() -> None:
    m, = mentions("The Berlin Wall fell on Nov. 9, 1988, and crowds poured west.")
    assert (m.year, m.month, m.day, m.year_explicit, m.in_name) == (1988, 11, 9, True, False)
    assert (m.date_earliest, m.date_latest) == (datetime.date(1988, 11, 9), datetime.date(1988, 11, 9))
    m, = mentions("The 2020 Tokyo Olympics were held in 2021.")
    assert (m.year, m.month, m.day, m.in_name, m.date_text) == (2020, None, None, True, "2020")


def test_dated_mentions_groups_one_event_dated_two_ways() -> None:
    """What date/inconsistent compares: the mentions that state a date, by event, headline included."""
    text = ("Ulster marks 25 years since the 1998 Good Friday Agreement\n\n"
            "The Belfast Agreement of 1999 ended three decades of violence. The Good Friday Agreement is "
            "still in force. The fall of the Berlin Wall came later.")
    a = Analysis(load_text(text, "x.txt", date=PUB), KB)
    groups = dated_mentions(a.events)
    assert list(groups) == ["good-friday-agreement"]
    assert [(m.date_text, m.year, m.contradicts) for m in groups["good-friday-agreement"]] == [
        ("1998", 1998, False), ("1999", 1999, True)]


def test_severity_by_certainty_and_messages() -> None:
    assert findings("Israel has been at war since the October 7, 2022 attack.") == [
        ("ERROR", "date/event-mismatch",
         '"October 7, 2022 attack": the October 7 attack was on 2023-10-07, not October 7, 2022.')]
    assert findings("Officials recalled the attack on October 7, 2022.")[0][0] == "WARNING"
    assert findings("She won gold at the 2016 Tokyo Olympics.") == [
        ("ERROR", "date/event-mismatch",
         '"2016 Tokyo Olympics": the 2020 Summer Olympics in Tokyo was from 2021-07-23 to 2021-08-08, not 2016; '
         "2016 was the year of the 2016 Summer Olympics, in Rio de Janeiro.")]
    assert findings("She won gold at the 2016 Olympics in Tokyo.")[0][0] == "WARNING"
    assert findings("Turnout was high in the 2018 U.S. presidential election.") == [
        ("ERROR", "date/event-mismatch",
         '"2018 U.S. presidential election": the 2016 United States presidential election was on 2016-11-08, '
         "not 2018; 2018 was the year of the 2018 United States midterm elections.")]
    assert findings("She won gold at the 31st Olympic Games in 2024.") == [
        ("WARNING", "date/edition-mismatch",
         '"31st Olympic Games in 2024": the 2024 Summer Olympics was the 33rd (or 30th) edition, not the 31st; '
         "the 31st was the 2016 Summer Olympics, in Rio de Janeiro.")]
    assert findings("Northern Ireland has been at peace since the April 1999 peace deal.") == [
        ("WARNING", "date/event-mismatch",
         '"April 1999 peace deal": the Good Friday Agreement was on 1998-04-10, not April 1999.')]
    assert findings("Israel has been at war since the October 7, 2023 attack.") == []


def test_gazetteer_is_built_once() -> None:
    assert event_gazetteer(KB) is event_gazetteer(KB)


def test_span_follows_precision() -> None:
    ev = Event("x", "X", datetime.date(2008, 9, 1), precision="month")
    assert event_span(ev) == (datetime.date(2008, 9, 1), datetime.date(2008, 9, 30))
    ev = Event("x", "X", datetime.date(1968, 1, 1), end=datetime.date(1998, 4, 10), precision="year")
    assert event_span(ev) == (datetime.date(1968, 1, 1), datetime.date(1998, 12, 31))


# -- the KB's series, checked against the extractor -------------------------------------------

NUMBERED = sorted({e.series for e in KB.events if e.edition and e.series})
_YEARS = re.compile(r"(?<![\w/-])(?:19|20)\d\d(?![\w/]|-\d)")


def test_numbered_series_are_numbered_without_gaps() -> None:
    g = event_gazetteer(KB)
    assert {"summer-olympics", "winter-olympics", "fifa-world-cup", "us-presidential-election", "g20-summit"} <= set(
        g.complete)
    assert g.complete["summer-olympics"] == (1948, 2024)
    games = {e.date.year: e.edition for e in KB.events if e.series == "summer-olympics"}
    assert games[2024] == (33, 30) and games[2016] == (31, 28) and games[1948] == (14, 11)


@given(st.sampled_from([e for e in KB.events if e.edition and e.series]), st.integers(1, 5))
def test_an_ordinal_and_year_from_the_kb_pass_and_a_wrong_one_fails(ev: Event, shift: int) -> None:
    g = event_gazetteer(KB)
    # a head of this series alone: "the 5th Olympic Games in 1948" is Summer or Winter
    heads = [h for h, sids in g.ordinal_heads.items() if sids == [ev.series]]
    if not heads:
        return
    year = ev.date.year
    if len([x for x in g.series[ev.series or ""] if year in g.years[x.id]]) != 1:
        return
    right = f"They met at the {_ord(ev.edition[0])} {heads[0]} in {year}."
    assert [m.edition_mismatch for m in mentions(right) if m.form == "edition"] == [False]
    wrong = f"They met at the {_ord(ev.edition[0] + shift)} {heads[0]} in {year}."
    if ev.edition[0] + shift not in ev.edition:
        assert [m.edition_mismatch for m in mentions(wrong) if m.form == "edition"] == [True]


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@pytest.mark.parametrize("ev", [e for e in KB.events if any(_YEARS.search(p) for p in (e.name, *e.phrases))],
                         ids=lambda e: e.id)
def test_every_phrase_with_its_year_is_its_event_and_agrees(ev: Event) -> None:
    """A phrase of the KB written as it stands names its event (or is shared and names none) and
    never contradicts it: the year in a name is the name's."""
    for phrase in (ev.name, *ev.phrases):
        if not _YEARS.search(phrase):
            continue
        found = [m for m in mentions(f"Officials spoke about the {phrase} at length.", None)
                 if m.event_id == ev.id]
        assert not any(m.contradicts for m in found), phrase


def test_kb_edition_must_be_numbers(tmp_path: Path) -> None:
    bad = tmp_path / "events.yaml"
    bad.write_text("- {id: x-games, name: X Games 2001, date: 2001-05-01, edition: first, source: MEM}\n")
    with pytest.raises(KbError):
        load_kb(extra=[bad])
    good = tmp_path / "mine.yaml"
    good.write_text("events:\n  - {id: y-games, name: Y Games 2001, date: 2001-05-01, edition: [3, 2], "
                    "places: [Tarrow], series: y-games, source: MEM}\n")
    ev = next(e for e in load_kb(extra=[good]).events if e.id == "y-games")
    assert (ev.edition, ev.places, ev.series) == ((3, 2), ("Tarrow",), "y-games")


_G = event_gazetteer(KB)
_KEYS = sorted(k for rows in _G.by_anchor.values() for k, _ in rows)


@given(st.lists(st.one_of(st.sampled_from(_KEYS), st.sampled_from(["the", "in", "1987", "2019", "0000", "war",
                                                                   "19999", "x1990", ",", "Olympics", "é"]),
                          st.integers(1890, 2030).map(str)), max_size=12),
       st.lists(st.integers(0, 11), max_size=3))
def test_document_runs_and_keys(pieces: list[str], cuts: list[int]) -> None:
    # the document's keys as _runs and literal_runs give them; each sentence's keys as literal_keys does
    from linter.extract import events as E
    from linter.fold import ascii_fold

    words = [p.replace("0000", "1999") if i % 3 == 0 else p for i, p in enumerate(pieces)]
    sentences = [" ".join(words[a:b]) for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(words)], strict=True)]
    folded = ascii_fold("\n".join(sentences))
    doc_runs, doc_keys = E._doc_runs_keys(folded, _G)
    assert doc_keys == _G.literal_runs(E._runs(folded))
    index = E._KeysByRun(doc_keys)  # the keys filed by run, as a long document has them
    for text in sentences:
        assert E._sentence_keys(text, doc_runs, doc_keys, _G) == _G.literal_keys(ascii_fold(text))
        assert E._sentence_keys(text, doc_runs, doc_keys, _G, index) == _G.literal_keys(ascii_fold(text))
