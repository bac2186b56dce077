"""Rules against ground truth: the weekday rule agrees with the calendar for any date, and
knowledge-base findings drop to info once the article is dated well past the KB."""

from __future__ import annotations

import calendar
import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.finding import Severity
from linter.kb import load_kb
from linter.rules import load_rules

RULES = load_rules()
WEEKDAY = Engine(RULES, Selection(["date/weekday-mismatch"]))
TITLES = Engine(RULES, Selection(["title/"]))
MONTHS = list(calendar.month_name)[1:]
DAYS = list(calendar.day_name)


@settings(max_examples=150, deadline=None)
@given(st.dates(datetime.date(1950, 1, 1), datetime.date(2049, 12, 31)), st.sampled_from(DAYS),
       st.booleans())
def test_weekday_rule_agrees_with_the_calendar(day: datetime.date, weekday: str, year_written: bool) -> None:
    when = f"{weekday}, {MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if year_written else "")
    text = f"The council met on {when}, to approve the budget."
    # Without a written year the year comes from the publication date: publish a few days later.
    doc = load_text(text, path="x.txt", date=day + datetime.timedelta(days=3))
    findings = WEEKDAY.lint(doc).findings
    truth = DAYS[day.weekday()]
    assert bool(findings) == (weekday != truth), (text, truth, findings)
    for f in findings:
        assert truth in f.message


def test_former_sitting_drops_to_info_past_the_kb_date() -> None:
    kb = load_kb()
    text = "Former U.S. President Donald Trump spoke on Monday."
    fresh = TITLES.lint(load_text(text, path="x.txt", date=kb.as_of)).findings
    assert [(f.rule, f.severity) for f in fresh] == [("title/former-sitting", Severity.ERROR)]
    stale = TITLES.lint(load_text(text, path="x.txt", date=kb.as_of + datetime.timedelta(days=400))).findings
    assert [(f.rule, f.severity) for f in stale] == [("title/former-sitting", Severity.INFO)]
    assert f"knowledge base is current to {kb.as_of.isoformat()}" in stale[0].message
