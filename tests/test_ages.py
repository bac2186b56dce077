"""Stated ages (linter.extract.ages) and the date/age-mismatch rule."""

from __future__ import annotations

import datetime

import pytest
from conftest import SEEDS

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.ages import extract_ages
from linter.extract.mentions import extract_mentions
from linter.kb import load_kb
from linter.rules import load_rules

PUB = datetime.date(2026, 2, 12)
KB = load_kb()
ENGINE = Engine(load_rules(), Selection(select=["date/age-mismatch"]))


def ages(text: str, pub: datetime.date | None = PUB) -> list[tuple[str, int, str | None, str, bool]]:
    doc = load_text(text, "x.txt")
    sents = [(s.start, s.text) for s in doc.sentences]
    return [(a.text, a.value, a.person_id, a.form, a.current)
            for a in extract_ages(sents, extract_mentions(sents, KB), KB, pub)]


def findings(text: str, date: datetime.date | None = PUB) -> list[str]:
    return [f"{f.severity.name}: {f.message}" for f in ENGINE.lint(load_text(text, "x.txt", date=date)).findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("The 75-year-old Benjamin Netanyahu met Trump.", ("75-year-old", 75, "benjamin-netanyahu", "adjective", True)),
    ("Benjamin Netanyahu, 76, said he would run.", ("76", 76, "benjamin-netanyahu", "appositive", True)),
    ("Ali Khamenei, aged 86, spoke.", ("aged 86", 86, "ali-khamenei", "aged", True)),
    ("Israeli Prime Minister Benjamin Netanyahu (76) spoke.", ("76", 76, "benjamin-netanyahu", "appositive", True)),
    ("The seventy-six-year-old Benjamin Netanyahu spoke.",
     ("seventy-six-year-old", 76, "benjamin-netanyahu", "adjective", True)),
    ("In 2019, the 69-year-old Benjamin Netanyahu won.", ("69-year-old", 69, "benjamin-netanyahu", "adjective", False)),
])
def test_direct_forms(text: str, expected: tuple[str, int, str, str, bool]) -> None:
    assert ages(text) == [expected]


def test_descriptor_links_to_the_only_person_of_the_previous_sentence() -> None:
    text = ("Ayatollah Ali Khamenei rules Iran. For Khamenei to accept exile, he would need to go. "
            "Yet the 86-year-old theocrat is a rational actor.")
    assert ages(text) == [("86-year-old", 86, "ali-khamenei", "descriptor", True)]


@pytest.mark.parametrize("text", [
    "A 40-year-old man was arrested near Benjamin Netanyahu's home.",  # someone new
    "The 40-year-old treaty was praised by Benjamin Netanyahu.",  # not a person noun
    "Benjamin Netanyahu met Donald Trump. The 79-year-old leader said little.",  # two candidates
    "Ivana Trump, 73, has died, Donald Trump said.",  # another Trump
    "Tiffany Trump, 31, gave birth on Thursday.",  # a first name the KB does not know
    "Finance Minister Gerhard Stoltenberg spoke. Stoltenberg, 59, is under pressure.",  # not Jens
])
def test_no_link(text: str) -> None:
    assert all(a[2] is None for a in ages(text)), ages(text)


@pytest.mark.parametrize("text", [
    "Donald Trump, who turned 79 in June, spoke.",
    "Men aged 18 to 60 were barred, Benjamin Netanyahu said.",
    "The then-70-year-old Benjamin Netanyahu took office.",
])
def test_other_time_or_no_age(text: str) -> None:
    assert all(not a[4] or a[2] is None for a in ages(text))


def test_rule_message_and_severity() -> None:
    assert findings("The 75-year-old Benjamin Netanyahu met Trump.") == [
        "ERROR: Benjamin Netanyahu was 76 on 2026-02-12 (born 1949-10-21), not 75."]
    assert findings("Ali Khamenei, aged 85, spoke.") == [
        "WARNING: Ali Khamenei was 86 on 2026-02-12 (born 1939-04-19), not 85."]


def test_rule_silent_when_right_undated_or_just_after_birthday() -> None:
    assert findings("The 76-year-old Benjamin Netanyahu met Trump.") == []
    assert findings("The 75-year-old Benjamin Netanyahu met Trump.", None) == []
    # born 1949-10-21: on 2025-10-30 the copy may have been written before the birthday
    assert findings("The 75-year-old Benjamin Netanyahu met Trump.", datetime.date(2025, 10, 30)) == []
    assert findings("The 75-year-old Benjamin Netanyahu met Trump.", datetime.date(2025, 11, 10)) != []


def test_seed_004_theocrat_is_silent(repo: object) -> None:

    from linter.document import load_path

    doc = load_path(SEEDS / "004_03d1abdf2edee18b.txt")
    assert doc.pub_date == PUB
    assert ENGINE.lint(doc).findings == []
