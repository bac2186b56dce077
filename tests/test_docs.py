"""Generated documentation stays current, and the README keeps its two set-up commands."""

from __future__ import annotations

from conftest import REPO  # noqa: E402

from linter.docs import generated


def test_generated_docs_are_current():
    for name, expected in generated().items():
        current = (REPO / "docs" / name).read_text(encoding="utf-8")
        assert current == expected, f"docs/{name} is stale: run `python -m linter.docs`"


def test_rules_show_lists_the_subjects_attributes(tmp_path):
    """docs/dsl.md promises that `factlint rules show` lists what a rule's subject offers."""
    from typer.testing import CliRunner

    from linter.cli import app

    out = CliRunner().invoke(app, ["rules", "show", "title/former-sitting"]).output
    assert "What `mention` offers" in out
    assert "| `mention.modifier` | string |" in out and "| `mention.sentence` | sentence |" in out


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
