"""Bench: sourcing cues and would-be source/weasel warnings per 1,000 Reuters politics articles.

Reads /work/shared/corpora/reuters21578/reuters21578_politics_people.jsonl (research use only;
nothing is copied into the repo) and runs ``linter.extract.attribution.attribute`` on every
article. Prints cues per 1,000 articles by kind, would-be ``source/weasel`` warnings (sentences
for which ``weasel_cues`` is non-empty), sentences with a ``speculation`` cue outside an attributed
quote (would-be info notes of a speculation rule; not weasels) and unattributed quotes per 1,000
articles. Target: weasel warnings < 100 per 1,000 articles.

    .venv/bin/python bench/source_rates.py [--show N] [--seed S] [--kind vague|hedge|...]
                                           [--quotes N] [--corpus PATH]

Exits 0 with a message when /work/shared is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from linter.document import load_text  # noqa: E402
from linter.extract.attribution import (  # noqa: E402
    QuoteSource,
    SentenceSource,
    attribute,
    weasel_cues,
)

CORPUS = SHARED / "corpora" / "reuters21578" / "reuters21578_politics_people.jsonl"


def analyse(text: str) -> tuple[list[SentenceSource], list[QuoteSource], list[str]]:
    """Attribute one article; returns the sources and the sentence texts."""
    doc = load_text(text, "bench.txt", "text")
    ss, qs = attribute(doc.sentences, doc.quotes)
    return ss, qs, [s.text for s in doc.sentences]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--show", type=int, default=0, help="print N random flagged sentences")
    ap.add_argument("--kind", default=None, help="with --show: only sentences with a cue of this kind")
    ap.add_argument("--quotes", type=int, default=0, help="print N random unattributed quotes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found ({args.corpus}); nothing to measure")
        return 0
    docs = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        docs = docs[: args.limit]
    cues: Counter[str] = Counter()
    weasel = 0
    speculation = 0
    docs_weasel = 0
    unattributed = 0
    quotes_total = 0
    flagged: list[tuple[str, str, str]] = []
    cue_examples: list[tuple[str, str, str]] = []
    unattr_examples: list[tuple[str, str]] = []
    for d in docs:
        ss, qs, texts = analyse(d["text"])
        any_w = False
        for s in ss:
            for c in s.cues:
                cues[c.kind] += 1
                if args.kind and c.kind == args.kind:
                    cue_examples.append((d["id"], c.text, " ".join(texts[s.index].split())))
            speculation += not s.in_attributed_quote and any(
                c.kind == "speculation" and not c.in_quote for c in s.cues)
            w = weasel_cues(s)
            if w:
                weasel += 1
                any_w = True
                flagged.append((d["id"], ", ".join(f"{c.kind}:{c.text}" for c in w),
                                " ".join(texts[s.index].split())))
        docs_weasel += any_w
        for q in qs:
            quotes_total += q.depth == 0
            if q.unattributed:
                unattributed += 1
                unattr_examples.append((d["id"], f"{q.index}"))
    n = len(docs)
    per = 1000.0 / n if n else 0.0
    print(f"Reuters-21578 politics/people: {n} articles\n")
    print("| measure | count | per 1,000 articles |")
    print("|---|---:|---:|")
    for kind in ("anonymous", "vague", "impersonal", "hedge", "speculation"):
        print(f"| cues: {kind} | {cues[kind]} | {cues[kind] * per:.1f} |")
    print(f"| would-be source/weasel warnings (sentences) | {weasel} | {weasel * per:.1f} |")
    print(f"| articles with >= 1 weasel warning | {docs_weasel} | {docs_weasel * per:.1f} |")
    print(f"| sentences with speculation (info, not weasel) | {speculation} | {speculation * per:.1f} |")
    print(f"| top-level quotes | {quotes_total} | {quotes_total * per:.1f} |")
    print(f"| unattributed quotes | {unattributed} | {unattributed * per:.1f} |")
    print(f"\ntarget: weasel warnings < 100 per 1,000 articles -> "
          f"{'OK' if weasel * per < 100 else 'ABOVE TARGET'}")
    rng = random.Random(args.seed)
    pool = cue_examples if args.kind else flagged
    if args.show and pool:
        print(f"\n{min(args.show, len(pool))} random {'cue' if args.kind else 'flagged'} sentences:")
        for doc_id, what, text in rng.sample(pool, min(args.show, len(pool))):
            print(f"- [{doc_id}] {what}\n    {text}")
    if args.quotes and unattr_examples:
        by_id = {d["id"]: d["text"] for d in docs}
        print("\nrandom unattributed quotes:")
        for doc_id, qidx in rng.sample(unattr_examples, min(args.quotes, len(unattr_examples))):
            text = by_id[doc_id]
            doc = load_text(text, "bench.txt", "text")
            quote = doc.quotes[int(qidx)]
            ctx = " ".join(text[max(0, quote.start - 150): quote.end + 100].split())
            print(f"- [{doc_id}] ...{ctx}...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
