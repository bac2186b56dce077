"""The language server's relint after a one-character edit in a 56 KB article.

Usage: python bench/lsp_relint.py [--size BYTES] [--edits N]

Builds one Markdown article with front matter from the Reuters-21578 politics articles in
../shared/corpora, lints it once with the server's ``Linter`` (rules and KB loaded, as an open
editor has them), then makes ``--edits`` one-character insertions in the middle and times each
relint (wall clock) through ``Linter.run``, the call the server's lint thread makes, with the
buffer's sentence memo (``linter.memo``) warm from the lint before. Prints the median, min and
max; then the same relints with the memo emptied first (a full relint: every sentence
extracted anew) and whether each relint's findings equal that full relint's. Exits 1 when any
differ, 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.lsp import Linter  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578" / "reuters21578_politics_people.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=56_000)
    ap.add_argument("--edits", type=int, default=15)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared absent)")
        return 0
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8") if line.strip()]
    body: list[str] = []
    n = k = 0
    while n < args.size:
        body.append(texts[k % len(texts)])
        n += len(body[-1]) + 2
        k += 1
    text = "---\ndate: 1987-06-01\n---\n\n" + "\n\n".join(body)
    linter, path = Linter(), Path("article.md")
    linter.run(path, text)
    full = Linter()  # lints each text from scratch: the same engine, no memo kept
    full._engines = linter._engines
    times, full_times, differ = [], [], 0
    for i in range(args.edits):
        at = len(text) // 2 + i * 37
        text = text[:at] + "x" + text[at:]
        t0 = time.perf_counter()
        got = linter.run(path, text)
        times.append(time.perf_counter() - t0)
        full._memos.clear()
        t0 = time.perf_counter()
        want = full.run(path, text)
        full_times.append(time.perf_counter() - t0)
        differ += got != want
    print(f"{len(text) / 1e3:.0f} KB article: relint after a one-character edit, median "
          f"{statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; "
          f"{args.edits} edits)")
    print(f"full relint of the same texts (no memo), median {statistics.median(full_times) * 1000:.0f} ms; "
          f"findings equal to the full relint's: {args.edits - differ} of {args.edits}")
    if differ:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
