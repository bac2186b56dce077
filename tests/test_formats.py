"""Output formats: JSON shape, SARIF against the 2.1.0 schema, XML well-formedness, GitHub commands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from linter.finding import Finding, Severity
from linter.report import RuleInfo, RunResult, formatter

FINDINGS = [
    Finding("a.md", 3, 5, 3, 9, "source/weasel", Severity.WARNING, 'Unsourced: "it is said", name who', "it is"),
    Finding("a.md", 4, 1, 4, 7, "title/former-sitting", Severity.ERROR, "Trump <is> sitting & \"x\"", "former"),
    Finding("b, c.md", 1, 1, 1, 2, "source/anonymous", Severity.INFO, "multi\nline: 100%", "a"),
]
RESULT = RunResult(FINDINGS, 2, [], {"source/weasel": RuleInfo("source/weasel", Severity.WARNING, "Weasel words")})


def test_json_contract_fields():
    data = json.loads(formatter("json")(RESULT))
    assert data["version"] == 1 and data["files"] == 2
    first = data["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "excerpt"):
        assert key in first
    assert data["summary"] == {"error": 1, "warning": 1, "info": 1}


def test_sarif_validates_against_schema(shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())
    doc = json.loads(formatter("sarif")(RESULT))
    jsonschema.validate(doc, schema)
    results = doc["runs"][0]["results"]
    assert [r["level"] for r in results] == ["warning", "error", "note"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 5, 9)


def test_checkstyle_and_junit_are_well_formed_xml():
    root = ET.fromstring(formatter("checkstyle")(RESULT))
    errors = root.findall("./file/error")
    assert len(errors) == 3 and errors[1].get("message") == 'Trump <is> sitting & "x"'
    junit = ET.fromstring(formatter("junit")(RESULT))
    assert len(junit.findall(".//failure")) == 1  # --fail-on error (the default): the error alone


def test_github_annotations_escape():
    lines = formatter("github")(RESULT).splitlines()
    assert lines[0].startswith("::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=source/weasel::")
    assert lines[1].startswith("::error ")
    assert lines[2].startswith("::notice file=b%2C c.md") and "multi%0Aline%3A 100%25" not in lines[2]
    assert lines[2].endswith("multi%0Aline: 100%25")


def test_text_format():
    out = formatter("text")(RESULT).splitlines()
    assert out[0] == 'a.md:3:5: warning: Unsourced: "it is said", name who [source/weasel]'
    assert out[-1] == "Found 1 error, 1 warning, 1 info in 2 files."
