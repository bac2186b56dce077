"""The extractors' fixed regular expressions, compiled without parsing them again on every start.

factlint's modules compile about 300 fixed patterns when they are imported (long word lists
among them); parsing and compiling them is a third of the import time of a one-article run. The
regular-expression engine's own work has two steps: ``re``'s parser and code generator, written
in Python, turn a pattern into a list of opcodes, and ``_sre.compile`` turns that list into the
compiled pattern (C, microseconds). ``compile`` keeps the first step's result on disk
(``$XDG_CACHE_HOME/factlint/regex-<tag>.marshal``, ``FACTLINT_NO_CACHE=1`` turns it off) and
repeats only the second: the pattern object it returns is the one ``re.compile`` returns
(equal code, flags and groups; a new entry is kept only after that was checked).

The cache file is tied to the exact interpreter (``sys.version`` and ``_sre.MAGIC``, the
version of the engine's opcodes); ``_sre`` validates the opcodes it is given, and any
problem with the file or an entry (missing, corrupt, another Python) falls back to
``re.compile``, so the cache can make a start faster but never change a result or fail a run.
Patterns built at run time from the text or the knowledge base keep using ``re.compile``: only
module-level constants come here. Other packages' constants (PyYAML's, the standard library's)
are compiled by ``re.compile`` when their modules are imported: ``import_module`` records them
at a first import and puts them in ``re``'s own cache before the next. ``save`` writes the table back when this process compiled
a pattern the file did not hold (``api.build_engine`` calls it once the modules are loaded,
and it runs at exit after a new pattern).
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import marshal
import re
import sys
from array import array
from pathlib import Path
from types import ModuleType
from typing import Any

from linter.cachedir import cache_root, read_table, write_cache

try:  # the engine's internals: re._parser / re._compiler on 3.11+, sre_parse / sre_compile before
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import _sre
        import sre_compile as _compiler
        import sre_parse as _parser
    except ImportError:
        _sre = None  # type: ignore[assignment]

__all__ = ["compile", "import_module", "save"]

#: entries a cache file holds at most (a larger table is not written)
LIMIT = 4096
#: Whether ``re`` matches possessive quantifiers and atomic groups (new in Python 3.11) right:
#: before 3.11.5 some patterns matched wrongly (CPython gh-100061 and gh-106052; Debian 12 ships
#: 3.11.2, where ``[0-9]++(?:[.,:][0-9]++)*+`` takes "1989," whole). A module that writes a pattern
#: possessive for speed compiles its plain greedy form (the same matches) when this is False.
POSSESSIVE = sys.version_info >= (3, 11, 5)
#: patterns recorded for one import at most (an import that compiles patterns made differently in
#: each process, from a set's order say, would otherwise add to its record at every start)
IMPORT_LIMIT = 512

#: one entry: (flags of the compiled pattern, opcodes, groups, group index, index group); the
#: opcodes packed as bytes of machine words when a word is the engine's code unit (they read back
#: twice as fast as a list of ints)
_Entry = tuple[int, "bytes | list[int]", int, dict[str, int], tuple[str | None, ...]]
_PACKED = _sre is not None and array("I").itemsize == _sre.CODESIZE

#: the layout of the cache file; a new one starts a new file
_VERSION = 2

_STATE: dict[str, Any] = {"table": None, "new": 0, "path": None, "atexit": False}


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from the cached opcodes when the cache has them."""
    flags = int(flags)
    table = _table()
    entry = table.get((pattern, flags))
    if entry is not None:
        try:
            return _build(pattern, entry)
        except (RuntimeError, TypeError, ValueError, OverflowError):  # a damaged entry: compile anew
            del table[pattern, flags]
    compiled = re.compile(pattern, flags)
    if _STATE["path"] is not None:
        entry = _entry(pattern, flags)
        if entry is not None and _build(pattern, entry) == compiled:
            table[pattern, flags] = entry
            _noted()
    return compiled


def _noted() -> None:
    """The table grew: it is written at exit, if not before (patterns built after the engine,
    the KB's, are kept too)."""
    if not _STATE["atexit"]:
        atexit.register(save)
        _STATE["atexit"] = True
    _STATE["new"] += 1


def import_module(name: str) -> ModuleType:
    """``importlib.import_module(name)``, the patterns its import compiles through ``re`` (the
    constants of the modules it imports: PyYAML's, the standard library's) served from the cache.

    What an import compiled is recorded the first time (each pattern checked as ``compile``
    checks its own), and the next import of that module in a new process finds those patterns
    already in ``re``'s own cache of compiled patterns, put there from the kept opcodes. Where
    ``re`` has no such cache (another Python), this is a plain import."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    cache = getattr(re, "_cache", None)
    table: dict[Any, Any] = _table()  # the patterns, and under ("@import", name) what an import compiled
    if not isinstance(cache, dict) or _STATE["path"] is None:
        return importlib.import_module(name)
    recorded = table.get(("@import", name))
    keys = list(recorded) if isinstance(recorded, tuple) else []
    for key in keys:
        if not (isinstance(key, tuple) and len(key) == 2 and type(key[0]) is str and type(key[1]) is int):
            continue
        entry, where = table.get(key), (str, key[0], key[1])
        if entry is not None and where not in cache:
            try:
                cache[where] = _build(key[0], entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass
    before = set(cache)
    module = importlib.import_module(name)
    new = [key for key in cache if key not in before and key[0] is str and not key[2] & re.DEBUG]
    entries: dict[tuple[str, int], Any] = {}
    for _, pattern, flags in new:
        if (pattern, flags) not in table:
            made = _entry(pattern, flags)
            try:
                if made is None or _build(pattern, made) != cache[str, pattern, flags]:
                    continue
            except (RuntimeError, TypeError, ValueError, OverflowError, KeyError):
                continue  # not kept: the module was imported all the same
            entries[pattern, flags] = made
        keys.append((pattern, flags))
    record = tuple(dict.fromkeys(keys))
    if new and len(record) <= IMPORT_LIMIT:  # more: an import that builds other patterns each time
        table.update(entries)
        table["@import", name] = record
        _noted()
    return module


def save() -> None:
    """Write the table back when this process compiled a pattern it did not hold (never fails
    a run: an unwritable cache folder is left alone)."""
    if not _STATE["new"]:
        return
    _STATE["new"] = 0
    path = _STATE["path"]
    table = _STATE["table"] or {}
    if path is None or len(table) > LIMIT:
        return
    write_cache(path, marshal.dumps(table))


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    final, code, groups, groupindex, indexgroup = entry
    opcodes = array("I", code).tolist() if isinstance(code, bytes) else list(code)
    return _sre.compile(pattern, final, opcodes, groups, dict(groupindex), tuple(indexgroup))  # type: ignore[no-any-return]


def _entry(pattern: str, flags: int) -> _Entry | None:
    """What ``re.compile`` hands ``_sre.compile`` for ``pattern``, as plain marshallable values."""
    try:
        parsed = _parser.parse(pattern, flags)
        ops = [int(op) for op in _compiler._code(parsed, flags)]
        code: bytes | list[int] = array("I", ops).tobytes() if _PACKED else ops
        state = parsed.state
        groupindex = {str(k): int(v) for k, v in state.groupdict.items()}
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return int(flags | state.flags), code, int(state.groups - 1), groupindex, tuple(indexgroup)
    except Exception:  # noqa: BLE001 - internals of another shape: no entry, re.compile was used
        return None


def _table() -> dict[tuple[str, int], _Entry]:
    table = _STATE["table"]
    if table is None:
        _STATE["path"] = _cache_file()
        table = _STATE["table"] = read_table(_STATE["path"])
    return table  # type: ignore[no-any-return]


def _cache_file() -> Path | None:
    root = cache_root()
    if root is None or _sre is None:
        return None
    tag = hashlib.sha256(f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{_PACKED}\0{_VERSION}".encode())
    return root / f"regex-{tag.hexdigest()[:20]}.marshal"
