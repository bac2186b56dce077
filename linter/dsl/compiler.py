"""Compile a type-checked DSL tree into nested Python closures (``compile_expression``).

Getters, functions and regular expressions are resolved when the rule loads; constant
sub-expressions are folded; at run time a closure only reads ``ctx.values`` once per root name.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import marshal
import operator
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import regex

from linter.cachedir import cache_root, read_table, write_cache
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
    substitute,
)
from linter.dsl.checker import MATCH_NAME, Checked, binop_type, check, path_of
from linter.dsl.errors import DslError
from linter.dsl.functions import Function, FunctionRegistry
from linter.dsl.literals import Anchored, anchored_prefixes, innermost, required_literals
from linter.dsl.parser import parse
from linter.dsl.runtime import BudgetExhausted, EvalContext
from linter.dsl.types import BOOL, NUMBER, ObjectType, Text, Type, is_assignable, type_article
from linter.fold import ascii_fold
from linter.occurs import AUTOMATON_MIN, finder

Fn = Callable[[EvalContext], Any]

DEFAULT_REGEX_TIMEOUT = 0.05  # seconds per regex search when no budget is given (EvalContext.budget)


class _NoConst:
    def __repr__(self) -> str:
        return "<not constant>"


NOCONST: Any = _NoConst()


class CompiledExpr:
    """A compiled DSL expression: call it with an ``EvalContext``.

    ``source`` is the expression text, ``type`` its static type, ``paths`` the dotted attribute
    paths it reads (``{"sentence.text"}``), ``node`` its syntax tree. ``fn`` is the bare closure
    (``expr.fn(ctx)`` saves one call level in hot loops).
    """

    __slots__ = ("source", "node", "type", "paths", "fn", "constant")

    def __init__(self, source: str, node: Node, type: Type, paths: frozenset[str], fn: Fn, constant: Any) -> None:
        self.source = source
        self.node = node
        self.type = type
        self.paths = paths
        self.fn = fn
        self.constant = constant  # the value if the expression is constant, else NOCONST

    @property
    def is_constant(self) -> bool:
        return self.constant is not NOCONST

    def __call__(self, ctx: EvalContext) -> Any:
        return self.fn(ctx)

    def evaluate(self, **values: Any) -> Any:
        """Convenience for tests and the REPL: evaluate with a fresh context."""
        return self.fn(EvalContext(values))

    def __repr__(self) -> str:
        return f"CompiledExpr({self.source!r}, type={self.type.name})"


# --- smart case ---------------------------------------------------------------------------

_INLINE_FLAGS = regex.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]")
_SKIP_ESCAPE_BRACED = {"p", "P", "N", "g"}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}


def has_uppercase_literal(pattern: str) -> bool:
    r"""True if ``pattern`` contains an upper-case letter that is not part of an escape
    (``\W``, ``\S``, ``\p{Lu}``, ``\x4F``, ...) or of a group name (``(?P<Year>...)``)."""
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt in _SKIP_ESCAPE_BRACED and pattern[i + 2 : i + 3] in ("{", "<"):
                close = "}" if pattern[i + 2] == "{" else ">"
                j = pattern.find(close, i + 3)
                i = n if j < 0 else j + 1
            elif nxt in ("p", "P"):
                i += 3  # \pL
            elif nxt in _HEX_LENGTH:
                i += 2 + _HEX_LENGTH[nxt]
            else:
                i += 2
            continue
        if ch == "(" and pattern.startswith("(?", i):
            rest = pattern[i + 2 : i + 4]
            if rest[:1] in ("&", ">") or rest in ("P<", "P=", "P>") or (rest[:1] == "<" and rest[1:2] not in ("=", "!")):
                j = pattern.find(">", i) if not rest.startswith(("&", "P=")) else pattern.find(")", i)
                i = n if j < 0 else j + 1
                continue
            m = _INLINE_FLAGS.match(pattern, i)
            if m:
                i = m.end()
                continue
        if ch.isupper():
            return True
        i += 1
    return False


def has_inline_case_flag(pattern: str) -> bool:
    """True if ``pattern`` sets or clears the ``i`` flag itself (``(?i)``, ``(?-i)``, ``(?i:...)``)."""
    for m in _INLINE_FLAGS.finditer(pattern):
        if "i" in (m.group(1) or "") or "i" in (m.group(2) or ""):
            return True
    return False


def regex_flags(pattern: str) -> int:
    """Flags for the smart-case rule: ignore case unless the pattern has an upper-case letter;
    inline ``(?i)`` / ``(?-i)`` flags in the pattern take precedence."""
    flags = regex.V0
    if not has_inline_case_flag(pattern) and not has_uppercase_literal(pattern):
        flags |= regex.IGNORECASE
    return int(flags)


SIMPLE_PATTERN_MAX_LENGTH = 4096
#: A pattern longer than this (a word list of thousands of alternatives) always runs under the
#: budget: alternation alone costs time in proportion to pattern length times text length.
LONG_PATTERN = 1024
_BRACE_QUANTIFIER = regex.compile(r"\{[0-9]*,?[0-9]*\}")


def timeout_free_length(pattern: str) -> int:
    """Longest subject for which searching ``pattern`` can skip the timeout (it costs ~2 µs a call).

    A pattern without repetition (words, classes, alternations) runs in linear time: no limit.
    One repetition of a single item (``\\d+ years``) is at worst quadratic: safe up to
    ``SIMPLE_PATTERN_MAX_LENGTH`` characters. Anything else (a repeated group, two repetitions,
    back-references, recursion, a pattern over ``LONG_PATTERN`` characters) always runs under
    the timeout: -1.
    """
    if len(pattern) > LONG_PATTERN:
        return -1
    i, n = 0, len(pattern)
    unbounded = 0
    after_quantifier = False
    while i < n:
        ch = pattern[i]
        prev = pattern[i - 1] if i else ""
        if ch == "\\":
            nxt = pattern[i + 1 : i + 2]
            if (nxt.isdigit() and nxt != "0") or nxt in ("g", "k"):
                return -1  # back-reference
            i += 2
            after_quantifier = False
            continue
        if ch == "[":
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            after_quantifier = False
            continue
        if ch == "?" and prev == "(":
            if pattern[i + 1 : i + 3] in ("P=", "P>") or pattern[i + 1 : i + 2] in ("&", "R") or pattern[
                i + 1 : i + 2
            ].isdigit():
                return -1  # back-reference or recursion
            i += 1
            continue
        brace = _BRACE_QUANTIFIER.match(pattern, i) if ch == "{" else None
        if ch in "*+?" or brace:
            if after_quantifier:  # lazy or possessive modifier
                after_quantifier = False
                i += 1
                continue
            if prev == ")":
                return -1  # a repeated group
            if ch in "*+" or (brace is not None and brace.group().endswith(",}")):
                unbounded += 1
            after_quantifier = True
            i = brace.end() if brace else i + 1
            continue
        after_quantifier = False
        i += 1
    if unbounded == 0:
        return sys.maxsize
    return SIMPLE_PATTERN_MAX_LENGTH if unbounded == 1 else -1


def compile_regex(pattern: str) -> regex.Pattern[str]:
    """Compile a DSL pattern with smart case. Raises ``regex.error`` on a bad pattern."""
    return regex.compile(pattern, flags=regex_flags(pattern))


# A rule's pattern is compiled when the rule is loaded only to report a bad one, where it is
# written, and to learn its flags and groups; the ``regex`` module compiles in Python, a few
# tenths of a millisecond a pattern. A pattern that compiled before with this ``regex`` (and
# this compiler) is known good: its flags and groups are kept in the cache folder
# (``linter.cachedir``), and it is compiled at its first search, which a document may never
# reach (its literal gate fails first). What the search's gates read off the pattern (its
# required literals and anchored prefixes, ``linter.dsl.literals``, and how long a subject may
# be searched without a timeout) is kept beside them: working it out parses the pattern again,
# twice, with the standard library's parser.
_KNOWN: dict[str, Any] = {"table": None, "dirty": False, "path": None}
_KNOWN_LIMIT = 4096


class PatternFacts(NamedTuple):
    """What the compiler needs of a DSL pattern besides its compiled form."""

    flags: int
    groups: int
    #: ``timeout_free_length``
    safe_length: int
    #: ``required_literals``, or None
    required: tuple[tuple[str, ...], bool] | None
    #: ``anchored_prefixes``, or None
    anchored: Anchored | None


def pattern_facts(pattern: str) -> PatternFacts:
    """``PatternFacts`` of a pattern, from the table of patterns known good when it holds it.
    Raises ``regex.error`` on a bad pattern."""
    table = _known_table()
    facts = _stored_facts(table.get(pattern))
    if facts is None:
        compiled = compile_regex(pattern)
        flags = int(compiled.flags)
        ignorecase = bool(flags & regex.IGNORECASE)
        required = required_literals(pattern, ignorecase)
        facts = PatternFacts(flags, int(compiled.groups), timeout_free_length(pattern), required,
                             anchored_prefixes(pattern, ignorecase))
        if _KNOWN["path"] is not None and len(table) < _KNOWN_LIMIT:
            table[pattern] = (facts.flags, facts.groups, facts.safe_length, facts.required,
                              None if facts.anchored is None else tuple(facts.anchored))
            _KNOWN["dirty"] = True
    return facts


def _stored_facts(entry: Any) -> PatternFacts | None:
    """A table entry read back, None unless it has exactly the shape ``pattern_facts`` writes."""
    if not (isinstance(entry, tuple) and len(entry) == 5):
        return None
    flags, groups, safe_length, required, anchored = entry
    if not all(type(x) is int for x in (flags, groups, safe_length)):
        return None
    if required is not None and not (
            isinstance(required, tuple) and len(required) == 2 and isinstance(required[0], tuple)
            and all(type(x) is str for x in required[0]) and type(required[1]) is bool):
        return None
    if anchored is not None:
        if not (isinstance(anchored, tuple) and len(anchored) == 4 and isinstance(anchored[0], tuple)
                and all(type(x) is str for x in anchored[0]) and all(type(x) is bool for x in anchored[1:])):
            return None
        anchored = Anchored(*anchored)
    return PatternFacts(flags, groups, safe_length, required, anchored)


def save_pattern_cache() -> None:
    """Write the table of known-good patterns when it grew (never fails a run)."""
    if _KNOWN["dirty"] and _KNOWN["path"] is not None:
        _KNOWN["dirty"] = False
        write_cache(_KNOWN["path"], marshal.dumps(_KNOWN["table"]))


def _known_table() -> dict[str, Any]:
    if _KNOWN["table"] is None:
        table: dict[str, Any] = {}
        root = cache_root()
        if root is not None:
            from pathlib import Path

            from linter.dsl import literals

            code = Path(__file__).read_bytes() + b"\0" + Path(literals.__file__).read_bytes()
            key = hashlib.sha256(f"{regex.__version__}\0{sys.version}\0".encode() + code).hexdigest()
            path = _KNOWN["path"] = root / f"dsl-patterns-{key[:20]}.marshal"
            table = read_table(path)
        _KNOWN["table"] = table
    return _KNOWN["table"]  # type: ignore[no-any-return]


# --- the compiler -------------------------------------------------------------------------


def _const(value: Any) -> Fn:
    def const(ctx: EvalContext) -> Any:
        return value

    return const


def _truth(value: Any) -> bool:
    return bool(value)


def _add(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    try:
        if isinstance(a, _dt.date) and not isinstance(b, _dt.date):
            return a + _dt.timedelta(days=b)
        if isinstance(b, _dt.date) and not isinstance(a, _dt.date):
            return b + _dt.timedelta(days=a)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a + b
    except (OverflowError, TypeError, ValueError):
        return None
    return None


def _sub(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    try:
        if isinstance(a, _dt.date):
            if isinstance(b, _dt.date):
                return (_as_date(a) - _as_date(b)).days
            return a - _dt.timedelta(days=b)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a - b
    except (OverflowError, TypeError, ValueError):
        return None
    return None


def _as_date(d: _dt.date) -> _dt.date:
    return d.date() if isinstance(d, _dt.datetime) else d


#: the types of a constant whose ``==`` with any DSL value is a bool (``eq_plain``)
_PLAIN_CONSTANTS = frozenset({str, int, float, bool, type(None)})
_ORDER = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


class Compiler:
    def __init__(self, source: str, checked: Checked, registry: FunctionRegistry, timeout: float) -> None:
        self.source = source
        self.checked = checked
        self.registry = registry
        self.timeout = timeout

    def type_of(self, node: Node) -> Type:
        return self.checked.type_of(node)

    def compile(self, node: Node) -> tuple[Fn, Any]:
        """(closure, constant value or NOCONST)."""
        if isinstance(node, Literal):
            return _const(node.value), node.value
        if isinstance(node, ListExpr):
            return self._list(node)
        if isinstance(node, (Name, Attr)):
            if path_of(node) is not None:
                return self._path(node), NOCONST
            assert isinstance(node, Attr)
            return self._attr(node), NOCONST
        if isinstance(node, Call):
            return self._call(node)
        if isinstance(node, Neg):
            return self._neg(node)
        if isinstance(node, Not):
            return self._not(node)
        if isinstance(node, BoolOp):
            return self._boolop(node)
        if isinstance(node, BinOp):
            return self._binop(node)
        if isinstance(node, Compare):
            return self._compare(node)
        raise TypeError(f"not a DSL node: {node!r}")  # pragma: no cover

    # names and attributes

    def _is_match(self, node: Name) -> bool:
        return node.name not in self.checked.env_names

    def _match_name(self) -> Fn:
        def match_text(ctx: EvalContext) -> Any:
            text = ctx.match_text
            if text is None:
                return None
            span = ctx.match
            return Text(text, span[0]) if span is not None else text

        return match_text

    def _getter(self, obj: Node, name: str) -> Callable[[Any], Any]:
        t = self.type_of(obj)
        if isinstance(t, ObjectType):
            return t.attributes[name].getter

        def dynamic(value: Any) -> Any:
            if isinstance(value, dict):
                return value.get(name)
            return getattr(value, name, None)

        return dynamic

    def _one_step(self, node: Node) -> tuple[str, Callable[[Any], Any]] | None:
        """``(root, getter)`` for ``root.name`` read from a root value (``mention.form``), else
        None: the comparisons below fuse such a read into their own closure, one Python call
        instead of two for the commonest test of every rule."""
        if not (isinstance(node, Attr) and isinstance(node.obj, Name)):
            return None
        if node.obj.name == MATCH_NAME and self._is_match(node.obj):
            return None
        return node.obj.name, self._getter(node.obj, node.name)

    def _path(self, node: Node) -> Fn:
        getters: list[Callable[[Any], Any]] = []
        cur = node
        while isinstance(cur, Attr):
            getters.append(self._getter(cur.obj, cur.name))
            cur = cur.obj
        assert isinstance(cur, Name)
        root = cur.name
        if root == MATCH_NAME and self._is_match(cur):
            base = self._match_name()
            getters.reverse()
            return self._chain(base, getters)
        getters.reverse()
        if not getters:

            def root_value(ctx: EvalContext) -> Any:
                return ctx.values.get(root)

            return root_value
        if len(getters) == 1:
            (g1,) = getters

            def path1(ctx: EvalContext) -> Any:
                v = ctx.values.get(root)
                return None if v is None else g1(v)

            return path1
        if len(getters) == 2:
            g1, g2 = getters

            def path2(ctx: EvalContext) -> Any:
                v = ctx.values.get(root)
                if v is None:
                    return None
                v = g1(v)
                return None if v is None else g2(v)

            return path2

        def root_fn(ctx: EvalContext) -> Any:
            return ctx.values.get(root)

        return self._chain(root_fn, getters)

    @staticmethod
    def _chain(base: Fn, getters: list[Callable[[Any], Any]]) -> Fn:
        chain = tuple(getters)

        def path_n(ctx: EvalContext) -> Any:
            v = base(ctx)
            for g in chain:
                if v is None:
                    return None
                v = g(v)
            return v

        return path_n

    def _attr(self, node: Attr) -> Fn:
        obj, _ = self.compile(node.obj)
        g = self._getter(node.obj, node.name)

        def attr(ctx: EvalContext) -> Any:
            v = obj(ctx)
            return None if v is None else g(v)

        return attr

    # lists and calls

    def _list(self, node: ListExpr) -> tuple[Fn, Any]:
        parts = [self.compile(item) for item in node.items]
        if all(c is not NOCONST for _, c in parts):
            value = tuple(c for _, c in parts)
            return _const(value), value
        fns = tuple(f for f, _ in parts)

        def make_list(ctx: EvalContext) -> Any:
            return [f(ctx) for f in fns]

        return make_list, NOCONST

    def _call(self, node: Call) -> tuple[Fn, Any]:
        fn = self.registry[node.name]
        parts = [self.compile(arg) for arg in node.args]
        if fn.pure and all(c is not NOCONST for _, c in parts):
            consts = [c for _, c in parts]
            try:
                value = _apply(fn, consts)
            except Exception as exc:  # noqa: BLE001 - any failure of a constant call is the rule's error
                raise self._call_error(node, fn, consts, exc) from None
            return _const(value), value
        return _call_closure(fn, tuple(f for f, _ in parts), node.name), NOCONST

    def _call_error(self, node: Call, fn: Function, args: list[Any], exc: Exception) -> DslError:
        target: Node = node.args[0] if node.args else node
        if fn.name == "date" and args:
            return DslError(
                f"invalid date {args[0]!r}: {exc}", target.line, target.column, self.source,
                'write dates as date("YYYY-MM-DD")',
            )
        return DslError(f"{fn.name}() failed on these constant arguments: {exc}", node.line, node.column, self.source)

    # operators

    def _neg(self, node: Neg) -> tuple[Fn, Any]:
        f, c = self.compile(node.operand)
        if c is not NOCONST:
            value = None if c is None else -c
            return _const(value), value

        def neg(ctx: EvalContext) -> Any:
            v = f(ctx)
            return None if v is None or not isinstance(v, (int, float)) else -v

        return neg, NOCONST

    def _not(self, node: Not) -> tuple[Fn, Any]:
        f, c = self.compile(node.operand)
        if c is not NOCONST:
            value = not c
            return _const(value), value

        step = self._one_step(node.operand)
        if step is not None:
            root, g1 = step

            def not_path(ctx: EvalContext) -> bool:
                v = ctx.values.get(root)
                return v is None or not g1(v)

            return not_path, NOCONST

        def not_(ctx: EvalContext) -> bool:
            return not f(ctx)

        return not_, NOCONST

    def _boolop(self, node: BoolOp) -> tuple[Fn, Any]:
        operands = _flatten(node, node.op)
        if len(operands) > 2:
            parts = [self.compile(x) for x in operands]
            if all(c is NOCONST for _, c in parts):
                # one loop over ``a and b and c ...`` instead of a nested closure per operator
                fns = tuple(f for f, _ in parts)
                if node.op == "and":

                    def and_n(ctx: EvalContext) -> bool:
                        for f in fns:
                            if not f(ctx):
                                return False
                        return True

                    return and_n, NOCONST

                def or_n(ctx: EvalContext) -> bool:
                    for f in fns:
                        if f(ctx):
                            return True
                    return False

                return or_n, NOCONST
        lf, lc = self.compile(node.left)
        rf, rc = self.compile(node.right)
        is_and = node.op == "and"
        if lc is not NOCONST:
            if bool(lc) != is_and:  # false and ... / true or ...
                return _const(not is_and), not is_and
            if rc is not NOCONST:
                return _const(bool(rc)), bool(rc)

            def right_only(ctx: EvalContext) -> bool:
                return bool(rf(ctx))

            return right_only, NOCONST
        if is_and:

            def and_(ctx: EvalContext) -> bool:
                return bool(lf(ctx)) and bool(rf(ctx))

            return and_, NOCONST

        def or_(ctx: EvalContext) -> bool:
            return bool(lf(ctx)) or bool(rf(ctx))

        return or_, NOCONST

    def _binop(self, node: BinOp) -> tuple[Fn, Any]:
        lf, lc = self.compile(node.left)
        rf, rc = self.compile(node.right)
        impl = _add if node.op == "+" else _sub
        if lc is not NOCONST and rc is not NOCONST:
            value = impl(lc, rc)
            return _const(value), value
        lt, rt = self.type_of(node.left), self.type_of(node.right)
        if binop_type(node.op, lt, rt) == NUMBER and lt == NUMBER and rt == NUMBER:
            op = operator.add if node.op == "+" else operator.sub

            def numeric(ctx: EvalContext) -> Any:
                a = lf(ctx)
                if a is None:
                    return None
                b = rf(ctx)
                return None if b is None else op(a, b)

            return numeric, NOCONST

        def generic(ctx: EvalContext) -> Any:
            return impl(lf(ctx), rf(ctx))

        return generic, NOCONST

    def _compare(self, node: Compare) -> tuple[Fn, Any]:
        if node.op in ("=~", "!~"):
            return self._match(node), NOCONST
        lf, lc = self.compile(node.left)
        rf, rc = self.compile(node.right)
        op = node.op
        if op in ("==", "!="):
            eq = operator.eq if op == "==" else operator.ne
            if lc is not NOCONST and rc is not NOCONST:
                value = bool(eq(lc, rc))
                return _const(value), value
            if rc is not NOCONST:
                step = self._one_step(node.left)
                if step is not None:
                    root, g1 = step
                    # ``==`` and ``!=`` with a string, number, truth value or none on the right
                    # give a bool whatever DSL value is on the left (none, a string, a number, a
                    # date, a view): ``bool(operator.eq(...))`` without the two calls
                    if op == "==" and type(rc) in _PLAIN_CONSTANTS:

                        def eq_plain(ctx: EvalContext) -> bool:
                            v = ctx.values.get(root)
                            return (None if v is None else g1(v)) == rc  # type: ignore[no-any-return]

                        return eq_plain, NOCONST
                    if type(rc) in _PLAIN_CONSTANTS:

                        def ne_plain(ctx: EvalContext) -> bool:
                            v = ctx.values.get(root)
                            return (None if v is None else g1(v)) != rc  # type: ignore[no-any-return]

                        return ne_plain, NOCONST

                    def eq_path(ctx: EvalContext) -> bool:
                        v = ctx.values.get(root)
                        return bool(eq(None if v is None else g1(v), rc))

                    return eq_path, NOCONST

                def eq_const(ctx: EvalContext) -> bool:
                    return bool(eq(lf(ctx), rc))

                return eq_const, NOCONST

            def eq_(ctx: EvalContext) -> bool:
                return bool(eq(lf(ctx), rf(ctx)))

            return eq_, NOCONST
        if op in _ORDER:
            cmp = _ORDER[op]
            if lc is not NOCONST and rc is not NOCONST:
                value = _safe_order(cmp, lc, rc)
                return _const(value), value
            if rc is not NOCONST:
                if rc is None:
                    return _const(False), False

                def order_const(ctx: EvalContext) -> bool:
                    a = lf(ctx)
                    if a is None:
                        return False
                    try:
                        return bool(cmp(a, rc))
                    except TypeError:
                        return False

                return order_const, NOCONST

            def order(ctx: EvalContext) -> bool:
                return _safe_order(cmp, lf(ctx), rf(ctx))

            return order, NOCONST
        # in / not in
        negate = op == "not in"
        if lc is not NOCONST and rc is not NOCONST:
            value = _membership(lc, rc, negate)
            return _const(value), value
        if rc is not NOCONST and isinstance(rc, tuple):
            try:
                members: Any = frozenset(rc)
            except TypeError:
                members = rc

            def in_const(ctx: EvalContext) -> bool:
                a = lf(ctx)
                if a is None:
                    return False
                try:
                    found = a in members
                except TypeError:
                    return False
                return not found if negate else found

            return in_const, NOCONST

        def in_(ctx: EvalContext) -> bool:
            return _membership(lf(ctx), rf(ctx), negate)

        return in_, NOCONST

    def _match(self, node: Compare) -> Fn:
        pattern_node = node.right
        assert isinstance(pattern_node, Literal) and isinstance(pattern_node.value, str)
        pattern_text: str = pattern_node.value
        try:
            facts = pattern_facts(pattern_text)
        except regex.error as exc:
            column = pattern_node.column
            raw = self.source.split("\n")[pattern_node.line - 1]
            if getattr(exc, "pos", None) is not None and raw[column : column + len(pattern_text)] == pattern_text:
                column += 1 + int(exc.pos or 0)  # the error position inside an escape-free literal
            raise DslError(
                f"invalid regular expression {pattern_text!r}: {exc.msg if hasattr(exc, 'msg') else exc}",
                pattern_node.line, column, self.source,
            ) from None
        left, _ = self.compile(node.left)
        search: Callable[..., Any] | None = None  # compiled at the first search (``pattern_facts``)
        timeout = self.timeout
        negate = node.op == "!~"
        has_groups = facts.groups > 0
        line, column = pattern_node.line, pattern_node.column
        thread_time = time.thread_time
        warning = (
            f"regular expression {pattern_text!r} timed out after {timeout:g}s "
            f"(line {pattern_node.line}, column {pattern_node.column}); treated as no match"
        )

        safe_length = facts.safe_length
        required = facts.required
        literals, folded = (innermost(required[0]), required[1]) if required is not None else ((), False)
        anchored = facts.anchored
        many = len(literals) >= AUTOMATON_MIN
        occurs: Callable[[str], bool] | None = None

        def match(ctx: EvalContext) -> bool:
            nonlocal search, occurs
            s = left(ctx)
            if not isinstance(s, str):
                return False
            low = ascii_fold(s) if folded or (anchored is not None and anchored.folded) else s
            if anchored is not None:
                head = low if anchored.folded else s
                if anchored.skip_space:
                    head = head.lstrip()
                if not (head.startswith(anchored.prefixes) or (anchored.digit and head[:1].isdecimal())):
                    return negate  # a pattern anchored at the start, and the start cannot match
            if literals:
                hay = low if folded else s
                if many:  # one automaton pass (linter.occurs), built at the first test
                    if occurs is None:
                        occurs = finder(literals)
                    if not occurs(hay):
                        return negate
                else:
                    for lit in literals:
                        if lit in hay:
                            break
                    else:
                        return negate  # no literal every match needs: no match (and no search)
            if search is None:
                search = compile_regex(pattern_text).search
            if len(s) <= safe_length:
                m = search(s)
            elif ctx.budget is not None:
                budget = ctx.budget
                if budget.left <= 0:
                    raise BudgetExhausted(pattern_text, line, column, budget.seconds)
                budget.searches += 1
                t0 = thread_time()
                try:
                    m = search(s, timeout=budget.left)
                except TimeoutError:
                    budget.left = 0.0
                    raise BudgetExhausted(pattern_text, line, column, budget.seconds) from None
                budget.left -= thread_time() - t0
            else:
                try:
                    m = search(s, timeout=timeout)
                except TimeoutError:
                    ctx.warnings.append(warning)
                    return False
            if m is None:
                return negate
            if negate:
                return False
            start = getattr(s, "start", None)
            ctx.match = (start + m.start(), start + m.end()) if isinstance(s, Text) else None
            text = m.group()
            ctx.match_text = text
            if has_groups:
                groups: dict[int | str, str | None] = {0: text}
                for i, g in enumerate(m.groups(), start=1):
                    groups[i] = g
                groups.update(m.groupdict())
                ctx.groups = groups
            else:
                ctx.groups = {0: text}
            return True

        return match


def _flatten(node: Node, op: str) -> list[Node]:
    """The operands of a chain of one boolean operator, left to right (``a and (b and c)`` too)."""
    if isinstance(node, BoolOp) and node.op == op:
        return [*_flatten(node.left, op), *_flatten(node.right, op)]
    return [node]


def _safe_order(cmp: Callable[[Any, Any], Any], a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    try:
        return bool(cmp(a, b))
    except TypeError:
        return False


def _membership(item: Any, container: Any, negate: bool) -> bool:
    if item is None or container is None:
        return False
    try:
        if isinstance(container, str):
            if not isinstance(item, str):
                return False
            found = item in container
        else:
            found = item in container
    except TypeError:
        return False
    return not found if negate else found


def _apply(fn: Function, args: list[Any]) -> Any:
    if not fn.accepts_none and any(a is None for a in args):
        return None
    return fn.impl(*args)


def _call_closure(fn: Function, args: tuple[Fn, ...], name: str) -> Fn:
    impl = fn.impl
    accepts_none = fn.accepts_none

    def failed(ctx: EvalContext, exc: Exception) -> None:
        ctx.warnings.append(f"function {name}() failed: {type(exc).__name__}: {exc}; treated as none")

    if fn.host:
        def call_host(ctx: EvalContext) -> Any:
            values = [a(ctx) for a in args]
            if not accepts_none and None in values:
                return None
            try:
                return impl(ctx.host, *values)
            except BudgetExhausted:
                raise
            except Exception as exc:  # noqa: BLE001 - a failing function must not stop the linter
                failed(ctx, exc)
                return None

        return call_host

    if len(args) == 1:
        (a1,) = args

        def call1(ctx: EvalContext) -> Any:
            v = a1(ctx)
            if v is None and not accepts_none:
                return None
            try:
                return impl(v)
            except BudgetExhausted:
                raise
            except Exception as exc:  # noqa: BLE001 - a failing function must not stop the linter
                failed(ctx, exc)
                return None

        return call1

    def call_n(ctx: EvalContext) -> Any:
        values = [a(ctx) for a in args]
        if not accepts_none and None in values:
            return None
        try:
            return impl(*values)
        except BudgetExhausted:
            raise
        except Exception as exc:  # noqa: BLE001 - a failing function must not stop the linter
            failed(ctx, exc)
            return None

    return call_n


def compile_expression(
    source: str,
    env: Mapping[str, Type],
    registry: FunctionRegistry,
    expect: Type | None = BOOL,
    *,
    regex_timeout: float = DEFAULT_REGEX_TIMEOUT,
    constants: dict[str, Any] | None = None,
) -> CompiledExpr:
    """Parse, type-check and compile ``source``; raises a located ``DslError``.

    ``constants`` maps ``NAME.FIELD`` references to values substituted before checking (a rule's
    ``tokens.NAME`` patterns).

    ``env`` maps root names to their types; ``expect`` is the type the result must have
    (``BOOL`` for a ``when:`` condition, None for anything).
    """
    if not isinstance(source, str):
        raise DslError(f"expected an expression as a string, not {type(source).__name__}", 1, 1, "")
    try:
        node = parse(source)
        if constants:
            node = substitute(node, constants)
        checked = check(node, source, env, registry)
        t = checked.type_of(node)
        if expect is not None and not is_assignable(t, expect):
            hint = None
            if expect == BOOL:
                hint = "compare the value (==, !=, <, in, =~ ...) or test it with a function"
            first = start_of(node)
            raise DslError(
                f"expected {type_article(expect)} here, but this expression gives {type_article(t)}",
                first.line, first.column, source, hint,
            )
        compiler = Compiler(source, checked, registry, regex_timeout)
        fn, constant = compiler.compile(node)
    except RecursionError:
        raise DslError("expression is nested too deeply", 1, 1, source) from None
    if expect == BOOL and t != BOOL:  # e.g. a function returning bool gave none: make it false
        inner = fn

        def as_bool(ctx: EvalContext) -> bool:
            return bool(inner(ctx))

        fn = as_bool
        if constant is not NOCONST:
            constant = bool(constant)
    return CompiledExpr(source, node, t, frozenset(checked.paths), fn, constant)

