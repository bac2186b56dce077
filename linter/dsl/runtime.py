"""The evaluation context of compiled DSL code and the display form of DSL values."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class EvalContext:
    """What a compiled expression reads and writes while it runs.

    ``values`` maps root names (``sentence``, ``document``, ...) to the current objects. A
    successful ``=~`` sets ``match_text`` and ``groups`` (``{0: whole, 1: ..., "name": ...}``)
    and ``match``: the absolute ``(start, end)`` of the match when the matched value was a
    ``Text``, else None. The last successful ``=~`` wins. Warnings (a regex that timed out, a
    function that failed) are appended to ``warnings``. ``host`` is passed first to functions
    registered with ``host=True`` (the engine puts the document's analysis there).
    """

    values: dict[str, Any]
    host: Any = None
    match: tuple[int, int] | None = None
    match_text: str | None = None
    groups: dict[int | str, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

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
