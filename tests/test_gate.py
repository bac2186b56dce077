"""Document gates (linter.gate): derived from `when`, and never skip a rule that would fire."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import load_text
from linter.dsl import parse
from linter.engine import Engine, Selection
from linter.gate import Gate, document_gate
from linter.kb import load_kb
from linter.rules import RuleSet, load_rules


def gate(when: str, subject: str = "sentence"):
    return document_gate(parse(when), subject)


def test_gate_from_required_literals() -> None:
    g = gate('sentence.text =~ "Image Source" and sentence.index > 1')
    assert g is not None and g.clauses == ((("Image Source",), ()),)
    assert g.admits("x Image Source: y", lambda: "x image source: y")
    assert not g.admits("nothing here", lambda: "nothing here")


def test_literals_sharing_a_prefix_are_each_found() -> None:
    g = Gate(((("related articles", "related posts", "related news", "tag"), ()),))
    for text in ("see related articles", "related posts:", "Related news", "a tag"):
        assert g.admits(text, lambda: "") == (text != "Related news")  # exact literals: case counts
    assert not g.admits("related stories, related", lambda: "")


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


# Document conditions: the part of `when` made once per document, before the subjects are listed.

def condition(when: str, subject: str = "figure") -> str | None:
    from linter.dsl.ast import unparse
    from linter.gate import document_condition

    node = document_condition(parse(when), subject)
    return None if node is None else unparse(node)


def test_document_condition_keeps_the_document_conjuncts_in_order() -> None:
    assert condition('not document.sourced and document.genre in ["news"] and figure.value > 3') \
        == 'not document.sourced and document.genre in ["news"]'
    # only the leading ones: the rule's order says what to test first
    assert condition('not document.sourced and figure.value > 3 and document.genre in ["news"]') \
        == "not document.sourced"
    assert condition("figure.value > options.floor and document.date != none", "figure") is None
    assert condition("document.paragraph_count > options.floor and figure.value > 3") \
        == "document.paragraph_count > options.floor"


def test_no_document_condition_for_subject_calls_regexes_or_alternatives() -> None:
    assert condition("figure.value > 3") is None
    assert condition("document.date != none or figure.value > 3") is None  # an `or` with the subject
    assert condition('document.title =~ "TK" and figure.value > 3') is None  # a match sets `match`
    assert condition("died(document.title) != none and figure.value > 3") is None  # a call may cost or fail
    assert condition("true and figure.value > 3") is None  # nothing document-level to gain
    assert condition("document.date != none", "document") is None  # the subject is the document


_CONDITIONED = [r for r in load_rules().rules if r.precheck is not None]
_WITH_CONDITIONS = Engine(RuleSet(_CONDITIONED), Selection([r.id for r in _CONDITIONED]), kb=load_kb())
_WITHOUT_CONDITIONS = Engine(RuleSet([dataclasses.replace(r, precheck=None) for r in _CONDITIONED]),
                             Selection([r.id for r in _CONDITIONED]), kb=load_kb())
_ARTICLE_PIECES = [
    "---\ndate: 2024-03-01\n---\n", "---\ngenre: opinion\n---\n", "Chancellor Angela Merkel said on Tuesday.",
    "Unemployment rose to 7.2 percent in March.", " the ministry said.", "At least 40 people were killed.",
    '"We will win," Smith said.', "Reports say the deal is off.", "It will be held on March 3, 2023.", "\n\n", " ",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_ARTICLE_PIECES), max_size=10).map("".join))
def test_rules_with_document_conditions_find_what_they_find_without(text: str) -> None:
    assert {"source/unattributed-figure", "title/administration"} <= {r.id for r in _CONDITIONED}
    doc = lambda: load_text(text, kind="markdown")  # noqa: E731 - a fresh document each run
    try:
        with_conditions = _WITH_CONDITIONS.lint(doc()).findings
    except Exception as exc:  # noqa: BLE001 - front matter the pieces broke: both must refuse it
        with pytest.raises(type(exc)):
            _WITHOUT_CONDITIONS.lint(doc())
        return
    assert with_conditions == _WITHOUT_CONDITIONS.lint(doc()).findings


def test_a_false_document_condition_skips_the_subjects(monkeypatch) -> None:
    from linter.extractions import Analysis

    def no_figures(self):
        raise AssertionError("figures extracted for an article that names its sources")

    monkeypatch.setattr(Analysis, "figures", property(no_figures))
    rule = next(r for r in _CONDITIONED if r.id == "source/unattributed-figure")
    engine = Engine(RuleSet([rule]), Selection([rule.id]), kb=load_kb())
    sourced = load_text("Unemployment rose to 7.2 percent in March, the ministry said.\n", kind="text")
    assert engine.lint(sourced).findings == []
    unsourced = load_text("Unemployment rose to 7.2 percent in March.\n", kind="text")
    with pytest.raises(AssertionError, match="figures extracted"):
        engine._run_rule(rule, engine.analyse(unsourced), [])


_LITERAL = st.text(st.sampled_from("TKXabc?[]( .-:'Ié"), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LITERAL, min_size=1, max_size=12, unique=True), st.text(st.sampled_from("TKXabc?[]( .-:'Ié\n"), max_size=40))
def test_a_gate_finds_a_literal_whichever_way_it_looks(literals: list[str], text: str) -> None:
    """One alternation search (literals opening with capitals or punctuation), one automaton pass
    (eight literals or more) and one search per literal (the others) all answer exactly whether
    some literal occurs."""
    from linter.occurs import _automaton, _grouped, _occurs
    from linter.occurs import finder as _finder

    expected = any(lit in text for lit in literals)
    assert _finder(tuple(literals))(text) == expected
    assert _occurs(_grouped(tuple(literals)), text) == expected
    automaton = _automaton(tuple(literals))
    assert automaton is not None and automaton(text) == expected
    g = Gate(((tuple(literals), ()),))
    assert g.admits(text, lambda: "") == any(lit in text for lit in literals)


def test_capital_literals_are_looked_for_by_one_alternation() -> None:
    from linter.occurs import finder as _finder

    capitals = _finder(("TK", "XX", "???", "[INSERT"))
    lower = _finder(("tag", "TK"))
    assert capitals.__name__ == "alternation" and lower.__name__ == "one_by_one"
    many = _finder(("leave a reply", "read more", "tag", "video", "share ", "cookies", "embed", "audio"))
    assert many.__name__ == "automaton"
    assert many("please share this") and many("a tagline") and not many("the senate voted")
    assert capitals("the TK here") and capitals("a [INSERT b") and not capitals("tk xx insert")
