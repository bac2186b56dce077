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
