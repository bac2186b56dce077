"""Stated ages (linter.extract.ages) and the date/age-mismatch rule."""

from __future__ import annotations

import datetime

import pytest
from conftest import SEEDS

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.ages import Age, age_clashes, ages_by_person, birth_windows, extract_ages
from linter.extract.mentions import extract_mentions
from linter.extractions import Analysis
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
    # title case, as a headline writes it
    ("The 75-Year-Old Benjamin Netanyahu Met Trump.", ("75-Year-Old", 75, "benjamin-netanyahu", "adjective", True)),
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
        "ERROR: Ali Khamenei was 86 on 2026-02-12 (born 1939-04-19), not 85."]
    assert findings("Ayatollah Ali Khamenei spoke. Khamenei, 85, left.") == [
        "WARNING: Ali Khamenei was 86 on 2026-02-12 (born 1939-04-19), not 85."]
    assert findings("In 2019, the 75-year-old Benjamin Netanyahu won.") == [
        "ERROR: Benjamin Netanyahu was 69 or 70 in 2019, 76 on 2026-02-12 (born 1949-10-21), not 75."]
    assert findings("Queen Elizabeth II died at 95.") == [
        "ERROR: Elizabeth II was 96 at death (2022-09-08) (born 1926-04-21), not 95."]


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


# -- every mention form: whom, how, when ---------------------------------------------------------

def analysed(text: str, pub: datetime.date | None = PUB) -> list[Age]:
    return Analysis(load_text(text, "x.txt", date=pub), KB).ages


def one(text: str, pub: datetime.date | None = PUB) -> tuple[int, str | None, str | None, str | None, str]:
    got = [a for a in analysed(text, pub) if a.person_key is not None]
    assert len(got) == 1, [(a.text, a.person_key) for a in analysed(text, pub)]
    a = got[0]
    return a.value, a.person_key, a.form, a.link, a.time


@pytest.mark.parametrize(("text", "expected"), [
    # an age beside a surname, after the full name or for the well-known
    ("Sen. Elizabeth Warren spoke. Warren, 75, said no.", (75, "elizabeth-warren", "appositive", "surname", "publication")),
    ("Trump, 79, Trolls His Critics", (79, "donald-trump", "appositive", "surname", "publication")),
    # pronouns with one antecedent
    ("Benjamin Netanyahu spoke on Monday. He, 76, said he would run.", (76, "benjamin-netanyahu", "appositive", "pronoun",
                                                                       "publication")),
    ("Benjamin Netanyahu spoke on Monday. He is 76.", (76, "benjamin-netanyahu", "predicate", "pronoun", "publication")),
    # a descriptor fitted to the person's office
    ("Benjamin Netanyahu met Donald Trump. The 79-year-old president said little.",
     (79, "donald-trump", "descriptor", "descriptor", "publication")),
    # the age at death
    ("Queen Elizabeth II died on Sept. 8, 2022, at 96.", (96, "elizabeth-ii", "death", "name", "death")),
    ("Queen Elizabeth II, who was 96 when she died, reigned for 70 years.", (96, "elizabeth-ii", "death", "name", "death")),
    ("Former President Jimmy Carter was a farmer. He died at 100.", (100, "jimmy-carter", "death", "pronoun", "death")),
    # explicit times
    ("Benjamin Netanyahu, then 46, became prime minister in 1996.",
     (46, "benjamin-netanyahu", "appositive", "name", "explicit")),
    ("Donald Trump, who turned 79 in June, spoke.", (79, "donald-trump", "predicate", "name", "explicit")),
    ("In 1996, Netanyahu was 46.", (46, "benjamin-netanyahu", "predicate", "surname", "explicit")),
    # people the KB does not know: the normalised full name
    ("Mary Kowalski, 45, runs the farm.", (45, "mary kowalski", "appositive", "name", "publication")),
    ("Mary Kowalski runs the farm. Kowalski, 45, said so.", (45, "mary kowalski", "appositive", "surname", "publication")),
    ("Kowalski, a 45-year-old farmer, said so. Mary Kowalski runs the farm.",
     (45, "mary kowalski", "appositive", "surname", "publication")),
    ("Sgt. John Joseph Weirick, 26, was arrested.", (26, "john joseph weirick", "appositive", "name", "publication")),
    ("Ivana Trump, first wife of Donald Trump, dies at 73", (73, "ivana trump", "death", "name", "death")),
    ("Finance Minister Gerhard Stoltenberg spoke. Stoltenberg, 59, is under pressure.",
     (59, "gerhard stoltenberg", "appositive", "surname", "publication")),
    ("Barclay, who is 60 years old, decided not to stand.", (60, "barclay", "predicate", "surname", "publication")),
])
def test_forms_links_and_times(text: str, expected: tuple[int, str, str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize("gap", ["\n", "  ", " \n"])
def test_an_age_at_death_whose_verb_breaks_across_lines_is_read(gap: str) -> None:
    # hard-wrapped copy breaks "passed away" where the line ends: the death pattern takes any
    # white space, and so must the sentence's trigger and the test of whether it names a death
    text = ("    Former President Jimmy Carter, who won the Nobel Peace Prize, passed"
            f"{gap}away at 100 at his home in Plains, Georgia, his family said in a\n"
            "statement released by the Carter Center on Sunday afternoon.\n"
            "    He had been in hospice care since February of last year, when he\n"
            "decided to forgo further medical treatment, the center said.\n")
    assert one(text, datetime.date(2024, 12, 30)) == (100, "jimmy-carter", "death", "name", "death")


def test_an_explicit_time_keeps_the_current_reading() -> None:
    a, = analysed("In 2019, the 69-year-old Benjamin Netanyahu won.")
    assert (a.at, a.at_end, a.alt_at, a.alt_end) == (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31), PUB, PUB)
    b, = analysed("Benjamin Netanyahu, then 46, became prime minister in 1996.")
    assert (b.at, b.alt_at) == (datetime.date(1996, 1, 1), None)  # "then": only that time


@pytest.mark.parametrize("text", [
    "Henske, 53, has served as chief executive since 1978.",  # "since": not the age's time
    "Henske, 63, will continue as chairman until he retires in June 2027.",  # a future date
])
def test_a_date_that_is_no_time_of_the_age(text: str) -> None:
    a, = analysed(text)
    assert a.at == PUB and a.time == "default" and a.alt_at is not None


@pytest.mark.parametrize("text", [
    "Donald Trump met Keir Starmer at the White House. He is 62.",  # two antecedents
    "Benjamin Netanyahu met Donald Trump. The 79-year-old leader said little.",  # a noun both fit
    "Keir Starmer met the coach. The 45-year-old coach said little.",  # a trade no KB office holder has
    "The Draftmaster costs 9,900 dlrs, and the Draftsmaster II, 11,900 dlrs.",  # thousands
    "Rain fell between 15 and 100 mm in Cordoba, 15 and 120 mm in La Pampa.",  # a list of numbers
    "Prokurorov was 1:18.9 ahead of Hjelmeseth.",  # a time
    "Its 21-year-old plant in Ohio will close, Donald Trump said.",  # a thing
    "Trump's lawyer, 45, said the case was closed.",  # no name before the age
])
def test_no_person(text: str) -> None:
    assert all(a.person_key is None for a in analysed(text)), [(a.text, a.person_key) for a in analysed(text)]


@pytest.mark.parametrize("text", [
    "Scott Perry, a 23-year-old teacher from New Zealand, shares a room.",  # in office only from 2013
    "John Smith, 45, a farmer from Ohio, said the rain came late.",  # the KB's John Smith died in 1994
])
def test_a_namesake_keeps_the_name_not_the_kb_person(text: str) -> None:
    a, = analysed(text, datetime.date(1987, 3, 18) if "Perry" in text else PUB)
    assert a.person_id is None and a.person_key in ("scott perry", "john smith")


def test_unknown_times_are_not_checked() -> None:
    for text in ("At 70, Benjamin Netanyahu was still the youngest man in the room.",
                 "The then-70-year-old Benjamin Netanyahu took office.",
                 "Rishi Sunak was 42 when he became prime minister.",
                 "Keir Starmer won the election in July. He was 61 at the time."):
        assert all(a.at is None for a in analysed(text)), text


@pytest.mark.parametrize(("text", "key", "lo", "hi"), [
    ("Mary Kowalski, who was born in 1950, runs the farm. Kowalski, 70, spoke.", "mary kowalski", "1950-01-01",
     "1950-12-31"),
    ("Tom Okafor (born May 3, 1961) chairs the board. Okafor, 60, spoke.", "tom okafor", "1961-05-03", "1961-05-03"),
    ("Dr. Hana Novak (b. 1971) leads the clinic. Novak, 45, spoke.", "hana novak", "1971-01-01", "1971-12-31"),
    ("Born in May 1975, Ana Lima moved to Lisbon. The 40-year-old said she would stay.", "ana lima", "1975-05-01",
     "1975-05-31"),
    ("Ana Lima was born on 12 March 1980. She is 40.", "ana lima", "1980-03-12", "1980-03-12"),
    ("Mary Kowalski, 33, was born in Cuba in 1984.", "mary kowalski", "1984-01-01", "1984-12-31"),
])
def test_births_the_article_states(text: str, key: str, lo: str, hi: str) -> None:
    a, = analysed(text)
    assert a.person_key == key and a.birth is not None
    assert (a.birth.lo.isoformat(), a.birth.hi.isoformat(), a.birth.person_key) == (lo, hi, key)
    assert a.time == "publication"  # the birth year is no time of the age


def test_without_a_publication_date_only_deaths_have_a_time() -> None:
    a, b = analysed("Benjamin Netanyahu, 76, spoke. Queen Elizabeth II died at 96.", None)
    assert (a.at, a.current) == (None, True)
    assert (b.at, b.time) == (datetime.date(2022, 9, 8), "death")


# -- the same person given two ages (detection data for date/inconsistent) ------------------------

def _age(value: int, key: str | None, at: datetime.date | None, at_end: datetime.date | None = None,
         alt: tuple[datetime.date, datetime.date] | None = None, start: int = 0) -> Age:
    a = Age(start, start + 2, str(value), value, person_key=key, at=at, at_end=at_end or at)
    if alt is not None:
        a.alt_at, a.alt_end = alt
    return a


def test_two_ages_of_one_person_at_one_time_clash() -> None:
    d = datetime.date(2025, 3, 1)
    a, b, c = _age(78, "donald-trump", d, start=0), _age(79, "donald-trump", d, start=10), _age(79, "x", d, start=20)
    assert age_clashes([a, b, c]) == [(a, b)]
    assert age_clashes([a, _age(78, "donald-trump", d, start=5)]) == []
    assert ages_by_person([a, b, c, _age(5, None, d)]) == {"donald-trump": [a, b], "x": [c]}


def test_ages_at_different_times_clash_only_when_no_birth_fits_both() -> None:
    y2019 = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    now = datetime.date(2026, 2, 12)
    current = _age(76, "n", now, start=50)
    assert age_clashes([_age(69, "n", *y2019), current]) == []  # born late 1949: 69 in 2019, 76 now
    assert age_clashes([_age(70, "n", *y2019), current]) == []  # 70 in late 2019
    wrong = _age(66, "n", *y2019)
    assert age_clashes([wrong, current]) == [(wrong, current)]
    # the age may be the current one: no clash while that reading fits
    assert age_clashes([_age(76, "n", *y2019, alt=(now, now)), current]) == []
    # an age for an unknown time takes part in none
    assert age_clashes([_age(10, "n", None), current]) == []


def test_birth_windows_hold_the_birth() -> None:
    a = _age(76, "n", datetime.date(2026, 2, 12))
    (lo, hi), = birth_windows(a)
    assert lo == datetime.date(1949, 2, 13) and hi == datetime.date(1950, 2, 12)


def test_clashes_in_a_text_headline_included() -> None:
    text = "Biden, 81, Pardons Son\n\nPresident Joe Biden, 82, pardoned his son on Sunday."
    a, b = analysed(text)
    assert (a.person_key, b.person_key) == ("joe-biden", "joe-biden")
    assert age_clashes([a, b]) == [(a, b)]
    text = "Mary Kowalski, 45, runs the farm. The 46-year-old farmer said the rain came late."
    a, b = analysed(text)
    assert a.person_key == b.person_key == "mary kowalski" and age_clashes([a, b]) == [(a, b)]


def test_age_clash_attribute() -> None:
    from linter.subjects.age import SUBJECT as AGE_SUBJECT

    analysis = Analysis(load_text("Joe Biden, 82, spoke. Biden, 81, left.", "x.txt", date=PUB), KB)
    first, second = list(AGE_SUBJECT.iterate(analysis))
    assert AGE_SUBJECT.type.attributes["clash"].getter(first) is None
    assert AGE_SUBJECT.type.attributes["clash"].getter(second).item is first.item


@pytest.mark.parametrize(("text", "date"), [
    # a descriptor of another occupation: not the KB congressman of that name
    ("Scott Perry, a 50-year-old teacher, said he was shocked.", datetime.date(2020, 6, 1)),
    # an age decades from the KB person's: a namesake, not a typo
    ("Scott Perry, 23, said he was shocked.", datetime.date(2020, 6, 1)),
    ("Benjamin Netanyahu, 56, met the mayor.", PUB),
])
def test_a_namesake_is_not_judged_against_the_kb(text: str, date: datetime.date) -> None:
    assert findings(text, date) == []
    doc = load_text(text, "x.txt", date=date)
    age, = Analysis(doc, KB).ages
    assert age.person_id is None and age.person_key is not None


@pytest.mark.parametrize(("text", "date"), [
    ("Scott Perry, a 50-year-old congressman, said he was shocked.", datetime.date(2020, 6, 1)),
    ("Benjamin Netanyahu, 67, met the mayor.", PUB),  # nine years off: a slip, still judged
])
def test_the_kb_person_with_a_wrong_age_is_still_flagged(text: str, date: datetime.date) -> None:
    assert [f.split(":")[0] for f in findings(text, date)] == ["ERROR"]
