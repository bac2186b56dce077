"""Convert a Wikidata SPARQL JSON result (people holding positions) into factlint's KB schema.

One job: ``import_wikidata(json_path) -> str`` returns YAML text — a self-contained KB file
(``offices:`` for positions the bundled KB does not know, ``people:`` with their terms) that
``load_kb(extra=[...])`` merges and ``validate_kb`` checks. Expected variables per binding:
``person``, ``personLabel``, ``position``, ``positionLabel``, ``start``, optional ``end``,
``born`` (or ``birth``/``dob``), ``died``. A position whose label is the name or phrase of a
bundled office maps to that office; a person whose Wikidata id is in the bundled KB keeps its
KB id. The query that produces such a file is shown in docs/knowledge-base.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from linter.kb import KnowledgeBase, load_kb, norm_name

__all__ = ["import_wikidata", "slugify"]

_QID_RE = re.compile(r"(Q\d+)$")


def slugify(text: str) -> str:
    """ASCII, lower case, hyphen-separated: "Nicolás Maduro" -> "nicolas-maduro"."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def _value(binding: dict[str, Any], *names: str) -> str | None:
    for n in names:
        v = binding.get(n)
        if isinstance(v, dict) and v.get("value") not in (None, ""):
            return str(v["value"])
    return None


def _qid(uri: str | None) -> str | None:
    if uri is None:
        return None
    m = _QID_RE.search(uri)
    return m.group(1) if m else None


def _day(text: str | None) -> date | None:
    """Wikidata times look like "2017-01-20T00:00:00Z" (or "+2017-..."); keep the date."""
    if not text:
        return None
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if mo == 0 or d == 0:  # precision below a day
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def import_wikidata(json_path: Path | str, kb: KnowledgeBase | None = None) -> str:
    """YAML text in factlint's KB schema for a Wikidata SPARQL JSON result."""
    data = json.loads(Path(json_path).read_text(encoding="utf-8"))
    bindings = data.get("results", {}).get("bindings", [])
    base = kb if kb is not None else load_kb()
    office_by_label: dict[str, str] = {}
    for o in base.offices.values():
        for label in (o.name, *o.phrases):
            office_by_label.setdefault(norm_name(label), o.id)
    person_by_qid = {p.wikidata: p.id for p in base.people.values() if p.wikidata}

    new_offices: dict[str, dict[str, Any]] = {}
    people: dict[str, dict[str, Any]] = {}
    used_ids: set[str] = set(base.people)
    for b in bindings:
        pqid = _qid(_value(b, "person"))
        plabel = _value(b, "personLabel")
        poslabel = _value(b, "positionLabel")
        start = _day(_value(b, "start"))
        if not pqid or not plabel or not poslabel or start is None:
            continue
        office = office_by_label.get(norm_name(poslabel))
        if office is None:
            office = "wd." + slugify(poslabel)
            if office not in new_offices:
                entry: dict[str, Any] = {"id": office, "name": poslabel}
                posq = _qid(_value(b, "position"))
                if posq:
                    entry["wikidata"] = posq
                new_offices[office] = entry
            office_by_label[norm_name(poslabel)] = office
        person = people.get(pqid)
        if person is None:
            pid = person_by_qid.get(pqid)
            if pid is None:
                pid = slugify(plabel)
                if pid in used_ids:
                    pid = f"{pid}-{pqid.lower()}"
            used_ids.add(pid)
            person = {"id": pid, "name": plabel, "wikidata": pqid}
            born, died = _day(_value(b, "born", "birth", "dob")), _day(_value(b, "died", "death", "dod"))
            if born:
                person["born"] = born
            if died:
                person["died"] = died
            person["terms"] = []
            people[pqid] = person
        term: dict[str, Any] = {"office": office, "start": start}
        end = _day(_value(b, "end"))
        if end is not None and end > start:
            term["end"] = end
        if term not in person["terms"]:
            person["terms"].append(term)
    for person in people.values():
        person["terms"].sort(key=lambda t: (t["office"], t["start"]))
    doc: dict[str, Any] = {}
    if new_offices:
        doc["offices"] = list(new_offices.values())
    doc["people"] = sorted(people.values(), key=lambda p: p["id"])
    header = f"# Imported from Wikidata ({Path(json_path).name}) by factlint kb import.\n"
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)
