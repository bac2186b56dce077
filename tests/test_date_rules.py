"""The tense rules of "Dates against the publication date": future-tense-past, past-tense-future,
relative-mismatch; the extractor relations they read (speech time, restatements, the other
reading of "last Friday"); the seed assertions of EXPECTED.md; the corpus alarm rate."""

from __future__ import annotations

import datetime
import importlib.util
from datetime import date

import pytest
from conftest import REPO, SEEDS, SHARED  # noqa: E402

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.dates import extract_dates, pair_restatements, speech_times
from linter.extract.tense import detect_governor, detect_tense
from linter.finding import Finding, Severity
from linter.rules import load_rules

FM = 3  # seeds/ carry three lines of front matter: EXPECTED.md's line N is line N + 3
RULES = load_rules()
DATE_ENGINE = Engine(RULES, Selection(["date/"]))
MINE = ("date/future-tense-past", "date/past-tense-future", "date/relative-mismatch")
PUB = date(2026, 2, 12)


def lint(text: str, pub: date | None = PUB, rule: str = "date/") -> list[Finding]:
    doc = load_text(text, path="t.txt", date=pub)
    return [f for f in DATE_ENGINE.lint(doc).findings if f.rule.startswith(rule)]


def severities(text: str, rule: str, pub: date | None = PUB) -> list[str]:
    return [str(f.severity) for f in lint(text, pub, rule)]


# ---------------------------------------------------------------- the seeds (EXPECTED.md)

def seed(name: str, date_: date | None = None) -> list[Finding]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return DATE_ENGINE.lint(load_text(text, path=f"seeds/{name}", date=date_)).findings


def alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity >= Severity.WARNING]


def test_seed_000_future_tense_for_a_past_date_is_an_error() -> None:
    found = [f for f in seed("000_5b1bdec33577ccee.txt") if f.line == 10 + FM]
    assert [(f.rule, f.severity, f.excerpt) for f in found] == [
        ("date/future-tense-past", Severity.ERROR, "January 23, 2024")]


def test_seed_004_traps_stay_silent() -> None:
    fs = alarms(seed("004_03d1abdf2edee18b.txt"))
    for line in (15, 21, 27, 34):
        assert not [f for f in fs if f.line == line + FM], line
    assert not [f for f in fs if f.rule in MINE]


@pytest.mark.parametrize("pub", [None, datetime.date(2025, 12, 30)])
def test_seed_001_no_date_alarm(pub: date | None) -> None:
    assert alarms(seed("001_535466d225eb473c.txt", pub)) == []


# ---------------------------------------------------------------- date/future-tense-past

def test_future_tense_past_fires_and_respects_the_traps() -> None:
    seed_line = "Trump is expected to announce this transition on January 23, 2024, coinciding with it."
    assert severities(seed_line, "date/future-tense-past", date(2025, 12, 30)) == ["error"]
    assert severities(seed_line, "date/future-tense-past", None) == []  # no publication date
    assert severities(seed_line, "date/future-tense-past", date(2024, 1, 20)) == []  # still ahead
    assert severities(seed_line, "date/future-tense-past", date(2024, 1, 24)) == []  # a day of slack
    traps = [
        "Trump said he would announce it on January 23, 2024.",
        "The council will meet on March 3, 2026.",
        "In May 2018, during his first administration, he withdrew the United States from the deal.",
        "Back in January 2020, Trump ordered the assassination of Qassem Soleimani.",
        "The JCPOA that former President Barack Obama signed in 2015 is dead.",
        "Output will rise 3 pct this year, after 2.4 pct in 2024.",  # a bare year: never judged
        "The rules will apply to contracts signed since January 2024.",
    ]
    for text in traps:
        assert lint(text, rule="date/future-tense-past") == [], text


def test_quoted_future_speech_is_judged_when_it_was_said() -> None:
    said_then = "“We will meet on January 3, 2024,” he said in December 2023."
    assert severities(said_then, "date/future-tense-past") == []
    said_when_unknown = "“We will meet on January 3, 2024,” he said."
    assert severities(said_when_unknown, "date/future-tense-past") == ["info"]
    said_after = "“We will meet on January 3, 2024,” he said in December 2024."
    assert severities(said_after, "date/future-tense-past") == ["error"]


def test_reported_speech() -> None:
    assert severities("Trump said he will announce it on January 23, 2024.", "date/future-tense-past") == ["info"]
    # the text says when he said it (Monday before publication): judged then, an error
    assert severities("Trump said on Monday he will announce it on January 23, 2024.",
                      "date/future-tense-past") == ["error"]
    assert severities("In December 2023, Trump told reporters he will announce it on January 23, 2024.",
                      "date/future-tense-past") == []


def test_soft_wrapped_newswire_lines_keep_their_clause() -> None:
    # a line break inside a sentence (newswire wraps at 70 columns) is not a clause boundary
    text = ("The creditors' strategy, spelled out by Treasury Secretary James Baker in\n"
            "October 1985, is to spur additional lending by private banks.")
    assert lint(text, date(1987, 3, 16), "date/future-tense-past") == []


def test_copula_to_is_not_future() -> None:
    text = "One idea is to levy new loan contributions at an earlier base date - August 1982 in Mexico's case."
    assert lint(text, date(1987, 3, 19), "date/future-tense-past") == []
    assert detect_tense("The summit is to open on March 3.", 25, 32) == "future"
    assert detect_tense("The aim is to open talks on March 3.", 28, 35) == "present"


# ---------------------------------------------------------------- date/past-tense-future

def test_past_tense_future() -> None:
    assert severities("The council approved the budget on March 3, 2027.", "date/past-tense-future") == ["warning"]
    assert severities("The council approved the budget on March 3, 2027.", "date/past-tense-future",
                      None) == []
    assert severities("“We approved the budget on March 3, 2027,” she said.", "date/past-tense-future") == ["info"]
    silent = [
        "The vote was scheduled for March 3, 2027.",
        "A sales tax planned for January 2027 was dropped.",
        "The government extended the price controls until March 2027.",
        "Repayments were not due until 2027.",
        "The company said profits rose and forecast growth in 2027.",  # a bare year
        "A site will be selected by July 2026 and the final site decision made in January 2027.",
        "The thrift said it expects net income in the year ending June 30, 2027, to fall.",
        "The bonds, convertible subordinated debentures due March 1, 2031, were sold.",
        "The council approved the budget on February 3, 2026.",
        "The council approved the budget on February 13, 2026.",  # a day of slack (time zones)
    ]
    for text in silent:
        assert lint(text, rule="date/past-tense-future") == [], text


def test_planning_participles_are_not_past() -> None:
    assert detect_tense("The vote was scheduled for March 3.", 27, 34) == "future_in_past"
    assert detect_tense("The vote is scheduled for March 3.", 26, 33) == "future"
    assert detect_tense("A tax planned for January 1988 was dropped.", 18, 30) == "future_in_past"
    assert detect_tense("Its so-called golden share lapses on Dec. 31.", 37, 44) == "unknown"


# ---------------------------------------------------------------- date/relative-mismatch

def test_last_weekday_with_a_date() -> None:
    text = "The strike began last Friday, March 13."
    assert severities(text, "date/relative-mismatch", date(2026, 3, 25)) == ["warning"]  # last Friday: 20th
    assert severities(text, "date/relative-mismatch", date(2026, 3, 21)) == []  # said on a Saturday
    assert severities(text, "date/relative-mismatch", date(2026, 3, 16)) == []  # right
    assert severities(text, "date/relative-mismatch", None) == []
    (m,) = extract_dates(text, 0, date(2026, 3, 21))
    assert (m.anchor_value, m.anchor_other) == (date(2026, 3, 20), date(2026, 3, 13))
    (m,) = extract_dates(text, 0, date(2026, 3, 25))
    assert (m.anchor_value, m.anchor_other) == (date(2026, 3, 20), None)
    (m,) = extract_dates("They meet next Friday, March 27.", 0, date(2026, 3, 16))  # a Monday
    assert (m.anchor_value, m.anchor_other) == (date(2026, 3, 20), date(2026, 3, 27))


def test_restated_relative_dates() -> None:
    pub = date(2026, 2, 12)
    found = lint("Two years ago, in 2019, the firm moved.", pub, "date/relative-mismatch")
    assert [(f.severity, f.excerpt) for f in found] == [(Severity.WARNING, "Two years ago")]
    assert "2024-02-12" in found[0].message and '"2019"' in found[0].message
    assert lint("Two years ago, in 2024, the firm moved.", pub, "date/relative-mismatch") == []
    assert lint("The firm moved in March last year.", pub, "date/relative-mismatch") == []
    assert lint("Output rose in 2019, last year and this year.", pub, "date/relative-mismatch") == []
    quoted = "“Two years ago, in 2019, we moved,” she said."
    assert severities(quoted, "date/relative-mismatch", pub) == ["info"]


def test_pair_restatements() -> None:
    pub = date(2026, 2, 12)
    cases = {
        "It moved two years ago, in 2019.": {0: 1},
        "It moved in 2019 - two years ago.": {1: 0},
        "Sales rose last year (2024).": {0: 1},
        "He spoke yesterday, Feb. 11.": {0: 1},
        "It moved in March last year.": {},
        "It moved two years ago in March.": {},  # month without a year: not a restatement
        "Output rose in 2019, last year and this year.": {},
    }
    for text, want in cases.items():
        ms = extract_dates(text, 0, pub)
        assert pair_restatements(text, 0, ms) == want, (text, [m.text for m in ms])


def test_speech_times() -> None:
    pub = date(2026, 2, 12)
    text = "“We will meet on January 3, 2024,” he said in December 2023."
    quotes = [(1, text.index("”"))]
    ms = extract_dates(text, 0, pub, quotes)
    assert [m.text for m in ms] == ["January 3, 2024", "December 2023"]
    assert speech_times(text, 0, ms, quotes) == {0: 1}
    text = "Trump said he will announce it on January 23, 2024."
    assert speech_times(text, 0, extract_dates(text, 0, pub)) == {}
    text = "On Monday, Trump told reporters he will announce it on January 23, 2024."
    ms = extract_dates(text, 0, pub)
    assert speech_times(text, 0, ms) == {1: 0}


def test_governor_position() -> None:
    text = "In May 2018, during his first administration, he withdrew."
    g = detect_governor(text, 3, 11)
    assert (g.tense, g.before, text[g.start:g.end]) == ("past", False, "withdrew")
    (m,) = extract_dates("They will meet Jan. 5, 2027, in Geneva.", 0, PUB)
    assert (m.after_verb, m.preposition) == (True, None)
    (m,) = extract_dates("They will meet on Jan. 5, 2027.", 0, PUB)
    assert (m.after_verb, m.preposition) == (False, "on")


# ---------------------------------------------------------------- corpora: false alarms

@pytest.mark.skipif(not (SHARED / "corpora").exists(), reason="needs /work/shared/corpora")
def test_corpus_alarm_rate_is_low() -> None:
    spec = importlib.util.spec_from_file_location("date_alarms", REPO / "bench" / "date_alarms.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    engine = Engine(RULES, Selection(list(MINE)))
    for _name, path in bench.CORPORA:
        if not path.exists():
            continue
        n, found = bench.run_corpus(engine, path)
        rate = 1000.0 * sum(f.severity >= Severity.WARNING for _, f in found) / n
        assert rate <= 5.0, (path.name, rate, [(i.path, f.excerpt) for i, f in found][:5])
