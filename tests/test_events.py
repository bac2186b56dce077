"""KB event mentions (linter.extract.events) and the date/event-mismatch rule."""

from __future__ import annotations

import datetime

import pytest

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.dates import extract_dates
from linter.extract.events import event_gazetteer, extract_events
from linter.kb import load_kb
from linter.rules import load_rules

KB = load_kb()
ENGINE = Engine(load_rules(), Selection(select=["date/event-mismatch"]))


def events(text: str) -> list[tuple[str, str, str, bool]]:
    doc = load_text(text, "x.txt", date=datetime.date(2026, 2, 12))
    sents = [(s.start, s.text) for s in doc.sentences]
    dates = [d for s in doc.sentences for d in extract_dates(s.text, s.start, doc.pub_date, [])]
    return [(e.text, e.event_id, e.form, e.contradicts) for e in extract_events(sents, dates, KB)]


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
    ("The Twelve-Day War in June 2025 ended in a ceasefire.", ("Twelve-Day War", "twelve-day-war", "name", False)),
])
def test_event_mentions(text: str, expected: tuple[str, str, str, bool]) -> None:
    assert events(text) == [expected]


def test_acronym_needs_capitals_and_plain_dates_are_not_events() -> None:
    assert events("The jcpoa clause was odd.") == []
    assert events("On October 7, 2022, markets rallied after an attack on the currency.") == []


def test_gazetteer_is_built_once() -> None:
    assert event_gazetteer(KB) is event_gazetteer(KB)


def test_rule() -> None:
    out = ENGINE.lint(load_text("Israel has been at war since the October 7, 2022 attack.", "x.txt")).findings
    assert [(f.severity.name, f.message, f.excerpt) for f in out] == [
        ("ERROR", '"October 7, 2022 attack": the October 7 attack was on 2023-10-07, not October 7, 2022.',
         "October 7, 2022 attack")]
    out = ENGINE.lint(load_text("Officials recalled the attack on October 7, 2022.", "x.txt")).findings
    assert [f.severity.name for f in out] == ["WARNING"]
    assert ENGINE.lint(load_text("Israel has been at war since the October 7, 2023 attack.", "x.txt")).findings == []
