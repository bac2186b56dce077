"""Every example of every bundled rule is its own test: ``fail`` texts trigger, ``pass`` texts don't."""

from __future__ import annotations

import pytest

from linter.examples import run_example
from linter.rules import load_rules

RULESET = load_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.id}:{'fail' if example.expect_fail else 'pass'}:{i}")
    for rule in RULESET.rules
    for i, example in enumerate(rule.examples)
]


def test_every_rule_has_failing_and_passing_examples():
    for rule in RULESET.rules:
        kinds = {e.expect_fail for e in rule.examples}
        assert kinds == {True, False}, f"{rule.id} needs both fail and pass examples"


def test_every_rule_is_documented():
    for rule in RULESET.rules:
        assert rule.description.get("what") and rule.description.get("why"), rule.id


@pytest.mark.parametrize("rule, example", CASES)
def test_rule_example(rule, example):
    result = run_example(rule, example)
    assert result.ok, result.describe()
