"""Word lists as data: the bundled lexicons, and a rule's ``tokens:`` compiled to the same gated
pattern a hand-written ``=~`` would be."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.api import build_engine, lint_text
from linter.lexicon import alternation, lexicon, lexicon_names, word_set
from linter.rules import load_rules
from linter.yamlsrc import SourceError


def test_bundled_lexicons_read():
    assert {"calendar", "residue", "speech-verbs"} <= set(lexicon_names())
    for name in lexicon_names():
        lex = lexicon(name)
        assert lex.doc and (lex.words or lex.sets)
    assert word_set("calendar", "months")[0] == "January"
    assert "according to" in word_set("speech-verbs", "quote-nearby")


def test_alternation_prefers_the_longest_phrase():
    import re

    pattern = re.compile(alternation(["no comments", "no comments yet"]))
    assert pattern.match("no comments yet").group() == "no comments yet"
    assert alternation([]) == "(?!)"


RULES = """- id: house/jargon
  severity: warning
  message: 'Jargon: "{match}".'
  tokens:
    jargon: [synergy, move the needle, low-hanging fruit]
  when: sentence.text =~ tokens.jargon
  examples:
    fail: ["We will move the needle with synergy."]
    pass: ["The needle moved.", "Synergistic effects were seen."]
- id: house/residue-too
  severity: info
  subject: paragraph
  message: residue
  tokens:
    residue: {lexicon: residue, match: whole}
  when: paragraph.text =~ tokens.residue
"""


def test_tokens_list_and_lexicon(tmp_path: Path):
    path = tmp_path / "house.yaml"
    path.write_text(RULES)
    ruleset = load_rules([path], bundled=False)
    engine = build_engine(ruleset=ruleset, select=["house/"])
    found = lint_text("We will move the needle with synergy.\n\nLeave a Reply\n", engine=engine).findings
    assert [(f.rule, f.excerpt) for f in found] == [
        ("house/jargon", "move the needle"), ("house/residue-too", "Leave a Reply")]
    assert lint_text("Synergistic effects were seen.", engine=engine).findings == []
    jargon = ruleset.by_id()["house/jargon"]
    assert jargon.gate is not None  # the word list is gated like a hand-written pattern


def test_unknown_lexicon_is_located(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(RULES.replace("lexicon: residue", "lexicon: residu"))
    with pytest.raises(SourceError) as info:
        load_rules([path], bundled=False)
    assert info.value.loc.line == 15 and "no lexicon 'residu'" in str(info.value)


ARTICLE = "The talks resume on Monday.\n\nSponsored content from our partners\n"


def _boilerplate(rules: list[Path] | None = None) -> list[str]:
    from linter.config import Config

    config = Config(rules=list(rules or []))
    engine = build_engine(config)
    return [f.excerpt for f in lint_text(ARTICLE, engine=engine).findings if f.rule == "content/boilerplate"]


def test_a_user_lexicon_extends_the_bundled_residue_list(tmp_path):
    house = tmp_path / "house"
    (house / "lexicons").mkdir(parents=True)
    assert _boilerplate() == []  # not bundled residue
    (house / "lexicons" / "residue.yaml").write_text(
        "doc: our CMS's furniture\nwords:\n  - sponsored content from our partners\n", encoding="utf-8")
    assert _boilerplate(rules=[house]) == ["Sponsored content from our partners"]
    # the bundled words still count, and the bundled lexicon itself is untouched afterwards
    assert "leave a reply" in lexicon("residue").words
    assert "sponsored content from our partners" not in lexicon("residue").words
    assert _boilerplate() == []


def test_a_user_lexicon_through_the_configuration(tmp_path):
    from typer.testing import CliRunner

    from linter.cli import app

    (tmp_path / "house" / "lexicons").mkdir(parents=True)
    (tmp_path / "house" / "lexicons" / "residue.yaml").write_text(
        "words: [sponsored content from our partners]\n", encoding="utf-8")
    (tmp_path / "factlint.yaml").write_text("rules: [house]\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("---\ndate: 2025-12-30\n---\n\n" + ARTICLE, encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "--config", str(tmp_path / "factlint.yaml"), "--select", "content/",
                                 "--fail-on", "warning", str(tmp_path / "story.md")])
    assert r.exit_code == 1 and "[content/boilerplate]" in r.stdout, r.output


@pytest.mark.parametrize("name, text, message", [
    ("house-words.yaml", "words: [x]\n", "extends no bundled lexicon"),
    ("residue.yaml", "words: 12\n", "words must be a list of strings"),
    ("residue.yaml", "words: [a\n", "cannot read this lexicon"),
    ("residue.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                     "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n", "cannot read this lexicon"),
])
def test_a_bad_user_lexicon_is_a_located_error(tmp_path, name, text, message):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / name).write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_rules([tmp_path])
    assert str(tmp_path / "lexicons" / name) in str(err.value) and message in str(err.value)


def test_a_bundled_lexicon_reads_as_yaml_loads_it(tmp_path, monkeypatch):
    """The bundled lexicons are read through the tree cache (``yamlsrc.read_yaml``): cold and
    warm, the same data PyYAML's own loader builds from each file."""
    import yaml

    import linter.yamlsrc as Y
    from linter.lexicon import lexicon_dir, read_lexicon

    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    files = sorted(lexicon_dir().glob("*.yaml"))
    assert files
    for warm in (False, True):
        monkeypatch.setattr(Y, "_TREE_STATE", {"table": None, "dirty": False, "path": None})
        for f in files:
            root = Y.read_yaml(f)[0]
            assert root is not None and root.plain() == yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
            assert read_lexicon(f, f.stem) == read_lexicon(f, f.stem, untrusted=True)
        Y.save_tree_cache()
        assert warm or list((tmp_path / "factlint").glob("yaml-*.marshal"))
