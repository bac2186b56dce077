"""Lint archives on a Dask cluster: ``factlint check --dask ADDRESS`` spreads its inputs over Dask
workers and merges what they find into exactly what a one-process run gives.

This module's one job is that scale-out; reading inputs and linting stay in ``linter.runner`` and
``linter.api``, which it calls on the workers. The design is in ``docs/scale.md``:

- **Shards.** :func:`plan` turns the paths into a list of :class:`Shard` on the client: each
  ``.jsonl``/``.jsonl.gz`` archive is one shard, or several contiguous line ranges of it when
  there are fewer archives than workers; the article files of folders are grouped by count. A
  Dask bag holds one shard per partition.
- **One engine per worker.** A worker builds the engine (rules compiled, bundled knowledge base
  opened) the first time it runs a shard of a job and keeps it for that job's other shards.
  The bundled rules and knowledge base ship inside the installed package, so every worker that
  has the same factlint installed lints with the same rules and facts.
- **Output per partition.** Each shard's outcome is JSON Lines: one header line, then one line
  for each finding, warning and error. With an output folder, shard ``N`` is written (atomically)
  to ``part-NNNNN.jsonl`` beside a ``run.json`` manifest, and :func:`read_output` merges the
  parts; without one, the lines come back through Dask.
- **Idempotent re-runs.** A part's header carries a key: factlint's version, the job's settings,
  and the size and modification time of the shard's inputs, the rule files and the knowledge
  base. A re-run over the same folder skips each shard whose part holds the same key and lints
  the rest again, so a lost worker, a re-run after an interruption or after a KB update
  does only the work that is missing or stale.

The merged :class:`DaskRun` has the one-process run's findings (sorted by ``Finding.sort_key``,
as the command line reports them), its warnings, input errors and internal errors, in the same
order. Dask and distributed are optional: ``pip install 'factlint[dask]'``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from linter import __version__
from linter.api import build_engine
from linter.config import Config, Glob, apply_per_path
from linter.document import ARCHIVE_SUFFIXES
from linter.engine import Engine
from linter.finding import Edit, Finding, Fix, Severity
from linter.fixer import write_atomically
from linter.resources import rules_dir
from linter.runner import Item, Outcome, collect, folder_files, lint_item, open_archive, read_jsonl

__all__ = ["DaskRun", "DaskUnavailable", "Job", "Shard", "connect", "lint_paths", "lint_shard", "plan",
           "read_output"]

#: The manifest of an output folder: the run's shards, in order.
MANIFEST = "run.json"
#: Article files (Markdown, HTML, text) per shard when folders are given.
FILES_PER_SHARD = 256
#: An archive is split only into parts of at least this many lines (unless a split is asked for).
MIN_LINES_PER_PART = 1000


class DaskUnavailable(RuntimeError):
    """Dask or distributed is not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True)
class Shard:
    """One partition of a run: lines ``[start, stop)`` (0-based; ``stop`` None: to the end) of one
    archive, or a group of paths read as ``collect`` reads them (article files, or anything the
    client could not look at itself, which then gets the runner's own message)."""

    index: int
    kind: str  # "archive" or "paths"
    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}.jsonl"


@dataclass(frozen=True)
class Job:
    """What every shard of a run shares: the configuration (``--date``, rules, selection, KB
    files), whether the bundled rules load, the ``--max-bytes`` bound (None: the runner's
    default; 0: none) and the output folder (None: the parts come back through Dask)."""

    config: Config
    bundled: bool = True
    max_bytes: int | None = None
    out_dir: str | None = None

    @property
    def engine_key(self) -> str:
        return hashlib.sha256(repr((self.config, self.bundled)).encode()).hexdigest()


@dataclass
class DaskRun:
    """The merged outcome of a run: ``outcome.findings`` sorted as the command line reports them,
    ``articles`` linted, ``input_errors`` (unreadable files and records) and the shards it took;
    ``skipped`` counts shards whose part was already up to date in the output folder."""

    outcome: Outcome = field(default_factory=Outcome)
    articles: int = 0
    input_errors: list[str] = field(default_factory=list)
    shards: int = 0
    skipped: int = 0


# ---------------------------------------------------------------------------------------------
# the client: plan the shards, run the bag, merge the parts


def plan(paths: Sequence[str], *, workers: int = 1, split: int | None = None,
         files_per_shard: int = FILES_PER_SHARD, exclude: Sequence[Glob] | None = None) -> list[Shard]:
    """The shards of ``paths``, in the order a one-process run reads them. ``split`` cuts each
    archive into that many line ranges; by default an archive is cut only when there are fewer
    archives than ``2 * workers``, into parts of at least ``MIN_LINES_PER_PART`` lines each."""
    if "-" in paths:
        raise ValueError("standard input ('-') cannot be linted on a Dask cluster")
    entries: list[tuple[str, bool]] = []  # (path as the runner names it, an archive this client reads)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            entries.extend((str(f), _is_archive(f)) for f in _folder(path, exclude))
        else:
            entries.append((raw, _is_archive(path) and path.is_file()))
    n_archives = sum(archive for _, archive in entries)
    per_archive = split or max(1, math.ceil(2 * workers / max(1, n_archives)))
    shards: list[Shard] = []
    group: list[str] = []
    for i, (name, archive) in enumerate(entries):
        if not archive:
            group.append(name)
        if group and (archive or len(group) >= files_per_shard or i == len(entries) - 1):
            shards.append(Shard(len(shards), "paths", tuple(group)))
            group = []
        if archive:
            for start, stop in _ranges(Path(name), per_archive, minimum=1 if split else MIN_LINES_PER_PART):
                shards.append(Shard(len(shards), "archive", (name,), start, stop))
    return shards


def lint_paths(paths: Sequence[str], config: Config | None = None, *, client: Any = None,
               bundled: bool = True, max_bytes: int | None = None, out_dir: str | Path | None = None,
               split: int | None = None, files_per_shard: int = FILES_PER_SHARD) -> DaskRun:
    """Lint ``paths`` (archives, folders, files) on Dask and merge the result.

    ``client`` is a ``distributed.Client`` (see :func:`connect`); None uses Dask's default
    scheduler. ``out_dir`` keeps every shard's part there (and skips the parts already up to
    date); ``split`` and ``files_per_shard`` shape the shards (see :func:`plan`). The findings,
    warnings and errors are those of ``collect`` + ``lint_items`` in one process."""
    try:
        import dask.bag as db
    except ImportError as exc:
        raise DaskUnavailable(_INSTALL) from exc
    config = config or Config()
    workers = len(client.nthreads()) if client is not None else (os.cpu_count() or 1)
    shards = plan(paths, workers=workers, split=split, files_per_shard=files_per_shard, exclude=config.exclusions())
    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        out = out.resolve()
        write_atomically(out / MANIFEST, json.dumps(
            {"factlint": __version__, "paths": list(paths), "shards": [s.name for s in shards]}, indent=1) + "\n")
    job = Job(config, bundled, max_bytes, str(out) if out is not None else None)
    if not shards:
        return DaskRun()
    bag = db.from_sequence(shards, npartitions=len(shards)).map(lint_shard, job)
    parts = bag.compute(scheduler=client) if client is not None else bag.compute()
    run = _merge(parts) if out is None else read_output(out)
    if out is not None:
        run.skipped = sum(bool(json.loads(lines[0]).get("reused")) for lines in parts)
    run.outcome.findings = apply_per_path(run.outcome.findings, config.per_path)
    return run


def read_output(out_dir: str | Path) -> DaskRun:
    """Merge the parts of the run written to ``out_dir`` (its ``run.json`` names them, in order)."""
    out = Path(out_dir)
    names = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["shards"]
    parts = []
    for name in names:
        with open(out / name, encoding="utf-8") as fh:
            parts.append(fh.read().splitlines())
    return _merge(parts)


def _merge(parts: Sequence[Sequence[str]]) -> DaskRun:
    run = DaskRun(shards=len(parts))
    for lines in parts:
        for line in lines:
            record = json.loads(line)
            if "finding" in record:
                run.outcome.findings.append(finding_from_dict(record["finding"]))
            elif "warning" in record:
                run.outcome.warnings.append(record["warning"])
            elif "input_error" in record:
                run.input_errors.append(record["input_error"])
            elif "error" in record:
                run.outcome.errors.append(record["error"])
            elif "tool_error" in record:  # an internal error: reported in its own words (and trace)
                run.outcome.errors.append(record["tool_error"])
            elif "shard" in record:
                run.articles += record["articles"]
    run.outcome.findings.sort(key=Finding.sort_key)
    return run


@contextmanager
def connect(address: str, *, workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` for ``address``: a scheduler's address (``tcp://host:8786``), or
    ``local`` for a cluster on this machine with ``workers`` single-threaded worker processes
    (default: one per core). Raises ``DaskUnavailable`` when distributed is not installed or the
    scheduler does not answer."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailable(_INSTALL) from exc
    if address == "local":
        with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                          dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        yield client


_INSTALL = "Dask is not installed: pip install 'factlint[dask]' (dask[bag] and distributed)"


# ---------------------------------------------------------------------------------------------
# a worker: one shard


_ENGINES: dict[tuple[str, str], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _engine(job: Job) -> Engine:
    """This worker's engine for ``job``, built the first time one of its shards runs here."""
    try:
        from distributed import get_worker

        who = get_worker().id
    except (ImportError, ValueError):
        who = f"process-{os.getpid()}"
    key = (who, job.engine_key)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = build_engine(job.config, bundled=job.bundled)
    return engine


def lint_shard(shard: Shard, job: Job) -> list[str]:
    """Lint one shard on this worker. Returns its part's lines, or, with an output folder, writes
    them to ``part-NNNNN.jsonl`` and returns the header line alone (an up-to-date part is kept)."""
    key = _shard_key(shard, job)
    target = Path(job.out_dir) / shard.name if job.out_dir is not None else None
    if target is not None:
        header = _first_line(target)
        if header is not None and header.get("key") == key:
            return [json.dumps({**header, "reused": True})]
    out = Outcome()
    input_errors: list[str] = []
    articles = 0
    engine = _engine(job)
    for item in _items(shard, job, input_errors):
        articles += 1
        out.add(*lint_item(engine, item, job.config.date, job.config.default_date))
    lines = [json.dumps({"shard": shard.index, "key": key, "factlint": __version__, "articles": articles,
                         "paths": list(shard.paths), "lines": [shard.start, shard.stop]})]
    lines += [json.dumps({"input_error": e}) for e in input_errors]
    lines += [json.dumps({"finding": finding_to_dict(f)}) for f in out.findings]
    lines += [json.dumps({"warning": w}) for w in out.warnings]
    lines += [json.dumps({"error": e}) for e in out.errors]
    lines += [json.dumps({"tool_error": str(e), "trace": getattr(e, "trace", "")}) for e in out.tool_errors]
    if target is None:
        return lines
    write_atomically(target, "\n".join(lines) + "\n")
    return lines[:1]


def _items(shard: Shard, job: Job, errors: list[str]) -> Iterator[Item]:
    """The articles of ``shard``, read by the runner (``read_jsonl``, ``collect``)."""
    limits = _limits(job.max_bytes)
    if shard.kind == "paths":
        inputs = collect(list(shard.paths), **limits)
        errors.extend(inputs.errors)
        yield from inputs.items
        return
    path = shard.paths[0]
    if shard.start == 0 and shard.stop is None:
        yield from read_jsonl(Path(path), path, errors, **limits)
        return
    # A line range: the runner reads a copy whose other lines are blank, so line numbers, record
    # ids that default to them and error messages are those of the whole archive.
    fd, tmp = tempfile.mkstemp(prefix="factlint-shard-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "wb") as copy, open_archive(Path(path)) as fh:
            _copy_range(fh, copy, shard.start, shard.stop)
        yield from read_jsonl(Path(tmp), path, errors, **limits)
    finally:
        os.unlink(tmp)


def _copy_range(src: IO[bytes], dst: IO[bytes], start: int, stop: int | None) -> None:
    """Copy lines ``[start, stop)`` of ``src`` to ``dst``, each line before them as an empty line."""
    line_no = 0
    chunk = 1 << 20
    while stop is None or line_no < stop:
        part = src.readline(chunk)
        if not part:
            return
        keep = line_no >= start
        while True:  # a line longer than a chunk is copied (or passed over) chunk by chunk
            if keep:
                dst.write(part)
            if part.endswith(b"\n"):
                break
            part = src.readline(chunk)
            if not part:
                return
        if not keep:
            dst.write(b"\n")
        line_no += 1


def _limits(max_bytes: int | None) -> dict[str, Any]:
    """The runner's keyword for ``--max-bytes`` (None: leave its default; 0: no bound)."""
    return {} if max_bytes is None else {"max_bytes": max_bytes or None}


# ---------------------------------------------------------------------------------------------
# findings as JSON Lines


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """A finding as the contract's JSON object, its fix with the offsets it replaces."""
    data = f.to_dict()
    if f.fix is not None:
        data["fix"] = {"applicability": f.fix.applicability,
                       "edits": [[e.start, e.end, e.replacement, e.line, e.column, e.end_line, e.end_column]
                                 for e in f.fix.edits]}
    return data


_FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "excerpt", "fix")


def finding_from_dict(data: dict[str, Any]) -> Finding:
    """The finding :func:`finding_to_dict` wrote."""
    fix = data.get("fix")
    return Finding(data["path"], data["line"], data["column"], data["end_line"], data["end_column"],
                   data["rule"], Severity.parse(data["severity"]), data["message"], data["excerpt"],
                   extra={k: v for k, v in data.items() if k not in _FIELDS},
                   fix=Fix(tuple(Edit(*e) for e in fix["edits"]), fix["applicability"]) if fix else None)


# ---------------------------------------------------------------------------------------------
# helpers


def _is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def _folder(path: Path, exclude: Sequence[Glob] | None = None) -> list[Path]:
    """The articles and archives of a folder, as ``collect`` finds them (sorted, no hidden parts)."""
    return folder_files(path, exclude, archives=True)


def _ranges(path: Path, parts: int, minimum: int) -> list[tuple[int, int | None]]:
    """``parts`` contiguous line ranges of an archive of at least ``minimum`` lines each; the whole
    archive when it cannot be cut (or read: the runner then reports why)."""
    if parts <= 1:
        return [(0, None)]
    try:
        with open_archive(path) as fh:
            total = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except (OSError, EOFError):
        return [(0, None)]
    parts = min(parts, max(1, total // max(1, minimum)))
    if parts <= 1:
        return [(0, None)]
    bounds = [total * i // parts for i in range(parts + 1)]
    return [(bounds[i], bounds[i + 1] if i + 1 < parts else None) for i in range(parts)]


def _first_line(path: Path) -> dict[str, Any] | None:
    try:
        with open(path, encoding="utf-8") as fh:
            header = json.loads(fh.readline())
    except (OSError, ValueError):
        return None
    return header if isinstance(header, dict) else None


def _stat(path: Path) -> list[Any]:
    try:
        st = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), st.st_size, st.st_mtime_ns]


def _data_stats(job: Job) -> list[Any]:
    """Size and modification time of every file the engine reads: the bundled rules and knowledge
    base (when bundled) and the configuration's rule and KB files."""
    roots = ([rules_dir()] if job.bundled else []) + [Path(p) for p in (*job.config.rules, *job.config.kb)]
    stats: list[Any] = []
    for root in roots:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        stats.extend(_stat(p) for p in files)
    return stats


def _shard_key(shard: Shard, job: Job) -> str:
    """What a part's content depends on: factlint, the job, the shard and its inputs' files."""
    inputs = [[_stat(f) for f in _folder(Path(p))] if Path(p).is_dir() else _stat(Path(p)) for p in shard.paths]
    blob = repr((__version__, job.engine_key, job.max_bytes, shard, inputs, _data_stats(job)))
    return hashlib.sha256(blob.encode()).hexdigest()
