"""Adopt factlint on an archive that already has findings: a baseline, and a pull request's lines.

``--write-baseline FILE`` records the findings of a run; ``--baseline FILE`` then reports only
the findings that are not in it. A finding is recorded by a fingerprint that survives lines
moving: its rule, its file (relative to the baseline file's folder, POSIX; ``FILE.jsonl#ID`` for
an archive record), its excerpt with whitespace collapsed, and its occurrence index among the
findings of that file with the same rule and excerpt (the second "Former President" in a file
is occurrence 1). The line is written beside it for the reader only: it takes no part.

``--diff FILE`` (``-``: standard input) reads a unified diff (``git diff`` output) and keeps only
the findings whose span touches a line that the diff adds to that file, so a pull request is
checked on what it changes. Paths in the diff are relative to the repository (the nearest
folder at or above the working directory that holds ``.git``, else the working directory);
``a/``/``b/`` prefixes (and git's mnemonic ``i/ w/ c/ o/``) are taken off. In a ``.jsonl``
archive, where a finding's line counts within its record's text, the findings of the records
on added lines are kept (a new or changed record is checked whole).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from linter import recache
from linter.config import article_file
from linter.finding import Finding

BASELINE_VERSION = 1


class AdoptionError(Exception):
    """A baseline or diff that cannot be read: ``str()`` names the file (and line)."""


def _norm_path(path: str, base: Path | None = None) -> str:
    """A finding's path as a baseline records it: relative to ``base`` (the baseline file's
    folder), POSIX, so that the baseline holds wherever factlint runs from."""
    file = article_file(path)
    record = path[len(file):]
    if file != "<stdin>":
        try:
            file = os.path.relpath(os.path.abspath(file), os.path.abspath(base or Path.cwd()))
        except ValueError:  # another drive
            file = os.path.normpath(file)
    return Path(file).as_posix() + record


def _norm_text(text: str) -> str:
    return " ".join(text.split())


def fingerprints(findings: Sequence[Finding], base: Path | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Each finding's fingerprint and its baseline entry, in the order given."""
    seen: dict[tuple[str, str, str], int] = {}
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    out: list[tuple[str, dict[str, Any]] | None] = [None] * len(findings)
    for i in order:
        f = findings[i]
        path = _norm_path(f.path, base)
        excerpt = _norm_text(f.excerpt) or _norm_text(f.message)
        key = (f.rule, path, excerpt)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\0".join((f.rule, path, excerpt, str(occurrence))).encode("utf-8",
                                "surrogatepass")).hexdigest()[:20]
        out[i] = (digest, {"fingerprint": digest, "rule": f.rule, "path": path, "excerpt": excerpt,
                           "occurrence": occurrence, "line": f.line})
    return [entry for entry in out if entry is not None]


def baseline_text(findings: Sequence[Finding], base: Path | None = None) -> str:
    """The baseline file of ``findings`` (JSON, one entry a line, sorted by path and line)."""
    entries = sorted((e for _, e in fingerprints(findings, base)), key=lambda e: (e["path"], e["line"], e["rule"]))
    body = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    return (f'{{"factlint-baseline": {BASELINE_VERSION},\n "findings": [\n{body}\n ]}}\n' if entries
            else f'{{"factlint-baseline": {BASELINE_VERSION}, "findings": []}}\n')


def read_baseline(path: Path) -> set[str]:
    """The fingerprints a baseline file records; ``AdoptionError`` when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AdoptionError(f"{path}:1:1: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AdoptionError(f"{path}:1:1: cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AdoptionError(f"{path}:{exc.lineno}:{exc.colno}: not a factlint baseline: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("factlint-baseline") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise AdoptionError(f"{path}:1:1: not a factlint baseline (version {BASELINE_VERSION}): expected an object "
                            '{"factlint-baseline": 1, "findings": [...]}, as --write-baseline writes')
    out = set()
    for n, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise AdoptionError(f"{path}:1:1: baseline entry {n} has no 'fingerprint' string")
        out.add(entry["fingerprint"])
    return out


def without_baseline(findings: Sequence[Finding], known: set[str],
                     base: Path | None = None) -> tuple[list[Finding], int]:
    """The findings whose fingerprints are not in ``known``, and how many entries of ``known``
    matched no finding (fixed since, or moved to another file)."""
    prints = fingerprints(findings, base)
    kept = [f for f, (digest, _) in zip(findings, prints, strict=True) if digest not in known]
    stale = len(known - {digest for digest, _ in prints})
    return kept, stale


# ---------------------------------------------------------------------------------------------
# --diff


_HUNK = recache.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_PREFIXED = recache.compile(r"^[abciwo]/")


@dataclass
class Changes:
    """The lines a unified diff adds, by file (relative POSIX paths), and the repository they are
    relative to."""

    added: dict[str, set[int]] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)

    def lines_of(self, path: str) -> set[int] | None:
        """The lines added to the file of ``path`` (a finding's, relative to the working
        directory), or None when the diff does not touch it."""
        absolute = Path(os.path.abspath(article_file(path)))
        for base in (Path(os.path.abspath(self.root)), Path.cwd()):
            try:
                rel = absolute.relative_to(base).as_posix()
            except ValueError:
                continue
            if rel in self.added:
                return self.added[rel]
        return None

    def keep(self, findings: Sequence[Finding]) -> list[Finding]:
        """The findings whose span touches an added line; in an archive, those of the records on
        added lines."""
        out = []
        records: dict[str, set[str]] = {}
        for f in findings:
            lines = self.lines_of(f.path)
            if not lines:
                continue
            file = article_file(f.path)
            if file != f.path:
                if file not in records:
                    records[file] = _records_on(file, lines)
                if f.path in records[file]:
                    out.append(f)
            elif any(n in lines for n in range(f.line, max(f.line, f.end_line) + 1)):
                out.append(f)
        return out


def _records_on(archive: str, lines: set[int]) -> set[str]:
    """The paths (``ARCHIVE#ID``) of the records of the JSON Lines file ``archive`` on ``lines``."""
    from linter.runner import record_id

    out: set[str] = set()
    try:
        with open(archive, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if n not in lines:
                    continue
                try:
                    record = json.loads(line.lstrip("\ufeff") if n == 1 else line)
                except (json.JSONDecodeError, RecursionError):
                    continue
                if isinstance(record, dict):
                    out.add(f"{archive}#{record_id(record, n)}")
    except OSError:
        pass
    return out


def _unquote(name: str) -> str:
    """A path of a diff header: git quotes one with special characters as a C string."""
    name = name.rstrip("\n")
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1").decode("utf-8", "replace")
    return name.split("\t")[0]  # diff -u appends a tab and a timestamp


def parse_diff(text: str, display: str = "<diff>", root: Path | None = None) -> Changes:
    """The lines each file gains in the unified diff ``text``; ``AdoptionError`` (naming the
    diff's line) when a hunk is malformed or the text holds no diff at all."""
    changes = Changes(root=root or repository_root())
    old_name: str | None = None
    target: str | None = None
    new_line = remaining_old = remaining_new = 0
    seen_header = False
    for n, line in enumerate(text.splitlines(), 1):
        if remaining_old > 0 or remaining_new > 0:
            tag = line[:1]
            if tag == "+":
                if target is not None:
                    changes.added.setdefault(target, set()).add(new_line)
                new_line += 1
                remaining_new -= 1
            elif tag == "-":
                remaining_old -= 1
            elif tag in (" ", ""):
                new_line += 1
                remaining_old -= 1
                remaining_new -= 1
            elif tag != "\\":
                raise AdoptionError(f"{display}:{n}:1: malformed diff: a hunk line must start with ' ', '+' or '-'")
            continue
        if line.startswith("--- "):
            old_name = _unquote(line[4:])
        elif line.startswith("+++ "):
            seen_header = True
            name = _unquote(line[4:])
            if name == "/dev/null":
                target = None
                continue
            if _PREFIXED.match(name) and (old_name is None or old_name == "/dev/null" or _PREFIXED.match(old_name)):
                name = name[2:]
            target = Path(os.path.normpath(name)).as_posix()
            changes.added.setdefault(target, set())
        elif line.startswith("@@"):
            m = _HUNK.match(line)
            if m is None or not seen_header:
                raise AdoptionError(f"{display}:{n}:1: malformed diff: expected a hunk header "
                                    "'@@ -START,COUNT +START,COUNT @@' after '--- FILE' and '+++ FILE'")
            remaining_old = int(m.group(1)) if m.group(1) is not None else 1
            new_line = int(m.group(2))
            remaining_new = int(m.group(3)) if m.group(3) is not None else 1
    if not seen_header and text.strip():
        raise AdoptionError(f"{display}:1:1: not a unified diff (no '+++ FILE' line): give the output of "
                            "'git diff' (or 'diff -u')")
    return changes


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (the working directory) holding ``.git``, else
    ``start``: the folder the paths of ``git diff`` are relative to."""
    here = Path(os.path.abspath(start or Path.cwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


@dataclass
class Scope:
    """What ``--baseline`` and ``--diff`` leave of a run's findings."""

    baseline: Path | None = None
    known: set[str] | None = None
    changes: Changes | None = None

    @classmethod
    def read(cls, baseline: Path | None, diff: str | None, stdin_used: bool = False,
             stdin: IO[str] | None = None) -> Scope:
        """Read the baseline file and the diff (``-``: ``stdin``, default standard input) before
        linting, so that a bad one stops the run at once (``AdoptionError``)."""
        known = read_baseline(baseline) if baseline is not None else None
        if diff is None:
            return cls(baseline, known)
        if diff == "-" and stdin_used:
            raise AdoptionError("--diff - and the path '-' cannot both read standard input: save the diff to a file")
        try:
            text = (stdin or sys.stdin).read() if diff == "-" else Path(diff).read_text(encoding="utf-8",
                                                                                        errors="replace")
        except (OSError, ValueError, AttributeError) as exc:
            raise AdoptionError(f"{diff}:1:1: cannot read the diff: {getattr(exc, 'strerror', None) or exc}") from None
        return cls(baseline, known, parse_diff(text, "<stdin>" if diff == "-" else diff))

    def narrow(self, findings: Sequence[Finding], write_baseline: Path | None = None) -> tuple[list[Finding], list[str]]:
        """``write_baseline`` first (it records every finding, and none is reported); else the
        findings outside the baseline and on the diff's added lines. Also notes for stderr."""
        notes = []
        if write_baseline is not None:
            from linter.fixer import write_atomically

            try:
                write_atomically(write_baseline, baseline_text(findings, write_baseline.parent))
            except OSError as exc:
                raise AdoptionError(f"cannot write {write_baseline}: {exc.strerror or exc}") from None
            n = len(findings)
            return [], [f"recorded {n} finding{'s' if n != 1 else ''} in the baseline {write_baseline}"]
        kept = list(findings)
        if self.known is not None and self.baseline is not None:
            kept, stale = without_baseline(kept, self.known, self.baseline.parent)
            if stale:
                notes.append(f"{stale} finding{'s' if stale != 1 else ''} of the baseline no longer "
                             "occur (fixed?): --write-baseline records the current ones")
        if self.changes is not None:
            kept = self.changes.keep(kept)
        return kept, notes
