"""Validate knowledge-base files on PyYAML nodes, so that every problem has a file:line:col.

Reports YAML errors, unknown keys, missing required keys, bad dates, terms that end before they
start, terms naming an unknown office or person, names shared by two people, duplicate ids and
overlapping terms in a single-holder office.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from linter.kb.load import _KINDS, _LIST_KINDS, _kb_files, _kind_of, bundled_kb_dir, load_errors, read_kb
from linter.kb.model import KbProblem, norm_name
from linter.yamlsrc import YamlLimitError, compose, read_bounded

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
_EVENT_KEYS = {"id", "name", "date", "end", "phrases", "note", "source", "kind", "series", "precision", "wikidata",
               "places", "edition"}
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
_LIST_KEYS = {"aliases", "titles", "phrases", "country_forms", "adjectives", "names", "terms", "places"}
_NUMBER_RE = re.compile(r"^[1-9]\d*$")
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
    #: person id -> (birth day, death day) as written, for terms before birth or after death
    lives: dict[str, tuple[date | None, date | None]] = field(default_factory=dict)


def _quiet_date(node: yaml.Node) -> date | None:
    """The full date a node holds, or None (a year alone, a bad date: reported elsewhere)."""
    text = _scalar(node)
    if text is None or not _ISO_RE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _is_edition(node: yaml.Node) -> bool:
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    return bool(items) and all(isinstance(n, yaml.ScalarNode) and _NUMBER_RE.match(n.value) for n in items)


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
        elif k.value == "edition" and not _is_edition(v):
            out.append(_Loc(path, v).problem("edition: expected a positive number or a list of them"))
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
    seen.lives[ident] = tuple(  # type: ignore[assignment]
        _quiet_date(keys[k][1]) if k in keys else None for k in ("born", "died"))
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
        text = read_bounded(path, encoding="utf-8")
        root = compose(text)  # bounded: no alias bomb, no recursive alias
    except YamlLimitError as exc:
        out.append(KbProblem(spath, exc.line, exc.column, exc.message))
        return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        out.append(KbProblem(spath, line, col, f"YAML error: {exc.problem}"))
        return
    except UnicodeDecodeError as exc:
        out.append(KbProblem(spath, 1, 1, f"not UTF-8 text: {exc.reason}"))
        return
    except OSError as exc:
        out.append(KbProblem(spath, 1, 1, f"cannot read: {exc.strerror or exc}"))
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
    is not after its start; a term before the person's birth or after their death; a term
    naming an unknown office or person; a name or alias shared by two people; duplicate ids;
    overlapping terms in a ``single_holder`` office (acting/interim terms and exact abutting
    excepted).
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
            bundled = read_kb()
            known_offices |= set(bundled.offices)
            single = {**{o.id: o.single_holder for o in bundled.offices.values()}, **single}
        except load_errors():
            pass
    for loc, pid, office, start, end, _a in seen.terms:
        if office not in known_offices:
            out.append(loc.problem(f"term names unknown office {office!r}"))
        born, died = seen.lives.get(pid, (None, None))
        if born is not None and start < born:
            out.append(loc.problem(f"term of {pid!r} in {office!r} starts ({start}) before the person was born ({born})"))
        if died is not None and start > died:
            out.append(loc.problem(f"term of {pid!r} in {office!r} starts ({start}) after the person died ({died})"))
        elif died is not None and end is not None and end > died + timedelta(days=1):
            out.append(loc.problem(f"term of {pid!r} in {office!r} ends ({end}) after the person died ({died})"))
    known_people = set(seen.ids["people"])
    if path is not None and Path(path).resolve() != bundled_kb_dir().resolve():
        try:
            known_people |= set(read_kb().people)
        except load_errors():
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
