"""False-alarm budget: warnings and errors per 1,000 articles, per rule, on real dated news.

Usage: python bench/alarm_rates.py [--select PREFIX,...] [--show RULE] [CORPUS ...]

Default corpora (from ../shared/corpora): Reuters-21578 politics subset (1,875 articles, 1987),
Wikinews MEANTIME (120) and the dated Trump news items (2021-2025). Prints a markdown table;
``--show RULE`` prints every finding of that rule with its sentence so a person can read it.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.api import build_engine  # noqa: E402
from linter.finding import Severity  # noqa: E402
from linter.runner import make_document, read_jsonl  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT = [
    CORPORA / "reuters21578" / "reuters21578_politics_people.jsonl",
    CORPORA / "wikinews_meantime" / "meantime_en.jsonl",
    CORPORA / "trump_news_2021_2025" / "trump_news_headlines.jsonl",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--select", default="", help="rule id prefixes (default: all)")
    ap.add_argument("--show", default="", help="print every warning/error of this rule")
    ap.add_argument("--dated-only", action="store_true", default=True)
    args = ap.parse_args()
    if not all(c.exists() for c in args.corpora):
        print("skipped: corpora not found (../shared absent)")
        return 0
    engine = build_engine(select=[s for s in args.select.split(",") if s])
    print("| corpus | articles | rule | warnings+errors | per 1,000 articles |")
    print("|---|---|---|---|---|")
    for corpus in args.corpora:
        errors: list[str] = []
        items = [i for i in read_jsonl(corpus, corpus.name, errors) if i.date is not None]
        counts: Counter[str] = Counter()
        shown = []
        for item in items:
            doc = make_document(item, None)
            for f in engine.lint(doc).findings:
                if f.severity >= Severity.WARNING:
                    counts[f.rule] += 1
                    if f.rule == args.show:
                        sentence = doc.sentence_at(doc.offset_of(f.line, f.column))
                        shown.append(f"{f.path}:{f.line}:{f.column}: {f.message}\n    {sentence.text if sentence else ''}")
        total = sum(counts.values())
        print(f"| {corpus.name} | {len(items)} | all | {total} | {1000 * total / max(1, len(items)):.1f} |")
        for rule, n in sorted(counts.items()):
            print(f"| | | {rule} | {n} | {1000 * n / max(1, len(items)):.1f} |")
        for line in shown:
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
