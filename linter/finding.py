"""The one result type every rule produces: a located, rule-stamped ``Finding``."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Finding severities, ordered so that ``>=`` compares how serious they are."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; expected one of: error, warning, info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe automatic correction: replace ``text[start:end]`` (document offsets) by ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: 1-based, inclusive-start / exclusive-end line and column, in code points.

    ``end_column`` points one past the last character, so a one-character span on column 5
    has ``end_column == 6`` (the convention of SARIF and LSP).
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    excerpt: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    fix: Fix | None = field(default=None, compare=False, hash=False)

    def sort_key(self) -> tuple[str, int, int, str, int, int]:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "excerpt": self.excerpt,
        }
        data.update(self.extra)
        if self.fix is not None:
            data["fix"] = {"replacement": self.fix.replacement}
        return data
