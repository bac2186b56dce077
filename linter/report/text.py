"""``--format text``: ``path:line:column: severity: message [rule]``, one finding a line.

This is the form editors' error matchers read (vim errorformat ``%f:%l:%c: %m``, VS Code problem
matchers, Emacs compilation mode). A summary line follows on stderr-free stdout only when there
are findings, so an empty run prints nothing.
"""

from __future__ import annotations

from linter.report.base import RunResult
from linter.sanitize import escape_controls


def render_finding(f: object) -> str:
    """One finding as a line. Control characters an article or a file name may hold (terminal
    escape sequences, carriage returns, bidirectional overrides) are shown as escapes."""
    from linter.finding import Finding

    assert isinstance(f, Finding)
    message = escape_controls(" ".join(f.message.split()))
    return f"{escape_controls(f.path, newlines=False)}:{f.line}:{f.column}: {f.severity}: {message} [{f.rule}]"


def render(result: RunResult, color: bool = False) -> str:
    lines = [render_finding(f) for f in result.findings]
    if result.findings:
        c = result.counts()
        parts = [f"{c[k]} {k}{'s' if c[k] != 1 else ''}" for k in ("error", "warning", "info") if c[k]]
        lines.append(f"Found {', '.join(parts)} in {result.files} file{'s' if result.files != 1 else ''}.")
    return "\n".join(lines) + ("\n" if lines else "")
