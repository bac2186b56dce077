"""``--format junit``: JUnit XML, one test case per file, failures for findings at error/warning.

CI systems that only understand test reports (GitLab, Azure, Jenkins) show each finding as a
failed assertion of its file.
"""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from linter.finding import Finding, Severity
from linter.report.base import RunResult


def render(result: RunResult) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    failing = [p for p, fs in by_file.items() if any(f.severity >= Severity.WARNING for f in fs)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="factlint" tests="{max(result.files, len(by_file))}" failures="{len(failing)}">',
           f'  <testsuite name="factlint" tests="{max(result.files, len(by_file))}" failures="{len(failing)}" '
           f'errors="{len(result.errors)}">']
    for path, findings in by_file.items():
        out.append(f"    <testcase classname=\"factlint\" name={quoteattr(path)}>")
        for f in findings:
            tag = "failure" if f.severity >= Severity.WARNING else "system-out"
            body = escape(f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]")
            if tag == "failure":
                out.append(f"      <failure type={quoteattr(f.rule)} message={quoteattr(f.message)}>{body}</failure>")
            else:
                out.append(f"      <system-out>{body}</system-out>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
