"""Parse DSL source into the frozen AST of ``linter.dsl.ast``, with human, located parse errors.

The grammar is ``grammar/factlint.lark`` (found through ``linter.resources.grammar_file``); the
LALR parser (``linter.dsl.lalr``, lark) is imported and built once per process, and only when
an expression is not in the parse cache:
the ASTs of expressions already parsed are kept on disk (``$XDG_CACHE_HOME/factlint``, keyed by
the package version and the grammar; ``FACTLINT_NO_CACHE=1`` turns it off), so a short run does
not pay for building the parser and parsing every bundled rule again.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from linter.cachedir import cache_root, read_cache, write_cache
from linter.dsl.ast import Node
from linter.resources import grammar_file


def parse(source: str) -> Node:
    """Parse one DSL expression. Raises ``DslError`` (located) on any syntax error."""
    cache = _cache()
    node = cache.get(source)
    if node is None:
        node = cache[source] = _parse(source)
        _CACHE_STATE["dirty"] = True
    return node


_CACHE_STATE: dict[str, Any] = {"table": None, "dirty": False}
_CACHE_LIMIT = 5000  # expressions kept; a larger table starts again empty


def _cache_file() -> Path | None:
    root = cache_root()
    if root is None:
        return None
    from linter import __version__

    grammar = grammar_file().read_bytes()
    here = Path(__file__).parent  # this module, the transformer's and the AST's: what a tree is made of
    code = b"\0".join((here / name).read_bytes() for name in ("parser.py", "lalr.py", "ast.py"))
    key = hashlib.sha256(__version__.encode() + b"\0" + grammar + b"\0" + code).hexdigest()
    return root / f"dsl-ast-{key[:20]}.pickle"


def _cache() -> dict[str, Node]:
    table = _CACHE_STATE["table"]
    if table is None:
        table = {}
        path = _cache_file()
        if path is not None:
            try:
                loaded = pickle.loads(read_cache(path))
                if isinstance(loaded, dict):
                    table = loaded
            except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
                table = {}
        _CACHE_STATE["table"] = table
    return table  # type: ignore[no-any-return]


def save_parse_cache() -> None:
    """Write the parse cache back when this process parsed something new (never fails a run)."""
    if not _CACHE_STATE["dirty"]:
        return
    _CACHE_STATE["dirty"] = False
    path = _cache_file()
    table = _CACHE_STATE["table"] or {}
    if path is None or len(table) > _CACHE_LIMIT:
        return
    write_cache(path, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))


def _parse(source: str) -> Node:
    from linter.dsl.lalr import parse_source

    return parse_source(source)
