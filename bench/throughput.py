"""Measure the whole pipeline's throughput (document model + extractors + all rules) on real newswire.

Usage: python bench/throughput.py [--corpus PATH] [--limit N] [--select PREFIX,...] [--repeat N] [--cpu] [--profile]

Reads a JSON Lines archive (default: ../shared/corpora/reuters21578/reuters21578_all.jsonl.gz),
lints every record in this process (one core) with the bundled rules and prints MB/s of article
text (best of ``--repeat`` passes: on a shared machine the fastest pass is the least disturbed;
every pass is printed too). A pass after the first finds the extractors' bounded memos filled, as
a long run does after its first few thousand articles: for what one ``factlint check`` of the
archive does, compare first passes of separate runs (``--repeat 1``).
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.api import build_engine  # noqa: E402
from linter.kb import load_kb  # noqa: E402
from linter.runner import make_document, read_jsonl  # noqa: E402

DEFAULT = REPO.parent / "shared" / "corpora" / "reuters21578" / "reuters21578_all.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="lint at most N records (0 = all)")
    ap.add_argument("--select", default="", help="rule id prefixes (default: all bundled rules)")
    ap.add_argument("--repeat", type=int, default=1, help="lint the records N times and report the fastest pass")
    ap.add_argument("--profile", action="store_true", help="print the 25 most expensive functions")
    ap.add_argument("--cpu", action="store_true",
                    help="time the lint loop in CPU seconds of this process (time.process_time), "
                         "not wall seconds: steadier on a machine other jobs are loading")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (../shared absent)")
        return 0
    errors: list[str] = []
    items = list(read_jsonl(args.corpus, args.corpus.name, errors))
    if args.limit:
        items = items[: args.limit]
    t0 = time.perf_counter()
    select = [s for s in args.select.split(",") if s]
    engine = build_engine(select=select, kb=load_kb())
    startup = time.perf_counter() - t0
    size = sum(len(i.text.encode("utf-8")) for i in items)
    profiler = cProfile.Profile() if args.profile else None
    passes: list[float] = []
    findings = 0
    clock = time.process_time if args.cpu else time.perf_counter
    for _ in range(max(1, args.repeat)):
        findings = 0
        t1 = clock()
        if profiler:
            profiler.enable()
        for item in items:
            findings += len(engine.lint(make_document(item, None)).findings)
        if profiler:
            profiler.disable()
        passes.append(clock() - t1)
    elapsed = min(passes)
    print(f"corpus: {args.corpus.name}, {len(items)} articles, {size / 1e6:.2f} MB of text")
    print(f"rules: {len(engine.rules)} active; start-up (rules + KB) {startup * 1000:.0f} ms")
    print(f"lint: {elapsed:.2f} {'CPU ' if args.cpu else ''}s, {size / 1e6 / elapsed:.2f} MB/s, {len(items) / elapsed:.0f} articles/s, "
          f"{findings} findings")
    if len(passes) > 1:
        rates = sorted(size / 1e6 / p for p in passes)
        print(f"passes: {', '.join(f'{p:.2f}' for p in passes)} {'CPU ' if args.cpu else ''}s; "
              f"MB/s min {rates[0]:.2f}, median {rates[len(rates) // 2]:.2f}, max {rates[-1]:.2f}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
