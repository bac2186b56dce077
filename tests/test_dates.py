"""Examples for the date extractor: each supported form, impossible dates, tense traps, the seeds."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SHARED_SEEDS as SEEDS

from linter.extract.dates import DateMention, extract_dates
from linter.extract.tense import detect_tense


def one(text: str, pub: date | None = None, **kw: object) -> DateMention:
    found = extract_dates(text, 0, pub, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def find(text: str, needle: str, pub: date | None = None, base: int = 0) -> DateMention:
    for m in extract_dates(text, base, pub):
        if m.text == needle:
            return m
    raise AssertionError(f"{needle!r} not in {[m.text for m in extract_dates(text, base, pub)]}")


PUB = date(2026, 2, 12)  # a Thursday


# ---------------------------------------------------------------- absolute and partial forms

@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("It happened on January 23, 2024, in Paris.", "January 23, 2024", date(2024, 1, 23)),
        ("It happened on Jan. 23, 2024, in Paris.", "Jan. 23, 2024", date(2024, 1, 23)),
        ("It happened on 23 January 2024 in Paris.", "23 January 2024", date(2024, 1, 23)),
        ("The file is dated 2024-01-23.", "2024-01-23", date(2024, 1, 23)),
        ("The form is dated 1/23/2024.", "1/23/2024", date(2024, 1, 23)),
    ],
)
def test_absolute_forms(text: str, expr: str, value: date) -> None:
    m = one(text, PUB)
    assert (m.text, m.kind, m.value, m.granularity, m.year_explicit) == (expr, "absolute", value, "day", True)
    assert text[m.start:m.end] == expr
    assert m.timex == value.isoformat()
    assert (m.month, m.day, m.year) == (value.month, value.day, value.year)


def test_base_offset() -> None:
    ms = extract_dates("Signed on Jan. 3, 2020.", 100)
    assert (ms[0].start, ms[0].end, ms[0].text) == (110, 122, "Jan. 3, 2020")


def test_ambiguous_numeric_date_is_skipped() -> None:
    assert extract_dates("The form is dated 3/4/2024.", 0, PUB) == []


@pytest.mark.parametrize("text, expr, value", [
    ("They met on Jan 23 in Rome.", "Jan 23", date(2026, 1, 23)),
    ("He was arrested on Jan. 3 by U.S. forces.", "Jan. 3", date(2026, 1, 3)),
])
def test_month_day_without_year(text: str, expr: str, value: date) -> None:
    m = one(text, PUB)
    assert (m.text, m.kind, m.value, m.year, m.year_explicit) == (expr, "partial", value, None, False)


def test_month_day_without_pub_stays_unresolved() -> None:
    m = one("They met on Jan 23 in Rome.")
    assert (m.value, m.month, m.day, m.year, m.valid) == (None, 1, 23, None, True)


def test_ordinal_day_needs_a_month() -> None:
    m = find("The vote is on Jan. 20, and the count on the 23rd.", "the 23rd", PUB)
    assert (m.month, m.day, m.value) == (1, 23, date(2026, 1, 23))
    assert extract_dates("He finished the 23rd race.", 0, PUB) == []


@pytest.mark.parametrize("text", [
    "Sales fell on Feb. 12 from a year earlier, the 12th consecutive drop.",
    "Sales fell on Feb. 12 from a year earlier, the\n12th consecutive drop.",
    "On Jan. 20 the siege entered the 23rd day of fighting.",
    "After Jan. 20 the bank became the 12th-largest lender.",
    "The country had a trade surplus in February, the 10th surplus in a row.",  # a month, then a comma
])
def test_an_ordinal_of_something_else_is_no_day(text: str) -> None:
    # "the 12th" names a day only where a date can end: before punctuation or a word that may
    # follow a date, not before the noun or adjective it counts
    assert [d.text for d in extract_dates(text, 0, PUB) if d.granularity == "day" and d.text.startswith("the")] == []


@pytest.mark.parametrize("text, expr, day", [
    ("Polls open on Jan. 20 and close on the 23rd at noon.", "the 23rd", 23),
    ("Talks began on Jan. 20 and run until the 23rd of the month.", "the 23rd", 23),
    ("Polls open on Jan. 20; by the 23rd, when counting ends, results are due.", "the 23rd", 23),
    ("The summit runs from Jan. 20 to the 23rd and 24th.", "the 23rd", 23),
    ("Since Jan. 20, January the 23rd brought the worst storm.", "the 23rd", 23),  # a month right before it
])
def test_an_ordinal_day_where_a_date_ends_is_read(text: str, expr: str, day: int) -> None:
    m = find(text, expr, PUB)
    assert (m.month, m.day) == (1, day)


def test_an_ordinal_day_broken_from_its_article_is_read() -> None:
    # hard-wrapped copy breaks "the 23rd" where the line ends: the ordinal day pattern takes any
    # white space after "the", and so must the test of whether the sentence holds one
    m = find("Polls open on Jan. 20 and close on the\n23rd, officials said.", "the\n23rd", PUB)
    assert (m.month, m.day, m.value) == (1, 23, date(2026, 1, 23))


@pytest.mark.parametrize("text, expr, first, last, timex", [
    ("Back in January 2024, it rained.", "January 2024", date(2024, 1, 1), date(2024, 1, 31), "2024-01"),
    ("It was founded in 2020.", "2020", date(2020, 1, 1), date(2020, 12, 31), "2020"),
    ("In May 2018, he withdrew.", "May 2018", date(2018, 5, 1), date(2018, 5, 31), "2018-05"),
])
def test_month_year_and_year(text: str, expr: str, first: date, last: date, timex: str) -> None:
    m = one(text, PUB)
    assert (m.text, m.kind, m.value, m.earliest, m.latest, m.timex) == (expr, "partial", None, first, last, timex)
    assert m.year_explicit


def test_last_june() -> None:
    m = one("Before last June, talks failed.", PUB)
    assert (m.text, m.relative, m.earliest, m.latest) == ("last June", "last june", date(2025, 6, 1),
                                                          date(2025, 6, 30))


def test_bare_month_resolved_by_tense() -> None:
    assert one("Talks took place as recently as September.", date(2025, 12, 30)).timex == "2025-09"
    assert one("The talks will resume in March.", date(2025, 12, 30)).timex == "2026-03"


# ---------------------------------------------------------------- traps for years and months

@pytest.mark.parametrize("text", [
    "The count was 2,024 in all.",
    "It cost $2024 to fix.",
    "He got 2024 votes.",
    "See No. 2024 in the list.",
    "The train leaves at 20:24 sharp.",
    "It runs on Windows 2000 machines.",
    "Further strikes may be necessary.",
    "The protesters march on the capital.",
    "Crowds of about 2000 gathered.",
])
def test_not_dates(text: str) -> None:
    assert [m.text for m in extract_dates(text, 0, PUB)] == []


def test_may_and_march_need_context() -> None:
    assert one("They met in March.", PUB).month == 3
    assert one("They met on March 3.", PUB).day == 3
    assert one("It will be done by May.", PUB).month == 5


# ---------------------------------------------------------------- impossible dates

@pytest.mark.parametrize("text, mdy", [
    ("It was signed on February 30, 2025.", (2, 30, 2025)),
    ("It was signed on April 31.", (4, 31, None)),
    ("It was signed on Sept. 31.", (9, 31, None)),
    ("It was signed on Feb. 29, 2023.", (2, 29, 2023)),
])
def test_impossible_dates(text: str, mdy: tuple[int, int, int | None]) -> None:
    m = one(text, PUB)
    assert not m.valid
    assert m.value is None
    assert (m.month, m.day, m.year) == mdy


def test_leap_day_is_valid() -> None:
    m = one("It was signed on Feb. 29, 2024.", PUB)
    assert m.valid and m.value == date(2024, 2, 29)


# ---------------------------------------------------------------- weekdays

def test_weekday_next_to_date() -> None:
    m = one("The meeting is on Thursday, January 14, 2026.", PUB)
    assert (m.weekday, m.value) == ("Thursday", date(2026, 1, 14))
    assert m.text == "Thursday, January 14, 2026"
    assert m.weekday_start is not None and m.weekday_end is not None
    assert m.text[m.weekday_start - m.start:m.weekday_end - m.start] == "Thursday"


def test_weekday_next_to_partial_date() -> None:
    m = one("They met on Thursday, Jan. 14 in Davos.", date(2026, 1, 20))
    assert (m.weekday, m.value) == ("Thursday", date(2026, 1, 14))


def test_bare_weekday_by_tense() -> None:
    pub = date(2025, 12, 30)  # a Tuesday
    assert one("They met on Monday.", pub).value == date(2025, 12, 29)
    assert one("They will meet on Monday.", pub).value == date(2026, 1, 5)
    assert one("He is in Paris on Tuesday.", pub).value == pub  # present: same day counts
    m = one("They met during a meeting on Wednesday.", PUB)
    assert (m.kind, m.value) == ("weekday", date(2026, 2, 11))


def test_last_and_next_weekday() -> None:
    assert one("He left last Friday.", PUB).value == date(2026, 2, 6)
    assert one("He leaves next Tuesday.", PUB).value == date(2026, 2, 17)
    assert one("He left last Thursday.", PUB).value == date(2026, 2, 5)  # strictly before


def test_last_weekday_with_date() -> None:
    m = one("It happened last Friday, March 13.", date(2026, 3, 16))
    assert m.relative == "last friday"
    assert m.anchor_value == date(2026, 3, 13)
    assert m.value == date(2026, 3, 13)


# ---------------------------------------------------------------- relative expressions

@pytest.mark.parametrize("expr, value, relative", [
    ("yesterday", date(2026, 2, 11), "yesterday"),
    ("today", date(2026, 2, 12), "today"),
    ("tomorrow", date(2026, 2, 13), "tomorrow"),
    ("two years ago", date(2024, 2, 12), "2 years ago"),
    ("six weeks ago", date(2026, 1, 1), "6 weeks ago"),
    ("barely one month ago", date(2026, 1, 12), "barely 1 month ago"),
    ("less than a year ago", date(2025, 2, 12), "less than 1 year ago"),
])
def test_relative_days(expr: str, value: date, relative: str) -> None:
    m = one(f"It happened {expr}, he said.", PUB)
    assert (m.text, m.kind, m.value, m.relative) == (expr, "relative", value, relative)


@pytest.mark.parametrize("text, expr, timex", [
    ("Tonight, the president will address the nation.", "Tonight", "2026-02-12"),
    ("Currently, the company employs hundreds of people.", "Currently", "PRESENT_REF"),
    ("Last Summer Was the Hottest on Record", "Last Summer", "2025-SU"),
    ("Sales Fell Sharply in the Fourth Quarter", "the Fourth Quarter", "2025-Q4"),
])
def test_a_capitalised_relative_word_is_read(text: str, expr: str, timex: str) -> None:
    # at the start of a sentence or in a headline: the pre-check (_TRIGGER_WORD) takes the
    # capital forms _P_NOW, _P_DAYWORD and _P_UNIT take, not the lower-case words alone
    m = one(text, PUB)
    assert (m.text, m.kind, m.timex) == (expr, "relative", timex)


@pytest.mark.parametrize("text", ["Hours later, police arrived at the scene.", "Weeks later, he resigned."])
def test_a_capitalised_unit_with_later_is_read(text: str) -> None:
    m = one(text, PUB)
    assert (m.text, m.kind) == (text.split(",")[0], "relative")


def test_less_than_a_year_ago_interval() -> None:
    m = one("Less than a year ago, Trump pleaded with Iran.", PUB)
    assert (m.earliest, m.latest) == (date(2025, 2, 12), PUB)


@pytest.mark.parametrize("expr, first, last, timex", [
    ("this week", date(2026, 2, 9), date(2026, 2, 15), "2026-W07"),
    ("last week", date(2026, 2, 2), date(2026, 2, 8), "2026-W06"),
    ("earlier this month", date(2026, 2, 1), date(2026, 2, 12), "2026-02"),
    ("next year", date(2027, 1, 1), date(2027, 12, 31), "2027"),
    ("last year", date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ("this year", date(2026, 1, 1), date(2026, 12, 31), "2026"),
    ("the past year", date(2025, 2, 12), date(2026, 2, 12), "P1Y"),
])
def test_relative_periods(expr: str, first: date, last: date, timex: str) -> None:
    m = one(f"He spoke {expr} about it.", PUB)
    assert (m.text, m.kind, m.earliest, m.latest, m.timex) == (expr, "relative", first, last, timex)


def test_vague_ago() -> None:
    m = one("Trump announced weeks ago that help is coming.", PUB)
    assert (m.text, m.value, m.relative, m.timex) == ("weeks ago", None, "weeks ago", "PAST_REF")
    assert m.earliest is not None and m.latest is not None and m.latest < PUB


def test_relative_without_pub_is_unresolved() -> None:
    m = one("He left yesterday.")
    assert (m.relative, m.value) == ("yesterday", None)


# ---------------------------------------------------------------- durations and ranges

@pytest.mark.parametrize("text, expr, timex", [
    ("They used 12 days of air power.", "12 days", "P12D"),
    ("The three-hour meeting ran long.", "three-hour", "PT3H"),
    ("It lasted six months.", "six months", "P6M"),
])
def test_durations(text: str, expr: str, timex: str) -> None:
    m = one(text, PUB)
    assert (m.text, m.kind, m.timex, m.value) == (expr, "duration", timex, None)


@pytest.mark.parametrize("text, expr, first, last", [
    ("He served 2017-2021 in office.", "2017-2021", date(2017, 1, 1), date(2021, 12, 31)),
    ("He served from 2017 to 2021.", "from 2017 to 2021", date(2017, 1, 1), date(2021, 12, 31)),
    ("The fair ran Jan. 3-5, 2024.", "Jan. 3-5, 2024", date(2024, 1, 3), date(2024, 1, 5)),
])
def test_ranges(text: str, expr: str, first: date, last: date) -> None:
    m = one(text, PUB)
    assert (m.text, m.kind, m.earliest, m.latest) == (expr, "range", first, last)


def test_decade() -> None:
    m = one("Prices fell in the 1990s.", PUB)
    assert (m.text, m.granularity, m.timex) == ("1990s", "decade", "199")


# ---------------------------------------------------------------- tense

@pytest.mark.parametrize("text, expr, tense", [
    ("Trump is expected to announce this transition on January 23, 2024, coinciding with it.",
     "January 23, 2024", "future"),
    ("Trump said he would announce it on January 23.", "January 23", "future_in_past"),
    ("In May 2018, during his first administration, he withdrew the United States from the deal.",
     "May 2018", "past"),
    ("Back in January 2020, Trump ordered the assassination.", "January 2020", "past"),
    ("The deal that former President Barack Obama signed in 2015 is dead.", "2015", "past"),
    ("She has lived there since 2019.", "2019", "present_perfect"),
    ("The summit was to open on March 3.", "March 3", "future_in_past"),
    ("The vote is scheduled to take place on March 3.", "March 3", "future"),
    ("They plan to vote on March 3.", "March 3", "future"),
    ("The dividend will be paid Dec. 14.", "Dec. 14", "future"),
    ("The upcoming March 3 vote matters.", "March 3", "future"),
    ("Negotiations in 2026 are hard.", "2026", "present"),
])
def test_tense(text: str, expr: str, tense: str) -> None:
    assert find(text, expr, PUB).tense == tense


def test_tense_unknown_without_verb() -> None:
    assert detect_tense("January 2020: a timeline", 0, 12) == "unknown"


def test_quoted_future_is_reported() -> None:
    text = "“We will meet on Monday,” he said."
    m = one(text, PUB, quoted_spans=[(0, text.index("”") + 1)])
    assert (m.tense, m.reported, m.value) == ("future", True, date(2026, 2, 16))
    assert not one(text, PUB).reported


def test_quoted_spans_are_absolute() -> None:
    text = "“We will meet on Monday,” he said."
    ms = extract_dates(text, 50, PUB, quoted_spans=[(50, 50 + text.index("”") + 1)])
    assert ms[0].reported


# ---------------------------------------------------------------- the seed articles

def _seed_line(name: str, line: int) -> str:
    return (SEEDS / name).read_text(encoding="utf-8").split("\n")[line - 1]


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds absent")


@needs_seeds
def test_seed_000_line_10() -> None:
    m = find(_seed_line("000_5b1bdec33577ccee.txt", 10), "January 23, 2024", date(2025, 12, 30))
    assert (m.tense, m.value, m.kind) == ("future", date(2024, 1, 23), "absolute")


@needs_seeds
def test_seed_000_line_1_monday() -> None:
    m = find(_seed_line("000_5b1bdec33577ccee.txt", 1), "Monday", date(2025, 12, 30))
    assert (m.tense, m.value) == ("past", date(2025, 12, 29))


@needs_seeds
def test_seed_004_line_15() -> None:
    text = _seed_line("004_03d1abdf2edee18b.txt", 15)
    may = find(text, "May 2018", PUB)
    assert (may.tense, may.earliest, may.latest) == ("past", date(2018, 5, 1), date(2018, 5, 31))
    assert find(text, "2015", PUB).tense == "past"


@needs_seeds
def test_seed_004_line_21() -> None:
    m = find(_seed_line("004_03d1abdf2edee18b.txt", 21), "January 2020", PUB)
    assert (m.tense, m.timex) == ("past", "2020-01")


@needs_seeds
def test_seed_004_line_33() -> None:
    m = find(_seed_line("004_03d1abdf2edee18b.txt", 33), "Jan. 3", PUB)
    assert (m.tense, m.value) == ("past", date(2026, 1, 3))


@needs_seeds
def test_seed_004_line_40() -> None:
    m = find(_seed_line("004_03d1abdf2edee18b.txt", 40), "barely one month ago", PUB)
    assert m.kind == "relative" and m.value == date(2026, 1, 12)
    assert m.earliest is not None and m.latest is not None
    assert m.earliest <= date(2026, 1, 3) <= m.latest  # consistent with "arrested on Jan. 3"


@needs_seeds
def test_seed_004_line_8_wednesday() -> None:
    m = find(_seed_line("004_03d1abdf2edee18b.txt", 8), "Wednesday", PUB)
    assert (m.tense, m.value) == ("past", date(2026, 2, 11))


@needs_seeds
def test_seeds_have_no_invalid_dates() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for m in extract_dates(path.read_text(encoding="utf-8"), 0, PUB):
            assert m.valid, (path.name, m.text)
