"""Generated documentation stays current, and the README keeps its two set-up commands."""

from __future__ import annotations

from pathlib import Path

from linter.docs import render_rules_doc
from linter.rules import load_rules

REPO = Path(__file__).resolve().parents[1]


def test_rules_md_is_current():
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    expected = render_rules_doc(load_rules().rules)
    assert current == expected, "docs/rules.md is stale: run `python -m linter.docs`"


def test_readme_opens_with_the_two_setup_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "factlint check seeds/" in block[0]
    assert "pytest" in block[1] and "[test]" in block[1]


def test_readme_shows_the_contract_minimal_rule():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'when: sentence.text =~ "utiliz"' in text
    assert 'when: sentence.text =~ "utiliz"' in (REPO / "docs" / "dsl.md").read_text(encoding="utf-8")
