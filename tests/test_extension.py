"""Extending factlint takes one file: a new output format is one module of ``linter/report/``,
a new subject is one module (installed as a rule pack through the ``factlint.subjects`` entry
point), and a ``numbers/`` rule needs only YAML."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

import linter.report
from linter.api import build_engine, lint_text
from linter.cli import app
from linter.rules import load_rules

FORMAT_MODULE = '''"""``--format tsv``: one finding a line, tab-separated."""

from linter.report.base import RunResult


def render(result: RunResult) -> str:
    return "".join(f"{f.path}\\t{f.line}\\t{f.rule}\\n" for f in result.findings)
'''


def test_a_new_output_format_is_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "tsv.py").write_text(FORMAT_MODULE)
    monkeypatch.setattr(linter.report, "__path__", [*linter.report.__path__, str(tmp_path)])
    linter.report.format_names.cache_clear()
    try:
        assert "tsv" in linter.report.format_names()
        art = tmp_path / "a.txt"
        art.write_text("Image Source: Google\n")
        r = CliRunner().invoke(app, ["check", str(art), "--format", "tsv", "--select", "source/image-credit"])
        assert r.stdout == f"{art}\t1\tsource/image-credit\n"
    finally:
        linter.report.format_names.cache_clear()


SUBJECT_MODULE = '''"""A rule pack's subject: every word in capitals (an acronym) of a document."""

import re

from linter.dsl import NUMBER, TEXT, ObjectType
from linter.dsl.types import Text
from linter.subjects import Subject, View

ACRONYM = ObjectType("acronym", doc="A word in capitals.")
ACRONYM.add("text", TEXT, lambda v: Text(v.item.group(), v.item.start()), "the word")
ACRONYM.add("length", NUMBER, lambda v: len(v.item.group()), "its letters")


class AcronymView(View):
    @property
    def span(self):
        return (self.item.start(), self.item.end())


def _iterate(a):
    for m in re.finditer(r"\\b[A-Z]{2,}\\b", a.doc.prose):
        yield AcronymView(a, m)


SUBJECT = Subject("acronym", ACRONYM, _iterate)
'''

RULE = """- id: house/long-acronym
  severity: info
  subject: acronym
  message: Spell out "{acronym.text}" on first use.
  when: acronym.length >= 5
"""


def test_a_new_subject_is_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import linter.subjects as subjects

    (tmp_path / "acronym_pack.py").write_text(SUBJECT_MODULE)
    (tmp_path / "house.yaml").write_text(RULE)
    monkeypatch.syspath_prepend(str(tmp_path))

    class EntryPoint:  # what importlib.metadata reports for an installed rule pack
        def load(self):
            return importlib.import_module("acronym_pack")

    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: [EntryPoint()]
                        if group == subjects.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(subjects, "_plugins_loaded", False)
    saved = dict(subjects.SUBJECTS)
    try:
        engine = build_engine(ruleset=load_rules([tmp_path / "house.yaml"], bundled=False))
        result = lint_text("The NASDAQ rose while the UN met.", engine=engine)
        assert [(f.rule, f.excerpt) for f in result.findings] == [("house/long-acronym", "NASDAQ")]
    finally:
        subjects.SUBJECTS.clear()
        subjects.SUBJECTS.update(saved)
        sys.modules.pop("acronym_pack", None)


def test_numbers_rule_in_yaml_alone_adds_up_a_paragraph():
    engine = build_engine(select=["numbers/percent-sum"])
    text = "In the poll, 52% backed the plan, 38% opposed it and 15% were undecided.\n"
    [f] = lint_text(text, engine=engine).findings
    assert "add up to 105%" in f.message and f.rule == "numbers/percent-sum"
    assert lint_text(text.replace("15%", "10%"), engine=engine).findings == []
    # the rule is data: its file holds no Python, and figure.value is a real number
    source = (REPO / "rules" / "numbers" / "percent-sum.yaml").read_text()
    assert "total(of_kind(figures(paragraph)" in source
    probe = load_rules([], bundled=True)
    assert any(r.id == "numbers/percent-sum" and not r.enabled for r in probe.rules)


def test_no_rule_pack_installed_is_remembered_until_a_distribution_changes(tmp_path, monkeypatch):
    """With the cache on, finding that no installed distribution declares the group is kept
    under a fingerprint of the distributions' entry-point files: the next start does not import
    importlib.metadata; a distribution installed (or changed) on sys.path is looked at again; a
    zip file on sys.path is never fingerprinted."""
    import importlib.metadata

    import linter.subjects as subjects

    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    calls = []
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: calls.append(group) or [])

    def start():
        monkeypatch.setattr(subjects, "_plugins_loaded", False)
        subjects._load_entry_points()

    start()
    start()
    assert calls == [subjects.ENTRY_POINT_GROUP]  # the second start asked nobody
    (site / "notes.txt").write_text("a file written in a folder on the path (python -m's working directory)")
    start()
    assert len(calls) == 1  # no distribution changed
    pack = site / "house_rules-1.0.dist-info"
    pack.mkdir()
    (pack / "entry_points.txt").write_text("[factlint.subjects]\nhouse = house_rules\n")
    start()
    assert len(calls) == 2  # a new distribution: looked at again
    start()
    assert len(calls) == 2
    (pack / "entry_points.txt").write_text("[console_scripts]\nhouse = house_rules:main\n\n")
    start()
    assert len(calls) == 3  # its entry points changed
    archive = tmp_path / "eggs.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.syspath_prepend(str(archive))
    start()
    start()
    assert len(calls) == 5  # a zip on sys.path: importlib.metadata every time
