"""``--format jsonl``: one finding per line, streamed document by document (``runner.lint_items``
with a ``sink``), the same findings and exit status as the gathered formats."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import NEWS_TEXTS, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from linter.api import build_engine
from linter.cli import app
from linter.config import Config, Glob, PerPath
from linter.finding import Severity
from linter.runner import collect, lint_items

TEXTS = NEWS_TEXTS


def write_archive(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(TEXTS):
            fh.write(json.dumps({"id": f"a{i}", "date": "2026-01-20", "text": text}) + "\n")
    return path


def test_jsonl_lines_are_the_json_findings_and_the_exit_status_is_the_same() -> None:
    runner = CliRunner()
    gathered = runner.invoke(app, ["check", str(SEEDS), "--format", "json"])
    streamed = runner.invoke(app, ["check", str(SEEDS), "--format", "jsonl"])
    assert streamed.exit_code == gathered.exit_code == 1
    expected = sorted(json.dumps(f, ensure_ascii=False) for f in json.loads(gathered.stdout)["findings"])
    lines = streamed.stdout.splitlines()
    assert expected and sorted(lines) == expected
    never = runner.invoke(app, ["check", str(SEEDS), "--format", "jsonl", "--fail-on", "never"])
    assert never.exit_code == 0 and sorted(never.stdout.splitlines()) == expected


def test_jsonl_to_a_file_is_gathered_and_holds_the_same_lines(tmp_path: Path) -> None:
    out = tmp_path / "report.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(SEEDS), "--format", "jsonl", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0 and result.stdout == ""
    streamed = runner.invoke(app, ["check", str(SEEDS), "--format", "jsonl", "--fail-on", "never"])
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(streamed.stdout.splitlines())


def test_a_sink_gets_each_documents_findings_in_input_order_and_nothing_is_kept(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "a.jsonl")
    cfg = Config()
    engine = build_engine(cfg)
    gathered = lint_items(collect([str(archive)]), cfg, engine).findings
    batches: list[list] = []
    out = lint_items(collect([str(archive)]), cfg, engine, sink=batches.append)
    assert out.findings == [] and len(out.paths) == len(TEXTS)
    streamed = [f for batch in batches for f in batch]
    assert sorted(streamed, key=lambda f: f.sort_key()) == sorted(gathered, key=lambda f: f.sort_key())
    order = [f.path for f in streamed]
    assert order == sorted(order, key=lambda p: int(p.rsplit("#a", 1)[1]))  # input order
    assert sum(out.severities.values()) == len(gathered)
    assert out.severities[Severity.ERROR] == sum(f.severity == Severity.ERROR for f in gathered)


def test_per_path_overrides_apply_to_streamed_findings(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "a.jsonl")
    plain: list[list] = []
    lint_items(collect([str(archive)]), Config(), build_engine(Config()), sink=plain.append)
    assert any(f.rule.startswith("source/") for batch in plain for f in batch)
    cfg = Config(per_path=[PerPath((Glob("**"),), ignore=("source/",))])
    batches: list[list] = []
    lint_items(collect([str(archive)]), cfg, build_engine(Config()), sink=batches.append)
    rules = {f.rule for batch in batches for f in batch}
    assert rules and not any(r.startswith("source/") for r in rules)


def _records(path: Path) -> int:
    from linter.runner import read_jsonl
    return sum(1 for _ in read_jsonl(path, path.name, []))


def test_the_progress_count_of_an_archive_is_its_records_not_its_lines(tmp_path: Path) -> None:
    """``Inputs.count`` (the progress bar's total) counts an archive's records: blank and
    white-space lines are no records, and a last record without a line break is one."""
    import gzip

    rec = json.dumps({"id": "a", "text": "The talks resumed on Monday."})
    body = "\n".join(["", rec, "  ", rec, "\t\r", "", rec, rec])  # four records, no final break
    plain = tmp_path / "a.jsonl"
    plain.write_text(body, encoding="utf-8")
    packed = tmp_path / "b.jsonl.gz"
    packed.write_bytes(gzip.compress((body + "\n\n").encode()))
    assert collect([str(plain)]).count() == _records(plain) == 4
    assert collect([str(packed)]).count() == _records(packed) == 4
    assert collect([str(plain), str(packed)]).count() == 8


def test_the_progress_count_reads_a_line_longer_than_its_chunks(tmp_path: Path) -> None:
    """A record longer than the megabyte read at a time, blank lines on both sides of the cut."""
    long = json.dumps({"id": "long", "text": "word " * 300_000})  # 1.5 MB on one line
    arc = tmp_path / "a.jsonl"
    arc.write_text("\n".join(["", long, " " * ((1 << 20) - 3), "", long]) + "\n", encoding="utf-8")
    assert collect([str(arc)]).count() == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["rec", "", " ", "\t", "\r", "  \t"]), max_size=12), st.booleans())
def test_the_progress_count_equals_the_records_read(tmp_path_factory, lines: list[str], final_break: bool) -> None:
    rec = json.dumps({"id": "x", "text": "A sentence."})
    arc = tmp_path_factory.mktemp("count") / "a.jsonl"
    arc.write_text("\n".join(rec if line == "rec" else line for line in lines) + ("\n" if final_break else ""),
                   encoding="utf-8")
    assert collect([str(arc)]).count() == _records(arc)
