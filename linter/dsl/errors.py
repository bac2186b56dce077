"""The one error type of the rule DSL: a located ``DslError`` that shows its source line and a caret."""

from __future__ import annotations


class DslError(Exception):
    """A parse, type or compile error in a DSL expression or message template.

    ``line`` and ``column`` are 1-based and count code points within ``source`` (the
    expression or template text alone, not the YAML file around it); ``end_column`` is one
    past the last offending character on ``line`` when known. ``str(err)`` gives the message,
    the offending source line and a caret under the column, then the hint if any.
    """

    def __init__(
        self,
        message: str,
        line: int,
        column: int,
        source: str,
        hint: str | None = None,
        end_column: int | None = None,
    ) -> None:
        lines = source.split("\n") or [""]
        line = min(max(line, 1), len(lines))
        column = min(max(column, 1), len(lines[line - 1]) + 1)
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.source = source
        self.hint = hint
        self.end_column = end_column

    def source_line(self) -> str:
        return self.source.split("\n")[self.line - 1]

    def shifted(self, line_offset: int, column_offset: int, source: str) -> DslError:
        """This error moved into a larger ``source`` (e.g. a template around a placeholder).

        ``line_offset`` is added to the line; ``column_offset`` to the column only when the
        error is on the first line of the embedded text.
        """
        column = self.column + column_offset if self.line == 1 else self.column
        end = None
        if self.end_column is not None:
            end = self.end_column + column_offset if self.line == 1 else self.end_column
        return DslError(self.message, self.line + line_offset, column, source, self.hint, end)

    def __str__(self) -> str:
        text = self.source_line()
        prefix = text[: self.column - 1]
        # keep tabs so the caret lines up under the right character
        pad = "".join("\t" if ch == "\t" else " " for ch in prefix)
        width = 1
        if self.end_column is not None and self.end_column > self.column:
            width = self.end_column - self.column
        parts = [f"{self.line}:{self.column}: {self.message}", f"  {text}", f"  {pad}{'^' * width}"]
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        return "\n".join(parts)

    def __repr__(self) -> str:
        return f"DslError({self.message!r}, line={self.line}, column={self.column})"
