"""``--format checkstyle``: Checkstyle XML, read by Jenkins, reviewdog and many CI dashboards."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from xml.sax.saxutils import quoteattr as _quoteattr

from linter.report._located import located
from linter.report.base import RunResult
from linter.sanitize import xml_text


def quoteattr(s: str) -> str:
    """An XML attribute value; characters XML 1.0 forbids (control characters, lone surrogates)
    are shown as escapes, so the report stays well-formed."""
    return _quoteattr(xml_text(s))


def chunks(result: RunResult) -> Iterator[str]:
    """The report in pieces, a file's findings each (``render`` joins them)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n'
    for path, group in groupby(result.findings, key=lambda f: f.path):
        out = [f"  <file name={quoteattr(path)}>"]
        for f in group:
            out.append(
                f"    <error line=\"{f.line}\" column=\"{f.column}\" severity=\"{f.severity}\" "
                f"message={quoteattr(f.message)} source={quoteattr('factlint.' + f.rule)}/>"
            )
        out.append("  </file>")
        yield "\n".join(out) + "\n"
    out = []
    for error in result.errors:  # input and internal errors, in the file they concern
        e = located(error)
        out.append(f"  <file name={quoteattr(e.path)}>")
        out.append(f"    <error line=\"{e.line}\" column=\"{e.column}\" severity=\"error\" "
                   f"message={quoteattr(e.message)} source=\"factlint.error\"/>")
        out.append("  </file>")
    out.append("</checkstyle>")
    yield "\n".join(out) + "\n"


def render(result: RunResult) -> str:
    return "".join(chunks(result))
