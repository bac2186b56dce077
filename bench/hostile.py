"""Time and peak memory of ``factlint check`` on hostile inputs of about 200 KB each.

Usage: python bench/hostile.py [--only NAME,...] [--timeout S] [--memory-cap MB] [--markdown]

Every case writes its input to a fresh folder and runs ``python -m linter.cli check`` on it
(with the bundled rules, or the case's own rule file) in a child process whose address space is
capped (``--memory-cap``, default 4096 MB, so a runaway case cannot take the machine down) and
killed after ``--timeout`` seconds (default 60). The child's wall time, CPU time and peak
resident memory (``ru_maxrss`` from ``wait4``) and its exit status are printed, one case a line,
or as a Markdown table with ``--markdown`` (docs/reliability.md records them). A case passes
when it finishes under 10 s and 500 MB with exit status 0, 1 or 2 and no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZE = 200_000  # characters of hostile text per case
LIMIT_S = 10.0
LIMIT_MB = 500.0


def rep(unit: str, size: int = SIZE) -> str:
    return unit * max(1, size // len(unit))


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs" YAML: ten aliases per level, 10**levels leaves."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        refs = ",".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    name: str
    what: str
    files: dict[str, str | bytes]
    args: list[str] = field(default_factory=list)
    stdin: bytes | None = None
    config: str | None = None  # a factlint.yaml written beside the inputs


def _cases() -> list[Case]:
    bomb = alias_bomb()
    sentences = " ".join(f"Sentence number {i} is here aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab."
                         for i in range(2000))
    words = [f"w{i:05d}x" for i in range(20000)]
    alternation = "(" + "|".join(words) + ")"
    rule_redos = ('- id: house/redos\n  severity: warning\n  message: m\n'
                  '  when: sentence.text =~ "(a|aa)+$"\n')
    rule_alt = ('- id: house/alternation\n  severity: warning\n  message: m\n'
                f'  when: sentence.text =~ "{alternation}"\n')
    big_paragraph = rep("The markets moved on the news and traders waited for more data. ", 3_000_000)
    image = big_paragraph + "Image Source: Google\n"
    return [
        Case("quotes-word", 'unbalanced straight quotes: "word repeated', {"a.txt": rep('"word ')}),
        Case("quotes-bare", 'a paragraph of " marks', {"a.txt": rep('"')}),
        Case("quotes-curly-open", "a paragraph of opening curly quotes", {"a.txt": rep("“a ")}),
        Case("quotes-nested", "100,000 nested curly quotes, then their closers",
             {"a.txt": rep("“", SIZE // 2) + rep("”", SIZE // 2)}),
        Case("quotes-single", "opening single quotes inside an open double quote",
             {"a.txt": '"' + rep("‘word ")}),
        Case("md-comment", "unterminated <!-- repeated (Markdown)", {"a.md": rep("<!-- x ")}),
        Case("md-script", "unterminated <script> repeated (Markdown)", {"a.md": rep("<script> x ")}),
        Case("md-tag", "tags never closed with > (Markdown)", {"a.md": rep('<a href="x ')}),
        Case("md-code", "unmatched backticks in one paragraph (Markdown)", {"a.md": rep("`a ")}),
        Case("md-links", "unclosed link brackets (Markdown)", {"a.md": rep("[a](b ")}),
        Case("md-brackets", "link brackets never closed (Markdown)", {"a.md": rep("[a ![b ")}),
        Case("md-code-runs", "backtick runs of growing length, none closed (Markdown)",
             {"a.md": "".join("`" * k + " a " for k in range(1, 630))}),
        Case("md-emphasis", "unmatched emphasis marks (Markdown)", {"a.md": rep("*a _b ")}),
        Case("md-entities", "entities (Markdown)", {"a.md": rep("&amp;&#1234;")}),
        Case("html-comment", "unterminated <!-- repeated (HTML)", {"a.html": rep("<!-- x ")}),
        Case("html-script", "unterminated <script> repeated (HTML)", {"a.html": rep("<script> x ")}),
        Case("html-tag", "tags never closed with > (HTML)", {"a.html": rep("<a b ")}),
        Case("html-quoted-attr", "unterminated quoted attributes (HTML)", {"a.html": rep('<a b="x ')}),
        Case("html-declarations", "<! and <? never closed (HTML)", {"a.html": rep("<!x <?y ")}),
        Case("html-nesting", "deeply nested block elements (HTML)", {"a.html": rep("<div>") + "x"}),
        Case("one-word", "one 200 KB word", {"a.txt": rep("a")}),
        Case("one-sentence", "200 KB of words without punctuation", {"a.txt": rep("word ")}),
        Case("weasel", "200 KB of unsourced claims", {"a.txt": rep("It has been reported that officials said. ")}),
        Case("said", "speech verbs back to back", {"a.txt": rep("said said told ")}),
        Case("names", "known names back to back", {"a.txt": rep("President Joe Biden Trump Macron ")}),
        Case("dates", "dates back to back", {"a.txt": rep("Monday, Jan. 5, 2024 last Friday ")}),
        Case("numbers", "figures back to back", {"a.txt": rep("1,234 5.6% $7 million ")}),
        Case("parentheses", "unbalanced parentheses", {"a.txt": rep("(a ")}),
        Case("lone-cr", "200 KB of lines ended by a lone CR", {"a.txt": rep("Leave a Reply\r")}),
        Case("control", "control characters and NULs", {"a.txt": rep("a\x00\x1b[31m\x07b ")}),
        Case("front-matter-bomb", "a YAML alias bomb in front matter",
             {"a.md": "---\n" + bomb + "date: *a9\n---\nText.\n", "b.txt": "Leave a Reply\n"}),
        Case("front-matter-recursive", "a recursive YAML alias in front matter",
             {"a.md": "---\na: &a [*a]\ndate: 2025-01-01\n---\nText.\n"}),
        Case("config-bomb", "a YAML alias bomb in factlint.yaml", {"a.txt": "Text.\n"},
             config="x: &x\n" + "".join("  " + line + "\n" for line in bomb.splitlines()) + "fail-on: *a9\n"),
        Case("rules-bomb", "a YAML alias bomb in a rule file", {"a.txt": "Text.\n",
             "r.yaml": "- id: house/x\n  severity: warning\n  message: m\n  when: 'true'\n  options:\n"
             + "".join("    " + line + "\n" for line in bomb.splitlines())},
             args=["--rules", "{dir}/r.yaml"]),
        Case("kb-bomb", "a YAML alias bomb in a user KB file", {"a.txt": "Joe Biden spoke.\n",
             "kb.yaml": "as_of: 2025-01-01\nnote: &n\n" + "".join("  " + line + "\n" for line in bomb.splitlines())
             + "people:\n- id: x\n  name: X Y\n  aliases: *a9\n"},
             config="kb: [kb.yaml]\n"),
        Case("md-directive", "unterminated suppression comments (Markdown)", {"a.md": rep("<!-- factlint-disable x ")}),
        Case("directives", "10,000 suppression lines among 10,000 findings (plain text)",
             {"a.txt": rep("factlint-disable content/\nLeave a Reply\nfactlint-enable content/\nIt has been reported.\n")}),
        Case("jsonl-nesting", "one JSONL record nested 200,000 deep",
             {"a.jsonl": '{"id": "x", "text": ' + "[" * SIZE + "]" * SIZE + "}\n"}),
        Case("jsonl-surrogates", "JSONL records with lone surrogates",
             {"a.jsonl": "".join(json.dumps({"id": f"{i}\ud800", "text": "It has been reported \ud800 that"}) + "\n"
                                 for i in range(SIZE // 60))}),
        Case("jsonl-bad-utf8", "JSONL lines with invalid UTF-8",
             {"a.jsonl": b"".join(b'{"id": "%d", "text": "Leave a Reply \xff"}\n' % i for i in range(SIZE // 40))}),
        Case("regex-redos", "a user rule (a|aa)+$ over 2,000 sentences",
             {"a.txt": sentences, "r.yaml": rule_redos}, args=["--rules", "{dir}/r.yaml", "--select", "house/"]),
        Case("regex-alternation", "a user rule with a 20,000-way alternation over 2,000 sentences",
             {"a.txt": sentences, "r.yaml": rule_alt}, args=["--rules", "{dir}/r.yaml", "--select", "house/"]),
        Case("big-paragraph", "a 3 MB paragraph ending in 'Image Source: Google' (--max-bytes 4000000)",
             {"a.txt": image}, args=["--max-bytes", "4000000", "--select", "source/image-credit"]),
    ]


@dataclass
class Outcome:
    name: str
    wall: float
    cpu: float
    peak_mb: float
    status: str
    note: str

    @property
    def ok(self) -> bool:
        return self.status in ("0", "1", "2") and self.wall < LIMIT_S and self.peak_mb < LIMIT_MB and not self.note


def run_case(case: Case, timeout: float, cap_mb: int, extra: list[str]) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="factlint-hostile-") as tmp:
        folder = Path(tmp)
        for name, content in case.files.items():
            p = folder / name
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8", errors="surrogatepass")
        if case.config is not None:
            (folder / "factlint.yaml").write_text(case.config, encoding="utf-8")
        (folder / ".git").mkdir()  # the configuration's repository
        inputs = [str(folder / n) for n in case.files if not n.endswith(".yaml")]
        args = [a.replace("{dir}", tmp) for a in case.args]
        cmd = [sys.executable, "-m", "linter.cli", "check", *inputs, *args, *extra, "--format", "json"]

        def limit() -> None:
            cap = cap_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

        env = dict(os.environ, PYTHONPATH=str(REPO))
        t0 = time.perf_counter()
        with open(folder / "stdout", "wb") as out, open(folder / "stderr", "wb") as err:
            proc = subprocess.Popen(cmd, cwd=tmp, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    preexec_fn=limit, env=env)
            status = ""
            rusage = None
            while True:
                pid, code, rusage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    status = str(os.waitstatus_to_exitcode(code))
                    break
                if time.perf_counter() - t0 > timeout:
                    proc.send_signal(signal.SIGKILL)
                    _, code, rusage = os.wait4(proc.pid, 0)
                    status = "timeout"
                    break
                time.sleep(0.02)
            proc.returncode = 0  # reaped by wait4 above
        wall = time.perf_counter() - t0
        stderr = (folder / "stderr").read_text(encoding="utf-8", errors="replace")
        note = ""
        if "Traceback" in stderr:
            note = "traceback: " + stderr.strip().splitlines()[-1][:120]
        elif "MemoryError" in stderr:
            note = "MemoryError"
        assert rusage is not None
        return Outcome(case.name, wall, rusage.ru_utime + rusage.ru_stime, rusage.ru_maxrss / 1024, status, note)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="comma-separated case names")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--memory-cap", type=int, default=4096, help="address-space cap of each run, MB")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--extra", default="", help="extra options for every run (space-separated)")
    args = ap.parse_args()
    only = {n for n in args.only.split(",") if n}
    cases = [c for c in _cases() if not only or c.name in only]
    failed = 0
    if args.markdown:
        print("| case | input | wall s | CPU s | peak MB | exit | verdict |")
        print("|---|---|---|---|---|---|---|")
    for case in cases:
        o = run_case(case, args.timeout, args.memory_cap, args.extra.split())
        failed += not o.ok
        verdict = "ok" if o.ok else "FAIL" + (f" ({o.note})" if o.note else "")
        if args.markdown:
            print(f"| `{o.name}` | {case.what.replace('|', chr(92) + '|')} | {o.wall:.2f} | {o.cpu:.2f} | {o.peak_mb:.0f} | {o.status} | {verdict} |")
        else:
            print(f"{o.name:24} wall {o.wall:7.2f}s  cpu {o.cpu:7.2f}s  peak {o.peak_mb:7.0f} MB  exit {o.status:>7}  {verdict}",
                  flush=True)
    print(f"{len(cases) - failed} of {len(cases)} cases within {LIMIT_S:g} s and {LIMIT_MB:g} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
