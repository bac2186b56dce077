"""``--format junit``: JUnit XML, one test case per file, failures for findings at error/warning.

CI systems that only understand test reports (GitLab, Azure, Jenkins) show each finding as a
failed assertion of its file.
"""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from linter.finding import Finding, Severity
from linter.report._located import located
from linter.report.base import RunResult
from linter.sanitize import xml_text


def escape(s: str) -> str:
    """XML character data; characters XML 1.0 forbids are shown as escapes."""
    return _escape(xml_text(s))


def quoteattr(s: str) -> str:
    """An XML attribute value; characters XML 1.0 forbids are shown as escapes."""
    return _quoteattr(xml_text(s))


def render(result: RunResult) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_file[f.path].append(f)
    failing = [p for p, fs in by_file.items() if any(f.severity >= Severity.WARNING for f in fs)]
    tests = max(result.files, len(by_file) + len(result.errors))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="factlint" tests="{tests}" failures="{len(failing)}" errors="{len(result.errors)}">',
           f'  <testsuite name="factlint" tests="{tests}" failures="{len(failing)}" '
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
    for error in result.errors:  # input and internal errors: a test case that errored
        e = located(error)
        out.append(f"    <testcase classname=\"factlint\" name={quoteattr(e.path or 'factlint')}>")
        out.append(f"      <error type=\"factlint.error\" message={quoteattr(e.message)}>{escape(error)}</error>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
