"""``--format text``: ``path:line:column: severity: message [rule]``, one finding a line.

This is the form editors' error matchers read (vim errorformat ``%f:%l:%c: %m``, VS Code problem
matchers, Emacs compilation mode). A summary line follows on stdout only when there are findings
(``--quiet``: never), so a clean run prints nothing there; ``--statistics`` counts the findings of
each rule before it. On a terminal the same characters are coloured (``linter.terminal`` says
when); without one the output carries no escape sequence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from linter.finding import Finding, Severity
from linter.report.base import RunResult, Tally
from linter.sanitize import escape_controls


def render_finding(f: object) -> str:
    """One finding as a line. Control characters an article or a file name may hold (terminal
    escape sequences, carriage returns, bidirectional overrides) are shown as escapes."""
    from linter.finding import Finding

    assert isinstance(f, Finding)
    message = escape_controls(" ".join(f.message.split()))
    return f"{escape_controls(f.path, newlines=False)}:{f.line}:{f.column}: {f.severity}: {message} [{f.rule}]"


_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def statistics_lines(findings: Iterable[Finding] | Tally) -> list[str]:
    """Lines counting the findings of each rule, most frequent first: count, rule, severity
    (each severity the rule's findings had, the most serious first)."""
    tally = findings if isinstance(findings, Tally) else Tally.of(findings)
    counts: dict[str, int] = dict(tally.rules)
    severities: dict[str, set[Severity]] = tally.rule_severities
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
    return "".join(chunks(result, color, summary, statistics))


#: findings coloured together (rich's console costs a little per call)
_CHUNK = 512


def chunks(result: RunResult, color: bool = False, summary: bool = True, statistics: bool = False) -> Iterator[str]:
    """``render``'s report in pieces, a few hundred findings each."""
    findings = iter(result.findings)
    while batch := list(itertools.islice(findings, _CHUNK)):
        lines = [render_finding(f) for f in batch]
        yield _colored(batch, lines, []) if color else "".join(line + "\n" for line in lines)
    rest = []
    if statistics:
        rest.extend(statistics_lines(result.summary()))
    if result.findings and summary:
        c = result.counts()
        parts = [f"{c[k]} {k}{'s' if c[k] != 1 else ''}" for k in ("error", "warning", "info") if c[k]]
        rest.append(f"Found {', '.join(parts)} in {result.files} file{'s' if result.files != 1 else ''}.")
    if rest:
        yield _colored([], [], rest) if color else "".join(line + "\n" for line in rest)


def _colored(findings: list[Finding], lines: list[str], rest: list[str]) -> str:
    """``lines`` (the lines of ``findings``, as ``render`` made them) and then the ``rest`` with
    ANSI colours: the path bold, the severity in its colour, the rule id dim, the summary bold."""
    from rich.console import Console
    from rich.text import Text

    console = Console(force_terminal=True, color_system="standard", no_color=False, soft_wrap=True,
                      highlight=False, markup=False, emoji=False, width=1 << 15)
    texts: list[Text] = []
    for f, line in zip(findings, lines, strict=True):
        text = Text(line)
        path_end = len(escape_controls(f.path, newlines=False))
        text.stylize("bold", 0, path_end)
        sev = path_end + len(f":{f.line}:{f.column}: ")
        text.stylize(_STYLE[str(f.severity)], sev, sev + len(str(f.severity)))
        text.stylize("dim", len(line) - len(f.rule) - 2)
        texts.append(text)
    texts.extend(Text(line, style="bold" if line.startswith("Found ") and line is rest[-1] else "")
                 for line in rest)
    with console.capture() as capture:
        for text in texts:
            console.print(text)
    return capture.get()
