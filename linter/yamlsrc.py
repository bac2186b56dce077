"""Read YAML safely while keeping where every value came from (file, line, column).

Rule files, configuration files and the knowledge base all report their errors as
``path:line:col`` with the offending line shown; this module turns PyYAML's node marks into
plain Python values plus a ``Loc`` for each mapping key and value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


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
                key = self.constructor.construct_object(key_node, deep=True)
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
        value = self.constructor.construct_object(node, deep=True)
        style = getattr(node, "style", None)
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        return Node(value, loc, style=style, raw=raw)


def parse_yaml(text: str, path: str) -> Node | None:
    """Parse one YAML document into a located ``Node`` tree (``None`` for an empty file).

    Only safe constructs are built (``yaml.SafeLoader``). Syntax errors become ``SourceError``
    located where PyYAML found them.
    """
    builder = _Builder(path, text)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
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


def read_yaml(path: Path) -> tuple[Node | None, list[str]]:
    """Read and parse a YAML file; returns the tree and the file's lines (for error excerpts)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise SourceError(Loc(str(path), 1, 1), f"cannot read: {exc.strerror}") from None
    return parse_yaml(text, str(path)), text.splitlines()
