"""The syntax tree of the rule DSL: frozen dataclasses carrying 1-based line/column, plus ``unparse``.

Positions are excluded from equality, so two parses of the same expression written with
different spacing compare equal. ``unparse`` prints a tree back as canonical source that parses
to an equal tree (fully parenthesised where precedence would otherwise matter).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Literal:
    """A constant: str, int, float, bool, None (``none``) or a date (after folding ``date("...")``)."""

    value: Any
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class ListExpr:
    items: tuple[Node, ...]
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Name:
    """A root name from the environment (``sentence``) or the special ``match``."""

    name: str
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Attr:
    """``obj.name``; the position is that of ``name``."""

    obj: Node
    name: str
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Neg:
    operand: Node
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Not:
    operand: Node
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class BoolOp:
    """``left and right`` / ``left or right``; the position is that of the operator."""

    op: str
    left: Node
    right: Node
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class BinOp:
    """``left + right`` / ``left - right``; the position is that of the operator."""

    op: str
    left: Node
    right: Node
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Compare:
    """``left OP right`` for == != < <= > >= in, not in, =~ !~; the position is that of OP."""

    op: str
    left: Node
    right: Node
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


Node = Literal | ListExpr | Name | Attr | Call | Neg | Not | BoolOp | BinOp | Compare

# Binding strength, loosest first (used by unparse).
_PREC_OR, _PREC_AND, _PREC_NOT, _PREC_CMP, _PREC_SUM, _PREC_NEG, _PREC_ATOM = range(7)

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote(text: str) -> str:
    """``text`` as a double-quoted DSL string literal."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in text) + '"'


def _literal_source(value: Any) -> str:
    if value is None:
        return "none"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, _dt.date):
        return f'date("{value.isoformat()}")'
    if isinstance(value, float):
        if value == float("inf"):
            return "1e999"
        text = repr(value)
        return text if text[0].isdigit() else f"({text})"
    if isinstance(value, int):
        return str(value) if value >= 0 else f"({value})"
    raise TypeError(f"not a DSL literal: {value!r}")


def _prec(node: Node) -> int:
    if isinstance(node, BoolOp):
        return _PREC_OR if node.op == "or" else _PREC_AND
    if isinstance(node, Not):
        return _PREC_NOT
    if isinstance(node, Compare):
        return _PREC_CMP
    if isinstance(node, BinOp):
        return _PREC_SUM
    if isinstance(node, Neg):
        return _PREC_NEG
    return _PREC_ATOM


def _wrap(node: Node, minimum: int) -> str:
    text = unparse(node)
    return text if _prec(node) >= minimum else f"({text})"


def unparse(node: Node) -> str:
    """Canonical source for ``node``; ``parse(unparse(n)) == n``."""
    if isinstance(node, Literal):
        return _literal_source(node.value)
    if isinstance(node, ListExpr):
        return "[" + ", ".join(unparse(item) for item in node.items) + "]"
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Attr):
        return f"{_wrap(node.obj, _PREC_ATOM)}.{node.name}"
    if isinstance(node, Call):
        return f"{node.name}(" + ", ".join(unparse(arg) for arg in node.args) + ")"
    if isinstance(node, Neg):
        return f"-{_wrap(node.operand, _PREC_NEG)}"
    if isinstance(node, Not):
        return f"not {_wrap(node.operand, _PREC_NOT)}"
    if isinstance(node, BoolOp):
        prec = _prec(node)
        # left-associative: the left side may be at the same level, the right must bind tighter
        return f"{_wrap(node.left, prec)} {node.op} {_wrap(node.right, prec + 1)}"
    if isinstance(node, BinOp):
        return f"{_wrap(node.left, _PREC_SUM)} {node.op} {_wrap(node.right, _PREC_NEG)}"
    if isinstance(node, Compare):
        return f"{_wrap(node.left, _PREC_SUM)} {node.op} {_wrap(node.right, _PREC_SUM)}"
    raise TypeError(f"not a DSL node: {node!r}")


def start_of(node: Node) -> Node:
    """The leftmost node of ``node``'s source text (where the whole expression starts)."""
    while isinstance(node, (BoolOp, BinOp, Compare, Attr)):
        node = node.left if not isinstance(node, Attr) else node.obj
    return node


def walk(node: Node) -> list[Node]:
    """``node`` and all its descendants, parents first."""
    out: list[Node] = [node]
    if isinstance(node, ListExpr):
        for item in node.items:
            out.extend(walk(item))
    elif isinstance(node, Attr):
        out.extend(walk(node.obj))
    elif isinstance(node, Call):
        for arg in node.args:
            out.extend(walk(arg))
    elif isinstance(node, (Neg, Not)):
        out.extend(walk(node.operand))
    elif isinstance(node, (BoolOp, BinOp, Compare)):
        out.extend(walk(node.left))
        out.extend(walk(node.right))
    return out


def substitute(node: Node, constants: dict[str, Any]) -> Node:
    """``node`` with every ``NAME.FIELD`` named in ``constants`` replaced by a literal of its value,
    at the same position (how a rule's ``tokens.NAME`` becomes the pattern it stands for)."""
    if isinstance(node, Attr) and isinstance(node.obj, Name):
        key = f"{node.obj.name}.{node.name}"
        if key in constants:
            return Literal(constants[key], node.obj.line, node.obj.column)
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, tuple):
            new = tuple(substitute(v, constants) if _is_node(v) else v for v in value)
            if new != value:
                changes[f.name] = new
        elif _is_node(value):
            new_node = substitute(value, constants)
            if new_node is not value:
                changes[f.name] = new_node
    return dataclasses.replace(node, **changes) if changes else node


def _is_node(value: Any) -> bool:
    return isinstance(value, (Literal, ListExpr, Name, Attr, Call, Neg, Not, BoolOp, BinOp, Compare))
