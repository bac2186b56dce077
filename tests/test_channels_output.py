"""Issue 15, the output side: JUnit test cases and counts, archive records placed on the archive's
own lines in SARIF and GitHub annotations, percent-encoded URIs, the JSON fix's range, and the
terminal (colour, progress, --statistics, --quiet, the clean-run summary)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from linter.cli import app
from linter.finding import Edit, Finding, Fix, Severity
from linter.report import RunResult, formatter
from linter.report._archive import uri
from linter.terminal import Progress, shows_progress, use_color

runner = CliRunner()

RULES = """
- id: house/utilize
  severity: warning
  message: Write "use", not "utilize".
  when: sentence.text =~ "utiliz"
- id: house/irregardless
  severity: error
  message: Not a word.
  when: sentence.text =~ "irregardless"
- id: house/very
  severity: info
  message: Cut "very".
  when: sentence.text =~ "very"
"""


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def house(tmp_path: Path) -> Path:
    rules = tmp_path / "house.yaml"
    rules.write_text(RULES)
    return rules


# ---------------------------------------------------------------------------------------------
# JUnit


def junit_cases(xml: str) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.fromstring(xml)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    # the declared counts are those of the elements, at both levels
    for element in (root, suite):
        assert int(element.get("tests", "-1")) == len(cases)
        assert int(element.get("failures", "-1")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(element.get("errors", "-1")) == sum(1 for c in cases if c.find("error") is not None)
    return root, cases


def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-clean.md").write_text("A quiet day in the harbour.\n")
    (folder / "b-warn.md").write_text("We utilize boats. They are very fast.\n")
    (folder / "c-error.md").write_text("Irregardless, we utilize it.\n")
    return folder


@pytest.mark.parametrize(("fail_on", "failing"), [
    ("error", {"c-error.md": 1}),
    ("warning", {"b-warn.md": 1, "c-error.md": 2}),
    ("info", {"b-warn.md": 2, "c-error.md": 2}),
    ("never", {}),
])
def test_junit_one_case_per_file_failures_follow_fail_on(tmp_path: Path, fail_on: str, failing: dict[str, int]):
    folder = articles(tmp_path)
    r = run("check", str(folder), "--rules", str(house(tmp_path)), "--select", "house/", "--format", "junit",
            "--fail-on", fail_on)
    assert r.exit_code == (1 if failing else 0), r.stderr
    _, cases = junit_cases(r.stdout)
    names = [Path(c.get("name", "")).name for c in cases]
    assert names == ["a-clean.md", "b-warn.md", "c-error.md"]  # the clean file is a (passing) test case
    by_name = dict(zip(names, cases, strict=True))
    assert list(by_name["a-clean.md"]) == []
    for name, case in by_name.items():
        assert len(case.findall("failure")) == failing.get(name, 0), name
    # what is below --fail-on is shown, not failed: every finding is somewhere in the report
    shown = sum(len(c.findall("failure")) for c in cases)
    shown += sum(len((c.findtext("system-out") or "").splitlines()) for c in cases)
    assert shown == 4


def test_junit_exit_status_and_report_agree(tmp_path: Path):
    """A warning no longer fails the JUnit report of a run that --fail-on error passes."""
    art = tmp_path / "a.md"
    art.write_text("We utilize boats.\n")
    r = run("check", str(art), "--rules", str(house(tmp_path)), "--select", "house/", "--format", "junit")
    assert r.exit_code == 0
    root, cases = junit_cases(r.stdout)
    assert root.get("failures") == "0" and len(cases) == 1
    assert "house/utilize" in (cases[0].findtext("system-out") or "")


def test_junit_archive_records_and_input_errors(tmp_path: Path):
    arc = tmp_path / "a.jsonl"
    arc.write_text(json.dumps({"id": "r1", "text": "Irregardless."}) + "\n{broken\n"
                   + json.dumps({"id": "r2", "text": "Fine."}) + "\n")
    r = run("check", str(arc), "--rules", str(house(tmp_path)), "--select", "house/", "--format", "junit")
    assert r.exit_code == 2
    root, cases = junit_cases(r.stdout)
    assert [c.get("name") for c in cases] == [f"{arc}#r1", f"{arc}#r2", str(arc)]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    error = cases[2].find("error")
    assert error is not None and "malformed JSON" in (error.get("message") or "")


# ---------------------------------------------------------------------------------------------
# SARIF and GitHub: archive records on the archive's own lines


def archive(path: Path, n: int, blank_every: int = 7) -> dict[str, int]:
    """A synthetic archive of ``n`` records, a blank line before some (so a record's index and its
    archive line part ways), each text two lines with two findings on its second; returns
    record id -> archive line."""
    lines: list[str] = []
    where: dict[str, int] = {}
    for i in range(n):
        if i % blank_every == 3:
            lines.append("")
        rid = f"r{i}"
        where[rid] = len(lines) + 1
        lines.append(json.dumps({"id": rid, "date": "2025-12-30",
                                 "text": f"Harbour report number {i}.\nWe utilize {i} boats, irregardless."}))
    path.write_text("\n".join(lines) + "\n")
    return where


def test_sarif_and_github_place_archive_findings_on_the_records_line(tmp_path: Path):
    arc = tmp_path / "my story #2.jsonl"
    where = archive(arc, 30)
    rules = str(house(tmp_path))
    r = run("check", str(arc), "--rules", rules, "--select", "house/", "--format", "sarif")
    assert r.exit_code == 1, r.stderr
    results = json.loads(r.stdout)["runs"][0]["results"]
    assert len(results) == 60
    file_lines = arc.read_text().split("\n")
    for res in results:
        [loc] = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"].endswith("/my%20story%20%232.jsonl")
        line = phys["region"]["startLine"]
        [logical] = loc["logicalLocations"]
        record = res["properties"]["record"]
        assert where[logical["name"]] == line == record["archiveLine"]
        assert json.loads(file_lines[line - 1])["id"] == logical["name"] == record["id"]
        assert logical["fullyQualifiedName"] == f"{arc}#{record['id']}"
        assert record["startLine"] == 2 and record["startColumn"] > 1  # inside the record's text
        assert "startColumn" not in phys["region"]  # a column in the record is no column of the line
    r = run("check", str(arc), "--rules", rules, "--select", "house/", "--format", "github")
    annotations = r.stdout.splitlines()
    assert len(annotations) == 60
    for a in annotations:
        props, message = a.split("::")[1:3]
        fields = dict(p.split("=", 1) for p in props.split(" ", 1)[1].split(","))
        assert fields["file"] == str(arc).replace(":", "%3A")
        rid = message.split(",")[0].removeprefix("record ")
        assert json.loads(file_lines[int(fields["line"]) - 1])["id"] == rid
        assert "col" not in fields  # a column inside the record is no column of the archive line


def test_uris_are_percent_encoded():
    assert uri("my story #2.md") == "my%20story%20%232.md"
    assert uri("news/a:b 100%.md") == "news/a%3Ab%20100%25.md"  # no scheme, no stray escape
    assert uri("/srv/news/my story.md") == "file:///srv/news/my%20story.md"
    assert uri("C:\\news\\a b.md") == "file:///C:/news/a%20b.md"
    assert uri("news/café.md") == "news/caf%C3%A9.md"
    f = Finding("dir/my story #2.md", 1, 1, 1, 2, "x/y", Severity.ERROR, "m", "e")
    doc = json.loads(formatter("sarif")(RunResult([f], 1)))
    assert doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        == "dir/my%20story%20%232.md"


def _validate(shared: Path, sarif: str) -> dict:  # type: ignore[type-arg]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())
    doc = json.loads(sarif)
    jsonschema.validate(doc, schema)
    return doc  # type: ignore[no-any-return]


def test_sarif_of_the_seeds_validates(shared: Path):
    r = run("check", str(SEEDS), "--format", "sarif", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    doc = _validate(shared, r.stdout)
    assert doc["runs"][0]["results"]


def test_sarif_carries_each_fix_as_a_replacement(shared: Path, tmp_path: Path):
    art = tmp_path / "a.md"
    art.write_text("Intro line.\n\nFormer U.S. President Donald Trump met Netanyahu on Monday.\n")
    r = run("check", str(art), "--date", "2025-12-30", "--format", "sarif", "--select", "title/former-sitting",
            "--fail-on", "never")
    doc = _validate(shared, r.stdout)
    [res] = doc["runs"][0]["results"]
    [fix] = res["fixes"]
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert change["replacements"] == [{"deletedRegion": {"startLine": 3, "startColumn": 1, "endLine": 3,
                                                         "endColumn": 8}, "insertedContent": {"text": ""}}]
    assert fix["properties"]["applicability"] in ("safe", "unsafe")


def test_sarif_of_a_2000_record_archive_validates(shared: Path, tmp_path: Path):
    arc = tmp_path / "big archive.jsonl"
    where = archive(arc, 2000)
    r = run("check", str(arc), "--rules", str(house(tmp_path)), "--format", "sarif", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    doc = _validate(shared, r.stdout)
    results = doc["runs"][0]["results"]
    ours = [res for res in results if res["ruleId"].startswith("house/")]
    assert len(ours) == 4000
    for res in ours:
        loc = res["locations"][0]
        assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("/big%20archive.jsonl")
        assert loc["physicalLocation"]["region"]["startLine"] == where[loc["logicalLocations"][0]["name"]]


# ---------------------------------------------------------------------------------------------
# JSON: the fix with its range


def test_json_fix_range_is_the_span_it_replaces(tmp_path: Path):
    text = "Intro line.\n\nFormer U.S. President Donald Trump met Netanyahu on Monday.\n"
    art = tmp_path / "a.md"
    art.write_text(text)
    r = run("check", str(art), "--date", "2025-12-30", "--format", "json", "--select", "title/former-sitting")
    [f] = json.loads(r.stdout)["findings"]
    assert f["fix"]["applicability"] == "safe"
    [fix] = f["fix"]["edits"]
    assert (fix["line"], fix["column"], fix["end_line"], fix["end_column"]) == (3, 1, 3, 8)
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[:fix["line"] - 1]) + fix["column"] - 1
    end = sum(len(x) + 1 for x in lines[:fix["end_line"] - 1]) + fix["end_column"] - 1
    assert text[start:end] == "Former "
    # --fix applies exactly that edit
    fixed = text[:start] + fix["replacement"] + text[end:]
    run("check", str(art), "--date", "2025-12-30", "--fix", "--select", "title/former-sitting")
    assert art.read_text() == fixed


def test_fix_range_survives_the_dask_shard_format():
    from linter.dask import finding_from_dict, finding_to_dict

    f = Finding("a.md", 3, 1, 3, 8, "title/former-sitting", Severity.ERROR, "m", "Former",
                fix=Fix((Edit(13, 20, "", 3, 1, 3, 8),), "unsafe"))
    back = finding_from_dict(json.loads(json.dumps(finding_to_dict(f))))
    assert back.fix == f.fix and back.to_dict() == f.to_dict()


# ---------------------------------------------------------------------------------------------
# Terminal: colour, progress, --statistics, --quiet, the clean-run summary

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.mark.parametrize(("env", "tty", "expected"), [
    ({}, True, True),
    ({}, False, False),
    ({"NO_COLOR": "1"}, True, False),
    ({"NO_COLOR": ""}, True, True),  # empty: not set (no-color.org)
    ({"FORCE_COLOR": "1"}, False, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),
    ({"TERM": "dumb"}, True, False),
    ({"TERM": "dumb", "FORCE_COLOR": "1"}, False, True),
])
def test_use_color(env: dict[str, str], tty: bool, expected: bool):
    assert use_color(FakeTTY() if tty else io.StringIO(), env) is expected


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_changes_the_escapes(tmp_path: Path):
    folder = articles(tmp_path)
    args = ("check", str(folder), "--rules", str(house(tmp_path)), "--select", "house/", "--statistics")
    plain = run(*args)
    assert "\x1b" not in plain.stdout  # no terminal, no FORCE_COLOR: today's bytes
    forced = runner.invoke(app, list(args), env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert "\x1b[" in forced.stdout and ANSI.sub("", forced.stdout) == plain.stdout
    off = runner.invoke(app, list(args), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert off.stdout == plain.stdout
    json_run = runner.invoke(app, [*args, "--format", "json"], env={"FORCE_COLOR": "1"})
    assert "\x1b" not in json_run.stdout  # colour is for the text report alone


def test_statistics_quiet_and_clean_summary(tmp_path: Path):
    folder = articles(tmp_path)
    rules = str(house(tmp_path))
    base = ("check", str(folder), "--rules", rules, "--select", "house/")
    lines = run(*base, "--statistics").stdout.splitlines()
    assert lines[:4] == [line for line in run(*base).stdout.splitlines()[:4]]  # the findings first
    assert lines[4:] == ["2  house/utilize       warning", "1  house/irregardless  error",
                         "1  house/very          info", "Found 1 error, 2 warnings, 1 info in 3 files."]
    quiet = run(*base, "--quiet")
    assert len(quiet.stdout.splitlines()) == 4 and "Found" not in quiet.stdout
    j = run(*base, "--statistics", "--format", "json")
    assert json.loads(j.stdout)["summary"] == {"error": 1, "warning": 2, "info": 1}
    assert "2  house/utilize       warning" in j.stderr
    clean = tmp_path / "clean.md"
    clean.write_text("A quiet day.\n")
    r = run("check", str(clean), "--rules", rules, "--select", "house/")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "factlint: no problems found in 1 file\n")
    r = run("check", str(clean), "--rules", rules, "--select", "house/", "--quiet")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("check", str(empty))  # nothing linted: the warning says so, no "no problems" line
    assert "no articles found" in r.stderr and "no problems" not in r.stderr


def test_progress_bar_draws_only_after_the_delay_and_is_erased():
    tty = FakeTTY()
    with Progress(10, tty, enabled=True, delay=0.05) as progress:
        progress(3)
        deadline = time.monotonic() + 10
        while not progress.shown and time.monotonic() < deadline:
            time.sleep(0.01)
        progress(4)
        time.sleep(0.3)
    assert progress.shown and progress.done == 7
    assert "linting" in tty.getvalue() and "7/10" in ANSI.sub("", tty.getvalue())
    quick = FakeTTY()
    with Progress(10, quick, enabled=True, delay=5) as progress:  # a quick run shows nothing
        progress(10)
    assert not progress.shown and quick.getvalue() == ""
    assert not shows_progress(io.StringIO()) and shows_progress(FakeTTY(), {})
    assert not shows_progress(FakeTTY(), {"TERM": "dumb"})


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_long_run_on_a_terminal_shows_progress_on_stderr(tmp_path: Path):
    """End to end: stderr a pseudo-terminal, stdout a pipe; the run lasts over a second."""
    import pty

    arc = tmp_path / "a.jsonl"
    archive(arc, 1500)
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    out_file = tmp_path / "out.txt"
    # The CLI as ``python -m linter.cli``, with the bar drawn as the run starts rather than after
    # its delay (a second of linting, which a quick machine does not reach on 1,500 short records,
    # and a timer that races the run's end): the bar is then drawn on every machine. The delay
    # itself is tested above.
    driver = ("import sys, linter.terminal as t\n"
              "def enter(self):\n"
              "    if self._timer is not None:\n"
              "        self._show()\n"
              "    return self\n"
              "t.Progress.__enter__ = enter\n"
              "from linter.cli import main\n"
              "sys.argv[0] = 'factlint'\n"
              "main()\n")
    with out_file.open("wb") as out_fh:  # a file, not a pipe: nothing blocks while stderr is read
        proc = subprocess.Popen([sys.executable, "-c", driver, "check", str(arc), "--rules",
                                 str(house(tmp_path)), "--select", "house/", "--fail-on", "never"],
                                stdout=out_fh, stderr=slave, env=env)
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other side is closed
                break
            if not chunk:
                break
            err += chunk
        proc.wait(timeout=600)
    os.close(master)
    out = out_file.read_text()
    assert proc.returncode == 0
    assert "\x1b" not in out  # stdout is no terminal: plain text
    assert out.splitlines()[-1] == "Found 1500 errors, 1500 warnings in 1500 files."
    seen = ANSI.sub("", err.decode(errors="replace"))
    assert "house/" not in seen  # the findings are on stdout; stderr has the bar alone
    assert "linting" in seen and "/1500" in seen  # the bar, with its count
