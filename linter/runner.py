"""Turn the paths of ``factlint check`` into documents and lint them, in one process or several.

Inputs: files, folders (searched for the suffixes of ``document.FILE_KINDS``), ``-`` for stdin, and
``.jsonl`` archives (one article a line: ``id``, ``date``, ``text``, optional ``title``; ``.jsonl.gz``
too). Input problems never stop the run: each is collected as an error message naming
``file:line`` (and the column where it can) and the run ends with exit status 2.

Inputs are bounded: a file, a record or standard input longer than ``max_bytes`` (``--max-bytes``)
is cut there (an ``input/truncated`` finding says so); a device, FIFO or socket is refused; an
archive is decoded line by line, so an undecodable, malformed, too long or too deeply nested line
costs that record alone. Each document is linted inside its own error boundary: an internal
error becomes a ``ToolError`` of that document and the others are still linted, in this process
or in worker processes (a worker that dies costs only its batch's retry in this process).
"""

from __future__ import annotations

import collections
import dataclasses
import datetime
import gzip
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from linter import recache
from linter.api import build_engine, lint_document, load_document
from linter.config import Config, Glob, apply_per_path, excluded
from linter.document import (
    ARCHIVE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    FILE_KINDS,
    Document,
    DocumentError,
    Truncation,
    cut_bytes,
    parse_date,
    truncate,
)
from linter.engine import Engine, Result, ToolError, tool_error
from linter.finding import Finding, Severity
from linter.fixer import digest as file_digest

if TYPE_CHECKING:
    from concurrent.futures import Future


@dataclass(frozen=True, slots=True)
class Item:
    """One article to lint: where it came from and its text."""

    path: str
    text: str
    kind: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    standfirst: str | None = None  # the record's description (dek), shown under the headline
    truncation: Truncation | None = None  # the text is the first part of a longer input
    digest: str | None = None  # a file's bytes as read (``--fix`` writes only an unchanged file)
    #: an archive record: ``(archive file as displayed, its line holding the record, record id)``
    record: tuple[str, int, str | int | float] | None = None


#: the fields of an archive record that hold its standfirst, first found wins
STANDFIRST_FIELDS = ("description", "standfirst", "dek", "subtitle", "summary")


@dataclass
class _Archive:
    """A JSON Lines archive named on the command line, read record by record when iterated."""

    path: Path
    display: str
    max_bytes: int | None


@dataclass
class _File:
    """A file named on the command line (or found in a folder), read when iterated."""

    path: Path
    display: str
    max_bytes: int | None


@dataclass
class Inputs:
    """The articles the command line names, read lazily and in order: iterating yields one
    ``Item`` at a time, so an archive of any size is never held in memory whole. An input
    problem (a missing file, a bad record) is appended to ``errors`` as the iteration reaches
    it, on the first pass only; a second pass (the HTML report, the lint after ``--fix``)
    reads the files again."""

    sources: list[Item | _File | _Archive | str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _passes: int = 0

    def __iter__(self) -> Iterator[Item]:
        errors = self.errors if self._passes == 0 else []
        self._passes += 1
        for source in self.sources:
            if isinstance(source, str):
                errors.append(source)
            elif isinstance(source, Item):
                yield source
            elif isinstance(source, _Archive):
                yield from read_jsonl(source.path, source.display, errors, source.max_bytes)
            else:
                yield from _read_file(source.path, source.display, errors, source.max_bytes)

    @property
    def items(self) -> list[Item]:
        """Every article, read into one list (small inputs and tests; a run iterates instead)."""
        return list(self)

    def count(self) -> int:
        """About how many articles there are, for a progress bar: one a file, one a non-blank
        line of an archive (counted without decoding the records)."""
        total = 0
        for source in self.sources:
            if isinstance(source, _Archive):
                total += _count_records(source.path)
            elif not isinstance(source, str):
                total += 1
        return total


def open_archive(path: Path) -> IO[bytes]:
    """An archive's bytes for reading, decompressed when its name ends in ``.gz``."""
    return cast(IO[bytes], gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb"))


#: a line of ASCII white space alone, with its line break (a record is read from every other line)
_BLANK_LINE = re.compile(rb"^[ \t\r\f\v]*\n", re.MULTILINE)


def _count_records(path: Path) -> int:
    """The lines of an archive that are not blank (the records ``read_jsonl`` reads, give or
    take a line of other white space or one it cannot decode), read a megabyte at a time: of a
    line cut by the megabyte's end only whether it is blank so far is kept, so a line of any
    length costs no memory. What was counted when it cannot be read further (the lint says why)."""
    count = 0
    tail = b""  # the line the last chunk ended in: b"" while blank so far, b"x" once not
    try:
        with open_archive(path) as fh:
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                cut = data.rfind(b"\n") + 1  # the complete lines end there
                count += data.count(b"\n", 0, cut) - len(_BLANK_LINE.findall(data, 0, cut))
                # only whether the cut line is blank so far matters (``bytes.strip`` and
                # ``_BLANK_LINE`` agree on white space): a long line, blank or not, is not kept
                tail = b"x" if data[cut:].strip() else b""
    except (OSError, EOFError, gzip.BadGzipFile):
        return count
    return count + (1 if tail else 0)  # a last record without a line break


#: A JSON Lines record may be this many times ``max_bytes`` (JSON escapes take up to six bytes a
#: character) plus this much before it is skipped unread.
_LINE_FACTOR, _LINE_SLACK = 6, 64 * 1024
_SURROGATE = recache.compile("[\ud800-\udfff]")


def _clean(value: str) -> tuple[str, int | None]:
    """``value`` with each lone surrogate (a JSON ``"\\ud800"`` escape) read as U+FFFD, which keeps
    every offset; and the offset of the first one, or None."""
    m = _SURROGATE.search(value)
    if m is None:
        return value, None
    return _SURROGATE.sub("\ufffd", value), m.start()


def _position(data: bytes, index: int) -> tuple[int, int]:
    """The 1-based line and code-point column of byte ``index`` of UTF-8 ``data``."""
    before = data[:index]
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    line = before.count(b"\n") + len(re.findall(rb"\r(?!\n)", before)) + 1
    return line, len(before[line_start:].decode("utf-8", "replace")) + 1


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """The lines of ``fh`` with their numbers; a line longer than ``limit`` bytes is skipped
    unread and given as None."""
    line_no = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        line_no += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = fh.readline(1 << 20)
            yield line_no, None
            continue
        yield line_no, line


def read_jsonl(path: Path, display: str, errors: list[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield the records of a JSON Lines archive; bad records become located error messages.

    Lines are read and decoded one at a time: a line that is not UTF-8, not JSON, nested too
    deeply or longer than the ``max_bytes`` bound allows is named and skipped, and the records
    after it are still read. A lone surrogate escape in a record's text is read as U+FFFD (and
    reported). A text longer than ``max_bytes`` is cut there.
    """
    limit = (max_bytes or DEFAULT_MAX_BYTES) * _LINE_FACTOR + _LINE_SLACK
    try:
        with open_archive(path) as fh:
            for line_no, raw in _lines(fh, limit):
                if raw is None:
                    errors.append(f"{display}:{line_no}: record longer than {limit:,} bytes; skipped "
                                  "(--max-bytes sets the bound)")
                    continue
                if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    col = _position(raw, exc.start)[1]
                    errors.append(f"{display}:{line_no}:{col}: not valid UTF-8 ({exc.reason}); record skipped")
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(f"{display}:{line_no}: malformed JSON: {exc.msg} (column {exc.colno})")
                    continue
                except RecursionError:
                    errors.append(f"{display}:{line_no}: malformed record: JSON nested too deeply; record skipped")
                    continue
                item = _record(record, line_no, display, errors, max_bytes)
                if item is not None:
                    yield item
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        errors.append(f"{display}:1: cannot read archive: {exc}")


def record_id(record: dict[str, Any], line_no: int) -> str | int | float:
    """The id a record's findings carry (``FILE.jsonl#ID``): its ``id``, else its line number."""
    raw_id = record.get("id", line_no)
    rid = raw_id if isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool) else line_no
    return _clean(rid)[0][:200] if isinstance(rid, str) else rid


def _record(record: Any, line_no: int, display: str, errors: list[str], max_bytes: int | None) -> Item | None:
    """The item of one decoded archive record, or None (with an error) when it has none."""
    if not isinstance(record, dict):
        errors.append(f"{display}:{line_no}: a record must be a JSON object")
        return None
    rid = record_id(record, line_no)
    text = record.get("text")
    if not isinstance(text, str):
        errors.append(f"{display}:{line_no}: record {rid!r} has no 'text' string")
        return None
    text, bad = _clean(text)
    if bad is not None:
        errors.append(f"{display}:{line_no}: record {rid!r}: its text holds a lone surrogate escape at "
                      f"character {bad + 1:,} (not Unicode text); read as U+FFFD")
    raw_date = record.get("date")
    date = parse_date(raw_date)
    if raw_date not in (None, "") and date is None:
        shown = repr(raw_date) if isinstance(raw_date, (str, int, float)) else f"of type {type(raw_date).__name__}"
        errors.append(f"{display}:{line_no}: record {rid!r} has an unreadable date {_clean(shown)[0][:80]}")
        return None
    title = record.get("title") if isinstance(record.get("title"), str) else None
    title = _clean(title)[0] if title is not None else None
    dek = next((v for v in map(record.get, STANDFIRST_FIELDS) if isinstance(v, str) and v.strip()), None)
    dek = _clean(dek)[0] if dek is not None else None
    text, cut = truncate(text, max_bytes)
    return Item(f"{display}#{rid}", text, "text", date, title, dek, cut, record=(display, line_no, rid))


def folder_files(folder: Path, exclude: Sequence[Glob] | None = None, archives: bool = False) -> list[Path]:
    """The articles in ``folder`` and below, sorted: files with a suffix of ``FILE_KINDS`` (and
    archives, with ``archives``), none hidden (a name starting with ``.``) and none that
    ``exclude`` matches (default: the configuration's default ``exclude:``), nor any inside a
    folder it matches."""
    globs = list(Config().exclusions() if exclude is None else exclude)
    found = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not excluded(os.path.join(top, d), globs)]
        for name in files:
            lower = name.lower()
            if name.startswith(".") or not (Path(lower).suffix in FILE_KINDS
                                            or (archives and lower.endswith(ARCHIVE_SUFFIXES))):
                continue
            path = Path(top, name)
            if path.is_file() and not excluded(path, globs):
                found.append(path)
    return sorted(found)


def collect(paths: Sequence[str], stdin_text: str | None = None,
            max_bytes: int | None = DEFAULT_MAX_BYTES, exclude: Sequence[Glob] | None = None) -> Inputs:
    """Expand the command line's paths into articles (in the order given; folders sorted),
    to be read when ``Inputs`` is iterated; standard input is read now.

    ``stdin_text`` stands for standard input (tests); ``max_bytes`` bounds each document.
    ``exclude`` (default: the configuration's default ``exclude:``) applies to what a folder
    holds: a path given by name is read all the same."""
    inputs = Inputs()
    for raw in paths:
        if raw == "-":
            _add_stdin(inputs, stdin_text, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            inputs.sources.extend(_source(f, str(f), max_bytes) for f in folder_files(path, exclude))
        elif path.is_file():
            inputs.sources.append(_source(path, raw, max_bytes))
        elif path.exists():
            inputs.sources.append(f"{raw}:1:1: not a regular file (a device, FIFO or socket); skipped")
        else:
            inputs.sources.append(f"{raw}:1:1: no such file or folder")
    return inputs


def _source(path: Path, display: str, max_bytes: int | None) -> _File | _Archive:
    if path.name.lower().endswith(ARCHIVE_SUFFIXES):
        return _Archive(path, display, max_bytes)
    return _File(path, display, max_bytes)


def _add_stdin(inputs: Inputs, stdin_text: str | None, max_bytes: int | None) -> None:
    if stdin_text is not None:
        text, cut = truncate(stdin_text, max_bytes)
        inputs.sources.append(Item("<stdin>", text, truncation=cut))
        return
    try:
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None:
            raise OSError(0, "standard input is closed")
        data = stream.read(max_bytes + 1) if max_bytes is not None else stream.read()
    except (OSError, ValueError, AttributeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        inputs.sources.append(f"<stdin>:1:1: cannot read standard input: {reason}")
        return
    item = _decode(data, "<stdin>", None if max_bytes is None or len(data) <= max_bytes else (max_bytes, None))
    inputs.sources.append(item)


def _read_file(path: Path, display: str, errors: list[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The item of one file (none, with an error, when it cannot be read or is not UTF-8)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                errors.append(f"{display}:1:1: not a regular file (a device, FIFO or socket); skipped")
                return
            with os.fdopen(os.dup(fd), "rb") as fh:
                data = fh.read(max_bytes + 1) if max_bytes is not None else fh.read()
        finally:
            os.close(fd)
    except OSError as exc:
        errors.append(f"{display}:1:1: cannot read: {exc.strerror or exc}")
        return
    cut = None if max_bytes is None or len(data) <= max_bytes else (max_bytes, max(info.st_size, len(data)))
    item = _decode(data, display, cut)
    if isinstance(item, str):
        errors.append(item)
    else:
        yield item


def _decode(data: bytes, display: str, cut: tuple[int, int | None] | None) -> Item | str:
    """The item of a file's (or standard input's) bytes, or the error saying they are not
    UTF-8; ``cut`` is ``(max_bytes, total)`` when there was more than ``max_bytes``."""
    truncation = None
    digest = None
    if cut is not None:
        data = cut_bytes(data, cut[0])
        truncation = Truncation(len(data), cut[1])
    else:
        digest = file_digest(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        line, col = _position(data[bom:], exc.start)  # utf-8-sig counts from after the BOM
        return f"{display}:{line}:{col}: not UTF-8 text ({exc.reason}); not linted"
    return Item(display, text, truncation=truncation, digest=digest)


def make_document(item: Item, date: datetime.date | None = None,
                  default_date: datetime.date | None = None) -> Document:
    """The document of ``item``; ``date`` (the run's ``--date``) overrides the item's own;
    ``default_date`` (the configuration's ``default-date``) stands in when it has none."""
    return load_document(item.text, path=item.path, kind=item.kind, date=date or item.date, title=item.title,
                         standfirst=item.standfirst, truncation=item.truncation, default_date=default_date)


@dataclass
class Outcome:
    """What linting a list of items gave: findings, warnings about the run, input errors and
    internal errors (``ToolError``, one per document and failure)."""

    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tool_errors: list[ToolError] = field(default_factory=list)
    #: every article's path, in input order (clean ones too: JUnit's test cases); empty when
    #: ``keep_paths`` is False (a streamed or spooled report that does not name clean articles)
    paths: list[str] = field(default_factory=list)
    #: how many articles were counted in
    articles: int = 0
    keep_paths: bool = True
    #: a file's digest as it was read and linted (what ``--fix`` checks before writing)
    digests: dict[str, str | None] = field(default_factory=dict)
    #: where each document's findings go instead of ``findings`` (a streamed report), with the
    #: ``per-path:`` overrides applied; ``severities`` then counts them for the exit status
    sink: Callable[[list[Finding]], None] | None = None
    per_path: Sequence[Any] = ()
    severities: collections.Counter[Severity] = field(default_factory=collections.Counter)
    #: told each article's path as it is counted in, before its findings go to ``sink``
    on_path: Callable[[str], None] | None = None

    def seen(self, item: Item) -> None:
        """Count ``item`` in (its path, and its digest when it is a file)."""
        self.articles += 1
        if self.keep_paths:
            self.paths.append(item.path)
        if self.on_path is not None:
            self.on_path(item.path)
        if item.record is None:
            self.digests[item.path] = item.digest

    def add(self, result: Result | None, error: str | ToolError | None) -> None:
        if result is not None:
            if self.sink is None:
                self.findings.extend(result.findings)
            else:
                found = apply_per_path(result.findings, self.per_path)
                self.severities.update(f.severity for f in found)
                self.sink(found)
            self.warnings.extend(result.warnings)
            self.tool_errors.extend(result.errors)
        if isinstance(error, ToolError):
            self.tool_errors.append(error)
        elif error:
            self.errors.append(error)


def lint_item(engine: Engine, item: Item, date: datetime.date | None,
              default_date: datetime.date | None = None) -> tuple[Result | None, str | ToolError | None]:
    """Lint one item inside its error boundary: ``(result, None)``, ``(None, input error)`` for an
    article factlint cannot read (broken front matter), or ``(None, ToolError)`` when factlint
    itself failed on it."""
    try:
        doc = make_document(item, date, default_date)
    except DocumentError as exc:
        return None, f"{item.path}:{exc.line}:{exc.column}: {exc.message}"
    except Exception as exc:  # noqa: BLE001 - the per-document error boundary
        return None, tool_error(item.path, exc)
    try:
        result = lint_document(doc, engine)
    except Exception as exc:  # noqa: BLE001 - the per-document error boundary
        return None, tool_error(item.path, exc)
    if item.record is not None:
        result.findings = [with_record(f, *item.record) for f in result.findings]
    return result, None


def with_record(finding: Finding, archive: str, line: int, rid: str | int | float) -> Finding:
    """``finding`` of an archive record, with where the record is in its archive (``extra``'s
    ``archive``: the archive file, the archive's line that holds the record, the record id):
    what SARIF and GitHub annotations point at, since a line inside the record's ``text`` is
    not a line of the archive file."""
    return dataclasses.replace(finding, extra={**finding.extra, "archive": {"path": archive, "line": line, "id": rid}})


def jobs_for(requested: int | None) -> tuple[int, str | None]:
    """The worker processes to use for ``requested`` (0: one per core), bounded by the cores;
    and a note when the request was cut down."""
    cores = os.cpu_count() or 1
    if requested is None:
        return 1, None
    if requested == 0:
        return cores, None
    if requested > cores:
        return cores, f"{requested} jobs asked for, but this machine has {cores} core{'s' if cores != 1 else ''}: using {cores}"
    return max(1, requested), None


_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, bundled: bool) -> None:
    _WORKER["engine"] = build_engine(config, bundled=bundled)
    _WORKER["date"] = config.date
    _WORKER["default_date"] = config.default_date


def _work(batch: list[Item]) -> list[tuple[Result | None, str | ToolError | None]]:
    engine: Engine = _WORKER["engine"]
    return [lint_item(engine, item, _WORKER["date"], _WORKER["default_date"]) for item in batch]


def lint_items(items: Iterable[Item], config: Config, engine: Engine, jobs: int = 1,
               progress: Any = None, bundled: bool = True,
               sink: Callable[[list[Finding]], None] | None = None,
               on_path: Callable[[str], None] | None = None, keep_paths: bool = True) -> Outcome:
    """Lint every item with ``engine``, reading ``items`` as it goes; with ``jobs > 1`` (0 = one
    per core; never more than the cores) batches go to worker processes, each building the same
    engine from ``config`` (and ``bundled``), a bounded number of batches at a time, so memory
    does not grow with the number of items. When a worker process dies, the batches it had not
    returned (and the rest) are linted in this process, one document at a time, so the others'
    findings are kept. The configuration's ``per-path:`` overrides are applied to the findings.
    With ``sink``, each document's findings go to it as they come, in input order, and are not
    kept (``Outcome.severities`` counts them); ``on_path`` is told each article's path before
    its findings go there; without ``keep_paths``, ``Outcome.paths`` stays empty (only counted:
    ``Outcome.articles``), so that nothing kept grows with the number of articles."""
    out = Outcome(sink=sink, per_path=config.per_path, on_path=on_path, keep_paths=keep_paths)
    _lint_items(out, iter(items), config, engine, jobs, progress, bundled)
    if sink is None:
        out.findings = apply_per_path(out.findings, config.per_path)
    return out


#: batches of documents sent to the worker processes, and how many of them are in flight per worker
_BATCH, _AHEAD = 64, 4


def _lint_here(out: Outcome, items: Iterable[Item], config: Config, engine: Engine, progress: Any) -> None:
    for item in items:
        out.seen(item)
        out.add(*lint_item(engine, item, config.date, config.default_date))
        if progress is not None:
            progress(1)


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _lint_items(out: Outcome, items: Iterator[Item], config: Config, engine: Engine, jobs: int,
                progress: Any, bundled: bool) -> Outcome:
    jobs = jobs_for(jobs)[0]
    head = list(itertools.islice(items, jobs * _AHEAD * _BATCH))  # enough to size the batches
    if jobs <= 1 or len(head) < 8:
        _lint_here(out, itertools.chain(head, items), config, engine, progress)
        return out
    size = max(1, min(_BATCH, len(head) // (jobs * _AHEAD) or 1))
    batches = _batches(itertools.chain(head, items), size)
    from concurrent.futures import (  # only here: a start without --jobs does not pay for it
        ProcessPoolExecutor,
    )
    from concurrent.futures.process import BrokenProcessPool

    flight: collections.deque[tuple[list[Item], Future[list[tuple[Result | None, str | ToolError | None]]]]]
    flight = collections.deque()
    retried = 0
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, bundled)) as pool:
        for batch in batches:
            if len(flight) >= jobs * _AHEAD:
                retried += _collect(out, *flight.popleft(), config, engine, progress)
            try:
                flight.append((batch, pool.submit(_work, batch)))
            except BrokenProcessPool:  # a worker died: what is in flight, then the rest, here
                while flight:
                    retried += _collect(out, *flight.popleft(), config, engine, progress)
                for rest in itertools.chain([batch], batches):
                    retried += len(rest)
                    _lint_here(out, rest, config, engine, progress)
        while flight:
            retried += _collect(out, *flight.popleft(), config, engine, progress)
    if retried:
        out.warnings.append(f"a worker process died; {retried:,} documents were linted again "
                            "in the main process")
    return out


def _collect(out: Outcome, batch: list[Item], future: Future[list[tuple[Result | None, str | ToolError | None]]],
             config: Config, engine: Engine, progress: Any) -> int:
    """Add the results of ``batch`` to ``out``; when its worker died, lint it here instead and
    return how many documents that was."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        results = future.result()
    except BrokenProcessPool:
        _lint_here(out, batch, config, engine, progress)
        return len(batch)
    for item, (result, error) in zip(batch, results, strict=True):
        out.seen(item)
        out.add(result, error)
    if progress is not None:
        progress(len(batch))
    return 0
