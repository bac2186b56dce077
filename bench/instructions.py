"""Count the CPU instructions the lint loop executes, a measure of work that other jobs on the
machine do not disturb (CPU seconds move by ±10 % on a shared machine; this count repeats to
within about 0.15 %).

Usage: python bench/instructions.py [--limit N] [--tree PATH ...] [--by-kind]

For each tree (default: this checkout), runs ``valgrind --tool=cachegrind --cache-sim=no`` on a
child that loads the engine and lints the first ``--limit`` Reuters-21578 articles (default 600)
once, and on a child that loads the engine and lints none; the difference is the lint loop's
instructions. Prints millions of instructions per tree and, with several trees, each one's ratio
to the first. Python's hash seed is fixed (``PYTHONHASHSEED=0``) so that set and dict orders,
and with them the work, are the same from run to run. Instructions are not seconds (a regular
expression's inner loop retires more instructions per cycle than the interpreter does), so use
it to compare two versions of the same code, and confirm a change with ``bench/throughput.py``.
``--by-kind`` splits one tree's loop by the kind of C code that ran it (the regular-expression
engine, the interpreter loop, allocation, dicts and sets, strings; cg_annotate's per-function
table, the load-only run subtracted): where a change could still save work.
Exits 0 with a message when valgrind or ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
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


def instructions(tree: Path, n: int, out: Path | None = None) -> int:
    """Instructions of the child linting ``n`` articles with the code of ``tree`` (cachegrind's
    per-function counts kept in ``out`` when given)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "child.py"  # a file, not -c: cachegrind's "cmd:" line takes one line
        child.write_text(CHILD, encoding="utf-8")
        proc = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out or '/dev/null'}",
             sys.executable, str(child), str(tree), str(CORPUS), str(n)],
            capture_output=True, text=True, env=env, check=False)
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed on {tree}:\n{proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


#: what a C function of the interpreter does, for ``--by-kind`` (the first that matches its
#: file:function name; "other" for the rest: builtins, type slots, list and tuple code)
KINDS = (
    ("regular expressions (_sre)", re.compile(r"_sre|sre_")),
    ("interpreter loop and frames", re.compile(r"ceval\.c|frame\.c|pycore_frame|Include/object\.h")),
    ("allocation and GC", re.compile(r"obmalloc|malloc|gcmodule|_Py_NewReference|dealloc")),
    ("dict, set and hash", re.compile(r"dictobject|setobject|pyhash")),
    ("str and bytes", re.compile(r"unicode|fastsearch|bytes|stringlib|split\.h|mem(?:move|cpy|set|cmp)")),
    ("Aho-Corasick (pyahocorasick)", re.compile(r"trienode|automaton|ahocorasick")),
)


def by_function(path: Path) -> dict[str, int]:
    """cachegrind's instruction count of each file:function in ``path`` (cg_annotate's table)."""
    text = subprocess.run(["cg_annotate", "--threshold=0", str(path)], capture_output=True, text=True,
                          check=True).stdout
    counts: dict[str, int] = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([\s\d.]+%\)\s+(\S.*:.*)$", line)
        if m and "PROGRAM TOTALS" not in line:
            name = m.group(2).rsplit("/", 1)[-1]
            counts[name] = counts.get(name, 0) + int(m.group(1).replace(",", ""))
    return counts


def kinds(tree: Path, n: int) -> None:
    """Print the lint loop's instructions by the kind of C code that ran them."""
    with tempfile.TemporaryDirectory() as tmp:
        full, load = Path(tmp) / "full.out", Path(tmp) / "load.out"
        instructions(tree, n, full)
        instructions(tree, 0, load)
        a, b = by_function(full), by_function(load)
    diff = {k: v - b.get(k, 0) for k, v in a.items()}
    total = sum(diff.values())
    sums: dict[str, int] = {}
    for name, v in diff.items():
        kind = next((k for k, rx in KINDS if rx.search(name)), "other")
        sums[kind] = sums.get(kind, 0) + v
    print(f"{tree}: the lint loop's {total / 1e6:,.0f} M instructions by kind ({n} articles)")
    for kind, v in sorted(sums.items(), key=lambda kv: -kv[1]):
        print(f"  {100 * v / total:5.1f} %  {kind}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=600, help="articles to lint (default 600)")
    ap.add_argument("--tree", type=Path, action="append", default=[],
                    help="a checkout to measure (repeatable; default: this one)")
    ap.add_argument("--by-kind", action="store_true",
                    help="split the loop's instructions by the kind of C code (regex engine, interpreter "
                         "loop, allocation, ...) instead of comparing trees")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind not found")
        return 0
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared absent)")
        return 0
    trees = [t.resolve() for t in args.tree] or [REPO]
    if args.by_kind:
        for tree in trees:
            kinds(tree, args.limit)
        return 0
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
