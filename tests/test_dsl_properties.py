"""Property tests of the rule DSL: any input gives a CompiledExpr or a well-located DslError; trees round-trip."""

from __future__ import annotations

import operator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.dsl import (
    NUMBER,
    STRING,
    TEXT,
    CompiledExpr,
    DslError,
    EvalContext,
    ObjectType,
    Text,
    compile_expression,
    compile_template,
    default_registry,
    parse,
    unparse,
)
from linter.dsl.ast import Attr, BinOp, BoolOp, Call, Compare, ListExpr, Literal, Name, Neg, Node, Not

SENTENCE = ObjectType("sentence")
SENTENCE.add("text", TEXT).add("start", NUMBER).add("lang", STRING)
ENV = {"sentence": SENTENCE}
REG = default_registry()

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_located(err: DslError, source: str) -> None:
    lines = source.split("\n")
    assert 1 <= err.line <= len(lines), (err, source)
    assert 1 <= err.column <= len(lines[err.line - 1]) + 1, (err, source)
    assert err.source == source
    str(err)  # renders without failing


def compile_or_error(source: str) -> None:
    try:
        result = compile_expression(source, ENV, REG, expect=None)
    except DslError as err:
        assert_located(err, source)
    else:
        assert isinstance(result, CompiledExpr)


TOKENS = [
    "sentence", ".", "text", "start", "lang", "txt", "=~", "!~", "==", "!=", "<", "<=", ">", ">=", "in", "not",
    "and", "or", "(", ")", "[", "]", ",", "+", "-", '"utiliz"', "'a(b'", '"', "'", "1", "2.5", "true", "false",
    "none", "date", '"2025-01-20"', '"2025-02-30"', "lower", "len", "years_between", "match", "\n", "#", "{", "}",
    "\\", "=", "!", "&&", "x",
]


@SETTINGS
@given(st.text(max_size=60))
def test_any_text_compiles_or_raises_located_error(source: str) -> None:
    compile_or_error(source)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=14).map(" ".join))
def test_any_token_soup_compiles_or_raises_located_error(source: str) -> None:
    compile_or_error(source)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=14).map("".join))
def test_any_glued_tokens_compile_or_raise_located_error(source: str) -> None:
    compile_or_error(source)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS + ["{", "}", "{{", "}}", "{sentence.text}", "{match}", "text "]), max_size=12))
def test_any_template_compiles_or_raises_located_error(parts: list[str]) -> None:
    template = "".join(parts)
    try:
        compile_template(template, ENV, REG)
    except DslError as err:
        assert_located(err, template)


# --- round trip of well-formed trees --------------------------------------------------------

names = st.sampled_from(["sentence", "a", "b", "match", "x_1", "Andy", "nota", "inx"])
literals = st.one_of(
    st.text(max_size=8).map(Literal),
    st.integers(min_value=0, max_value=10**12).map(Literal),
    st.floats(min_value=0, allow_nan=False).map(Literal),
    st.sampled_from([True, False, None]).map(Literal),
)
leaves = st.one_of(literals, names.map(Name))


def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.tuples(children, names).map(lambda t: Attr(t[0], t[1])),
        st.tuples(names, st.lists(children, max_size=3)).map(lambda t: Call(t[0], tuple(t[1]))),
        st.lists(children, max_size=3).map(lambda items: ListExpr(tuple(items))),
        children.map(Neg),
        children.map(Not),
        st.tuples(st.sampled_from(["and", "or"]), children, children).map(lambda t: BoolOp(*t)),
        st.tuples(st.sampled_from(["+", "-"]), children, children).map(lambda t: BinOp(*t)),
        st.tuples(
            st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "in", "not in", "=~", "!~"]), children, children
        ).map(lambda t: Compare(*t)),
    )


trees = st.recursive(leaves, extend, max_leaves=12)


@SETTINGS
@given(trees)
def test_unparse_round_trips(tree: Node) -> None:
    source = unparse(tree)
    assert parse(source) == tree, source
    # and the canonical form is a fixed point
    assert unparse(parse(source)) == source


# --- compiled arithmetic/logic agrees with a reference interpreter ---------------------------

_CMP = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}

num_leaves = st.one_of(st.integers(min_value=0, max_value=50).map(Literal), st.just(Attr(Name("sentence"), "start")))


def num_extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        children.map(Neg),
        st.tuples(st.sampled_from(["+", "-"]), children, children).map(lambda t: BinOp(*t)),
    )


numbers = st.recursive(num_leaves, num_extend, max_leaves=6)
comparisons = st.tuples(st.sampled_from(list(_CMP)), numbers, numbers).map(lambda t: Compare(*t))


def bool_extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        children.map(Not),
        st.tuples(st.sampled_from(["and", "or"]), children, children).map(lambda t: BoolOp(*t)),
    )


conditions = st.recursive(comparisons, bool_extend, max_leaves=6)


class _Sentence:
    def __init__(self, start: int) -> None:
        self.text = Text("x", start)
        self.start = start
        self.lang = "en"


def reference(node: Node, start: int) -> Any:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Attr):
        return start
    if isinstance(node, Neg):
        return -reference(node.operand, start)
    if isinstance(node, Not):
        return not reference(node.operand, start)
    if isinstance(node, BinOp):
        a, b = reference(node.left, start), reference(node.right, start)
        return a + b if node.op == "+" else a - b
    if isinstance(node, BoolOp):
        a = reference(node.left, start)
        if node.op == "and":
            return bool(a) and bool(reference(node.right, start))
        return bool(a) or bool(reference(node.right, start))
    if isinstance(node, Compare):
        return _CMP[node.op](reference(node.left, start), reference(node.right, start))
    raise AssertionError(node)


@SETTINGS
@given(conditions, st.integers(min_value=-5, max_value=60))
def test_compiled_conditions_agree_with_reference(tree: Node, start: int) -> None:
    expr = compile_expression(unparse(tree), ENV, REG)
    assert expr(EvalContext({"sentence": _Sentence(start)})) is reference(tree, start)
