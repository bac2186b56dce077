"""A long hypothesis run: lint many generated documents, count crashes and hangs.

Usage: python bench/fuzz.py [--count N] [--seed S] [--hang S]

Documents are built like the suite's property tests (tests/test_pipeline_properties.py): news
phrases, markup, quotes, dates, control characters, lone CRs and random Unicode, as plain text,
Markdown or HTML, with or without a publication date (years 1 to 9999). Each is loaded and
linted with every bundled rule; a crash is any exception other than the loader's
``DocumentError`` (an input error reported to the user), an internal error the engine caught
(``Result.errors``), or a finding outside the text or whose excerpt is not the text at its
position; a hang is a document that takes more than ``--hang`` seconds (default 10). Prints the
count of documents, crashes and hangs, and the first few failing inputs.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linter.document import DocumentError, load_text  # noqa: E402
from linter.engine import Engine  # noqa: E402
from linter.rules import load_rules  # noqa: E402

PIECES = st.sampled_from([
    "former President Donald Trump", "Thursday, January 14, 2026", "February 30, 2025", "It has been reported",
    "“", "”", '"', "’", "‘", "'", "\n", "\n\n", "\r", "\r\n", " ", ". ", "U.S.", "Jan. 3", "reportedly",
    "Analysts caution that", "Related Articles", "Leave a Reply", "<!-- factlint-disable source/ -->",
    "factlint-disable-next-line content/\n", "---\n", "date: 0001-01-01\n", "title: x\n", "a: &a [*a]\n",
    "# ", "> ", "```\n", "`", "*", "_", "[", "](", "<!--", "-->", "<script>", "</script>", "<p>", "</p>", "&amp;",
    "the 75-year-old Netanyahu", "is expected to announce", "on Monday", "$40 billion", "Vance said",
    "Image Source: Google", "last Friday, March 13", "two years ago", "Biden", "Macron said", "in 2019",
    "é", "😀", "\x00", "\x1b[31m", "\u202e", "\ufeff", "(", ")", "10 years since the 2014 referendum",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)
KINDS = st.sampled_from(["text", "markdown", "html", None])
DATES = st.one_of(st.none(), st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
                  st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--hang", type=float, default=10.0)
    args = ap.parse_args()
    engine = Engine(load_rules())
    stats = {"documents": 0, "input_errors": 0, "findings": 0, "crashes": 0, "hangs": 0, "slowest": 0.0}
    failures: list[str] = []

    @seed(args.seed)
    @settings(max_examples=args.count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(TEXT, KINDS, DATES)
    def one(text: str, kind: str | None, date: datetime.date | None) -> None:
        stats["documents"] += 1
        t0 = time.perf_counter()
        try:
            try:
                doc = load_text(text, path="x", kind=kind, date=date)
            except DocumentError:
                stats["input_errors"] += 1
                return
            result = engine.lint(doc)
            if result.errors:
                raise RuntimeError("; ".join(str(e) for e in result.errors))
            lines = re.split(r"\r(?!\n)|\n", text)
            for f in result.findings:
                if not (1 <= f.line <= f.end_line <= len(lines)):
                    raise AssertionError(f"finding {f.rule} at line {f.line} outside the text")
                start, end = doc.offset_of(f.line, f.column), doc.offset_of(f.end_line, f.end_column)
                if text[start:end] != f.excerpt:
                    raise AssertionError(f"finding {f.rule}: excerpt {f.excerpt!r} is not the text there")
            stats["findings"] += len(result.findings)
        except Exception as exc:  # noqa: BLE001 - counted and shown, the run goes on
            stats["crashes"] += 1
            if len(failures) < 5:
                failures.append(f"{type(exc).__name__}: {exc} on {text!r} ({kind}, {date})")
        finally:
            took = time.perf_counter() - t0
            stats["slowest"] = max(stats["slowest"], took)
            if took > args.hang:
                stats["hangs"] += 1

    started = time.perf_counter()
    one()
    elapsed = time.perf_counter() - started
    print(f"documents {stats['documents']:,}  input errors {stats['input_errors']:,}  findings {stats['findings']:,}  "
          f"crashes {stats['crashes']}  hangs {stats['hangs']}  slowest {stats['slowest']:.2f} s  "
          f"total {elapsed:.0f} s  (seed {args.seed})")
    for failure in failures:
        print("  " + failure[:500])
    return 1 if stats["crashes"] or stats["hangs"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
