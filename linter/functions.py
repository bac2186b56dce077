"""Functions the rule DSL gains from factlint itself (beyond the DSL's built-ins).

Knowledge-base look-ups (``holds``, ``held_before``, ...) are registered here, typed, so rules
stay data: a rule says *what* to compare, this module says how to look it up.
"""

from __future__ import annotations

from linter.dsl import FunctionRegistry


def register_all(registry: FunctionRegistry) -> None:
    """Add factlint's own functions to ``registry``."""
    return None
