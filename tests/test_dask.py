"""Scale-out on Dask (``linter.dask``): shards planned like a one-process run reads its inputs,
the same findings from a two-worker ``distributed.LocalCluster`` as from one process, parts kept
per shard and re-used on a re-run, and ``factlint check --dask``."""

from __future__ import annotations

import datetime
import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linter.api import build_engine
from linter.cli import app
from linter.config import Config
from linter.dask import Shard, finding_from_dict, finding_to_dict, lint_paths, plan, read_output
from linter.runner import collect, lint_items

TEXTS = [
    "The rally was held on Thursday, January 14, 2026, officials said.",
    "It has been reported that the talks failed. Image Source: Google",
    "President Joe Biden met reporters at the White House on Tuesday.",
    "The council met on Monday and approved the budget, the mayor said.",
    "Former President Barack Obama spoke at the summit on Friday, March 3, 2023.",
]


def write_archive(path: Path, n: int) -> Path:
    day = datetime.date(2025, 12, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"id": f"a{i}", "date": (day + datetime.timedelta(days=i % 20)).isoformat(),
                      "text": TEXTS[i % len(TEXTS)] + f" Story {i}."}
            fh.write(json.dumps(record) + "\n")
        fh.write("{not json\n")  # a bad record: reported, the others linted
    return path


def one_process(paths: list[str]) -> tuple[list[dict], list[str]]:
    cfg = Config()
    inputs = collect(paths)
    out = lint_items(inputs.items, cfg, build_engine(cfg))
    findings = sorted(out.findings, key=lambda f: f.sort_key())
    return [finding_to_dict(f) for f in findings], inputs.errors + out.errors


def test_plan_cuts_archives_and_groups_files(tmp_path):
    archive = write_archive(tmp_path / "a.jsonl", 3000)
    (tmp_path / "docs").mkdir()
    for i in range(5):
        (tmp_path / "docs" / f"s{i}.md").write_text("Text.\n", encoding="utf-8")
    shards = plan([str(archive), str(tmp_path / "docs")], workers=2, files_per_shard=2)
    archives = [s for s in shards if s.kind == "archive"]
    files = [s for s in shards if s.kind == "paths"]
    # the archive is cut into contiguous line ranges covering every line, in order
    assert [(s.start, s.stop) for s in archives] == [(0, 1000), (1000, 2000), (2000, None)]
    assert [len(s.paths) for s in files] == [2, 2, 1]
    assert [s.index for s in shards] == list(range(len(shards)))
    assert plan([str(archive)], workers=1, split=1) == [Shard(0, "archive", (str(archive),), 0, None)]
    with pytest.raises(ValueError):
        plan(["-"])


def test_a_finding_survives_its_json_line():
    cfg = Config()
    inputs = collect([str(Path(__file__).parent.parent / "seeds")])
    out = lint_items(inputs.items, cfg, build_engine(cfg))
    assert out.findings
    for f in out.findings:
        back = finding_from_dict(json.loads(json.dumps(finding_to_dict(f))))
        assert back.to_dict() == f.to_dict() and back.fix == f.fix


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as c:
        yield c


def test_two_workers_give_the_one_process_findings(client, tmp_path):
    archive = write_archive(tmp_path / "news.jsonl", 120)
    (tmp_path / "files").mkdir()
    for i, text in enumerate(TEXTS):
        (tmp_path / "files" / f"story{i}.md").write_text(f"---\ndate: 2025-12-30\n---\n\n{text}\n", encoding="utf-8")
    paths = [str(archive), str(tmp_path / "files")]
    expected, expected_errors = one_process(paths)
    assert len(expected) > 50 and any(e.startswith(f"{archive}:121") for e in expected_errors)
    run = lint_paths(paths, client=client, split=4, files_per_shard=2)
    assert run.shards == 4 + 3
    assert [finding_to_dict(f) for f in run.outcome.findings] == expected
    assert run.input_errors + run.outcome.errors == expected_errors
    assert run.articles == 120 + len(TEXTS)


def test_parts_are_kept_and_a_rerun_lints_only_what_changed(client, tmp_path):
    first = write_archive(tmp_path / "one.jsonl", 40)
    second = write_archive(tmp_path / "two.jsonl", 40)
    out = tmp_path / "out"
    run = lint_paths([str(first), str(second)], client=client, out_dir=out, split=1)
    assert run.skipped == 0 and sorted(p.name for p in out.iterdir()) == [
        "part-00000.jsonl", "part-00001.jsonl", "run.json"]
    expected, _ = one_process([str(first), str(second)])
    assert [finding_to_dict(f) for f in read_output(out).outcome.findings] == expected
    again = lint_paths([str(first), str(second)], client=client, out_dir=out, split=1)
    assert again.skipped == 2
    assert [finding_to_dict(f) for f in again.outcome.findings] == expected
    write_archive(second, 10)  # the second archive changed: its shard is linted again
    third = lint_paths([str(first), str(second)], client=client, out_dir=out, split=1)
    assert third.skipped == 1
    assert [finding_to_dict(f) for f in third.outcome.findings] == one_process([str(first), str(second)])[0]


def test_check_dask_local_prints_what_one_process_prints(tmp_path):
    pytest.importorskip("distributed")
    archive = write_archive(tmp_path / "news.jsonl", 30)
    runner = CliRunner()
    plain = runner.invoke(app, ["check", "--format", "json", "--fail-on", "never", str(archive)])
    on_dask = runner.invoke(app, ["check", "--format", "json", "--fail-on", "never", "--dask", "local",
                                  "--jobs", "2", str(archive)])
    assert plain.exit_code == on_dask.exit_code == 2  # the bad record, both ways
    assert json.loads(on_dask.stdout) == json.loads(plain.stdout)
    refused = runner.invoke(app, ["check", "--dask", "local", "--fix", str(archive)])
    assert refused.exit_code == 2 and "--fix cannot run on a Dask cluster" in refused.output
