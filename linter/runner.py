"""Turn the paths of ``factlint check`` into documents and lint them, in one process or several.

Inputs: files, folders (searched for .md .markdown .txt .html .htm), ``-`` for stdin, and
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

from linter.document import Document, DocumentError, load_text, parse_date
from linter.engine import Engine, Selection
from linter.finding import Finding
from linter.rules import RuleSet, load_rules

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class Item:
    """One article to lint: where it came from and its text."""

    path: str
    text: str
    kind: str | None = None
    date: datetime.date | None = None
    title: str | None = None


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
                yield Item(f"{display}#{rid}", text, "text", date, title)
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
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            for f in files:
                _add_file(inputs, f, str(f))
        elif path.is_file():
            _add_file(inputs, path, raw)
        else:
            inputs.errors.append(f"{raw}:1:1: no such file or folder")
    return inputs


def _add_file(inputs: Inputs, path: Path, display: str) -> None:
    name = path.name.lower()
    if name.endswith(".jsonl") or name.endswith(".jsonl.gz"):
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


def make_document(item: Item, date: datetime.date | None) -> Document:
    doc = load_text(item.text, path=item.path, kind=item.kind, date=date or item.date)
    if item.title:
        if doc.title is None:
            doc.title = item.title
        first_line = item.text.split("\n", 1)[0]
        if first_line.strip() and first_line.strip() == item.title.strip():
            split_title_line(doc, len(first_line))
    return doc


def split_title_line(doc: Document, end: int) -> None:
    """Make ``text[:end]`` (an archive record's headline line) a paragraph of kind "title".

    Headlines in archives are run into the body with a single newline, which plain-text
    paragraphing may join to the next lines; the headline is split off so that rules treat it
    as a title (no sourcing or first-reference checks on headlines).
    """
    from linter.document import Paragraph, Sentence

    if not doc.paragraphs or doc.paragraphs[0].start >= end:
        return
    p0 = doc.paragraphs[0]
    if p0.end <= end:
        p0.kind = "title"
        return
    rest = end
    while rest < p0.end and doc.prose[rest].isspace():
        rest += 1
    paragraphs = [Paragraph(0, p0.start, end, "title"), Paragraph(1, rest, p0.end, p0.kind)]
    paragraphs += [Paragraph(p.index + 1, p.start, p.end, p.kind) for p in doc.paragraphs[1:]]
    sentences: list[Sentence] = []
    for s in doc.sentences:
        if s.start < end < s.end:
            head = doc.prose[s.start:end].rstrip()
            tail_start = rest if rest < s.end else s.end
            tail = doc.prose[tail_start:s.end].strip()
            if head:
                sentences.append(Sentence(0, s.start, s.start + len(head), 0, head))
            if tail:
                offset = tail_start + (len(doc.prose[tail_start:s.end]) - len(doc.prose[tail_start:s.end].lstrip()))
                sentences.append(Sentence(0, offset, offset + len(tail), 1, tail))
        else:
            para = 0 if s.end <= end else s.paragraph + 1
            sentences.append(Sentence(0, s.start, s.end, para, s.text))
    for i, sentence in enumerate(sentences):
        sentence.index = i
    doc.paragraphs = paragraphs
    doc.sentences = sentences
    doc.reindex()


@dataclass
class Settings:
    """What a worker needs to rebuild the engine (compiled rules cannot be pickled)."""

    rule_paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    date: datetime.date | None = None
    kb_paths: tuple[str, ...] = ()  # extra KB files or folders merged over the bundled KB


def build_engine(settings: Settings, ruleset: RuleSet | None = None) -> Engine:
    """The engine for ``settings``. Raises ``KbError`` when an extra KB file is invalid."""
    from linter.finding import Severity
    from linter.kb import load_kb

    ruleset = ruleset or load_rules([Path(p) for p in settings.rule_paths])
    selection = Selection(settings.select, settings.ignore,
                          {k: Severity.parse(v) for k, v in settings.severity})
    # no extra KB: the bundled one is loaded on the first document that needs it
    kb = load_kb(extra=[Path(p) for p in settings.kb_paths]) if settings.kb_paths else None
    return Engine(ruleset, selection, kb=kb)


def lint_item(engine: Engine, item: Item, date: datetime.date | None) -> tuple[list[Finding], str | None]:
    try:
        doc = make_document(item, date)
    except DocumentError as exc:
        return [], f"{item.path}:{exc.line}:{exc.column}: {exc.message}"
    return engine.lint(doc), None


_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings) -> None:
    _WORKER["engine"] = build_engine(settings)
    _WORKER["date"] = settings.date


def _work(batch: list[Item]) -> list[tuple[list[Finding], str | None]]:
    engine: Engine = _WORKER["engine"]
    return [lint_item(engine, item, _WORKER["date"]) for item in batch]


def lint_items(items: Sequence[Item], settings: Settings, engine: Engine, jobs: int = 1,
               progress: Any = None) -> tuple[list[Finding], list[str]]:
    """Lint every item; with ``jobs > 1`` (0 = one per core) batches go to worker processes."""
    findings: list[Finding] = []
    errors: list[str] = []
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(items) < 8:
        for item in items:
            found, error = lint_item(engine, item, settings.date)
            findings.extend(found)
            if error:
                errors.append(error)
            if progress is not None:
                progress(1)
        return findings, errors
    size = max(1, min(64, len(items) // (jobs * 4) or 1))
    batches = [list(items[i:i + size]) for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for batch, results in zip(batches, pool.map(_work, batches), strict=True):
            for found, error in results:
                findings.extend(found)
                if error:
                    errors.append(error)
            if progress is not None:
                progress(len(batch))
    return findings, errors
