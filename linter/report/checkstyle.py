"""``--format checkstyle``: Checkstyle XML, read by Jenkins, reviewdog and many CI dashboards."""

from __future__ import annotations

from itertools import groupby
from xml.sax.saxutils import quoteattr

from linter.report.base import RunResult


def render(result: RunResult) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">']
    for path, group in groupby(result.findings, key=lambda f: f.path):
        out.append(f"  <file name={quoteattr(path)}>")
        for f in group:
            out.append(
                f"    <error line=\"{f.line}\" column=\"{f.column}\" severity=\"{f.severity}\" "
                f"message={quoteattr(f.message)} source={quoteattr('factlint.' + f.rule)}/>"
            )
        out.append("  </file>")
    out.append("</checkstyle>")
    return "\n".join(out) + "\n"
