"""Dump everything factlint computes for every corpus document, as hashes, to prove a change
leaves the output identical.

Usage: python bench/dump.py OUT.txt [--jobs N] [--limit N] [--every N] [--show CORPUS#ID]
       python bench/dump.py --compare A.txt B.txt

For every document of every corpus in ../shared/corpora (Reuters-21578 whole and politics,
MEANTIME and the SemEval Wikinews extra, IEER, the Trump news items, TimeML, the presidential
speeches) plus the bundled seeds, linted once with its publication date and once without, it
records one line: the hash of the findings of every bundled rule (opt-in rules included, as the
JSON output prints them, fixes included) and the hash of every attribute of every subject the
rule language can see (each value, with its span). ``--compare`` lists the documents whose
hashes differ; ``--show`` prints the full dump of one document for reading the difference.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CORPORA = REPO.parent / "shared" / "corpora"
ARCHIVES = [
    "reuters21578/reuters21578_all.jsonl.gz",
    "reuters21578/reuters21578_politics_people.jsonl",
    "wikinews_meantime/meantime_en.jsonl",
    "wikinews_meantime/semeval2015_task4_wikinews_extra.jsonl",
    "ieer_1998_newswire/ieer_1998.jsonl",
    "trump_news_2021_2025/trump_news_headlines.jsonl",
    "timeml_tempeval3/timeml_docs.jsonl",
    "us_presidential_speeches/inaugural.jsonl",
    "us_presidential_speeches/state_union.jsonl",
]


def _items() -> Iterator[Any]:
    from linter.runner import Item, read_jsonl

    for seed in sorted((REPO / "seeds").iterdir()):
        if seed.is_file():
            yield Item(f"seeds/{seed.name}", seed.read_text(encoding="utf-8"))
    for rel in ARCHIVES:
        path = CORPORA / rel
        errors: list[str] = []
        yield from read_jsonl(path, rel, errors)


def _value(v: Any) -> Any:
    """A DSL value as JSON: text with its offset, dates ISO, views by their span."""
    from linter.dsl.types import Text

    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, Text):
        return [str(v), v.start]
    if isinstance(v, str):
        return v
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_value(x) for x in v]
    span = getattr(v, "span", None)
    if span is not None:
        return ["view", type(v).__name__, list(span)]
    return repr(v)


_STATE: dict[str, Any] = {}
#: attributes left out of the dump (DUMP_SKIP="figure.value,..."): to compare across a change
#: that deliberately alters them
SKIP = frozenset(filter(None, os.environ.get("DUMP_SKIP", "").split(",")))
SEED_DATE = datetime.date(2025, 12, 30)


def _setup() -> None:
    from linter.api import build_engine

    _STATE["engine"] = build_engine(select=["all"])


def _document(item: Any, dated: bool) -> Any:
    from linter.runner import make_document

    if item.path.startswith("seeds/"):
        return make_document(item, SEED_DATE if dated else None)
    if not dated:
        item = type(item)(item.path, item.text, item.kind, None, item.title)
    return make_document(item, None)


def _dump_one(item: Any, dated: bool) -> tuple[list[Any], list[Any]]:
    from linter.subjects import SUBJECTS

    engine = _STATE["engine"]
    findings = [f.to_dict() | {"fix": None if f.fix is None else [[e.start, e.end, e.replacement] for e in f.fix.edits]}
                for f in engine.lint(_document(item, dated)).findings]
    views: list[Any] = []
    a = engine.analyse(_document(item, dated))
    for name, subject in sorted(SUBJECTS.items()):
        for obj in subject.iterate(a):
            row = [name, list(obj.span)]
            for attr, spec in sorted(subject.type.attributes.items()):
                if f"{name}.{attr}" in SKIP:
                    continue
                try:
                    row.append([attr, _value(spec.getter(obj))])
                except Exception as exc:  # noqa: BLE001 - the dump records failures too
                    row.append([attr, f"EXC {type(exc).__name__}"])
            views.append(row)
    a.close()
    return findings, views


def _digest(obj: Any) -> str:
    return hashlib.sha1(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _work(batch: list[Any]) -> list[str]:
    if "engine" not in _STATE:
        _setup()
    out = []
    for item in batch:
        for dated in (True, False):
            if not dated and item.date is None and not item.path.startswith("seeds/"):
                continue  # an undated record is linted once
            try:
                findings, views = _dump_one(item, dated)
                out.append(f"{item.path}\t{'dated' if dated else 'undated'}\t{len(findings)}\t"
                           f"{_digest(findings)}\t{_digest(views)}")
            except Exception as exc:  # noqa: BLE001
                out.append(f"{item.path}\t{'dated' if dated else 'undated'}\tCRASH {type(exc).__name__}: {exc}")
    return out


def compare(a: Path, b: Path) -> int:
    left = {tuple(line.split("\t")[:2]): line for line in a.read_text().splitlines()}
    right = {tuple(line.split("\t")[:2]): line for line in b.read_text().splitlines()}
    diffs = [k for k in sorted(set(left) | set(right)) if left.get(k) != right.get(k)]
    for k in diffs[:50]:
        print(f"- {left.get(k)}\n+ {right.get(k)}")
    print(f"{len(left)} vs {len(right)} document runs; {len(diffs)} differ")
    return 1 if diffs else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="at most N documents (0 = all)")
    ap.add_argument("--every", type=int, default=1, help="every Nth document only (a sample across all corpora)")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    ap.add_argument("--show", default="", help="print the full dump of one document (its path)")
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not CORPORA.exists():
        print("skipped: ../shared/corpora not found")
        return 0
    items = list(_items())
    if args.show:
        _setup()
        for item in items:
            if item.path == args.show:
                for dated in (True, False):
                    findings, views = _dump_one(item, dated)
                    print(json.dumps({"dated": dated, "findings": findings, "views": views}, indent=1,
                                     ensure_ascii=False))
        return 0
    items = items[:: max(1, args.every)]
    if args.limit:
        items = items[: args.limit]
    batches = [items[i:i + 200] for i in range(0, len(items), 200)]
    lines: list[str] = []
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            for part in pool.map(_work, batches):
                lines.extend(part)
    else:
        for batch in batches:
            lines.extend(_work(batch))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    crashes = sum("CRASH" in line for line in lines)
    print(f"{len(lines)} document runs written to {args.out}; {crashes} crashed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
