"""date/inconsistent: one person's two ages, one event's two dates, in one article."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extractions import Analysis
from linter.kb import load_kb
from linter.rules import load_rules
from linter.subjects.restatement import restatements

KB = load_kb()
ENGINE = Engine(load_rules(), Selection(select=["date/inconsistent"]))
PUB = datetime.date(2024, 6, 1)


def findings(text: str, pub: datetime.date = PUB) -> list[tuple[str, str]]:
    return [(f.severity.name, f.message) for f in ENGINE.lint(load_text(text, "x.txt", date=pub)).findings]


def test_two_ages_of_one_person() -> None:
    assert findings("Mary Kowalski, 70, runs the farm. Mary Kowalski, 74, said the rain came late.") == [
        ("ERROR", '"74" contradicts "70" earlier in the article (Mary Kowalski): both cannot be true.')]
    assert [s for s, _ in findings("Mary Kowalski, 70, runs the farm. Kowalski, 74, said so.")] == ["WARNING"]


def test_headline_and_body() -> None:
    text = "Mary Kowalski, 70, wins the county prize\n\nMary Kowalski, 74, said the rain came late."
    assert [s for s, _ in findings(text)] == ["ERROR"]


def test_an_event_dated_two_ways() -> None:
    text = ("Ulster and the Good Friday Agreement of 1998, 25 years on\n\n"
            "The Belfast Agreement of 1999 ended three decades of violence.")
    a = Analysis(load_text(text, "x.txt", date=PUB), KB)
    r, = restatements(a)
    assert (r.kind, r.text, r.first_text, r.about, r.certain) == (
        "event", "Belfast Agreement of 1999", "Good Friday Agreement of 1998", "Good Friday Agreement", True)


@pytest.mark.parametrize("text", [
    "Mary Kowalski, 70, runs the farm. Mary Kowalski, 70, said the rain came late.",
    "Mary Kowalski, 70, runs the farm. Her sister Jane Kowalski, 74, said the rain came late.",
    "Mary Kowalski, then 50, bought the farm in 2004. Mary Kowalski, 70, said the rain came late.",
    "Mary Kowalski runs the farm at 70. Mary Kowalski, 74, said the rain came late.",
    "The 2020 Tokyo Olympics were held in 2021. The Tokyo Olympics of 2021 had no spectators.",
    "The Belfast Agreement of 1998 ended the violence. The Good Friday Agreement of April 1998 held.",
])
def test_consistent_statements_pass(text: str) -> None:
    assert findings(text) == []


@given(st.integers(18, 94), st.integers(0, 30))
def test_two_ages_clash_exactly_when_they_differ(age: int, shift: int) -> None:
    """Both stated for the publication date: equal ages never clash, different ones always do
    (ages up to 124: the extractor reads no human age of 125 or more)."""
    text = f"Mary Kowalski, {age}, runs the farm. Mary Kowalski, {age + shift}, said the rain came late."
    assert len(findings(text)) == (0 if shift == 0 else 1)
