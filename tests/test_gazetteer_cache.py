"""The gazetteers kept in the cache folder (``KnowledgeBase.kept``): read back, they are the
ones built from scratch; a damaged file, or one kept for other code, is never read."""

from __future__ import annotations

import dataclasses
import marshal
import re
import sys
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from linter import cachedir
from linter.extract import events as E
from linter.extract import mentions as M
from linter.kb import Event, norm_name, store
from linter.kb.build import store_path
from linter.kb.store import StoredKnowledgeBase
from linter.lexicon import word_set

PEOPLE = ("donald-trump", "joe-biden", "emmanuel-macron", "no-such-person")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "factlint"


def _built(monkeypatch: pytest.MonkeyPatch, *, cached: bool) -> tuple[M.Gazetteer, E.EventGazetteer]:
    """Both gazetteers of a new store reader: read from the cache (``cached``, building fails)
    or built (the cache, if any, must not answer)."""
    kb = StoredKnowledgeBase(store_path())
    calls: list[str] = []
    with monkeypatch.context() as m:
        for module, name in ((M, "_gazetteer_parts"), (E, "_event_parts")):
            build = getattr(module, name)

            def counted(kb: Any, build: Any = build, name: str = name) -> Any:
                calls.append(name)
                return build(kb)

            m.setattr(module, name, counted)
        found = M.gazetteer(kb), E.event_gazetteer(kb)
    assert calls == ([] if cached else ["_gazetteer_parts", "_event_parts"])
    return found


def _scratch_mentions(kb: StoredKnowledgeBase) -> M.Gazetteer:
    """The mention gazetteer built straight from the compiled tables, as before there was a
    cache (``mentions._build_gazetteer`` at 4d1e8e7)."""
    t = kb.stored_index(M.GAZETTEER_INDEX)
    nonname = frozenset(t["nonname"])
    name_words = M._PersonWords(kb, lambda p: frozenset(w for n in p.names for w in norm_name(n).split()))
    given = M._PersonWords(kb, lambda p: name_words[p.id] - set(norm_name(p.surname).split()) - nonname)

    def heads(value: list[str] | None) -> frozenset[str] | None:
        return None if value is None else frozenset(value)

    return M.Gazetteer(
        nonname=nonname, given=given, name_words=name_words, names=t["names"], surnames=t["surnames"],
        titles=t["titles"], countries=t["countries"], modifiers=frozenset(norm_name(m) for m in M._MODIFIER_WORDS),
        honorifics=frozenset(norm_name(h) for h in M._HONORIFICS), interesting=frozenset(t["interesting"]),
        max_name=t["max_name"], max_title=t["max_title"], phrases=M._PhraseIndex(t["title_words"], t["country_words"]),
        office_titles={k: frozenset(v) for k, v in t["office_titles"].items()},
        before_words=frozenset(t["before_words"]), anchors=frozenset(t["anchors"]), name_heads=heads(t["name_heads"]),
        title_heads=heads(t["title_heads"]), country_heads=heads(t["country_heads"]))


def _scratch_events(kb: StoredKnowledgeBase) -> E.EventGazetteer:
    """The event gazetteer built straight from the compiled tables and every event, as before
    there was a cache (``events._build_event_gazetteer`` at 4d1e8e7)."""
    t = kb.stored_index(E.EVENTS_INDEX)
    by_id = {e.id: e for e in kb.events}

    def events(ids: list[str]) -> list[Event]:
        return [by_id[i] for i in ids if i in by_id]

    heads: dict[tuple[int, int], dict[str, list[Event]]] = {}
    for md, table in t["heads"].items():
        m, d = md.split("-")
        heads[(int(m), int(d))] = {h: events(v) for h, v in table.items()}
    all_heads = sorted({h for d in heads.values() for h in d}, key=lambda h: (-len(h), h))  # as built since the head order was fixed
    ordinal_heads = t["ordinal_heads"]
    ordinals = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(word_set(E._LEX, "ordinals"))
    descriptive = {h: events(v) for h, v in t["descriptive"].items()}
    return E.EventGazetteer(
        {k: events(v) for k, v in t["literal_events"].items()}, heads,
        re.compile(r"(?:" + "|".join(re.escape(h) for h in all_heads) + r")\b", re.IGNORECASE),
        frozenset(t["upper"]), frozenset(t["cased"]),
        {k: [(key, frozenset(runs)) for key, runs in v] for k, v in t["by_anchor"].items()},
        {k: [(by_id[i], y) for i, y in v if i in by_id] for k, v in t["templates"].items()},
        {s: sorted(events(v), key=lambda e: e.date) for s, v in t["series"].items()},
        {s: (int(a), int(b)) for s, (a, b) in t["complete"].items()}, frozenset(t["recurring"]),
        {i: frozenset(v) for i, v in t["years"].items()}, ordinal_heads,
        re.compile(rf"\b(?P<ord>{ordinals})\s+(?P<head>{E._alternation(ordinal_heads)})\b", re.IGNORECASE),
        tuple(tuple(h.split()) for h in ordinal_heads if not any(o != h and o in h for o in ordinal_heads)),
        descriptive,
        re.compile(rf",?\s+(?P<mods>(?:(?!{E._NOT_MODIFIER}\b)[A-Za-z][\w'’-]*\s+){{0,3}}?)"
                   rf"(?P<head>{E._alternation(descriptive)})\b", re.IGNORECASE))


def _same(a: Any, b: Any) -> None:
    """Every field of two gazetteers of one class equal (patterns by pattern and flags, tables of
    events with every event resolved, the phrase index by its tables)."""
    assert type(a) is type(b)
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if not isinstance(x, Mapping):
            assert type(x) is type(y), f.name
        if isinstance(x, re.Pattern):
            assert (x.pattern, x.flags) == (y.pattern, y.flags), f.name
        elif isinstance(x, M._PhraseIndex):
            assert (x.titles, x.countries, x.index) == (y.titles, y.countries, y.index)
            assert x.candidates("the former U.S. president and Iran's supreme leader") == y.candidates(
                "the former U.S. president and Iran's supreme leader")
        elif isinstance(x, M._PersonWords):  # filled per person when asked
            assert {p: x.get(p) for p in PEOPLE} == {p: y.get(p) for p in PEOPLE}, f.name
        elif isinstance(x, Mapping):  # events resolved from ids, in the same order
            assert list(x.items()) == list(y.items()), f.name
        else:
            assert x == y, f.name


def test_a_gazetteer_read_from_the_cache_is_the_one_built(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = _built(monkeypatch, cached=False)
    assert len(list(cache.glob("kb-*-mentions-gazetteer-*.marshal"))) == 1
    assert len(list(cache.glob("kb-*-events-gazetteer-*.marshal"))) == 1
    kept = _built(monkeypatch, cached=True)
    _same(kept[0], built[0])
    _same(kept[1], built[1])
    assert kept[1].head_re is not None and kept[1].ordinal_re is not None and kept[1].descriptive_re is not None
    kb = StoredKnowledgeBase(store_path())  # and both are what the compiled tables give
    _same(kept[0], _scratch_mentions(kb))
    _same(kept[1], _scratch_events(kb))
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")  # and what a run without the cache builds
    scratch = _built(monkeypatch, cached=False)
    _same(scratch[0], built[0])
    _same(scratch[1], built[1])


def test_an_event_is_one_object_in_every_table(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _built(monkeypatch, cached=False)
    kb = StoredKnowledgeBase(store_path())
    g = E.event_gazetteer(kb)
    [games] = [e for e in g.series["summer-olympics"] if e.date.year == 2016]
    named = {id(e) for es in g.literal_events.values() for e in es if e.id == games.id}
    assert named == {id(games)}
    assert kb.event(games.id) is games and next(e for e in kb.events if e.id == games.id) is games


@pytest.mark.parametrize("damage", [
    lambda data: data[:len(data) // 2],  # cut short
    lambda data: b"\xff" + data[1:],  # not marshal
    lambda data: marshal.dumps({"names": {}}),  # marshal, not a gazetteer
    lambda data: marshal.dumps([1, 2, 3]),
])
def test_a_damaged_cache_is_built_again(cache: Path, monkeypatch: pytest.MonkeyPatch, damage: Any) -> None:
    built = _built(monkeypatch, cached=False)
    files = sorted(cache.glob("kb-*-*-gazetteer-*.marshal"))
    assert len(files) == 2
    for f in files:
        f.write_bytes(damage(f.read_bytes()))
    again = _built(monkeypatch, cached=False)
    _same(again[0], built[0])
    _same(again[1], built[1])
    _same(_built(monkeypatch, cached=True)[0], built[0])  # and written anew


def test_a_cache_kept_for_other_code_is_not_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _built(monkeypatch, cached=False)
    _built(monkeypatch, cached=True)
    monkeypatch.setattr(store, "code_key", lambda *modules: "0" * 20)  # the modules' source changed
    _built(monkeypatch, cached=False)
    _built(monkeypatch, cached=True)
    monkeypatch.setattr(store, "code_key", lambda *modules: None)  # a source that cannot be read: no cache
    _built(monkeypatch, cached=False)
    _built(monkeypatch, cached=False)


def test_the_code_key_is_a_hash_of_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "factlint_code_key_probe.py"
    source.write_text("X = 1\n")
    probe = types.ModuleType("factlint_code_key_probe")
    probe.__file__ = str(source)
    monkeypatch.setitem(sys.modules, "factlint_code_key_probe", probe)
    before = cachedir.code_key.__wrapped__("factlint_code_key_probe", "linter.kb.model")
    assert before is not None and before == cachedir.code_key.__wrapped__("factlint_code_key_probe", "linter.kb.model")
    source.write_text("X = 2\n")
    assert cachedir.code_key.__wrapped__("factlint_code_key_probe", "linter.kb.model") != before
    assert cachedir.code_key.__wrapped__("factlint_code_key_probe") != before
    assert cachedir.code_key.__wrapped__("no.such.module") is None
