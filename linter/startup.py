"""What a ``factlint check`` process does while it starts, undone once its engine is built.

A one-article check is mostly start-up: imports, rules, the knowledge base. Two costs of that
start are Python's own, not factlint's work, and ``begin`` (called by ``linter.__main__`` for
``check`` only) removes them until ``end`` (called by ``linter.cli.check`` once the engine is
built):

- **The cyclic garbage collector** is paused. The start makes hundreds of thousands of objects
  that live as long as the process and frees few: every collection only walks them again. At
  the end they are frozen out of later collections (``gc.freeze``), so the lint's own
  collections do not walk them either, and collection resumes.
- **The methods ``dataclasses`` generates** (``__init__``, ``__eq__``, ``__repr__`` ... of about
  a hundred classes) are not compiled again. ``dataclasses`` writes each as Python source and
  runs it with ``exec``; while the check starts, that module's ``exec`` is given the code
  compiled from the same text before (``compile(text, "<string>", "exec")``, exactly what
  ``exec`` of the text compiles), kept in the cache folder (``linter.cachedir``) as marshal
  under the interpreter's version, as Python keeps bytecode. Any other use of ``exec``, and
  every process but a check's, is untouched.

A check called in-process (the tests, a program embedding factlint) never calls ``begin``, and
``end`` then does nothing.
"""

from __future__ import annotations

import builtins
import gc
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from linter.cachedir import cache_root, read_table, write_cache

__all__ = ["begin", "end"]

#: compiled methods a cache file holds at most (a fuller table takes no more)
LIMIT = 4096

_STATE: dict[str, Any] = {"active": False, "table": None, "new": 0, "path": None, "patched": False}


def begin() -> None:
    """Pause the collector and serve ``dataclasses`` its compiled methods from the cache."""
    if _STATE["active"]:
        return
    _STATE["active"] = True
    gc.disable()
    import dataclasses

    if "exec" in vars(dataclasses):  # another version defines its own: leave it alone
        return
    path = _STATE["path"] = _cache_file()
    _STATE["table"], _STATE["new"] = read_table(path), 0
    dataclasses.exec = _cached_exec  # type: ignore[attr-defined]
    _STATE["patched"] = True


def end() -> None:
    """Undo ``begin``: ``dataclasses`` compiles with ``exec`` again, the cache is written when
    it grew, what the start made is frozen and the collector resumes. Without ``begin``: nothing."""
    if not _STATE["active"]:
        return
    _STATE["active"] = False
    if _STATE["patched"]:
        import dataclasses

        del dataclasses.exec  # type: ignore[attr-defined]
        _STATE["patched"] = False
        table, path = _STATE["table"], _STATE["path"]
        if _STATE["new"] and path is not None and len(table) <= LIMIT:
            write_cache(path, marshal.dumps(table))
        _STATE["table"] = None
    gc.freeze()
    gc.enable()


def _cached_exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:  # noqa: A002
    """``exec(source, globals, locals)`` for ``dataclasses``, a source text compiled once."""
    if globals is None:  # exec's defaults are its caller's namespaces: the caller of this one
        frame = sys._getframe(1)
        globals = frame.f_globals
        if locals is None:
            locals = frame.f_locals
    if isinstance(source, str):
        table = _STATE["table"]
        code = table.get(source) if table is not None else None
        if not isinstance(code, CodeType):
            code = compile(source, "<string>", "exec")
            if table is not None:
                table[source] = code
                _STATE["new"] += 1
        source = code
    builtins.exec(source, globals, locals)


def _cache_file() -> Path | None:
    root = cache_root()
    if root is None:
        return None
    import hashlib

    tag = hashlib.sha256(f"{sys.version}\0{sys.implementation.cache_tag}\0dataclass-methods-1".encode()).hexdigest()
    return root / f"dataclass-{tag[:20]}.marshal"
