"""The compiled knowledge base: one SQLite file (``rules/kb/kb.sqlite``), opened lazily.

``write_store`` writes a ``KnowledgeBase`` with indexes for name and alias look-up, offices by
title and country, terms by office and date, and event phrases; ``StoredKnowledgeBase`` answers
the same questions as the in-memory one, reading only the rows a question needs, so start-up
time and memory do not grow with the KB. Each row keeps its ``source`` (provenance). The file
is built by ``linter.kb.build`` (``factlint kb build``) and shipped in the wheel. What is read
whole (the large indexes, every event) and what other modules derive from it (``kept``: the
gazetteers) is kept in the cache folder as marshal between runs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from linter.cachedir import cache_root, code_key, read_value, write_cache
from linter.kb.model import Country, Event, KnowledgeBase, Office, Person, Term, norm_name

__all__ = ["SCHEMA_VERSION", "StoredKnowledgeBase", "read_meta", "write_store"]

SCHEMA_VERSION = "1"
_V = TypeVar("_V")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE countries (code TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE offices (id TEXT PRIMARY KEY, country TEXT, data TEXT NOT NULL);
CREATE TABLE office_titles (title TEXT NOT NULL, office TEXT NOT NULL);
CREATE TABLE people (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE terms (person TEXT NOT NULL, office TEXT NOT NULL, start TEXT NOT NULL, end TEXT);
CREATE TABLE names (key TEXT NOT NULL, person TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE surnames (key TEXT NOT NULL, person TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE first_names (key TEXT NOT NULL, person TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE event_phrases (phrase TEXT NOT NULL, event TEXT NOT NULL);
CREATE TABLE indexes (name TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE INDEX office_titles_title ON office_titles (title);
CREATE INDEX offices_country ON offices (country);
CREATE INDEX terms_person ON terms (person);
CREATE INDEX terms_office ON terms (office, start);
CREATE INDEX names_key ON names (key);
CREATE INDEX surnames_key ON surnames (key);
CREATE INDEX first_names_key ON first_names (key);
CREATE INDEX event_phrases_phrase ON event_phrases (phrase);
"""


# -- encoding -------------------------------------------------------------------------------


def _plain(obj: Any) -> Any:
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, tuple):
        return [_plain(x) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if getattr(obj, f.name) != f.default}
    return obj


_DATE_FIELDS = {"start", "end", "born", "died", "date", "coverage_from", "as_of", "elected", "designated"}


def _decode(cls: type[_V], data: dict[str, Any]) -> _V:
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in _DATE_FIELDS and value is not None:
            value = date.fromisoformat(value)
        elif key == "terms":
            value = tuple(_decode(Term, t) for t in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def write_store(kb: KnowledgeBase, path: Path, meta: Mapping[str, str],
                indexes: Mapping[str, Callable[[KnowledgeBase], Any]] | None = None) -> None:
    """Write ``kb`` to a new SQLite file at ``path`` (replaced if it exists), with each of
    ``indexes`` (name → a function of the KB giving JSON-able data) computed and kept."""
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    try:
        conn.executescript(_SCHEMA)
        rows = {"schema": SCHEMA_VERSION, "as_of": kb.as_of.isoformat(), **meta}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(rows.items()))
        conn.executemany("INSERT INTO countries VALUES (?, ?)",
                         [(c.code, json.dumps(_plain(c))) for c in kb.countries.values()])
        conn.executemany("INSERT INTO offices VALUES (?, ?, ?)",
                         [(o.id, o.country, json.dumps(_plain(o))) for o in kb.offices.values()])
        conn.executemany("INSERT INTO office_titles VALUES (?, ?)", sorted(
            {(norm_name(t), o.id) for o in kb.offices.values() for t in (*o.titles, *o.phrases)}))
        people = list(kb.people.values())  # in the KB's order: look-ups answer in the same order
        conn.executemany("INSERT INTO people VALUES (?, ?)", [(p.id, json.dumps(_plain(p))) for p in people])
        conn.executemany("INSERT INTO terms VALUES (?, ?, ?, ?)", [
            (t.person, t.office, t.start.isoformat(), t.end.isoformat() if t.end else None)
            for p in people for t in p.terms])
        for table, index in (("names", kb.name_keys()), ("surnames", kb.surname_keys())):
            conn.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)",
                             [(key, pid, i) for key, ids in index.items() for i, pid in enumerate(ids)])
        conn.executemany("INSERT INTO first_names VALUES (?, ?)",
                         [(key, pid) for key, ids in kb.first_name_keys().items() for pid in sorted(ids)])
        conn.executemany("INSERT INTO events VALUES (?, ?, ?)",
                         [(e.id, e.date.isoformat(), json.dumps(_plain(e))) for e in kb.events])
        conn.executemany("INSERT INTO event_phrases VALUES (?, ?)", sorted(
            {(norm_name(x), e.id) for e in kb.events for x in (e.name, *e.phrases)}))
        conn.executemany("INSERT INTO indexes VALUES (?, ?)",
                         [(name, json.dumps(build(kb), sort_keys=True)) for name, build in (indexes or {}).items()])
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def read_meta(path: Path) -> dict[str, str]:
    conn = _connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    # read-only and immutable: no journal, no locking, safe to share between worker processes
    return sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


# -- reading --------------------------------------------------------------------------------


class _Table(Mapping[str, _V]):
    """One table of the store as a read-only mapping id -> object, rows read on first use."""

    def __init__(self, conn: sqlite3.Connection, table: str, key: str, decode: Callable[[str], _V]) -> None:
        self._conn = conn
        self._sql_one = f"SELECT data FROM {table} WHERE {key} = ?"
        self._sql_all = f"SELECT {key}, data FROM {table} ORDER BY rowid"
        self._sql_keys = f"SELECT {key} FROM {table} ORDER BY rowid"
        self._sql_len = f"SELECT count(*) FROM {table}"
        self._decode = decode
        self._cache: dict[str, _V | None] = {}
        self._complete = False

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            value = self._cache[key]
        except KeyError:
            if self._complete:
                return default
            row = self._conn.execute(self._sql_one, (key,)).fetchone()
            value = self._cache[key] = None if row is None else self._decode(row[0])
        return default if value is None else value

    def __getitem__(self, key: str) -> _V:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def known(self, key: str, value: _V) -> _V:
        """``value`` (decoded elsewhere) as the row ``key``, unless that row was read already:
        one object per row."""
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = value
        return found

    def complete(self) -> None:
        """The rows known now are all there are (no more are read)."""
        self._complete = True

    def _load_all(self) -> None:
        if not self._complete:
            for key, data in self._conn.execute(self._sql_all):
                if self._cache.get(key) is None:
                    self._cache[key] = self._decode(data)
            self._complete = True

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return (k for k, v in self._cache.items() if v is not None)

    def __len__(self) -> int:
        if self._complete:
            return sum(1 for v in self._cache.values() if v is not None)
        return int(self._conn.execute(self._sql_len).fetchone()[0])

    def values(self) -> Any:  # every row at once rather than one query each
        self._load_all()
        return [v for v in self._cache.values() if v is not None]

    def items(self) -> Any:
        self._load_all()
        return [(k, v) for k, v in self._cache.items() if v is not None]


def _shared(value: Any, seen: dict[str, str]) -> Any:
    """``value`` with equal strings made one object, which marshal writes once and reads back
    once (an event's id recurs in every table that lists it): a third less to read."""
    if isinstance(value, str):
        return seen.setdefault(value, value)
    if isinstance(value, list):
        return [_shared(v, seen) for v in value]
    if isinstance(value, tuple):
        return tuple(_shared(v, seen) for v in value)
    if isinstance(value, frozenset):
        return frozenset(_shared(v, seen) for v in value)
    if isinstance(value, dict):
        return {_shared(k, seen): _shared(v, seen) for k, v in value.items()}
    return value


_MISSING = object()


def _loader(cls: type[_V]) -> Callable[[str], _V]:
    return lambda data: _decode(cls, json.loads(data))


class StoredKnowledgeBase(KnowledgeBase):
    """A ``KnowledgeBase`` read from the compiled SQLite file, lazily."""

    def __init__(self, path: Path) -> None:  # noqa: D107 - the dataclass fields are set here
        self._conn = _connect(path)
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"{path}: knowledge-base store schema {meta.get('schema')!r}, "
                             f"expected {SCHEMA_VERSION}: rebuild it with 'factlint kb build'")
        self.meta = meta
        self.as_of = date.fromisoformat(meta["as_of"])
        self.people = _Table(self._conn, "people", "id", _loader(Person))  # type: ignore[assignment]
        self.offices = _Table(self._conn, "offices", "id", _loader(Office))  # type: ignore[assignment]
        self.countries = _Table(self._conn, "countries", "code", _loader(Country))  # type: ignore[assignment]
        self.sources = (path,)
        self._file = path.resolve()
        self._derived = {}
        self._event_rows = _Table(self._conn, "events", "id", _loader(Event))
        self._events: list[Event] | None = None
        self._name_index: dict[str, list[str]] | None = None
        self._surname_index: dict[str, list[str]] | None = None

    def stored_index(self, name: str) -> Any:
        def load() -> Any:
            row = self._conn.execute("SELECT data FROM indexes WHERE name = ?", (name,)).fetchone()
            return None if row is None else json.loads(row[0])

        return self._decoded(f"index-{name}", load)

    @property  # type: ignore[override]
    def events(self) -> list[Event]:
        if self._events is None:  # the objects ``event`` gives (one per event)
            def load() -> list[Any]:
                rows = self._conn.execute("SELECT data FROM events ORDER BY date, rowid")
                return [json.loads(d) for (d,) in rows]

            known = self._event_rows.known
            self._events = [known(data["id"], _decode(Event, data)) for data in self._decoded("events", load)]
        return self._events

    @events.setter
    def events(self, value: list[Event]) -> None:
        rows = self._event_rows = _Table(self._conn, "events", "id", _loader(Event))
        self._events = [rows.known(e.id, e) for e in value]
        rows.complete()

    def event(self, event_id: str) -> Event | None:
        """The event ``event_id``, read from the store alone (a document names a few of them)."""
        return self._event_rows.get(event_id)

    def kept(self, what: str, build: Callable[[KnowledgeBase], _V], code: Sequence[str],
             valid: Callable[[Any], bool]) -> _V:
        """``build(self)``, or what it gave before: kept in the cache folder as marshal under
        this store file's key (see ``_decoded``) and ``code_key(*code)``, so that a change to
        the KB or to the code that builds it is never answered from the cache; a file that
        cannot be read, or whose content is not ``valid``, is built again."""
        version = code_key(*code)
        path = None if version is None else self._decoded_file(f"{what}-{version}")
        if path is not None:
            value = read_value(path, _MISSING)
            if value is not _MISSING and valid(value):
                return value  # type: ignore[no-any-return]
        value = build(self)
        if path is not None:
            try:
                data = marshal.dumps(_shared(value, {}))
            except ValueError:  # not plain data: never kept
                return value
            write_cache(path, data)
        return value

    def _decoded(self, what: str, load: Callable[[], Any]) -> Any:
        """``load()`` (JSON read from the store: the large indexes, read whole at their first
        use), or what it gave before: kept in the cache folder as marshal, which
        reads three to four times faster than JSON, under the store file's path, size and
        modification time (as Python keeps bytecode) and this interpreter's version."""
        path = self._decoded_file(what)
        if path is not None:
            value = read_value(path, _MISSING)
            if value is not _MISSING:
                return value
        value = load()
        if path is not None:
            write_cache(path, marshal.dumps(_shared(value, {})))
        return value

    def _decoded_file(self, what: str) -> Path | None:
        root = cache_root()
        if root is None:
            return None
        try:
            st = self._file.stat()
        except OSError:
            return None
        key = hashlib.sha256(f"{self._file}\0{st.st_size}\0{st.st_mtime_ns}\0{sys.version}".encode()).hexdigest()
        return root / f"kb-{key[:20]}-{what}.marshal"

    # -- names ------------------------------------------------------------------------------

    def _ids(self, table: str, key: str) -> list[str]:
        return [r[0] for r in self._conn.execute(f"SELECT person FROM {table} WHERE key = ? ORDER BY ord", (key,))]

    def find_people(self, name: str) -> list[Person]:
        key = norm_name(name)
        ids = self._ids("names", key)
        if not ids:
            toks = key.split()
            if len(toks) == 1:
                ids = self._ids("surnames", key)
            elif toks:
                cands = self._ids("surnames", " ".join(toks[1:])) or self._ids("surnames", toks[-1])
                firsts = {r[0] for r in self._conn.execute("SELECT person FROM first_names WHERE key = ?",
                                                            (toks[0],))}
                ids = [c for c in cands if c in firsts]
        return [self.people[i] for i in ids]

    def by_surname(self, surname: str) -> list[Person]:
        return [self.people[i] for i in self._ids("surnames", norm_name(surname))]

    def _index(self, table: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key, pid in self._conn.execute(f"SELECT key, person FROM {table} ORDER BY rowid"):
            out.setdefault(key, []).append(pid)
        return out

    def name_keys(self) -> dict[str, list[str]]:
        if self._name_index is None:
            self._name_index = self._index("names")
        return self._name_index

    def surname_keys(self) -> dict[str, list[str]]:
        if self._surname_index is None:
            self._surname_index = self._index("surnames")
        return self._surname_index

    def first_name_keys(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for key, pid in self._conn.execute("SELECT key, person FROM first_names"):
            out.setdefault(key, set()).add(pid)
        return out

    # -- terms and titles -------------------------------------------------------------------

    def holder(self, office_id: str, on: date) -> list[Person]:
        day = on.isoformat()
        rows = self._conn.execute(
            "SELECT DISTINCT person FROM terms WHERE office = ? AND start <= ? AND (end IS NULL OR ? < end)"
            " ORDER BY rowid", (office_id, day, day))
        return [self.people[pid] for (pid,) in rows]

    def offices_with_title(self, title: str, country: str | None = None) -> list[Office]:
        ids = [r[0] for r in self._conn.execute(
            "SELECT t.office FROM office_titles t JOIN offices o ON o.id = t.office WHERE t.title = ?"
            " ORDER BY o.rowid", (norm_name(title),))]
        found = [self.offices[i] for i in ids if i in self.offices]
        return [o for o in found if country is None or o.country == country]

    def events_named(self, phrase: str) -> list[Event]:
        ids = {r[0] for r in self._conn.execute("SELECT event FROM event_phrases WHERE phrase = ?",
                                                (norm_name(phrase),))}
        return [e for e in self.events if e.id in ids]
