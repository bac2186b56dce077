"""Bench: sentence-level weasel detection on the CoNLL-2010 Wikipedia (WikiWeasel) balanced sample.

Reads /work/shared/corpora/wiki_uncertainty_conll2010/conll2010_wiki_balanced_3000.jsonl
(1,500 "uncertain" = positive, 1,500 "certain"; research use only, nothing copied into the repo).
A sentence is predicted positive by the ``source/weasel`` decision when ``weasel_cues`` (a
vague/impersonal/hedge cue and no source in the sentence) is non-empty; the ``speculation`` row
predicts positive when the sentence has a ``speculation`` cue outside an attributed quote (the
writer's own guess: "probably", "might", "seems"), which is not a sourcing problem and not a
weasel; the ``weasel + speculation`` row is the union. Prints a markdown table of precision /
recall / F1 beside the best CoNLL-2010 task 1 Wikipedia system (60.2 F1; Georgescul 2010) and
the always-"uncertain" baseline. We do not have the official split: this is the clips/pattern
3,000-sentence balanced sample, so the numbers are comparable only in spirit.

    .venv/bin/python bench/weasel_conll.py [--show-fp N] [--show-fn N] [--seed S]
                                           [--decision weasel|speculation|both] [--profile]
                                           [--corpus PATH]

``--profile`` prints how much of the "uncertain" label is vague quantification ("some", "many",
"several" ...), which the CoNLL-2010 guideline counts as weasel wording but which is not a
sourcing problem. Exits 0 with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from source_rates import analyse  # noqa: E402

from linter.extract.attribution import Cue, SentenceSource, weasel_cues  # noqa: E402

CORPUS = SHARED / "corpora" / "wiki_uncertainty_conll2010" / "conll2010_wiki_balanced_3000.jsonl"
BEST_CONLL_WIKI_F1 = 60.2
DECISIONS = ("weasel", "speculation", "both")
_QUANT_RE = re.compile(r"\b(?:some|many|several|various|numerous|most|few|certain)\b", re.IGNORECASE)


def speculation_cues(src: SentenceSource) -> list[Cue]:
    """The writer's own speculation: a ``speculation`` cue outside an attributed quote."""
    if src.in_attributed_quote:
        return []
    return [c for c in src.cues if c.kind == "speculation" and not c.in_quote]


def decide(src: SentenceSource, decision: str) -> list[Cue]:
    if decision == "weasel":
        return weasel_cues(src)
    if decision == "speculation":
        return speculation_cues(src)
    return weasel_cues(src) + speculation_cues(src)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--show-fp", type=int, default=0, help="print N random false positives")
    ap.add_argument("--show-fn", type=int, default=0, help="print N random false negatives")
    ap.add_argument("--decision", choices=DECISIONS, default="weasel",
                    help="which decision --show-fp/--show-fn list (default: weasel)")
    ap.add_argument("--profile", action="store_true", help="print the vague-quantifier share of the label")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found ({args.corpus}); nothing to measure")
        return 0
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {d: [0, 0, 0, 0] for d in DECISIONS}  # tp fp fn tn
    fps: list[tuple[str, str]] = []
    fns: list[str] = []
    by_kind: dict[str, list[int]] = {}
    for r in rows:
        gold = r["label"] == "uncertain"
        ss, _qs, _texts = analyse(r["text"])
        for d in DECISIONS:
            cues = [c for s in ss for c in decide(s, d)]
            pred = bool(cues)
            counts[d][(0 if gold else 1) if pred else (2 if gold else 3)] += 1
            if d == "both":
                for kind in {c.kind for c in cues}:
                    by_kind.setdefault(kind, [0, 0])[0 if gold else 1] += 1
            if d == args.decision:
                if pred and not gold:
                    fps.append((", ".join(f"{c.kind}:{c.text}" for c in cues), r["text"]))
                elif gold and not pred:
                    fns.append(r["text"])
    n_unc = sum(1 for r in rows if r["label"] == "uncertain")
    print(f"CoNLL-2010 WikiWeasel balanced sample: {len(rows)} sentences "
          f"({n_unc} uncertain, {len(rows) - n_unc} certain)\n")
    print("| system | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    names = {"weasel": "factlint source/weasel decision (weasel alone)",
             "speculation": "factlint speculation cues alone (info, not a weasel)",
             "both": "factlint weasel + speculation"}
    for d in DECISIONS:
        tp, fp, fn, _tn = counts[d]
        p, rc, f1 = prf(tp, fp, fn)
        print(f"| {names[d]} | {100 * p:.1f} | {100 * rc:.1f} | {100 * f1:.1f} |")
    print(f"| best CoNLL-2010 task 1 Wikipedia system (official test split) | | | {BEST_CONLL_WIKI_F1} |")
    base_p = n_unc / len(rows) if rows else 0.0
    base_f = 2 * base_p / (base_p + 1) if base_p else 0.0
    print(f"| always 'uncertain' baseline (this sample) | {100 * base_p:.1f} | 100.0 | {100 * base_f:.1f} |")
    print()
    for d in DECISIONS:
        tp, fp, fn, tn = counts[d]
        print(f"{d}: tp={tp} fp={fp} fn={fn} tn={tn}")
    print("\n| cue kind (weasel + speculation) | flagged uncertain | flagged certain |")
    print("|---|---:|---:|")
    for kind, (g, c) in sorted(by_kind.items()):
        print(f"| {kind} | {g} | {c} |")
    if args.profile:
        q_unc = sum(1 for r in rows if r["label"] == "uncertain" and _QUANT_RE.search(r["text"]))
        q_cert = sum(1 for r in rows if r["label"] != "uncertain" and _QUANT_RE.search(r["text"]))
        q_fn = sum(1 for t in fns if _QUANT_RE.search(t)) if args.decision else 0
        print(f"\nlabel profile: {q_unc} of {n_unc} uncertain and {q_cert} of {len(rows) - n_unc} certain "
              f"sentences contain a vague quantifier ({_QUANT_RE.pattern}); {q_fn} of the {len(fns)} "
              f"{args.decision} false negatives do")
    rng = random.Random(args.seed)
    if args.show_fp and fps:
        print(f"\nrandom {args.decision} false positives:")
        for what, text in rng.sample(fps, min(args.show_fp, len(fps))):
            print(f"- {what}\n    {text}")
    if args.show_fn and fns:
        print(f"\nrandom {args.decision} false negatives:")
        for text in rng.sample(fns, min(args.show_fn, len(fns))):
            print(f"- {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
