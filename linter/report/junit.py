"""``--format junit``: JUnit XML, one test case per file linted, a failure per finding at or above ``--fail-on``.

CI systems that only understand test reports (GitLab, Azure, Jenkins) show each file (each
record of a ``.jsonl`` archive) as a test: a clean file is a passing test; each finding at or
above ``--fail-on`` is a ``<failure>`` of its file; the findings below it are listed in the test
case's ``<system-out>`` and do not fail it (with ``--fail-on never`` nothing fails). An input or
internal error is an ``<error>`` of the test case of its file (a file that could not be read is
a test case of its own). The declared counts are those of the elements, as the Jenkins JUnit
schema defines them: ``tests`` the test cases, ``failures`` the test cases with a ``<failure>``,
``errors`` those with an ``<error>`` (a file with three findings is one failed test case with
three ``<failure>`` elements).
"""

from __future__ import annotations

from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from linter.finding import Finding
from linter.report._located import located
from linter.report.base import RunResult
from linter.sanitize import xml_text


def escape(s: str) -> str:
    """XML character data; characters XML 1.0 forbids are shown as escapes."""
    return _escape(xml_text(s))


def quoteattr(s: str) -> str:
    """An XML attribute value; characters XML 1.0 forbids are shown as escapes."""
    return _quoteattr(xml_text(s))


def _line(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}]"


def render(result: RunResult) -> str:
    cases: dict[str, tuple[list[str], list[Finding]]] = {}  # path -> (errors, findings), input order
    for path in result.paths if result.paths is not None else []:
        cases.setdefault(path, ([], []))
    for f in result.findings:
        cases.setdefault(f.path, ([], []))[1].append(f)
    for error in result.errors:  # input and internal errors: in the test case of their file
        cases.setdefault(located(error).path or "factlint", ([], []))[0].append(error)
    body: list[str] = []
    failed = errored = 0
    for path, (errors, findings) in cases.items():
        failures = [f for f in findings if result.failing(f)]
        passed = [f for f in findings if not result.failing(f)]
        failed += bool(failures)
        errored += bool(errors)
        if not errors and not findings:  # a clean file: a passing test
            body.append(f"    <testcase classname=\"factlint\" name={quoteattr(path)}/>")
            continue
        body.append(f"    <testcase classname=\"factlint\" name={quoteattr(path)}>")
        for error in errors:
            body.append(f"      <error type=\"factlint.error\" message={quoteattr(located(error).message)}>"
                        f"{escape(error)}</error>")
        for f in failures:
            body.append(f"      <failure type={quoteattr(f.rule)} message={quoteattr(f.message)}>"
                        f"{escape(_line(f))}</failure>")
        if passed:
            body.append(f"      <system-out>{escape(chr(10).join(map(_line, passed)))}</system-out>")
        body.append("    </testcase>")
    counts = f'tests="{len(cases)}" failures="{failed}" errors="{errored}"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="factlint" {counts}>',
           f'  <testsuite name="factlint" {counts} skipped="0">',
           *body,
           "  </testsuite>",
           "</testsuites>"]
    return "\n".join(out) + "\n"
