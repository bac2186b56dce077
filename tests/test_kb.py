"""Tests of the knowledge base: loading, lookups, date questions, validation, the bundled data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linter.kb import (
    KbError,
    KnowledgeBase,
    load_kb,
    norm_name,
    normalize_modifier,
    title_interval,
    validate_kb,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def ids(people: list) -> list[str]:
    return [p.id for p in people]


# --- the bundled KB ------------------------------------------------------------------------


def test_bundled_kb_is_valid() -> None:
    assert validate_kb() == []


def test_load_is_cached(kb: KnowledgeBase) -> None:
    assert load_kb() is kb


def test_coverage(kb: KnowledgeBase) -> None:
    assert len(kb.people) >= 350
    assert len(kb.offices) >= 50
    assert kb.as_of >= date(2026, 1, 3)
    for office in ("us.president", "us.vice-president", "us.secretary-of-state", "us.secretary-of-defense",
                   "us.secretary-of-the-treasury", "il.prime-minister", "ir.supreme-leader", "va.pope",
                   "un.secretary-general", "nato.secretary-general", "eu.commission-president"):
        assert office in kb.offices
        assert any(t.office == office for p in kb.people.values() for t in p.terms), office


def test_every_us_president_since_carter_in_order(kb: KnowledgeBase) -> None:
    expected = ["jimmy-carter", "ronald-reagan", "george-hw-bush", "bill-clinton", "george-w-bush",
                "barack-obama", "donald-trump", "joe-biden", "donald-trump"]
    got = [ids(kb.holder("us.president", date(y, 6, 1))) for y in (1980, 1985, 1990, 1995, 2005, 2010, 2018, 2022, 2025)]
    assert got == [[e] for e in expected]


# --- the seeds' facts ----------------------------------------------------------------------


def test_trump_sitting_and_former(kb: KnowledgeBase) -> None:
    assert kb.holds("donald-trump", "us.president", date(2025, 12, 30)) is True
    assert kb.holds("donald-trump", "us.president", date(2023, 6, 1)) is False
    assert kb.holds("donald-trump", "us.president", date(2019, 1, 1)) is True
    assert kb.held_before("donald-trump", "us.president", date(2023, 6, 1)) is True
    assert kb.held_before("donald-trump", "us.president", date(2016, 6, 1)) is False
    assert kb.people["donald-trump"].born == date(1946, 6, 14)


def test_biden_term_ended(kb: KnowledgeBase) -> None:
    assert kb.interval("joe-biden", "us.president") == [(date(2021, 1, 20), date(2025, 1, 20))]
    assert kb.holds("joe-biden", "us.president", date(2025, 1, 19)) is True
    assert kb.holds("joe-biden", "us.president", date(2025, 1, 20)) is False  # handover day: successor
    assert ids(kb.holder("us.president", date(2025, 1, 20))) == ["donald-trump"]
    assert kb.people["joe-biden"].born == date(1942, 11, 20)


def test_seed_officeholders(kb: KnowledgeBase) -> None:
    d = date(2026, 2, 12)
    assert ids(kb.holder("us.vice-president", d)) == ["jd-vance"]
    assert ids(kb.holder("us.secretary-of-state", d)) == ["marco-rubio"]
    assert ids(kb.holder("il.prime-minister", d)) == ["benjamin-netanyahu"]
    assert kb.interval("benjamin-netanyahu", "il.prime-minister")[-1] == (date(2022, 12, 29), None)
    assert kb.people["benjamin-netanyahu"].born == date(1949, 10, 21)
    assert kb.interval("masoud-pezeshkian", "ir.president") == [(date(2024, 7, 28), None)]
    assert kb.interval("abbas-araghchi", "ir.foreign-minister") == [(date(2024, 8, 21), None)]
    assert kb.people["ali-khamenei"].born == date(1939, 4, 19)
    assert kb.holds("ali-khamenei", "ir.supreme-leader", date(2026, 2, 12)) is True
    assert kb.interval("nicolas-maduro", "ve.president") == [(date(2013, 3, 5), date(2026, 1, 3))]
    assert kb.holds("nicolas-maduro", "ve.president", d) is False
    assert ids(kb.holder("ve.president", d)) == ["delcy-rodriguez"]
    assert kb.interval("bashar-al-assad", "sy.president") == [(date(2000, 7, 17), date(2024, 12, 8))]
    assert ids(kb.holder("va.pope", date(2025, 6, 1))) == ["leo-xiv"]
    assert kb.holder("va.pope", date(2025, 5, 1)) == []  # sede vacante
    assert ids(kb.holder("us.secretary-of-defense", d)) == ["pete-hegseth"]
    assert ids(kb.holder("us.secretary-of-the-treasury", d)) == ["scott-bessent"]


def test_offices_held(kb: KnowledgeBase) -> None:
    assert [o.id for o in kb.offices_held("dick-cheney", date(1990, 1, 1))] == ["us.secretary-of-defense"]
    assert [o.id for o in kb.offices_held("dick-cheney", date(2005, 1, 1))] == ["us.vice-president"]
    assert kb.offices_held("dick-cheney", date(1995, 1, 1)) == []


def test_unknown_answers(kb: KnowledgeBase) -> None:
    assert kb.holds("nobody", "us.president", date(2020, 1, 1)) is None
    assert kb.holds("donald-trump", "no.such-office", date(2020, 1, 1)) is None
    # near a boundary of an uncertain term
    assert kb.holds("gideon-saar", "il.foreign-minister", date(2024, 11, 10)) is None


def test_holds_answers_from_terms_coverage_and_staleness_apart(kb: KnowledgeBase) -> None:
    # one meaning: the terms as listed; an open term continues past as_of ...
    assert kb.holds("donald-trump", "us.president", date(2028, 6, 1)) is True
    assert kb.is_stale(date(2028, 6, 1)) and not kb.is_stale(kb.as_of)
    # ... and "no term" is False even where the KB does not list every holder
    assert kb.holds("ronald-reagan", "us.president", date(1960, 1, 1)) is False
    assert not kb.covers("us.president", date(1960, 1, 1))
    assert kb.covers("us.president", date(1990, 1, 1))


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Nicolas Maduro", ["nicolas-maduro"]),
        ("Nicolás Maduro", ["nicolas-maduro"]),
        ("NICOLAS MADURO", ["nicolas-maduro"]),
        ("Bashar Assad", ["bashar-al-assad"]),
        ("Bashar al-Assad", ["bashar-al-assad"]),
        ("Recep Tayyip Erdogan", ["recep-tayyip-erdogan"]),
        ("Erdogan", ["recep-tayyip-erdogan"]),
        ("J.D. Vance", ["jd-vance"]),
        ("JD Vance", ["jd-vance"]),
        ("George H.W. Bush", ["george-hw-bush"]),
        ("Joseph Biden", ["joe-biden"]),
        ("Ayatollah Ali Khamenei", ["ali-khamenei"]),
        ("Zelenskyy", ["volodymyr-zelensky"]),
        ("Nobody Atall", []),
    ],
)
def test_find_people(kb: KnowledgeBase, query: str, expected: list[str]) -> None:
    assert ids(kb.find_people(query)) == expected


def test_surname_ambiguity(kb: KnowledgeBase) -> None:
    assert sorted(ids(kb.find_people("Assad"))) == ["bashar-al-assad", "hafez-al-assad"]
    assert {"george-hw-bush", "george-w-bush", "jeb-bush"} <= set(ids(kb.find_people("Bush")))


def test_norm_name() -> None:
    assert norm_name("Nicolás Maduro") == norm_name("nicolas maduro")
    assert norm_name("Yıldırım") == "yildirim"
    assert norm_name("Gideon Sa'ar") == norm_name("Gideon Saar")


# --- title intervals -----------------------------------------------------------------------


def _inside(spans: list, d: date) -> bool:
    return any((s is None or s <= d) and (e is None or d < e) for s, e in spans)


def test_title_interval(kb: KnowledgeBase) -> None:
    former = title_interval(kb, "donald-trump", "us.president", "former")
    assert former == [(date(2021, 1, 20), date(2025, 1, 20))]
    assert _inside(former, date(2023, 6, 1)) and not _inside(former, date(2025, 12, 30))
    sitting = title_interval(kb, "donald-trump", "us.president", None)
    assert sitting == [(date(2017, 1, 20), date(2021, 1, 20)), (date(2025, 1, 20), None)]
    assert title_interval(kb, "barack-obama", "us.president", "former") == [(date(2017, 1, 20), None)]
    assert title_interval(kb, "barack-obama", "us.president", "then") == [(date(2009, 1, 20), None)]
    assert title_interval(kb, "jimmy-carter", "us.president", "late") == [(date(2024, 12, 29), None)]
    late_trump = title_interval(kb, "donald-trump", "us.president", "late")
    assert late_trump[0][0] is not None and late_trump[0][0] > kb.as_of
    elect = title_interval(kb, "joe-biden", "us.president", "President-elect")
    assert _inside(elect, date(2020, 12, 1)) and not _inside(elect, date(2021, 2, 1))
    assert title_interval(kb, "joe-biden", "us.secretary-of-state", None) == []
    # the Maduro mention of seed 004: "Venezuelan President" was right until 2026-01-03 only
    assert not _inside(title_interval(kb, "nicolas-maduro", "ve.president", None), date(2026, 2, 12))
    assert _inside(title_interval(kb, "nicolas-maduro", "ve.president", "ousted"), date(2026, 2, 12))


def test_normalize_modifier() -> None:
    assert normalize_modifier("Ex-") == "ex"
    assert normalize_modifier("then") == "then"
    assert normalize_modifier("one-time") == "former"
    assert normalize_modifier("long-serving") == "longtime"
    assert normalize_modifier(None) is None


# --- validation and user files ---------------------------------------------------------------


def _line_col(path: Path, needle: str, occurrence: int = 1) -> tuple[int, int]:
    text = path.read_text(encoding="utf-8")
    idx = -1
    for _ in range(occurrence):
        idx = text.index(needle, idx + 1)
    line = text.count("\n", 0, idx) + 1
    return line, idx - (text.rfind("\n", 0, idx) + 1) + 1


def test_validate_bad_fixture() -> None:
    root = FIXTURES / "kb_bad"
    problems = validate_kb(root)
    got = {(Path(p.path).name, p.line, p.column): p.message for p in problems}
    people = root / "people.yaml"

    def find(file: str, line: int, col: int, words: str) -> None:
        msg = got.get((file, line, col))
        assert msg is not None, f"no problem at {file}:{line}:{col}; got {sorted(got)}"
        assert words in msg, msg

    find("meta.yaml", 1, 8, "bad date")
    find("offices.yaml", 6, 3, "unknown key 'colour'")
    find("people.yaml", *_line_col(people, "A Able"), "shared by 'alice' and 'bob'")
    find("people.yaml", *_line_col(people, "xx.president", 2), "overlaps the term of 'alice'")
    find("people.yaml", *_line_col(people, "2008-01-01}", 2), "before or when it starts")
    find("people.yaml", *_line_col(people, "xx.nowhere"), "unknown office 'xx.nowhere'")
    find("people.yaml", *_line_col(people, "1950-13-01"), "bad date")
    find("people.yaml", *_line_col(people, "hobby"), "unknown key 'hobby'")
    # the acting overlap (carol 2005) and the exact abutting (carol 2008) are fine
    assert len(problems) == 8, "\n".join(map(str, problems))


def test_load_bad_kb_raises_located_error() -> None:
    with pytest.raises(KbError) as info:
        load_kb(FIXTURES / "kb_bad")
    assert any(p.line == 1 and "meta.yaml" in p.path for p in info.value.problems)


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "people.yaml"
    bad.write_text("- {id: x, name: X\n- id: y\n", encoding="utf-8")
    problems = validate_kb(bad)
    assert problems and problems[0].message.startswith("YAML error") and problems[0].line == 2


def test_user_kb_file_merges(tmp_path: Path) -> None:
    user = tmp_path / "mykb.yaml"
    user.write_text(
        "offices:\n"
        "  - {id: xx.mayor, name: Mayor of Springfield, country: US, titles: [Mayor], coverage_from: 2000-01-01}\n"
        "people:\n"
        "  - id: joe-quimby\n"
        "    name: Joe Quimby\n"
        "    terms: [{office: xx.mayor, start: 2001-01-01}]\n",
        encoding="utf-8",
    )
    assert validate_kb(user) == []
    merged = load_kb(extra=[user])
    assert merged.holds("joe-quimby", "xx.mayor", date(2010, 1, 1)) is True
    assert merged.holds("donald-trump", "us.president", date(2025, 12, 30)) is True
    assert ids(merged.find_people("Quimby")) == ["joe-quimby"]


def test_user_file_with_unknown_office(tmp_path: Path) -> None:
    user = tmp_path / "extra.yaml"
    user.write_text("- {id: z, name: Zed Zee, terms: [{office: us.presidnet, start: 2001-01-01}]}\n", encoding="utf-8")
    problems = validate_kb(user)
    assert [(p.line, "us.presidnet" in p.message) for p in problems] == [(1, True)]


# --- Wikidata import -------------------------------------------------------------------------


def test_import_wikidata(tmp_path: Path) -> None:
    import yaml

    from linter.kb.wikidata import import_wikidata, slugify

    text = import_wikidata(FIXTURES / "wikidata_sample.json")
    data = yaml.safe_load(text)
    assert [o["id"] for o in data["offices"]] == ["wd.mayor-of-exampleville"]
    assert data["offices"][0]["wikidata"] == "Q90000002"
    people = {p["id"]: p for p in data["people"]}
    assert sorted(people) == ["donald-trump", "zoe-example-mayor"]  # no start date: skipped
    trump = people["donald-trump"]
    assert trump["wikidata"] == "Q22686"
    assert trump["terms"] == [
        {"office": "us.president", "start": date(2017, 1, 20), "end": date(2021, 1, 20)},
        {"office": "us.president", "start": date(2025, 1, 20)},
    ]
    zoe = people["zoe-example-mayor"]
    assert zoe["born"] == date(1970, 2, 3) and len(zoe["terms"]) == 1  # duplicate row merged
    out = tmp_path / "imported.yaml"
    out.write_text(text, encoding="utf-8")
    assert validate_kb(out) == []
    merged = load_kb(extra=[out])
    assert merged.holds("zoe-example-mayor", "wd.mayor-of-exampleville", date(2020, 1, 1)) is True
    assert slugify("Nicolás Maduro") == "nicolas-maduro"


# --- layout: kinds by folder, standalone terms, years alone -----------------------------------


def _write(root: Path, rel: str, text: str) -> None:
    f = root / rel
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(text, encoding="utf-8")


def test_kinds_by_folder_standalone_terms_and_years(tmp_path: Path) -> None:
    _write(tmp_path, "meta.yaml", "as_of: 2020-01-01\n")
    _write(tmp_path, "offices/a.yaml", "- {id: xx.mayor, name: Mayor of X, titles: [Mayor], kind: mayor, source: MEM}\n")
    _write(tmp_path, "offices/b.yaml", "- {id: xx.gov, name: Governor of X, titles: [Governor]}\n")
    _write(tmp_path, "people/a.yaml",
           "- {id: ann-bee, name: Ann Bee, born: 1950, source: MEM,\n"
           "   terms: [{office: xx.mayor, start: 2001-01-01, end: 2005-01-01, elected: 2000-11-07}]}\n")
    _write(tmp_path, "terms/b.yaml", "- {person: ann-bee, office: xx.gov, start: 2006-01-01, source: MEM}\n")
    assert validate_kb(tmp_path) == []
    kb = load_kb(tmp_path)
    ann = kb.people["ann-bee"]
    assert ann.born is None and ann.born_year == 1950
    assert [(t.office, t.start) for t in ann.terms] == [("xx.mayor", date(2001, 1, 1)), ("xx.gov", date(2006, 1, 1))]
    assert ann.terms[0].elected == date(2000, 11, 7)
    assert kb.holds("ann-bee", "xx.gov", date(2010, 1, 1)) is True
    assert kb.holds("ann-bee", "xx.gov", date(2021, 1, 1)) is True  # an open term continues past as_of


def test_standalone_term_for_unknown_person_and_cross_file_duplicate(tmp_path: Path) -> None:
    _write(tmp_path, "meta.yaml", "as_of: 2020-01-01\n")
    _write(tmp_path, "offices/a.yaml", "- {id: xx.mayor, name: Mayor of X}\n")
    _write(tmp_path, "people/a.yaml", "- {id: ann-bee, name: Ann Bee}\n")
    _write(tmp_path, "people/b.yaml", "- {id: ann-bee, name: Ann Bee}\n")
    _write(tmp_path, "terms/c.yaml", "- {person: bob-cee, office: xx.mayor, start: 2001-01-01}\n")
    messages = [p.message for p in validate_kb(tmp_path)]
    assert any("duplicate person id 'ann-bee'" in m for m in messages)
    assert any("unknown person 'bob-cee'" in m for m in messages)
