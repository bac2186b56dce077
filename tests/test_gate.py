"""Document gates (linter.gate): derived from `when`, and never skip a rule that would fire."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import load_text
from linter.dsl import parse
from linter.engine import Engine, Selection
from linter.gate import document_gate
from linter.kb import load_kb
from linter.rules import RuleSet, load_rules


def gate(when: str, subject: str = "sentence"):
    return document_gate(parse(when), subject)


def test_gate_from_required_literals() -> None:
    g = gate('sentence.text =~ "Image Source" and sentence.index > 1')
    assert g is not None and g.clauses == ((("Image Source",), ()),)
    assert g.admits("x Image Source: y", lambda: "x image source: y")
    assert not g.admits("nothing here", lambda: "nothing here")


def test_or_needs_a_gate_on_both_sides() -> None:
    assert gate('sentence.text =~ "TK" or sentence.index > 3') is None
    g = gate('sentence.text =~ "TK" or sentence.text =~ "(?i)lorem"')
    assert g is not None and g.clauses == ((("TK",), ("lorem",)),)


def test_and_needs_every_gated_side() -> None:
    g = gate('sentence.text =~ "TK" and sentence.paragraph.text =~ "Photo"')
    assert g is not None and len(g.clauses) == 2
    assert not g.admits("TK only", lambda: "tk only")


def test_no_gate_where_the_text_is_not_prose() -> None:
    assert gate('not (sentence.text =~ "TK")') is None
    assert gate('sentence.text !~ "TK"') is None
    assert gate('paragraph.block =~ "TK"', "paragraph") is None  # `block` is raw text, not prose
    assert gate('mention.title =~ "^[A-Z]"', "mention") is None


_PIECES = ["TK", "tk", "XXX", "???", "[INSERT QUOTE]", "Image Source: Google", "Photo: Internet", "PHOTO",
           "Related Articles", "Leave a Reply", "Advertisement", "Read more: x", "[caption id=1]", "lorem ipsum",
           "The minister said.", "Talks resume on Monday", " ", "\n", "\n\n", "<b>", "</b>", "*", "# ", "> "]


_GATED = [r for r in load_rules().rules if r.gate is not None]
_WITH_GATES = Engine(RuleSet(_GATED), Selection([r.id for r in _GATED]), kb=load_kb())
_WITHOUT_GATES = Engine(RuleSet([dataclasses.replace(r, gate=None) for r in _GATED]),
                        Selection([r.id for r in _GATED]), kb=load_kb())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join), st.sampled_from(["markdown", "text", "html"]))
def test_gated_rules_find_what_ungated_rules_find(text: str, kind: str) -> None:
    assert _GATED, "the bundled rules have gates"
    gated = _WITH_GATES.lint(load_text(text, kind=kind)).findings
    assert gated == _WITHOUT_GATES.lint(load_text(text, kind=kind)).findings


def test_gated_rule_still_fires() -> None:
    doc = load_text("The talks resume.\n\nImage Source: Google\n\nWe will check TK figures.\n", kind="text")
    found = {f.rule for f in _WITH_GATES.lint(doc).findings}
    assert {"source/image-credit", "content/placeholder"} <= found
