"""The knowledge base: people, offices, terms, countries and events, loaded from ``rules/kb/*.yaml``.

One job: read the KB (bundled, or a user's directory or files merged over it), validate it with
``file:line:col`` locations, and answer date questions about who held which office
(``holds``, ``holder``, ``title_interval``, ...). The schema is documented in
``docs/knowledge-base.md``. Terms are half-open: a person holds an office on day D when
``start <= D < end`` (the handover day belongs to the successor); a missing ``end`` means the
term was still open on the KB's ``as_of`` date.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from linter.resources import rules_dir

try:  # libyaml is ~10x faster; fall back to the pure-Python loader when it is missing
    _FastLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _FastLoader = yaml.SafeLoader

__all__ = [
    "Country",
    "Event",
    "KbError",
    "KbProblem",
    "KnowledgeBase",
    "Office",
    "Person",
    "Term",
    "bundled_kb_dir",
    "holds",
    "load_kb",
    "norm_name",
    "normalize_modifier",
    "title_interval",
    "validate_kb",
]

# ---------------------------------------------------------------------------------------------
# Data types


@dataclass(frozen=True, slots=True)
class Term:
    """One spell of one person in one office: ``[start, end)``; ``end is None`` = open."""

    person: str
    office: str
    start: date
    end: date | None = None
    acting: bool = False
    interim: bool = False
    uncertain: bool = False
    note: str | None = None
    #: the day the person became -elect (won the election) or -designate, when known
    elected: date | None = None
    designated: date | None = None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    def near_uncertain_boundary(self, on: date) -> bool:
        """``on`` is within a month of a boundary the sources mark uncertain: the KB cannot tell."""
        margin = timedelta(days=31)
        return self.uncertain and (abs(on - self.start) <= margin
                                   or (self.end is not None and abs(on - self.end) <= margin))


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    name: str
    country: str | None = None
    single_holder: bool = True
    titles: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    country_forms: tuple[str, ...] = ()
    coverage_from: date | None = None
    as_of: date | None = None
    #: head-of-state, head-of-government, minister, legislator, judge, governor, mayor,
    #: party-leader, opposition-leader, org-head, executive, monarch, religious, other
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    surname: str = ""
    born: date | None = None
    died: date | None = None
    #: the years of birth and death, also when only the year is known (``born`` is then None)
    born_year: int | None = None
    died_year: int | None = None
    wikidata: str | None = None
    bare_surname: bool = True
    uncertain: bool = False
    terms: tuple[Term, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    name: str
    date: datetime.date
    end: datetime.date | None = None
    phrases: tuple[str, ...] = ()
    #: war, attack, election, referendum, disaster, treaty, crisis, pandemic, death, other
    kind: str | None = None
    #: events of one series share it ("summer-olympics"): a year of another edition is named
    series: str | None = None
    #: how much of ``date`` is known: day (default), month or year
    precision: str = "day"


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    adjectives: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    #: country (default), territory, organisation or company
    kind: str = "country"
    region: str | None = None
    un_member: bool = False

    def forms(self) -> list[str]:
        """Every way the country is written before a title: "Iranian", "Iran", "Iran's"."""
        out = list(self.adjectives) + list(self.names)
        for n in self.names:
            out += [n + "'s", n + "\u2019s"] if not n.endswith("s") else [n + "'", n + "\u2019"]
        return out


@dataclass(frozen=True, slots=True)
class KbProblem:
    """A located problem in a KB file (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class KbError(ValueError):
    """The KB could not be loaded; ``problems`` says where."""

    def __init__(self, problems: Sequence[KbProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid knowledge base")


# ---------------------------------------------------------------------------------------------
# Names

_DROP_TOKENS = frozenset({"al", "el"})
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "’": "'", "‘": "'", "‐": "-", "–": "-"})
_SPLIT_RE = re.compile(r"[\s.\-]+")


@lru_cache(maxsize=65536)
def norm_name(text: str) -> str:
    """Canonical key of a name: case, diacritics, dots, hyphens and "al-" do not matter.

    ``norm_name("Nicolás Maduro") == norm_name("Nicolas Maduro")``,
    ``norm_name("Bashar al-Assad") == norm_name("Bashar Assad")``,
    ``norm_name("J.D. Vance") == norm_name("JD Vance")``.
    """
    if text.isascii():  # NFKD, combining marks and _SPECIAL change nothing; casefold is lower
        s = text.lower()
    else:
        s = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold().translate(_SPECIAL)
    s = s.replace("'", "")
    tokens = [t for t in _SPLIT_RE.split(s) if t and t not in _DROP_TOKENS]
    merged: list[str] = []
    run = False  # the last merged token is a run of initials
    for tok in tokens:  # "h w" -> "hw", "j d" -> "jd": initials written with or without dots
        if len(tok) == 1 and run:
            merged[-1] += tok
        else:
            merged.append(tok)
            run = len(tok) == 1
    return " ".join(merged)


def _default_surname(name: str) -> str:
    parts = name.split()
    last = parts[-1] if parts else name
    if parts and last.rstrip(".").upper() in {"JR", "SR", "II", "III", "IV"} and len(parts) > 1:
        last = parts[-2].rstrip(",")
    return last


# ---------------------------------------------------------------------------------------------
# Modifiers and the interval algebra

_MODIFIER_ALIASES = {
    "ex": "ex",
    "former": "former",
    "onetime": "former",
    "one-time": "former",
    "erstwhile": "former",
    "then": "then",
    "late": "late",
    "ousted": "ousted",
    "deposed": "deposed",
    "toppled": "ousted",
    "outgoing": "outgoing",
    "incoming": "incoming",
    "elect": "elect",
    "designate": "elect",
    "acting": "acting",
    "interim": "interim",
    "caretaker": "interim",
    "longtime": "longtime",
    "long-time": "longtime",
    "long-serving": "longtime",
    "longserving": "longtime",
    "sitting": "sitting",
    "current": "sitting",
    "incumbent": "sitting",
}

#: Modifiers whose mention is correct only after the person left the office.
PAST_MODIFIERS = frozenset({"former", "ex", "ousted", "deposed"})
#: Modifiers whose mention is correct while the person holds the office.
SITTING_MODIFIERS = frozenset({None, "sitting", "longtime", "acting", "interim", "outgoing"})
#: How long before a term's start "President-elect"/"incoming" is plausible.
ELECT_WINDOW = timedelta(days=100)


def normalize_modifier(text: str | None) -> str | None:
    """Map a modifier as written ("Ex-", "then", "one-time", "-elect") to its canonical form."""
    if text is None:
        return None
    key = text.strip().strip("-").replace("\u2011", "-").casefold()
    if key.endswith(("-elect", " elect", "-designate")):
        return "elect"
    return _MODIFIER_ALIASES.get(key, key or None)


Interval = tuple[date | None, date | None]


def _merge(spans: Iterable[tuple[date, date | None]]) -> list[tuple[date, date | None]]:
    out: list[tuple[date, date | None]] = []
    for start, end in sorted(spans, key=lambda s: s[0]):
        if out:
            pstart, pend = out[-1]
            if pend is None:
                continue
            if start <= pend:
                out[-1] = (pstart, None if end is None else max(pend, end))
                continue
        out.append((start, end))
    return out


# ---------------------------------------------------------------------------------------------
# The knowledge base


@dataclass
class KnowledgeBase:
    """Loaded KB with name, surname and title indexes. Build it with :func:`load_kb`."""

    as_of: date
    people: dict[str, Person]
    offices: dict[str, Office]
    events: list[Event]
    countries: dict[str, Country] = field(default_factory=dict)
    sources: tuple[Path, ...] = ()
    #: per-KB caches of other modules (e.g. the mention gazetteer), keyed by their name
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_name: dict[str, list[str]] = {}
        self._by_surname: dict[str, list[str]] = {}
        self._first_names: dict[str, set[str]] = {}
        for p in self.people.values():
            for n in p.names:
                ids = self._by_name.setdefault(norm_name(n), [])
                if p.id not in ids:
                    ids.append(p.id)
                toks = norm_name(n).split()
                if len(toks) > 1:
                    self._first_names.setdefault(toks[0], set()).add(p.id)
            key = norm_name(p.surname)
            if key:
                ids = self._by_surname.setdefault(key, [])
                if p.id not in ids:
                    ids.append(p.id)

    # -- names ------------------------------------------------------------------------------

    def find_people(self, name: str) -> list[Person]:
        """People whose full name, alias or surname is ``name`` (case/diacritics-insensitive)."""
        key = norm_name(name)
        ids = self._by_name.get(key)
        if not ids:
            toks = key.split()
            if len(toks) == 1:
                ids = self._by_surname.get(key, [])
            elif toks:
                # "Joseph Biden": a known first name of the person plus the surname
                cands = self._by_surname.get(" ".join(toks[1:]), []) or self._by_surname.get(toks[-1], [])
                firsts = self._first_names.get(toks[0], set())
                ids = [c for c in cands if c in firsts]
        return [self.people[i] for i in ids or ()]

    def by_surname(self, surname: str) -> list[Person]:
        return [self.people[i] for i in self._by_surname.get(norm_name(surname), ())]

    def name_keys(self) -> dict[str, list[str]]:
        """Normalised full names and aliases → person ids (read-only view for extractors)."""
        return self._by_name

    def surname_keys(self) -> dict[str, list[str]]:
        return self._by_surname

    # -- terms ------------------------------------------------------------------------------

    def terms(self, person_id: str, office_id: str | None = None) -> list[Term]:
        p = self.people.get(person_id)
        if p is None:
            return []
        return [t for t in p.terms if office_id is None or t.office == office_id]

    def office_as_of(self, office_id: str) -> date:
        o = self.offices.get(office_id)
        return o.as_of if o is not None and o.as_of is not None else self.as_of

    def holds(self, person_id: str, office_id: str, on: date) -> bool | None:
        """Did the person hold the office on ``on``? None when the KB cannot tell.

        Unknown when: the person or office is not in the KB; ``on`` is after the office's
        ``as_of`` and no closed term covers it; ``on`` is within 31 days of a boundary of a term
        marked ``uncertain``; or ``on`` is before the office's ``coverage_from``.
        """
        if person_id not in self.people or office_id not in self.offices:
            return None
        office = self.offices[office_id]
        limit = self.office_as_of(office_id)
        for t in self.terms(person_id, office_id):
            if t.near_uncertain_boundary(on):
                return None
            if t.covers(on):
                if t.end is None and on > limit:
                    return None
                return True
        if on > limit:
            return None
        if office.coverage_from is not None and on >= office.coverage_from:
            return False
        return None

    def held_before(self, person_id: str, office_id: str, on: date) -> bool:
        """True when a term of the person in the office started before ``on``."""
        return any(t.start < on for t in self.terms(person_id, office_id))

    def holder(self, office_id: str, on: date) -> list[Person]:
        """Everyone whose term in the office covers ``on`` (acting holders included)."""
        return [p for p in self.people.values() if any(t.office == office_id and t.covers(on) for t in p.terms)]

    def offices_held(self, person_id: str, on: date) -> list[Office]:
        seen: list[Office] = []
        for t in self.terms(person_id):
            o = self.offices.get(t.office)
            if o is not None and t.covers(on) and o not in seen:
                seen.append(o)
        return seen

    def interval(self, person_id: str, office_id: str) -> list[tuple[date, date | None]]:
        """The person's tenure(s) in the office, abutting and overlapping terms merged."""
        return _merge((t.start, t.end) for t in self.terms(person_id, office_id))

    # -- titles -----------------------------------------------------------------------------

    def offices_with_title(self, title: str, country: str | None = None) -> list[Office]:
        """Offices written ``title`` ("Prime Minister"), optionally only in ``country``."""
        key = norm_name(title)
        out = []
        for o in self.offices.values():
            if country is not None and o.country != country:
                continue
            if any(norm_name(t) == key for t in o.titles) or any(norm_name(ph) == key for ph in o.phrases):
                out.append(o)
        return out

    def country_of_form(self, form: str) -> str | None:
        """The country code a form names: "Iran's" → "IR", "U.S." → "US"."""
        table: dict[str, str] | None = self.cache.get("kb.country_forms")
        if table is None:
            table = {}
            for c in self.countries.values():
                for f in c.forms():
                    table.setdefault(norm_name(f), c.code)
            self.cache["kb.country_forms"] = table
        return table.get(norm_name(form))

    def events_named(self, phrase: str) -> list[Event]:
        key = norm_name(phrase)
        return [e for e in self.events if key in {norm_name(x) for x in (e.name, *e.phrases)}]


# ---------------------------------------------------------------------------------------------
# Rule helpers (pure functions)


def holds(kb: KnowledgeBase, person_id: str, office_id: str, on: date) -> bool | None:
    """``kb.holds`` as a function: True, False, or None when unknown."""
    return kb.holds(person_id, office_id, on)


def title_interval(
    kb: KnowledgeBase, person_id: str, office_id: str, modifier: str | None
) -> list[Interval]:
    """Publication-date intervals ``[start, end)`` in which the mention as written is correct.

    ``None`` as a bound means unbounded. No terms → ``[]`` (never correct).

    - no modifier, "sitting", "longtime", "acting", "interim", "outgoing": during a term;
    - "former", "ex", "ousted", "deposed": after the first term ended and outside later terms;
    - "then": any time after the first term began (narration of the past);
    - "late": after the person's death (unknown death: only after the KB's ``as_of``);
    - "elect", "incoming": in the ``ELECT_WINDOW`` before a term that does not continue an
      earlier one.
    """
    mod = normalize_modifier(modifier)
    spans = kb.interval(person_id, office_id)
    if mod == "late":
        person = kb.people.get(person_id)
        if person is None:
            return []
        if person.died is not None:
            return [(person.died, None)]
        return [(kb.as_of + timedelta(days=1), None)]
    if not spans:
        return []
    if mod in PAST_MODIFIERS:
        out: list[Interval] = []
        for (_, end), nxt in zip(spans, [*spans[1:], None], strict=False):
            if end is None:
                break
            out.append((end, nxt[0] if nxt is not None else None))
        return out
    if mod == "then":
        return [(spans[0][0], None)]
    if mod in ("elect", "incoming"):
        return [(s - ELECT_WINDOW, s) for s, _ in spans]
    return [(s, e) for s, e in spans]


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


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _build_term(pid: str, t: dict[str, Any]) -> Term:
    return Term(
        person=pid,
        office=str(t["office"]),
        start=_as_date(t["start"]) or date.min,
        end=_as_date(t.get("end")),
        acting=bool(t.get("acting", False)),
        interim=bool(t.get("interim", False)),
        uncertain=bool(t.get("uncertain", False)),
        note=t.get("note"),
        elected=_as_date(t.get("elected")),
        designated=_as_date(t.get("designated")),
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
    )


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
    )


def _build_country(raw: dict[str, Any]) -> Country:
    return Country(
        code=str(raw["code"]),
        name=str(raw.get("name", raw["code"])),
        adjectives=_tuple(raw.get("adjectives")),
        names=_tuple(raw.get("names")),
        kind=str(raw.get("kind") or "country"),
        region=raw.get("region"),
        un_member=bool(raw.get("un_member", False)),
    )


def _load_paths(paths: Sequence[Path]) -> KnowledgeBase:
    as_of: date | None = None
    people: dict[str, Person] = {}
    offices: dict[str, Office] = {}
    events: dict[str, Event] = {}
    countries: dict[str, Country] = {}
    extra_terms: list[Term] = []
    files: list[Path] = []
    for root in paths:
        for f in _kb_files(root):
            files.append(f)
            with open(f, encoding="utf-8") as fh:
                data = yaml.load(fh, Loader=_FastLoader)
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
    return KnowledgeBase(
        as_of=as_of or date.today(),
        people=people,
        offices=offices,
        events=sorted(events.values(), key=lambda e: e.date),
        countries=countries,
        sources=tuple(files),
    )


@lru_cache(maxsize=16)
def _load_cached(paths: tuple[Path, ...], stamp: tuple[float, ...]) -> KnowledgeBase:
    try:
        return _load_paths(paths)
    except (KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        problems = [q for p in paths for q in validate_kb(p)]
        if not problems:
            problems = [KbProblem(str(paths[0]), 1, 1, f"cannot load knowledge base: {exc}")]
        raise KbError(problems) from exc


def _stamp(paths: Sequence[Path]) -> tuple[float, ...]:
    out: list[float] = []
    for root in paths:
        for f in _kb_files(root):
            try:
                out.append(f.stat().st_mtime)
            except OSError:
                out.append(-1.0)
    return tuple(out)


_current: Callable[[], KnowledgeBase] | None = None


def current_kb() -> KnowledgeBase:
    """The KB of the document being linted (the engine sets it), else the bundled one.

    DSL functions such as ``holds`` take only their arguments; this is how they reach the KB
    the run was configured with (``kb:`` in factlint.yaml) without a file-system check per call.
    """
    return _current() if _current is not None else load_kb()


def set_current_kb(provider: Callable[[], KnowledgeBase] | None) -> None:
    """Make ``provider()`` the KB that :func:`current_kb` returns (None: the bundled one)."""
    global _current
    _current = provider


def load_kb(path: Path | None = None, extra: Sequence[Path] = ()) -> KnowledgeBase:
    """Load (and cache) a KB: ``path`` (a directory or one file; default: the bundled KB),
    then every file or directory of ``extra`` merged over it — an entry with the same id
    replaces the earlier one. Raises :class:`KbError` with located problems when invalid."""
    paths = tuple(Path(p).resolve() for p in (path or bundled_kb_dir(), *extra))
    return _load_cached(paths, _stamp(paths))


# ---------------------------------------------------------------------------------------------
# Validation (works on PyYAML nodes, so every problem has a file:line:col)

_PERSON_KEYS = {
    "id", "name", "aliases", "surname", "born", "died", "wikidata", "bare_surname", "uncertain", "terms", "note",
    "source",
}
_TERM_KEYS = {"office", "start", "end", "acting", "interim", "uncertain", "note", "source", "elected", "designated"}
_STANDALONE_TERM_KEYS = _TERM_KEYS | {"person"}
_OFFICE_KEYS = {
    "id", "name", "country", "single_holder", "titles", "phrases", "country_forms", "coverage_from", "as_of",
    "note", "wikidata", "source", "kind",
}
_EVENT_KEYS = {"id", "name", "date", "end", "phrases", "note", "source", "kind", "series", "precision", "wikidata"}
_COUNTRY_KEYS = {"code", "name", "adjectives", "names", "kind", "region", "un_member", "source", "note"}
_META_KEYS = {"version", "as_of", "note", "sources"}
_REQUIRED = {
    "people": ("id", "name"),
    "offices": ("id", "name"),
    "events": ("id", "name", "date"),
    "countries": ("code",),
    "terms": ("person", "office", "start"),
}
_DATE_KEYS = {"born", "died", "start", "end", "date", "as_of", "coverage_from", "elected", "designated"}
#: dates that may be a year alone when the day is not known
_YEAR_OK = {"born", "died"}
_BOOL_KEYS = {"bare_surname", "uncertain", "acting", "interim", "single_holder", "un_member"}
_LIST_KEYS = {"aliases", "titles", "phrases", "country_forms", "adjectives", "names", "terms"}
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALLOWED = {
    "people": _PERSON_KEYS,
    "offices": _OFFICE_KEYS,
    "events": _EVENT_KEYS,
    "countries": _COUNTRY_KEYS,
    "terms": _STANDALONE_TERM_KEYS,
}
_YEAR_RE = re.compile(r"^\d{4}$")


@dataclass
class _Loc:
    path: str
    node: yaml.Node

    def problem(self, message: str) -> KbProblem:
        m = self.node.start_mark
        return KbProblem(self.path, m.line + 1, m.column + 1, message)


def _pairs(node: yaml.Node) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


@dataclass
class _Seen:
    ids: dict[str, dict[str, _Loc]] = field(default_factory=lambda: {k: {} for k in _KINDS})
    terms: list[tuple[_Loc, str, str, date, date | None, bool]] = field(default_factory=list)
    names: dict[str, tuple[str, _Loc]] = field(default_factory=dict)
    office_single: dict[str, bool] = field(default_factory=dict)
    standalone: list[tuple[_Loc, str]] = field(default_factory=list)
    #: which root (the KB, then each extra) an id was last defined in: within one root a
    #: duplicate is a mistake; across roots a later entry replaces an earlier one
    id_root: dict[str, dict[str, int]] = field(default_factory=lambda: {k: {} for k in _KINDS})
    root: int = 0
    meta_as_of: bool = False


def _check_date(loc: _Loc, key: str, node: yaml.Node, out: list[KbProblem]) -> date | None:
    text = _scalar(node)
    if text is None or text in ("", "null", "~"):
        if key in ("end", "died"):
            return None
        out.append(_Loc(loc.path, node).problem(f"{key}: expected a date YYYY-MM-DD"))
        return None
    if key in _YEAR_OK and _YEAR_RE.match(text):
        return None
    if not _ISO_RE.match(text):
        out.append(_Loc(loc.path, node).problem(f"{key}: bad date {text!r}; expected YYYY-MM-DD"))
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        out.append(_Loc(loc.path, node).problem(f"{key}: bad date {text!r}: {exc}"))
        return None


_SINGULAR = {"people": "person", "offices": "office", "events": "event", "countries": "country", "terms": "term"}


def _check_entry(kind: str, path: str, node: yaml.Node, seen: _Seen, out: list[KbProblem]) -> None:
    loc = _Loc(path, node)
    if not isinstance(node, yaml.MappingNode):
        out.append(loc.problem(f"{kind}: expected a mapping"))
        return
    pairs = _pairs(node)
    keys = {k.value: (k, v) for k, v in pairs}
    allowed = _ALLOWED[kind]
    for k, v in pairs:
        if k.value not in allowed:
            out.append(_Loc(path, k).problem(f"unknown key {k.value!r} in {_SINGULAR.get(kind, kind)}; allowed: {', '.join(sorted(allowed))}"))
        elif k.value in _DATE_KEYS and kind != "terms":
            _check_date(loc, k.value, v, out)
        elif k.value in _BOOL_KEYS and (_scalar(v) or "").lower() not in ("true", "false"):
            out.append(_Loc(path, v).problem(f"{k.value}: expected true or false"))
        elif k.value in _LIST_KEYS and not isinstance(v, yaml.SequenceNode):
            out.append(_Loc(path, v).problem(f"{k.value}: expected a list"))
    for req in _REQUIRED[kind]:
        if req not in keys:
            out.append(loc.problem(f"{_SINGULAR[kind]} without {req!r}"))
    ident_key = {"countries": "code", "terms": "person"}.get(kind, "id")
    ident = _scalar(keys[ident_key][1]) if ident_key in keys else None
    if ident is not None and kind != "terms":
        prev = seen.ids[kind].get(ident)
        if prev is not None and prev.path == path:
            out.append(_Loc(path, keys[ident_key][1]).problem(f"duplicate {_SINGULAR[kind]} id {ident!r} (first at line {prev.node.start_mark.line + 1})"))
        elif prev is not None and seen.id_root[kind].get(ident) == seen.root:
            out.append(_Loc(path, keys[ident_key][1]).problem(
                f"duplicate {_SINGULAR[kind]} id {ident!r} (first in {prev.path}:{prev.node.start_mark.line + 1})"))
        seen.ids[kind][ident] = _Loc(path, keys[ident_key][1])
        seen.id_root[kind][ident] = seen.root
    if kind == "terms":
        person = _scalar(keys["person"][1]) if "person" in keys else None
        if person is not None:
            seen.standalone.append((_Loc(path, keys["person"][1]), person))
            _check_term(path, node, person, _STANDALONE_TERM_KEYS, seen, out)
        return
    if kind == "offices" and ident is not None:
        single = keys.get("single_holder")
        seen.office_single[ident] = single is None or (_scalar(single[1]) or "").lower() == "true"
    if kind != "people" or ident is None:
        return
    # names shared by two people
    name_nodes: list[yaml.Node] = []
    if "name" in keys:
        name_nodes.append(keys["name"][1])
    if "aliases" in keys and isinstance(keys["aliases"][1], yaml.SequenceNode):
        name_nodes.extend(keys["aliases"][1].value)
    for n in name_nodes:
        text = _scalar(n)
        if not text:
            continue
        nk = norm_name(text)
        owner = seen.names.get(nk)
        if owner is not None and owner[0] != ident:
            out.append(_Loc(path, n).problem(f"name or alias {text!r} is shared by {owner[0]!r} and {ident!r}"))
        elif owner is None:
            seen.names[nk] = (ident, _Loc(path, n))
    # terms
    terms_node = keys.get("terms", (None, None))[1]
    if not isinstance(terms_node, yaml.SequenceNode):
        return
    for tnode in terms_node.value:
        _check_term(path, tnode, ident, _TERM_KEYS, seen, out)


def _check_term(path: str, tnode: yaml.Node, person: str, allowed: set[str], seen: _Seen,
                out: list[KbProblem]) -> None:
    """One term, inside its person (``allowed`` = term keys) or standalone (with ``person``)."""
    tloc = _Loc(path, tnode)
    if not isinstance(tnode, yaml.MappingNode):
        out.append(tloc.problem("term: expected a mapping {office, start, end}"))
        return
    tkeys = {k.value: (k, v) for k, v in _pairs(tnode)}
    for k, v in _pairs(tnode):
        if k.value not in allowed:
            out.append(_Loc(path, k).problem(f"unknown key {k.value!r} in term; allowed: {', '.join(sorted(allowed))}"))
        elif k.value in _BOOL_KEYS and (_scalar(v) or "").lower() not in ("true", "false"):
            out.append(_Loc(path, v).problem(f"{k.value}: expected true or false"))
        elif k.value in ("elected", "designated"):
            _check_date(tloc, k.value, v, out)
    if "office" not in tkeys or "start" not in tkeys:
        out.append(tloc.problem("term needs 'office' and 'start'"))
        return
    start = _check_date(tloc, "start", tkeys["start"][1], out)
    end = _check_date(tloc, "end", tkeys["end"][1], out) if "end" in tkeys else None
    if start is None:
        return
    if end is not None and end <= start:
        out.append(_Loc(path, tkeys["end"][1]).problem(f"term ends ({end}) before or when it starts ({start})"))
        return
    acting = any((_scalar(tkeys[k][1]) or "").lower() == "true" for k in ("acting", "interim") if k in tkeys)
    office = _scalar(tkeys["office"][1]) or ""
    seen.terms.append((_Loc(path, tkeys["office"][1]), person, office, start, end, acting))


def _check_file(path: Path, seen: _Seen, out: list[KbProblem]) -> None:
    spath = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        out.append(KbProblem(spath, line, col, f"YAML error: {exc.problem}"))
        return
    except (OSError, UnicodeDecodeError) as exc:
        out.append(KbProblem(spath, 1, 1, f"cannot read: {exc}"))
        return
    if root is None:
        return
    sections: list[tuple[str, yaml.Node]] = []
    top = {k.value: v for k, v in _pairs(root)}
    if isinstance(root, yaml.MappingNode) and any(k in top for k in _LIST_KINDS):
        for k, v in _pairs(root):
            if k.value in _LIST_KINDS:
                sections.append((k.value, v))
            elif k.value in _META_KEYS:
                sections.append(("meta", root))
            else:
                out.append(_Loc(spath, k).problem(f"unknown top-level key {k.value!r}"))
    else:
        kind = _kind_of(path)
        if kind == "people" and isinstance(root, yaml.MappingNode) and "as_of" in top:
            kind = "meta"
        sections.append((kind, root))
    for kind, node in sections:
        if kind == "meta":
            for k, v in _pairs(node):
                if k.value == "as_of":
                    seen.meta_as_of = True
                    _check_date(_Loc(spath, v), "as_of", v, out)
                elif k.value not in _META_KEYS and k.value not in _LIST_KINDS:
                    out.append(_Loc(spath, k).problem(f"unknown key {k.value!r} in meta; allowed: {', '.join(sorted(_META_KEYS))}"))
            continue
        if not isinstance(node, yaml.SequenceNode):
            out.append(_Loc(spath, node).problem(f"{kind}: expected a list"))
            continue
        for entry in node.value:
            _check_entry(kind, spath, entry, seen, out)


def validate_kb(path: Path | None = None, extra: Sequence[Path] = ()) -> list[KbProblem]:
    """Every problem in a KB (default: the bundled one), each located at file:line:col.

    Reports: YAML errors; unknown keys; missing required keys; bad dates; a term whose end
    is not after its start; a term naming an unknown office; a name or alias shared by two
    people; overlapping terms in a ``single_holder`` office (acting/interim terms and exact
    abutting excepted).
    """
    roots = [Path(p) for p in (path or bundled_kb_dir(), *extra)]
    seen = _Seen()
    out: list[KbProblem] = []
    for i, r in enumerate(roots):
        seen.root = i
        for f in _kb_files(r):
            _check_file(f, seen, out)
    # A user's file may name the bundled KB's offices.
    known_offices = set(seen.ids["offices"])
    single = dict(seen.office_single)
    if path is not None and Path(path).resolve() != bundled_kb_dir().resolve():
        try:
            bundled = load_kb()
            known_offices |= set(bundled.offices)
            single = {**{o.id: o.single_holder for o in bundled.offices.values()}, **single}
        except KbError:
            pass
    for loc, _pid, office, _s, _e, _a in seen.terms:
        if office not in known_offices:
            out.append(loc.problem(f"term names unknown office {office!r}"))
    known_people = set(seen.ids["people"])
    if path is not None and Path(path).resolve() != bundled_kb_dir().resolve():
        try:
            known_people |= set(load_kb().people)
        except KbError:
            pass
    for loc, person in seen.standalone:
        if person not in known_people:
            out.append(loc.problem(f"term names unknown person {person!r}"))
    by_office: dict[str, list[tuple[_Loc, str, str, date, date | None, bool]]] = {}
    for t in seen.terms:
        if single.get(t[2], False) and not t[5]:
            by_office.setdefault(t[2], []).append(t)
    for terms in by_office.values():
        terms.sort(key=lambda t: t[3])
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                if a[4] is not None and b[3] >= a[4]:
                    break
                out.append(b[0].problem(
                    f"term of {b[1]!r} in {b[2]!r} from {b[3]} overlaps the term of {a[1]!r} "
                    f"({a[3]}..{a[4] or 'open'}) in a single-holder office"))
    out.sort(key=lambda p: (p.path, p.line, p.column))
    return out
