"""The shipped CI integrations: the pre-commit hook (.pre-commit-hooks.yaml) and the GitHub
Action (action.yml and its script, run here as GitHub would run it)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SHARED

ARTICLE = """---
date: 2025-12-30
---

The rally was held on Thursday, January 14, 2026, officials said.
"""
# The same words in files that are not articles: a hook that lints them reports them too.
CODE = 'NOTE = "The rally was held on Thursday, January 14, 2026."\n'
CONF = "note: The rally was held on Thursday, January 14, 2026.\n"


def factlint_command() -> str:
    exe = Path(sys.executable).with_name("factlint")
    if exe.exists():
        return str(exe)
    found = shutil.which("factlint")
    if found is None:
        pytest.skip("the factlint command is not installed")
    return found


def hook() -> dict:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_the_hook_selects_articles_by_extension():
    h = hook()
    assert h["id"] == "factlint" and h["entry"] == "factlint check" and h["language"] == "python"
    files, exclude = re.compile(h["files"]), re.compile(h["exclude"])

    def selected(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    for path in ("story.md", "news/2025/story.markdown", "page.html", "page.htm", "wire.txt",
                 "archive.jsonl", "docs/notes.mdx"):
        assert selected(path), path
    for path in ("linter/cli.py", "factlint.yaml", ".pre-commit-config.yaml", "data.json",
                 "LICENSE.txt", "README.md", "sub/CHANGELOG.md", "requirements-dev.txt", "story.md.bak"):
        assert not selected(path), path


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_pre_commit_lints_only_the_article(tmp_path):
    """pre-commit installs the hook from this repository (at HEAD) and runs it on a repository
    holding an article, a .py and a .yaml file with the same error: only the article is linted."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    try:
        rev = _git(REPO, "rev-parse", "HEAD").strip()
        tracked = _git(REPO, "ls-tree", "--name-only", "HEAD", ".pre-commit-hooks.yaml").strip()
    except subprocess.CalledProcessError:
        pytest.skip("the repository is not a git checkout")
    if not tracked:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    work = tmp_path / "newsroom"
    work.mkdir()
    (work / "article.md").write_text(ARTICLE, encoding="utf-8")
    (work / "code.py").write_text(CODE, encoding="utf-8")
    (work / "conf.yaml").write_text(CONF, encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks: [{{id: factlint}}]\n", encoding="utf-8")
    _git(work, "init", "-q", ".")
    _git(work, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)
    r = subprocess.run([str(pre_commit), "run", "--all-files", "--color", "never"], cwd=work, env=env,
                       capture_output=True, text=True, timeout=600)
    out = r.stdout + r.stderr
    if "An unexpected error has occurred" in out and "pip" in out and "install" in out:
        log = (tmp_path / "cache" / "pre-commit.log")
        detail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else out
        if re.search(r"(Could not find a version|No matching distribution|Network is unreachable|"
                     r"Temporary failure in name resolution|Failed to establish a new connection)", detail):
            pytest.skip("the hook's environment could not be installed without a package index")
        pytest.fail(out + detail)
    assert r.returncode == 1, out
    assert "article.md:5:" in out and "[date/weekday-mismatch]" in out, out
    assert "code.py" not in out and "conf.yaml" not in out, out
    assert "in 1 file" in out, out


def run_action(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    work = tmp_path / "repo"
    work.mkdir(exist_ok=True)
    (work / "articles").mkdir(exist_ok=True)
    (work / "articles" / "rally.md").write_text(ARTICLE, encoding="utf-8")
    (work / "articles" / "clean.md").write_text("---\ndate: 2025-12-30\n---\n\nThe council met.\n",
                                                encoding="utf-8")
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {**os.environ, "FACTLINT": factlint_command(), "GITHUB_OUTPUT": str(output),
           **{f"INPUT_{k.upper()}": v for k, v in inputs.items()}}
    r = subprocess.run(["bash", str(REPO / "scripts" / "github-action.sh")], cwd=work, env=env,
                       capture_output=True, text=True, timeout=300)
    return r, work


def test_the_action_annotates_writes_sarif_and_fails_on_errors(tmp_path):
    r, work = run_action(tmp_path, paths="articles", fail_on="error")
    assert r.returncode == 1, r.stdout + r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("::error ")]
    assert len(lines) == 1 and "file=articles/rally.md,line=5," in lines[0], r.stdout
    assert "date/weekday-mismatch" in lines[0]
    assert (tmp_path / "github_output").read_text(encoding="utf-8").strip() == "sarif-file=factlint.sarif"
    sarif = json.loads((work / "factlint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [res["ruleId"] for res in results if res["level"] == "error"] == ["date/weekday-mismatch"]
    assert {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in results} == {
        "articles/rally.md"}
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if schema_path.exists():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(sarif, json.loads(schema_path.read_text(encoding="utf-8")))


def test_the_action_passes_when_told_never_to_fail_and_can_skip_sarif(tmp_path):
    r, work = run_action(tmp_path, paths="articles", fail_on="never", sarif="false", args="--select date/")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "::error file=articles/rally.md" in r.stdout
    assert not (work / "factlint.sarif").exists()
    assert (tmp_path / "github_output").read_text(encoding="utf-8").strip() == "sarif-file="


def test_the_action_reports_a_bad_input_as_a_failure(tmp_path):
    r, _ = run_action(tmp_path, paths="missing-folder", fail_on="never")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "::error::factlint could not write the SARIF report (exit 2)" in r.stdout


def test_action_yml_installs_from_its_own_checkout_and_runs_the_script():
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    runs = " ".join(str(s.get("run", "")) for s in steps)
    assert 'pip install --disable-pip-version-check -q "${{ github.action_path }}"' in runs
    assert "pip install factlint" not in runs  # a package index name that is not ours
    assert "scripts/github-action.sh" in runs and (REPO / "scripts" / "github-action.sh").exists()
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert set(action["inputs"]) >= {"paths", "fail-on", "args", "sarif"}
