"""The ``factlint kb`` commands as plain functions returning (text, exit status).

``who`` answers which offices a person held and whether they sat on a date; ``validate`` checks
a knowledge-base file or folder; ``import_file`` converts a Wikidata SPARQL JSON result.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from linter.kb import KbError, KnowledgeBase, load_kb, validate_kb


def _fmt_term(kb: KnowledgeBase, start: datetime.date, end: datetime.date | None, acting: bool) -> str:
    until = end.isoformat() if end else "present"
    return f"{start.isoformat()} – {until}{' (acting)' if acting else ''}"


def person_lines(kb: KnowledgeBase, person: Any, on: datetime.date | None) -> list[str]:
    """What ``kb who`` prints of one person: name and id, life dates, every term, and with
    ``on`` the offices sitting and former on that date (the language server's hover too)."""
    lines = [f"{person.name} ({person.id})"]
    facts = []
    if person.born:
        facts.append(f"born {person.born.isoformat()}")
    if person.died:
        facts.append(f"died {person.died.isoformat()}")
    if person.wikidata:
        facts.append(f"wikidata {person.wikidata}")
    if facts:
        lines.append("  " + ", ".join(facts))
    for term in sorted(person.terms, key=lambda t: t.start):
        office = kb.offices.get(term.office)
        title = office.name if office else term.office
        flags = " [uncertain]" if term.uncertain else ""
        lines.append(f"  {title}: {_fmt_term(kb, term.start, term.end, term.acting or term.interim)}{flags}")
    if on is not None:
        sitting = sorted({t.office for t in person.terms if t.covers(on)})
        former = sorted({t.office for t in person.terms if t.end is not None and t.end <= on} - set(sitting))
        for office_id in sitting:
            office = kb.offices.get(office_id)
            lines.append(f"  on {on.isoformat()}: sitting {office.name if office else office_id}")
        for office_id in former:
            office = kb.offices.get(office_id)
            lines.append(f"  on {on.isoformat()}: former {office.name if office else office_id}")
        if not sitting and not former:
            lines.append(f"  on {on.isoformat()}: held none of these offices yet")
        if on > kb.as_of:
            lines.append(f"  note: the knowledge base is current to {kb.as_of.isoformat()}")
    return lines


def who(name: str, on: datetime.date | None, extra: Sequence[Path] = ()) -> tuple[str, int]:
    """``extra``: the configuration's ``kb:`` files, merged over the bundled knowledge base as
    ``check`` merges them."""
    try:
        kb = load_kb(extra=list(extra))
    except KbError as exc:
        return str(exc), 2
    people = kb.find_people(name)
    if not people:
        return f"factlint: no one called {name!r} in the knowledge base (current to {kb.as_of})", 2
    blocks = ["\n".join(person_lines(kb, person, on)) for person in people]
    return "\n\n".join(blocks), 0


def validate(path: Path | None) -> tuple[str, int]:
    if path is not None and not path.exists():
        return f"factlint: {path}: no such file or folder", 2
    problems = validate_kb(path)
    if problems:
        text = "\n".join(str(p) for p in problems)
        return f"{text}\n{len(problems)} problem{'s' if len(problems) != 1 else ''} found", 1
    try:
        kb = load_kb(path)
    except KbError as exc:
        return str(exc), 1
    notes = [f"note: {n}" for n in gaps(kb)] if path is None else []
    return "\n".join([*notes, (
        f"knowledge base OK: {len(kb.people)} people, {len(kb.offices)} offices, "
        f"{sum(len(p.terms) for p in kb.people.values())} terms, {len(kb.events)} events; "
        f"current to {kb.as_of.isoformat()}"
        + (f"; {len(notes)} gaps noted (an office nobody holds for over {GAP_DAYS} days)" if notes else ""))]), 0


GAP_DAYS = 120


def gaps(kb: KnowledgeBase) -> list[str]:
    """Stretches over ``GAP_DAYS`` long, inside an office's coverage, when the KB lists no holder
    of a single-holder office: a vacancy, or a holder missing from the list."""
    by_office: dict[str, list[tuple[datetime.date, datetime.date | None]]] = {}
    for p in kb.people.values():
        for t in p.terms:
            by_office.setdefault(t.office, []).append((t.start, t.end))
    out = []
    for office_id, spans in sorted(by_office.items()):
        office = kb.offices.get(office_id)
        if office is None or not office.single_holder or office.coverage_from is None:
            continue
        limit = kb.office_as_of(office_id)
        reach = office.coverage_from
        for start, end in sorted(spans):
            if start > reach and (start - reach).days > GAP_DAYS and reach < limit:
                out.append(f"{office_id}: no holder listed from {reach} to {start}")
            if end is None:
                reach = limit
                break
            reach = max(reach, end)
        if reach < limit and (limit - reach).days > GAP_DAYS:
            out.append(f"{office_id}: no holder listed from {reach} to {limit} (as_of)")
    return out


def import_file(path: Path, output: Path | None) -> tuple[str, int]:
    from linter.kb.wikidata import import_wikidata

    try:
        text = import_wikidata(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"factlint: {path}: {exc}", 2
    if output is None:
        return text.rstrip("\n"), 0
    from linter.fixer import write_atomically

    try:
        write_atomically(output, text)  # a reader never sees half a file
    except OSError as exc:
        return f"factlint: {output}: cannot write: {exc.strerror}", 2
    return f"wrote {output}", 0


def build(shared: Path | None, output: Path | None) -> tuple[str, int]:
    """Validate the curated KB, then compile it with the datasets under ``shared``."""
    from linter.extractions import STORED_INDEXES
    from linter.kb.build import build_kb

    problems = validate_kb()
    if problems:
        text = "\n".join(str(p) for p in problems)
        return f"{text}\n{len(problems)} problem{'s' if len(problems) != 1 else ''} found: nothing built", 1
    if shared is not None and not shared.is_dir():
        return f"factlint: {shared}: no such folder", 2
    report = build_kb(shared=shared, out=output, indexes=STORED_INDEXES)
    return f"built {report}", 0


def stats() -> tuple[str, int]:
    """Counts of the bundled KB: people, offices, terms, events; by region, office kind, decade."""
    from collections import Counter

    try:
        kb = load_kb()
    except KbError as exc:
        return str(exc), 2
    people = list(kb.people.values())
    offices = list(kb.offices.values())
    countries = list(kb.countries.values())
    terms = [t for p in people for t in p.terms]
    lines = [f"people {len(people)}, offices {len(offices)}, terms {len(terms)}, events {len(kb.events)}, "
             f"countries and bodies {len(countries)}; current to {kb.as_of.isoformat()}"]
    members = [c for c in countries if c.un_member]
    lines.append(f"UN member states: {len(members)} (with an office: "
                 f"{len({o.country for o in offices} & {c.code for c in members})})")
    region_of = {c.code: c.region or c.kind for c in countries}
    by_region = Counter(region_of.get(o.country or "", "none") for o in offices)
    lines.append("offices by region: " + ", ".join(f"{k} {v}" for k, v in sorted(by_region.items())))
    by_kind = Counter(o.kind or "unspecified" for o in offices)
    lines.append("offices by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    decades = Counter(f"{t.start.year // 10 * 10}s" for t in terms)
    lines.append("terms by decade of start: " + ", ".join(f"{k} {v}" for k, v in sorted(decades.items())))
    sources = Counter((p.source or "unsourced").split("+")[0] for p in people)
    lines.append("people by source: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    lines.append(f"people with a birth date {sum(1 for p in people if p.born)}, a birth year only "
                 f"{sum(1 for p in people if p.born is None and p.born_year)}, a death {sum(1 for p in people if p.died_year)}")
    return "\n".join(lines), 0


def crosscheck(shared: Path, output: Path | None) -> tuple[str, int]:
    """Compare the KB's heads of state and government with REIGN and Archigos."""
    from linter.kb.crosscheck import crosscheck as compare
    from linter.kb.crosscheck import markdown

    if not shared.is_dir():
        return f"factlint: {shared}: no such folder", 2
    agreed, disagreements = compare(load_kb(), shared)
    text = markdown(disagreements, agreed)
    if output is None:
        return text.rstrip("\n"), 0
    from linter.fixer import write_atomically

    write_atomically(output, text)
    return f"{agreed} spells agree, {len(disagreements)} differ: written to {output}", 0
