"""Time per byte against document size: is the whole pipeline linear in the length of one document?

Usage: python bench/doc_size.py [SIZE ...]   (bytes; default 100000 1000000 10000000)

Builds one plain-text document of each size from the Reuters-21578 politics articles in
../shared/corpora (joined as paragraphs, in order, repeated as needed), lints it with every
bundled rule in this process and prints the CPU seconds (``time.process_time``: steady on a
shared machine) and microseconds per byte. Linear means the per-byte figure stays flat.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.api import build_engine, load_document  # noqa: E402
from linter.kb import load_kb  # noqa: E402
from linter.runner import read_jsonl  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578" / "reuters21578_politics_people.jsonl"


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000, 10_000_000]
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared absent)")
        return 0
    texts = [item.text for item in read_jsonl(CORPUS, CORPUS.name, [])]
    engine = build_engine(kb=load_kb())
    engine.lint(load_document(texts[0], path="warm.txt", date=datetime.date(1987, 6, 1), kind="text"))
    base = None
    for size in sizes:
        parts: list[str] = []
        n = k = 0
        while n < size:
            parts.append(texts[k % len(texts)])
            n += len(parts[-1]) + 2
            k += 1
        text = "\n\n".join(parts)
        t0 = time.process_time()
        doc = load_document(text, path="big.txt", date=datetime.date(1987, 6, 1), kind="text")
        findings = len(engine.lint(doc).findings)
        cpu = time.process_time() - t0
        per_byte = cpu / len(text) * 1e6
        base = base or per_byte
        print(f"{len(text) / 1e3:9,.0f} KB  {cpu:7.2f} s CPU  {per_byte:5.2f} us/byte  "
              f"({per_byte / base:.2f}x the first)  {findings} findings", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
