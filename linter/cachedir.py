"""Where factlint keeps what it caches between runs, and how a cache file is written.

The caches (``linter.dsl.parser``'s parsed expressions, ``linter.yamlsrc``'s rule-file trees,
``linter.recache``'s regular-expression opcodes, ``linter.kb.store``'s decoded indexes and the
gazetteers derived from them) live in
``$XDG_CACHE_HOME/factlint`` (``~/.cache/factlint`` by default); ``FACTLINT_NO_CACHE=1`` turns
them all off. Each is keyed so that a stale file is never read (by the code and data it was made
from), is written whole under a temporary name and renamed into place, so a reader never sees
half a file, and a cache that cannot be written is left alone: a cache can make a run faster,
never fail it. ``code_key`` is the key of the code a cache was made by: a hash of its modules'
source. A file read is marked as used (``read_cache``), and whenever a cache file is written the
files no run has used for thirty days are removed (``prune``): keys change (an upgrade, a
rebuilt KB, a removed checkout), and nothing else would ever delete what they leave.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["cache_root", "code_key", "read_cache", "read_table", "read_value", "write_cache"]

#: a cache file not read for this long is removed, the next time a cache file is written (a
#: factlint upgraded, a KB rebuilt or a checkout removed leaves files no key names any more)
KEEP_SECONDS = 30 * 24 * 3600
#: a file read is marked as used (its modification time set to now) at most this often
_MARK_EVERY = 24 * 3600


def cache_root() -> Path | None:
    """The cache folder, None when caching is off (``FACTLINT_NO_CACHE``)."""
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home to be found (no HOME, no password entry): no cache
            return None
    return Path(base) / "factlint"


def write_cache(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; an error (a read-only home, a full disk) is ignored.
    Then the files of the folder not used for ``KEEP_SECONDS`` are removed (``prune``)."""
    try:
        import tempfile  # only a run that writes a cache needs it

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
    prune(path.parent)


def read_cache(path: Path) -> bytes:
    """The bytes of the cache file ``path`` (``OSError`` when it cannot be read), the file marked
    as used: its modification time, which ``prune`` reads, is set to now when it is a day old."""
    with open(path, "rb") as fh:
        data = fh.read()
        try:
            if time.time() - os.fstat(fh.fileno()).st_mtime > _MARK_EVERY:
                os.utime(path)
        except OSError:
            pass  # a read-only cache: it is still read
    return data


def prune(folder: Path, now: float | None = None) -> int:
    """Remove the cache files of ``folder`` (and temporary files left by a writer that stopped)
    not used for ``KEEP_SECONDS``: the number removed. Errors are ignored (another process may
    prune at the same time)."""
    limit = (time.time() if now is None else now) - KEEP_SECONDS
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.endswith((".marshal", ".pickle")) and not entry.name.startswith("."):
            continue  # not a file factlint writes
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass
    return removed


def read_value(path: Path, default: Any = None) -> Any:
    """What is marshalled in the cache file ``path``, ``default`` when it cannot be read (no
    such file, a damaged one: a cache is never trusted to be whole). The cyclic collector is
    paused while marshal makes the objects (a hundred thousand for a gazetteer): they hold no
    cycles, and each collection it would start walks them again as they grow."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(read_cache(path))
    except (OSError, EOFError, ValueError, TypeError):
        return default
    finally:
        if enabled:
            gc.enable()


def read_table(path: Path | None) -> dict[Any, Any]:
    """The dict marshalled in ``path``: empty when there is no such file, or it is damaged."""
    loaded = {} if path is None else read_value(path)
    return loaded if isinstance(loaded, dict) else {}


@cache
def code_key(*modules: str) -> str | None:
    """A hash of the source files of the (imported) ``modules``: part of the key of a cache made
    by their code, so that a change to it is never answered from the cache. None when a source
    cannot be read (no cache then)."""
    digest = hashlib.sha256()
    for name in modules:
        try:
            digest.update(Path(sys.modules[name].__file__ or "").read_bytes())
        except (KeyError, OSError, TypeError):
            return None
        digest.update(b"\0")
    return digest.hexdigest()[:20]
