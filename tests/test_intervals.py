"""Interval claims (``linter.extract.intervals``): extraction, tolerance, and hypothesis properties:
a stated interval computed from two random dates is never flagged; shifting one endpoint by
more than the wording's tolerance always is."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from linter.api import build_engine, lint_text
from linter.document import load_text
from linter.extract.intervals import Interval, allowed, elapsed, ordinal_value
from linter.extractions import Analysis
from linter.kb import load_kb

ENGINE = build_engine(select=["date/interval-mismatch", "date/anniversary-mismatch"])
KB = load_kb()


def intervals(text: str, pub: date) -> list[Interval]:
    return Analysis(load_text(text, "x.txt", date=pub), KB).intervals


def rules(text: str, pub: date) -> list[str]:
    return [f.rule for f in lint_text(text, date=pub, engine=ENGINE).findings]


def test_after_links_both_points() -> None:
    [i] = intervals("The vote came on Thursday, two days after Monday's debate.", date(2025, 11, 6))
    assert (i.kind, i.amount, i.unit, i.actual, i.certain, i.mismatch) == ("after", 2, "day", (3, 3), True, True)
    assert i.frm == (date(2025, 11, 3), date(2025, 11, 3)) and i.to == (date(2025, 11, 6), date(2025, 11, 6))


def test_since_counts_to_publication_in_the_present_perfect() -> None:
    [i] = intervals("Smith has led the company since 2010, for 12 years.", date(2024, 5, 1))
    assert (i.kind, i.to_source, i.actual, i.mismatch) == ("for", "publication", (13, 14), True)
    assert intervals("Smith led the company for 12 years, since 2010, until he left.", date(2024, 5, 1)) == []


def test_anniversary_counts_calendar_years_from_the_founding() -> None:
    [i] = intervals("Founded in 1949, the alliance marks its 70th anniversary this week.", date(2024, 4, 4))
    assert (i.kind, i.amount, i.actual, i.frm_text) == ("anniversary", 70, (75, 75), "1949")


@pytest.mark.parametrize("gap", ["\n", " \n"])
def test_an_ordinal_period_broken_across_lines_is_read(gap: str) -> None:
    # hard-wrapped copy breaks "in its third week" where the line ends: the ordinal period
    # pattern takes any white space around "its", and so must the sentence's first pre-check
    text = ("    The strike at the port, which began on Oct. 2 over pay and pensions, is now in"
            f"{gap}its third week, union officials said on Monday in a statement sent to\n"
            "reporters at the gates of the container terminal in the city.\n"
            "    Talks between the two sides are due to resume later this week, the\n"
            "union said, but no agreement is expected before the end of the month.\n")
    [i] = intervals(text, date(2025, 10, 20))
    assert (i.kind, i.amount, i.unit, i.frm_text, i.actual, i.mismatch) == ("ordinal", 3, "week", "Oct. 2", (3, 3),
                                                                             False)


@pytest.mark.parametrize("text", [
    "The strike at the port, which began on Oct. 2, enters its third week on Monday.",
    "The strike at the port, which began on Oct. 2, went into its third week on Monday.",
    "The strike at the port, which began on Oct. 2, is entering its third week.",
])
def test_an_ordinal_period_after_any_of_its_verbs_is_read(text: str) -> None:
    # the sentence's pre-check (may_claim) takes every word _ORDINAL_PERIOD takes before "its",
    # not "in" alone
    [i] = intervals(text, date(2025, 10, 20))
    assert (i.kind, i.amount, i.unit, i.frm_text, i.mismatch) == ("ordinal", 3, "week", "Oct. 2", False)


def test_anniversary_of_a_knowledge_base_event() -> None:
    [i] = intervals("Leaders met on Saturday for the 25th anniversary of the 9/11 attacks.", date(2021, 9, 12))
    assert (i.frm_source, i.actual, i.mismatch) == ("event", (20, 20), True)


@pytest.mark.parametrize("text", [
    "Output fell 14 pct from a year earlier, the 26th straight monthly decline.",   # a comparison
    "Sales have grown more than 20 pct a year since 1981.",                          # a rate
    "Industrial output was 6 pct above the same 1986 month after rising in December.",
    "Easter is on April 19 this year, three weeks later than last year.",
    "The new agreement will extend for three years the arrangement in place since August 1985.",
])
def test_not_interval_claims(text: str) -> None:
    assert [i for i in intervals(text, date(1987, 3, 20)) if i.mismatch] == []


@pytest.mark.parametrize("word, value", [("70th", 70), ("seventy-fifth", 75), ("third", 3), ("twenty first", 21),
                                         ("hundredth", 100), ("eleventh", 11)])
def test_ordinal_value(word: str, value: int) -> None:
    assert ordinal_value(word) == value


def test_tolerance_follows_the_wording() -> None:
    assert allowed(14, "nearly") == (13, 14)
    assert allowed(10, "more than") == (10, float("inf"))
    assert allowed(3, None, "ordinal") == (2, 4)
    assert elapsed(date(2020, 3, 1), date(2024, 3, 1), "year") == 4


# -- properties ---------------------------------------------------------------------------------

_DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31))


def _day(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


@given(_DAYS, st.integers(1, 400))
def test_days_later_computed_from_two_dates_is_never_flagged(d1: date, n: int) -> None:
    d2 = d1 + timedelta(days=n)
    text = f"He was arrested on {_day(d1)} and released {n} days later, on {_day(d2)}."
    assert rules(text, d2 + timedelta(days=30)) == []


@given(_DAYS, st.integers(1, 400), st.integers(1, 60), st.booleans())
def test_days_later_off_by_any_day_is_flagged(d1: date, n: int, shift: int, earlier: bool) -> None:
    d2 = d1 + timedelta(days=n)
    stated = n - shift if earlier else n + shift
    if stated < 1:
        return
    text = f"He was arrested on {_day(d1)} and released {stated} days later, on {_day(d2)}."
    assert rules(text, d2 + timedelta(days=30)) == ["date/interval-mismatch"]


@given(st.integers(1900, 2020), st.integers(1, 99))
def test_years_later_computed_from_two_years_is_never_flagged(y1: int, n: int) -> None:
    assume(y1 + n <= 2098)  # the years the date extractor reads: 1900-2099
    text = f"The firm was founded in {y1} and listed {n} years later, in {y1 + n}."
    assert rules(text, date(y1 + n + 1, 6, 1)) == []


@given(st.integers(1900, 2020), st.integers(2, 99), st.integers(2, 30), st.booleans())
def test_years_later_off_by_more_than_a_year_is_flagged(y1: int, n: int, shift: int, earlier: bool) -> None:
    # the years alone fix the interval only to a year either way: beyond that, a finding
    assume(y1 + n <= 2098)
    stated = n - shift if earlier else n + shift
    if stated < 1:
        return
    text = f"The firm was founded in {y1} and listed {stated} years later, in {y1 + n}."
    assert rules(text, date(y1 + n + 1, 6, 1)) == ["date/interval-mismatch"]


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@given(st.integers(1900, 2020), st.integers(2, 120), st.integers(0, 1))
def test_anniversary_from_its_founding_year_is_never_flagged(y0: int, n: int, _: int) -> None:
    assume(y0 + n <= 2099)
    pub = date(y0 + n, 6, 15)
    text = f"Founded in {y0}, the society marks its {_ordinal(n)} anniversary this week."
    assert rules(text, pub) == []


@given(st.integers(1900, 2020), st.integers(2, 120), st.integers(1, 20), st.booleans())
def test_anniversary_off_by_any_year_is_flagged(y0: int, n: int, shift: int, earlier: bool) -> None:
    assume(y0 + n <= 2099)
    stated = n - shift if earlier else n + shift
    if stated < 2:
        return
    pub = date(y0 + n, 6, 15)
    text = f"Founded in {y0}, the society marks its {_ordinal(stated)} anniversary this week."
    assert rules(text, pub) == ["date/anniversary-mismatch"]


_CLAIM_PIECES = ("after", "After", "AFTER", "before", "later", "earlier", "since", "anniversary", "turn", "turns",
                 "Turned", "turning", "in", "In", "its", "ITS", "profits", "in its", "in\nits", "5", "_", "x", "é",
                 " ", " ", "  ", "-", ".", "\t", "\x1c")


@given(st.one_of(st.lists(st.sampled_from(_CLAIM_PIECES), max_size=12).map("".join), st.text(max_size=20)))
def test_may_claim_is_the_claim_word_search(text: str) -> None:
    from linter.extract import intervals as I

    assert I.may_claim(text) == (I._CLAIM_WORD.search(text) is not None)


_HEAD_PIECES = ("more than", "just over", "close to", "about", "twenty-one", "a hundred", "one hundred", "a", "an",
                "12", "3", "seventy", "two", "days", "Day", "weeks", "month", "years", "after", "before", "later",
                "earlier", "since", "holidays", "the", "vote", "x", "-", " ", "  ", "\n", ",", "5-", "é", "_")


@given(st.lists(st.sampled_from(_HEAD_PIECES), max_size=16).map(" ".join))
def test_claim_scans_start_before_the_first_match(text: str) -> None:
    # _AFTER, _LATER and _SINCE_N scanned from _claim_start find what a scan of the whole text finds
    from linter.extract import intervals as I

    for pattern, gate_pattern in ((I._AFTER, I._AFTER_GATE), (I._LATER, I._LATER_GATE), (I._SINCE_N, I._SINCE_GATE)):
        want = [m.span() for m in pattern.finditer(text)]
        gate = gate_pattern.search(text)
        if gate is None:
            assert want == []
        else:
            assert [m.span() for m in pattern.finditer(text, I._claim_start(text, gate))] == want


@given(st.lists(st.sampled_from(("in", "into", "entered", "Enters", "its", "ITS", "third", "twenty-first", "10th",
                                 "week", "year", "day", "the", "profits", "x", " ", "\n", "\t", ",")),
                max_size=14).map(" ".join))
def test_ordinal_period_scan_starts_before_its_gate(text: str) -> None:
    from linter.extract import intervals as I

    want = [m.span() for m in I._ORDINAL_PERIOD.finditer(text)]
    gate = I._ITS_GATE.search(text)
    if gate is None:
        assert want == []
    else:
        assert [m.span() for m in I._ORDINAL_PERIOD.finditer(text, I._claim_start(text, gate))] == want


@given(st.one_of(st.lists(st.sampled_from(_HEAD_PIECES + ("DAYS", "Years", "AFTER", "Since", "turns", "Turned",
                                                          "return", "TURNING", "60", "sixty", "%")),
                          max_size=16).map(" ".join), st.text(max_size=20)))
def test_gates_on_the_lower_cased_text(text: str) -> None:
    from linter.extract import intervals as I

    low = text.lower()
    for gate in (I._AFTER_GATE, I._LATER_GATE, I._SINCE_GATE):
        got, want = I._gate(gate, text, low), gate.search(text)
        assert (got and got.span()) == (want and want.span())
    if "turn" in low and text.isascii():
        assert [m.span() for m in I._TURNS.finditer(text, low.find("turn"))] == [m.span() for m in I._TURNS.finditer(text)]
