"""Build the shipped knowledge base: the curated YAML of ``rules/kb/`` plus the datasets beside
the project, compiled into one SQLite file (``rules/kb/kb.sqlite``, see ``linter.kb.store``).

Datasets (read from ``../shared``, or the folder given; each is optional and cited in
``docs/knowledge-base.md``):

- ``corpora/office_holders/us_congress_current_members_terms.jsonl`` (unitedstates/
  congress-legislators, CC0): every current member of Congress with the House and Senate terms
  of their career, as ``us.senate`` and ``us.house`` terms (source ``CL``);
- ``corpora/office_holders/archigos41_spells.jsonl`` (Archigos 4.1, Goemans, Gleditsch &
  Chiozza 2009): national leaders whose spell began in 1900 or later and ended before 1990, the
  years the curated files do not cover, with birth and death years (source ``ARCHIGOS``).

A dataset person whose name is already in the curated KB is not added again (the curated
entry wins); dataset people are never found by surname alone. No network is used. The build
records a digest of the curated files and of each dataset, so a test can tell when the shipped
file is stale.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from linter.kb.load import _kb_files, bundled_kb_dir, read_kb
from linter.kb.model import Country, KnowledgeBase, Office, Person, Term, norm_name
from linter.kb.store import write_store

__all__ = ["BuildReport", "build_kb", "curated_digest", "dataset_paths", "store_path"]

CONGRESS = "corpora/office_holders/us_congress_current_members_terms.jsonl"
ARCHIGOS = "corpora/office_holders/archigos41_spells.jsonl"
#: the day the congress-legislators snapshot was taken (its SOURCE.md): current terms are open
CONGRESS_AS_OF = date(2026, 6, 15)
ARCHIGOS_FROM, ARCHIGOS_UNTIL = date(1900, 1, 1), date(1990, 1, 1)


def store_path(kb_dir: Path | None = None) -> Path:
    return (kb_dir or bundled_kb_dir()) / "kb.sqlite"


def curated_digest(kb_dir: Path | None = None) -> str:
    """A digest of every curated KB file (its path within the folder and its bytes)."""
    root = kb_dir or bundled_kb_dir()
    h = hashlib.sha256()
    for f in _kb_files(root):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def dataset_paths(shared: Path) -> dict[str, Path]:
    """The datasets present under ``shared`` (name → path)."""
    found = {"congress": shared / CONGRESS, "archigos": shared / ARCHIGOS}
    return {name: path for name, path in found.items() if path.is_file()}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:32]


@dataclass
class BuildReport:
    curated_people: int = 0
    added: dict[str, int] = field(default_factory=dict)  # dataset -> people added
    merged: dict[str, int] = field(default_factory=dict)  # dataset -> curated people given terms
    skipped: dict[str, int] = field(default_factory=dict)  # dataset -> rows left out
    people: int = 0
    offices: int = 0
    events: int = 0
    path: Path | None = None

    def __str__(self) -> str:
        parts = [f"{self.people} people ({self.curated_people} curated"]
        for name, n in self.added.items():
            parts.append(f", {n} from {name}")
        return ("".join(parts) + f"), {self.offices} offices, {self.events} events"
                + "".join(f"; {name}: {n} curated people given terms, {self.skipped.get(name, 0)} rows left out"
                          for name, n in self.merged.items()) + f" -> {self.path}")


def build_kb(kb_dir: Path | None = None, shared: Path | None = None, out: Path | None = None,
             indexes: Mapping[str, Callable[[KnowledgeBase], Any]] | None = None) -> BuildReport:
    """Compile the curated KB (validated first by the caller) and the datasets into ``out``,
    with ``indexes`` (the extractors' look-up tables, by name) computed over the result."""
    root = kb_dir or bundled_kb_dir()
    kb = read_kb(root)
    report = BuildReport(curated_people=len(kb.people))
    people = dict(kb.people)
    offices = dict(kb.offices)
    countries = dict(kb.countries)
    meta = {"curated_digest": curated_digest(root), "built": date.today().isoformat()}
    datasets = dataset_paths(shared) if shared is not None else {}
    if "congress" in datasets:
        _import_congress(datasets["congress"], people, offices, report)
        meta["congress_digest"] = file_digest(datasets["congress"])
    if "archigos" in datasets:
        _import_archigos(datasets["archigos"], people, offices, countries, report)
        meta["archigos_digest"] = file_digest(datasets["archigos"])
    full = KnowledgeBase(as_of=kb.as_of, people=people, offices=offices, events=kb.events, countries=countries)
    target = out or store_path(root)
    tmp = target.with_suffix(".sqlite.tmp")
    write_store(full, tmp, meta, indexes)
    tmp.replace(target)
    report.people, report.offices, report.events, report.path = len(people), len(offices), len(kb.events), target
    return report


# -- datasets -------------------------------------------------------------------------------


def _slug(name: str) -> str:
    s = norm_name(name).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _new_id(name: str, people: dict[str, Person], year: int | None) -> str:
    base = _slug(name) or "person"
    if base not in people:
        return base
    with_year = f"{base}-{year}" if year else f"{base}-2"
    n = 2
    while with_year in people:
        n += 1
        with_year = f"{base}-{n}"
    return with_year


def _name_index(people: dict[str, Person]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for p in people.values():
        for n in p.names:
            index.setdefault(norm_name(n), []).append(p.id)
    return index


_CONGRESS_OFFICES = {
    "sen": Office("us.senate", "United States Senator", "US", single_holder=False,
                  titles=("Senator", "Sen."), phrases=("U.S. Senator", "US Senator", "United States Senator"),
                  as_of=CONGRESS_AS_OF, kind="legislator", source="CL"),
    "rep": Office("us.house", "Member of the United States House of Representatives", "US", single_holder=False,
                  titles=("Representative", "Rep.", "Congressman", "Congresswoman"),
                  phrases=("U.S. Representative", "US Representative"),
                  as_of=CONGRESS_AS_OF, kind="legislator", source="CL"),
}


def _import_congress(path: Path, people: dict[str, Person], offices: dict[str, Office], report: BuildReport) -> None:
    for office in _CONGRESS_OFFICES.values():
        offices.setdefault(office.id, office)
    names = _name_index(people)
    added = merged = skipped = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        name = str(row["name"])
        born = date.fromisoformat(row["birthday"]) if row.get("birthday") else None
        terms = []
        for t in row.get("terms") or ():
            chamber = _CONGRESS_OFFICES.get(t.get("type"))
            if chamber is None:
                continue
            start = date.fromisoformat(t["start"])
            end = date.fromisoformat(t["end"]) if t.get("end") else None
            if end is not None and end > CONGRESS_AS_OF:
                end = None  # the term being served: open
            terms.append((chamber.id, start, end))
        matches = names.get(norm_name(name), [])
        if len(matches) > 1:
            skipped += 1
            continue
        if matches:
            p = people[matches[0]]
            if p.born is not None and born is not None and p.born != born:
                skipped += 1  # another person of the same name
                continue
            new = tuple(Term(p.id, o, s, e, source="CL") for o, s, e in terms
                        if not any(x.office == o and x.start == s for x in p.terms))
            people[p.id] = replace(p, terms=(*p.terms, *new), born=p.born or born,
                                   born_year=p.born_year or (born.year if born else None))
            merged += 1
            continue
        pid = _new_id(name, people, born.year if born else None)
        people[pid] = Person(
            id=pid, name=name, aliases=tuple(a for a in {f"{row.get('first', '')} {row.get('last', '')}".strip()}
                                             if a and norm_name(a) != norm_name(name)),
            surname=str(row.get("last") or name.split()[-1]), born=born, born_year=born.year if born else None,
            wikidata=row.get("wikidata"), bare_surname=False, source="CL",
            terms=tuple(Term(pid, o, s, e, source="CL") for o, s, e in terms),
        )
        names.setdefault(norm_name(name), []).append(pid)
        added += 1
    report.added["congress-legislators"] = added
    report.merged["congress-legislators"] = merged
    report.skipped["congress-legislators"] = skipped


#: Correlates of War state abbreviations (Archigos ``idacr``) to ISO 3166-1 codes.
COW_TO_ISO = {
    "AFG": "AF", "ALB": "AL", "ALG": "DZ", "ANG": "AO", "ARG": "AR", "ARM": "AM", "AUH": "AT", "AUL": "AU",
    "AUS": "AT", "AZE": "AZ", "BAH": "BH", "BAR": "BB", "BEL": "BE", "BEN": "BJ", "BFO": "BF", "BHM": "BS",
    "BHU": "BT", "BLR": "BY", "BLZ": "BZ", "BNG": "BD", "BOL": "BO", "BOS": "BA", "BOT": "BW", "BRA": "BR",
    "BRU": "BN", "BUI": "BI", "BUL": "BG", "CAM": "KH", "CAN": "CA", "CAO": "CM", "CAP": "CV", "CDI": "CI",
    "CEN": "CF", "CHA": "TD", "CHL": "CL", "CHN": "CN", "COL": "CO", "COM": "KM", "CON": "CG", "COS": "CR",
    "CRO": "HR", "CUB": "CU", "CYP": "CY", "CZE": "CS", "CZR": "CZ", "DEN": "DK", "DJI": "DJ", "DOM": "DO",
    "DRC": "CD", "ECU": "EC", "EGY": "EG", "EQG": "GQ", "ERI": "ER", "EST": "EE", "ETH": "ET", "ETM": "TL",
    "FIN": "FI", "FJI": "FJ", "FRN": "FR", "GAB": "GA", "GAM": "GM", "GFR": "DE", "GMY": "DE", "GNB": "GW",
    "GRC": "GR", "GRG": "GE", "GUA": "GT", "GUI": "GN", "GUY": "GY", "HAI": "HT", "HON": "HN", "HUN": "HU",
    "ICE": "IS", "IND": "IN", "INS": "ID", "IRE": "IE", "IRN": "IR", "IRQ": "IQ", "ISR": "IL", "ITA": "IT",
    "JAM": "JM", "JOR": "JO", "JPN": "JP", "KEN": "KE", "KOR": "KR", "KOS": "XK", "KUW": "KW", "KYR": "KG",
    "KZK": "KZ", "LAO": "LA", "LAT": "LV", "LBR": "LR", "LEB": "LB", "LES": "LS", "LIB": "LY", "LIT": "LT",
    "LUX": "LU", "MAA": "MR", "MAC": "MK", "MAD": "MV", "MAG": "MG", "MAL": "MY", "MAS": "MU", "MAW": "MW",
    "MEX": "MX", "MLD": "MD", "MLI": "ML", "MLT": "MT", "MNG": "ME", "MON": "MN", "MOR": "MA", "MYA": "MM",
    "MZM": "MZ", "NAM": "NA", "NEP": "NP", "NEW": "NZ", "NIC": "NI", "NIG": "NG", "NIR": "NE", "NOR": "NO",
    "NTH": "NL", "OMA": "OM", "PAK": "PK", "PAN": "PA", "PAR": "PY", "PER": "PE", "PHI": "PH", "PNG": "PG",
    "POL": "PL", "POR": "PT", "PRK": "KP", "QAT": "QA", "ROK": "KR", "RUM": "RO", "RUS": "RU", "RWA": "RW",
    "SAF": "ZA", "SAL": "SV", "SAU": "SA", "SEN": "SN", "SER": "RS", "SIE": "SL", "SIN": "SG", "SLO": "SK",
    "SLV": "SI", "SOL": "SB", "SOM": "SO", "SPN": "ES", "SRI": "LK", "SSD": "SS", "SUD": "SD", "SUR": "SR",
    "SWA": "SZ", "SWD": "SE", "SWZ": "CH", "SYR": "SY", "TAJ": "TJ", "TAW": "TW", "TAZ": "TZ", "THI": "TH",
    "TKM": "TM", "TOG": "TG", "TRI": "TT", "TUN": "TN", "TUR": "TR", "UAE": "AE", "UGA": "UG", "UKG": "GB",
    "UKR": "UA", "URU": "UY", "USA": "US", "UZB": "UZ", "VEN": "VE", "VNM": "VN", "YEM": "YE", "YUG": "YU",
    "ZAM": "ZM", "ZIM": "ZW",
}
#: Archigos states with no ISO code today: named by their historical name.
COW_HISTORICAL = {
    "BAV": "Bavaria", "DRV": "North Vietnam", "GDR": "East Germany", "OFS": "Orange Free State",
    "RVN": "South Vietnam", "TBT": "Tibet", "TRA": "Transvaal", "VIE": "Vietnam (empire)",
    "YAR": "North Yemen", "YPR": "South Yemen", "ZAN": "Zanzibar",
}
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def _archigos_name(row: dict[str, str]) -> str:
    uri = row.get("dbpedia_uri") or ""
    if "/resource/" in uri:
        name = unquote(uri.rsplit("/resource/", 1)[1]).replace("_", " ")
        return _PAREN.sub("", name).strip()
    return str(row.get("leader") or "").strip()


def _year(value: str | None) -> int | None:
    if value is None or not str(value).lstrip("-").isdigit():
        return None
    y = int(value)
    return y if y > 0 else None  # -777: alive when coded, -999: unknown


def _import_archigos(path: Path, people: dict[str, Person], offices: dict[str, Office],
                     countries: dict[str, Country], report: BuildReport) -> None:
    names = _name_index(people)
    added = skipped = 0
    new_people: dict[str, Person] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        start, end = date.fromisoformat(row["startdate"].strip()), date.fromisoformat(row["enddate"].strip())
        if not (start >= ARCHIGOS_FROM and end < ARCHIGOS_UNTIL):
            continue
        name = _archigos_name(row)
        if len(name.split()) < 2:
            skipped += 1  # a surname alone is no name to find a person by
            continue
        cow = row["idacr"]
        code = COW_TO_ISO.get(cow)
        country_name = countries[code].name if code in countries else COW_HISTORICAL.get(cow, cow)
        office_id = f"{(code or cow).lower()}.leader" if code else f"cow-{cow.lower()}.leader"
        offices.setdefault(office_id, Office(office_id, f"Leader of {country_name}", code, single_holder=False,
                                             kind="leader", source="ARCHIGOS"))
        if norm_name(name) in names:
            skipped += 1  # the curated entry wins
            continue
        born, died = _year(row.get("yrborn")), _year(row.get("yrdied"))
        key = (norm_name(name), born)
        existing = next((p for p in new_people.values() if (norm_name(p.name), p.born_year) == key), None)
        if existing is None:
            pid = _new_id(name, {**people, **new_people}, born)
            existing = new_people[pid] = Person(id=pid, name=name, born_year=born, died_year=died,
                                                bare_surname=False, source="ARCHIGOS")
            added += 1
        new_people[existing.id] = replace(existing, terms=(*existing.terms, Term(existing.id, office_id, start, end,
                                                                                 source="ARCHIGOS")))
    people.update(new_people)
    report.added["archigos"] = added
    report.skipped["archigos"] = skipped
