"""Property tests for the date extractor: weekday consistency, relative distances, robustness."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.extract.dates import MONTHS, WEEKDAYS, extract_dates

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
PUBS = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
NUM_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
             9: "nine", 10: "ten", 12: "twelve", 20: "twenty"}


@settings(max_examples=200, deadline=None)
@given(DATES)
def test_written_weekday_matches_value(d: date) -> None:
    wd = WEEKDAYS[d.weekday()]
    text = f"The meeting took place on {wd}, {MONTHS[d.month - 1]} {d.day}, {d.year}, in Paris."
    ms = extract_dates(text, 0, None)
    assert len(ms) == 1
    m = ms[0]
    assert m.value == d
    assert m.weekday == wd == WEEKDAYS[m.value.weekday()]
    assert m.kind == "absolute" and m.valid


@settings(max_examples=200, deadline=None)
@given(PUBS, st.integers(min_value=1, max_value=90), st.booleans())
def test_days_ago(pub: date, n: int, words: bool) -> None:
    num = NUM_WORDS.get(n, str(n)) if words else str(n)
    unit = "day" if n == 1 else "days"
    ms = extract_dates(f"The talks collapsed {num} {unit} ago, officials said.", 0, pub)
    assert [m.kind for m in ms] == ["relative"]
    assert ms[0].value == pub - timedelta(days=n)


@settings(max_examples=200, deadline=None)
@given(PUBS, st.integers(min_value=1, max_value=20))
def test_weeks_ago(pub: date, n: int) -> None:
    unit = "week" if n == 1 else "weeks"
    m = extract_dates(f"It began {n} {unit} ago.", 0, pub)[0]
    assert m.value == pub - timedelta(weeks=n)
    assert m.earliest is not None and m.latest is not None
    assert m.earliest <= m.value <= m.latest <= pub


@settings(max_examples=200, deadline=None)
@given(PUBS, st.sampled_from(WEEKDAYS), st.sampled_from(["said", "will say", "says", "would say", ""]))
def test_last_and_next_weekday(pub: date, wd: str, verb: str) -> None:
    last = extract_dates(f"He {verb} it last {wd}.", 0, pub)[-1]
    nxt = extract_dates(f"He {verb} it next {wd}.", 0, pub)[-1]
    assert last.value is not None and nxt.value is not None
    assert 1 <= (pub - last.value).days <= 7
    assert 1 <= (nxt.value - pub).days <= 7
    assert last.value.weekday() == nxt.value.weekday() == WEEKDAYS.index(wd)


@settings(max_examples=200, deadline=None)
@given(PUBS, st.sampled_from(WEEKDAYS), st.sampled_from(["met", "will meet", "meet", "would meet"]))
def test_bare_weekday_within_a_week(pub: date, wd: str, verb: str) -> None:
    m = extract_dates(f"They {verb} on {wd}.", 0, pub)[0]
    assert m.value is not None and m.weekday == wd
    assert m.value.weekday() == WEEKDAYS.index(wd)
    assert abs((m.value - pub).days) <= 7
    if m.tense == "past":
        assert m.value <= pub
    if m.tense == "future":
        assert m.value > pub


_ALPHABET = st.sampled_from(
    list("abcdeMJFASOND0123456789 ,.-/:$%'’“”\n")
    + ["May", "March", "Jan.", "Monday", "ago", "last", "next", "2024", "1999", "year", "weeks",
       "the 23rd", "from", "to", "will", "said", "Feb. 29", "31", "s", "-old", "this"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.integers(min_value=0, max_value=10_000),
       st.one_of(st.none(), PUBS))
def test_never_raises_and_spans_match(text: str, base: int, pub: date | None) -> None:
    ms = extract_dates(text, base, pub, quoted_spans=[(base, base + len(text) // 2)])
    prev_end = base
    for m in ms:
        assert base <= m.start < m.end <= base + len(text)
        assert m.text == text[m.start - base:m.end - base]
        assert m.start >= prev_end
        prev_end = m.end
        if m.earliest is not None and m.latest is not None:
            assert m.earliest <= m.latest


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), PUBS))
def test_never_raises_on_any_text(text: str, pub: date | None) -> None:
    for m in extract_dates(text, 0, pub):
        assert m.text == text[m.start:m.end]
