"""``--format text``: ``path:line:column: severity: message [rule]``, one finding a line.

This is the form editors' error matchers read (vim errorformat ``%f:%l:%c: %m``, VS Code problem
matchers, Emacs compilation mode). A summary line follows on stdout only when there are findings
(``--quiet``: never), so a clean run prints nothing there; ``--statistics`` counts the findings of
each rule before it. On a terminal the same characters are coloured (``linter.terminal`` says
when); without one the output carries no escape sequence.
"""

from __future__ import annotations

from linter.finding import Finding, Severity
from linter.report.base import RunResult
from linter.sanitize import escape_controls


def render_finding(f: object) -> str:
    """One finding as a line. Control characters an article or a file name may hold (terminal
    escape sequences, carriage returns, bidirectional overrides) are shown as escapes."""
    from linter.finding import Finding

    assert isinstance(f, Finding)
    message = escape_controls(" ".join(f.message.split()))
    return f"{escape_controls(f.path, newlines=False)}:{f.line}:{f.column}: {f.severity}: {message} [{f.rule}]"


_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def statistics_lines(findings: list[Finding]) -> list[str]:
    """Lines counting the findings of each rule, most frequent first: count, rule, severity
    (each severity the rule's findings had, the most serious first)."""
    counts: dict[str, int] = {}
    severities: dict[str, set[Severity]] = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
        severities.setdefault(f.rule, set()).add(f.severity)
    if not counts:
        return []
    width = len(str(max(counts.values())))
    rule_width = max(map(len, counts))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"{n:>{width}}  {rule:<{rule_width}}  {'/'.join(str(s) for s in sorted(severities[rule], reverse=True))}"
            .rstrip() for rule, n in rows]


def render(result: RunResult, color: bool = False, summary: bool = True, statistics: bool = False) -> str:
    """The report: a line per finding, then (``statistics``) the count of each rule's findings,
    then (``summary``) the "Found ..." line when there are findings. ``color``: ANSI colours
    (through rich) around the same characters."""
    lines = [render_finding(f) for f in result.findings]
    if statistics:
        lines.extend(statistics_lines(result.findings))
    if result.findings and summary:
        c = result.counts()
        parts = [f"{c[k]} {k}{'s' if c[k] != 1 else ''}" for k in ("error", "warning", "info") if c[k]]
        lines.append(f"Found {', '.join(parts)} in {result.files} file{'s' if result.files != 1 else ''}.")
    if color and lines:
        return _colored(result, lines)
    return "\n".join(lines) + ("\n" if lines else "")


def _colored(result: RunResult, lines: list[str]) -> str:
    """``lines`` (as ``render`` made them) with ANSI colours: the path bold, the severity in its
    colour, the rule id dim, the summary bold."""
    from rich.console import Console
    from rich.text import Text

    console = Console(force_terminal=True, color_system="standard", no_color=False, soft_wrap=True,
                      highlight=False, markup=False, emoji=False, width=1 << 15)
    texts: list[Text] = []
    for f, line in zip(result.findings, lines, strict=False):
        text = Text(line)
        path_end = len(escape_controls(f.path, newlines=False))
        text.stylize("bold", 0, path_end)
        sev = path_end + len(f":{f.line}:{f.column}: ")
        text.stylize(_STYLE[str(f.severity)], sev, sev + len(str(f.severity)))
        text.stylize("dim", len(line) - len(f.rule) - 2)
        texts.append(text)
    rest = lines[len(result.findings):]
    texts.extend(Text(line, style="bold" if line.startswith("Found ") and line is rest[-1] else "")
                 for line in rest)
    with console.capture() as capture:
        for text in texts:
            console.print(text)
    return capture.get()
