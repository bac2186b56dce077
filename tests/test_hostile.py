"""Bad input, one named test per case of issue 17: each asserts the exit status, the message, and
that the other documents' findings are kept. Inputs are small; bench/hostile.py measures the
200 KB versions (time and peak memory, recorded in docs/reliability.md)."""

from __future__ import annotations

import datetime
import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from linter import markup
from linter.cli import app
from linter.document import load_text
from linter.dsl.compiler import timeout_free_length
from linter.engine import Engine, Selection
from linter.fixer import digest, fix_files
from linter.quotes import MAX_OPEN, find_quotes
from linter.rules import load_rules

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
BOILERPLATE = "Leave a Reply\n"  # content/boilerplate: the finding every "other document" keeps
BOMB = "\n".join(['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
                 + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]) + "\n"


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def rules_of(r, path_part: str) -> list[str]:
    return [f["rule"] for f in json.loads(r.stdout)["findings"] if path_part in f["path"]]


def no_traceback(r) -> None:
    assert "Traceback" not in r.stderr and r.exception is None or isinstance(r.exception, SystemExit), r.stderr


def cli(args: list[str], cwd: Path, shell_redirect: str = "") -> subprocess.CompletedProcess[str]:
    """``factlint ARGS`` in a child process through ``main()`` (for closed pipes and devices)."""
    cmd = " ".join([sys.executable, "-m", "linter.cli", *args]) + shell_redirect
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(["bash", "-c", cmd], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


# ------------------------------------------------------------------ odd publication dates


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "0020-06-01"])
def test_out_of_range_publication_date_costs_nothing_else(tmp_path: Path, date: str):
    (tmp_path / "a.md").write_text(f"---\ndate: {date}\n---\nPresident Biden met Trump on Monday.\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "a.md"), str(tmp_path / "b.txt"), "--format", "json")
    no_traceback(r)
    assert r.exit_code == 0, r.stderr  # warnings only: the date is set aside, not fatal
    assert "input/date-out-of-range" in rules_of(r, "a.md")
    [f] = [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "input/date-out-of-range"]
    assert (f["line"], f["column"]) == (2, 7) and date in f["message"]
    assert rules_of(r, "b.txt") == ["content/boilerplate"]


def test_out_of_range_date_option_is_a_usage_error(tmp_path: Path):
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "b.txt"), "--date", "0001-01-01")
    assert r.exit_code == 2 and "outside the years" in r.stderr


def test_out_of_range_archive_date_keeps_the_other_records(tmp_path: Path):
    lines = [{"id": "old", "date": "0001-01-01", "text": "Biden said Trump would go."},
             {"id": "ok", "date": "2025-01-01", "text": "Leave a Reply"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    r = run("check", str(tmp_path / "a.jsonl"), "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert "input/date-out-of-range" in rules_of(r, "#old")
    assert rules_of(r, "#ok") == ["content/boilerplate"]


# ------------------------------------------------------------------ YAML alias bombs


def test_alias_bomb_in_front_matter_is_refused_and_others_linted(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\n" + BOMB + "date: 2025-01-01\n---\nText.\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "a.md"), str(tmp_path / "b.txt"), "--format", "json")
    assert r.exit_code == 2
    assert re.search(r"a\.md:\d+:\d+: front matter is not valid YAML: .*alias", r.stderr), r.stderr
    assert rules_of(r, "b.txt") == ["content/boilerplate"]


def test_recursive_alias_in_front_matter(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\na: &a [*a]\ndate: 2025-01-01\n---\nText.\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "a.md"), str(tmp_path / "b.txt"), "--format", "json")
    assert r.exit_code == 2 and "a.md:2:" in r.stderr and "alias" in r.stderr
    assert rules_of(r, "b.txt") == ["content/boilerplate"]


def test_alias_bomb_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "factlint.yaml").write_text("x:\n" + "".join("  " + ln + "\n" for ln in BOMB.splitlines())
                                            + "fail-on: error\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "factlint.yaml:" in r.stderr and "alias" in r.stderr


def test_recursive_alias_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "factlint.yaml").write_text("select: &s [*s]\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "factlint.yaml:1:" in r.stderr and "alias" in r.stderr


def test_alias_bomb_in_rule_file(tmp_path: Path):
    rules = tmp_path / "r.yaml"
    rules.write_text("- id: house/x\n  severity: warning\n  message: m\n  when: 'true'\n  options:\n"
                     + "".join("    " + ln + "\n" for ln in BOMB.splitlines()))
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "b.txt"), "--rules", str(rules))
    no_traceback(r)
    assert r.exit_code == 2 and "r.yaml:" in r.stderr and "alias" in r.stderr


def test_alias_bomb_in_user_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    kb = tmp_path / "kb.yaml"
    kb.write_text("as_of: 2025-01-01\nnote: &n\n" + "".join("  " + ln + "\n" for ln in BOMB.splitlines())
                  + "people:\n- id: x\n  name: X Y\n  aliases: *a9\n")
    (tmp_path / "factlint.yaml").write_text("kb: [kb.yaml]\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "kb.yaml:" in r.stderr and "alias" in r.stderr
    v = run("kb", "validate", str(kb))  # validation reports it as a problem of the file (exit 1)
    no_traceback(v)
    assert v.exit_code == 1 and "kb.yaml:" in v.stdout + v.stderr and "alias" in v.stdout + v.stderr


# ------------------------------------------------------------------ linear quotes and markup


UNITS = st.sampled_from(['"word ', '"', "“a ", "“", "”", "‘word ", "'", "a", " ", "\n", "<!-- ", "-->", "<script> ",
                         "</script>", "<style>", ">", "`", "``", "[a](", "*", "_"])


@settings(max_examples=60, deadline=None)
@given(st.lists(UNITS, min_size=1, max_size=8), st.integers(200, 3000))
def test_quotes_and_markup_work_is_linear(units: list[str], reps: int):
    text = "".join(units) * reps
    quotes_work, md_work = [0], [0]
    find_quotes(text, [(0, len(text))], quotes_work)
    markup.mask_markdown(text, 0, md_work)
    assert quotes_work[0] <= (2 * MAX_OPEN + 1) * len(text) + 16  # each mark looks at most at the open quotes
    assert md_work[0] <= 8 * len(text) + 16


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", "<script", "<SCRIPT x", "</script>", "</script >", "<style>",
                                 "</style>", ">", "a", "\n", "-", "<"]), max_size=30).map("".join))
def test_linear_maskers_find_what_the_regular_expressions_find(s: str):
    comments = [m.span() for m in re.finditer(r"<!--.*?-->", s, re.S)]
    assert markup._comment_spans(s) == comments
    raw = [m.span() for m in re.finditer(r"<(script|style)\b[^>]*>.*?</\1\s*>", s, re.S | re.I)]
    assert markup._raw_spans(s) == raw


# ------------------------------------------------------------------ JSON Lines archives


def _records(*texts: str) -> str:
    return "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "checkstyle", "junit"])
def test_lone_surrogate_in_jsonl_every_format(tmp_path: Path, fmt: str):
    archive = tmp_path / "a.jsonl"
    archive.write_text(_records("It was \ud800 said.", "Leave a Reply"), encoding="utf-8")  # json escapes it
    assert "\\ud800" in archive.read_text()
    r = run("check", str(archive), "--format", fmt)
    no_traceback(r)
    assert r.exit_code == 2 and "a.jsonl:1: record '0'" in r.stderr and "lone surrogate" in r.stderr
    assert "Leave a Reply" in r.stdout or "boilerplate" in r.stdout
    if fmt == "json":
        assert rules_of(r, "#1") == ["content/boilerplate"]
    if fmt in ("junit", "checkstyle"):
        ET.fromstring(r.stdout.encode())  # well-formed


def test_deeply_nested_jsonl_record(tmp_path: Path):
    archive = tmp_path / "a.jsonl"
    archive.write_text('{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + _records("Leave a Reply"))
    r = run("check", str(archive), "--format", "json")
    no_traceback(r)
    assert r.exit_code == 2 and "a.jsonl:1:" in r.stderr and "nested too deeply" in r.stderr
    assert rules_of(r, "#0") == ["content/boilerplate"]


def test_invalid_utf8_in_jsonl_costs_one_record(tmp_path: Path):
    archive = tmp_path / "a.jsonl"
    good = _records(*["Leave a Reply"] * 5).encode()
    archive.write_bytes(b'{"id": "bad", "text": "Leave \xff a Reply"}\n' + good)
    r = run("check", str(archive), "--format", "json")
    assert r.exit_code == 2 and "a.jsonl:1:30: not valid UTF-8" in r.stderr, r.stderr
    assert len(rules_of(r, "a.jsonl#")) == 5  # the five records after the bad line are linted


# ------------------------------------------------------------------ --fix never corrupts

FIXABLE = "The talks resume.\n\nLeave a Reply\n"
FIXED = "The talks resume.\n\n"


def test_fix_same_file_named_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "a.md").write_text(FIXABLE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "--fix", "a.md", "./a.md")
    no_traceback(r)
    assert (tmp_path / "a.md").read_text() == FIXED


def test_fix_skips_a_file_changed_since_it_was_linted(tmp_path: Path):
    art = tmp_path / "a.md"
    art.write_text(FIXABLE)
    engine = Engine(load_rules(), Selection(["content/"]))
    findings = engine.lint(load_text(FIXABLE, path=str(art))).findings
    linted = digest(art.read_bytes())
    art.write_text("Edited meanwhile.\n" + FIXABLE)  # an editor saved during the run
    report = fix_files(findings, {str(art): linted})
    assert report.fixed == {} and art.read_text() == "Edited meanwhile.\n" + FIXABLE
    [problem] = report.problems
    assert str(art) in problem and "changed" in problem


def test_fix_keeps_symlink_mode_and_hard_links(tmp_path: Path):
    target = tmp_path / "real.md"
    target.write_text(FIXABLE)
    os.chmod(target, 0o2664)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    r = run("check", "--fix", str(link))
    no_traceback(r)
    assert link.is_symlink() and target.read_text() == FIXED
    assert stat.S_IMODE(target.stat().st_mode) == 0o2664
    hard = tmp_path / "hard.txt"
    hard.write_text(FIXABLE)
    other = tmp_path / "other-name.txt"
    os.link(hard, other)
    r = run("check", "--fix", str(hard))
    assert hard.read_text() == FIXED and other.read_text() == FIXED and os.path.samefile(hard, other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hard.txt", "link.md", "other-name.txt", "real.md"]


def test_fix_refuses_a_read_only_file(tmp_path: Path):
    art = tmp_path / "a.md"
    art.write_text(FIXABLE)
    os.chmod(art, 0o444)
    (tmp_path / "b.txt").write_text(FIXABLE)
    r = run("check", "--fix", str(art), str(tmp_path / "b.txt"))
    no_traceback(r)
    assert r.exit_code == 2 and "a.md" in r.stderr and "read-only" in r.stderr
    assert art.read_text() == FIXABLE and (tmp_path / "b.txt").read_text() == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.txt"]


def test_fix_on_a_full_disk_keeps_the_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import errno

    from linter import fixer

    art = tmp_path / "a.md"
    art.write_text(FIXABLE)

    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:5])  # part of it written, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fixer, "_write_all", full)
    r = run("check", "--fix", str(art))
    no_traceback(r)
    assert r.exit_code == 2 and "a.md" in r.stderr and "No space left" in r.stderr
    assert art.read_text() == FIXABLE
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


# ------------------------------------------------------------------ regular-expression budgets


def test_catastrophic_rule_is_stopped_once_per_document(tmp_path: Path):
    rules = tmp_path / "r.yaml"
    rules.write_text('- id: house/redos\n  severity: warning\n  message: m\n  when: sentence.text =~ "(a|aa)+$"\n')
    text = " ".join(f"Sentence {i} {'a' * 40}b." for i in range(400))
    engine = Engine(load_rules([rules], bundled=False), regex_budget=0.2)
    result = engine.lint(load_text(text, path="a.txt"))
    budget = [w for w in result.warnings if "house/redos" in w]
    assert len(budget) == 1 and "used up" in budget[0] and budget[0].startswith("a.txt:1:")
    assert result.errors == []


def test_a_rule_searches_when_any_of_its_expressions_matches_a_pattern(tmp_path: Path):
    # the engine gives a regex budget only to a rule that ``searches``: =~ or !~ in its when, a
    # message placeholder, a severity case or its fix
    rules = tmp_path / "r.yaml"
    head = "- id: house/{}\n  severity: warning\n"
    rules.write_text(
        head.format("plain") + '  message: m\n  when: sentence.text == "x"\n'
        + head.format("when") + '  message: m\n  when: sentence.text !~ "y"\n'
        + head.format("message") + '  message: "{sentence.text =~ \'z\'}"\n  when: sentence.text != "x"\n'
        + head.format("case") + '  message: m\n  when: sentence.text != "x"\n'
        + '  severity_when:\n    - when: sentence.text =~ "w"\n      severity: info\n'
        + head.format("fix") + '  message: m\n  when: sentence.text != "x"\n'
        + '  fix:\n    replace: ""\n    unsafe_when: sentence.text =~ "v"\n')
    searches = {r.id: r.searches for r in load_rules([rules], bundled=False).rules}
    assert searches == {"house/plain": False, "house/when": True, "house/message": True, "house/case": True,
                        "house/fix": True}


def test_long_alternation_runs_under_the_budget():
    alternation = "(" + "|".join(f"w{i:05d}x" for i in range(20_000)) + ")"
    assert timeout_free_length(alternation) == -1
    assert timeout_free_length("(former|ex-)") > 0  # short word lists still run freely


# ------------------------------------------------------------------ configuration sandbox


@pytest.mark.parametrize("key,value", [("rules", "/etc/passwd"), ("rules", "../outside.yaml"),
                                       ("kb", "/etc/passwd"), ("kb", "../outside.yaml")])
def test_config_cannot_reach_outside_its_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     key: str, value: str):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (tmp_path / "outside.yaml").write_text("SECRET-TOKEN-123\n")
    (repo / "factlint.yaml").write_text(f"{key}: [{value}]\n")
    (repo / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(repo)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "outside the configuration's repository" in r.stderr
    assert "factlint.yaml:1:" in r.stderr
    assert "SECRET-TOKEN" not in r.stderr + r.stdout and "root:" not in r.stderr + r.stdout


def test_a_rule_path_to_a_secret_never_echoes_it(tmp_path: Path):
    secret = tmp_path / "token.txt"
    secret.write_text("TOKEN=abc123secret: [\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "b.txt"), "--rules", str(secret))
    no_traceback(r)
    assert r.exit_code == 2 and "token.txt:2:1: invalid YAML" in r.stderr
    assert "abc123secret" not in r.stderr + r.stdout


def test_config_kb_link_to_a_device_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "factlint.yaml").write_text("kb: [zero.yaml]\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "factlint.yaml:1:" in r.stderr


def test_jobs_are_bounded_by_the_cores(tmp_path: Path):
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path), "--jobs", "10000", "--format", "json")
    assert r.exit_code == 0 and "10000 jobs asked for" in r.stderr
    assert len(json.loads(r.stdout)["findings"]) == 10


# ------------------------------------------------------------------ exit 2, never a traceback


def test_missing_kb_file_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "factlint.yaml").write_text("kb: [nowhere.yaml]\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "factlint.yaml:1:" in r.stderr and "nowhere.yaml" in r.stderr


def test_february_30_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "factlint.yaml").write_text("fail-on: error\ndate: 2025-02-30\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "factlint.yaml:2:" in r.stderr


def test_february_30_in_rule_examples(tmp_path: Path):
    rules = tmp_path / "r.yaml"
    rules.write_text('- id: house/x\n  severity: warning\n  message: m\n  when: sentence.text =~ "x"\n'
                     "  examples:\n  - fail: x marks it\n    date: 2025-02-30\n")
    r = run("rules", "test", str(rules))
    no_traceback(r)
    assert r.exit_code == 2 and "r.yaml:7:" in r.stderr + r.stdout


def test_bad_config_pyproject_is_an_error(tmp_path: Path):
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    plain = tmp_path / "pyproject.toml"
    plain.write_text('[project]\nname = "x"\n')
    r = run("check", str(tmp_path / "b.txt"), "--config", str(plain))
    no_traceback(r)
    assert r.exit_code == 2 and "no [tool.factlint] table" in r.stderr


def test_broken_pyproject_is_not_silently_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nfail-on = "error\n')
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "pyproject.toml:2:" in r.stderr and "invalid TOML" in r.stderr


def test_kb_term_ending_before_it_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    kb = tmp_path / "kb.yaml"
    kb.write_text("people:\n- id: x-y\n  name: X Y\n  terms:\n  - office: us.president\n"
                  "    start: 2020-01-01\n    end: 2019-01-01\n")
    (tmp_path / "factlint.yaml").write_text("kb: [kb.yaml]\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    monkeypatch.chdir(tmp_path)
    r = run("check", "b.txt")
    no_traceback(r)
    assert r.exit_code == 2 and "kb.yaml:" in r.stderr and "ends" in r.stderr


def test_closed_stdin_stdout_and_full_disk(tmp_path: Path):
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    closed_in = cli(["check", "-"], tmp_path, " <&-")
    assert closed_in.returncode == 2 and "cannot read standard input" in closed_in.stderr
    assert "Traceback" not in closed_in.stderr
    closed_out = cli(["check", "b.txt"], tmp_path, " >&-")
    assert closed_out.returncode == 2 and "standard output" in closed_out.stderr
    assert "Traceback" not in closed_out.stderr
    if Path("/dev/full").exists():
        full = cli(["check", "b.txt"], tmp_path, " >/dev/full")
        assert full.returncode == 2 and "no space left" in full.stderr and "Traceback" not in full.stderr


def test_internal_error_names_rule_document_and_keeps_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from linter import engine as engine_module

    real = engine_module.Engine._run_rule

    def broken(self, rule, analysis, *args, **kwargs):
        if rule.id == "content/boilerplate" and analysis.doc.path.endswith("bad.txt"):
            raise ZeroDivisionError("boom")
        return real(self, rule, analysis, *args, **kwargs)

    monkeypatch.setattr(engine_module.Engine, "_run_rule", broken)
    (tmp_path / "bad.txt").write_text("It has been reported that taxes rose.\n" + BOILERPLATE)
    (tmp_path / "good.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), "--format", "json")
    assert r.exit_code == 2
    assert re.search(r"bad\.txt:\d+:\d+: internal error in rule content/boilerplate: ZeroDivisionError: boom",
                     r.stderr), r.stderr
    assert "Traceback" not in r.stderr
    assert rules_of(r, "good.txt") == ["content/boilerplate"]
    assert "source/weasel" in rules_of(r, "bad.txt")  # the other rules still ran on it
    [error] = json.loads(r.stdout)["errors"]  # the machine formats carry it too
    assert "internal error in rule content/boilerplate" in error and "bad.txt" in error
    debug = run("check", str(tmp_path / "bad.txt"), "--debug")
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


# ------------------------------------------------------------------ sanitised output


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path):
    (tmp_path / "a\x1b[2J\x1b]0;pwned\x07.txt").write_text(BOILERPLATE + "It said \x1b[31m red.\n")
    r = run("check", str(tmp_path))
    assert r.exit_code == 0 and "boilerplate" in r.stdout and "a\\x1b[2J" in r.stdout
    assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout


@pytest.mark.parametrize("fmt", ["junit", "checkstyle"])
def test_control_characters_keep_xml_well_formed(tmp_path: Path, fmt: str):
    (tmp_path / "a\x01.txt").write_text("Leave a Reply\x0b\x1f\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path), "--format", fmt)
    root = ET.fromstring(r.stdout.encode())
    assert len([e for e in root.iter() if "Reply" in (e.get("message") or "") + (e.text or "")]) >= 2


# ------------------------------------------------------------------ positions


def test_lone_cr_file_puts_findings_on_their_lines(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"The talks resume.\r\rLeave a Reply\r")
    r = run("check", str(tmp_path / "a.txt"), "--format", "json")
    [f] = json.loads(r.stdout)["findings"]
    assert (f["rule"], f["line"], f["column"]) == ("content/boilerplate", 3, 1)


def test_invalid_utf8_and_bad_dates_are_located(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"First line.\nab\xffc\n")
    (tmp_path / "d.md").write_text("---\ntitle: t\ndate: 2025-02-30\n---\nText.\n")
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "a.txt"), str(tmp_path / "d.md"), str(tmp_path / "b.txt"), "--format", "json")
    assert r.exit_code == 2
    assert "a.txt:2:3: not UTF-8 text" in r.stderr
    assert "d.md:3:7: front matter is not valid YAML: invalid value '2025-02-30'" in r.stderr
    assert rules_of(r, "b.txt") == ["content/boilerplate"]


def test_max_bytes_cuts_with_a_finding(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The talks resume.\n" * 100 + BOILERPLATE)
    (tmp_path / "b.txt").write_text(BOILERPLATE)
    r = run("check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--max-bytes", "500", "--format", "json")
    assert r.exit_code == 0
    assert rules_of(r, "a.txt") == ["input/truncated"]  # the boilerplate at the end was cut off
    assert rules_of(r, "b.txt") == ["content/boilerplate"]
    assert run("check", str(tmp_path / "a.txt"), "--max-bytes", "-1").exit_code == 2


# ------------------------------------------------------------------ language server


def _frame(msg: dict) -> bytes:
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_lsp_survives_bad_headers(tmp_path: Path):
    proc = subprocess.Popen([sys.executable, "-m", "linter.cli", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                            env=dict(os.environ, PYTHONPATH=str(REPO)))
    init = {"jsonrpc": "2.0", "id": 7, "method": "initialize", "params": {"processId": None, "capabilities": {}}}
    data = (b"Content-Length: 99999999999\r\n\r\n" + b"Content-Length: banana\r\n\r\n"
            + b"X" * 10_000 + b"\r\n\r\n" + _frame(init) + _frame({"jsonrpc": "2.0", "id": 8, "method": "shutdown"})
            + _frame({"jsonrpc": "2.0", "method": "exit"}))
    out, err = proc.communicate(data, timeout=60)
    assert b"Traceback" not in err
    assert b'"id": 7' in out or b'"id":7' in out  # still answered after the bad headers
    assert proc.returncode == 0


def test_dates_bounds_match_the_document_module():
    from linter.document import MAX_PUB_DATE, MIN_PUB_DATE

    doc = load_text("Biden said it.", path="x", date=datetime.date(1, 1, 1))
    assert doc.pub_date is None and [n.rule for n in doc.notices] == ["input/date-out-of-range"]
    assert MIN_PUB_DATE.year <= 1000 and MAX_PUB_DATE.year >= 8999


def test_lsp_debounce_runs_one_lint_for_many_quick_edits():
    import threading
    import time

    from linter.lsp import Scheduler

    calls: list[str] = []
    done = threading.Event()

    def work(uri: str, cancelled) -> None:
        calls.append(uri)
        done.set()

    scheduler = Scheduler(work, delay=0.2)
    try:
        for _ in range(100):  # a hundred edits within the debounce delay
            scheduler.schedule("file:///a.md")
        assert done.wait(10)
        time.sleep(0.4)
        assert calls == ["file:///a.md"]
    finally:
        scheduler.stop()


def test_lsp_edit_during_a_lint_cancels_it_and_lints_again():
    import threading

    from linter.lsp import Scheduler

    started, finished = threading.Event(), threading.Event()
    outcomes: list[bool] = []

    def work(uri: str, cancelled) -> None:
        started.set()
        for _ in range(500):  # a long lint, asking to be cancelled between steps
            if cancelled():
                break
            threading.Event().wait(0.01)
        outcomes.append(cancelled())
        if len(outcomes) == 2:
            finished.set()

    scheduler = Scheduler(work, delay=0.0)
    try:
        scheduler.schedule("file:///a.md")
        assert started.wait(10)
        scheduler.schedule("file:///a.md", delay=0.05)  # a newer edit
        assert finished.wait(30)
        assert outcomes == [True, False]  # the first lint was cancelled, the second ran whole
    finally:
        scheduler.stop()


def test_lsp_failed_lint_replaces_the_old_diagnostics(tmp_path: Path):
    from test_lsp import _read, _send

    article = tmp_path / "a.md"
    good = "The talks resume.\n\nLeave a Reply\n"
    proc = subprocess.Popen([sys.executable, "-m", "linter.cli", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp_path,
                            env=dict(os.environ, PYTHONPATH=str(REPO)))

    def next_diagnostics() -> list:
        while True:
            msg = _read(proc)
            if msg.get("method") == "textDocument/publishDiagnostics":
                return msg["params"]["diagnostics"]

    try:
        _send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
        _send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        _send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": article.as_uri(), "languageId": "markdown", "version": 1, "text": good}}})
        assert [d["code"] for d in next_diagnostics()] == ["content/boilerplate"]
        broken = "---\ndate: [\n---\n" + good  # front matter that cannot be read
        _send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": article.as_uri(), "version": 2}, "contentChanges": [{"text": broken}]}})
        diags = next_diagnostics()
        assert [d["code"] for d in diags] == ["input/unreadable"]  # the old finding is gone
        assert "front matter" in diags[0]["message"]
        _send(proc, {"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
        _send(proc, {"jsonrpc": "2.0", "method": "exit"})
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
