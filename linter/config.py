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

import datetime
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.extract.genre import GENRES
from linter.finding import Severity
from linter.report import format_names
from linter.yamlsrc import Loc, SourceError, read_bounded, read_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("factlint.yaml", ".factlint.yaml", "factlint.yml", ".factlint.yml")
FAIL_ON = ("error", "warning", "info", "never")


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
    Key("date", "date", None, "the publication date to assume (YYYY-MM-DD)"),
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
    date: datetime.date | None = None
    format: str | None = None
    jobs: int | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    genre: str | None = None
    kb: list[Path] = field(default_factory=list)
    max_bytes: int | None = None
    path: Path | None = None


def discover(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = read_bounded(pyproject, encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                if "factlint" in text:
                    return pyproject  # broken, and ours: load_config reports where
                continue
            if isinstance(data.get("tool"), dict) and "factlint" in data["tool"]:
                return pyproject
    return None


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
        _apply(config, key, node.plain(), kloc, node.loc, lines, path.parent, base)
    return config


def _from_toml(path: Path) -> Config:
    try:
        text = read_bounded(path, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"cannot read: {exc.strerror or exc}") from None
    lines = text.splitlines()
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
           root: Path | None = None) -> None:
    def err(loc: Loc, message: str) -> SourceError:
        return SourceError(loc, message, lines[loc.line - 1] if 0 < loc.line <= len(lines) else None)

    spec = KEYS.get(key.replace("_", "-"))
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
    except ValueError as exc:
        raise err(vloc, str(exc)) from None


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
}


def _show_default(value: Any) -> str:
    return "none" if value in (None, [], {}) else f"`{value!r}`"


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
ignore: [source/anonymous]
fail-on: warning
rules: [house-rules/]
kb: [kb/our-people.yaml]
severity:
  date/weekday-mismatch: error
```

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
