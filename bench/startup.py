"""Measure start-up: the knowledge base's cold load plus a first look-up, and a one-article
``factlint check``, each in fresh processes.

Usage: python bench/startup.py [--runs N]

Prints the minimum and the median over N runs (default 9) of: (1) in a new Python process,
``load_kb()`` followed by ``find_people("Donald Tusk")`` and ``holds(...)`` (the timer starts
after the import of ``linter.kb``); (2) the wall time of ``factlint check`` on one 3.5 KB seed
article, the process start included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROBE = """
import time, datetime
from linter.kb import load_kb
t = time.perf_counter()
kb = load_kb()
[p] = kb.find_people("Donald Tusk")
assert kb.holds(p.id, "pl.prime-minister", datetime.date(2024, 6, 1))
print((time.perf_counter() - t) * 1000)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    loads = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=REPO)
        loads.append(float(out.stdout.strip()))
    factlint = Path(sys.executable).with_name("factlint")
    article = REPO / "seeds" / "001_535466d225eb473c.txt"
    walls = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run([str(factlint), "check", str(article), "--date", "2025-12-30"], capture_output=True, cwd=REPO)
        walls.append((time.perf_counter() - t) * 1000)
    print(f"KB load + first look-up, cold: min {min(loads):.1f} ms, median {statistics.median(loads):.1f} ms "
          f"({args.runs} processes)")
    print(f"factlint check, one article, cold: min {min(walls):.0f} ms, median {statistics.median(walls):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
