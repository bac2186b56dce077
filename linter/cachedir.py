"""Where factlint keeps what it caches between runs, and how a cache file is written.

The caches (``linter.dsl.parser``'s parsed expressions, ``linter.yamlsrc``'s rule-file trees,
``linter.recache``'s regular-expression opcodes, ``linter.kb.store``'s decoded indexes and the
gazetteers derived from them) live in
``$XDG_CACHE_HOME/factlint`` (``~/.cache/factlint`` by default); ``FACTLINT_NO_CACHE=1`` turns
them all off. Each is keyed so that a stale file is never read (by the code and data it was made
from), is written whole under a temporary name and renamed into place, so a reader never sees
half a file, and a cache that cannot be written is left alone: a cache can make a run faster,
never fail it. ``code_key`` is the key of the code a cache was made by: a hash of its modules'
source.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["cache_root", "code_key", "read_table", "write_cache"]


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
    """Write ``data`` to ``path`` atomically; an error (a read-only home, a full disk) is ignored."""
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
        pass


def read_table(path: Path | None) -> dict[Any, Any]:
    """The dict marshalled in ``path``: empty when there is no such file, or it is damaged (a
    cache is never trusted to be whole)."""
    if path is None:
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
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
