"""Titles against each person's whole timeline (issue: the time every sentence speaks of).

Labelled articles written for these tests, one or more per class of title mistake (stale, not
yet in office, dead, "the late", wrong office, first reference) and the look-alikes that must
stay silent; then hypothesis properties over the knowledge base's own terms: a title whose
reference time lies inside a term is never flagged, and moving the publication date further
past a term's end never removes a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.api import build_engine, lint_text
from linter.engine import Engine
from linter.extract.reftime import reference_time
from linter.kb import KnowledgeBase, Term, load_kb
from linter.kb.model import ELECT_WINDOW

TIMELINE_RULES = ["title/not-in-office", "title/not-yet-in-office", "title/dead", "title/late",
                  "title/wrong-office", "title/first-reference"]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(select=TIMELINE_RULES)


@dataclass(frozen=True)
class Case:
    name: str
    date: date
    text: str
    #: (rule, severity, the text the finding starts with): every finding the article must give
    expect: tuple[tuple[str, str, str], ...]
    kind: str = "markdown"


CASES = [
    Case("stale, dated clause", date(2023, 3, 1), """# Europe weighs its options

BERLIN - Chancellor Angela Merkel said on Tuesday that Europe must act together on energy.
The remarks came at a forum in Berlin.
""", (("title/not-in-office", "error", "Chancellor Angela Merkel"),)),
    Case("stale, undated news narration", date(2025, 3, 1), """# Allies urged to spend more

NATO Secretary-General Jens Stoltenberg told reporters that allies must spend more on defence.
""", (("title/not-in-office", "warning", "NATO Secretary-General Jens Stoltenberg"),)),
    Case("stale long ago, but dated", date(2016, 5, 2), """# Climate appeal

U.N. Secretary-General Kofi Annan urged governments on Monday to act on climate change.
""", (("title/not-in-office", "error", "U.N. Secretary-General Kofi Annan"),)),
    Case("inside the term: silent", date(2016, 5, 2), """# A look back

In 2003, Secretary-General Kofi Annan urged governments to act. Under President Barack Obama,
the policy changed. The judge, an appointee of President George W. Bush, retired last year.
""", ()),
    Case("not yet: president-elect", date(2024, 12, 2), """# Tariff threat

President Donald Trump said on Monday that tariffs on imports would follow in January.
""", (("title/not-yet-in-office", "error", "President Donald Trump"),)),
    Case("not yet: candidate, news default", date(2022, 8, 20), """# Energy bills

Prime Minister Liz Truss told supporters the plan would cut energy bills for every household.
""", (("title/not-yet-in-office", "warning", "Prime Minister Liz Truss"),)),
    Case("not yet, but written as such: silent", date(2024, 12, 2), """# Tariff threat

President-elect Donald Trump said on Monday that tariffs would follow. Incoming Trump White
House chief of staff Susie Wiles said on Monday there would be no drama.
""", ()),
    Case("dead, dated", date(2023, 6, 1), """# Palace statement

Queen Elizabeth II said in a statement on Friday that she was saddened by the floods.
""", (("title/dead", "error", "Queen Elizabeth II"),)),
    Case("dead, remembered: silent", date(2023, 6, 1), """# Palace statement

King Charles III said in a statement on Friday that he was saddened by the floods. In 1953,
Queen Elizabeth II said she would serve for life. The late Queen Elizabeth II is remembered
for her devotion to duty.
""", ()),
    Case("the late, alive", date(2023, 6, 1), """# A ceremony in Georgia

The late Jimmy Carter was honoured at the ceremony in Plains.
""", (("title/late", "error", "late Jimmy Carter"),)),
    Case("wrong office, country written", date(2023, 6, 1), """# Talks in Beijing

Russian Foreign Minister Sergei Shoigu met his Chinese counterpart on Monday.
""", (("title/wrong-office", "error", "Russian Foreign Minister Sergei Shoigu"),)),
    Case("wrong office, premier called president", date(2021, 6, 1), """# Visit

Chinese President Li Keqiang visited Berlin on Monday for talks on trade.
""", (("title/wrong-office", "error", "Chinese President Li Keqiang"),)),
    Case("wrong office, surname only", date(2024, 6, 1), """# War cabinet

Israeli Prime Minister Benjamin Netanyahu spoke on Monday. Later, President Netanyahu told
reporters that the war would go on.
""", (("title/wrong-office", "warning", "President Netanyahu"),)),
    Case("ambiguous titles: no error", date(2025, 3, 4), """# Budget week

Chancellor Rachel Reeves said on Tuesday that taxes would rise. Jordan's King Abdullah met
Speaker Mike Johnson on Monday, and Speaker Lindsay Hoyle welcomed the delegation.
""", ()),
    Case("first reference in the body", date(2024, 6, 1), """# Meloni wins confidence vote

Meloni said on Monday that the coalition would hold until the next election.
""", (("title/first-reference", "warning", "Meloni"),)),
    Case("first reference done right", date(2024, 6, 1), """# Meloni wins confidence vote

By Jane Doe

Italian Prime Minister Giorgia Meloni said on Monday that the coalition would hold. Meloni
said she would stay.
""", ()),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_labelled_article(case: Case, engine: Engine) -> None:
    result = lint_text(case.text, path="article.md", kind=case.kind, date=case.date, engine=engine)
    got = set()
    for f in result.findings:
        lines = case.text.splitlines()
        at = lines[f.line - 1][f.column - 1:]
        got.add((f.rule, str(f.severity), next((e[2] for e in case.expect if at.startswith(e[2])), at[:40])))
    assert got == set(case.expect), [f"{f.rule} {f.severity} {f.line}:{f.column} {f.message}" for f in result.findings]


def test_errors_carry_the_evidence(engine: Engine) -> None:
    """A message says when the person left office and what time the sentence speaks of."""
    text = "Chancellor Angela Merkel said on Tuesday that Europe must act."
    [f] = lint_text(text, date=date(2023, 3, 1), engine=engine).findings
    assert "2021-12-08" in f.message and '"Tuesday" (2023-02-28)' in f.message


# -- the reference time itself ------------------------------------------------------------------

def _ref(text: str, span: str, pub: date) -> tuple[str, date | None, date | None]:
    from linter.document import load_text
    from linter.extractions import Analysis

    doc = load_text(text, "x.txt", date=pub)
    a = Analysis(doc, load_kb())
    start = doc.prose.index(span)
    r = a.ref_time(start, start + len(span))
    return r.source, r.start, r.end


@pytest.mark.parametrize("text, span, source, start", [
    ("Chancellor Angela Merkel said on Tuesday that Europe must act.", "Chancellor Angela Merkel",
     "explicit", date(2023, 2, 28)),
    ("In 2003, Secretary-General Kofi Annan urged governments to act.", "Secretary-General Kofi Annan",
     "explicit", date(2003, 1, 1)),
    ("President Joe Biden will meet the Saudi crown prince.", "President Joe Biden", "present", date(2023, 3, 1)),
    ("NATO Secretary-General Jens Stoltenberg told reporters the allies agreed.", "NATO Secretary-General",
     "news", date(2023, 1, 30)),
    ("The law was passed under President Barack Obama.", "President Barack Obama", "then", None),
    ("After President Donald Trump pardoned the Jan. 6 rioters on Monday, they cheered.",
     "President Donald Trump", "explicit", date(2023, 2, 27)),
    ("The last visit was in 1977, when Queen Elizabeth II toured the country.", "Queen Elizabeth II",
     "explicit", date(1977, 1, 1)),
])
def test_reference_time(text: str, span: str, source: str, start: date | None) -> None:
    got = _ref(text, span, date(2023, 3, 1))
    assert got[:2] == (source, start)


def test_reference_time_without_publication_date() -> None:
    r = reference_time("President Joe Biden said so.", 0, (0, 19), (), None, "past")
    assert (r.source, r.start, r.end) == ("unknown", None, None)


# -- properties over the knowledge base's terms -------------------------------------------------

_KB = load_kb()
_ENGINE = build_engine(select=TIMELINE_RULES)
_FLAGS = {"title/not-in-office", "title/not-yet-in-office", "title/wrong-office", "title/dead"}


def _title_for(kb: KnowledgeBase, t: Term) -> str | None:
    office = kb.offices[t.office]
    country = kb.countries.get(office.country or "")
    if not office.titles or country is None or not country.adjectives:
        return None
    return f"{country.adjectives[0]} {office.titles[0]}"


def _resolves(title: str, name: str, t: Term) -> bool:
    from linter.extract.mentions import extract_mentions

    text = f"{title} {name} said the talks would continue."
    ms = extract_mentions([(0, text)], _KB, pub_date=t.start)
    return any(m.person_id == t.person and m.office_id == t.office for m in ms)


def _triples(limit: int = 60) -> list[tuple[str, str, Term]]:
    """Terms of single-holder offices the KB covers, whose title and full name the mention finder
    reads back as that person and office: what the properties are drawn from."""
    out = []
    for pid in sorted(_KB.people):
        p = _KB.people[pid]
        if len(p.name.split()) < 2 or not p.bare_surname:
            continue
        for t in p.terms:
            o = _KB.offices.get(t.office)
            if o is None or not o.single_holder or not _KB.covers(t.office, t.start) or t.uncertain:
                continue
            if t.end is None or (t.end - t.start).days < 90:
                continue
            title = _title_for(_KB, t)
            if title and _resolves(title, p.name, t):
                out.append((title, p.name, t))
                break
        if len(out) >= limit:
            break
    return out


_TRIPLES = _triples()


def test_property_pool_is_large_enough() -> None:
    assert len(_TRIPLES) >= 40, len(_TRIPLES)


def _findings(text: str, pub: date) -> set[str]:
    return {f.rule for f in lint_text(text, date=pub, engine=_ENGINE).findings if f.rule in _FLAGS}


@given(st.sampled_from(_TRIPLES) if _TRIPLES else st.nothing(), st.floats(0.05, 0.95), st.integers(0, 4000))
def test_inside_a_term_is_never_flagged(triple: tuple[str, str, Term], where: float, later: int) -> None:
    title, name, t = triple
    assert t.end is not None
    day = t.start + timedelta(days=int((t.end - t.start).days * where))
    text = f"On {day:%B} {day.day}, {day.year}, {title} {name} said the talks would continue."
    assert not _findings(text, day + timedelta(days=later)), (text, day + timedelta(days=later))


@given(st.sampled_from(_TRIPLES) if _TRIPLES else st.nothing(),
       st.sampled_from(["said on Monday that the talks would continue.", "told reporters the talks would continue.",
                        "says the talks will continue."]),
       st.integers(40, 2000), st.integers(1, 2000))
def test_later_publication_never_removes_a_finding(triple: tuple[str, str, Term], verb: str, after: int,
                                                   more: int) -> None:
    title, name, t = triple
    assert t.end is not None
    d1 = t.end + timedelta(days=after)
    d2 = d1 + timedelta(days=more)
    person = _KB.people[t.person]
    limit = min([x.start for x in _KB.terms(t.person, t.office) if x.start > t.end] or [date.max])
    limit = min(limit - ELECT_WINDOW - timedelta(days=40), person.died or date.max, _KB.as_of or date.max)
    if d2 >= limit:
        return  # the person took the office again, or died, or the KB ends: another story
    text = f"{title} {name} {verb}"
    assert _findings(text, d1) <= _findings(text, d2), (text, d1, d2)


def test_every_stale_title_of_the_pool_is_found() -> None:
    """The properties above are not vacuous: each term of the pool, dated two months after it
    ended, gives title/not-in-office (unless the person died or took the office again)."""
    checked = 0
    for title, name, t in _TRIPLES:
        assert t.end is not None
        day = t.end + timedelta(days=60)
        person = _KB.people[t.person]
        again = [x.start for x in _KB.terms(t.person, t.office) if x.start > t.end]
        if (person.died and person.died <= day) or (again and again[0] - day < timedelta(days=200)):
            continue
        checked += 1
        text = f"{title} {name} said on Monday that the talks would continue."
        assert "title/not-in-office" in _findings(text, day), (text, day)
    assert checked >= 30


def test_a_standfirst_introduces_but_is_not_checked(engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An archive record's description (a dek, or the lead the news API copied) under the
    headline: a full name there introduces the person, a surname there is house style."""
    import json

    from linter.api import lint_document
    from linter.runner import make_document, read_jsonl

    records = [
        {"id": "a", "date": "2025-03-12", "title": "Trump weighs sanctions",
         "description": "U.S. President Donald Trump said he could hit Moscow financially.",
         "text": "Trump weighs sanctions\nU.S. President Donald Trump said he could hit Moscow financially.\n"
                 "Trump said he preferred not to."},
        {"id": "b", "date": "2025-03-12", "title": "Trump weighs sanctions",
         "description": "Trump said he could hit Moscow financially.",
         "text": "Trump weighs sanctions\nTrump said he could hit Moscow financially.\nTrump said he preferred not to."},
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    got = {}
    for item in read_jsonl(path, "archive.jsonl", []):
        doc = make_document(item)
        got[item.path.rsplit("#", 1)[1]] = [(f.rule, f.line) for f in lint_document(doc, engine).findings]
    assert got == {"a": [], "b": [("title/first-reference", 3)]}


@pytest.mark.parametrize("person, office, day, kind, elected", [
    ("angela-merkel", "de.chancellor", date(2023, 2, 28), "stale", False),
    ("angela-merkel", "de.chancellor", date(2010, 1, 1), "holds", False),
    ("donald-trump", "us.president", date(2024, 12, 2), "not_yet", True),   # president-elect
    ("donald-trump", "us.president", date(2024, 10, 1), "stale", False),    # a former president running
    ("liz-truss", "gb.prime-minister", date(2022, 8, 20), "not_yet", False),
    ("elizabeth-ii", "gb.monarch", date(2023, 5, 26), "dead", False),
    ("sergei-shoigu", "ru.foreign-minister", date(2023, 5, 29), "never", False),
])
def test_verdict(person: str, office: str, day: date, kind: str, elected: bool) -> None:
    v = _KB.verdict(person, office, day, day)
    assert (v.kind, v.elected) == (kind, elected)
    if kind == "never":
        assert v.other == "Minister of Defence of Russia"
