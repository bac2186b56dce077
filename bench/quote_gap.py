"""Bench: how far from a stand-alone quote its speaker is named, the measure behind the speaker reach.

A stand-alone quote here is a top-level, closed direct quote of five words or more that opens its
paragraph, is no slogan or title, and has no speaker in its own sentence, in a lead-in ending in
a colon or dash, or in an epigraph dash. With the reach set wide (``--back`` / ``--ahead``
paragraphs), the table counts where its speaker is found: in the quote it continues, later in its
own paragraph, N paragraphs before it or after it, or nowhere.
``linter.extract.attribution.SPEAKER_GAP_BACK`` and ``SPEAKER_GAP_AHEAD`` are set from this
table and from reading the quotes at each distance (``--show before:2`` prints them with the
speaker taken).

    .venv/bin/python bench/quote_gap.py [--show before:2] [--corpus PATH ...] [--limit N]

Research data read in place under ../shared/corpora; exits 0 with a message when it is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import linter.extract.attribution as attribution  # noqa: E402
from linter.runner import make_document, read_jsonl  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT = [
    CORPORA / "trump_news_2021_2025" / "trump_news_headlines.jsonl",
    CORPORA / "wikinews_meantime" / "meantime_en.jsonl",
    CORPORA / "wikinews_meantime" / "semeval2015_task4_wikinews_extra.jsonl",
    CORPORA / "ieer_1998_newswire" / "ieer_1998.jsonl",
    CORPORA / "reuters21578" / "reuters21578_all.jsonl.gz",
    CORPORA / "timeml_tempeval3" / "timeml_docs.jsonl",
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="*", default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="records of each corpus (default: all)")
    ap.add_argument("--back", type=int, default=6)
    ap.add_argument("--ahead", type=int, default=3)
    ap.add_argument("--show", default="", help="WHERE:GAP (before:2, after:1, continued:3, none:0) to print")
    args = ap.parse_args(argv)
    if not all(c.exists() for c in args.corpus):
        print("skipped: corpora not found (../shared absent)")
        return 0
    attribution.SPEAKER_GAP_BACK, attribution.SPEAKER_GAP_AHEAD = args.back, args.ahead
    where: Counter[tuple[str, int]] = Counter()
    shown = []
    docs = 0
    for corpus in args.corpus:
        for item in islice(read_jsonl(corpus, corpus.name, []), args.limit or None):
            doc = make_document(item, None)
            if not doc.quotes:
                continue
            docs += 1
            _, qsources = attribution.attribute(doc.sentences, doc.quotes)
            for qs in qsources:
                q = doc.quotes[qs.index]
                para = doc.paragraphs[q.paragraph]
                if (q.depth or not q.closed or para.kind in ("heading", "title") or len(q.text.split()) < 5
                        or doc.text[para.start:q.start].strip() or qs.mention
                        or qs.via in ("sentence", "lead-in", "dash")):
                    continue
                key = (qs.via or "none", qs.gap if qs.via else 0)
                where[key] += 1
                if args.show == f"{key[0]}:{key[1]}":
                    shown.append(f"  {doc.path}:{doc.line_col(q.start)[0]}: “{' '.join(q.text.split())[:100]}” "
                                 f"<- {qs.speaker!r}")
    total = sum(where.values())
    print(f"{docs} documents with quotes; {total} stand-alone quote paragraphs "
          f"(reach: {args.back} back, {args.ahead} ahead)")
    print("| speaker found | paragraphs away | quotes | share |")
    print("|---|---:|---:|---:|")
    for (via, gap), n in sorted(where.items(), key=lambda kv: (kv[0][0] != "none", kv[0])):
        print(f"| {via} | {gap} | {n} | {100 * n / max(1, total):.1f} % |")
    for line in shown:
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
