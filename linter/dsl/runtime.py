"""The evaluation context of compiled DSL code and the display form of DSL values."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any


class BudgetExhausted(Exception):
    """A rule used up its ``RegexBudget`` on this document: the engine stops the rule there and
    reports it once. Raised through every DSL closure (none may swallow it)."""

    def __init__(self, pattern: str, line: int, column: int, seconds: float) -> None:
        super().__init__(f"regular expression {pattern!r} (line {line}, column {column}) used up the rule's "
                         f"budget of {seconds:g} s of CPU time for regular expressions on this document")
        self.pattern = pattern


@dataclass(slots=True)
class RegexBudget:
    """The CPU seconds of regular-expression search one rule may spend on one document.

    Searches that cannot backtract badly (``linter.dsl.compiler.timeout_free_length``) run
    without it; every other search runs with the budget's remainder as its timeout and is
    charged the CPU time it took (``time.thread_time``: a busy machine does not make a rule
    miss, only work does)."""

    seconds: float
    left: float = -1.0
    searches: int = 0

    def __post_init__(self) -> None:
        if self.left < 0:
            self.left = self.seconds


class EvalContext:
    """What a compiled expression reads and writes while it runs.

    ``values`` maps root names (``sentence``, ``document``, ...) to the current objects. A
    successful ``=~`` sets ``match_text`` and ``groups`` (``{0: whole, 1: ..., "name": ...}``)
    and ``match``: the absolute ``(start, end)`` of the match when the matched value was a
    ``Text``, else None. The last successful ``=~`` wins. Warnings (a regex that timed out, a
    function that failed) are appended to ``warnings``. ``host`` is passed first to functions
    registered with ``host=True`` (the engine puts the document's analysis there). ``budget``
    (set by the engine, one per rule and document) bounds the time regular expressions take;
    without one, each search has its own timeout.

    A plain class with ``__slots__`` rather than a dataclass: the engine makes one per rule and
    document, and a dataclass's default factories cost more than the fields' own assignments
    (the constructor takes the same arguments; ``groups`` and ``warnings`` default to a fresh
    dict and list).
    """

    __slots__ = ("values", "host", "match", "match_text", "groups", "warnings", "budget")

    def __init__(self, values: dict[str, Any], host: Any = None, match: tuple[int, int] | None = None,
                 match_text: str | None = None, groups: dict[int | str, str | None] | None = None,
                 warnings: list[str] | None = None, budget: RegexBudget | None = None) -> None:
        self.values = values
        self.host = host
        self.match = match
        self.match_text = match_text
        self.groups: dict[int | str, str | None] = {} if groups is None else groups
        self.warnings: list[str] = [] if warnings is None else warnings
        self.budget = budget

    def __repr__(self) -> str:
        return (f"EvalContext(values={self.values!r}, host={self.host!r}, match={self.match!r}, "
                f"match_text={self.match_text!r}, groups={self.groups!r}, warnings={self.warnings!r}, "
                f"budget={self.budget!r})")

    def reset_match(self) -> None:
        """Forget the last match (call between subjects when reusing one context)."""
        self.match = None
        self.match_text = None
        self.groups = {}


def display(value: Any) -> str:
    """A DSL value as message text: none → "", dates ISO, lists joined by ", ", bools true/false."""
    if value is None:
        return ""
    if isinstance(value, str):
        return str.__str__(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(display(item) for item in value)
    return str(value)
