"""factlint beside its peers, in one interleaved run: proselint (pinned, in a bench venv) and a
30-regex floor (what any regex linter pays to read the text once per pattern).

Usage: python bench/peers.py [--corpus PATH] [--rounds N] [--cold N] [--venv DIR]

Throughput: each tool lints every article of the corpus (default: the Reuters-21578 politics
subset in ../shared/corpora) in its own process, one core; the tools take turns (factlint,
proselint, floor, factlint, ...) for ``--rounds`` rounds so a drift in the machine's speed
touches all of them alike. A process reports the CPU seconds (``time.process_time``) of its
lint loop only: start-up is measured apart, by ``--cold``, which times a whole one-article
``factlint check`` and ``proselint check`` (wall clock, new process each, interleaved), from
fresh bytecode as an installed package has it, after one uncounted round that fills factlint's
on-disk caches (parse, tree and regex caches, as the first run after an install does); a third
column times factlint with its caches off (``FACTLINT_NO_CACHE=1``).
Prints medians, MB/s of article text and the ratios ``factlint / floor`` and
``factlint / proselint`` (throughput: higher is faster). Not run by CI.

The bench venv (default ``~/.cache/factlint-bench/peers``) is created on first use with
``proselint==0.16.0``; without a package index the proselint columns say so and the rest runs.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpora" / "reuters21578" / "reuters21578_politics_people.jsonl"
PROSELINT = "proselint==0.16.0"
VENV = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "factlint-bench" / "peers"

# Each worker reads the corpus (JSON Lines), lints every text once (no warm-up pass: the first
# pass is what a user pays) and prints one JSON line: the CPU seconds of its loop and its count.
FACTLINT_WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
from linter.api import build_engine
from linter.kb import load_kb
from linter.runner import make_document, read_jsonl
errors = []
items = list(read_jsonl(__import__("pathlib").Path(sys.argv[1]), "corpus", errors))
engine = build_engine(kb=load_kb())
t = time.process_time()
n = 0
for item in items:
    n += len(engine.lint(make_document(item, None)).findings)
print(json.dumps({"cpu": time.process_time() - t, "findings": n}))
"""

PROSELINT_WORKER = r"""
import json, sys, time
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)  # as proselint's command line does
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
t = time.process_time()
n = 0
for i, text in enumerate(texts):
    n += len(LintFile(f"a{i}.txt", text).lint(DEFAULT))
print(json.dumps({"cpu": time.process_time() - t, "findings": n}))
"""

# Thirty patterns of the kind a regex style linter runs: word lists, phrases, dates, numbers.
FLOOR_WORKER = r"""
import json, re, sys, time
PATTERNS = [
    r"\b(?:very|really|quite|rather|somewhat|extremely)\b",
    r"\b(?:it is (?:said|reported|believed)|some (?:say|people))\b",
    r"\b(?:former|ex-|late)\s+(?:President|Prime Minister|Chancellor)\b",
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    r"\b(?:19|20)\d\d\b",
    r"\b\d+(?:,\d{3})*(?:\.\d+)?\s*(?:percent|per cent|%)",
    r"\$\s?\d+(?:\.\d+)?\s*(?:million|billion|trillion)?",
    r"\b\d+-year-old\b",
    r"\b(?:said|says|told|according to)\b",
    r"\b(?:allegedly|reportedly|apparently|supposedly)\b",
    r"\b(?:sources say|officials said|experts say|critics say)\b",
    r"\b(?:yesterday|today|tomorrow|tonight)\b",
    r"\b(?:last|next|this)\s+(?:week|month|year)\b",
    r"\b(?:will|would|shall)\s+be\s+held\b",
    r"\b(?:was|were)\s+held\b",
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+[A-Z][a-z]+",
    r"\b(?:President|Prime Minister|Minister|Secretary|Senator|Governor)\s+[A-Z][a-z]+",
    r"\b(?:utilize|leverage|impactful|synergy)\b",
    r"\b(?:in order to|due to the fact that|at this point in time)\b",
    r"\b(\w+)\s+\1\b",
    r"\s{2,}",
    r"[!?]{2,}",
    r"\b(?:click here|read more|leave a reply|subscribe)\b",
    r"\b(?:image|photo)\s+(?:source|credit)\s*:",
    r"\"[^\"]{20,}\"",
    r"\b(?:first|second|third|\d+(?:st|nd|rd|th))\s+anniversary\b",
    r"\b(?:ago|since|until|before|after)\b",
    r"\b[A-Z]{2,}\b",
]
compiled = [re.compile(p, re.IGNORECASE) for p in PATTERNS]
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
t = time.process_time()
n = 0
for text in texts:
    for rx in compiled:
        for _ in rx.finditer(text):
            n += 1
print(json.dumps({"cpu": time.process_time() - t, "findings": n}))
"""


def bench_venv(venv: Path) -> Path | None:
    """The bench venv's python with proselint installed, or None when it cannot be installed."""
    python = venv / "bin" / "python"
    if python.exists() and subprocess.run([str(python), "-c", "import proselint"], capture_output=True).returncode == 0:
        return python
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", PROSELINT],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"proselint could not be installed ({r.stderr.strip().splitlines()[-1:]}): its columns are empty")
        return None
    return python


def run_worker(python: str, code: str, corpus: Path) -> dict:
    r = subprocess.run([python, "-c", code, str(corpus), str(REPO)], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"worker failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def interpreter() -> str:
    """The interpreter every worker runs on (the bench venv is made from it too). The ratios hold
    for one build only: on Debian 12's /usr/bin/python3.11 (libpython linked into the executable)
    the floor and proselint ran ~27 % faster than on a pyenv build with a shared libpython, and
    factlint not at all (docs/performance.md, "Ninth round")."""
    return f"Python {platform.python_version()}, {os.path.realpath(sys.executable)}"


def cold(cmd: list[str], runs: list[float], env: dict[str, str] | None = None) -> None:
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, env=env)
    runs.append(time.perf_counter() - t)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cold", type=int, default=11, help="one-article cold starts per tool (0: skip)")
    ap.add_argument("--venv", type=Path, default=VENV)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (../shared absent)")
        return 0
    proselint = bench_venv(args.venv)
    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    size = sum(len(r["text"].encode("utf-8")) for r in records)
    cpu: dict[str, list[float]] = {"factlint": [], "proselint": [], "floor": []}
    findings: dict[str, int] = {}
    for _ in range(max(1, args.rounds)):
        for name, python, code in (("factlint", sys.executable, FACTLINT_WORKER),
                                   ("proselint", str(proselint) if proselint else "", PROSELINT_WORKER),
                                   ("floor", sys.executable, FLOOR_WORKER)):
            if not python:
                continue
            out = run_worker(python, code, args.corpus)
            cpu[name].append(out["cpu"])
            findings[name] = out["findings"]
    mbs = {k: size / 1e6 / statistics.median(v) for k, v in cpu.items() if v}
    print(f"corpus: {args.corpus.name}, {len(records)} articles, {size / 1e6:.2f} MB of text; "
          f"{args.rounds} interleaved rounds, CPU seconds of the lint loop, medians")
    print(f"interpreter (every tool): {interpreter()}")
    print("| tool | CPU s (runs) | MB/s | findings |")
    print("|---|---|---|---|")
    for k, v in cpu.items():
        if v:
            print(f"| {k} | {statistics.median(v):.2f} ({', '.join(f'{x:.2f}' for x in v)}) | {mbs[k]:.2f} | {findings[k]} |")
    if "floor" in mbs:
        print(f"factlint / floor throughput: {mbs['factlint'] / mbs['floor']:.2f}x")
    if "proselint" in mbs:
        print(f"factlint / proselint throughput: {mbs['factlint'] / mbs['proselint']:.2f}x")
    if args.cold:
        article = REPO / "seeds" / sorted(p.name for p in (REPO / "seeds").glob("001_*"))[0]
        factlint = str(Path(sys.executable).with_name("factlint"))
        runs: dict[str, list[float]] = {"factlint": [], "proselint": [], "factlint, caches off": []}
        # as installed: pip byte-compiles a package it installs, so start from fresh bytecode here
        # too (a checkout run under PYTHONDONTWRITEBYTECODE, or just edited, would compile its
        # sources on every start); one run of each, not counted, fills factlint's caches as the
        # first run after an install does (``--cold`` also times factlint with them off)
        compileall.compile_dir(str(REPO / "linter"), quiet=1)
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "article.txt"
            copy.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
            off = {**os.environ, "FACTLINT_NO_CACHE": "1"}
            for i in range(args.cold + 1):
                count = i > 0  # the first round warms up
                cold([factlint, "check", "--fail-on", "never", str(copy)], runs["factlint"] if count else [])
                if proselint:
                    cold([str(proselint.with_name("proselint")), "check", str(copy)], runs["proselint"] if count else [])
                cold([factlint, "check", "--fail-on", "never", str(copy)], runs["factlint, caches off"] if count else [],
                     env=off)
        print(f"one-article cold start ({article.name}, {article.stat().st_size} bytes), wall, median of {args.cold}:")
        for k, v in runs.items():
            if v:
                print(f"  {k}: {statistics.median(v) * 1000:.0f} ms (min {min(v) * 1000:.0f}, max {max(v) * 1000:.0f})")
        if runs["proselint"]:
            ratios = [a / b for a, b in zip(runs["factlint"], runs["proselint"], strict=True)]
            print(f"  factlint / proselint (pairs, median): {statistics.median(ratios):.2f}x "
                  "(factlint's caches warm, as on every run after the first)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
