"""File-level suppression (a directive anywhere, a front-matter key), findings at 1:1, and the
directives themselves checked: an unknown id or an unused directive is an info finding (issue 15:
"a typo in a suppression id is silently ignored", "findings at 1:1 cannot be suppressed")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linter.cli import app

runner = CliRunner()

UNDATED = "Former U.S. President Donald Trump met Netanyahu last week.\n"


def rules_of(tmp_path: Path, name: str, text: str, *extra: str) -> list[tuple[str, int, int]]:
    art = tmp_path / name
    art.write_text(text)
    r = runner.invoke(app, ["check", str(art), "--format", "json", "--fail-on", "never", *extra])
    assert r.exit_code == 0, r.output
    return [(f["rule"], f["line"], f["column"]) for f in json.loads(r.stdout)["findings"]]


def test_a_document_level_finding_is_reported_at_1_1(tmp_path: Path):
    assert rules_of(tmp_path, "a.md", UNDATED) == [("date/unknown-publication", 1, 1)]


@pytest.mark.parametrize("name, text", [
    ("a.md", UNDATED + "\n<!-- factlint-disable-file date/unknown-publication -- wire copy, undated -->\n"),
    ("a.html", "<p>" + UNDATED + "</p>\n<!-- factlint-disable-file date/ -- wire copy -->\n"),
    ("a.txt", UNDATED + "\nfactlint-disable-file date/unknown-publication -- wire copy\n"),
    ("a.md", "---\ntitle: Talks\nfactlint-disable: date/unknown-publication\n---\n" + UNDATED),
    ("a.md", "---\ntitle: Talks\nfactlint-disable: [source/weasel, date/unknown-publication]\n---\n" + UNDATED),
])
def test_file_level_directives_suppress_document_level_findings(tmp_path: Path, name: str, text: str):
    assert rules_of(tmp_path, name, text) == []


def test_disable_file_leaves_other_rules_alone(tmp_path: Path):
    text = ("---\ndate: 2025-12-30\n---\nFormer U.S. President Donald Trump met Netanyahu.\n\nLeave a Reply\n\n"
            "<!-- factlint-disable-file content/boilerplate -- archived page -->\n")
    assert rules_of(tmp_path, "a.md", text) == [("title/former-sitting", 4, 1)]


def test_a_typo_in_a_suppression_id_is_reported(tmp_path: Path):
    text = UNDATED + "\n<!-- factlint-disable-file date/unknown-publicaton -- typo -->\n"
    art = tmp_path / "a.md"
    art.write_text(text)
    r = runner.invoke(app, ["check", str(art), "--fail-on", "never"])
    assert "a.md:3:1: info: No rule or rule family is called 'date/unknown-publicaton' (did you mean " \
           "'date/unknown-publication'?)" in r.stdout
    assert "[suppression/unknown-rule]" in r.stdout and "[date/unknown-publication]" in r.stdout
    fm = "---\nfactlint-disable: [titel/]\n---\n" + UNDATED
    assert ("suppression/unknown-rule", 2, 1) in rules_of(tmp_path, "b.md", fm)
    bad = "---\nfactlint-disable: {a: 1}\n---\n" + UNDATED
    assert ("suppression/unknown-rule", 2, 1) in rules_of(tmp_path, "c.md", bad)


def test_unused_suppressions_are_reported(tmp_path: Path):
    text = "<!-- factlint-disable-next-line source/weasel -- checked -->\nThe talks resume on Monday.\n"
    assert rules_of(tmp_path, "a.md", text) == [("suppression/unused", 1, 1)]
    # a directive for a rule that did not run this time is not called unused
    assert rules_of(tmp_path, "a.md", text, "--select", "title/") == []
    used = "<!-- factlint-disable-next-line source/weasel -- checked -->\nSome say the talks will resume.\n"
    assert rules_of(tmp_path, "b.md", used) == []


def test_directive_findings_opt_out(tmp_path: Path):
    text = ("<!-- factlint-disable-next-line source/weasel -- checked -->\nThe talks resume on Monday.\n"
            "<!-- factlint-disable-file nosuch/rule -->\n")
    assert {r for r, _, _ in rules_of(tmp_path, "a.md", text)} == {"suppression/unused", "suppression/unknown-rule"}
    assert rules_of(tmp_path, "a.md", text, "--ignore", "suppression/") == []
    assert rules_of(tmp_path, "a.md", text, "--ignore", "suppression/unused") == [("suppression/unknown-rule", 3, 1)]
    (tmp_path / "factlint.yaml").write_text("ignore: [suppression/unknown-rule]\n")
    assert rules_of(tmp_path, "a.md", text, "--config", str(tmp_path / "factlint.yaml")) == [
        ("suppression/unused", 1, 1)]
