"""Bench: the source/ and content/ findings on real news, counted and sampled for reading by hand.

Lints the hand-reading sample of issue 14 with the bundled rules that are on by default and
keeps the findings of ``--select`` (default ``source/,content/``): every Trump news item, both Wikinews files (MEANTIME and the SemEval-2015 task 4
extra), the IEER 1998 newswire and the first 1,000 articles of Reuters-21578 (all topics). Prints
a markdown table of findings per rule and severity per corpus; ``--sample N`` then prints up to N
findings of each rule drawn at random (``--seed``) across the corpora, each with its sentence and
the paragraphs around it, so that a person can mark each true or false. ``--rates`` prints
warnings per 1,000 articles and infos per article for each corpus (the budget of the issue is
measured on Reuters politics with ``--corpus``).

    .venv/bin/python bench/source_sample.py [--sample 50] [--seed 14] [--rule RULE]
                                            [--select PREFIX,...] [--corpus PATH ...] [--limit N]

Research data read in place under ../shared/corpora; nothing is copied into the repository.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.api import build_engine  # noqa: E402
from linter.finding import Severity  # noqa: E402
from linter.runner import make_document, read_jsonl  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora"
#: (file, how many of its records: None for all)
SAMPLE = [
    (CORPORA / "trump_news_2021_2025" / "trump_news_headlines.jsonl", None),
    (CORPORA / "wikinews_meantime" / "meantime_en.jsonl", None),
    (CORPORA / "wikinews_meantime" / "semeval2015_task4_wikinews_extra.jsonl", None),
    (CORPORA / "ieer_1998_newswire" / "ieer_1998.jsonl", None),
    (CORPORA / "reuters21578" / "reuters21578_all.jsonl.gz", 1000),
]


def _context(doc, offset: int, width: int = 1) -> str:  # type: ignore[no-untyped-def]
    """The finding's paragraph and ``width`` paragraphs either side, the finding's marked ``>>``."""
    paras = doc.paragraphs
    at = next((p.index for p in paras if p.start <= offset < max(p.end, p.start + 1)), None)
    if at is None:
        return ""
    lines = []
    for p in paras[max(0, at - width): at + width + 1]:
        text = " ".join(doc.text[p.start:p.end].split())
        lines.append(("  >> " if p.index == at else "     ") + (text[:400] + (" ..." if len(text) > 400 else "")))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="*", default=None, help="corpora to read (default: the sample)")
    ap.add_argument("--limit", type=int, default=0, help="read at most N records of each corpus")
    ap.add_argument("--select", default="source/,content/")
    ap.add_argument("--sample", type=int, default=0, help="print up to N findings of each rule")
    ap.add_argument("--rule", default="", help="with --sample: only this rule")
    ap.add_argument("--severity", default="info", choices=["info", "warning", "error"],
                    help="with --sample: the lowest severity shown")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--width", type=int, default=1, help="paragraphs of context either side")
    args = ap.parse_args(argv)
    corpora = [(c, args.limit or None) for c in args.corpus] if args.corpus else \
        [(c, args.limit or n) for c, n in SAMPLE]
    if not all(c.exists() for c, _ in corpora):
        print("skipped: corpora not found (../shared absent)")
        return 0
    # the rules on by default (as a user runs them), their findings kept by --select's prefixes
    engine = build_engine()
    prefixes = tuple(s for s in args.select.split(",") if s)
    low = Severity[args.severity.upper()]
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    print("| corpus | articles | rule | warnings+errors | per 1,000 | infos | per article |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for corpus, limit in corpora:
        errors: list[str] = []
        items = list(islice(read_jsonl(corpus, corpus.name, errors), limit))
        warn: Counter[str] = Counter()
        info: Counter[str] = Counter()
        for item in items:
            doc = make_document(item, None)
            for f in engine.lint(doc).findings:
                if not f.rule.startswith(prefixes):
                    continue
                (warn if f.severity >= Severity.WARNING else info)[f.rule] += 1
                if args.sample and f.severity >= low and (not args.rule or f.rule == args.rule):
                    off = doc.offset_of(f.line, f.column)
                    head = f"{f.path}:{f.line}:{f.column}: {f.severity.name.lower()}: {f.message} [{f.rule}]"
                    found[f.rule].append((head, _context(doc, off, args.width)))
        n = max(1, len(items))
        tw, ti = sum(warn.values()), sum(info.values())
        print(f"| {corpus.name} | {len(items)} | all | {tw} | {1000 * tw / n:.1f} | {ti} | {ti / n:.3f} |")
        for rule in sorted(set(warn) | set(info)):
            print(f"| | | {rule} | {warn[rule]} | {1000 * warn[rule] / n:.1f} | {info[rule]} | {info[rule] / n:.3f} |")
    rng = random.Random(args.seed)
    for rule, rows in sorted(found.items()):
        picked = sorted(rng.sample(range(len(rows)), min(args.sample, len(rows))))
        print(f"\n## {rule}: {len(picked)} of {len(rows)}\n")
        for k, i in enumerate(picked, 1):
            head, ctx = rows[i]
            print(f"[{k}] {head}\n{ctx}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
