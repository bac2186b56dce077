"""The ``factlint kb`` commands as plain functions returning (text, exit status).

``who`` answers which offices a person held and whether they sat on a date; ``validate`` checks
a knowledge-base file or folder; ``import_file`` converts a Wikidata SPARQL JSON result.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from linter.kb import KbError, KnowledgeBase, load_kb, validate_kb


def _fmt_term(kb: KnowledgeBase, start: datetime.date, end: datetime.date | None, acting: bool) -> str:
    until = end.isoformat() if end else "present"
    return f"{start.isoformat()} – {until}{' (acting)' if acting else ''}"


def who(name: str, on: datetime.date | None) -> tuple[str, int]:
    try:
        kb = load_kb()
    except KbError as exc:
        return str(exc), 2
    people = kb.find_people(name)
    if not people:
        return f"factlint: no one called {name!r} in the knowledge base (current to {kb.as_of})", 2
    blocks = []
    for person in people:
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
        blocks.append("\n".join(lines))
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
    return (f"knowledge base OK: {len(kb.people)} people, {len(kb.offices)} offices, "
            f"{sum(len(p.terms) for p in kb.people.values())} terms, {len(kb.events)} events; "
            f"current to {kb.as_of.isoformat()}"), 0


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
