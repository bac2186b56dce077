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

from collections.abc import Iterator
from itertools import groupby
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


def _cases(result: RunResult) -> Iterator[tuple[str, list[Finding]]]:
    """The findings of each test case with findings, the cases in order (``result.paths``, then
    the paths of findings no document has, as they first come): grouped in memory, or one pass
    over ``result.findings`` when they come in that order (``RunResult.by_case``)."""
    if result.by_case:
        for path, group in groupby(result.findings, key=lambda f: f.path):
            yield path, list(group)
        return
    cases: dict[str, list[Finding]] = {path: [] for path in result.paths or ()}
    for f in result.findings:
        cases.setdefault(f.path, []).append(f)
    yield from ((path, found) for path, found in cases.items() if found)


def _case(path: str, errors: list[str], findings: list[Finding], result: RunResult) -> str:
    """The XML of one test case."""
    failures = [f for f in findings if result.failing(f)]
    passed = [f for f in findings if not result.failing(f)]
    if not errors and not findings:  # a clean file: a passing test
        return f"    <testcase classname=\"factlint\" name={quoteattr(path)}/>\n"
    body = [f"    <testcase classname=\"factlint\" name={quoteattr(path)}>"]
    for error in errors:
        body.append(f"      <error type=\"factlint.error\" message={quoteattr(located(error).message)}>"
                    f"{escape(error)}</error>")
    for f in failures:
        body.append(f"      <failure type={quoteattr(f.rule)} message={quoteattr(f.message)}>"
                    f"{escape(_line(f))}</failure>")
    if passed:
        body.append(f"      <system-out>{escape(chr(10).join(map(_line, passed)))}</system-out>")
    body.append("    </testcase>")
    return "\n".join(body) + "\n"


def _body(result: RunResult, errors: dict[str, list[str]]) -> Iterator[tuple[str, list[str], list[Finding]]]:
    """Each test case's path, errors and findings, in order: the files linted (input order, each
    once), then the paths of findings no document has, then those of errors alone."""
    groups = _cases(result)
    head = next(groups, None)
    done: set[str] = set()
    paths = result.paths or ()
    for path in paths:
        findings: list[Finding] = []
        if head is not None and head[0] == path:
            findings = head[1]
            head = next(groups, None)
        yield path, errors.get(path, []), findings
    while head is not None:
        done.add(head[0])
        yield head[0], errors.get(head[0], []), head[1]
        head = next(groups, None)
    for path, errs in errors.items():
        if path not in paths and path not in done:
            yield path, errs, []


def chunks(result: RunResult) -> Iterator[str]:
    """The report in pieces, a test case each (``render`` joins them). The counts come first:
    a first pass over the findings counts the failed cases (without writing them), a second
    writes them."""
    errors: dict[str, list[str]] = {}  # path -> its errors: input and internal errors go in the test case of their file
    for error in result.errors:
        errors.setdefault(located(error).path or "factlint", []).append(error)
    tests = failed = 0
    for _, _, findings in _body(result, errors):
        tests += 1
        failed += any(map(result.failing, findings))
    errored = len(errors)
    counts = f'tests="{tests}" failures="{failed}" errors="{errored}"'
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<testsuites name="factlint" {counts}>\n'
           f'  <testsuite name="factlint" {counts} skipped="0">\n')
    for path, errs, findings in _body(result, errors):
        yield _case(path, errs, findings, result)
    yield "  </testsuite>\n</testsuites>\n"


def render(result: RunResult) -> str:
    return "".join(chunks(result))
