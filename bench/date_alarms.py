"""Bench: date/ rule alarms (warnings and errors) per 1,000 dated news articles.

Runs every bundled ``date/`` rule over three dated corpora (research use only; nothing is copied
into the repository) and prints, per corpus and per rule, the alarms (findings of severity
warning or error) per 1,000 articles, and the infos beside them. Every article carries its
publication date, so an alarm on these texts is almost always a false alarm: the texts were
edited before publication. With ``--show N`` it prints up to N flagged sentences per corpus
(alarms first, then infos with ``--infos``).

    .venv/bin/python bench/date_alarms.py [--show N] [--infos] [--rule PREFIX] [--corpus PATH]...
                                       [--rules FILE --no-bundled] [--shift-years N]

Exits 0 with a message when /work/shared is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from linter.api import build_engine  # noqa: E402
from linter.engine import Engine  # noqa: E402
from linter.finding import Finding, Severity  # noqa: E402
from linter.rules import load_rules  # noqa: E402
from linter.runner import Item, make_document, read_jsonl  # noqa: E402

CORPORA = (
    ("Reuters-21578 politics/people", SHARED / "corpora" / "reuters21578" / "reuters21578_politics_people.jsonl"),
    ("WikiNews MEANTIME", SHARED / "corpora" / "wikinews_meantime" / "meantime_en.jsonl"),
    ("TimeML TempEval-3", SHARED / "corpora" / "timeml_tempeval3" / "timeml_docs.jsonl"),
)


def sentence_at(doc_text: str, finding: Finding) -> str:
    """The line of the finding, shortened around it, on one line."""
    lines = doc_text.split("\n")
    if not 1 <= finding.line <= len(lines):
        return finding.excerpt
    line = lines[finding.line - 1]
    a = max(0, finding.column - 200)
    b = min(len(line), finding.end_column + 120)
    return ("..." if a else "") + " ".join(line[a:b].split()) + ("..." if b < len(line) else "")


def shift(item: Item, years: int) -> Item:
    if not years or item.date is None:
        return item
    d = item.date
    try:
        new = d.replace(year=d.year + years)
    except ValueError:  # February 29
        new = d.replace(year=d.year + years, day=28)
    return Item(item.path, item.text, item.kind, new, item.title)


def run_corpus(engine: Engine, path: Path, years: int = 0) -> tuple[int, list[tuple[Item, Finding]]]:
    errors: list[str] = []
    items = [shift(i, years) for i in read_jsonl(path, path.name, errors)]
    for e in errors:
        print(f"  {e}", file=sys.stderr)
    out: list[tuple[Item, Finding]] = []
    for item in items:
        doc = make_document(item, None)
        for f in engine.lint(doc).findings:
            out.append((item, f))
    return len(items), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print up to N flagged sentences per corpus")
    ap.add_argument("--infos", action="store_true", help="with --show: print the infos too")
    ap.add_argument("--rule", default="date/", help="rule id prefix to run (default: date/)")
    ap.add_argument("--corpus", type=Path, action="append", help="a .jsonl corpus (repeatable)")
    ap.add_argument("--rules", type=Path, action="append", default=[],
                    help="extra rule file or folder (repeatable)")
    ap.add_argument("--no-bundled", action="store_true", help="with --rules: leave the bundled rules out")
    ap.add_argument("--shift-years", type=int, default=0,
                    help="move every publication date by N years (a recall probe: +3 makes the "
                         "future-tense dates stale, -3 makes past-tense dates lie ahead)")
    args = ap.parse_args(argv)
    corpora = [(p.name, p) for p in args.corpus] if args.corpus else list(CORPORA)
    present = [(name, p) for name, p in corpora if p.exists()]
    if not present:
        print("corpora not found (no /work/shared); nothing to measure")
        return 0
    ruleset = load_rules(args.rules, bundled=not args.no_bundled)
    engine = build_engine(ruleset=ruleset, select=[args.rule])
    rule_ids = [r.id for r in engine.rules]
    print("| corpus | articles | rule | alarms | per 1,000 articles | infos |")
    print("|---|---:|---|---:|---:|---:|")
    shown: list[tuple[str, list[tuple[Item, Finding]]]] = []
    for name, path in present:
        n, found = run_corpus(engine, path, args.shift_years)
        alarms = Counter(f.rule for _, f in found if f.severity >= Severity.WARNING)
        infos = Counter(f.rule for _, f in found if f.severity == Severity.INFO)
        per = 1000.0 / n if n else 0.0
        for rid in rule_ids:
            print(f"| {name} | {n} | {rid} | {alarms[rid]} | {alarms[rid] * per:.1f} | {infos[rid]} |")
        total = sum(alarms.values())
        print(f"| {name} | {n} | **all date/** | {total} | {total * per:.1f} | {sum(infos.values())} |")
        shown.append((name, found))
    if args.show:
        for name, found in shown:
            picked = [x for x in found if x[1].severity >= Severity.WARNING]
            if args.infos:
                picked += [x for x in found if x[1].severity == Severity.INFO]
            if not picked:
                continue
            print(f"\n## {name}: {len(picked)} flagged")
            for item, f in picked[: args.show]:
                date = item.date.isoformat() if item.date else "?"
                print(f"- {f.severity.name.lower()} {f.rule} [{item.path} pub {date}] {f.message}\n"
                      f"    {sentence_at(item.text, f)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
