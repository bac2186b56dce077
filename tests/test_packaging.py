"""The wheel ships the rules and the grammar: build it, install it apart, lint from another folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO  # noqa: E402


def test_wheel_ships_rules_and_grammar_and_runs_elsewhere(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = list(dist.glob("factlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "linter/_data/grammar/factlint.lark" in names
    assert any(n.startswith("linter/_data/rules/content/") for n in names)
    assert any(n.startswith("linter/_data/rules/kb/") for n in names)
    target = tmp_path / "site"
    inst = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert inst.returncode == 0, inst.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    article = elsewhere / "a.md"
    article.write_text("---\ndate: 2026-01-20\n---\nThe council met on Thursday, January 14, 2026.\n\nLeave a Reply\n")
    env = dict(os.environ, PYTHONPATH=str(target))
    where = subprocess.run([sys.executable, "-c", "import linter, linter.resources as r; print(linter.__file__); print(r.rules_dir())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True)
    assert str(target) in where.stdout, where.stdout + where.stderr
    run = subprocess.run([sys.executable, "-m", "linter.cli", "check", "a.md", "--format", "json"],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    rules = {f["rule"] for f in json.loads(run.stdout)["findings"]}
    assert {"date/weekday-mismatch", "content/boilerplate"} <= rules
    version = subprocess.run([sys.executable, "-m", "linter.cli", "--version"], cwd=elsewhere, env=env,
                             capture_output=True, text=True)
    assert version.stdout.startswith("factlint ")
