"""``--format jsonl``: JSON Lines, one finding per line (the finding object of ``--format json``).

Written as the documents are linted when the report goes to standard output and nothing asks
for the whole set first (``--output-file``, ``--fix``, ``--baseline``, ``--write-baseline``,
``--diff`` and ``--statistics`` do): then a consumer reads an archive's findings while the run
goes on (with ``--output-file`` or ``--statistics`` the findings are spooled to disk and sorted,
``linter.spool``: memory does not grow with their number either way). Lines come document by document, in
input order, each document's findings in line order (the other formats sort all findings by
path). Input errors and warnings go to standard error and the exit status is the usual one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from linter.finding import Finding
from linter.report.base import RunResult

#: the command line streams this format (``line`` per finding) when it can
STREAMS = True


def line(finding: Finding) -> str:
    """One finding as one line of JSON (with its line break)."""
    return json.dumps(finding.to_dict(), ensure_ascii=False) + "\n"


def chunks(result: RunResult) -> Iterator[str]:
    """The report in pieces, a finding each (``render`` joins them)."""
    return map(line, result.findings)


def render(result: RunResult) -> str:
    return "".join(chunks(result))
