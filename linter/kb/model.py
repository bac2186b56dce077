"""The knowledge base's model: people, offices, terms, countries and events, and the date
questions rules ask of them (``holds``, ``holder``, ``title_interval`` ...).

Terms are half-open: a person holds an office on day D when ``start <= D < end`` (the handover
day belongs to the successor); a missing ``end`` means the term was still open on the KB's
``as_of`` date. Loading is ``linter.kb.load``; validation ``linter.kb.validate``.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from linter import recache

_T = TypeVar("_T")

#: How far past ``as_of`` a date may lie before the KB counts as stale for it.
STALE_AFTER = timedelta(days=60)

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
    source: str | None = None

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
    source: str | None = None


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
    source: str | None = None

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
    source: str | None = None
    #: where it happened or whom it concerned, as news names them (host city, country, the
    #: parties): "the 2016 Olympics in Tokyo", "the April 1998 peace deal" beside "Northern Ireland"
    places: tuple[str, ...] = ()
    #: its number in its series (the Games of the XXXIII Olympiad: 33), or the numbers of two
    #: numberings in use ((33, 30): also the 30th Summer Games held); () when not numbered
    edition: tuple[int, ...] = ()


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
    source: str | None = None

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
_SPLIT_RE = recache.compile(r"[\s.\-]+")


@lru_cache(maxsize=8192)  # bounded: a long archive run keeps a flat memory
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


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a person's timeline says of a title at a reference time (see ``KnowledgeBase.verdict``).

    ``kind``: ``holds`` (a term of the office overlaps the time), ``stale`` (every term of it
    ended before: ``date`` is when the last one ended), ``not_yet`` (the first term starts
    after: ``date`` is its start, ``elected`` when the KB says the person was already elected or
    designated), ``never`` (no term of this office: ``other`` names the offices the person
    held at that time, None when none), ``dead`` (the person
    had died: ``date``), ``unknown`` (the KB cannot say). ``uncertain``: a boundary the sources
    mark uncertain lies near the time."""

    kind: str
    date: date | None = None
    other: str | None = None
    uncertain: bool = False
    elected: bool = False


# ---------------------------------------------------------------------------------------------
# The knowledge base


@dataclass(eq=False)
class KnowledgeBase:
    """Loaded KB with name, surname and title indexes. Build it with :func:`load_kb`."""

    as_of: date
    people: dict[str, Person]
    offices: dict[str, Office]
    events: list[Event]
    countries: dict[str, Country] = field(default_factory=dict)
    sources: tuple[Path, ...] = ()
    #: values derived from this KB by other modules (indexes such as the mention gazetteer),
    #: keyed by the function that builds them: see :meth:`derived`
    _derived: dict[Callable[[KnowledgeBase], Any], Any] = field(default_factory=dict, repr=False, compare=False)

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

    def stored_index(self, name: str) -> Any:
        """An index computed over this KB when it was compiled (``linter.kb.store``), or None."""
        return None

    def derived(self, build: Callable[[KnowledgeBase], _T]) -> _T:
        """``build(self)``, computed once per KB: the indexes other modules keep over it."""
        try:
            return self._derived[build]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[build] = build(self)
            return value

    def kept(self, what: str, build: Callable[[KnowledgeBase], _T], code: Sequence[str],
             valid: Callable[[Any], bool]) -> _T:
        """``build(self)``: plain data (what marshal writes) derived from this KB by the modules
        named in ``code``. This KB builds it each time; the compiled one
        (``linter.kb.store``) keeps it in the cache folder between runs, read back when
        ``valid``."""
        return build(self)

    def event(self, event_id: str) -> Event | None:
        """The event with the id ``event_id`` (the one object ``events`` holds), or None."""
        return self.derived(_events_by_id).get(event_id)

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

    def first_name_keys(self) -> dict[str, set[str]]:
        """First words of multi-word names and aliases → person ids ("Joseph" → joe-biden)."""
        return self._first_names

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
        """Did the person hold the office on ``on``, by the KB's terms?

        True when a term covers ``on`` (a term still open at ``as_of`` counts as continuing),
        False when none does, None when the KB cannot tell: the person or office is unknown, or
        ``on`` is within a month of a boundary the sources mark ``uncertain``. Whether the KB
        lists every holder on that day is :meth:`covers`; whether it is still current is
        :meth:`is_stale`. The DSL's ``holds()`` is this method.
        """
        if person_id not in self.people or office_id not in self.offices:
            return None
        for t in self.terms(person_id, office_id):
            if t.near_uncertain_boundary(on):
                return None
            if t.covers(on):
                return True
        return False

    def covers(self, office_id: str, on: date) -> bool:
        """The KB lists every holder of the office on ``on``: from its ``coverage_from`` on, and
        never for an office without one (its list may be partial)."""
        o = self.offices.get(office_id)
        if o is None or o.coverage_from is None:
            return False
        return on >= o.coverage_from

    def verdict(self, person_id: str, office_id: str, start: date | None, end: date | None) -> Verdict:
        """The person's timeline against a title of ``office_id`` for the days ``[start, end]``
        (inclusive; the time a clause speaks of): holds, stale, not yet, never, dead or unknown."""
        person = self.people.get(person_id)
        if person is None or office_id not in self.offices or (start is None and end is None):
            return Verdict("unknown")
        lo = start or end
        hi = end or start
        assert lo is not None and hi is not None
        terms = self.terms(person_id, office_id)
        uncertain = any(t.near_uncertain_boundary(lo) or t.near_uncertain_boundary(hi) for t in terms)
        if person.died is not None and lo > person.died:
            return Verdict("dead", person.died, uncertain=person.uncertain)
        if not terms:
            country = self.offices[office_id].country
            then = [t for t in self.terms(person_id) if t.office in self.offices
                    and t.start <= hi and (t.end is None or t.end > lo)]
            held = [self.offices[t.office] for t in then]
            # the offices of the title's country first: "President of France, Co-Prince of Andorra"
            names = sorted({o.name: o.country != country for o in held}.items(), key=lambda kv: (kv[1], kv[0]))
            return Verdict("never", other=", ".join(n for n, _ in names) or None)
        if any(t.start <= hi and (t.end is None or t.end > lo) for t in terms):
            return Verdict("holds", uncertain=uncertain)
        ended = [t.end for t in terms if t.end is not None and t.end <= lo]
        later = [t for t in terms if t.start > hi]
        first = min(later, key=lambda t: t.start) if later else None
        chosen = None if first is None else first.elected or first.designated
        elected = chosen is not None and chosen <= hi
        # a former holder running again is "former" until elected: not yet only when the KB
        # knows of the election (or designation), or the person never held the office before
        if first is not None and (elected or not ended):
            return Verdict("not_yet", first.start, uncertain=uncertain, elected=elected)
        if ended:
            return Verdict("stale", max(ended), uncertain=uncertain)
        return Verdict("unknown", uncertain=uncertain)

    def offices_then(self, person_id: str, start: date, end: date) -> list[Office]:
        """The offices the person held at some time in ``[start, end]``."""
        out: list[Office] = []
        for t in self.terms(person_id):
            o = self.offices.get(t.office)
            if o is not None and o not in out and t.start <= end and (t.end is None or t.end > start):
                out.append(o)
        return out

    def career_start(self, person_id: str) -> date | None:
        """When the person's first known term began (any office)."""
        starts = [t.start for t in self.terms(person_id)]
        return min(starts) if starts else None

    def is_stale(self, on: date) -> bool:
        """``on`` is well past the KB's ``as_of`` (more than ``STALE_AFTER``)."""
        return on > self.as_of + STALE_AFTER

    def ever_held(self, person_id: str, office_id: str) -> bool:
        return bool(self.terms(person_id, office_id))

    def held_before(self, person_id: str, office_id: str, on: date) -> bool:
        """True when a term of the person in the office started before ``on``."""
        return any(t.start < on for t in self.terms(person_id, office_id))

    def last_end(self, person_id: str, office_id: str, on: date) -> date | None:
        """The end of the person's last term in the office that ended by ``on``."""
        ends = [t.end for t in self.terms(person_id, office_id) if t.end is not None and t.end <= on]
        return max(ends) if ends else None

    def term_start(self, person_id: str, office_id: str, on: date) -> date | None:
        """The start of the person's term in the office that covers ``on``."""
        starts = [t.start for t in self.terms(person_id, office_id) if t.covers(on)]
        return min(starts) if starts else None

    def first_start(self, person_id: str, office_id: str) -> date | None:
        starts = [t.start for t in self.terms(person_id, office_id)]
        return min(starts) if starts else None

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
        return self.derived(_country_forms).get(norm_name(form))

    def events_named(self, phrase: str) -> list[Event]:
        key = norm_name(phrase)
        return [e for e in self.events if key in {norm_name(x) for x in (e.name, *e.phrases)}]


def _events_by_id(kb: KnowledgeBase) -> dict[str, Event]:
    return {e.id: e for e in kb.events}


def _country_forms(kb: KnowledgeBase) -> dict[str, str]:
    table: dict[str, str] = {}
    for c in kb.countries.values():
        for f in c.forms():
            table.setdefault(norm_name(f), c.code)
    return table


# ---------------------------------------------------------------------------------------------
# Rule helpers (pure functions)


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
