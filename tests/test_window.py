"""The publication-date window (linter.extract.window) and the rules date/window-contradiction and
date/unknown-publication."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.window import Claim, describe_need, intersect, solve
from linter.extractions import Analysis
from linter.kb import load_kb
from linter.rules import load_rules

D = datetime.date
from conftest import SEEDS, SHARED  # noqa: E402

RULES = ["date/window-contradiction", "date/unknown-publication"]
ENGINE = Engine(load_rules(), Selection(select=RULES))


def _window(doc):  # type: ignore[no-untyped-def]
    return Analysis(doc, load_kb()).window


def seed_text(name: str) -> str:
    """A seed article without its three lines of front matter (so without a date)."""
    return "".join((SEEDS / name).read_text(encoding="utf-8").splitlines(keepends=True)[3:])


def claim(text: str, start: int, spans: list[tuple[D | None, D | None]]) -> Claim:
    return Claim("test", text, start, start + len(text), spans)


def test_intersect_unions() -> None:
    a = [(D(2017, 1, 20), D(2021, 1, 20)), (D(2025, 1, 20), None)]
    b = [(D(2020, 1, 1), None)]
    assert intersect(a, b) == [(D(2020, 1, 1), D(2021, 1, 20)), (D(2025, 1, 20), None)]
    assert intersect([(None, D(2024, 1, 24))], [(D(2024, 7, 28), None)]) == []
    assert intersect([(None, None)], [(None, D(2000, 1, 1))]) == [(None, D(2000, 1, 1))]


def test_solve_finds_a_minimal_clash() -> None:
    former = claim("former President Trump", 0, [(D(2021, 1, 20), D(2025, 1, 20))])
    wide = claim("President Netanyahu", 30, [(D(1996, 6, 18), None)])
    pez = claim("President Pezeshkian", 60, [(D(2024, 7, 28), None)])
    future = claim("on January 23, 2024", 90, [(None, D(2024, 1, 24))])
    w = solve([former, wide, pez, future])
    assert w.empty and w.start is None and w.end is None
    (cf,) = w.conflicts
    assert cf.claim is future and cf.against == [pez]
    ok = solve([former, wide, pez])
    assert not ok.empty and (ok.start, ok.end) == (D(2024, 7, 28), D(2025, 1, 19))


def test_describe_need() -> None:
    assert describe_need([(D(2021, 1, 20), D(2025, 1, 20))]) == "2021-01-20..2025-01-19"
    assert describe_need([(D(2024, 7, 28), None)]) == "2024-07-28 or later"
    assert describe_need([(None, D(2024, 1, 24))]) == "2024-01-23 or earlier"


def lint(text: str, date: D | None = None) -> list[tuple[str, str, int, str]]:
    doc = load_text(text, "x.txt", date=date)
    return [(f.rule, f.severity.name, f.line, f.message) for f in ENGINE.lint(doc).findings]


def test_seed_000_without_date_clashes() -> None:
    out = lint(seed_text("000_5b1bdec33577ccee.txt"))
    assert [(r, s, line) for r, s, line, _ in out] == [("date/window-contradiction", "WARNING", 1)]
    msg = out[0][3]
    assert "'former U.S. President Donald Trump' (line 1) needs 2021-01-19..2025-01-20" in msg
    assert "'January 23, 2024' (future tense, line 10) needs 2024-01-23 or earlier" in msg
    finding = ENGINE.lint(load_text(seed_text("000_5b1bdec33577ccee.txt"), "x.txt")).findings[0]
    assert finding.excerpt == "former U.S. President Donald Trump"  # points at the first clashing claim


def test_seed_001_without_date_is_consistent() -> None:
    out = lint(seed_text("001_535466d225eb473c.txt"))
    assert [(r, s) for r, s, _, _ in out] == [("date/unknown-publication", "INFO")]
    w = _window(load_text(seed_text("001_535466d225eb473c.txt"), "x.txt"))
    assert w.start is not None and w.end is not None
    # EXPECTED.md: 2022-12-29..2025-01-20; the window must contain it
    assert w.start <= D(2022, 12, 29) and w.end >= D(2025, 1, 19) and w.end <= D(2025, 1, 21)


@pytest.mark.parametrize("name", ["000_5b1bdec33577ccee.txt", "001_535466d225eb473c.txt", "004_03d1abdf2edee18b.txt"])
def test_silent_when_dated(name: str) -> None:
    assert lint(seed_text(name), D(2025, 12, 30)) == []


def test_seed_004_without_date_has_no_clash() -> None:
    out = lint(seed_text("004_03d1abdf2edee18b.txt"))
    assert [r for r, _, _, _ in out] == ["date/unknown-publication"]
    w = _window(load_text(seed_text("004_03d1abdf2edee18b.txt"), "x.txt"))
    assert w.start is not None and w.start <= D(2026, 2, 12)


@pytest.mark.parametrize("text", [
    "In 2015, then-President Barack Obama signed the deal. Trump is expected to speak on March 3, 2026.",
    "To paraphrase President Ronald Reagan, are you better off today?",  # an honorific, not a term
    "The notes will cover the period from January 1, 1984 to December 19, 1986.",  # a range, not an event
    "Growth will slow to 1.5 pct this year from 2.4 pct in 1986.",  # a year in a comparison
    "The incoming Trump administration will review the deal. Former President Joe Biden spoke.",
])
def test_no_false_clash(text: str) -> None:
    assert not _window(load_text(text, "x.txt")).empty


def test_administration_and_age_claims() -> None:
    w = _window(load_text("The Biden administration has signaled openness to talks.", "x.txt"))
    assert (w.start, w.end) == (D(2021, 1, 19), D(2025, 1, 20))
    w = _window(load_text("Benjamin Netanyahu, 76, said on Monday he would run.", "x.txt"))
    assert (w.start, w.end) == (D(2025, 10, 21), D(2026, 10, 20))


def test_window_contains_the_real_date_on_dated_news(shared: Path) -> None:
    """Strip the dates of a dated archive: the implied window must hold the real date."""
    import json

    path = SHARED / "corpora" / "trump_news_2021_2025" / "trump_news_headlines.jsonl"
    if not path.exists():
        pytest.skip("corpus not present")
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:400]:
        rec = json.loads(line)
        if not rec.get("date"):
            continue
        truth = D.fromisoformat(rec["date"][:10])
        w = _window(load_text(rec["text"], "x.txt"))
        assert not w.empty, (rec["id"], w.conflicts)
        if w.claims:
            checked += 1
            assert any((s is None or s <= truth) and (e is None or truth < e) for s, e in w.spans), rec["id"]
    assert checked > 50
