"""Compare the KB's heads of state and of government with two datasets of national leaders:
REIGN (Bell, Besaw & Frank 2021; to March 2021) and Archigos 4.1 (Goemans, Gleditsch & Chiozza
2009; to 2015), over the years both cover (from 1990).

Each dataset spell names one leader of one country from a start date. It agrees with the KB when
a person of that surname holds a head-of-state or head-of-government office of that country from
within ``TOLERANCE`` days of that date. Every other spell is a ``Disagreement`` with its reason,
and ``docs/kb-crosscheck.md`` (written by ``factlint kb crosscheck``) lists them all; a test
keeps that list current.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from linter.kb.build import ARCHIGOS, COW_TO_ISO
from linter.kb.model import KnowledgeBase, Term, norm_name

__all__ = ["Disagreement", "REIGN", "TOLERANCE", "crosscheck", "markdown"]

REIGN = "kb-sources/reign-leaderlist/leaderlist_3_21.csv"
TOLERANCE = 7  # days
SINCE = date(1990, 1, 1)
#: REIGN's codes where they differ from Archigos's
_REIGN_COW = {"ROM": "RO", "AND": "AD", "STP": "ST", "SKN": "KN", "GRN": "GD", "TUV": "TV", "MSI": "MH",
              "AAB": "AG", "WSM": "WS", "DMA": "DM", "SNM": "SM", "SLU": "LC", "SEY": "SC", "PAL": "PW",
              "KIR": "KI", "FSM": "FM", "SVG": "VC", "NAU": "NR", "VAN": "VU", "MNC": "MC", "LIE": "LI",
              "TON": "TO", "DRV": "VN", "GRG": "GE"}
_LEADING = frozenset({"head-of-state", "head-of-government", "monarch", None})


@dataclass(frozen=True)
class Disagreement:
    dataset: str
    spell: str  # the dataset's own id of the spell
    country: str
    leader: str
    start: date
    reason: str

    @property
    def key(self) -> str:
        return f"{self.dataset}:{self.spell}"


@dataclass(frozen=True)
class _Spell:
    dataset: str
    spell: str
    cow: str
    leader: str
    start: date
    exact_day: bool


def _reign(path: Path) -> list[_Spell]:
    out = []
    with open(path, encoding="latin-1", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                start = date(int(row["syear"]), int(row["smonth"]), int(row["sdate"]))
            except (ValueError, KeyError):
                continue
            if start >= SINCE:
                out.append(_Spell("REIGN", row["leadid"], row["stateabb"], row["leader"], start, True))
    return out


def _archigos(path: Path) -> list[_Spell]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        start = date.fromisoformat(row["startdate"].strip())
        if start >= SINCE:
            out.append(_Spell("Archigos", row["obsid"], row["idacr"], row["leader"], start, True))
    return out


def _surname_key(name: str) -> str:
    words = norm_name(name).split()
    return words[-1] if words else ""


def _leading_terms(kb: KnowledgeBase, iso: str) -> list[tuple[str, Term]]:
    """(surname keys of the holder, term) for every head-of-state or -government term in ``iso``."""
    offices = {o.id for o in kb.offices.values() if o.country == iso and o.kind in _LEADING
               and not o.id.endswith(".leader")}
    out = []
    for p in kb.people.values():
        keys = {_surname_key(p.surname), *(_surname_key(n) for n in p.names)}
        keys |= {w for n in p.names for w in norm_name(n).split()}
        for t in p.terms:
            if t.office in offices:
                out.append((" ".join(sorted(keys)), t))
    return out


def crosscheck(kb: KnowledgeBase, shared: Path) -> tuple[int, list[Disagreement]]:
    """How many dataset spells since 1990 the KB matches, and every one it does not, with why."""
    spells: list[_Spell] = []
    if (shared / REIGN).is_file():
        spells += _reign(shared / REIGN)
    if (shared / ARCHIGOS).is_file():
        spells += _archigos(shared / ARCHIGOS)
    by_country: dict[str, list[tuple[str, Term]]] = {}
    out = []
    agreed = 0
    for s in spells:
        iso = (_REIGN_COW.get(s.cow) if s.dataset == "REIGN" else None) or COW_TO_ISO.get(s.cow)
        if iso is None:
            out.append(Disagreement(s.dataset, s.spell, s.cow, s.leader, s.start,
                                    "no present-day country: the state no longer exists"))
            continue
        if iso not in by_country:
            by_country[iso] = _leading_terms(kb, iso)
        leader_keys = {w for w in norm_name(s.leader).split() if len(w) > 1}
        same_person = [t for keys, t in by_country[iso] if leader_keys & set(keys.split())]
        if any(abs((t.start - s.start).days) <= TOLERANCE for t in same_person):
            agreed += 1
            continue
        if same_person:
            nearest = min(same_person, key=lambda t: abs((t.start - s.start).days))
            gap = abs((nearest.start - s.start).days)
            sitting = [t for t in same_person if t.start < s.start and (t.end is None or t.end > s.start)]
            if sitting:
                reason = (f"the KB has them in office already ({sitting[0].office} from {sitting[0].start}): "
                          "the dataset starts a new spell at a re-election, a change of title or of the "
                          "effective leader")
            elif gap > 365:
                reason = (f"the KB lacks this spell (their nearest KB term: {nearest.office} from "
                          f"{nearest.start})")
            else:
                reason = (f"dates differ by {gap} days (KB {nearest.office} from {nearest.start}): "
                          "the sources date the taking of office differently (election, appointment, "
                          "swearing-in)")
        else:
            holders = sorted({t.office for _, t in by_country[iso] if t.covers(s.start)})
            if holders:
                reason = (f"the dataset codes the effective leader, who held no head-of-state or "
                          f"-government title the KB lists; the KB's holders then: {', '.join(holders)}")
            else:
                reason = "the KB lists no head of state or government of this country on that day"
        out.append(Disagreement(s.dataset, s.spell, iso, s.leader, s.start, reason))
    return agreed, sorted(out, key=lambda d: (d.country, d.start, d.dataset, d.spell))


def markdown(disagreements: list[Disagreement], agreed: int | None = None) -> str:
    lines = [
        "<!-- generated by `factlint kb crosscheck` from the KB and ../shared: do not edit by hand -->",
        "# The knowledge base against REIGN and Archigos",
        "",
        "Every head-of-state or head-of-government spell that REIGN (to March 2021) or Archigos 4.1",
        "(to 2015) starts in 1990 or later is looked for in the KB: the same country, a holder of",
        f"that surname, a start within {TOLERANCE} days. The spells below are the ones that do not",
        "match, each with the reason. Both datasets code the *effective* leader of a country, not an",
        "office, so many differences are the datasets' choice (a president where the KB also lists",
        "the prime minister who holds the title news uses, a party chief, a junta head).",
        "",
    ]
    if agreed is not None:
        lines += [f"Spells that agree: {agreed}. Spells that differ: {len(disagreements)}.", ""]
    lines += ["| spell | country | leader | start | reason |", "|---|---|---|---|---|"]
    for d in disagreements:
        lines.append(f"| {d.key} | {d.country} | {d.leader} | {d.start.isoformat()} | {d.reason} |")
    return "\n".join(lines) + "\n"
