"""Find and read the configuration: ``factlint.yaml``, ``.factlint.yaml`` or ``[tool.factlint]``.

Discovery walks up from the working directory; ``--config FILE`` overrides it. Keys mirror the
long options of ``factlint check``. Unknown keys and wrong types are errors located in the file.

A configuration may come with a pull request, so it is sandboxed: the files it names
(``rules:``, ``kb:``) must exist and resolve, links followed, inside its repository (the nearest
folder at or above it that holds ``.git``, else its own folder); a rule file or knowledge base
from elsewhere is named on the command line (``--rules``). A ``pyproject.toml`` that mentions
factlint but is not valid TOML is an error, not silently skipped.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import recache
from linter.extract.genre import GENRES
from linter.finding import Finding, Severity
from linter.report import format_names
from linter.yamlsrc import Loc, SourceError, read_bounded, read_yaml

CONFIG_NAMES = ("factlint.yaml", ".factlint.yaml", "factlint.yml", ".factlint.yml")
FAIL_ON = ("error", "warning", "info", "never")

#: What a folder scan skips unless ``exclude:`` says otherwise: version control, dependencies,
#: virtual environments, caches and build output, and the files of a repository that are not
#: articles. A glob without ``/`` matches a file or folder name at any depth.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git", ".hg", ".svn", "node_modules", "bower_components", ".venv", "venv", ".tox", ".nox",
    "site-packages", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist",
    "_build", "_site", ".eggs", "*.egg-info",
    "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "README*", "CHANGELOG*", "CHANGES*", "HISTORY*",
    "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "AUTHORS*", "requirements*.txt",
)

#: Keys read under another name: ``date:`` (the contract's key, mirroring ``--date``) is
#: ``default-date:``, a fallback for articles that carry no date of their own; it no longer
#: overrides an article's own date. Naming both is an error.
KEY_ALIASES: dict[str, str] = {"date": "default-date"}


@dataclass(frozen=True)
class Glob:
    """A path pattern: ``*`` and ``?`` within a name, ``**`` across folders, ``[...]`` a class;
    case-insensitive. Without ``/`` it matches a file or folder name at any depth; with one it
    matches the path relative to ``base`` (the configuration file's folder, or the working
    directory for the command line's)."""

    pattern: str
    base: Path | None = None

    def __str__(self) -> str:
        return self.pattern

    def matches(self, path: str | Path) -> bool:
        pattern = self.pattern.rstrip("/")
        if "/" not in pattern:
            return _glob_regex(pattern).fullmatch(Path(path).name) is not None
        base = Path(os.path.abspath(self.base or Path.cwd()))
        try:
            rel = Path(os.path.abspath(path)).relative_to(base)
        except ValueError:
            return False
        return _glob_regex(pattern.lstrip("/").removeprefix("./")).fullmatch(rel.as_posix()) is not None


@functools.lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + re.escape(body[1:]) if body.startswith("!") else re.escape(body)) + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out), re.IGNORECASE | re.DOTALL)


def excluded(path: str | Path, globs: Sequence[Glob]) -> bool:
    """Whether any of ``globs`` matches ``path``."""
    return any(g.matches(path) for g in globs)


@dataclass(frozen=True)
class PerPath:
    """One ``per-path:`` entry: for the files its globs match, rules to drop (``ignore``), the
    only rules to keep (``select``), and severities to use."""

    globs: tuple[Glob, ...]
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    def applies(self, path: str) -> bool:
        return any(g.matches(article_file(path)) for g in self.globs)

    def __str__(self) -> str:
        parts = [f"glob: [{', '.join(map(str, self.globs))}]"]
        if self.select:
            parts.append(f"select: [{', '.join(self.select)}]")
        if self.ignore:
            parts.append(f"ignore: [{', '.join(self.ignore)}]")
        if self.severity:
            parts.append("severity: {" + ", ".join(f"{k}: {v}" for k, v in self.severity) + "}")
        return "{" + ", ".join(parts) + "}"


def apply_per_path(findings: Sequence[Finding], entries: Sequence[PerPath]) -> list[Finding]:
    """``findings`` with the ``per-path:`` overrides applied, in order: an entry whose glob
    matches a finding's file drops it when its rule is ignored there or not selected there,
    and sets its severity when the entry names one for the rule (the longest prefix wins)."""
    if not entries:
        return list(findings)
    from linter.engine import matches_prefix

    out = []
    for finding in findings:
        keep = True
        for entry in entries:
            if not entry.applies(finding.path):
                continue
            if entry.ignore and matches_prefix(finding.rule, entry.ignore):
                keep = False
                break
            if entry.select and not matches_prefix(finding.rule, entry.select):
                keep = False
                break
            levels = [(len(p), level) for p, level in entry.severity if matches_prefix(finding.rule, [p])]
            if levels:
                finding = dataclasses.replace(finding, severity=max(levels, key=lambda x: x[0])[1])
        if keep:
            out.append(finding)
    return out


_ARCHIVE_RECORD = recache.compile(r"^(.*\.jsonl(?:\.gz)?)#[^/\\]*$", re.IGNORECASE)


def article_file(path: str) -> str:
    """The file a finding's path names: ``FILE.jsonl#ID`` is in ``FILE.jsonl``."""
    m = _ARCHIVE_RECORD.match(path)
    return m.group(1) if m else path


@dataclass(frozen=True)
class Key:
    """One configuration key: its name, how its value is read, its default and its doc.

    ``kind`` names the reader (``prefixes``, ``paths``, ``choice``, ``date``, ``count``,
    ``severities``); ``choices`` lists the allowed values of a ``choice``. Every key is
    validated by the same code and documented from this table (``docs/configuration.md``).
    """

    name: str
    kind: str
    default: Any
    doc: str
    choices: Callable[[], Sequence[str]] | None = None

    @property
    def attr(self) -> str:
        return self.name.replace("-", "_")


SCHEMA: tuple[Key, ...] = (
    Key("select", "prefixes", [], "rule id prefixes to run (list or comma-separated string); empty: "
        "every rule that is on by default"),
    Key("ignore", "prefixes", [], "rule id prefixes to skip"),
    Key("fail-on", "choice", None, "the lowest severity that makes the exit status 1 (default: error)",
        lambda: FAIL_ON),
    Key("rules", "paths", [], "extra rule files or folders (relative to the configuration file)"),
    Key("extend-select", "prefixes", [], "rule id prefixes to run in addition to `select` (or, when `select` is "
        "empty, to the rules on by default): the way to turn on an opt-in rule"),
    Key("default-date", "date", None, "the publication date (YYYY-MM-DD) of an article that carries none of its "
        "own (front matter, HTML meta, dateline, archive record); an article's own date wins, and `--date` on "
        "the command line overrides both"),
    Key("exclude", "globs", list(DEFAULT_EXCLUDE), "files and folders a folder scan skips (globs; replaces the "
        "default list); a path named on the command line is linted all the same"),
    Key("extend-exclude", "globs", [], "more globs to skip, added to `exclude`"),
    Key("per-path", "per-path", [], "overrides for the files a glob matches, each a mapping of `glob` (one or a "
        "list) with `ignore`, `select` and/or `severity`: `ignore` drops those rules' findings there, `select` "
        "keeps only those rules' findings there, `severity` maps rule ids to a level there"),
    Key("format", "choice", None, "the output format (default: text)", format_names),
    Key("jobs", "count", None, "number of worker processes (0: one per core)"),
    Key("severity", "severities", {}, "mapping of rule id to error, warning or info (overrides the rule's own)"),
    Key("genre", "choice", None, "the genre of documents whose front matter names none (default: read from "
        "cues in the text, else news); the sourcing rules stay quiet on opinion, speech and press-release",
        lambda: GENRES),
    Key("kb", "paths", [], "extra knowledge-base files or folders (relative to the configuration file)"),
    Key("max-bytes", "count", None, "the most bytes of each document that are linted (default: 2 MiB; 0: no "
        "limit); a longer one is cut there, with an input/truncated finding"),
)
KEYS: dict[str, Key] = {k.name: k for k in SCHEMA}


@dataclass
class Config:
    """A configuration: one attribute per key of ``SCHEMA``, and the file it came from."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    rules: list[Path] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    default_date: datetime.date | None = None
    exclude: list[Glob] = field(default_factory=lambda: [Glob(p) for p in DEFAULT_EXCLUDE])
    extend_exclude: list[Glob] = field(default_factory=list)
    per_path: list[PerPath] = field(default_factory=list)
    format: str | None = None
    jobs: int | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    genre: str | None = None
    kb: list[Path] = field(default_factory=list)
    max_bytes: int | None = None
    path: Path | None = None
    #: the run's ``--date`` (no configuration key): it overrides every article's own date
    date: datetime.date | None = None
    #: where each value that is not a default came from (attribute -> ``file:line`` or option)
    origins: dict[str, str] = field(default_factory=dict)

    def prefixes(self) -> list[str]:
        """Every rule id prefix the configuration names (each must match a rule)."""
        return [*self.select, *self.extend_select, *self.ignore,
                *(p for entry in self.per_path for p in (*entry.select, *entry.ignore))]

    def exclusions(self) -> list[Glob]:
        """The globs a folder scan skips: ``exclude`` and ``extend-exclude``."""
        return [*self.exclude, *self.extend_exclude]

    def override(self, option: str, **values: Any) -> None:
        """Set the values given on the command line (``option`` names it); None leaves a value."""
        for attr, value in values.items():
            if value is not None:
                setattr(self, attr, value)
                self.origins[attr] = f"command line ({option})"


def discover(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _claims(pyproject):
            return pyproject
    return None


#: how long a file must have been left unchanged before what was read of it is kept: a write
#: within the file system's clock tick of the last one may leave its times as they were, but
#: none can set them back this far (and the change time cannot be set at all)
_SETTLED_NS = 2_000_000_000
#: per ``pyproject.toml`` looked at by ``discover``: its stat signature when read, and whether it
#: claims factlint; the language server discovers on every relint, and parsing the TOML is most
#: of the cost
_CLAIMS: dict[Path, tuple[tuple[int, ...], bool]] = {}


def _signature(info: os.stat_result) -> tuple[int, ...]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _claims(pyproject: Path) -> bool:
    """Whether ``pyproject`` is a configuration of factlint: a ``[tool.factlint]`` table, or
    TOML that does not parse and mentions factlint (``load_config`` reports where). Kept under
    the file's stat signature once it has been left unchanged for ``_SETTLED_NS``."""
    try:
        before = os.stat(pyproject)
    except OSError:
        return False
    signature = _signature(before)
    kept = _CLAIMS.get(pyproject)
    if kept is not None and kept[0] == signature:
        return kept[1]
    try:
        text = read_bounded(pyproject, encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    claims = _parse_claims(text)
    if time.time_ns() - max(before.st_mtime_ns, before.st_ctime_ns) > _SETTLED_NS:
        _CLAIMS[pyproject] = (signature, claims)
    return claims


def _parse_claims(text: str) -> bool:
    if "factlint" not in text and "\\u" not in text and "\\U" not in text:
        return False  # no key can spell it: not ours, and not parsed
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "factlint" in text  # broken, and ours: load_config reports where
    return isinstance(data.get("tool"), dict) and "factlint" in data["tool"]


def project_root(config_path: Path) -> Path:
    """The repository a configuration file belongs to: the nearest folder at or above it that
    holds ``.git``, else the file's own folder (resolved)."""
    folder = config_path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def load_config(path: Path) -> Config:
    """Read one configuration file; raises ``SourceError`` naming file:line:col on problems."""
    if not path.is_file():
        raise SourceError(Loc(str(path), 1, 1), "configuration file not found")
    if path.name == "pyproject.toml":
        return _from_toml(path)
    root, lines = read_yaml(path)
    config = Config(path=path)
    if root is None:
        return config
    if not isinstance(root.value, dict):
        raise SourceError(root.loc, "the configuration must be a mapping of keys: " + ", ".join(KEYS),
                          lines[root.loc.line - 1] if lines else None)
    base = project_root(path)
    for key, node in root.value.items():
        kloc = root.keys[key]
        _apply(config, key, node.plain(), kloc, node.loc, lines, path.parent, base, node)
    return config


def _from_toml(path: Path) -> Config:
    try:
        text = read_bounded(path, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"cannot read: {exc.strerror or exc}") from None
    lines = text.splitlines()
    tomllib = _tomllib()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        loc = Loc(str(path), int(m.group(1)), int(m.group(2))) if m else Loc(str(path), 1, 1)
        raise SourceError(loc, f"invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict) or "factlint" not in tool:
        raise SourceError(Loc(str(path), 1, 1), "has no [tool.factlint] table: nothing to configure")
    section = tool["factlint"]
    config = Config(path=path)
    if not isinstance(section, dict):
        raise SourceError(Loc(str(path), 1, 1), "[tool.factlint] must be a table")
    header = next((i for i, line in enumerate(lines, 1) if line.strip() == "[tool.factlint]"), 1)
    base = project_root(path)
    for key, value in section.items():
        line_no = next((i for i, line in enumerate(lines, 1)
                        if i >= header and re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line)), header)
        loc = Loc(str(path), line_no, 1)
        _apply(config, key, value, loc, loc, lines, path.parent, base)
    return config


def _apply(config: Config, key: str, value: Any, kloc: Loc, vloc: Loc, lines: list[str], base: Path,
           root: Path | None = None, node: Any = None) -> None:
    def err(loc: Loc, message: str) -> SourceError:
        return SourceError(loc, message, lines[loc.line - 1] if 0 < loc.line <= len(lines) else None)

    name = KEY_ALIASES.get(key.replace("_", "-"), key.replace("_", "-"))
    spec = KEYS.get(name)
    if spec is not None and name in KEY_ALIASES.values() and spec.attr in config.origins:
        other = [k for k, v in KEY_ALIASES.items() if v == name][0]
        raise err(kloc, f"'{other}' and '{name}' are the same setting (the date of articles that carry "
                        f"none of their own): keep one (already set at {config.origins[spec.attr]})")
    if spec is None:
        import difflib

        close = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise err(kloc, f"unknown configuration key '{key}'{hint}; valid keys: {', '.join(KEYS)}")
    try:
        value = _READERS[spec.kind](spec, value, base)
        if spec.kind == "paths":
            _sandbox(spec, value, root or base.resolve())
        setattr(config, spec.attr, value)
        config.origins[spec.attr] = f"{kloc.path}:{kloc.line}"
    except _EntryError as exc:  # located at the entry of a list when the YAML says where it is
        items = node.value if node is not None and isinstance(node.value, list) else []
        raise err(items[exc.index].loc if exc.index < len(items) else vloc, str(exc)) from None
    except ValueError as exc:
        raise err(vloc, str(exc)) from None


class _EntryError(ValueError):
    """A problem with entry ``index`` (0-based) of a list value."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


def _sandbox(spec: Key, paths: list[Path], root: Path) -> None:
    """Every path a configuration names must exist inside its repository ``root``."""
    for path in paths:
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            raise ValueError(f"'{spec.name}': no such file or folder: {path}") from None
        except (OSError, RuntimeError) as exc:  # a symlink loop, a permission problem
            raise ValueError(f"'{spec.name}': cannot use {path}: {exc}") from None
        if not real.is_relative_to(root):
            how = "name it with --rules on the command line" if spec.name == "rules" else "copy it into the repository"
            raise ValueError(f"'{spec.name}': {path} is outside the configuration's repository ({root}); "
                             f"a configuration may only name files inside it (to use this one, {how})")


def _read_prefixes(spec: Key, value: Any, base: Path) -> list[str]:
    items = _string_list(value)
    if items is None:
        raise ValueError(f"'{spec.name}' must be a list of rule id prefixes or a comma-separated string")
    return items


def _read_paths(spec: Key, value: Any, base: Path) -> list[Path]:
    items = _string_list(value)
    if items is None:
        raise ValueError(f"'{spec.name}' must be a list of paths")
    return [base / p for p in items]


def _read_choice(spec: Key, value: Any, base: Path) -> str:
    assert spec.choices is not None
    choices = list(spec.choices())
    if value not in choices:
        raise ValueError(f"'{spec.name}' must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _read_date(spec: Key, value: Any, base: Path) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"'{spec.name}' must be YYYY-MM-DD, not {value!r}") from None


def _read_count(spec: Key, value: Any, base: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"'{spec.name}' must be a whole number >= 0, not {value!r}")
    return value


def _read_globs(spec: Key, value: Any, base: Path) -> list[Glob]:
    items = _string_list(value)
    if items is None:
        raise ValueError(f"'{spec.name}' must be a list of globs (or a comma-separated string)")
    return [Glob(p, base) for p in items]


PER_PATH_KEYS = ("glob", "select", "ignore", "severity")


def _read_per_path(spec: Key, value: Any, base: Path) -> list[PerPath]:
    if not isinstance(value, list):
        raise ValueError(f"'{spec.name}' must be a list of mappings, each with 'glob' and 'select', 'ignore' "
                         "or 'severity'")
    out = []
    for n, entry in enumerate(value, 1):
        try:
            out.append(_per_path_entry(entry, f"'{spec.name}' entry {n}", base))
        except ValueError as exc:
            raise _EntryError(n - 1, str(exc)) from None
    return out


def _per_path_entry(entry: Any, where: str, base: Path) -> PerPath:
    """One ``per-path:`` entry (``where`` names it in messages)."""
    if not isinstance(entry, dict):
        raise ValueError(f"{where} must be a mapping with 'glob' and 'select', 'ignore' or 'severity'")
    unknown = [k for k in entry if k not in PER_PATH_KEYS]
    if unknown:
        raise ValueError(f"{where}: unknown key '{unknown[0]}'; valid keys: {', '.join(PER_PATH_KEYS)}")
    globs = _string_list(entry.get("glob"))
    if not globs:
        raise ValueError(f"{where} needs 'glob': a glob or a list of globs")
    select = _string_list(entry.get("select", []))
    ignore = _string_list(entry.get("ignore", []))
    if select is None or ignore is None:
        raise ValueError(f"{where}: 'select' and 'ignore' must be lists of rule id prefixes")
    if not (select or ignore or entry.get("severity")):
        raise ValueError(f"{where} changes nothing: give it 'select', 'ignore' or 'severity'")
    severity = _read_severities(Key("severity", "severities", {}, ""), entry.get("severity", {}), base)
    return PerPath(tuple(Glob(g, base) for g in globs), tuple(ignore), tuple(select), tuple(severity.items()))


def _read_severities(spec: Key, value: Any, base: Path) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ValueError(f"'{spec.name}' must map rule ids to error, warning or info")
    out: dict[str, Severity] = {}
    for rule_id, level in value.items():
        try:
            out[str(rule_id)] = Severity.parse(str(level))
        except ValueError as exc:
            raise ValueError(f"severity of '{rule_id}': {exc}") from None
    return out


_READERS: dict[str, Callable[[Key, Any, Path], Any]] = {
    "prefixes": _read_prefixes,
    "paths": _read_paths,
    "choice": _read_choice,
    "date": _read_date,
    "count": _read_count,
    "severities": _read_severities,
    "globs": _read_globs,
    "per-path": _read_per_path,
}


def _show_default(value: Any) -> str:
    if value in (None, [], {}):
        return "none"
    if isinstance(value, list):
        return ", ".join(f"`{v}`" for v in value)
    return f"`{value!r}`"


def _plain(value: Any) -> Any:
    """``value`` as JSON data (which YAML reads too)."""
    if isinstance(value, PerPath):
        out: dict[str, Any] = {"glob": [g.pattern for g in value.globs]}
        if value.select:
            out["select"] = list(value.select)
        if value.ignore:
            out["ignore"] = list(value.ignore)
        if value.severity:
            out["severity"] = {k: str(v) for k, v in value.severity}
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (Glob, Path, Severity)):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def describe(config: Config) -> str:
    """The effective configuration as YAML (``--print-config``), each key with where its value
    came from: a file and line, an option of the command line, or the default."""
    import json

    lines = [f"# configuration file: {config.path if config.path else 'none (no factlint.yaml, .factlint.yaml or '}"
             + ("" if config.path else "[tool.factlint] found at or above the working directory)")]
    for key in SCHEMA:
        value = json.dumps(_plain(getattr(config, key.attr)), ensure_ascii=False)
        lines.append(f"{key.name}: {value}  # {config.origins.get(key.attr, 'default')}")
    if config.date is not None:
        lines.append(f"# every article's publication date: {config.date.isoformat()} "
                     f"({config.origins.get('date', 'command line (--date)')})")
    return "\n".join(lines) + "\n"


def schema_markdown() -> str:
    """The configuration reference (``docs/configuration.md``), generated from ``SCHEMA``."""
    rows = [f"| `{k.name}` | {k.kind} | {_show_default(k.default)} | {k.doc}"
            + (f": {', '.join(f'`{c}`' for c in k.choices())}" if k.choices else "") + " |" for k in SCHEMA]
    return CONFIG_DOC.format(table="\n".join(rows))


CONFIG_DOC = """<!-- generated by `python -m linter.docs` from linter/config.py: do not edit by hand -->
# Configuration

factlint reads `factlint.yaml` (or `.factlint.yaml`, `factlint.yml`, `.factlint.yml`), or the
`[tool.factlint]` table of `pyproject.toml`, from the working directory or the nearest folder
above it; `--config FILE` names one. Keys mirror the long options of `factlint check`; an option
given on the command line wins over the file. An unknown key or a wrong value stops the run with
exit status 2 and the file's line and column.

```yaml
# factlint.yaml
select: [title/, date/]
extend-select: [source/image-credit]
ignore: [source/anonymous]
fail-on: warning
rules: [house-rules/]
kb: [kb/our-people.yaml]
default-date: 2025-06-01      # only for articles that carry no date of their own
extend-exclude: [drafts, "*.tmp.md"]
severity:
  date/weekday-mismatch: error
per-path:
  - glob: "opinion/**"
    ignore: [source/]
  - glob: ["archive/**", "*.txt"]
    severity: {{title/: warning}}
```

`factlint check --print-config` prints the effective configuration (the file's keys, the
command line's options and the defaults) with where each value came from, and exits.

**Dates.** An article's own date (front matter `date`, `published`, `publication_date`,
`pubDate`; an HTML `article:published_time`; a dateline; an archive record's `date`) always
wins over `default-date:`, which only dates the articles that carry none. `--date` on the
command line overrides every article's date. `date:` (the key that mirrors `--date`) is read
as `default-date:`: a fallback, never an override; naming both is an error at the second.

**Which files.** A folder is searched for articles (`.md`, `.markdown`, `.html`, `.htm`, `.txt`,
...); hidden files and folders and whatever `exclude:` (default below) and `extend-exclude:`
match are skipped. A path named on the command line is linted even when a glob matches it.
Globs are case-insensitive; `*` and `?` stay within a name, `**` crosses folders, `[abc]` is a
class. A glob without `/` matches a file or folder name at any depth (`node_modules`,
`LICENSE*`; a trailing `/` is ignored); one with `/` inside matches the path relative to the
configuration file's folder (`archive/2019`, `archive/**/*.txt`); on the command line,
relative to the working directory.

**Per path.** Each `per-path:` entry applies to the files its `glob` (one glob or a list, as
above) matches, in the style of ruff's `per-file-ignores`: `ignore` drops the findings of those
rule id prefixes there, `select` keeps only the findings of those prefixes there, and
`severity` maps rule id prefixes to a level there (the longest prefix wins). Entries apply in
order; a finding in a `.jsonl` archive record is matched by the archive's path.

| key | value | default | meaning |
|---|---|---|---|
{table}
"""


def _string_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _tomllib() -> Any:
    """``tomllib`` (``tomli`` before Python 3.11), imported when a TOML file is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib
