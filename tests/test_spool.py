"""Spooled reports (issue 16): a run's findings go to disk in sorted runs (``linter.spool``) and
come back merged; every format's report is then byte for byte the gathered one (the findings
kept in a list and sorted), with the same exit status, and the temporary files are gone after
the run, whatever ends it."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from conftest import NEWS_TEXTS, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import linter.checkcmd as checkcmd
import linter.runner as runner
import linter.spool as spool
from linter.cli import app
from linter.finding import Finding, Severity
from linter.fixer import write_pieces_atomically
from linter.report import RunResult
from linter.report.text import chunks as text_chunks
from linter.spool import PathTable, Spool

TEXTS = [
    *NEWS_TEXTS,
    "Sources say the deal is done. Click here to subscribe. It has been reported that 40 people died.",
]
FORMATS = ["text", "json", "jsonl", "sarif", "github", "checkstyle", "junit"]


def _finding(rng: random.Random, n: int) -> Finding:
    line = rng.randint(1, 4)
    return Finding(f"f{rng.randint(0, 5)}.md", line, rng.randint(1, 3), line, 9, rng.choice(["a/x", "b/y"]),
                   rng.choice(list(Severity)), f"message {n}", "excerpt", extra={"n": n})


@pytest.mark.parametrize("run_size,fan_in", [(1, 2), (3, 3), (7, 2), (1000, 16)])
def test_the_spool_gives_a_stable_sort_back_and_leaves_nothing(tmp_path: Path, run_size: int, fan_in: int) -> None:
    rng = random.Random(run_size)
    findings = [_finding(rng, n) for n in range(200)]  # many ties of the sort key: order kept
    with Spool(run_size=run_size, fan_in=fan_in, folder=str(tmp_path)) as s:
        for i in range(0, len(findings), 5):
            s.add(findings[i:i + 5])
        expected = sorted(findings, key=Finding.sort_key)
        got = list(s)
        assert [f.extra["n"] for f in got] == [f.extra["n"] for f in expected] and got == expected
        assert list(s) == expected and len(s) == 200 and expected[3] in s  # again
        if run_size < 200:
            assert s.runs >= 1 and s.runs < 2 * fan_in * 3  # merged while adding: few files
        else:
            assert s.runs == 0 and s.folder is None  # a small run touches no disk
    assert list(tmp_path.iterdir()) == []


def write_archive(path: Path, n: int = 60) -> Path:
    """``n`` records in an order that is not the order of their paths (``#10`` sorts before
    ``#2``), one id twice (one test case in JUnit), one record without text, one bad line."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rid = "dup" if i in (3, 40) else str((i * 7) % n)
            fh.write(json.dumps({"id": rid, "date": "2026-01-20", "text": TEXTS[i % len(TEXTS)]}) + "\n")
        fh.write(json.dumps({"id": "empty", "date": "2026-01-20"}) + "\n")
        fh.write("not json\n")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "b.md").write_text(TEXTS[1] + "\n\n" + TEXTS[4] + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(TEXTS[3] + "\n", encoding="utf-8")
    return [str(tmp_path / "b.md"), str(write_archive(tmp_path / "news.jsonl")), str(SEEDS),
            str(tmp_path / "a.md"), str(tmp_path / "missing.md")]


@pytest.fixture
def spool_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Runs of three findings, merged four at a time, in a folder of the test's."""
    folder = tmp_path / "spool"
    folder.mkdir()
    monkeypatch.setattr(spool, "RUN_SIZE", 3)
    monkeypatch.setattr(spool, "FAN_IN", 4)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _run(args: list[str], gathered: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes, str]:
    """``factlint check ARGS``: spooled, or (``gathered``) as before the spool, every finding in
    a list (the path ``--baseline`` and ``--fix`` still take)."""
    with monkeypatch.context() as m:
        if gathered:
            m.setattr(checkcmd, "_check_spooled", lambda *a, **k: None)
        result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_spooled_is_the_gathered_report(fmt: str, inputs: list[str], spool_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    new_file = Spool._new_file
    monkeypatch.setattr(Spool, "_new_file", lambda self: made.append(new_file(self)) or made[-1])
    for extra in (["--fail-on", "warning"], ["--fail-on", "never", "--statistics", "-q"]):
        args = [*inputs, "--format", fmt, *extra]
        for target in ("stdout", "file"):
            out = {}
            for gathered in (True, False):
                path = tmp_path / f"{fmt}-{target}-{gathered}.out"
                code, stdout, stderr = _run([*args, "-o", str(path)] if target == "file" else args, gathered, monkeypatch)
                out[gathered] = (code, path.read_bytes() if target == "file" else stdout, stderr)
            assert out[False] == out[True]
            code, report, stderr = out[False]
            assert code == 2 and "missing.md" in stderr  # input errors: status 2
            assert report.count(b"news.jsonl") > 30
    if fmt != "jsonl":  # jsonl on stdout is written as it comes, not spooled
        assert len(made) > 20
    assert made and list(spool_dir.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text"])
def test_a_clean_run_and_exit_statuses(fmt: str, tmp_path: Path, spool_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to see here.\n", encoding="utf-8")
    archive = write_archive(tmp_path / "news.jsonl", 12)
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in ([str(clean)], [str(empty)], [str(archive), "--fail-on", "error"], [str(archive), "--fail-on", "info"]):
        runs = [_run([*args, "--format", fmt], gathered, monkeypatch) for gathered in (True, False)]
        assert runs[0] == runs[1]
        if args == [str(empty)]:
            assert runs[1][0] == 0 and "no articles found" in runs[1][2]
    assert runs[1][0] == 2  # the archive's bad lines
    assert list(spool_dir.iterdir()) == []


def test_colour_in_pieces_is_the_colour_in_one(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    findings = sorted((_finding(rng, n) for n in range(40)), key=Finding.sort_key)
    result = RunResult(findings, 6)
    whole = "".join(text_chunks(result, color=True, statistics=True))
    monkeypatch.setattr("linter.report.text._CHUNK", 3)
    assert "".join(text_chunks(result, color=True, statistics=True)) == whole
    assert "\x1b[" in whole and whole.endswith("\x1b[0m\n")


def test_temporary_files_go_on_an_interrupt_and_on_a_failed_write(inputs: list[str], tmp_path: Path,
                                                                   spool_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lint_item = runner.lint_item
    calls = []

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 30:
            raise KeyboardInterrupt
        return lint_item(*args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(runner, "lint_item", interrupted)
        code, _, _ = _run([*inputs, "--format", "json"], False, monkeypatch)
    assert code != 0 and len(calls) > 30 and list(spool_dir.iterdir()) == []
    code, _, stderr = _run([*inputs, "--format", "sarif", "-o", str(tmp_path / "no" / "such" / "r.sarif")], False,
                           monkeypatch)
    assert code == 2 and "cannot write" in stderr and list(spool_dir.iterdir()) == []


def test_a_report_written_in_pieces_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")

    def failing():  # type: ignore[no-untyped-def]
        yield "new "
        raise RuntimeError("a piece failed")

    with pytest.raises(RuntimeError):
        write_pieces_atomically(target, failing())
    assert target.read_text(encoding="utf-8") == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    write_pieces_atomically(target, iter(["new ", "report\n"]))
    assert target.read_text(encoding="utf-8") == "new report\n"
    monkeypatch.setattr("linter.fixer._name", lambda *a: None)  # no anonymous file: a named one, rewritten
    write_pieces_atomically(target, iter(["third ", "report\n"]))
    assert target.read_text(encoding="utf-8") == "third report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=40), st.lists(st.text(max_size=12), max_size=5))
def test_the_path_table_is_a_dict_of_first_ranks(paths: list[str], others: list[str]) -> None:
    """Any text (lone surrogates, NUL, repeats): the same ranks, order and membership as the
    in-memory ``dict.fromkeys`` it replaces."""
    expected = {p: i for i, p in enumerate(dict.fromkeys(paths))}
    with PathTable(cache_kib=16) as table:
        for p in paths:
            table.add(p)
        assert list(table) == list(expected) and len(table) == len(expected)
        for p in [*paths, *others]:
            assert table.rank(p) == expected.get(p) and (p in table) == (p in expected)
        assert list(table) == list(expected)  # again
