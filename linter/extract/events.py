"""Mentions of the knowledge base's dated events in the forms news writes them ("the Belfast
Agreement", "the 1998 Good Friday Agreement", "the fall of the Berlin Wall in November 1989",
"the October 7 attack", "the 2016 Olympics in Tokyo", "the 31st Olympic Games in 2024"), each
with the date the text gives it when it gives one.

One job: find event mentions in sentences and pair each with the date written for it, as
written (year, month, day) and as an interval. Whether that date contradicts the KB is the
rules' business (``date/event-mismatch``, ``date/edition-mismatch``); one event dated two ways
in one article is ``date/inconsistent``'s (``dated_mentions`` groups them).

Forms (``EventMention.form``). *Certain* forms (``EventMention.certain``) name the event and
attach the date to it beyond reasonable doubt; the others are weaker and the rules warn.

- ``name``: a KB phrase alone ("the Belfast Agreement", "the JCPOA"). A phrase that holds a
  year ("2016 Olympics", "Tokyo 2020") is a template with a year slot: the text's year picks the
  event whose phrase has that year there, and that year is stated by the name (``in_name``), so
  it never contradicts ("the 2020 Tokyo Olympics" were held in 2021).
- ``dated-name`` (certain): a date with its year written as part of the name: "the 1998 Good
  Friday Agreement", "Britain's June 2016 Brexit vote", "the referendum ... of September 2015".
  "Withdrew from the JCPOA in 2018" pairs nothing: that year dates the withdrawal.
- ``name-date``: "the fall of the Berlin Wall in November 1991", "the Berlin Wall fell on Nov.
  9, 1991": a date after "in"/"on" is the event's when the event took place within a month and
  the month (and day) written are its own, so only the year can be wrong (certain); a year alone
  is paired (weaker) when it is within two years of the event or the year of another edition of
  its series, and the clause is not "after/before ... the event in YEAR", which dates the verb.
  A sentence about a commemoration ("anniversary", "marking", "ago") pairs nothing, and neither
  does "the victims of the attacks in ...".
- ``date-head`` (certain) and ``head-on-date``: for dated phrases ("October 7 attack"), a date
  with that month and day followed by the head ("the October 7, 2022 attack") or after "the
  attack on" ("the attack on October 7, 2022": weaker, another attack may share the day).
- ``series-name`` (certain): a template whose words hold a place the KB lists for every event it
  names and a word of the series ("Tokyo Olympics", "U.S. presidential election"; not "Paris
  2024", which is also any date in Paris) with a year no event of the series
  holds, where the KB knows the series' numbering without a gap over that year ("the 2016 Tokyo
  Olympics": Tokyo hosted in 1964 and 2021); the event is the nearest such edition.
- ``series-place``: an edition named with its year and then "in"/"at" a place of another
  edition of the series ("at the 2016 Olympics in Tokyo"); the event is that place's nearest
  edition and the year is the claim (``other`` is the edition of that year). "Trained for the
  2016 Olympics in London" says where she trained: only "at/during/of/in/to/since the ..." count.
- ``edition``: "the 31st Olympic Games in 2024": an ordinal before a series' name (the words
  its phrases have beside the year) and "in"/"of" a year; the event is that year's edition, and
  ``edition_written`` the number claimed (``date/edition-mismatch``); with no edition that year,
  the edition of that number, and the year is the claim.
- ``descriptive``: a date with its year, a few words and a head noun of the event's kind ("the
  April 1998 peace deal") where the sentence or the one before names one of the event's
  ``places`` ("Northern Ireland"): the event when it is the only such KB event the date fits,
  or else the only one whose month (and day) it has with the year one away. Elections and
  referendums are left out: a place holds many votes, and "vote" names any of them.

An event that had not begun by the publication date is not what an article means by its name
unless it is scheduled (an election, a referendum, a sports event or any event of a series): "the
Gulf war" in 1987 is the Iran-Iraq war, not the KB's 1990-1991 Gulf War.

The gazetteer is built once per KB from every event's name, phrases, places, series and edition
numbers; its tables are precomputed in the compiled KB (``EVENTS_INDEX``) and kept, naming
events by id, in the cache folder between runs (``KnowledgeBase.kept``): a run reads only the
events a document names.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Any, TypeVar

from linter import recache
from linter.fold import ascii_fold
from linter.kb import Event, KnowledgeBase
from linter.lexicon import word_set
from linter.occurs import AUTOMATON_MIN, finder

__all__ = [
    "EVENTS_INDEX",
    "EventGazetteer",
    "EventMention",
    "dated_mentions",
    "event_gazetteer",
    "event_span",
    "event_tables",
    "extract_events",
]

FORM_NAME = "name"  # the phrase alone, no date written with it (or its year inside it)
FORM_DATED_NAME = "dated-name"  # the 2002 9/11 attacks; the 9/11 attacks of 2002
FORM_NAME_DATE = "name-date"  # the fall of the Berlin Wall in November 1991
FORM_DATE_HEAD = "date-head"  # the October 7, 2022 attack
FORM_HEAD_ON_DATE = "head-on-date"  # the attack on October 7, 2022
FORM_SERIES_NAME = "series-name"  # the 2016 Tokyo Olympics
FORM_SERIES_PLACE = "series-place"  # the 2016 Olympics in Tokyo
FORM_EDITION = "edition"  # the 31st Olympic Games in 2024
FORM_DESCRIPTIVE = "descriptive"  # the April 1998 peace deal (Northern Ireland named)
FORMS = (FORM_NAME, FORM_DATED_NAME, FORM_NAME_DATE, FORM_DATE_HEAD, FORM_HEAD_ON_DATE, FORM_SERIES_NAME,
         FORM_SERIES_PLACE, FORM_EDITION, FORM_DESCRIPTIVE)

#: kinds whose events are named before they happen ("the 2028 Olympics")
_SCHEDULED_KINDS = frozenset({"election", "referendum", "sport"})
#: the longest event that "in <month> <year>" after its name still dates as a whole
_POINT_DAYS = 31


@dataclass(slots=True)
class EventMention:
    """One mention of a KB event; absolute offsets, end exclusive. The date fields describe the
    date the text gives the event (none written: all None)."""

    start: int
    end: int
    text: str
    event_id: str
    event_name: str
    event_date: date
    event_end: date | None
    form: str = FORM_NAME
    date_start: int | None = None
    date_end: int | None = None
    date_text: str | None = None
    date_earliest: date | None = None
    date_latest: date | None = None
    year_explicit: bool = False
    #: the date's parts as written (None where not written)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: the year is part of the event's name as the KB lists it ("2020 Tokyo Olympics")
    in_name: bool = False
    #: the form names the event and attaches the date to it for certain (see the module doc)
    certain: bool = True
    event: Event | None = None
    #: the event of the same series (or an election of the same place) held in the year written
    other: Event | None = None
    #: the ordinal written before a series' name ("31st" → 31), and as written
    edition_written: int | None = None
    edition_text: str | None = None

    @property
    def contradicts(self) -> bool:
        """The written date (with its year) cannot be the KB's day(s) of the event."""
        if self.in_name or not self.year_explicit or self.date_earliest is None or self.date_latest is None:
            return False
        first, last = event_span(self.event) if self.event is not None else (
            self.event_date, self.event_end or self.event_date)
        return self.date_latest < first or self.date_earliest > last

    @property
    def edition_mismatch(self) -> bool:
        """The ordinal written is none of the numbers the KB gives this edition."""
        ev = self.event
        return (self.edition_written is not None and ev is not None and bool(ev.edition)
                and self.edition_written not in ev.edition)


def event_span(ev: Event) -> tuple[date, date]:
    """The first and last day the KB's date of ``ev`` may mean (a month or year precision widens it)."""
    last = ev.end or ev.date
    if ev.precision == "year":
        return ev.date.replace(month=1, day=1), last.replace(month=12, day=31)
    if ev.precision == "month":
        nxt = last.replace(day=28) + timedelta(days=4)
        return ev.date.replace(day=1), nxt - timedelta(days=nxt.day)
    return ev.date, last


def dated_mentions(mentions: Iterable[EventMention]) -> dict[str, list[EventMention]]:
    """The mentions that state a date (``date_earliest`` set), by event id, in text order: what
    ``date/inconsistent`` compares. A date inside a name (``in_name``) is listed too."""
    out: dict[str, list[EventMention]] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if m.date_earliest is not None:
            out.setdefault(m.event_id, []).append(m)
    return out


# --------------------------------------------------------------------------- the gazetteer

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DATED_PHRASE = recache.compile(
    r"^(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?|(?P<m>\d{1,2})/(?P<d>\d{1,2}))"
    r",?\s+(?P<head>[A-Za-z][\w' -]*)$"
)
#: a year in a phrase that is a slot of a template: not part of a range ("2007-08") or a number
_PHRASE_YEAR = recache.compile(r"(?<![\w/-])(?:19|20)\d\d(?![\w/]|-\d)")
_SLOT = "0000"
_SLOT_SET = frozenset({_SLOT})
_ASCII_RUN = recache.compile(r"[a-z0-9]+")
#: a year not inside a longer number ("(?<![0-9]..)" after its first two digits: what it
#: starts with lets the engine skip ahead to each "19" and "20")
_YEAR_RUN = recache.compile(r"(?:19|20)(?<![0-9]..)[0-9][0-9](?![0-9])")

_LEX = "events"
#: words that end a descriptive mention's modifiers ("the 2003 film about the war" is not the war)
_NOT_MODIFIER = ("(?:the|a|an|of|in|on|at|about|for|to|and|or|with|by|from|that|which|who|after|before|"
                 "since|is|was|were|are|has|had|have|its|his|her|their)")
#: place words too common to tell a template's place ("Rio de Janeiro" is not "de")
_PLACE_STOP = frozenset({"de", "la", "el", "le", "the", "of", "and", "city", "st.", "san"})
#: kinds left out of descriptive mentions: a place holds many votes ("the June 2017 vote" in
#: Britain was a general election, not the 2016 referendum)
_NOT_DESCRIBED = frozenset({"election", "referendum"})
_HEAD_KINDS = ("treaty", "referendum", "attack", "disaster", "war", "crisis", "death", "sport", "other")


@dataclass
class EventGazetteer:
    literal_events: Mapping[str, list[Event]]
    #: (month, day) -> {head (lower case): events}
    heads: Mapping[tuple[int, int], dict[str, list[Event]]]
    head_re: re.Pattern[str] | None
    upper_keys: frozenset[str] = frozenset()
    #: phrases (lower case) that the KB writes only with a capital past a leading "the" ("the
    #: Troubles", "Brexit vote"): text with no capital there is a common noun ("the troubles")
    cased_keys: frozenset[str] = frozenset()
    #: each literal phrase or template (lower case) with its ASCII letter-and-digit runs, by its
    #: longest run: a phrase can match only text whose ``ascii_fold`` holds all of its runs as runs
    by_anchor: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    #: a phrase with its year replaced by "0000" -> (event, the year that phrase has there)
    templates: Mapping[str, list[tuple[Event, int]]] = field(default_factory=dict)
    #: series id -> its events by date
    series: Mapping[str, list[Event]] = field(default_factory=dict)
    #: series id -> (first year, last year) over which the KB numbers its editions without a gap
    complete: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: the series that recur (numbered, or elections, referendums or sports events): the year of
    #: another of its events is a likely slip ("the Rio Olympics in 2012"); not "independence"
    recurring: frozenset[str] = frozenset()
    #: event id -> the years its name may carry (its date's, its end's, its phrases')
    years: dict[str, frozenset[int]] = field(default_factory=dict)
    #: a series' name as written after an ordinal (lower case) -> series ids
    ordinal_heads: dict[str, list[str]] = field(default_factory=dict)
    ordinal_re: re.Pattern[str] | None = None
    #: the words of each ordinal head that holds no other (text holds some head only when it
    #: holds every word of one of these; the head pattern takes any white space between them)
    ordinal_gate: tuple[tuple[str, ...], ...] = ()
    #: a head noun (lower case) -> the events with places it may name ("deal" -> Good Friday Agreement)
    descriptive: Mapping[str, list[Event]] = field(default_factory=dict)
    descriptive_re: re.Pattern[str] | None = None

    @functools.cached_property
    def vocab(self) -> frozenset[str]:
        """Every run of every literal phrase and template: of a text's runs, only these tell its keys."""
        return frozenset(run for rows in self.by_anchor.values() for _, runs in rows for run in runs)

    def literal_keys(self, folded: str) -> list[str]:
        """The literal phrases and templates that can occur in ``folded`` (an ``ascii_fold``ed document)."""
        return [key for key, _ in self.literal_runs(_runs(folded, self.vocab))]

    def literal_runs(self, present: AbstractSet[str]) -> list[tuple[str, frozenset[str]]]:
        """The literal phrases and templates (with their runs) whose runs are all in ``present``
        (what :func:`_runs` finds in a text), in order of the phrase."""
        by_anchor = self.by_anchor
        return sorted((row for run in by_anchor.keys() & present for row in by_anchor[run] if row[1] <= present),
                      key=_first)

    def edition_of_year(self, series: str, year: int) -> Event | None:
        """The one event of a recurring ``series`` whose name or date holds ``year``."""
        if series not in self.recurring:
            return None
        found = [e for e in self.series.get(series, ()) if year in self.years.get(e.id, ())]
        return found[0] if len(found) == 1 else None


_first = itemgetter(0)
_K = TypeVar("_K")
_V = TypeVar("_V")
#: bytes.translate table: what _ASCII_RUN takes kept, every other byte a space
_NOT_RUN = bytes(c if _ASCII_RUN.fullmatch(chr(c)) else 32 for c in range(256))


def _runs(folded: str, vocab: frozenset[str] | None = None, year: bool = True) -> AbstractSet[str]:
    """The ASCII letter-and-digit runs of ``folded`` (from ``ascii_fold``), with "0000" when it has
    a year: a literal phrase or template can match only where all of its runs are. With ``vocab``
    (``EventGazetteer.vocab``), only those in it: the same keys hold all their runs in either, and
    a text's runs are among another's in these when they are in all (``_sentence_keys``). With
    ``year`` False, without "0000" (no year looked for)."""
    if folded.isascii():  # the runs are what is left between the other characters, found faster
        runs = folded.encode("ascii").translate(_NOT_RUN).decode("ascii").split()
    else:
        runs = _ASCII_RUN.findall(folded)
    present = set(runs) if vocab is None else vocab.intersection(runs)
    if year and _YEAR_RUN.search(folded):
        return present | _SLOT_SET
    return present


@lru_cache(maxsize=8192)
def _literal_re(key: str) -> re.Pattern[str]:
    """One phrase (or template) as a pattern, compiled once per process: a pattern over every
    phrase of the KB, or over each document's set, takes long to compile."""
    parts = key.split(_SLOT)
    body = r"(?P<y>(?:19|20)\d\d)".join("".join(r"\s+" if ch == " " else _escape_quote(ch) for ch in p)
                                       for p in parts)
    return re.compile(r"(?<![\w/])" + body + r"(?![\w/])", re.IGNORECASE)


def _md(mon: str | None, day: str | None, m: str | None, d: str | None) -> tuple[int, int] | None:
    if m and d:
        return int(m), int(d)
    if mon and day:
        k = mon.lower()[:3]
        if k in _MONTHS and mon.lower().rstrip(".") in _month_forms(k):
            return _MONTHS[k], int(day)
    return None


def _month_forms(k: str) -> set[str]:
    full = ("january february march april may june july august september october november december").split()
    f = full[_MONTHS[k] - 1]
    return {k, f, "sept"} if k == "sep" else {k, f}


def _escape_quote(ch: str) -> str:
    return "['’]" if ch == "'" else re.escape(ch)


def event_gazetteer(kb: KnowledgeBase) -> EventGazetteer:
    """The gazetteer of ``kb``'s events, built once and kept by the KB."""
    return kb.derived(_build_event_gazetteer)


#: The name under which ``event_tables`` is kept in the compiled KB (bump when they change).
EVENTS_INDEX = "events.gazetteer.3"


def _template(phrase: str) -> tuple[str, int] | None:
    """``phrase`` (lower case) with its one year slot as "0000", and that year."""
    years = _PHRASE_YEAR.findall(phrase)
    if len(years) != 1 or len(_YEAR_RUN.findall(phrase)) != 1:
        return None
    m = _PHRASE_YEAR.search(phrase)
    assert m is not None
    return phrase[:m.start()] + _SLOT + phrase[m.end():], int(years[0])


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9.'’]+", text.lower().replace("’", "'")))


def _place_words(places: Iterable[str]) -> set[str]:
    return {w for p in places for w in _words(p)} - _PLACE_STOP


_LEADING_THE = recache.compile(r"^the\s+", re.IGNORECASE)


def _has_capital(phrase: str) -> bool:
    """``phrase`` has a capital letter past a leading "the"."""
    return any(ch.isupper() for ch in _LEADING_THE.sub("", phrase))


def _head_words() -> dict[str, tuple[str, ...]]:
    return {kind: tuple(h.lower() for h in word_set(_LEX, f"heads-{kind}")) for kind in _HEAD_KINDS}


def event_tables(kb: KnowledgeBase) -> dict[str, Any]:
    """The event gazetteer as JSON-able tables of event ids (computed when the KB is compiled)."""
    literal_events: dict[str, list[str]] = {}
    templates: dict[str, list[list[Any]]] = {}
    upper: set[str] = set()
    cased: dict[str, bool] = {}
    heads: dict[str, dict[str, list[str]]] = {}
    years: dict[str, list[int]] = {}
    for e in kb.events:
        ys = {e.date.year} | ({e.end.year} if e.end is not None else set())
        for phrase in (e.name, *e.phrases):
            phrase = phrase.strip()
            if not phrase:
                continue
            key = phrase.lower()
            if phrase.isupper():
                upper.add(key)
            cased[key] = cased.get(key, True) and _has_capital(phrase)
            tpl = _template(key)
            if tpl is not None:
                ys.add(tpl[1])
                rows = templates.setdefault(tpl[0], [])
                if [e.id, tpl[1]] not in rows:
                    rows.append([e.id, tpl[1]])
            else:
                lst = literal_events.setdefault(key, [])
                if e.id not in lst:
                    lst.append(e.id)
            m = _DATED_PHRASE.match(phrase)
            if m is not None:
                md = _md(m.group("mon"), m.group("day"), m.group("m"), m.group("d"))
                if md is not None:
                    hl = heads.setdefault(f"{md[0]}-{md[1]}", {}).setdefault(m.group("head").lower(), [])
                    if e.id not in hl:
                        hl.append(e.id)
        years[e.id] = sorted(ys)
    by_anchor: dict[str, list[tuple[str, list[str]]]] = {}
    for key in (*literal_events, *templates):
        runs = _ASCII_RUN.findall(key)
        named = [r for r in runs if r != _SLOT]
        by_anchor.setdefault(max(named, key=len) if named else "", []).append((key, sorted(set(runs))))
    series: dict[str, list[str]] = {}
    for e in kb.events:
        if e.series:
            series.setdefault(e.series, []).append(e.id)
    by_id = {e.id: e for e in kb.events}
    complete: dict[str, list[int]] = {}
    ordinal_heads: dict[str, list[str]] = {}
    recurring: list[str] = []
    for sid, ids in series.items():
        evs = sorted((by_id[i] for i in ids), key=lambda x: x.date)
        if all(x.edition for x in evs) or all(x.kind in _SCHEDULED_KINDS for x in evs):
            recurring.append(sid)
        if all(x.edition for x in evs) and all(b.edition[0] == a.edition[0] + 1 for a, b in zip(evs, evs[1:], strict=False)):
            complete[sid] = [evs[0].date.year, (evs[-1].end or evs[-1].date).year]
        if not any(x.edition for x in evs):
            continue
        places = _place_words(p for x in evs for p in x.places)
        for key, rows in templates.items():
            if not key.startswith(_SLOT + " ") or not any(by_id[i].series == sid for i, _ in rows):
                continue
            rest = key[len(_SLOT) + 1:]
            if any(w in places for w in _words(rest)):
                continue  # "0000 tokyo olympics" names a place, not the series
            if sid not in ordinal_heads.setdefault(rest, []):
                ordinal_heads[rest].append(sid)
    # descriptive heads: events with places, by each head noun they accept
    kind_heads = _head_words()
    every_head = {h for hs in kind_heads.values() for h in hs}
    descriptive: dict[str, list[str]] = {}
    for e in kb.events:
        if not e.places or e.kind in _NOT_DESCRIBED:
            continue
        own = set(kind_heads.get(e.kind or "", ())) | (every_head & _words(" ".join((e.name, *e.phrases))))
        for h in sorted(own):
            descriptive.setdefault(h, []).append(e.id)
    return {"literal_events": literal_events, "templates": templates, "upper": sorted(upper),
            "cased": sorted(k for k, v in cased.items() if v), "heads": heads,
            "by_anchor": by_anchor, "series": series, "complete": complete, "recurring": sorted(recurring), "years": years,
            "ordinal_heads": ordinal_heads, "descriptive": descriptive}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True))


#: What ``_event_parts`` gives (and the cache must hold, see ``KnowledgeBase.kept``).
_PARTS = frozenset({
    "literal_events", "heads", "head_alt", "upper", "cased", "by_anchor", "templates", "series", "complete",
    "recurring", "years", "ordinal_heads", "ordinal_alt", "ordinal_gate", "descriptive", "descriptive_alt"})


def _event_parts(kb: KnowledgeBase) -> dict[str, Any]:
    """The gazetteer's tables built from ``kb`` (its compiled tables, ``event_tables``), with
    event ids for events, as plain data a compiled KB keeps in the cache folder: a run reads
    them, and only the events a document names (``KnowledgeBase.event``)."""
    t = kb.stored_index(EVENTS_INDEX) or event_tables(kb)
    by_id = {e.id: e for e in kb.events}

    def known(ids: list[str]) -> list[str]:
        return [i for i in ids if i in by_id]

    heads: dict[tuple[int, int], dict[str, list[str]]] = {}
    for md, table in t["heads"].items():
        m, d = md.split("-")
        heads[(int(m), int(d))] = {h: known(v) for h, v in table.items()}
    # longest first; the same order in every process (a set's order changes with the string hash
    # seed, and the regex cache keeps a pattern under its text)
    all_heads = sorted({h for d in heads.values() for h in d}, key=lambda h: (-len(h), h))
    ordinal_heads = t["ordinal_heads"]
    descriptive = {h: known(v) for h, v in t["descriptive"].items()}
    return {
        "literal_events": {k: known(v) for k, v in t["literal_events"].items()},
        "heads": heads,
        "head_alt": "|".join(re.escape(h) for h in all_heads) if all_heads else None,
        "upper": frozenset(t["upper"]),
        "cased": frozenset(t["cased"]),
        "by_anchor": {k: [(key, frozenset(runs)) for key, runs in v] for k, v in t["by_anchor"].items()},
        "templates": {k: [(i, y) for i, y in v if i in by_id] for k, v in t["templates"].items()},
        "series": {s: sorted(known(v), key=lambda i: by_id[i].date) for s, v in t["series"].items()},
        "complete": {s: (int(a), int(b)) for s, (a, b) in t["complete"].items()},
        "recurring": frozenset(t["recurring"]),
        "years": {i: frozenset(v) for i, v in t["years"].items()},
        "ordinal_heads": ordinal_heads,
        "ordinal_alt": _alternation(ordinal_heads) if ordinal_heads else None,
        "ordinal_gate": tuple(h for h in ordinal_heads if not any(o != h and o in h for o in ordinal_heads)),
        "descriptive": descriptive,
        "descriptive_alt": _alternation(descriptive) if descriptive else None,
    }


def _valid_parts(value: Any) -> bool:
    return isinstance(value, dict) and value.keys() == _PARTS


class _Resolved(Mapping[_K, _V]):
    """A table of the gazetteer whose values hold event ids, read as the same table holding the
    events (``resolve``), each value resolved at its first use: a document names a few events."""

    __slots__ = ("_raw", "_resolve", "_done")

    def __init__(self, raw: dict[_K, Any], resolve: Callable[[Any], _V]) -> None:
        self._raw = raw
        self._resolve = resolve
        self._done: dict[_K, _V] = {}

    def __getitem__(self, key: _K) -> _V:
        try:
            return self._done[key]
        except KeyError:
            value = self._done[key] = self._resolve(self._raw[key])
            return value

    def get(self, key: _K, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if key in self._raw else default

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[_K]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self.items())!r})"


def _build_event_gazetteer(kb: KnowledgeBase) -> EventGazetteer:
    parts = kb.kept("events-gazetteer", _event_parts, (__name__, "linter.kb.model"), _valid_parts)
    event = kb.event

    def events(ids: list[str]) -> list[Event]:
        return [e for e in map(event, ids) if e is not None]

    def dated(rows: list[tuple[str, int]]) -> list[tuple[Event, int]]:
        return [(e, y) for e, y in ((event(i), y) for i, y in rows) if e is not None]

    def by_head(table: dict[str, list[str]]) -> dict[str, list[Event]]:
        return {h: events(v) for h, v in table.items()}

    # the three patterns come from the KB alone: compiled through the regex cache like constants
    head_alt, ordinal_alt, descriptive_alt = parts["head_alt"], parts["ordinal_alt"], parts["descriptive_alt"]
    head_re = recache.compile(r"(?:" + head_alt + r")\b", re.IGNORECASE) if head_alt is not None else None
    ordinals = (r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(word_set(_LEX, "ordinals")))
    ordinal_re = recache.compile(rf"\b(?P<ord>{ordinals})\s+(?P<head>{ordinal_alt})\b",
                                 re.IGNORECASE) if ordinal_alt is not None else None
    descriptive_re = recache.compile(
        rf",?\s+(?P<mods>(?:(?!{_NOT_MODIFIER}\b)[A-Za-z][\w'’-]*\s+){{0,3}}?)(?P<head>{descriptive_alt})\b",
        re.IGNORECASE) if descriptive_alt is not None else None
    return EventGazetteer(
        _Resolved(parts["literal_events"], events), _Resolved(parts["heads"], by_head), head_re,
        parts["upper"], parts["cased"], parts["by_anchor"], _Resolved(parts["templates"], dated),
        _Resolved(parts["series"], events), parts["complete"], parts["recurring"], parts["years"],
        parts["ordinal_heads"], ordinal_re, tuple(tuple(h.split()) for h in parts["ordinal_gate"]),
        _Resolved(parts["descriptive"], events),
        descriptive_re)


# --------------------------------------------------------------------------- finding mentions

_BEFORE_DET = recache.compile(r"(?:\b[Tt]he|['’]s)\s+$")
_AFTER_OF = recache.compile(r"^\s+of\s+$")
_AFTER_IN_ON = recache.compile(r"^,?\s+(?P<p>in|on)\s+$")
_IN_AT_PLACE = recache.compile(r"^,?\s+(?:in|at)\s+(?:the\s+)?")
#: the words before "the 2016 Olympics in Tokyo" that make Tokyo where the Games were ("trained
#: for the 2016 Olympics in London" says where she trained)
_HELD_AT = recache.compile(r"(?<![\w-])(?:at|during|of|in|to|since|hosted|hosting|host)\s+(?:the\s+)?$", re.IGNORECASE)
_EDITION_YEAR = recache.compile(r"^,?\s+(?:in|of)\s+$")
_BETWEEN_DATE_HEAD = recache.compile(r"^,?\s+(?:(?:[A-Z][\w-]*|terror|terrorist|deadly|surprise)\s+){0,2}$")
_HEAD_ON = recache.compile(r"\b[Tt]he\s+(?P<head>[a-z][\w' -]{2,30}?)\s+on\s+$")
_OF_BEFORE = recache.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_ORDINAL_WORDS = {w: i for i, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                              "eighth", "ninth"), 1)}


def _phrase_re(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return recache.compile(r"(?<![\w'’-])(?:" + _alternation(words) + r")(?![\w'’-])", flags)


_COMMEMORATION = _phrase_re(word_set(_LEX, "commemoration"))
_CLAUSE_BEFORE = recache.compile(r"(?<![\w'’-])(?:" + _alternation(word_set(_LEX, "clause-before"))
                                 + r")\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _place_re(place: str) -> re.Pattern[str]:
    """A place as a whole word, in its own case ("US" is not "us")."""
    return re.compile(r"(?<![\w-])" + re.escape(place) + r"(?![\w-])")


def _names_place(text: str, places: Iterable[str]) -> bool:
    return any(p in text and _place_re(p).search(text) for p in places)


def extract_events(
    sentences: Sequence[tuple[int, str]],
    dates: Sequence[Any],
    kb: KnowledgeBase,
    pub_date: date | None = None,
    folded: str | None = None,
    kept: Callable[..., list[EventMention]] | None = None,
) -> list[EventMention]:
    """Event mentions in ``sentences`` ((absolute start, text) pairs, in text order). ``dates``
    are the document's ``DateMention``s (absolute offsets, any order); ``pub_date`` the
    publication date; ``folded`` the ``ascii_fold`` of the text (computed when not given).

    A sentence's mentions are a function of its text, the text of the sentence before it, its
    dates and whether the document may name editions (``editions``, below): ``kept(text, base,
    prev, editions, compute)`` may give them from an earlier document (the language server's
    memo, ``linter.memo``), calling ``compute()`` when it has not got them."""
    g = event_gazetteer(kb)
    by_start = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    out: list[EventMention] = []
    if folded is None:
        folded = ascii_fold("\n".join(t for _, t in sentences))
    # (a sentence without dates reads it not: found for the first that has some)
    editions: bool | None = None if kept is None else _may_name_editions(folded, g)
    doc: list[Any] = []  # the document's runs, keys and probes, found on first use

    def keys_of(text: str, base: int, end: int) -> Sequence[str]:
        if not doc:
            doc_runs, doc_keys = _doc_runs_keys(folded, g)
            probes = _probes(doc_keys)
            # many probes: one pass of occurs.finder; a few: a search each, with nothing to build
            has_probe = (None if not probes else finder(probes) if len(probes) >= AUTOMATON_MIN
                         else functools.partial(_holds_probe, probes))
            doc.extend((doc_runs, doc_keys, has_probe,
                        _KeysByRun(doc_keys) if len(doc_keys) > _FILE_KEYS_FROM else None))
        doc_runs, doc_keys, has_probe, index = doc
        # the keys this sentence can hold (a subset of the document's, in the same order): a long
        # document holds many keys, and each is searched only in the sentences that hold its words
        if not doc_keys or (has_probe is not None and _holds_no_key(text, base, end, folded, has_probe)):
            return ()
        return _sentence_keys(text, doc_runs, doc_keys, g, index)

    def own_keys(text: str, base: int, end: int) -> Sequence[str]:
        """The keys of the sentence alone (what ``keys_of`` gives, ``_sentence_keys``; or keys
        none of which matches in it where ``keys_of`` gives none): for the few sentences the
        memo has not got, instead of the document's runs."""
        return g.literal_keys(ascii_fold(text))

    prev = ""
    for base, text in sentences:
        end = base + len(text)
        # the dates starting in [base, end): a slice of the sorted list, in the same order
        lo, hi = bisect_left(starts, base), bisect_left(starts, end)
        sdates = by_start[lo:hi]
        if kept is None:
            if not sdates:
                if doc and not doc[1]:  # no key in the document: no mention here (_sentence_events)
                    prev = text
                    continue
                out.extend(_sentence_events(text, base, end, prev, sdates, keys_of, False, g))
            else:
                if editions is None:
                    editions = _may_name_editions(folded, g)
                out.extend(_sentence_events(text, base, end, prev, sdates, keys_of, editions, g))
        else:
            out.extend(kept(text, base, prev, bool(editions), functools.partial(
                _sentence_events, text, base, end, prev, sdates, own_keys, bool(editions), g)))
        prev = text
    if pub_date is not None:
        out = [m for m in out if not _not_yet(m.event, pub_date)]
    out.sort(key=lambda x: x.start)
    return out


def _may_name_editions(folded: str, g: EventGazetteer) -> bool:
    """Whether the document (``folded``) may name an edition ("the 31st Olympic Games"): it holds
    every word of an ordinal head, with any white space between them ("Olympic\nGames" in
    hard-wrapped copy)."""
    return g.ordinal_re is not None and any(all(map(folded.__contains__, words)) for words in g.ordinal_gate)


def _sentence_events(text: str, base: int, end: int, prev: str, sdates: Sequence[Any],
                     keys_of: Callable[[str, int, int], Sequence[str]], editions: bool,
                     g: EventGazetteer) -> list[EventMention]:
    """The event mentions of one sentence (``extract_events``), ``prev`` the text of the one
    before it, ``sdates`` its dates, ``keys_of`` the literal keys it may hold."""
    keys = keys_of(text, base, end)
    if not sdates and not keys:
        return []  # every mention below needs a date or a key in the sentence: none here
    taken: list[tuple[int, int]] = []
    found: list[EventMention] = []
    # dated heads: "the October 7, 2022 attack", "the attack on October 7, 2022"
    for d in sdates:
        if d.month is None or d.day is None:
            continue
        table = g.heads.get((d.month, d.day))
        if not table:
            continue
        hit = _date_head(text, base, d, table, g)
        if hit is not None:
            found.append(hit)
            taken.append((hit.start, hit.end))
    if keys:
        for em in _names(text, base, keys, g, taken):
            _pair(em, text, base, sdates, g)
            _other_place(em, text, base, g)
            found.append(em)
            taken.append((em.start, em.end))
    if editions and sdates:  # an edition is told by a year written after it
        for em in _editions(text, base, sdates, g, taken):
            found.append(em)
            taken.append((em.start, em.end))
    if sdates and g.descriptive_re is not None:  # a descriptive mention holds a date
        for em in _descriptive(text, base, prev, sdates, g, taken):
            found.append(em)
            taken.append((em.start, em.end))
    for em in found:
        if em.other is None and em.event is not None and em.contradicts:
            em.other = _other_of_year(em, g)
    return found


def _doc_runs_keys(folded: str, g: EventGazetteer) -> tuple[AbstractSet[str], list[tuple[str, frozenset[str]]]]:
    """The runs of a document (``folded``) among ``g.vocab`` and its keys: ``_runs(folded, g.vocab)``
    and ``g.literal_runs`` of them, whether the document has a year looked up only when one of the
    keys it may hold is a template. Without one, the runs are given with "0000" whether or not
    it has a year: the keys are the same, and a sentence's runs among these are still all
    keys the sentence may hold (``_sentence_keys``)."""
    present = _runs(folded, g.vocab, year=False)
    with_slot = present | _SLOT_SET
    rows = g.literal_runs(with_slot)
    if _SLOT in present or not any(_SLOT in runs for _, runs in rows) or _YEAR_RUN.search(folded):
        return with_slot, rows
    return present, [row for row in rows if _SLOT not in row[1]]


class _KeysByRun:
    """A document's keys (``doc_keys``) filed by one run of each, so that a sentence's keys are
    looked for among those filed under its own runs, not among all the document's: a long
    document holds thousands of keys, and a pass over them for each sentence made it quadratic."""

    __slots__ = ("always", "by_run")

    def __init__(self, doc_keys: list[tuple[str, frozenset[str]]]) -> None:
        #: (order, key, runs) of the keys without runs (every sentence holds them)
        self.always: list[tuple[int, str, frozenset[str]]] = []
        #: a run -> (order, key, runs) of the keys filed under it (each key under one of its runs)
        self.by_run: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
        for order, (key, key_runs) in enumerate(doc_keys):
            if key_runs:
                self.by_run.setdefault(min(key_runs), []).append((order, key, key_runs))
            else:
                self.always.append((order, key, key_runs))

    def held(self, runs: AbstractSet[str]) -> list[str]:
        """The keys whose runs are all in ``runs``, in the document's order."""
        found = list(self.always)
        by_run = self.by_run
        for run in runs:
            filed = by_run.get(run)
            if filed is not None:
                found.extend(row for row in filed if row[2] <= runs)
        found.sort()
        return [key for _, key, _ in found]


def _sentence_keys(text: str, doc_runs: AbstractSet[str], doc_keys: list[tuple[str, frozenset[str]]],
                   g: EventGazetteer, index: _KeysByRun | None = None) -> list[str]:
    """``g.literal_keys(ascii_fold(text))`` for a sentence of a document with runs ``doc_runs``
    and keys ``doc_keys``: when the sentence's runs are the document's (as they are unless it
    cuts a word), its keys are those of the document's whose runs it holds (looked up in
    ``index``, ``doc_keys`` filed by run, when given)."""
    runs = _runs(ascii_fold(text), g.vocab)
    if not runs <= doc_runs:
        return g.literal_keys(ascii_fold(text))
    if index is not None:
        return index.held(runs)
    return [key for key, key_runs in doc_keys if key_runs <= runs]


def _probes(doc_keys: list[tuple[str, frozenset[str]]]) -> tuple[str, ...]:
    """One piece of each of the document's keys that every match of the key's pattern
    (``_literal_re``) holds as written (after ``ascii_fold``): the longest ASCII stretch between
    the key's spaces, apostrophes and year slot. Empty when a key has no such stretch (then
    probes rule out no sentence)."""
    probes: list[str] = []
    for key, _ in doc_keys:
        pieces = [p for part in key.split(_SLOT) for p in _PIECE_CUT.split(part) if p and p.isascii()]
        if not pieces:
            return ()
        probes.append(max(pieces, key=len))
    return tuple(dict.fromkeys(probes))


#: The most keys a document's sentences are matched against one by one; more are filed by run
#: (``_KeysByRun``), which costs more to build than a short list costs to read.
_FILE_KEYS_FROM = 16

#: what ``_literal_re`` does not match as written: a space (any white space), an apostrophe (’ too)
_PIECE_CUT = recache.compile(r"[ ']")


def _is_run_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()  # what _ASCII_RUN takes in a folded text: [a-z0-9]


def _holds_probe(probes: tuple[str, ...], low: str) -> bool:
    """Some of ``probes`` is in ``low``."""
    return any(map(low.__contains__, probes))


def _holds_no_key(text: str, base: int, end: int, folded: str, has_probe: Callable[[str], bool]) -> bool:
    """Whether no key ``_sentence_keys`` may give for ``text`` (at ``base``..``end`` of the text
    ``folded`` is the fold of) can match in it, told without listing the sentence's runs. When
    the sentence cuts no run of ``folded`` at either end, its runs are among the document's and
    its keys among the document's keys (``_sentence_keys``' first branch); a key matches only
    where its probe (``_probes``) is in the folded sentence (an ASCII literal found under
    IGNORECASE is in the ``ascii_fold``, ``linter.fold``): ``has_probe`` tells whether one is
    (``occurs.finder`` of the probes: one pass for many). False (list the keys) when the
    sentence is not ``folded[base:end]`` or cuts a run."""
    low = folded[base:end]
    if len(low) != len(text) or low != ascii_fold(text):
        return False  # ``folded`` is not the fold of the text these offsets are in
    if base > 0 and _is_run_char(folded[base - 1]) and _is_run_char(folded[base]):
        return False  # the sentence starts inside a run
    if base < end < len(folded) and _is_run_char(folded[end - 1]) and _is_run_char(folded[end]):
        return False  # ... or ends inside one
    return not has_probe(low)


def _not_yet(ev: Event | None, pub_date: date) -> bool:
    """An unscheduled event that had not begun on the publication date: the name means another."""
    return ev is not None and pub_date < ev.date and ev.series is None and ev.kind not in _SCHEDULED_KINDS


def _mention(s: int, e: int, text: str, ev: Event, form: str = FORM_NAME) -> EventMention:
    return EventMention(s, e, text, ev.id, ev.name, ev.date, ev.end, form, event=ev)


def _names(text: str, base: int, keys: Sequence[str], g: EventGazetteer,
           taken: list[tuple[int, int]]) -> list[EventMention]:
    """Literal phrases and templates in ``text``, resolved to one event each; left to right, the
    longest resolved match at each place, none overlapping another or ``taken``."""
    hits: list[EventMention] = []
    for key in keys:
        for m in _literal_re(key).finditer(text):
            em = _resolve(key, m, text, base, g)
            if em is not None:
                hits.append(em)
    hits.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[EventMention] = []
    reach = 0
    for em in hits:
        if em.start >= reach and not any(a < em.end and em.start < b for a, b in taken):
            out.append(em)
            reach = em.end
    return out


def _resolve(key: str, m: re.Match[str], text: str, base: int, g: EventGazetteer) -> EventMention | None:
    phrase = m.group(0)
    s, e = base + m.start(), base + m.end()
    if key in g.cased_keys and not _has_capital(phrase):
        return None  # "the troubles" is not the Troubles, "the brexit vote" is odd enough to skip
    if _SLOT not in key:
        if key in g.upper_keys and not phrase.isupper():
            return None  # "JCPOA" is an acronym; do not match a word written in lower case
        events = g.literal_events.get(key, [])
        return _mention(s, e, phrase, events[0]) if len(events) == 1 else None
    year = int(m.group("y"))
    rows = g.templates.get(key, [])
    exact = {ev.id: ev for ev, y in rows if y == year}
    ys, ye = base + m.start("y"), base + m.end("y")
    if len(exact) == 1:
        em = _mention(s, e, phrase, next(iter(exact.values())))
        _with_year(em, year, ys, ye)
        em.in_name = True
        return em
    if exact:
        return None
    # a year no event of the template holds: "the 2016 Tokyo Olympics"
    cands = list({ev.id: ev for ev, _ in rows}.values())
    sid = cands[0].series if cands else None
    span = g.complete.get(sid or "")
    if sid is None or span is None or not span[0] <= year <= span[1] or any(c.series != sid for c in cands):
        return None
    words = _words(key.replace(_SLOT, " "))
    places = _place_words(p for c in cands for p in c.places)
    if not all(words & _place_words(c.places) for c in cands) or not words - places:
        # the template names the series, not a place in it ("the 2019 World Cup"), or a place
        # and a year but no series ("a film shot in Paris 1960")
        return None
    ev = min(cands, key=lambda c: (abs(c.date.year - year), c.date))
    em = _mention(s, e, phrase, ev, FORM_SERIES_NAME)
    _with_year(em, year, ys, ye)
    em.other = g.edition_of_year(sid, year)
    return em


def _with_year(em: EventMention, year: int, start: int, end: int) -> None:
    em.date_start, em.date_end, em.date_text = start, end, str(year)
    em.date_earliest, em.date_latest = date(year, 1, 1), date(year, 12, 31)
    em.year_explicit, em.year = True, year


def _with_date(em: EventMention, d: Any) -> EventMention:
    em.date_start, em.date_end, em.date_text = d.start, d.end, d.text
    em.date_earliest, em.date_latest = d.earliest, d.latest
    em.year_explicit = bool(d.year_explicit) and d.kind in ("absolute", "partial")
    em.year, em.month, em.day = d.year, d.month, d.day
    return em


def _date_head(text: str, base: int, d: Any, table: dict[str, list[Event]], g: EventGazetteer) -> EventMention | None:
    ls, le = d.start - base, d.end - base
    after = text[le:le + 60]
    if g.head_re is not None:
        for hm in g.head_re.finditer(after):
            if not _BETWEEN_DATE_HEAD.match(after[:hm.start()]):
                break
            events = table.get(hm.group(0).lower())
            if events and len(events) == 1:
                s, e = ls, le + hm.end()
                return _with_date(_mention(base + s, base + e, text[s:e], events[0], FORM_DATE_HEAD), d)
            break
    hm2 = _HEAD_ON.search(text[max(0, ls - 40):ls])
    if hm2 is not None:
        events = table.get(hm2.group("head").lower())
        if events and len(events) == 1:
            s = max(0, ls - 40) + hm2.start("head")
            em = _with_date(_mention(base + s, d.end, text[s:le], events[0], FORM_HEAD_ON_DATE), d)
            em.certain = False
            return em
    return None


def _dated(d: Any) -> bool:
    return d.kind in ("absolute", "partial") and bool(d.year_explicit)


def _pair(em: EventMention, text: str, base: int, sdates: Sequence[Any], g: EventGazetteer) -> None:
    """Give a name the date written as part of it, or right after it (see the module doc). With
    both ("the 2008 collapse of Lehman Brothers in September 2009"), the one that contradicts
    the KB is the date stated."""
    ev = em.event
    if em.in_name or ev is None:
        return
    before: Any = None
    after: tuple[Any, str] | None = None
    for d in sdates:
        if not _dated(d):
            continue
        if d.end <= em.start:
            if text[d.end - base:em.start - base].strip() == "" and _BEFORE_DET.search(text[:d.start - base]):
                before = d
        elif d.start >= em.end:
            gap = text[em.end - base:d.start - base]
            if _AFTER_OF.match(gap):
                after = (d, FORM_DATED_NAME)
            elif _AFTER_IN_ON.match(gap) and _dates_event(em, d, text, base, g):
                after = (d, FORM_NAME_DATE)
            break  # only the first date after the name may be its own
    if before is not None:
        em.form = FORM_DATED_NAME
        _with_date(em, before)
        em.start, em.text = before.start, text[before.start - base:em.end - base]
        if after is None or em.contradicts or not _clashes(ev, after[0]):
            return
    if after is not None:
        d, form = after
        em.form = form
        em.certain = form == FORM_DATED_NAME or d.month is not None
        _with_date(em, d)
        em.end, em.text = d.end, text[em.start - base:d.end - base]


def _clashes(ev: Event, d: Any) -> bool:
    first, last = event_span(ev)
    return bool(d.latest < first or d.earliest > last)


def _dates_event(em: EventMention, d: Any, text: str, base: int, g: EventGazetteer) -> bool:
    """A date after "in"/"on" is the event's (see ``name-date`` in the module doc)."""
    ev = em.event
    assert ev is not None
    first, last = event_span(ev)
    if (last - first).days > _POINT_DAYS or _COMMEMORATION.search(text):
        return False
    before = text[:em.start - base]
    if _OF_BEFORE.search(before[-40:]):
        return False  # "the victims of the 9/11 attacks in September 2002"
    if d.year is None:
        return False
    if d.month is not None:  # the event's month (and day): only the year may be wrong
        return (d.month in {first.month, last.month} and (d.day is None or d.day in {first.day, last.day})
                and abs(d.year - first.year) <= 2)
    if _CLAUSE_BEFORE.search(before[-30:]):
        return False
    if abs(d.year - first.year) <= 2:
        return True
    return ev.series is not None and g.edition_of_year(ev.series, d.year) is not None


def _other_place(em: EventMention, text: str, base: int, g: EventGazetteer) -> None:
    """"the 2016 Olympics in Tokyo": a place of another edition right after a dated edition."""
    ev = em.event
    if ev is None or ev.series is None or em.year is None or em.form == FORM_SERIES_NAME:
        return
    rest = text[em.end - base:em.end - base + 80]
    m = _IN_AT_PLACE.match(rest)
    if m is None or not _HELD_AT.search(text[max(0, em.start - base - 30):em.start - base]):
        return
    after = rest[m.end():]
    editions = g.series.get(ev.series, [])
    hosts: dict[str, list[Event]] = {}
    for x in editions:
        for p in x.places:
            hosts.setdefault(p, []).append(x)
    for place in sorted(hosts, key=len, reverse=True):
        if after.startswith(place) and _place_re(place).match(after):
            if place in ev.places:
                return
            year = em.year
            target = min(hosts[place], key=lambda c: (abs(c.date.year - year), c.date))
            em.other, em.event = ev, target
            em.event_id, em.event_name, em.event_date, em.event_end = target.id, target.name, target.date, target.end
            em.form, em.certain, em.in_name = FORM_SERIES_PLACE, False, False
            em.end = em.end + m.end() + len(place)
            em.text = text[em.start - base:em.end - base]
            return


def _other_of_year(em: EventMention, g: EventGazetteer) -> Event | None:
    """The event of the same series held in the year written, or else an election of the same
    place that year ("2018" for a US presidential election: the midterms)."""
    ev, year = em.event, em.year
    if ev is None or year is None:
        return None
    if ev.series:
        other = g.edition_of_year(ev.series, year)
        if other is not None and other.id != ev.id:
            return other
    if ev.kind == "election" and ev.places:
        same = [x for s in g.series.values() for x in s
                if x.kind == "election" and x.id != ev.id and x.date.year == year and set(x.places) & set(ev.places)]
        if len(same) == 1:
            return same[0]
    return None


def _ordinal(word: str) -> int | None:
    w = word.lower()
    if w in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[w]
    digits = w[:-2]
    return int(digits) if digits.isdigit() else None


def _editions(text: str, base: int, sdates: Sequence[Any], g: EventGazetteer,
              taken: list[tuple[int, int]]) -> list[EventMention]:
    """"the 31st Olympic Games in 2024" (see ``edition`` in the module doc)."""
    assert g.ordinal_re is not None
    out: list[EventMention] = []
    for m in g.ordinal_re.finditer(text):
        n = _ordinal(m.group("ord"))
        he = base + m.end()
        d = next((d for d in sdates if d.start >= he and _dated(d) and d.year is not None
                  and _EDITION_YEAR.match(text[m.end():d.start - base])), None)
        if n is None or d is None:
            continue
        s = base + m.start()
        if any(a < d.end and s < b for a, b in taken):
            continue
        series = g.ordinal_heads.get(" ".join(m.group("head").lower().split()), [])
        by_year = [e for sid in series for e in g.series.get(sid, ()) if d.year in g.years.get(e.id, ())]
        other = None
        if len(by_year) == 1:
            ev = by_year[0]
            if ev.edition and n not in ev.edition and ev.series is not None:
                other = next((x for x in g.series[ev.series] if x.edition and x.edition[0] == n), None)
        else:
            by_number = [e for sid in series for e in g.series.get(sid, ()) if n in e.edition]
            if by_year or len(by_number) != 1:
                continue
            ev = by_number[0]
        em = _with_date(_mention(s, d.end, text[m.start():d.end - base], ev, FORM_EDITION), d)
        em.certain, em.edition_written, em.edition_text, em.other = False, n, m.group("ord"), other
        out.append(em)
    return out


def _descriptive(text: str, base: int, prev: str, sdates: Sequence[Any], g: EventGazetteer,
                 taken: list[tuple[int, int]]) -> list[EventMention]:
    """"the April 1998 peace deal" beside "Northern Ireland" (see ``descriptive`` in the module doc)."""
    assert g.descriptive_re is not None
    out: list[EventMention] = []
    for d in sdates:
        if not _dated(d) or d.year is None or d.granularity not in ("day", "month", "year"):
            continue
        ls, le = d.start - base, d.end - base
        m = g.descriptive_re.match(text, le)
        if m is None or not _BEFORE_DET.search(text[max(0, ls - 8):ls]):
            continue
        e = base + m.end()
        if any(a < e and d.start < b for a, b in taken):
            continue
        cands = [ev for ev in g.descriptive.get(" ".join(m.group("head").lower().split()), ())
                 if _fits(ev, d) and (_names_place(text, ev.places) or _names_place(prev, ev.places))]
        exact = [ev for ev in cands if not _clashes(ev, d)]
        if len(exact) == 1:
            cands = exact
        elif exact or len(cands) != 1:
            continue
        em = _with_date(_mention(d.start, e, text[ls:m.end()], cands[0], FORM_DESCRIPTIVE), d)
        em.certain = False
        out.append(em)
    return out


def _fits(ev: Event, d: Any) -> bool:
    """The date may be the event's: its year within the event, or its month (and day) the
    event's with the year one away."""
    first, last = event_span(ev)
    if d.month is None:
        return bool(first.year <= d.year <= last.year)
    if not _clashes(ev, d):
        return True
    return d.month == first.month and (d.day is None or d.day == first.day) and abs(d.year - first.year) <= 1
