"""Benchmark the date extractor against TimeML gold (TimeBank/AQUAINT + TempEval-3 platinum).

Usage: python bench/tempeval.py [--errors N] [--subset te3-platinum] [--corpus PATH] [--speed]

For gold DATE timexes it reports span detection (strict = exact span, relaxed = overlap) and
value accuracy (a prediction is correct when it overlaps a gold DATE and its ``timex`` equals the
gold ``value``), for the te3-platinum subset and for all documents, split into explicit+partial
dates (gold values ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and the rest.  Predictions of kind
``duration`` and predictions overlapping a gold TIME/DURATION/SET are left out of precision.
A second table scores durations the same way: gold DURATION timexes ("three days" = ``P3D``)
against the extractor's ``duration`` mentions, value correct when the ``timex`` equals the gold
value. Exits 0 with a message when the shared corpora are absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linter.extract.dates import DateMention, extract_dates  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpora" / "timeml_tempeval3" / "timeml_docs.jsonl"
REUTERS = SHARED / "corpora" / "reuters21578" / "reuters21578_politics_people.jsonl"
EXPLICIT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CATS = ("explicit+partial", "other", "all")


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    pred_valued: int = 0
    strict_tp_pred: int = 0
    strict_tp_gold: int = 0
    relaxed_tp_pred: int = 0
    relaxed_tp_gold: int = 0
    value_tp_pred: int = 0
    value_tp_gold: int = 0
    errors: list[str] = field(default_factory=list)


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            yield pos, part
        pos += len(part) + 1


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cat(value: str | None) -> str:
    return "explicit+partial" if value is not None and EXPLICIT.match(value) else "other"


def evaluate(path: Path, subset: str | None = None) -> tuple[dict[str, dict[str, Counts]], float, int]:
    groups = {"te3-platinum": {c: Counts() for c in CATS}, "all": {c: Counts() for c in CATS}}
    elapsed = 0.0
    nbytes = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if subset and doc["subset"] != subset:
                continue
            pub = date.fromisoformat(doc["date"][:10])
            text: str = doc["text"]
            t0 = time.perf_counter()
            preds: list[DateMention] = []
            for off, par in _paragraphs(text):
                preds.extend(extract_dates(par, off, pub))
            elapsed += time.perf_counter() - t0
            nbytes += len(text.encode("utf-8"))
            golds = [g for g in doc["timexes"] if g["type"] == "DATE"]
            others = [(g["start"], g["end"]) for g in doc["timexes"] if g["type"] != "DATE"]
            preds = [p for p in preds if p.kind != "duration"]
            preds = [p for p in preds
                     if not any(_overlap((p.start, p.end), o) for o in others)
                     or any(_overlap((p.start, p.end), (g["start"], g["end"])) for g in golds)]
            names = ["all"] + (["te3-platinum"] if doc["subset"] == "te3-platinum" else [])
            for name in names:
                _score(groups[name], doc, golds, preds)
    return groups, elapsed, nbytes


def evaluate_durations(path: Path, subset: str | None = None) -> dict[str, Counts]:
    """Gold DURATION timexes against predicted ``duration`` mentions, per subset."""
    groups = {"te3-platinum": Counts(), "all": Counts()}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if subset and doc["subset"] != subset:
                continue
            pub = date.fromisoformat(doc["date"][:10])
            text: str = doc["text"]
            preds = [p for off, par in _paragraphs(text) for p in extract_dates(par, off, pub) if p.kind == "duration"]
            golds = [g for g in doc["timexes"] if g["type"] == "DURATION"]
            names = ["all"] + (["te3-platinum"] if doc["subset"] == "te3-platinum" else [])
            for name in names:
                c = groups[name]
                for g in golds:
                    gspan = (int(g["start"]), int(g["end"]))
                    ov = [p for p in preds if _overlap((p.start, p.end), gspan)]
                    c.gold += 1
                    c.strict_tp_gold += any((p.start, p.end) == gspan for p in ov)
                    c.relaxed_tp_gold += bool(ov)
                    c.value_tp_gold += any(p.timex == g["value"] for p in ov)
                for p in preds:
                    gov = [g for g in golds if _overlap((p.start, p.end), (int(g["start"]), int(g["end"])))]
                    c.pred += 1
                    c.pred_valued += p.timex is not None
                    c.strict_tp_pred += any((int(g["start"]), int(g["end"])) == (p.start, p.end) for g in gov)
                    c.relaxed_tp_pred += bool(gov)
                    c.value_tp_pred += any(g["value"] == p.timex for g in gov)
    return groups


def duration_table(groups: dict[str, Counts]) -> str:
    rows = ["| subset | gold | pred | strict P | strict R | relaxed P | relaxed R | value P | value R | value F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, c in groups.items():
        vp = c.value_tp_pred / c.pred_valued if c.pred_valued else 0.0
        vr = c.value_tp_gold / c.gold if c.gold else 0.0
        rows.append(f"| {name} | {c.gold} | {c.pred} | {_pct(c.strict_tp_pred, c.pred)} | "
                    f"{_pct(c.strict_tp_gold, c.gold)} | {_pct(c.relaxed_tp_pred, c.pred)} | "
                    f"{_pct(c.relaxed_tp_gold, c.gold)} | {_pct(c.value_tp_pred, c.pred_valued)} | "
                    f"{_pct(c.value_tp_gold, c.gold)} | {_f1(vp, vr)} |")
    return "\n".join(rows)


def _score(group: dict[str, Counts], doc: dict[str, object], golds: list[dict[str, object]],
           preds: list[DateMention]) -> None:
    for g in golds:
        gspan = (int(str(g["start"])), int(str(g["end"])))
        cat = _cat(str(g["value"]))
        for c in (group[cat], group["all"]):
            c.gold += 1
            ov = [p for p in preds if _overlap((p.start, p.end), gspan)]
            if any((p.start, p.end) == gspan for p in ov):
                c.strict_tp_gold += 1
            if ov:
                c.relaxed_tp_gold += 1
            if any(p.timex == g["value"] for p in ov):
                c.value_tp_gold += 1
            elif cat == "explicit+partial" and c is group[cat]:
                got = ", ".join(f"{p.text!r}->{p.timex}" for p in ov) or "MISSED"
                c.errors.append(f"{doc['id']} dct={str(doc['date'])[:10]} gold {g['text']!r}={g['value']}: {got}")
    for p in preds:
        pspan = (p.start, p.end)
        gov = [g for g in golds if _overlap(pspan, (int(str(g["start"])), int(str(g["end"]))))]
        cat = _cat(str(gov[0]["value"])) if gov else _cat(p.timex)
        for c in (group[cat], group["all"]):
            c.pred += 1
            if p.timex is not None:
                c.pred_valued += 1
            if any((int(str(g["start"])), int(str(g["end"]))) == pspan for g in gov):
                c.strict_tp_pred += 1
            if gov:
                c.relaxed_tp_pred += 1
            if p.timex is not None and any(g["value"] == p.timex for g in gov):
                c.value_tp_pred += 1
            elif not gov and c is group[cat] and cat == "explicit+partial":
                c.errors.append(f"{doc['id']} dct={str(doc['date'])[:10]} spurious {p.text!r}->{p.timex}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def _f1(p: float, r: float) -> str:
    return f"{200 * p * r / (p + r):.1f}" if p + r else "-"


def table(groups: dict[str, dict[str, Counts]]) -> str:
    rows = ["| subset | dates | gold | pred | strict P | strict R | relaxed P | relaxed R | value P | value R | value F1 |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, cats in groups.items():
        for cat in CATS:
            c = cats[cat]
            vp = c.value_tp_pred / c.pred_valued if c.pred_valued else 0.0
            vr = c.value_tp_gold / c.gold if c.gold else 0.0
            rows.append(
                f"| {name} | {cat} | {c.gold} | {c.pred} | {_pct(c.strict_tp_pred, c.pred)} | "
                f"{_pct(c.strict_tp_gold, c.gold)} | {_pct(c.relaxed_tp_pred, c.pred)} | "
                f"{_pct(c.relaxed_tp_gold, c.gold)} | {_pct(c.value_tp_pred, c.pred_valued)} | "
                f"{_pct(c.value_tp_gold, c.gold)} | {_f1(vp, vr)} |"
            )
    return "\n".join(rows)


def speed(path: Path, repeat: int = 3) -> tuple[float, int, int]:
    """Best-of-``repeat`` throughput of extract_dates over the Reuters texts, paragraph by paragraph."""
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    pars = [(date.fromisoformat(d["date"][:10]), off, par) for d in docs for off, par in _paragraphs(d["text"])]
    nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    best = float("inf")
    found = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = sum(len(extract_dates(par, off, pub)) for pub, off, par in pars)
        best = min(best, time.perf_counter() - t0)
    return nbytes / 1e6 / best, nbytes, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--subset", default=None, help="only documents of this subset")
    ap.add_argument("--errors", type=int, default=0, help="print up to N explicit/partial errors")
    ap.add_argument("--speed", action="store_true", help="also measure throughput on the Reuters texts")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the shared corpora are absent)")
        return 0
    groups, elapsed, nbytes = evaluate(args.corpus, args.subset)
    print(table(groups))
    print("\nDurations (gold DURATION timexes; the extractor's duration mentions):\n")
    print(duration_table(evaluate_durations(args.corpus, args.subset)))
    print(f"\nextract_dates: {nbytes / 1e6:.2f} MB in {elapsed:.2f} s ({nbytes / 1e6 / elapsed:.2f} MB/s)")
    if args.speed and REUTERS.exists():
        mbs, nbytes, found = speed(REUTERS)
        print(f"Reuters speed: {nbytes / 1e6:.2f} MB, {found} mentions, {mbs:.2f} MB/s (best of 3)")
    if args.errors:
        errs = groups["all"]["explicit+partial"].errors
        print(f"\n{len(errs)} explicit/partial errors; first {args.errors}:")
        for e in errs[: args.errors]:
            print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
