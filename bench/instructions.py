"""Count the CPU instructions the lint loop executes, a measure of work that other jobs on the
machine do not disturb (CPU seconds move by ±10 % on a shared machine; this count repeats to
within about 0.15 %).

Usage: python bench/instructions.py [--limit N] [--tree PATH ...]

For each tree (default: this checkout), runs ``valgrind --tool=cachegrind --cache-sim=no`` on a
child that loads the engine and lints the first ``--limit`` Reuters-21578 articles (default 600)
once, and on a child that loads the engine and lints none; the difference is the lint loop's
instructions. Prints millions of instructions per tree and, with several trees, each one's ratio
to the first. Python's hash seed is fixed (``PYTHONHASHSEED=0``) so that set and dict orders,
and with them the work, are the same from run to run. Instructions are not seconds (a regular
expression's inner loop retires more instructions per cycle than the interpreter does), so use
it to compare two versions of the same code, and confirm a change with ``bench/throughput.py``.
Exits 0 with a message when valgrind or ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578" / "reuters21578_all.jsonl.gz"

#: the child: load the engine, warm it on a few articles, lint the first N once (N = 0: load only)
CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from linter.api import build_engine
from linter.kb import load_kb
from linter.runner import make_document, read_jsonl
corpus, n = Path(sys.argv[2]), int(sys.argv[3])
items = []
for item in read_jsonl(corpus, corpus.name, []):
    items.append(item)
    if len(items) >= max(n, 50):
        break
engine = build_engine(select=[], kb=load_kb())
for item in items[:50]:
    engine.lint(make_document(item, None))
for item in items[:n]:
    engine.lint(make_document(item, None))
"""


def instructions(tree: Path, n: int) -> int:
    """Instructions of the child linting ``n`` articles with the code of ``tree``."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", CHILD, str(tree), str(CORPUS), str(n)],
        capture_output=True, text=True, env=env, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed on {tree}:\n{proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=600, help="articles to lint (default 600)")
    ap.add_argument("--tree", type=Path, action="append", default=[],
                    help="a checkout to measure (repeatable; default: this one)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind not found")
        return 0
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared absent)")
        return 0
    trees = [t.resolve() for t in args.tree] or [REPO]
    first: float | None = None
    for tree in trees:
        lint = instructions(tree, args.limit) - instructions(tree, 0)
        per = lint / args.limit
        first = first or per
        print(f"{tree}: {lint / 1e6:,.0f} M instructions for {args.limit} articles "
              f"({per / 1e6:.2f} M an article; {per / first:.3f}x the first tree)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
