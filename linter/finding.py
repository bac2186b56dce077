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


#: Fix applicability, as ruff has it: ``safe`` fixes are applied by ``--fix``; ``unsafe`` ones (they
#: may change what the article says, or rest on facts that may be out of date) only with
#: ``--unsafe-fixes`` too.
APPLICABILITY = ("safe", "unsafe")


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: replace ``text[start:end]`` (code-point offsets into the document's text, front
    matter included) by ``replacement``. ``line``..``end_column`` locate the range the way a
    finding is located (1-based, end exclusive), for outputs that carry no text (JSON, SARIF)."""

    start: int
    end: int
    replacement: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """A correction: ``edits`` (non-overlapping, each computed from the document model) applied
    together or not at all, by ``linter.fixer.apply_fixes``. ``applicability`` is ``safe`` or
    ``unsafe`` (``APPLICABILITY``)."""

    edits: tuple[Edit, ...]
    applicability: str = "safe"

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"

    def to_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "edits": [e.to_dict() for e in self.edits]}


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
            data["fix"] = self.fix.to_dict()
        return data
