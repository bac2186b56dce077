"""Hypothesis properties of the age rules over the knowledge base's own people: an age computed
from a KB birth date and a random publication date (or the KB death date) is never flagged, and
one year off, beyond the birthday tolerance, always is; and the clash data of
``linter.extract.ages`` agrees with the arithmetic."""

from __future__ import annotations

import datetime

from hypothesis import assume, given
from hypothesis import strategies as st

from linter.document import load_text
from linter.engine import Engine, Selection
from linter.extract.ages import Age, _years, age_clashes, birth_windows
from linter.extract.mentions import extract_mentions
from linter.kb import load_kb
from linter.rules import load_rules

KB = load_kb()
ENGINE = Engine(load_rules(), Selection(select=["date/age-mismatch"]))
TODAY = datetime.date(2026, 1, 1)
TEMPLATES = (
    "{name}, {age}, said on Monday that the talks would go on.",
    "The {age}-year-old {name} said on Monday that the talks would go on.",
    "{name}, aged {age}, said on Monday that the talks would go on.",
)


def _people() -> list[tuple[str, str, datetime.date, datetime.date | None, int]]:
    """(id, name, born, died, first year in office) of KB people with a certain birth date whose
    full name, in one sentence, the mention finder resolves to them (every 15th, for speed)."""
    out = []
    for k, p in enumerate(sorted(KB.people.values(), key=lambda p: p.id)):
        if k % 15 or p.born is None or p.uncertain or not p.terms or len(p.name.split()) < 2:
            continue
        sentences = [(x.start, x.text) for x in load_text(f"{p.name}, 45, spoke.", "x.txt").sentences]
        ms = extract_mentions(sentences, KB)
        if len(sentences) == 1 and len(ms) == 1 and ms[0].person_id == p.id and ms[0].name == p.name:
            out.append((p.id, p.name, p.born, p.died, min(t.start.year for t in p.terms)))
    return out


PEOPLE = _people()


def _rules(text: str, pub: datetime.date) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.name) for f in ENGINE.lint(load_text(text, "x.txt", date=pub)).findings]


def _add_years(d: datetime.date, n: int) -> datetime.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


@given(st.sampled_from(PEOPLE), st.integers(0, 80 * 366), st.sampled_from(TEMPLATES))
def test_a_true_current_age_is_never_flagged(person: tuple, days: int, template: str) -> None:
    _, name, born, died, _ = person
    pub = _add_years(born, 18) + datetime.timedelta(days=days)
    assume(pub <= (died or TODAY))
    age = _years(born, pub)
    assert _rules(template.format(name=name, age=age), pub) == []


@given(st.sampled_from(PEOPLE), st.integers(15, 350), st.integers(18, 90), st.sampled_from([-1, 1]),
       st.sampled_from(TEMPLATES))
def test_one_year_off_is_always_flagged(person: tuple, after_birthday: int, years: int, off: int, template: str) -> None:
    _, name, born, died, first_year = person
    pub = _add_years(born, years) + datetime.timedelta(days=after_birthday)
    assume(pub <= (died or TODAY) and pub.year + 5 >= first_year and pub < _add_years(born, years + 1))
    assert _rules(template.format(name=name, age=years + off), pub) == [("date/age-mismatch", "ERROR")]


DEAD = [p for p in PEOPLE if p[3] is not None]


@given(st.sampled_from(DEAD) if DEAD else st.nothing(), st.integers(0, 4000), st.sampled_from([-1, 0, 1]))
def test_the_age_at_death(person: tuple, days: int, off: int) -> None:
    _, name, born, died, _ = person
    pub = died + datetime.timedelta(days=days)
    want = [] if off == 0 else [("date/age-mismatch", "ERROR")]
    assert _rules(f"{name} died at {_years(born, died) + off}.", pub) == want


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2000, 12, 31)),
       st.lists(st.integers(0, 40000), min_size=2, max_size=5))
def test_true_ages_of_one_person_never_clash(born: datetime.date, offsets: list[int]) -> None:
    ages = []
    for k, days in enumerate(offsets):
        at = born + datetime.timedelta(days=days)
        ages.append(Age(k, k + 1, "x", _years(born, at), person_key="p", at=at, at_end=at))
    assert age_clashes(ages) == []
    for a in ages:
        assert any(lo <= born <= hi for lo, hi in birth_windows(a))


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2000, 12, 31)), st.integers(0, 40000),
       st.integers(0, 40000), st.sampled_from([-2, -1, 1, 2]))
def test_an_age_off_by_a_year_at_the_same_time_always_clashes(born: datetime.date, d1: int, d2: int, off: int) -> None:
    at = born + datetime.timedelta(days=d1)
    right = Age(0, 1, "x", _years(born, at), person_key="p", at=at, at_end=at)
    wrong = Age(5, 6, "y", right.value + off, person_key="p", at=at, at_end=at)
    other = born + datetime.timedelta(days=d2)
    third = Age(9, 10, "z", _years(born, other), person_key="p", at=other, at_end=other)
    assert (right, wrong) in age_clashes([right, wrong, third])


@given(st.text(alphabet=st.sampled_from(list("aAoOlLdDgGeEbBrRnNpPkKsS(.)iItTwW'’ ,0123456789\n-é")), max_size=60))
def test_the_age_trigger_shortcut_answers_as_the_pattern_does(text: str) -> None:
    """``_may_state_age`` (lower case, split by word and digit) equals ``_TRIGGER`` on any text."""
    from linter.extract.ages import _TRIGGER, _may_state_age

    assert _may_state_age(text) == (_TRIGGER.search(text) is not None)
