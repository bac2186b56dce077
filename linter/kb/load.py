"""Load the knowledge base from YAML: the bundled ``rules/kb/`` and a user's files merged over it.

A file's kind (meta, countries, offices, events, people, terms) comes from its name or its folder
(see ``docs/knowledge-base.md``); a mapping with those keys is a self-contained user file. An
entry with the same id as an earlier one replaces it. Problems raise ``KbError`` located by
``linter.kb.validate``. A file is read like every YAML factlint reads (``linter.yamlsrc``): a
regular file, bounded in size, its aliases unable to explode or recurse; and a term that ends
before it starts is refused, not loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter.kb.model import (
    Country,
    Event,
    KnowledgeBase,
    Office,
    Person,
    Term,
    _default_surname,
)
from linter.resources import rules_dir
from linter.yamlsrc import check_data, read_bounded, yaml

# ---------------------------------------------------------------------------------------------
# Loading


def bundled_kb_dir() -> Path:
    return rules_dir() / "kb"


_KINDS = ("meta", "countries", "offices", "events", "people", "terms")
_LIST_KINDS = ("countries", "offices", "events", "people", "terms")


def _kb_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def _kind_of(path: Path) -> str:
    """A file's kind: its name (``meta``, ``countries``, ``offices``, ``events``), else the
    folder it is in (``countries/``, ``offices/``, ``events/``, ``people/``, ``terms/``), else
    people."""
    stem = path.stem.lower()
    if stem in _KINDS[:4]:
        return stem
    parent = path.parent.name.lower()
    return parent if parent in _LIST_KINDS else "people"


def _sections(path: Path, data: Any) -> Iterator[tuple[str, Any]]:
    """Split one file's data into (kind, payload) pairs.

    A file named meta/countries/offices/events holds that kind; any other file holds people —
    unless it is a mapping with any of the keys ``as_of``, ``countries``, ``offices``,
    ``events``, ``people`` (a self-contained user KB file).
    """
    if isinstance(data, dict) and any(k in data for k in _LIST_KINDS):
        meta = {k: v for k, v in data.items() if k not in _LIST_KINDS}
        if meta:
            yield "meta", meta
        for k in _LIST_KINDS:
            if k in data:
                yield k, data[k]
        return
    kind = _kind_of(path)
    if kind == "people" and isinstance(data, dict) and "as_of" in data:
        kind = "meta"
    yield kind, data


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, int):  # a year alone ("born: 1934") is not a day
        return None
    return date.fromisoformat(str(value))


def _as_year(value: Any) -> int | None:
    """The year of a date or of a year written alone."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, date):
        return value.year
    return int(str(value)[:4])


def _source(value: Any) -> str | None:
    return None if value is None else str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _build_term(pid: str, t: dict[str, Any]) -> Term:
    start = _as_date(t["start"]) or date.min
    end = _as_date(t.get("end"))
    if end is not None and end <= start:
        raise ValueError(f"a term of {pid!r} ends ({end}) before or when it starts ({start})")
    return Term(
        person=pid,
        office=str(t["office"]),
        start=start,
        end=end,
        acting=bool(t.get("acting", False)),
        interim=bool(t.get("interim", False)),
        uncertain=bool(t.get("uncertain", False)),
        note=t.get("note"),
        elected=_as_date(t.get("elected")),
        designated=_as_date(t.get("designated")),
        source=_source(t.get("source")),
    )


def _build_person(raw: dict[str, Any]) -> Person:
    pid = str(raw["id"])
    name = str(raw["name"])
    terms = tuple(_build_term(pid, t) for t in raw.get("terms") or ())
    return Person(
        id=pid,
        name=name,
        aliases=_tuple(raw.get("aliases")),
        surname=str(raw.get("surname") or _default_surname(name)),
        born=_as_date(raw.get("born")),
        died=_as_date(raw.get("died")),
        born_year=_as_year(raw.get("born")),
        died_year=_as_year(raw.get("died")),
        wikidata=raw.get("wikidata"),
        bare_surname=bool(raw.get("bare_surname", True)),
        uncertain=bool(raw.get("uncertain", False)),
        terms=terms,
        source=_source(raw.get("source")),
    )


#: Offices whose holders news names by surname alone ("Macron said"): heads of state and of
#: government, monarchs, heads of international bodies, popes. An office without a ``kind``
#: (the original core offices, each of that rank) counts too.
PROMINENT_KINDS = frozenset({"head-of-state", "head-of-government", "monarch", "org-head", "religious", None})


def _prominent(office: Office | None) -> bool:
    return office is not None and office.kind in PROMINENT_KINDS


def _build_office(raw: dict[str, Any]) -> Office:
    return Office(
        id=str(raw["id"]),
        name=str(raw.get("name", raw["id"])),
        country=raw.get("country"),
        single_holder=bool(raw.get("single_holder", True)),
        titles=_tuple(raw.get("titles")),
        phrases=_tuple(raw.get("phrases")),
        country_forms=_tuple(raw.get("country_forms")),
        coverage_from=_as_date(raw.get("coverage_from")),
        as_of=_as_date(raw.get("as_of")),
        kind=raw.get("kind"),
        source=_source(raw.get("source")),
    )


def _build_event(raw: dict[str, Any]) -> Event:
    return Event(
        id=str(raw["id"]),
        name=str(raw["name"]),
        date=_as_date(raw["date"]) or date.min,
        end=_as_date(raw.get("end")),
        phrases=_tuple(raw.get("phrases")),
        kind=raw.get("kind"),
        series=raw.get("series"),
        precision=str(raw.get("precision") or "day"),
        source=_source(raw.get("source")),
        places=_tuple(raw.get("places")),
        edition=_edition(raw.get("edition")),
    )


def _edition(value: Any) -> tuple[int, ...]:
    """An event's ``edition``: a number or a list of numbers (ValueError otherwise)."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(x, int) and not isinstance(x, bool) and x > 0 for x in items):
        raise ValueError(f"edition: expected a positive number or a list of them, not {value!r}")
    return tuple(items)


def _build_country(raw: dict[str, Any]) -> Country:
    return Country(
        code=str(raw["code"]),
        name=str(raw.get("name", raw["code"])),
        adjectives=_tuple(raw.get("adjectives")),
        names=_tuple(raw.get("names")),
        kind=str(raw.get("kind") or "country"),
        region=raw.get("region"),
        un_member=bool(raw.get("un_member", False)),
        source=_source(raw.get("source")),
    )


def _load_paths(paths: Sequence[Path], base: KnowledgeBase | None = None) -> KnowledgeBase:
    """Read the files of ``paths`` in order, each entry replacing one with its id, over ``base``
    (everything of another KB, e.g. the compiled bundled one) when given."""
    as_of: date | None = base.as_of if base is not None else None
    people: dict[str, Person] = dict(base.people.items()) if base is not None else {}
    offices: dict[str, Office] = dict(base.offices.items()) if base is not None else {}
    events: dict[str, Event] = {e.id: e for e in base.events} if base is not None else {}
    countries: dict[str, Country] = dict(base.countries.items()) if base is not None else {}
    extra_terms: list[Term] = []
    implicit_bare: set[str] = set()  # people whose bare_surname follows from their offices
    files: list[Path] = list(base.sources) if base is not None else []
    for root in paths:
        for f in _kb_files(root):
            files.append(f)
            data = yaml.load(read_bounded(f, encoding="utf-8"), Loader=_fast_loader())
            check_data(data)  # no alias bomb, no recursive alias
            if data is None:
                continue
            for kind, payload in _sections(f, data):
                if kind == "meta":
                    if isinstance(payload, dict) and payload.get("as_of") is not None:
                        as_of = _as_date(payload["as_of"])
                    continue
                for raw in payload or ():
                    if kind == "people":
                        p = _build_person(raw)
                        people[p.id] = p
                        if "bare_surname" in raw:
                            implicit_bare.discard(p.id)
                        else:
                            implicit_bare.add(p.id)
                    elif kind == "offices":
                        o = _build_office(raw)
                        offices[o.id] = o
                    elif kind == "events":
                        e = _build_event(raw)
                        events[e.id] = e
                    elif kind == "countries":
                        c = _build_country(raw)
                        countries[c.code] = c
                    elif kind == "terms":
                        extra_terms.append(_build_term(str(raw["person"]), raw))
    for t in extra_terms:  # terms listed apart from their person (another file's person)
        p = people[t.person]
        people[t.person] = replace(p, terms=(*p.terms, t))
    for pid in implicit_bare:  # unless the file says, only the prominent are known by surname alone
        p = people[pid]
        prominent = any(_prominent(offices.get(t.office)) for t in p.terms)
        if p.bare_surname != prominent:
            people[pid] = replace(p, bare_surname=prominent)
    return KnowledgeBase(
        as_of=as_of or date.today(),
        people=people,
        offices=offices,
        events=sorted(events.values(), key=lambda e: e.date),
        countries=countries,
        sources=tuple(files),
    )


def load_errors() -> tuple[type[BaseException], ...]:
    """What a malformed file raises while it is read; ``linter.kb.load_kb`` turns it into
    located problems (a function: PyYAML is imported only when a KB file is read)."""
    return (KeyError, TypeError, ValueError, AttributeError, OSError, yaml.YAMLError)


def _fast_loader() -> Any:
    """libyaml's safe loader (~10x faster), or the pure-Python one when PyYAML was built without it."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=16)
def _load_cached(paths: tuple[Path, ...], stamp: tuple[float, ...], base: KnowledgeBase | None = None) -> KnowledgeBase:
    return _load_paths(paths, base)


def _stamp(paths: Sequence[Path]) -> tuple[float, ...]:
    out: list[float] = []
    for root in paths:
        for f in _kb_files(root):
            try:
                out.append(f.stat().st_mtime)
            except OSError:
                out.append(-1.0)
    return tuple(out)


def kb_paths(path: Path | None = None, extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The roots of a KB: ``path`` (default: the bundled KB) then each of ``extra``, resolved."""
    return tuple(Path(p).resolve() for p in (path or bundled_kb_dir(), *extra))


def read_kb(path: Path | None = None, extra: Sequence[Path] = (), base: KnowledgeBase | None = None) -> KnowledgeBase:
    """Read (and cache) a KB: ``path`` (a directory or one file; default: the bundled KB), then
    every file or directory of ``extra`` merged over it — an entry with the same id replaces
    the earlier one. With ``base`` (the compiled bundled KB), ``extra`` is merged over it
    instead. A malformed file raises one of ``load_errors()``; ``linter.kb.load_kb`` reports it at
    file:line:col instead."""
    paths = tuple(Path(p).resolve() for p in extra) if base is not None else kb_paths(path, extra)
    return _load_cached(paths, _stamp(paths), base)
