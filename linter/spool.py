"""Keep a run's findings on disk until its report is written, and give them back in the report's
order: memory bounded whatever the number of findings (issue 16).

A ``Spool`` takes each document's findings as they come (``runner.lint_items(sink=spool.add)``),
pickles each one at once (the document it came from is not kept alive) and holds at most
``run_size`` of them in memory with their sort keys; then it sorts them and writes them to a
temporary file as one sorted *run*. Iterating the spool merges the runs and the findings still
in memory (``heapq.merge``) by ``(key, arrival)``: the order of a stable sort of every finding by
``key``, which is what the gathered report gives (``sorted(findings, key=Finding.sort_key)``). A
spool can be iterated more than once. At most ``fan_in`` runs of one size are kept: more are
merged into one run (a run of the next size), so a merge never opens more than a few dozen files.

The temporary folder is made at the first run written (a small run touches no disk) and
removed by ``close`` (the spool is a context manager), on every exit path.

A ``PathTable`` keeps a run's article paths the same way: each distinct path once with its rank
in input order (JUnit's test cases, and the rank its findings sort by), in a private temporary
SQLite database whose page cache is bounded, so an audit of a million articles holds no more of
them in memory than one of a thousand.
"""

from __future__ import annotations

import heapq
import os
import pickle
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any, BinaryIO

from linter.finding import Finding

#: findings held in memory before a sorted run goes to disk
RUN_SIZE = 256
#: runs of one size merged into one when there are this many
FAN_IN = 16
#: findings pickled together in a run file (and held in memory per run while merging)
_BLOCK = 32

#: the page cache of a ``PathTable``'s database, in KiB
PATH_CACHE_KIB = 256

#: (sort key, arrival number, the pickled finding)
_Entry = tuple[Any, int, bytes]


class Spool(Collection[Finding]):
    """The findings added so far, iterated in ``key`` order (ties in the order they were added)."""

    def __init__(self, key: Callable[[Finding], Any] = Finding.sort_key, *, run_size: int | None = None,
                 fan_in: int | None = None, folder: str | None = None) -> None:
        self._key = key
        self._run_size = max(1, RUN_SIZE if run_size is None else run_size)
        self._fan_in = max(2, FAN_IN if fan_in is None else fan_in)
        self._folder = folder  # where the temporary folder goes (None: the system's)
        self._dir: str | None = None
        self._buffer: list[_Entry] = []
        self._runs: list[tuple[int, str]] = []  # (level, file): a level-n run merged fan_in**n runs
        self._count = 0
        self._files = 0

    def add(self, findings: Iterable[Finding]) -> None:
        """Take ``findings`` (one document's, say) in the order given."""
        for f in findings:
            self._buffer.append((self._key(f), self._count, pickle.dumps(f, pickle.HIGHEST_PROTOCOL)))
            self._count += 1
        if len(self._buffer) >= self._run_size:
            self._flush()

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(f == item for f in self)

    def __iter__(self) -> Iterator[Finding]:
        self._buffer.sort()
        sources = [_read(path) for _, path in self._runs]
        for _, _, data in heapq.merge(*sources, iter(list(self._buffer))):
            yield pickle.loads(data)

    @property
    def runs(self) -> int:
        """How many sorted runs are on disk now."""
        return len(self._runs)

    @property
    def folder(self) -> str | None:
        """The temporary folder, once a run was written (None before, and after ``close``)."""
        return self._dir

    def close(self) -> None:
        """Remove the temporary folder and forget every finding."""
        self._buffer = []
        self._runs = []
        if self._dir is not None:
            import shutil

            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _new_file(self) -> str:
        if self._dir is None:  # the first run written out (shutil and tempfile imported then)
            import tempfile

            self._dir = tempfile.mkdtemp(prefix="factlint-spool-", dir=self._folder)
        self._files += 1
        return os.path.join(self._dir, f"run{self._files}")

    def _flush(self) -> None:
        """The findings in memory, sorted, as a new run; then runs of one level merged while
        there are ``fan_in`` of them."""
        self._buffer.sort()
        path = self._new_file()
        _write(path, self._buffer)
        self._buffer = []
        self._runs.append((0, path))
        while len(self._runs) >= self._fan_in and len({lv for lv, _ in self._runs[-self._fan_in:]}) == 1:
            level = self._runs[-1][0]
            merged, self._runs = self._runs[-self._fan_in:], self._runs[:-self._fan_in]
            path = self._new_file()
            _write(path, heapq.merge(*(_read(p) for _, p in merged)))
            for _, old in merged:
                os.unlink(old)
            self._runs.append((level + 1, path))


def _write(path: str, entries: Iterable[_Entry]) -> None:
    with open(path, "wb") as fh:
        block: list[_Entry] = []
        for entry in entries:
            block.append(entry)
            if len(block) >= _BLOCK:
                pickle.dump(block, fh, pickle.HIGHEST_PROTOCOL)
                block = []
        if block:
            pickle.dump(block, fh, pickle.HIGHEST_PROTOCOL)


def _read(path: str) -> Iterator[_Entry]:
    with open(path, "rb") as fh:
        yield from _blocks(fh)


def _blocks(fh: BinaryIO) -> Iterator[_Entry]:
    while True:
        try:
            block = pickle.load(fh)
        except EOFError:
            return
        yield from block


class PathTable(Collection[str]):
    """Distinct paths in the order first added, each with its rank (0, 1, ...), kept in a private
    temporary SQLite database (``sqlite3.connect("")``: on disk beyond a page cache of
    ``cache_kib``, deleted when closed). ``rank`` of the path added last is answered from memory
    (a document's findings ask for their own path, just added)."""

    def __init__(self, cache_kib: int = PATH_CACHE_KIB) -> None:
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute(f"PRAGMA cache_size = -{max(16, int(cache_kib))}")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        # names as UTF-8 bytes with lone surrogates kept (a file name undecodable on POSIX)
        self._db.execute("CREATE TABLE path (rank INTEGER PRIMARY KEY, name BLOB NOT NULL UNIQUE)")
        self._count = 0
        self._last: tuple[str, int] | None = None

    def add(self, path: str) -> None:
        """Add ``path`` unless it is there (a path added again keeps its first rank)."""
        if self._last is not None and self._last[0] == path:
            return
        if self._db.execute("INSERT OR IGNORE INTO path (rank, name) VALUES (?, ?)", (self._count, _key(path))).rowcount:
            self._last = (path, self._count)
            self._count += 1
        else:
            self._last = (path, self._lookup(path) or 0)

    def rank(self, path: str) -> int | None:
        """The rank of ``path``, None when it was never added."""
        if self._last is not None and self._last[0] == path:
            return self._last[1]
        return self._lookup(path)

    def _lookup(self, path: str) -> int | None:
        row = self._db.execute("SELECT rank FROM path WHERE name = ?", (_key(path),)).fetchone()
        return None if row is None else int(row[0])

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and self.rank(item) is not None

    def __iter__(self) -> Iterator[str]:
        """The paths in rank order, read from the database as they are asked for."""
        cursor = self._db.execute("SELECT name FROM path ORDER BY rank")
        while rows := cursor.fetchmany(256):
            for (name,) in rows:
                yield name.decode("utf-8", "surrogatepass")

    def close(self) -> None:
        """Close the database (SQLite deletes its file)."""
        self._db.close()
        self._last = None

    def __enter__(self) -> PathTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _key(path: str) -> bytes:
    return path.encode("utf-8", "surrogatepass")
