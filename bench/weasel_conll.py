"""Bench: sentence-level weasel detection on the CoNLL-2010 Wikipedia (WikiWeasel) balanced sample.

Reads /work/shared/corpora/wiki_uncertainty_conll2010/conll2010_wiki_balanced_3000.jsonl
(1,500 "uncertain" = positive, 1,500 "certain"; research use only, nothing copied into the repo).
A sentence is predicted positive when ``weasel_cues`` (the decision the ``source/weasel`` rule
makes: a vague/impersonal/hedge cue and no source in the sentence) is non-empty. Prints a
markdown table of precision / recall / F1, beside the best CoNLL-2010 task 1 Wikipedia system
(60.2 F1; Georgescul 2010). We do not have the official split: this is the clips/pattern
3,000-sentence balanced sample, so the numbers are comparable only in spirit.

    .venv/bin/python bench/weasel_conll.py [--show-fp N] [--show-fn N] [--seed S]

Exits 0 with a message when /work/shared is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from source_rates import analyse  # noqa: E402

from linter.extract.attribution import weasel_cues  # noqa: E402

CORPUS = SHARED / "corpora" / "wiki_uncertainty_conll2010" / "conll2010_wiki_balanced_3000.jsonl"
BEST_CONLL_WIKI_F1 = 60.2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--show-fp", type=int, default=0, help="print N random false positives")
    ap.add_argument("--show-fn", type=int, default=0, help="print N random false negatives")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found ({args.corpus}); nothing to measure")
        return 0
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = tn = 0
    fps: list[tuple[str, str]] = []
    fns: list[str] = []
    by_kind: dict[str, list[int]] = {}
    for r in rows:
        gold = r["label"] == "uncertain"
        ss, _qs, _texts = analyse(r["text"])
        cues = [c for s in ss for c in weasel_cues(s)]
        pred = bool(cues)
        for kind in {c.kind for c in cues}:
            by_kind.setdefault(kind, [0, 0])[0 if gold else 1] += 1
        if pred and gold:
            tp += 1
        elif pred:
            fp += 1
            fps.append((", ".join(f"{c.kind}:{c.text}" for c in cues), r["text"]))
        elif gold:
            fn += 1
            fns.append(r["text"])
        else:
            tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"CoNLL-2010 WikiWeasel balanced sample: {len(rows)} sentences "
          f"({tp + fn} uncertain, {fp + tn} certain)\n")
    print("| system | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    print(f"| factlint source/weasel decision | {100 * p:.1f} | {100 * rc:.1f} | {100 * f1:.1f} |")
    print(f"| best CoNLL-2010 task 1 Wikipedia system (official test split) | | | {BEST_CONLL_WIKI_F1} |")
    print(f"| always 'uncertain' baseline (this sample) | 50.0 | 100.0 | {100 * 2 * 0.5 / 1.5:.1f} |")
    print(f"\ntp={tp} fp={fp} fn={fn} tn={tn}")
    print("\n| cue kind | flagged uncertain | flagged certain |")
    print("|---|---:|---:|")
    for kind, (g, c) in sorted(by_kind.items()):
        print(f"| {kind} | {g} | {c} |")
    rng = random.Random(args.seed)
    if args.show_fp and fps:
        print("\nrandom false positives:")
        for what, text in rng.sample(fps, min(args.show_fp, len(fps))):
            print(f"- {what}\n    {text}")
    if args.show_fn and fns:
        print("\nrandom false negatives:")
        for text in rng.sample(fns, min(args.show_fn, len(fns))):
            print(f"- {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
