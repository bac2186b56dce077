"""Turn the paths of ``factlint check`` into documents and lint them, in one process or several.

Inputs: files, folders (searched for the suffixes of ``document.FILE_KINDS``), ``-`` for stdin, and
``.jsonl`` archives (one article a line: ``id``, ``date``, ``text``, optional ``title``; ``.jsonl.gz``
too). Input problems never stop the run: each is collected as an error message naming
``file:line`` and the run ends with exit status 2.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.api import build_engine, lint_document, load_document
from linter.config import Config
from linter.document import ARCHIVE_SUFFIXES, FILE_KINDS, Document, DocumentError, parse_date
from linter.engine import Engine, Result
from linter.finding import Finding


@dataclass(frozen=True, slots=True)
class Item:
    """One article to lint: where it came from and its text."""

    path: str
    text: str
    kind: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    standfirst: str | None = None  # the record's description (dek), shown under the headline


#: the fields of an archive record that hold its standfirst, first found wins
STANDFIRST_FIELDS = ("description", "standfirst", "dek", "subtitle", "summary")


@dataclass
class Inputs:
    items: list[Item] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_jsonl(path: Path, display: str, errors: list[str]) -> Iterator[Item]:
    """Yield the records of a JSON Lines archive; bad records become located error messages."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for line_no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(f"{display}:{line_no}: malformed JSON: {exc.msg} (column {exc.colno})")
                    continue
                if not isinstance(record, dict):
                    errors.append(f"{display}:{line_no}: a record must be a JSON object")
                    continue
                text = record.get("text")
                rid = record.get("id", line_no)
                if not isinstance(text, str):
                    errors.append(f"{display}:{line_no}: record {rid!r} has no 'text' string")
                    continue
                raw_date = record.get("date")
                date = parse_date(raw_date)
                if raw_date not in (None, "") and date is None:
                    errors.append(f"{display}:{line_no}: record {rid!r} has an unreadable date {raw_date!r}")
                    continue
                title = record.get("title") if isinstance(record.get("title"), str) else None
                dek = next((v for v in map(record.get, STANDFIRST_FIELDS) if isinstance(v, str) and v.strip()), None)
                yield Item(f"{display}#{rid}", text, "text", date, title, dek)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        errors.append(f"{display}:1: cannot read archive: {exc}")


def collect(paths: Sequence[str], stdin_text: str | None = None) -> Inputs:
    """Expand the command line's paths into articles (in the order given; folders sorted)."""
    inputs = Inputs()
    for raw in paths:
        if raw == "-":
            text = stdin_text if stdin_text is not None else sys.stdin.read()
            inputs.items.append(Item("<stdin>", text))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FILE_KINDS
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            for f in files:
                _add_file(inputs, f, str(f))
        elif path.is_file():
            _add_file(inputs, path, raw)
        else:
            inputs.errors.append(f"{raw}:1:1: no such file or folder")
    return inputs


def _add_file(inputs: Inputs, path: Path, display: str) -> None:
    if path.name.lower().endswith(ARCHIVE_SUFFIXES):
        inputs.items.extend(read_jsonl(path, display, inputs.errors))
        return
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except UnicodeDecodeError as exc:
        inputs.errors.append(f"{display}:1:1: not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    except OSError as exc:
        inputs.errors.append(f"{display}:1:1: cannot read: {exc.strerror}")
        return
    inputs.items.append(Item(display, text))


def make_document(item: Item, date: datetime.date | None = None) -> Document:
    """The document of ``item``; ``date`` (the run's ``--date``) overrides the item's own."""
    return load_document(item.text, path=item.path, kind=item.kind, date=date or item.date, title=item.title,
                         standfirst=item.standfirst)


@dataclass
class Outcome:
    """What linting a list of items gave: findings, warnings about the run, input errors."""

    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, result: Result | None, error: str | None) -> None:
        if result is not None:
            self.findings.extend(result.findings)
            self.warnings.extend(result.warnings)
        if error:
            self.errors.append(error)


def lint_item(engine: Engine, item: Item, date: datetime.date | None) -> tuple[Result | None, str | None]:
    try:
        doc = make_document(item, date)
    except DocumentError as exc:
        return None, f"{item.path}:{exc.line}:{exc.column}: {exc.message}"
    return lint_document(doc, engine), None


_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, bundled: bool) -> None:
    _WORKER["engine"] = build_engine(config, bundled=bundled)
    _WORKER["date"] = config.date


def _work(batch: list[Item]) -> list[tuple[Result | None, str | None]]:
    engine: Engine = _WORKER["engine"]
    return [lint_item(engine, item, _WORKER["date"]) for item in batch]


def lint_items(items: Sequence[Item], config: Config, engine: Engine, jobs: int = 1,
               progress: Any = None, bundled: bool = True) -> Outcome:
    """Lint every item with ``engine``; with ``jobs > 1`` (0 = one per core) batches go to
    worker processes, each building the same engine from ``config`` (and ``bundled``)."""
    out = Outcome()
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(items) < 8:
        for item in items:
            out.add(*lint_item(engine, item, config.date))
            if progress is not None:
                progress(1)
        return out
    size = max(1, min(64, len(items) // (jobs * 4) or 1))
    batches = [list(items[i:i + size]) for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, bundled)) as pool:
        for batch, results in zip(batches, pool.map(_work, batches), strict=True):
            for result, error in results:
                out.add(result, error)
            if progress is not None:
                progress(len(batch))
    return out
