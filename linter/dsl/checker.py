"""Type-check a DSL syntax tree against an environment and a function registry, at load time.

``check`` returns the static type of every node (keyed by node identity) and the dotted
attribute paths the expression reads; every error is a located ``DslError`` that names what
would have been valid, with a did-you-mean hint.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from linter.dsl.ast import (
    Attr,
    BinOp,
    BoolOp,
    Call,
    Compare,
    ListExpr,
    Literal,
    Name,
    Neg,
    Node,
    Not,
    start_of,
)
from linter.dsl.errors import DslError
from linter.dsl.functions import FunctionRegistry, ParamType
from linter.dsl.types import (
    ANY,
    BOOL,
    DATE,
    NONE,
    NUMBER,
    STRING,
    TEXT,
    ListType,
    ObjectType,
    Type,
    is_assignable,
    is_stringlike,
    type_article,
    unify,
)

MATCH_NAME = "match"  # the text of the last =~ match; always in scope unless the environment overrides it

ORDERING_OPS = ("<", "<=", ">", ">=")
EQUALITY_OPS = ("==", "!=")
MEMBERSHIP_OPS = ("in", "not in")
MATCH_OPS = ("=~", "!~")


@dataclass
class Checked:
    """The result of type checking: node types by ``id(node)`` and the attribute paths read."""

    types: dict[int, Type] = field(default_factory=dict)
    paths: set[str] = field(default_factory=set)
    env_names: frozenset[str] = frozenset()

    def type_of(self, node: Node) -> Type:
        return self.types[id(node)]


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def literal_type(value: Any) -> Type:
    if value is None:
        return NONE
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, (int, float)):
        return NUMBER
    if isinstance(value, str):
        return STRING
    if isinstance(value, _dt.date):
        return DATE
    if isinstance(value, (list, tuple)):
        elem: Type = NONE
        for item in value:
            elem = unify(elem, literal_type(item)) or ANY
        return ListType(elem)
    return ANY


def path_of(node: Node) -> str | None:
    """``sentence.text`` for a chain of attribute reads from a root name, else None."""
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Attr):
        base = path_of(node.obj)
        return None if base is None else f"{base}.{node.name}"
    return None


def _accepts(param: ParamType, actual: Type) -> bool:
    options = param if isinstance(param, tuple) else (param,)
    return any(is_assignable(actual, option) for option in options)


class Checker:
    def __init__(self, source: str, env: Mapping[str, Type], registry: FunctionRegistry) -> None:
        self.source = source
        self.env = env
        self.registry = registry
        self.result = Checked()

    def error(self, node: Node, message: str, hint: str | None = None, width: int | None = None) -> DslError:
        end = node.column + width if width else None
        return DslError(message, node.line, node.column, self.source, hint, end)

    def check(self, node: Node, parent: Node | None = None) -> Type:
        t = self._check(node)
        self.result.types[id(node)] = t
        if isinstance(node, (Name, Attr)) and not isinstance(parent, Attr):
            path = path_of(node)
            if path is not None and (path.split(".")[0] in self.env):
                self.result.paths.add(path)
        return t

    def _check(self, node: Node) -> Type:
        if isinstance(node, Literal):
            return literal_type(node.value)
        if isinstance(node, ListExpr):
            return self._list(node)
        if isinstance(node, Name):
            return self._name(node)
        if isinstance(node, Attr):
            return self._attr(node)
        if isinstance(node, Call):
            return self._call(node)
        if isinstance(node, Neg):
            t = self.check(node.operand, node)
            if t not in (NUMBER, ANY, NONE):
                raise self.error(node, f"cannot negate {type_article(t)}; '-' needs a number", width=1)
            return NUMBER
        if isinstance(node, Not):
            self.check(node.operand, node)
            return BOOL
        if isinstance(node, BoolOp):
            self.check(node.left, node)
            self.check(node.right, node)
            return BOOL
        if isinstance(node, BinOp):
            return self._binop(node)
        if isinstance(node, Compare):
            return self._compare(node)
        raise TypeError(f"not a DSL node: {node!r}")  # pragma: no cover

    def _list(self, node: ListExpr) -> Type:
        elem: Type = NONE
        for item in node.items:
            t = self.check(item, node)
            joined = unify(elem, t)
            if joined is None:
                raise self.error(
                    start_of(item),
                    f"list elements must share one type: this one is {type_article(t)}, "
                    f"the ones before are {type_article(elem)}",
                )
            elem = joined
        return ListType(elem)

    def _name(self, node: Name) -> Type:
        if node.name in self.env:
            return self.env[node.name]
        if node.name == MATCH_NAME:
            return TEXT
        valid = sorted(self.env) + ([MATCH_NAME] if MATCH_NAME not in self.env else [])
        hint = did_you_mean(node.name, valid)
        if hint is None and node.name in self.registry:
            hint = f"'{node.name}' is a function: call it, {node.name}(...)"
        raise self.error(
            node,
            f"unknown name '{node.name}'; expected one of: {', '.join(valid)}",
            hint,
            width=len(node.name),
        )

    def _attr(self, node: Attr) -> Type:
        t = self.check(node.obj, node)
        if t == ANY:
            return ANY
        if isinstance(t, ObjectType):
            attribute = t.attributes.get(node.name)
            if attribute is None:
                names = sorted(t.attributes)
                listing = ", ".join(names) if names else "(it has no attributes)"
                raise self.error(
                    node,
                    f"unknown attribute '{node.name}' of {t.name}; expected one of: {listing}",
                    did_you_mean(node.name, names),
                    width=len(node.name),
                )
            return attribute.type
        raise self.error(
            node, f"cannot read attribute '{node.name}' of {type_article(t)}", width=len(node.name)
        )

    def _call(self, node: Call) -> Type:
        fn = self.registry.get(node.name)
        if fn is None:
            names = self.registry.names()
            hint = did_you_mean(node.name, names)
            raise self.error(
                node,
                f"unknown function '{node.name}'; expected one of: {', '.join(names)}",
                hint,
                width=len(node.name),
            )
        arg_types = [self.check(arg, node) for arg in node.args]
        if len(arg_types) != len(fn.params):
            n = len(fn.params)
            raise self.error(
                node,
                f"{fn.name}() takes {n} argument{'s' if n != 1 else ''} ({len(arg_types)} given)",
                f"signature: {fn.signature()}",
                width=len(node.name),
            )
        for index, (arg, actual, param) in enumerate(zip(node.args, arg_types, fn.params, strict=True), start=1):
            if not _accepts(param, actual):
                raise self.error(
                    start_of(arg),
                    f"argument {index} of {fn.name}() must be {_param_article(param)}, "
                    f"not {type_article(actual)}",
                    f"signature: {fn.signature()}",
                )
        return fn.returns

    def _binop(self, node: BinOp) -> Type:
        left = self.check(node.left, node)
        right = self.check(node.right, node)
        result = binop_type(node.op, left, right)
        if result is None:
            verb = "add" if node.op == "+" else "subtract"
            joiner = "and" if node.op == "+" else "from"
            a, b = (left, right) if node.op == "+" else (right, left)
            raise self.error(
                node,
                f"cannot {verb} {type_article(a)} {joiner} {type_article(b)}",
                "'+' and '-' work on numbers, and on a date and a number of days (date - date gives days)",
                width=1,
            )
        return result

    def _compare(self, node: Compare) -> Type:
        left = self.check(node.left, node)
        op = node.op
        width = len(op)
        if op in MATCH_OPS:
            if not (isinstance(node.right, Literal) and isinstance(node.right.value, str)):
                self.check(node.right, node)
                raise self.error(
                    start_of(node.right),
                    f"the pattern after '{op}' must be a string literal",
                    'write the regular expression in quotes, e.g. x =~ "utiliz(e|ing)"',
                )
            self.check(node.right, node)
            if not (is_stringlike(left) or left in (ANY, NONE)):
                raise self.error(
                    node, f"'{op}' needs a string on its left, not {type_article(left)}", width=width
                )
            return BOOL
        right = self.check(node.right, node)
        if op in EQUALITY_OPS:
            if unify(left, right) is None:
                raise self.error(
                    node,
                    f"cannot compare {type_article(left)} with {type_article(right)} using '{op}'",
                    width=width,
                )
            return BOOL
        if op in ORDERING_OPS:
            if not _orderable(left, right):
                raise self.error(
                    node,
                    f"'{op}' needs two numbers, two strings or two dates; "
                    f"found {type_article(left)} and {type_article(right)}",
                    width=width,
                )
            return BOOL
        # in / not in
        if isinstance(right, ListType):
            if unify(left, right.elem) is None:
                raise self.error(
                    node,
                    f"'{op}' looks for {type_article(left)} in {type_article(right)}",
                    "the item and the list elements must have the same type",
                    width=width,
                )
            return BOOL
        if is_stringlike(right):
            if not (is_stringlike(left) or left in (ANY, NONE)):
                raise self.error(
                    node,
                    f"'{op}' on a string looks for a substring, not {type_article(left)}",
                    width=width,
                )
            return BOOL
        if right in (ANY, NONE):
            return BOOL
        raise self.error(node, f"'{op}' needs a list or a string on its right, not {type_article(right)}", width=width)


def _param_article(param: ParamType) -> str:
    if isinstance(param, tuple):
        return " or ".join(type_article(t) for t in param)
    return type_article(param)


def _orderable(left: Type, right: Type) -> bool:
    loose = (ANY, NONE)
    if left in loose:
        return right in loose or right in (NUMBER, DATE) or is_stringlike(right)
    if right in loose:
        return left in (NUMBER, DATE) or is_stringlike(left)
    if is_stringlike(left) and is_stringlike(right):
        return True
    return left == right and left in (NUMBER, DATE)


def binop_type(op: str, left: Type, right: Type) -> Type | None:
    """The type of ``left op right`` for + and -, or None if the operation is not allowed."""
    if left == ANY or right == ANY:
        return ANY
    if left == NONE and right == NONE:
        return NUMBER
    if left == NONE:
        left = right if right != DATE or op == "+" else DATE
    if right == NONE:
        right = NUMBER if left == DATE else left
    if left == NUMBER and right == NUMBER:
        return NUMBER
    if left == DATE and right == NUMBER:
        return DATE
    if op == "+" and left == NUMBER and right == DATE:
        return DATE
    if op == "-" and left == DATE and right == DATE:
        return NUMBER
    return None


def check(node: Node, source: str, env: Mapping[str, Type], registry: FunctionRegistry) -> Checked:
    """Type-check ``node`` (parsed from ``source``); raises a located ``DslError``."""
    checker = Checker(source, env, registry)
    checker.result.env_names = frozenset(env)
    checker.check(node)
    return checker.result


__all__ = ["Checked", "Checker", "MATCH_NAME", "check", "did_you_mean", "literal_type", "path_of", "binop_type"]
