"""Find and read the configuration: ``factlint.yaml``, ``.factlint.yaml`` or ``[tool.factlint]``.

Discovery walks up from the working directory; ``--config FILE`` overrides it. Keys mirror the
long options of ``factlint check``. Unknown keys and wrong types are errors located in the file.
"""

from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.finding import Severity
from linter.yamlsrc import Loc, SourceError, read_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("factlint.yaml", ".factlint.yaml", "factlint.yml", ".factlint.yml")
FORMATS = ("text", "json", "sarif", "github", "checkstyle", "junit")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = {
    "select": "rule id prefixes to run (list or comma-separated string)",
    "ignore": "rule id prefixes to skip",
    "fail-on": "error, warning, info or never",
    "rules": "extra rule files or folders (relative to the config file)",
    "date": "the publication date to assume (YYYY-MM-DD)",
    "format": "output format: " + ", ".join(FORMATS),
    "jobs": "number of worker processes",
    "severity": "mapping of rule id to error, warning or info (overrides the rule's own)",
    "kb": "extra knowledge-base files or folders (relative to the config file)",
}


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    rules: list[Path] = field(default_factory=list)
    date: datetime.date | None = None
    format: str | None = None
    jobs: int | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    kb: list[Path] = field(default_factory=list)
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
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
            if isinstance(data.get("tool"), dict) and "factlint" in data["tool"]:
                return pyproject
    return None


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
    for key, node in root.value.items():
        kloc = root.keys[key]
        _apply(config, key, node.plain(), kloc, node.loc, lines, path.parent)
    return config


def _from_toml(path: Path) -> Config:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        loc = Loc(str(path), int(m.group(1)), int(m.group(2))) if m else Loc(str(path), 1, 1)
        raise SourceError(loc, f"invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("factlint", {})
    config = Config(path=path)
    if not isinstance(section, dict):
        raise SourceError(Loc(str(path), 1, 1), "[tool.factlint] must be a table")
    header = next((i for i, line in enumerate(lines, 1) if line.strip() == "[tool.factlint]"), 1)
    for key, value in section.items():
        line_no = next((i for i, line in enumerate(lines, 1)
                        if i >= header and re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line)), header)
        loc = Loc(str(path), line_no, 1)
        _apply(config, key, value, loc, loc, lines, path.parent)
    return config


def _apply(config: Config, key: str, value: Any, kloc: Loc, vloc: Loc, lines: list[str], base: Path) -> None:
    def err(loc: Loc, message: str) -> SourceError:
        return SourceError(loc, message, lines[loc.line - 1] if 0 < loc.line <= len(lines) else None)

    norm = key.replace("_", "-")
    if norm not in KEYS:
        import difflib

        close = difflib.get_close_matches(norm, list(KEYS), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise err(kloc, f"unknown configuration key '{key}'{hint}; valid keys: {', '.join(KEYS)}")
    if norm in ("select", "ignore"):
        items = _string_list(value)
        if items is None:
            raise err(vloc, f"'{key}' must be a list of rule id prefixes or a comma-separated string")
        setattr(config, norm, items)
    elif norm in ("rules", "kb"):
        items = _string_list(value)
        if items is None:
            raise err(vloc, f"'{key}' must be a list of paths")
        setattr(config, norm, [(base / p) for p in items])
    elif norm == "fail-on":
        if value not in FAIL_ON:
            raise err(vloc, f"'fail-on' must be one of {', '.join(FAIL_ON)}, not {value!r}")
        config.fail_on = value
    elif norm == "format":
        if value not in FORMATS:
            raise err(vloc, f"'format' must be one of {', '.join(FORMATS)}, not {value!r}")
        config.format = value
    elif norm == "date":
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            config.date = value
        else:
            try:
                config.date = datetime.date.fromisoformat(str(value))
            except ValueError:
                raise err(vloc, f"'date' must be YYYY-MM-DD, not {value!r}") from None
    elif norm == "jobs":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise err(vloc, f"'jobs' must be a whole number >= 0, not {value!r}")
        config.jobs = value
    elif norm == "severity":
        if not isinstance(value, dict):
            raise err(vloc, "'severity' must map rule ids to error, warning or info")
        for rule_id, level in value.items():
            try:
                config.severity[str(rule_id)] = Severity.parse(str(level))
            except ValueError as exc:
                raise err(vloc, f"severity of '{rule_id}': {exc}") from None


def _string_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None
