"""The rule DSL: ``when:`` conditions and message templates, compiled at load time to closures.

See docs/dsl.md for the language. Typical use::

    from linter.dsl import compile_expression, default_registry, EvalContext
    expr = compile_expression('sentence.text =~ "utiliz"', {"sentence": SENTENCE}, default_registry())
    ctx = EvalContext({"sentence": s})
    if expr(ctx): ... ctx.match ...
"""

from __future__ import annotations

from linter.dsl.ast import Node, unparse
from linter.dsl.compiler import (
    DEFAULT_REGEX_TIMEOUT,
    CompiledExpr,
    compile_expression,
    compile_regex,
    regex_flags,
)
from linter.dsl.errors import DslError
from linter.dsl.functions import Function, FunctionRegistry, default_registry
from linter.dsl.parser import parse
from linter.dsl.runtime import BudgetExhausted, EvalContext, RegexBudget, display
from linter.dsl.template import CompiledTemplate, compile_template
from linter.dsl.types import (
    ANY,
    BOOL,
    DATE,
    NONE,
    NUMBER,
    STRING,
    TEXT,
    Attribute,
    ListType,
    ObjectType,
    Text,
    Type,
    is_assignable,
)

__all__ = [
    "ANY",
    "BOOL",
    "DATE",
    "DEFAULT_REGEX_TIMEOUT",
    "NONE",
    "NUMBER",
    "STRING",
    "TEXT",
    "Attribute",
    "BudgetExhausted",
    "CompiledExpr",
    "CompiledTemplate",
    "DslError",
    "EvalContext",
    "Function",
    "FunctionRegistry",
    "ListType",
    "Node",
    "ObjectType",
    "RegexBudget",
    "Text",
    "Type",
    "compile_expression",
    "compile_regex",
    "compile_template",
    "default_registry",
    "display",
    "is_assignable",
    "parse",
    "regex_flags",
    "unparse",
]
