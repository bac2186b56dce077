"""The DSL's LALR parser (lark, grammar ``grammar/factlint.lark``) and the transformer of its
trees to the AST of ``linter.dsl.ast``, with human, located parse errors.

Imported only when an expression is not in the parse cache (``linter.dsl.parser``): a run whose
rules were all parsed before neither imports lark nor builds the parser.
"""

from __future__ import annotations

import functools
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError

from linter.dsl.ast import Attr, BinOp, BoolOp, Call, Compare, ListExpr, Literal, Name, Neg, Node, Not
from linter.dsl.errors import DslError
from linter.resources import grammar_file

__all__ = ["get_parser", "parse_source", "unescape"]

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'"}


@functools.lru_cache(maxsize=1)
def get_parser() -> Lark:
    """The process-wide LALR parser of the DSL."""
    return Lark.open(
        str(grammar_file()),
        parser="lalr",
        lexer="basic",  # keywords are never names (the contextual lexer would read `a - not` as a name)
        propagate_positions=True,
        maybe_placeholders=False,
    )


def unescape(body: str) -> str:
    r"""Decode the escapes of a string literal's body.

    ``\n \t \r \\ \" \'`` are decoded; any other backslash pair is kept as written, so regex
    escapes such as ``\b``, ``\d`` and ``\W`` reach the regex engine unchanged.
    """
    if "\\" not in body:
        return body
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append(_SIMPLE_ESCAPES.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@v_args(inline=True)
class _ToAst(Transformer[Token, Node]):
    """Lark tree → AST dataclasses (positions from the tokens)."""

    def name(self, tok: Token) -> Name:
        return Name(str(tok), _line(tok), _col(tok))

    def call(self, tok: Token, args: tuple[Node, ...] = ()) -> Call:
        return Call(str(tok), args, _line(tok), _col(tok))

    def arglist(self, *items: Node) -> tuple[Node, ...]:
        return tuple(items)

    def string(self, tok: Token) -> Literal:
        return Literal(unescape(str(tok)[1:-1]), _line(tok), _col(tok))

    def number(self, tok: Token) -> Literal:
        text = str(tok)
        try:
            value: int | float = float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            raise DslError(f"number literal too long ({len(text)} digits)", _line(tok), _col(tok), "") from None
        return Literal(value, _line(tok), _col(tok))

    def true(self, tok: Token) -> Literal:
        return Literal(True, _line(tok), _col(tok))

    def false(self, tok: Token) -> Literal:
        return Literal(False, _line(tok), _col(tok))

    def none(self, tok: Token) -> Literal:
        return Literal(None, _line(tok), _col(tok))

    def list_(self, tok: Token, items: tuple[Node, ...] = ()) -> ListExpr:
        return ListExpr(items, _line(tok), _col(tok))

    def attr(self, obj: Node, tok: Token) -> Attr:
        return Attr(obj, str(tok), _line(tok), _col(tok))

    def neg(self, tok: Token, operand: Node) -> Neg:
        return Neg(operand, _line(tok), _col(tok))

    def not_(self, tok: Token, operand: Node) -> Not:
        return Not(operand, _line(tok), _col(tok))

    def bool_op(self, left: Node, tok: Token, right: Node) -> BoolOp:
        return BoolOp(str(tok), left, right, _line(tok), _col(tok))

    def binop(self, left: Node, tok: Token, right: Node) -> BinOp:
        return BinOp(str(tok), left, right, _line(tok), _col(tok))

    def comp_op(self, *toks: Token) -> tuple[str, int, int]:
        return (" ".join(str(t) for t in toks), _line(toks[0]), _col(toks[0]))

    def compare(self, left: Node, op: tuple[str, int, int], right: Node) -> Compare:
        return Compare(op[0], left, right, op[1], op[2])


def _line(tok: Token) -> int:
    return tok.line or 1


def _col(tok: Token) -> int:
    return tok.column or 1


_OPERAND_START = {"NAME", "NUMBER", "STRING", "TRUE", "FALSE", "NONE", "LSQB", "LPAR", "NOT", "MINUS"}
_UNCLOSED = "<unclosed>"  # label resolved by _unclosed_message from the innermost open bracket

# Labelled examples for UnexpectedInput.match_examples: the first label whose example fails in
# the same parser state (and, preferably, on the same kind of token) names the error.
_EXAMPLES: dict[str, list[str]] = {
    "expected an expression": ["", "   "],
    "expected an operand after 'and'": ["a and", "a and )", "a and and", "a and ]"],
    "expected an operand after 'or'": ["a or", "a or )", "a or or", "a or ]"],
    "expected an operand after 'not'": ["not", "not )", "not ]", "a and not"],
    "expected 'in' after 'not'": ["a not", "a not b", "a not )"],
    "expected an operand after the comparison operator": [
        "a ==", "a == )", "a !=", "a <", "a <=", "a >", "a >=", "a in", "a not in", "a =~", "a !~",
    ],
    "comparisons cannot be chained; combine them with 'and'": [
        "a < b < c", "a == b == c", "a in b in c", "a =~ 'x' =~ 'y'", "a < b == c",
    ],
    "expected an operand after '+'": ["a +", "a + )", "a + ]"],
    "expected an operand after '-'": ["a -", "a - )", "-", "- )", "a - ]"],
    "expected an attribute name after '.'": ["a.", "a.)", "a.1", "a.'x'", "a.(b)", "a.and"],
    _UNCLOSED: [
        "(a", "(a + b", "(a.b", "f(a", "f(a + b", "f(a.b", "f(", "f(a,", "f(a, b", "[a", "[a + b", "[a.b",
        "[", "[a,", "[a, b", "[a, b.c", "f(a, b.c", "(not a", "(a and b", "(a == b",
    ],
    "unexpected ')' (no '(' to close)": [")", "a )", "a.b )", "f(a) )"],
    "unexpected ']' (no '[' to close)": ["]", "a ]", "a.b ]"],
    "unexpected ','": [",", "a ,", "a.b ,", "(a,", "(a, b)"],
    "missing operator between two operands": [
        "a b", "a 1", "a 'x'", "a true", "a [1]", "1 a", "'x' a", "a.b c", "f(a) b", "1 2", "a (b)",
        "(a) b", "[a] b", "none b", "true b", "false b", "-a b",
    ],
    "a literal cannot be called": ["1(", "'x'(", "true(", "none("],
}


def _innermost_open(source: str, end: int) -> tuple[str, int, str] | None:
    """The innermost bracket still open before ``end``: (char, offset, name of the called function)."""
    stack: list[tuple[str, int, str]] = []
    quote: str | None = None
    i = 0
    while i < end:
        ch = source[i]
        if quote is not None:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            nl = source.find("\n", i)
            i = end if nl < 0 else nl
            continue
        elif ch in "([":
            j = i
            while j > 0 and (source[j - 1].isalnum() or source[j - 1] == "_"):
                j -= 1
            stack.append((ch, i, source[j:i] if ch == "(" else ""))
        elif ch in ")]" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack else None


def _unclosed_message(source: str, end: int) -> tuple[str, str | None]:
    opened = _innermost_open(source, end)
    if opened is None:
        return "unexpected end of expression", None
    ch, offset, func = opened
    where = _offset_line_col(source, offset)
    at = f"opened at {where[0]}:{where[1]}"
    if ch == "[":
        return "unclosed list: expected ']' or ','", at
    if func and func not in ("and", "or", "not", "in"):
        return f"unclosed call to {func}(): expected ')' or ','", at
    return "unclosed '(': expected ')'", at


def _offset_line_col(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


_LABELS: dict[tuple[Any, str], str | None] = {}


def _label_for(err: UnexpectedToken) -> str | None:
    """The example label of this parser state and token kind (memoised: the mapping is fixed)."""
    state = err.state
    stack = getattr(state, "state_stack", None)
    key = ((len(stack), stack[-1]) if stack else repr(state), err.token.type)
    if key not in _LABELS:
        try:
            label = err.match_examples(get_parser().parse, _EXAMPLES, use_accepts=True)
        except Exception:  # pragma: no cover - match_examples is best effort
            label = None
        _LABELS[key] = None if label is None else str(label)
    return _LABELS[key]


def _end_position(source: str) -> tuple[int, int]:
    """Line and column just after the last non-blank character (where an unexpected end is)."""
    stripped = source.rstrip()
    lines = stripped.split("\n")
    return len(lines), len(lines[-1]) + 1


def _describe_token(tok: Token) -> str:
    if tok.type == "$END":
        return "end of expression"
    return repr(str(tok))


def _describe_expected(expected: set[str]) -> str:
    parser = get_parser()
    words: set[str] = set()
    friendly = {"NAME": "a name", "NUMBER": "a number", "STRING": "a string", "$END": "end of expression"}
    for name in expected:
        if name in friendly:
            words.add(friendly[name])
            continue
        try:
            pattern = parser.get_terminal(name).pattern
        except KeyError:
            words.add(name)
            continue
        words.add(repr(pattern.value) if pattern.type == "str" else name)
    return ", ".join(sorted(words))


def _parse_error(err: UnexpectedInput, source: str) -> DslError:
    if isinstance(err, UnexpectedCharacters):
        line, column = err.line, err.column
        char = err.char
        if char in "\"'":
            return DslError(
                "unclosed string", line, column, source,
                hint=f"close it with {char} on the same line (escape a quote inside with \\{char})",
            )
        rest = source.split("\n")[line - 1][column - 1 :]
        if rest.startswith("&&") or rest.startswith("||"):
            word = "and" if char == "&" else "or"
            return DslError(f"unexpected {rest[:2]!r}", line, column, source, hint=f"write '{word}'", end_column=column + 2)
        if char == "=":
            return DslError("unexpected '='", line, column, source, hint="compare with '==' or match with '=~'")
        if char == "!":
            return DslError("unexpected '!'", line, column, source, hint="write 'not', '!=' or '!~'")
        return DslError(f"unexpected character {char!r}", line, column, source)
    if isinstance(err, UnexpectedToken):
        tok = err.token
        if tok.type == "$END":
            line, column = _end_position(source)
        else:
            line, column = err.line, err.column
        label = _label_for(err)
        found = _describe_token(tok)
        hint: str | None = None
        if label == _UNCLOSED:
            offset = len(source) if tok.type == "$END" else (tok.start_pos or 0)
            label, hint = _unclosed_message(source, offset)
        expected = set(err.expected)
        if label is None and tok.type in _OPERAND_START and expected & {"AND", "OR"}:
            label = "missing operator between two operands"
            hint = "join them with an operator such as and, or, ==, in, =~"
        if label is None:
            message = f"unexpected {found}; expected {_describe_expected(set(err.expected))}"
        else:
            message = str(label)
            if tok.type != "$END" and "unexpected" not in message:
                message = f"{message} (found {found})"
        end = column + len(str(tok)) if tok.type != "$END" and "\n" not in str(tok) else None
        return DslError(message, line, column, source, hint=hint, end_column=end)
    # UnexpectedEOF (not raised by LALR in practice)
    line, column = _end_position(source)
    return DslError("unexpected end of expression", line, column, source)


def parse_source(source: str) -> Node:
    """Parse one DSL expression with the LALR parser. Raises ``DslError`` (located)."""
    try:
        tree = get_parser().parse(source)
    except UnexpectedInput as err:
        raise _parse_error(err, source) from None
    try:
        node = _ToAst().transform(tree)
    except VisitError as err:
        inner = err.orig_exc
        if isinstance(inner, DslError):
            raise DslError(inner.message, inner.line, inner.column, source, inner.hint) from None
        if isinstance(inner, RecursionError):
            raise DslError("expression is nested too deeply", 1, 1, source) from None
        raise
    except RecursionError:
        raise DslError("expression is nested too deeply", 1, 1, source) from None
    if isinstance(node, tuple):  # pragma: no cover - the start rule is a single expression
        raise DslError("expected a single expression", 1, 1, source)
    return node
