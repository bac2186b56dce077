"""Read YAML safely while keeping where every value came from (file, line, column).

Rule files, configuration files and the knowledge base all report their errors as
``path:line:col`` with the offending line shown; this module turns PyYAML's node marks into
plain Python values plus a ``Loc`` for each mapping key and value.

Every YAML factlint reads (rule files, configuration, front matter, knowledge-base files) is
bounded here: only safe constructs are built; aliases may add at most ``MAX_ALIAS_EXPANSION``
nodes beyond the ones the text holds (an "alias bomb" of a few hundred bytes would otherwise
expand to billions) and may not contain themselves; a file must be a regular file of at most
``MAX_YAML_BYTES``; a value the safe constructor cannot build (``2024-02-30``) is an error at its
own line and column. The offending line is shown only for files with a ``.yaml``/``.yml``
suffix, so a rule or configuration path that names some other file never echoes its contents.
"""

from __future__ import annotations

import datetime
import hashlib
import marshal
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.cachedir import cache_root, read_table, write_cache

if TYPE_CHECKING:
    import yaml
else:

    class _LazyYaml:
        """PyYAML, imported at the first use of one of its names (a run whose YAML all comes
        from the tree cache, an article without front matter, never imports it)."""

        def __getattr__(self, name: str) -> Any:
            from linter import recache

            module = recache.import_module("yaml")  # its patterns from the cache
            globals()["yaml"] = module
            return getattr(module, name)

    yaml = _LazyYaml()

#: Nodes that aliases may add to a YAML document beyond those its text holds.
MAX_ALIAS_EXPANSION = 100_000
#: The largest YAML file factlint reads (the bundled knowledge base's largest is under 2 MB).
MAX_YAML_BYTES = 32 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Loc:
    """A 1-based position in a source file."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class SourceError(Exception):
    """An error located in a file; ``str()`` gives ``path:line:col: message`` and the line with a caret."""

    def __init__(self, loc: Loc, message: str, source_line: str | None = None) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.source_line = source_line

    def __str__(self) -> str:
        text = f"{self.loc}: {self.message}"
        if self.source_line is not None:
            caret = " " * max(0, self.loc.column - 1) + "^"
            text += f"\n    {self.source_line.rstrip()}\n    {caret}"
        return text


class YamlLimitError(ValueError):
    """A YAML document that expands beyond ``MAX_ALIAS_EXPANSION`` nodes or contains itself.

    ``line`` and ``column`` (1-based, within the YAML text) locate the offending node.
    """

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _node_children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _data_children(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return []


def _expansion(root: Any, children: Callable[[Any], list[Any]], where: Callable[[Any], tuple[int, int]],
               limit: int) -> None:
    """Raise ``YamlLimitError`` when the tree ``root`` unfolds to more than ``limit`` nodes beyond
    the ones written out (every collection once, with its own scalars), or when a collection
    contains itself. Linear in the distinct collections (an iterative walk: deep nesting cannot
    exhaust the stack)."""
    size: dict[int, int] = {}  # collection -> nodes it unfolds to
    active: set[int] = set()
    written = 1  # nodes written out: each collection once, with its scalars
    stack: list[tuple[Any, list[Any], int]] = [(root, children(root), 0)]
    active.add(id(root))
    while stack:
        node, kids, i = stack[-1]
        if i < len(kids):
            stack[-1] = (node, kids, i + 1)
            kid = kids[i]
            key = id(kid)
            if key in active:
                line, column = where(kid)
                raise YamlLimitError("a YAML alias refers to a node that contains it (a recursive alias)",
                                     line, column)
            if key in size:
                continue
            grand = children(kid)
            if not grand:
                written += 1  # a scalar (or an empty collection), counted at each place it stands
                continue
            written += 1
            active.add(key)
            stack.append((kid, grand, 0))
            continue
        stack.pop()
        active.discard(id(node))
        total = 1 + sum(size.get(id(k), 1) for k in kids)
        size[id(node)] = total
        if total - written > limit:
            line, column = where(node)
            raise YamlLimitError(f"YAML aliases here expand to more than {limit:,} nodes "
                                 "(an alias bomb?); write the values out", line, column)


def check_nodes(root: yaml.Node | None, limit: int = MAX_ALIAS_EXPANSION) -> None:
    """Refuse a composed YAML document whose aliases explode or recurse (``YamlLimitError``)."""
    if root is not None:
        _expansion(root, _node_children, lambda n: (n.start_mark.line + 1, n.start_mark.column + 1), limit)


def check_data(data: Any, limit: int = MAX_ALIAS_EXPANSION) -> None:
    """``check_nodes`` for data a YAML loader built (shared objects stand for aliases)."""
    _expansion(data, _data_children, lambda _v: (1, 1), limit)


def compose(text: str) -> yaml.Node | None:
    """Compose one YAML document with the safe loader and refuse explosive aliases.

    Raises ``yaml.YAMLError`` for bad syntax, ``YamlLimitError`` for an alias bomb or a
    recursive alias, ``RecursionError`` never (reported as ``YamlLimitError``)."""
    root: yaml.Node | None = None
    fast_loader: Any = getattr(yaml, "CSafeLoader", None)
    fast = fast_loader is not None
    if fast:
        # libyaml composes the same nodes, marks included, about six times faster (the bundled
        # rules and KB at every start); it refuses nesting deeper than 1,000 levels itself
        try:
            root = yaml.compose(text, Loader=fast_loader)
        except yaml.YAMLError:
            fast = False  # the pure-Python parser words and places the error, as always
        else:
            _plain_style(root)
    if not fast:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except RecursionError:
            raise YamlLimitError("YAML nested too deeply", 1, 1) from None
    check_nodes(root)
    return root





def _plain_style(root: yaml.Node | None) -> None:
    """libyaml marks a plain scalar with style ``''``, the Python composer with None: use None."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias: the same node again
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def construct(root: yaml.Node) -> Any:
    """Build the plain value of a node that ``compose`` accepted, with the safe constructor.

    A value the constructor rejects (``2024-02-30``, an out-of-range number) raises
    ``YamlLimitError`` located at that scalar."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(root)
    except (ValueError, OverflowError, TypeError, yaml.constructor.ConstructorError) as exc:
        bad = first_bad_scalar(root)
        if bad is None:
            raise YamlLimitError(f"invalid YAML value: {exc}", 1, 1) from None
        node, reason = bad
        raise YamlLimitError(f"invalid value {node.value!r}: {reason}", node.start_mark.line + 1,
                             node.start_mark.column + 1) from None
    finally:
        loader.dispose()  # break the loader's reference cycles (no work for the cyclic collector)


def first_bad_scalar(root: yaml.Node) -> tuple[yaml.ScalarNode, str] | None:
    """The first scalar (in document order) the safe constructor rejects, with the reason."""
    constructor = yaml.SafeLoader("")
    try:
        return _first_bad(constructor, root)
    finally:
        constructor.dispose()


def _first_bad(constructor: yaml.SafeLoader, root: yaml.Node) -> tuple[yaml.ScalarNode, str] | None:
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node, deep=True)
            except (ValueError, OverflowError, TypeError, yaml.constructor.ConstructorError) as exc:
                reason = exc.problem if isinstance(exc, yaml.MarkedYAMLError) else str(exc)
                return node, str(reason)
            continue
        stack.extend(reversed(_node_children(node)))
    return None


def read_bounded(path: Path, limit: int = MAX_YAML_BYTES, encoding: str = "utf-8-sig") -> str:
    """The text of a regular file of at most ``limit`` bytes.

    Raises ``OSError`` (with a readable ``strerror``) for a device, FIFO or folder (``/dev/zero``
    would never end) and for a larger file, and ``UnicodeDecodeError`` for text that is not
    UTF-8."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise OSError(0, f"larger than {limit:,} bytes")
        data = b"".join(chunks)
    finally:
        os.close(fd)
    return data.decode(encoding)


def echoes(path: str | Path) -> bool:
    """Whether errors may quote lines of ``path``: only files named as YAML."""
    return str(path).lower().endswith(YAML_SUFFIXES)


class Node:
    """A YAML value with its location. ``value`` is a plain Python value for scalars, a list of
    ``Node`` for sequences and a dict of ``str -> Node`` for mappings (``keys`` keeps key locations)."""

    __slots__ = ("value", "loc", "keys", "style", "raw")

    def __init__(self, value: Any, loc: Loc, keys: dict[str, Loc] | None = None,
                 style: str | None = None, raw: str | None = None) -> None:
        self.value = value
        self.loc = loc
        self.keys = keys or {}
        self.style = style
        self.raw = raw

    def plain(self) -> Any:
        """The value with all locations stripped."""
        if isinstance(self.value, list):
            return [n.plain() for n in self.value]
        if isinstance(self.value, dict):
            return {k: n.plain() for k, n in self.value.items()}
        return self.value


class _Builder:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.constructor = yaml.SafeLoader("")

    def loc(self, mark: Any) -> Loc:
        return Loc(self.path, mark.line + 1, mark.column + 1)

    def line(self, loc: Loc) -> str | None:
        return self.lines[loc.line - 1] if 0 < loc.line <= len(self.lines) else None

    def build(self, node: yaml.Node) -> Node:
        loc = self.loc(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            values: dict[str, Node] = {}
            keys: dict[str, Loc] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise SourceError(self.loc(key_node.start_mark), "merge keys ('<<') are not supported",
                                      self.line(self.loc(key_node.start_mark)))
                key = self.construct(key_node)
                kloc = self.loc(key_node.start_mark)
                if not isinstance(key, (str, int, float, bool)):
                    raise SourceError(kloc, "mapping keys must be plain scalars", self.line(kloc))
                skey = str(key)
                if skey in values:
                    raise SourceError(kloc, f"duplicate key '{skey}'", self.line(kloc))
                values[skey] = self.build(value_node)
                keys[skey] = kloc
            return Node(values, loc, keys)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.build(n) for n in node.value], loc)
        value = self.construct(node)
        style = getattr(node, "style", None)
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        return Node(value, loc, style=style, raw=raw)

    def construct(self, node: yaml.Node) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, TypeError) as exc:  # 2024-02-30, 1e999999 as an int ...
            loc = self.loc(node.start_mark)
            raise SourceError(loc, f"invalid value {getattr(node, 'value', '')!r}: {exc}", self.line(loc)) from None


def parse_yaml(text: str, path: str, echo: bool = True) -> Node | None:
    """Parse one YAML document into a located ``Node`` tree (``None`` for an empty file).

    Only safe constructs are built (``yaml.SafeLoader``); aliases are bounded (``compose``).
    Syntax errors become ``SourceError`` located where PyYAML found them; ``echo=False`` keeps
    the file's lines out of the messages.
    """
    builder = _Builder(path, text if echo else "")
    try:
        root = compose(text)
    except YamlLimitError as exc:
        loc = Loc(path, exc.line, exc.column)
        raise SourceError(loc, exc.message, builder.line(loc)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = builder.loc(mark) if mark is not None else Loc(path, 1, 1)
        message = f"invalid YAML: {exc.problem or exc.context}"
        raise SourceError(loc, message, builder.line(loc)) from None
    except yaml.YAMLError as exc:
        raise SourceError(Loc(path, 1, 1), f"invalid YAML: {exc}") from None
    if root is None:
        return None
    try:
        return builder.build(root)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        loc = builder.loc(mark) if mark is not None else Loc(path, 1, 1)
        raise SourceError(loc, f"invalid YAML value: {exc.problem}", builder.line(loc)) from None
    finally:
        builder.constructor.dispose()


def read_yaml(path: Path) -> tuple[Node | None, list[str]]:
    """Read and parse a YAML file; returns the tree and the file's lines for error excerpts
    (none for a file not named ``.yaml``/``.yml``: its contents are never echoed).

    A file parsed before with the same text is not parsed again: its tree is rebuilt from the
    tree cache (``save_tree_cache``), fresh objects each time."""
    try:
        text = read_bounded(path)
    except UnicodeDecodeError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"cannot read: {exc.strerror or exc}") from None
    echo = echoes(path)
    lines = text.splitlines() if echo else []
    table = _tree_table()
    key = (str(path), echo, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest())
    if table is not None and key in table:  # (an empty file's tree is None)
        try:
            return _thaw(table[key], str(path)), lines
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):  # a damaged entry: parse anew
            pass
    root = parse_yaml(text, str(path), echo)
    if table is not None and len(table) < _TREE_LIMIT:
        try:
            table[key] = _freeze(root)
            _TREE_STATE["dirty"] = True
        except _Unfreezable:
            pass
    return root, lines


# -- the tree cache -----------------------------------------------------------------------------
#
# Parsing the bundled rule files is a fifth of building an engine. Their trees are kept on disk
# (``$XDG_CACHE_HOME/factlint/yaml-<key>.marshal``, the key from the package version and this
# module's code; ``FACTLINT_NO_CACHE=1`` turns it off) under the file's path and a hash of its
# text, as plain tuples (marshal: no code runs when the cache is read; dates as ISO text); a
# tree holding any other value marshal cannot keep is not cached. Only a parse that succeeded is kept, so every
# error is found and worded by the parser.

_TREE_LIMIT = 512  # files kept; a fuller table takes no more
_TREE_STATE: dict[str, Any] = {"table": None, "dirty": False, "path": None}
_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Unfreezable(Exception):
    """A value the tree cache cannot keep."""


def _freeze(node: Node | None) -> Any:
    if node is None:
        return None
    value = node.value
    body: Any
    if isinstance(value, list):
        kind, body = 1, [_freeze(n) for n in value]
    elif isinstance(value, dict):
        kind, body = 2, {k: _freeze(n) for k, n in value.items()}
    elif type(value) in _SCALARS:
        kind, body = 0, value
    elif type(value) is datetime.datetime:
        kind, body = 4, value.isoformat()
    elif type(value) is datetime.date:
        kind, body = 3, value.isoformat()
    else:
        raise _Unfreezable
    keys = {k: (loc.line, loc.column) for k, loc in node.keys.items()}
    return kind, body, node.loc.line, node.loc.column, keys, node.style, node.raw


def _thaw(frozen: Any, path: str) -> Node | None:
    if frozen is None:
        return None
    kind, body, line, column, keys, style, raw = frozen
    if kind == 1:
        value: Any = [_thaw(x, path) for x in body]
    elif kind == 2:
        value = {k: _thaw(x, path) for k, x in body.items()}
    elif kind == 3:
        value = datetime.date.fromisoformat(body)
    elif kind == 4:
        value = datetime.datetime.fromisoformat(body)
    else:
        value = body
    return Node(value, Loc(path, line, column), {k: Loc(path, a, b) for k, (a, b) in keys.items()}, style, raw)


def _tree_file() -> Path | None:
    root = cache_root()
    if root is None:
        return None
    from linter import __version__

    key = hashlib.sha256(__version__.encode() + b"\0" + Path(__file__).read_bytes()).hexdigest()
    return root / f"yaml-{key[:20]}.marshal"


def _tree_table() -> dict[Any, Any] | None:
    """The cached trees (None when the cache is off), read from disk at the first call."""
    if _TREE_STATE["table"] is None:
        path = _TREE_STATE["path"] = _tree_file()
        _TREE_STATE["table"] = read_table(path)
    return _TREE_STATE["table"] if _TREE_STATE["path"] is not None else None


def save_tree_cache() -> None:
    """Write the tree cache back when this process parsed a file it did not hold (never fails
    a run: an unwritable cache folder is left alone)."""
    if not _TREE_STATE["dirty"]:
        return
    _TREE_STATE["dirty"] = False
    path, table = _TREE_STATE["path"], _TREE_STATE["table"]
    if path is None or table is None:
        return
    write_cache(path, marshal.dumps(table))
