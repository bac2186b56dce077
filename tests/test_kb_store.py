"""The compiled knowledge base: it is current with the curated files (and the datasets, when
../shared is here), it answers as the YAML it came from, it covers the world, and it agrees with
REIGN and Archigos except where docs/kb-crosscheck.md says why."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from conftest import REPO, SHARED

from linter.extractions import STORED_INDEXES
from linter.kb import bundled_kb_dir, load_kb, read_kb
from linter.kb.build import curated_digest, dataset_paths, file_digest, store_path
from linter.kb.store import StoredKnowledgeBase

D = datetime.date
STORE = store_path()


@pytest.fixture(scope="module")
def stored() -> StoredKnowledgeBase:
    return StoredKnowledgeBase(STORE)


@pytest.fixture(scope="module")
def curated():
    return read_kb()


def test_the_store_is_current_with_the_curated_files(stored: StoredKnowledgeBase) -> None:
    assert stored.meta["curated_digest"] == curated_digest(), "rules/kb changed: run `factlint kb build`"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")
def test_the_store_is_current_with_the_datasets(stored: StoredKnowledgeBase) -> None:
    for name, path in dataset_paths(SHARED).items():
        assert stored.meta.get(f"{name}_digest") == file_digest(path), f"{name} changed: run `factlint kb build`"


def test_stored_indexes_match_what_the_extractors_would_build(stored: StoredKnowledgeBase) -> None:
    for name, build in STORED_INDEXES.items():
        fresh = json.loads(json.dumps(build(stored), sort_keys=True))
        assert stored.stored_index(name) == fresh, f"index {name} is stale: run `factlint kb build`"


def test_load_kb_reads_the_store(stored: StoredKnowledgeBase) -> None:
    kb = load_kb()
    assert isinstance(kb, StoredKnowledgeBase) and kb.as_of == stored.as_of


def test_the_store_answers_as_the_yaml(stored: StoredKnowledgeBase, curated) -> None:
    for pid in ("donald-trump", "benjamin-netanyahu", "angela-merkel", "donald-tusk", "nicolas-maduro"):
        assert stored.people[pid] == curated.people[pid]
    for name in ("Tusk", "Bush", "Joseph Biden", "Nicolas Maduro", "Zelensky"):
        assert [p.id for p in stored.find_people(name)] == [p.id for p in curated.find_people(name)], name
    for office, day in (("us.president", D(2022, 1, 1)), ("gb.prime-minister", D(2022, 10, 21)),
                        ("va.pope", D(2025, 5, 1))):
        assert [p.id for p in stored.holder(office, day)] == [p.id for p in curated.holder(office, day)]
    assert [o.id for o in stored.offices_with_title("Prime Minister", "IL")] == \
        [o.id for o in curated.offices_with_title("Prime Minister", "IL")]
    assert [e.id for e in stored.events] == [e.id for e in curated.events]
    assert stored.events_named("Belfast Agreement") == curated.events_named("Belfast Agreement")


def test_a_user_kb_merges_over_the_store(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("offices:\n  - {id: xx.harbourmaster, name: Harbourmaster, titles: [Harbourmaster]}\n"
                    "people:\n  - {id: quentin-tarrow, name: Quentin Tarrow, terms: [{office: xx.harbourmaster, "
                    "start: 2019-01-07}]}\n")
    kb = load_kb(extra=[user])
    assert kb.holds("quentin-tarrow", "xx.harbourmaster", D(2020, 1, 1)) is True
    assert kb.holds("donald-tusk", "pl.prime-minister", D(2024, 6, 1)) is True


def test_world_coverage(stored: StoredKnowledgeBase) -> None:
    un_members = [c for c in stored.countries.values() if c.un_member]
    assert len(un_members) == 193
    for code in ("VA", "PS", "TW", "XK"):
        assert code in stored.countries
    assert len(stored.people) >= 5000 and len(stored.offices) >= 600 and len(stored.events) >= 500


@pytest.mark.parametrize(
    ("name", "day", "office"),
    [
        ("Donald Tusk", D(2024, 6, 1), "pl.prime-minister"),
        ("Mark Rutte", D(2025, 6, 1), "nato.secretary-general"),
        ("Jeremy Hunt", D(2023, 6, 1), "gb.chancellor-of-the-exchequer"),
        ("Merrick Garland", D(2023, 6, 1), "us.attorney-general"),
        ("Pedro Sánchez", D(2020, 6, 1), "es.prime-minister"),
        ("Shehbaz Sharif", D(2023, 6, 1), "pk.prime-minister"),
        ("Bola Tinubu", D(2024, 6, 1), "ng.president"),
        ("Naftali Bennett", D(2022, 3, 1), "il.prime-minister"),
        ("Eric Adams", D(2023, 6, 1), "us.nyc.mayor"),
        ("Satya Nadella", D(2020, 6, 1), "msft.ceo"),
    ],
)
def test_who_held_what(stored: StoredKnowledgeBase, name: str, day: datetime.date, office: str) -> None:
    [person] = stored.find_people(name)
    assert office in {o.id for o in stored.offices_held(person.id, day)}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")
def test_every_disagreement_with_reign_and_archigos_is_listed_with_its_reason(stored: StoredKnowledgeBase) -> None:
    from linter.kb.crosscheck import crosscheck, markdown

    agreed, disagreements = crosscheck(stored, SHARED)
    documented = (REPO / "docs" / "kb-crosscheck.md").read_text(encoding="utf-8")
    assert documented == markdown(disagreements, agreed), "run `factlint kb crosscheck -o docs/kb-crosscheck.md`"
    assert all(d.reason for d in disagreements)
    assert agreed > 4 * len(disagreements)  # the KB agrees with the datasets far more often than not


def test_bundled_kb_dir_holds_the_store() -> None:
    assert STORE.parent == bundled_kb_dir() and STORE.is_file()


def test_the_decoded_cache_gives_what_the_store_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The large indexes and the events, read cold (from JSON in the store), warm (from the
    marshal cache) and from a damaged cache, are the same; a store rewritten is read anew."""
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    names = sorted(STORED_INDEXES)
    cold = StoredKnowledgeBase(store_path())
    want = {n: cold.stored_index(n) for n in names}
    events = cold.events
    files = sorted((tmp_path / "cache" / "factlint").glob("kb-*.marshal"))
    assert len(files) == len(names) + 1
    warm = StoredKnowledgeBase(store_path())
    monkeypatch.setattr(json, "loads", lambda *a, **k: pytest.fail("read from the store again"))
    assert {n: warm.stored_index(n) for n in names} == want and warm.events == events
    monkeypatch.undo()
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for f in files:
        f.write_bytes(f.read_bytes()[:10])
    damaged = StoredKnowledgeBase(store_path())
    assert {n: damaged.stored_index(n) for n in names} == want and damaged.events == events
    copy = tmp_path / "kb.sqlite"
    copy.write_bytes(store_path().read_bytes())
    assert StoredKnowledgeBase(copy).stored_index(names[0]) == want[names[0]]
    assert len(list((tmp_path / "cache" / "factlint").glob("kb-*.marshal"))) == len(files) + 1  # its own
