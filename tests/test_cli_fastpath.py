"""The start-up fast path of ``factlint check`` (``linter.checkcmd.plain_check_args``) hands
``check`` what typer would, and leaves every other command line to typer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from linter import checkcmd, cli

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


def _check_options() -> tuple[dict[str, tuple[str, Any, Any]], dict[str, Any]]:
    """``linter.cli.check``'s options as its signature declares them for typer: each spelling (``--format``,
    ``-f``) -> (parameter, its kind, the type of its values: see _PLAIN_KINDS), and each
    parameter's default."""
    import inspect
    import typing

    options: dict[str, tuple[str, Any, Any]] = {}
    defaults: dict[str, Any] = {}
    hints = typing.get_type_hints(cli.check, include_extras=True)
    for name, parameter in inspect.signature(cli.check).parameters.items():
        hint = _annotated(hints[name])
        info = hint.__metadata__[0]
        kind, item = _PLAIN_KINDS.get(hint.__origin__, (None, None))
        defaults[name] = parameter.default
        if isinstance(info, typer.models.ArgumentInfo):
            continue
        if info.callback is not None or info.envvar is not None or kind is None:
            raise LookupError(name)  # an option this parser does not know how to read: typer's
        given = info.default if isinstance(info.default, str) and info.default.startswith("-") else None
        for spelling in (given, *info.param_decls) if given else (f"--{name.replace('_', '-')}", *info.param_decls):
            options[spelling] = (name, kind, item)
    return options, defaults


def _annotated(hint: Any) -> Any:
    """The ``Annotated[...]`` of a parameter's type hint. Python 3.10's ``get_type_hints`` wraps
    ``Annotated[str | None, ...] = None`` in ``Optional[...]``; 3.11 does not."""
    import typing

    if hasattr(hint, "__metadata__"):
        return hint
    for arg in typing.get_args(hint):
        if hasattr(arg, "__metadata__"):
            return arg
    raise LookupError(hint)  # not an annotated parameter: typer reads the line


#: the option types the fast path reads (see linter.checkcmd.plain_check_args): type -> (kind, type of a value)
_PLAIN_KINDS: dict[Any, tuple[Any, Any]] = {
    bool: (bool, bool), str | None: (str, str), int | None: (int, int), Path | None: (Path, Path),
    list[str] | None: (list, str), list[Path] | None: (list, Path),
}


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
    fast = checkcmd.plain_check_args(["check", *args])
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
    assert checkcmd.plain_check_args(argv) is None


def test_shell_completion_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_FACTLINT_COMPLETE", "bash_complete")
    assert checkcmd.plain_check_args(["check", "a.txt"]) is None


def test_a_plain_line_takes_the_fast_path() -> None:
    # on every supported Python (3.10 wraps an optional Annotated parameter in Optional[...])
    assert checkcmd.plain_check_args(["check", "a.txt", "--format", "json"]) is not None


def test_the_options_read_without_typer_are_those_typer_reads() -> None:
    """``linter.checkcmd``'s table of ``check``'s options (every spelling, its parameter, its kind
    and the type of its values) and their defaults are what ``linter.cli.check`` declares for
    typer: an option added there and not here fails this test."""
    options, defaults = _check_options()
    assert checkcmd.CHECK_OPTIONS == options
    assert list(defaults)[0] == "paths" and checkcmd.CHECK_DEFAULTS == {k: v for k, v in defaults.items() if k != "paths"}
    import inspect

    run = inspect.signature(checkcmd.run).parameters
    assert list(run) == list(defaults)  # cli.check hands its parameters on by position
    assert {k: p.default for k, p in run.items() if k != "paths"} == checkcmd.CHECK_DEFAULTS


def test_a_check_says_the_same_with_and_without_typer(tmp_path: Path) -> None:
    """The same check lines run by ``linter.checkcmd`` alone (the console entry point's fast
    path) and through typer give the same report, messages and exit status: findings, a usage
    problem ``check`` itself reports, a missing file, standard input, ``--print-config``."""
    import os
    import subprocess
    import sys

    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2025-12-30\n---\nFormer President Joe Biden said on Thursday, Jan. 14 that "
                       "it has been reported. Leave a Reply\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "FACTLINT_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    fast = [sys.executable, "-c", "import sys, linter.__main__ as m; sys.argv = ['factlint', *sys.argv[1:]]; m.main()"]
    slow = [sys.executable, "-c", "import sys, linter.checkcmd as c, linter.cli as cli; c.plain_check_args = "
            "lambda argv: None; sys.argv = ['factlint', *sys.argv[1:]]; cli.main()"]
    lines = [["check", "a.md"], ["check", "--format", "json", "--fail-on", "warning", "a.md"], ["check", "missing.txt"],
             ["check", "--format", "bogus", "a.md"], ["check", "--date", "2025-13-01", "a.md"], ["check", "-q", "-"],
             ["check", "--print-config", "a.md"], ["check", "--select", "nothing/", "a.md"]]
    for line in lines:
        runs = [subprocess.run([*cmd, *line], capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
                               input=article.read_text()) for cmd in (fast, slow)]
        assert (runs[0].returncode, runs[0].stdout, runs[0].stderr) == (runs[1].returncode, runs[1].stdout,
                                                                        runs[1].stderr), line
        assert runs[0].returncode in (0, 1, 2) and (runs[0].stdout or runs[0].stderr)
