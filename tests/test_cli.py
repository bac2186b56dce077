"""The command line: exit codes, formats, located rule errors, inputs of every kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linter.cli import app

runner = CliRunner()

UTILIZE = """- id: house/utilize
  severity: warning
  message: Write "use", not "utilize".
  when: sentence.text =~ "utiliz"
"""


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("factlint ")


def test_contract_minimal_rule_works_as_written(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UTILIZE)
    art = tmp_path / "a.md"
    art.write_text("---\ntitle: t\n---\nWe will Utilize the budget.\n")
    r = run("check", str(art), "--rules", str(rules), "--select", "house/", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["version"] == 1 and data["files"] == 1
    [f] = data["findings"]
    assert (f["rule"], f["severity"], f["line"], f["column"]) == ("house/utilize", "warning", 4, 9)
    assert f["excerpt"] == "Utiliz" and f["end_column"] == 15
    assert f["message"] == 'Write "use", not "utilize".'


def test_fail_on_controls_exit_code(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UTILIZE)
    art = tmp_path / "a.txt"
    art.write_text("They utilize it.\n")
    base = ("check", str(art), "--rules", str(rules), "--select", "house/")
    assert run(*base).exit_code == 0
    assert run(*base, "--fail-on", "warning").exit_code == 1
    assert run(*base, "--fail-on", "info").exit_code == 1
    assert run(*base, "--fail-on", "never").exit_code == 0
    r = run(*base, "--fail-on", "bogus")
    assert r.exit_code == 2 and "--fail-on" in r.stderr


def test_text_format_is_editor_parsable(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UTILIZE)
    art = tmp_path / "a.txt"
    art.write_text("Fine.\nThey utilize it.\n")
    r = run("check", str(art), "--rules", str(rules), "--select", "house/")
    first = r.stdout.splitlines()[0]
    assert first == f'{art}:2:6: warning: Write "use", not "utilize". [house/utilize]'


@pytest.mark.parametrize(
    "body, line, col, words",
    [
        ("- id: house/x\n  severity: warning\n  message: m\n  when: sentence.txt =~ \"a\"\n", 4, 18, "did you mean 'text'"),
        ("- id: house/x\n  severity: warning\n  message: m\n  when: sentence.text =~ \"(\"\n", 4, 28, "regular expression"),
        ("- id: house/x\n  severity: loud\n  message: m\n  when: true\n", 2, 13, "severity"),
        ("- id: house/x\n  severity: warning\n  mesage: m\n  when: true\n", 3, 3, "message"),
        ("- id: House\n  severity: warning\n  message: m\n  when: true\n", 1, 7, "family/name"),
        ("- id: house/x\n  severity: warning\n  message: '{sentence.nope}'\n  when: true\n", 3, 23, "nope"),
        ("- id: house/x\n  severity: warning\n  message: m\n  when: sentence.text and and\n", 4, 27, ""),
        ("- id: house/x\n  severity: warning\n  message: m\n  when: |\n    sentence.text =~ \"a\"\n      and sentence.foo\n", 6, 20, "foo"),
        ("- id: house/x\n  severity: [warning\n", 3, 1, "YAML"),
    ],
)
def test_broken_rule_file_is_located(tmp_path: Path, body: str, line: int, col: int, words: str):
    rules = tmp_path / "bad.yaml"
    rules.write_text(body)
    art = tmp_path / "a.txt"
    art.write_text("x\n")
    r = run("check", str(art), "--rules", str(rules))
    assert r.exit_code == 2
    first = r.stderr.splitlines()[0]
    assert first.startswith(f"factlint: {rules}:{line}:"), r.stderr
    assert first.startswith(f"factlint: {rules}:{line}:{col}:"), r.stderr
    assert words in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_input_exit_2(tmp_path: Path):
    r = run("check", str(tmp_path / "nope.md"))
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_bad_date_option():
    r = run("check", "-", "--date", "2025-13-01", input="x")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.stderr


def test_stdin_input(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UTILIZE)
    r = run("check", "-", "--rules", str(rules), "--select", "house/", "--format", "json", input="We utilize.\n")
    data = json.loads(r.stdout)
    assert data["findings"][0]["path"] == "<stdin>"


def test_jsonl_archive_paths_and_malformed_record(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UTILIZE)
    arc = tmp_path / "a.jsonl"
    arc.write_text(
        json.dumps({"id": "r1", "date": "2025-01-02", "text": "Fine.\nWe utilize it."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "r3", "date": "2025-01-02", "text": "Utilize."}) + "\n"
    )
    r = run("check", str(arc), "--rules", str(rules), "--select", "house/", "--format", "json")
    assert r.exit_code == 2
    assert f"{arc}:2:" in r.stderr
    data = json.loads(r.stdout)
    paths = [(f["path"], f["line"], f["column"]) for f in data["findings"]]
    assert paths == [(f"{arc}#r1", 2, 4), (f"{arc}#r3", 1, 1)]


def test_unknown_select_prefix_is_usage_error(tmp_path: Path):
    r = run("check", "-", "--select", "nosuch/", input="x")
    assert r.exit_code == 2 and "nosuch/" in r.stderr


def test_rules_list_and_show():
    r = run("rules", "list")
    assert r.exit_code == 0 and "content/boilerplate" in r.stdout
    r = run("rules", "show", "content/boilerplate")
    assert r.exit_code == 0 and "What it does" in r.stdout
    r = run("rules", "show", "content/boilerplat")
    assert r.exit_code == 2 and "did you mean" in r.stderr


def test_rules_test_reports_a_failing_example(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UTILIZE + "  examples:\n    fail: [\"We use it.\"]\n    pass: [\"We use it too.\"]\n")
    r = run("rules", "test", str(rules))
    assert r.exit_code == 1
    assert "FAILED" in r.stdout and "1 passed, 1 failed" in r.stdout


def test_config_file_discovery_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "house.yaml").write_text(UTILIZE)
    (tmp_path / "factlint.yaml").write_text("rules: [house.yaml]\nselect: house/\nfail-on: warning\n")
    (tmp_path / "a.txt").write_text("We utilize.\n")
    monkeypatch.chdir(tmp_path)
    r = run("check", "a.txt")
    assert r.exit_code == 1 and "house/utilize" in r.stdout
    (tmp_path / "factlint.yaml").write_text("rules: [house.yaml]\nselcet: house/\n")
    r = run("check", "a.txt")
    assert r.exit_code == 2 and "factlint.yaml:2:1" in r.stderr and "did you mean 'select'" in r.stderr


def test_pyproject_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "house.yaml").write_text(UTILIZE)
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nrules = ["house.yaml"]\nselect = ["house/"]\n')
    (tmp_path / "a.txt").write_text("We utilize.\n")
    monkeypatch.chdir(tmp_path)
    r = run("check", "a.txt", "--format", "json")
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == ["house/utilize"]


def test_suppression_comments(tmp_path: Path):
    (tmp_path / "house.yaml").write_text(UTILIZE)
    art = tmp_path / "a.md"
    art.write_text(
        "We utilize one.\n\n<!-- factlint-disable-next-line house/utilize -- quoting a memo -->\n"
        "We utilize two.\n\n<!-- factlint-disable house/ -->\nWe utilize three.\n\n"
        "<!-- factlint-enable house/ -->\nWe utilize four.\n"
    )
    r = run("check", str(art), "--rules", str(tmp_path / "house.yaml"), "--select", "house/", "--format", "json")
    lines = [f["line"] for f in json.loads(r.stdout)["findings"]]
    assert lines == [1, 10]


def test_plain_text_suppression(tmp_path: Path):
    (tmp_path / "house.yaml").write_text(UTILIZE)
    art = tmp_path / "a.txt"
    art.write_text("factlint-disable-next-line house/utilize -- fine here\nWe utilize two.\nWe utilize three.\n")
    r = run("check", str(art), "--rules", str(tmp_path / "house.yaml"), "--select", "house/", "--format", "json")
    assert [f["line"] for f in json.loads(r.stdout)["findings"]] == [3]


def test_kb_who_sitting_and_former():
    r = run("kb", "who", "Donald Trump", "--on", "2025-12-30")
    assert r.exit_code == 0
    assert "on 2025-12-30: sitting President of the United States" in r.stdout
    r = run("kb", "who", "Joe Biden", "--on", "2026-02-01")
    assert "President of the United States: 2021-01-20 – 2025-01-20" in r.stdout
    assert "on 2026-02-01: former President of the United States" in r.stdout
    r = run("kb", "who", "Nobody Atall")
    assert r.exit_code == 2 and "no one called" in r.stderr


def test_kb_validate_bundled_and_broken(repo: Path):
    r = run("kb", "validate")
    assert r.exit_code == 0 and "knowledge base OK" in r.stdout
    r = run("kb", "validate", str(repo / "tests" / "fixtures" / "kb_bad"))
    assert r.exit_code == 1
    assert "people.yaml:12:16: term names unknown office 'xx.nowhere'" in r.stderr
    assert "overlaps the term of 'alice'" in r.stderr


def test_kb_import_writes_atomically(repo: Path, tmp_path: Path):
    out = tmp_path / "kb.yaml"
    r = run("kb", "import", str(repo / "tests" / "fixtures" / "wikidata_sample.json"), "--output", str(out))
    assert r.exit_code == 0, r.stderr
    text = out.read_text()
    assert "zoe-example-mayor" in text and "wd.mayor-of-exampleville" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.yaml"]  # no temporary file left
    assert out.stat().st_mode & 0o777 != 0o600  # a new file gets normal permissions, not mkstemp's
    r = run("kb", "import", str(tmp_path / "missing.json"))
    assert r.exit_code == 2


def test_html_input_with_meta_date(tmp_path: Path):
    art = tmp_path / "a.html"
    art.write_text(
        '<html><head><meta property="article:published_time" content="2026-01-20T09:00:00Z">'
        "<title>Council</title></head><body><p>The council met on Thursday, January 14, 2026.</p>"
        "<p>Leave a Reply</p></body></html>"
    )
    r = run("check", str(art), "--format", "json")
    data = json.loads(r.stdout)
    rules = [(f["rule"], f["line"]) for f in data["findings"]]
    assert ("date/weekday-mismatch", 1) in rules and ("content/boilerplate", 1) in rules
    f = next(f for f in data["findings"] if f["rule"] == "date/weekday-mismatch")
    assert art.read_text()[f["column"] - 1:f["end_column"] - 1] == f["excerpt"]


def test_jobs_give_the_same_findings(tmp_path: Path):
    arc = tmp_path / "a.jsonl"
    lines = []
    for i in range(20):
        text = "The council met on Thursday, January 14, 2026." if i % 2 else "Leave a Reply"
        lines.append(json.dumps({"id": f"r{i}", "date": "2026-01-20", "text": "Intro.\n\n" + text}))
    arc.write_text("\n".join(lines) + "\n")
    one = run("check", str(arc), "--format", "json", "--jobs", "1")
    two = run("check", str(arc), "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout)["findings"] == json.loads(two.stdout)["findings"]
    assert len(json.loads(one.stdout)["findings"]) == 20


def test_directory_input_and_date_option(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Former U.S. President Donald Trump spoke on Monday.\n")
    (tmp_path / "notes.csv").write_text("not an article\n")
    r = run("check", str(tmp_path), "--date", "2025-12-30", "--select", "title/", "--format", "json")
    data = json.loads(r.stdout)
    assert data["files"] == 1 and r.exit_code == 1
    assert data["findings"][0]["rule"] == "title/former-sitting"


def test_fix_rewrites_only_when_asked_and_atomically(tmp_path: Path):
    art = tmp_path / "a.md"
    original = "---\ndate: 2025-12-30\n---\nFormer U.S. President Donald Trump met Netanyahu.\n\nLeave a Reply\n"
    art.write_text(original)
    r = run("check", str(art))
    assert r.exit_code == 1 and art.read_text() == original  # never changed unless asked
    r = run("check", str(art), "--fix", "--format", "json")
    assert "fixed 2 problems" in r.stderr
    assert art.read_text() == "---\ndate: 2025-12-30\n---\nU.S. President Donald Trump met Netanyahu.\n\n"
    rules = [f["rule"] for f in json.loads(r.stdout)["findings"]]
    assert "title/former-sitting" not in rules and "content/boilerplate" not in rules
    assert r.exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name != "a.md"]


def test_json_finding_carries_its_fix(tmp_path: Path):
    art = tmp_path / "a.txt"
    art.write_text("Former U.S. President Donald Trump met Netanyahu.\n")
    r = run("check", str(art), "--date", "2025-12-30", "--format", "json", "--select", "title/")
    [f] = json.loads(r.stdout)["findings"]
    assert f["fix"] == {"applicability": "safe", "edits": [
        {"line": 1, "column": 1, "end_line": 1, "end_column": 8, "replacement": ""}]}  # "Former "


USER_KB = """offices:
  - {id: xx.harbourmaster, name: Harbourmaster of Port Tarrow, titles: [Harbourmaster],
     coverage_from: 2003-11-17}
people:
  - id: quentin-tarrow
    name: Quentin Tarrow
    born: 1967-10-10
    terms:
      - {office: xx.harbourmaster, start: 2019-01-07}
"""


def test_config_kb_extends_the_knowledge_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`kb:` in factlint.yaml merges the user's KB file over the bundled one, for extraction and
    for the DSL's look-ups (`holds`), in one process and with --jobs."""
    (tmp_path / "a.md").write_text("---\ndate: 2024-05-02\n---\nFormer Harbourmaster Quentin Tarrow spoke on Tuesday.\n")
    monkeypatch.chdir(tmp_path)
    r = run("check", "a.md", "--select", "title/", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["findings"] == []  # unknown to the bundled KB
    (tmp_path / "my-kb.yaml").write_text(USER_KB)
    (tmp_path / "factlint.yaml").write_text("kb: [my-kb.yaml]\nselect: title/\n")
    r = run("check", "a.md", "--format", "json")
    found = json.loads(r.stdout)["findings"]
    assert r.exit_code == 1 and [(f["rule"], f["line"]) for f in found] == [("title/former-sitting", 4)]
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(8):  # eight files: --jobs 2 sends them to worker processes
        (arts / f"{i}.md").write_text((tmp_path / "a.md").read_text())
    r = run("check", "arts", "--format", "json", "--jobs", "2")
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == ["title/former-sitting"] * 8
    (tmp_path / "my-kb.yaml").write_text("people:\n  - id: x\n    terms: [{office: nowhere, start: 2019-01-07}]\n")
    r = run("check", "a.md")
    assert r.exit_code == 2 and "my-kb.yaml" in r.stderr and "Traceback" not in r.stderr


def test_version_answers_before_the_cli_is_imported():
    """`factlint --version` (the console entry point, linter.__main__) imports neither typer nor
    linter.cli: a version check costs the interpreter's start-up alone."""
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['factlint', '--version']; import linter.__main__ as m; m.main(); "
            "print('typer' in sys.modules, 'linter.cli' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0].startswith("factlint ") and out.splitlines()[1] == "False False"


def test_a_one_article_check_imports_only_what_it_uses(tmp_path):
    """A plain check of one article, its rules parsed before (the parse cache warm), imports
    neither lark (the DSL parser), nor the process pool (--jobs), nor dateutil's parser (a date
    that is not ISO), nor tomllib (no pyproject.toml that names factlint), nor typer (a plain
    check line is read by linter.checkcmd): a start-up pays for what it uses (issue 16)."""
    import os
    import subprocess
    import sys

    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2025-12-30\n---\nIt has been reported that the minister will resign.\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom"\n')
    env = {k: v for k, v in os.environ.items() if k != "FACTLINT_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    lazy = ["lark", "concurrent.futures.process", "dateutil.parser", "tomllib", "tomli", "typer", "linter.cli"]
    code = ("import sys; sys.argv = ['factlint', 'check', '--fail-on', 'never', 'a.md']; import linter.__main__ as m\n"
            "try:\n    m.main()\nexcept SystemExit:\n    pass\n"
            f"print([name for name in {lazy!r} if name in sys.modules])")
    for _ in range(2):  # the first run fills the parse cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=env, cwd=tmp_path).stdout
    assert "a.md:4:" in out and out.splitlines()[-1] == "[]"
    # an article without front matter needs no YAML parser: the rules and lexicons come from the tree cache
    (tmp_path / "b.txt").write_text("It has been reported that the minister will resign.\n")
    code = code.replace("'a.md'", "'b.txt'").replace(repr(lazy), repr([*lazy, "yaml"]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env, cwd=tmp_path).stdout
    assert "b.txt:1:" in out and out.splitlines()[-1] == "[]"


def test_check_pauses_the_collector_only_while_it_starts(tmp_path):
    """``factlint check`` starts with the cyclic garbage collector off, then freezes what the
    start made and collects again (``checkcmd._started``); other commands, and a check called
    in-process, leave the collector as it was."""
    import gc
    import subprocess
    import sys

    from typer.testing import CliRunner

    from linter.cli import app

    article = tmp_path / "a.txt"
    article.write_text("It has been reported that the minister will resign.\n")
    probe = ("import gc, sys, linter.checkcmd as c; states = []; started = c._started\n"
             "def spy():\n    states.append(gc.isenabled()); started(); states.append(gc.isenabled())\n"
             "c._started = spy; sys.argv = ['factlint'] + sys.argv[1:]; import linter.__main__ as m\n"
             "try:\n    m.main()\nexcept SystemExit:\n    pass\n"
             "print(states, gc.isenabled(), gc.get_freeze_count() > 0)")
    run = subprocess.run([sys.executable, "-c", probe, "check", "--fail-on", "never", str(article)],
                         capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[False, True] True True"
    run = subprocess.run([sys.executable, "-c", probe, "rules", "list"], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[] True False"
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(app, ["check", "--fail-on", "never", str(article)])
    assert result.exit_code == 0 and gc.isenabled() and gc.get_freeze_count() == frozen
