"""Message templates: text with ``{expression}`` placeholders, compiled at load time (``compile_template``).

``{{`` and ``}}`` stand for literal braces. A placeholder is any DSL expression; ``{match}`` is
the text of the last ``=~`` match. Values render with ``linter.dsl.runtime.display``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from linter.dsl.compiler import DEFAULT_REGEX_TIMEOUT, CompiledExpr, compile_expression
from linter.dsl.errors import DslError
from linter.dsl.functions import FunctionRegistry
from linter.dsl.runtime import EvalContext, display
from linter.dsl.types import Type


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _placeholder_end(template: str, start: int) -> int:
    """Index of the ``}`` closing the placeholder whose expression starts at ``start``, or -1.

    Braces inside string literals and brackets do not close it.
    """
    depth = 0
    quote: str | None = None
    j, n = start, len(template)
    while j < n:
        ch = template[j]
        if quote is not None:
            if ch == "\\":
                j += 2
                continue
            if ch == quote or ch == "\n":
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "}" and depth <= 0:
            return j
        j += 1
    return -1


class CompiledTemplate:
    """A compiled message template; ``render(ctx)`` fills in the placeholders."""

    __slots__ = ("source", "placeholders", "paths", "_parts")

    def __init__(self, source: str, parts: list[str | CompiledExpr]) -> None:
        self.source = source
        merged: list[str | Callable[[EvalContext], Any]] = []
        for part in parts:
            if isinstance(part, CompiledExpr) and part.is_constant:
                part = display(part.constant)
            if isinstance(part, str):
                if merged and isinstance(merged[-1], str):
                    merged[-1] = merged[-1] + part
                elif part:
                    merged.append(part)
            else:
                merged.append(part.fn)
        self._parts = tuple(merged)
        self.placeholders = tuple(p for p in parts if isinstance(p, CompiledExpr))
        paths: set[str] = set()
        for p in self.placeholders:
            paths |= p.paths
        self.paths = frozenset(paths)

    @property
    def is_constant(self) -> bool:
        return all(isinstance(p, str) for p in self._parts)

    def render(self, ctx: EvalContext) -> str:
        return "".join(p if isinstance(p, str) else display(p(ctx)) for p in self._parts)

    def __repr__(self) -> str:
        return f"CompiledTemplate({self.source!r})"


def compile_template(
    template: str,
    env: Mapping[str, Type],
    registry: FunctionRegistry,
    *,
    regex_timeout: float = DEFAULT_REGEX_TIMEOUT,
) -> CompiledTemplate:
    """Compile a message template; a bad placeholder is a ``DslError`` located in ``template``."""
    parts: list[str | CompiledExpr] = []
    buf: list[str] = []
    i, n = 0, len(template)
    while i < n:
        ch = template[i]
        if ch == "{":
            if template.startswith("{{", i):
                buf.append("{")
                i += 2
                continue
            end = _placeholder_end(template, i + 1)
            if end < 0:
                line, column = _line_col(template, i)
                raise DslError("unclosed '{' in message", line, column, template, "write '{{' for a literal brace")
            expr_source = template[i + 1 : end]
            if not expr_source.strip():
                line, column = _line_col(template, i)
                raise DslError(
                    "empty placeholder '{}'", line, column, template,
                    "put an expression inside, e.g. {sentence.text}, or write '{{}}' for literal braces",
                    end_column=column + end - i + 1,
                )
            try:
                expr = compile_expression(expr_source, env, registry, expect=None, regex_timeout=regex_timeout)
            except DslError as err:
                line, column = _line_col(template, i + 1)
                raise err.shifted(line - 1, column - 1, template) from None
            if buf:
                parts.append("".join(buf))
                buf = []
            parts.append(expr)
            i = end + 1
        elif ch == "}":
            if template.startswith("}}", i):
                buf.append("}")
                i += 2
                continue
            line, column = _line_col(template, i)
            raise DslError("single '}' in message", line, column, template, "write '}}' for a literal brace")
        else:
            buf.append(ch)
            i += 1
    if buf:
        parts.append("".join(buf))
    return CompiledTemplate(template, parts)
