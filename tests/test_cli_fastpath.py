"""The start-up fast path of ``factlint check`` (``linter.cli._plain_check_args``) hands
``check`` what typer would, and leaves every other command line to typer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from linter import cli

_LINES = [
    ["a.txt"],
    ["a.txt", "b.md", "-"],
    ["a.txt", "--date", "2025-12-30", "--fail-on", "never"],
    ["--date=2025-12-30", "a.txt", "--fail-on=warning", "-f", "json", "-q"],
    ["a.txt", "--format", "sarif", "--rules", "r1", "--rules=r2", "--select", "D,N", "--select", "T"],
    ["a.txt", "--ignore", "X", "--extend-select", "Y", "--exclude", "*.md", "--extend-exclude", "old/*"],
    ["a.txt", "--jobs", "0", "--max-bytes", "1024", "--no-bundled", "--debug", "--statistics"],
    ["a.txt", "--fix", "--unsafe-fixes", "--fix-diff", "-o", "out.json", "--config", "c.toml"],
    ["a.txt", "--baseline", "b.json", "--write-baseline", "w.json", "--diff", "-", "--print-config"],
    ["a.txt", "--dask", "local", "--dask-output", "shards", "--default-date", "2020-01-01", "--date", "x"],
]


def _typer_arguments(args: list[str]) -> dict[str, Any]:
    """What typer hands ``check`` for ``factlint check ARGS``."""
    command = typer.main.get_command(cli.app).commands["check"]  # type: ignore[attr-defined]
    seen: dict[str, Any] = {}
    cell = next(c for c in command.callback.__closure__ if c.cell_contents is cli.check)
    cell.cell_contents = lambda **kwargs: seen.update(kwargs)
    command.main(args, prog_name="factlint check", standalone_mode=False)
    return seen


@pytest.mark.parametrize("args", _LINES)
def test_same_arguments_as_typer(args: list[str]) -> None:
    fast = cli._plain_check_args(["check", *args])
    assert fast is not None
    want = _typer_arguments(args)
    assert fast == want
    assert {k: type(v) for k, v in fast.items()} == {k: type(v) for k, v in want.items()}
    assert all(type(p) is type(Path()) for p in fast["rules"] or [])


@pytest.mark.parametrize("argv", [
    [], ["rules", "list"], ["check"], ["check", "--help"], ["check", "-h", "a"], ["check", "a", "--bogus"],
    ["check", "a", "--jobs", "x"], ["check", "a", "--jobs", "-1"], ["check", "a", "--jobs", "07"],
    ["check", "a", "--fix=1"], ["check", "a", "--", "b"], ["check", "a", "--date"], ["check", "a", "-fjson"],
    ["check", "a", "--date", "-x"], ["check", "a", "--date", ""], ["check", "--version"], ["--version"],
    ["check", "a", "-qf", "json"],
])
def test_anything_else_goes_to_typer(argv: list[str]) -> None:
    assert cli._plain_check_args(argv) is None


def test_shell_completion_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_FACTLINT_COMPLETE", "bash_complete")
    assert cli._plain_check_args(["check", "a.txt"]) is None


def test_a_plain_line_takes_the_fast_path() -> None:
    # on every supported Python (3.10 wraps an optional Annotated parameter in Optional[...])
    assert cli._plain_check_args(["check", "a.txt", "--format", "json"]) is not None


def test_a_failure_of_the_fast_path_falls_back_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Any:
        raise AttributeError("__metadata__")

    monkeypatch.setattr(cli, "_check_options", broken)
    assert cli._plain_check_args(["check", "a.txt"]) is None
