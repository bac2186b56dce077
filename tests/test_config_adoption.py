"""Configuration and adoption (issue 15): `default-date:` is a fallback, the old `date:` key is
rejected at its line, folder scans skip what is not an article, per-path overrides,
`--print-config`, `extend-select`, `kb who` with `kb:`; `--baseline`/`--write-baseline` and
`--diff`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from linter.api import build_engine
from linter.baseline import AdoptionError, parse_diff
from linter.cli import app
from linter.config import Config, Glob, load_config
from linter.yamlsrc import SourceError

runner = CliRunner()

DATED = "---\ndate: 2025-12-30\n---\nFormer President Donald Trump met Netanyahu.\n"
UNDATED = "Former President Donald Trump met Netanyahu.\n"


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def findings(r) -> list[tuple[str, str, int]]:
    return [(f["path"], f["rule"], f["line"]) for f in json.loads(r.stdout)["findings"]]


# ---------------------------------------------------------------------------------------------
# default-date


def test_default_date_never_overrides_an_articles_own_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The bug: `date: 2022-06-01` in the configuration overrode the front matter's 2025-12-30 and
    the dated 'Former President Donald Trump' error vanished."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DATED)
    (tmp_path / "factlint.yaml").write_text("select: title/\ndefault-date: 2022-06-01\n")
    r = run("check", "a.md", "--format", "json")
    assert r.exit_code == 1, r.stderr
    assert findings(r) == [("a.md", "title/former-sitting", 4)]
    # the other places an article carries its date win too: a dateline, an HTML meta, a record
    (tmp_path / "b.txt").write_text("WASHINGTON, Dec. 30, 2025 -- Former President Donald Trump met Netanyahu.\n")
    (tmp_path / "c.html").write_text('<html><head><meta property="article:published_time" content="2025-12-30">'
                                     "</head><body><p>Former President Donald Trump met Netanyahu.</p></body></html>")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": 7, "date": "2025-12-30", "text": UNDATED}) + "\n")
    r = run("check", "b.txt", "c.html", "d.jsonl", "--format", "json")
    assert [(p, rule) for p, rule, _ in findings(r)] == [
        ("b.txt", "title/former-sitting"), ("c.html", "title/former-sitting"), ("d.jsonl#7", "title/former-sitting")]


def test_default_date_dates_the_undated_and_date_option_overrides_all(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "u.md").write_text(UNDATED)
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": 1, "text": UNDATED}) + "\n")
    r = run("check", "u.md", "d.jsonl", "--select", "title/", "--format", "json")
    assert findings(r) == []  # undated: Trump was a former president for four years
    (tmp_path / "factlint.yaml").write_text("select: title/\ndefault-date: 2025-12-30\n")
    r = run("check", "u.md", "d.jsonl", "--format", "json")
    assert findings(r) == [("d.jsonl#1", "title/former-sitting", 1), ("u.md", "title/former-sitting", 1)]
    (tmp_path / "a.md").write_text(DATED)
    r = run("check", "a.md", "u.md", "--date", "2022-06-01", "--format", "json")  # --date: every article's
    assert r.exit_code == 0 and findings(r) == []
    r = run("check", "u.md", "--default-date", "2022-06-01", "--format", "json")  # the option beats the file
    assert r.exit_code == 0 and findings(r) == []


def test_the_contracts_date_key_is_the_fallback_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`date:` (the contract's key, mirroring --date) reads as `default-date:`: the article's own
    date wins, an undated article takes it; naming both keys is an error at the second."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DATED)
    (tmp_path / "u.md").write_text(UNDATED)
    for name, text in (("factlint.yaml", "select: title/\n  \ndate: 2022-06-01\n"),
                       ("pyproject.toml", '[tool.factlint]\nselect = ["title/"]\ndate = "2022-06-01"\n')):
        for old in ("factlint.yaml", "pyproject.toml"):
            if (tmp_path / old).exists():
                (tmp_path / old).unlink()
        (tmp_path / name).write_text(text)
        r = run("check", "a.md", "u.md", "--format", "json")
        assert r.exit_code == 1 and "Traceback" not in r.stderr, r.stderr
        by_path = {f["path"]: f["rule"] for f in json.loads(r.stdout)["findings"]}
        assert by_path == {"a.md": "title/former-sitting"}  # dated 2025-12-30: Trump sits; u.md is 2022
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "factlint.yaml").write_text("date: 2022-06-01\ndefault-date: 2022-06-02\n")
    r = run("check", "a.md")
    assert r.exit_code == 2 and "factlint.yaml:2:1: 'date' and 'default-date' are the same setting" in r.stderr


# ---------------------------------------------------------------------------------------------
# exclude


def _tree(root: Path) -> None:
    for rel in ("news/a.md", "node_modules/pkg/readme.md", ".venv/lib/x.md", "venv/notes.txt", "build/out.html",
                "LICENSE.txt", "README.md", "CHANGELOG.md", "requirements-dev.txt", "news/__pycache__/c.txt",
                "drafts/wip.md", "news/old/b.md"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DATED)


def paths_linted(r) -> list[str]:
    return sorted({Path(p).as_posix() for p, _, _ in findings(r)})


def test_folder_scan_skips_dependencies_environments_and_non_articles(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = run("check", ".", "--select", "title/", "--format", "json")
    assert paths_linted(r) == ["drafts/wip.md", "news/a.md", "news/old/b.md"]
    assert json.loads(r.stdout)["files"] == 3
    # named on the command line, an excluded file is linted all the same
    r = run("check", "LICENSE.txt", "node_modules/pkg/readme.md", "--select", "title/", "--format", "json")
    assert paths_linted(r) == ["LICENSE.txt", "node_modules/pkg/readme.md"]


def test_exclude_options_and_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    r = run("check", ".", "--select", "title/", "--format", "json", "--extend-exclude", "drafts,news/old")
    assert paths_linted(r) == ["news/a.md"]
    r = run("check", ".", "--select", "title/", "--format", "json", "--exclude", "node_modules")  # replaces
    assert "LICENSE.txt" in paths_linted(r) and "node_modules/pkg/readme.md" not in paths_linted(r)
    (tmp_path / "news" / "factlint.yaml").write_text("extend-exclude: ['old/**']\nselect: title/\n")
    monkeypatch.chdir(tmp_path / "news")  # a glob with '/' is relative to the configuration's folder
    r = run("check", ".", "--format", "json")
    assert paths_linted(r) == ["a.md"]
    (tmp_path / "news" / "factlint.yaml").write_text("exclude: []\nselect: title/\n")
    r = run("check", ".", "--format", "json")
    assert paths_linted(r) == ["__pycache__/c.txt", "a.md", "old/b.md"]
    (tmp_path / "news" / "factlint.yaml").write_text("select: title/\nexclude: {a: 1}\n")
    r = run("check", ".")
    assert r.exit_code == 2 and "factlint.yaml:2:10: 'exclude' must be a list of globs" in r.stderr


@pytest.mark.parametrize(("pattern", "path", "hit"), [
    ("node_modules", "x/node_modules", True),
    ("LICENSE*", "docs/license.md", True),
    ("requirements*.txt", "requirements.txt", True),
    ("requirements*.txt", "requirements.md", False),
    ("*.md", "a/b.md", True),
    ("news/**/*.md", "news/a/b/c.md", True),
    ("news/**/*.md", "news/c.md", True),
    ("news/*.md", "news/a/c.md", False),
    ("news/*.md", "other/news/c.md", False),
    ("[ab].md", "c.md", False),
    ("[!ab].md", "c.md", True),
])
def test_glob(tmp_path: Path, pattern: str, path: str, hit: bool):
    assert Glob(pattern, tmp_path).matches(tmp_path / path) is hit


# ---------------------------------------------------------------------------------------------
# per-path, extend-select, print-config, kb who


def test_per_path_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    for rel in ("opinion/a.md", "news/a.md", "archive/a.md"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(DATED)
    (tmp_path / "factlint.yaml").write_text(
        "select: title/\nper-path:\n  - glob: opinion/**\n    ignore: [title/former-sitting]\n"
        "  - glob: [archive/*.md]\n    severity: {title/: info}\n")
    r = run("check", ".", "--format", "json")
    data = json.loads(r.stdout)["findings"]
    assert [(f["path"], f["severity"]) for f in data] == [("archive/a.md", "info"), ("news/a.md", "error")]
    (tmp_path / "factlint.yaml").write_text("per-path:\n  - glob: news/*\n    select: [source/]\n")
    r = run("check", "news", "opinion", "--select", "title/", "--format", "json")
    assert paths_linted(r) == ["opinion/a.md"]  # news keeps only source/ findings: it has none
    for bad, where in (("per-path:\n  - {ignore: [title/]}\n", "2:5: 'per-path' entry 1 needs 'glob'"),
                       ("per-path:\n  - {glob: x, ignore: [title/], colour: red}\n", "unknown key 'colour'"),
                       ("per-path:\n  - {glob: x, ignore: [title/]}\n  - {glob: y}\n",
                        "3:5: 'per-path' entry 2 changes nothing"),
                       ("per-path:\n  - {glob: x, severity: {title/: loud}}\n", "severity of 'title/'")):
        (tmp_path / "factlint.yaml").write_text(bad)
        r = run("check", "news")
        assert r.exit_code == 2 and where in r.stderr and "Traceback" not in r.stderr, r.stderr
    (tmp_path / "factlint.yaml").write_text("per-path:\n  - {glob: x, ignore: [titel/]}\n")
    r = run("check", "news")
    assert r.exit_code == 2 and "no rule matches 'titel/'" in r.stderr


def test_extend_select_adds_to_the_default_rules(tmp_path: Path):
    (tmp_path / "factlint.yaml").write_text("extend-select: [source/speculation]\n")
    ids = {r.id for r in build_engine(load_config(tmp_path / "factlint.yaml")).rules}
    assert "source/speculation" in ids and "title/former-sitting" in ids
    assert "source/speculation" not in {r.id for r in build_engine(Config()).rules}
    assert {r.id for r in build_engine(Config(select=["title/"], extend_select=["source/speculation"])).rules} == {
        r.id for r in build_engine(Config(select=["title/", "source/speculation"])).rules}


def test_print_config_shows_values_and_where_they_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factlint.yaml").write_text("ignore: [source/]\ndefault-date: 2024-01-02\nextend-exclude: [drafts]\n")
    r = run("check", ".", "--print-config", "--select", "title/", "--fail-on", "warning")
    assert r.exit_code == 0, r.stderr
    lines = {line.split(":", 1)[0]: line for line in r.stdout.splitlines() if not line.startswith("#")}
    assert lines["ignore"].endswith(f"# {tmp_path / 'factlint.yaml'}:1")
    assert lines["default-date"].endswith(f"# {tmp_path / 'factlint.yaml'}:2")
    assert lines["select"].endswith("# command line (--select)") and lines["fail-on"].endswith("(--fail-on)")
    assert lines["exclude"].endswith("# default") and "node_modules" in lines["exclude"]
    data = yaml.safe_load(r.stdout)  # the output is YAML a configuration file could hold
    assert data["select"] == ["title/"] and data["default-date"] == "2024-01-02"
    assert data["extend-exclude"] == ["drafts"] and "date" not in data


def test_kb_who_honours_the_configurations_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from tests.test_cli import USER_KB

    monkeypatch.chdir(tmp_path)
    r = run("kb", "who", "Quentin Tarrow")
    assert r.exit_code == 2 and "no one called" in r.stderr
    (tmp_path / "my-kb.yaml").write_text(USER_KB)
    (tmp_path / "factlint.yaml").write_text("kb: [my-kb.yaml]\n")
    r = run("kb", "who", "Quentin Tarrow", "--on", "2024-05-02")
    assert r.exit_code == 0 and "Quentin Tarrow (quentin-tarrow)" in r.stdout and "sitting" in r.stdout
    (tmp_path / "factlint.yaml").write_text("kb: [missing.yaml]\n")
    r = run("kb", "who", "Quentin Tarrow")
    assert r.exit_code == 2 and "factlint.yaml:1:5" in r.stderr and "Traceback" not in r.stderr


# ---------------------------------------------------------------------------------------------
# --baseline / --write-baseline


TWO = ("---\ndate: 2025-12-30\n---\nFormer President Donald Trump met Netanyahu.\n\n"
       "Former Vice President JD Vance spoke.\n")


def test_baseline_survives_lines_moving_and_reports_new_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    art = tmp_path / "news" / "a.md"
    art.parent.mkdir()
    art.write_text(TWO)
    r = run("check", "news", "--select", "title/", "--format", "json")
    before = findings(r)
    assert len(before) == 2
    r = run("check", "news", "--select", "title/", "--write-baseline", "factlint-baseline.json")
    assert r.exit_code == 0 and "recorded 2 findings" in r.stderr
    # lines inserted above both findings, and the paragraphs swapped: nothing new to report
    art.write_text(TWO.replace("---\nFormer", "---\nA new first paragraph.\n\nAnd a second one.\n\nFormer")
                   .replace("Netanyahu.\n\nFormer Vice", "Netanyahu.\n\nMore.\n\nFormer Vice"))
    r = run("check", "news", "--select", "title/", "--baseline", "factlint-baseline.json", "--format", "json")
    assert r.exit_code == 0 and findings(r) == [], r.stdout
    assert [line for _, _, line in findings(run("check", "news", "--select", "title/", "--format", "json"))] == [8, 12]
    # a new finding is reported, a second occurrence of a known excerpt too; run from elsewhere
    art.write_text(art.read_text() + "\nFormer President Donald Trump waved.\n")
    monkeypatch.chdir(art.parent)
    r = run("check", ".", "--select", "title/", "--baseline", "../factlint-baseline.json", "--format", "json")
    assert r.exit_code == 1 and findings(r) == [("a.md", "title/former-sitting", 14)]
    # a fixed finding leaves a stale entry, said on stderr
    art.write_text(TWO.replace("Former Vice President", "Vice President"))
    r = run("check", ".", "--select", "title/", "--baseline", "../factlint-baseline.json")
    assert r.exit_code == 0 and "1 finding of the baseline no longer occur" in r.stderr


def test_bad_baseline_is_a_located_error(tmp_path: Path):
    art = tmp_path / "a.md"
    art.write_text(DATED)
    for text, where in (("{\n  oops", ":2:3: not a factlint baseline: invalid JSON"),
                        ('{"findings": []}', ":1:1: not a factlint baseline"),
                        ('{"factlint-baseline": 1, "findings": [{"rule": "x"}]}', "entry 1 has no 'fingerprint'")):
        (tmp_path / "b.json").write_text(text)
        r = run("check", str(art), "--baseline", str(tmp_path / "b.json"))
        assert r.exit_code == 2 and where in r.stderr and "Traceback" not in r.stderr, r.stderr
    r = run("check", str(art), "--baseline", str(tmp_path / "none.json"))
    assert r.exit_code == 2 and "no such baseline file" in r.stderr
    r = run("check", str(art), "--write-baseline", str(tmp_path / "no" / "dir" / "b.json"))
    assert r.exit_code == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr


# ---------------------------------------------------------------------------------------------
# --diff


PR_DIFF = "\n".join([
    "diff --git a/news/a.md b/news/a.md",
    "index 1111111..2222222 100644",
    "--- a/news/a.md",
    "+++ b/news/a.md",
    "@@ -3,3 +3,5 @@ date: 2025-12-30",
    " ---",
    " Former President Donald Trump met Netanyahu.",
    " ",
    "+Former Vice President JD Vance spoke.",
    "+",
    " Closing words.",
]) + "\n"


def test_diff_reports_only_findings_on_added_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the diff's paths are relative to the repository
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(TWO + "\nClosing words.\n")
    (tmp_path / "news" / "b.md").write_text(DATED)  # not in the diff
    r = run("check", "news", "--select", "title/", "--format", "json")
    assert [(p, line) for p, _, line in findings(r)] == [("news/a.md", 4), ("news/a.md", 6), ("news/b.md", 4)]
    (tmp_path / "pr.diff").write_text(PR_DIFF)
    r = run("check", "news", "--select", "title/", "--format", "json", "--diff", "pr.diff")
    assert r.exit_code == 1 and findings(r) == [("news/a.md", "title/former-sitting", 6)]
    r = run("check", "news", "--select", "title/", "--format", "json", "--diff", "-", input=PR_DIFF)
    assert [(p, line) for p, _, line in findings(r)] == [("news/a.md", 6)]
    monkeypatch.chdir(tmp_path / "news")  # from a subfolder: paths still resolve against the repository
    r = run("check", ".", "--select", "title/", "--format", "json", "--diff", "../pr.diff")
    assert [(p, line) for p, _, line in findings(r)] == [("a.md", 6)]
    r = run("check", ".", "--select", "title/", "--diff", "-", "--format", "json", input="")  # nothing changed
    assert r.exit_code == 0 and findings(r) == []


def test_diff_errors_are_located(tmp_path: Path):
    art = tmp_path / "a.md"
    art.write_text(DATED)
    (tmp_path / "bad.diff").write_text("--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,3 @@\n x\n*y\n")
    r = run("check", str(art), "--diff", str(tmp_path / "bad.diff"))
    assert r.exit_code == 2 and "bad.diff:5:1: malformed diff" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "bad.diff").write_text("hello\n")
    r = run("check", str(art), "--diff", str(tmp_path / "bad.diff"))
    assert r.exit_code == 2 and "not a unified diff" in r.stderr
    r = run("check", "-", "--diff", "-", input="x")
    assert r.exit_code == 2 and "cannot both read standard input" in r.stderr
    r = run("check", str(art), "--diff", str(tmp_path / "missing.diff"))
    assert r.exit_code == 2 and "cannot read the diff" in r.stderr


def test_parse_diff_forms(tmp_path: Path):
    text = ('diff --git "a/my story #2.md" "b/my story #2.md"\nnew file mode 100644\n--- /dev/null\n'
            '+++ "b/my story #2.md"\n@@ -0,0 +1,2 @@\n+one\n+two\n\\ No newline at end of file\n'
            "--- gone.md\t2025-01-01\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n"
            "--- kept.md\n+++ kept.md\n@@ -1,2 +1,2 @@\n-a\n+b\n c\n@@ -10 +10,2 @@\n x\n++++ plus\n"
            '--- "a/caf\\303\\251.md"\n+++ "b/caf\\303\\251.md"\n@@ -1 +1 @@\n-x\n+y\n')
    changes = parse_diff(text, root=tmp_path)
    assert changes.added == {"my story #2.md": {1, 2}, "kept.md": {1, 11}, "café.md": {1}}
    with pytest.raises(AdoptionError, match=r"<diff>:3:1: malformed diff: expected a hunk header"):
        parse_diff("--- a\n+++ b\n@@ nonsense @@\n", root=tmp_path)


def test_config_errors_name_the_file_line_and_column(tmp_path: Path):
    path = tmp_path / "factlint.yaml"
    path.write_text("extend-select: 3\n")
    with pytest.raises(SourceError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:1:16: 'extend-select' must be a list")


def test_diff_on_an_archive_keeps_the_records_on_added_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    records = [{"id": f"r{i}", "date": "2025-12-30", "text": UNDATED} for i in range(3)]
    (tmp_path / "arc.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    diff = ("--- a/arc.jsonl\n+++ b/arc.jsonl\n@@ -1,2 +1,3 @@\n"
            f" {json.dumps(records[0])}\n+{json.dumps(records[1])}\n {json.dumps(records[2])}\n")
    r = run("check", "arc.jsonl", "--select", "title/", "--format", "json")
    assert [p for p, _, _ in findings(r)] == ["arc.jsonl#r0", "arc.jsonl#r1", "arc.jsonl#r2"]
    r = run("check", "arc.jsonl", "--select", "title/", "--format", "json", "--diff", "-", input=diff)
    assert findings(r) == [("arc.jsonl#r1", "title/former-sitting", 1)]


def test_per_path_applies_in_the_api_and_the_language_server(tmp_path: Path):
    from linter.api import lint_text
    from linter.lsp import Linter

    (tmp_path / "opinion").mkdir()
    (tmp_path / "factlint.yaml").write_text("select: title/\nper-path:\n  - {glob: 'opinion/**', ignore: [title/]}\n")
    cfg = load_config(tmp_path / "factlint.yaml")
    assert lint_text(DATED, path=str(tmp_path / "opinion" / "a.md"), config=cfg).findings == []
    assert [f.rule for f in lint_text(DATED, path=str(tmp_path / "a.md"), config=cfg).findings] == [
        "title/former-sitting"]
    linter = Linter()
    assert linter.run(tmp_path / "opinion" / "a.md", DATED) == []
    assert [f.rule for f in linter.run(tmp_path / "a.md", DATED)] == ["title/former-sitting"]


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="needs git")
def test_diff_of_a_real_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`git diff` output as CI gives it: a changed file, a new file with a space in its name,
    and a renamed one; only the added lines' findings are reported, from a subfolder too."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tmp_path,
                              check=True, capture_output=True, text=True).stdout

    git("init", "-q", ".")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(TWO)
    (tmp_path / "news" / "old.md").write_text(DATED)
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    (tmp_path / "news" / "a.md").write_text(TWO.replace("---\nFormer", "---\nNew lead.\n\nFormer Vice President "
                                                        "JD Vance arrived.\n\nFormer"))
    (tmp_path / "news" / "my story #2.md").write_text(DATED)
    git("mv", "news/old.md", "news/moved.md")
    git("add", "-A")
    diff = git("diff", "--cached", "-M")
    monkeypatch.chdir(tmp_path / "news")
    r = run("check", ".", "--select", "title/", "--format", "json", "--diff", "-", input=diff)
    assert [(p, line) for p, _, line in findings(r)] == [("a.md", 6), ("my story #2.md", 4)]


def test_discover_keeps_a_settled_pyproject_verdict_and_notices_edits(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # discover() keeps whether a pyproject.toml claims factlint under its stat signature, but
    # only for a file left unchanged for a while (a write in the same clock tick may keep its times)
    import time

    from linter import config

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.factlint]\nselect = ["date/"]\n')
    assert config.discover(tmp_path) == pyproject
    assert pyproject not in config._CLAIMS  # just written: not kept
    pyproject.write_text('[tool.factlimp]\nselect = ["date/"]\n')  # same size, at once
    assert config.discover(tmp_path) is None
    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + 10 * config._SETTLED_NS)  # settled by now
    assert config.discover(tmp_path) is None
    assert pyproject in config._CLAIMS

    def unparsed(text: str) -> bool:
        raise AssertionError("read again though unchanged")

    monkeypatch.setattr(config, "_parse_claims", unparsed)
    assert config.discover(tmp_path) is None  # kept: not read again
    monkeypatch.undo()
    time.sleep(0.05)  # past the clock tick of the last write, as a settled file is
    for text in ('[tool.factlint]\nselect = ["date/"]\n', '[tool.factlint]\nselect = ["date/", "x/"]\n'):
        pyproject.write_text(text)
        assert config.discover(tmp_path) == pyproject  # an edit (same size, or not) is read
    pyproject.unlink()
    assert config.discover(tmp_path) is None
