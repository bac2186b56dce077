"""The ``factlint`` command line (typer): ``check``, ``rules``, ``kb``, ``lsp``.

``check``'s work is ``linter.checkcmd``'s (a plain ``check`` line runs there without typer);
here it is declared for typer, with its help and its usage errors.

Exit status: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration, rule or input errors, internal errors, and failures to read or write (a closed
pipe, a full disk): a message on stderr naming file:line:col, never a traceback (``--debug``
shows the traces of internal errors).
"""

from __future__ import annotations

import contextlib
import datetime
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from linter import __version__, checkcmd
from linter.config import Config
from linter.report import format_names
from linter.yamlsrc import SourceError

app = typer.Typer(
    name="factlint",
    help="A fact-consistency linter for news articles: titles, dates, sourcing and CMS residue.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="List, show and test rules.", no_args_is_help=True)
kb_app = typer.Typer(help="Query, validate and extend the knowledge base.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(kb_app, name="kb")


def fail(message: str, code: int = 2) -> NoReturn:
    _say(f"factlint: {message}")
    raise typer.Exit(code)


def _say(message: str) -> None:
    """A message on stderr, with control characters (from file names, articles) made visible."""
    checkcmd._say(message)


@contextlib.contextmanager
def _typer_exit() -> Iterator[None]:
    """``linter.checkcmd``'s ``Exit`` as typer's."""
    try:
        yield
    except checkcmd.Exit as exc:
        raise typer.Exit(exc.code) from None


def _parse_date(value: str | None, what: str = "--date") -> datetime.date | None:
    with _typer_exit():
        return checkcmd._parse_date(value, what)


def _config(path: Path | None) -> Config:
    with _typer_exit():
        return checkcmd._config(path)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factlint {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """factlint: catch the errors a machine can catch before you publish."""


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, '-' for stdin, or .jsonl archives.")],
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD); overrides the article's.")] = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help=f"Output format: {', '.join(format_names())}.")] = None,
    fail_on: Annotated[str | None, typer.Option(help="Lowest severity that makes the exit status 1: error, warning, info, never.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only rules with these id prefixes (comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip rules with these id prefixes (comma-separated).")] = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule file or folder (repeatable).")] = None,
    config: Annotated[Path | None, typer.Option(help="Configuration file (skips discovery).")] = None,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (0 = one per core).")] = None,
    no_bundled: Annotated[bool, typer.Option("--no-bundled", help="Do not load the bundled rules.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe corrections some rules offer, in place (atomically).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix: apply the unsafe corrections too (they may change what the article says).")] = False,
    fix_diff: Annotated[bool, typer.Option("--fix-diff", help="With --fix: print the unified diff of the corrections on standard output instead of writing them (implies --fix).")] = False,
    output_file: Annotated[Path | None, typer.Option("--output-file", "-o", help="Write the report to this file (atomically) instead of standard output; --format html puts its pages beside it.")] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Lint at most this many bytes of each document (default 2 MiB; 0 = no limit); a finding says when one is cut.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the Python trace of internal errors.")] = False,
    dask: Annotated[str | None, typer.Option("--dask", metavar="ADDRESS", help="Lint on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' (a cluster of --jobs workers on this machine). Needs factlint[dask].")] = None,
    dask_output: Annotated[Path | None, typer.Option("--dask-output", help="With --dask: keep each shard's findings in this folder (JSON Lines) and skip the shards already up to date on a re-run.")] = None,
    default_date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) of articles that carry none of their own.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(help="Also run rules with these id prefixes (comma-separated).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Globs a folder scan skips (comma-separated; replaces the default list).")] = None,
    extend_exclude: Annotated[list[str] | None, typer.Option(help="More globs a folder scan skips (comma-separated).")] = None,
    print_config: Annotated[bool, typer.Option("--print-config", help="Print the effective configuration, with where each value came from, and exit.")] = False,
    baseline: Annotated[Path | None, typer.Option(help="Do not report the findings recorded in this baseline file.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(help="Record the current findings in this baseline file.")] = None,
    diff: Annotated[str | None, typer.Option("--diff", metavar="FILE|-", help="Report only findings on the lines a unified diff (git diff output; '-': stdin) adds.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="After the findings, count them by rule (on stderr for a format other than text).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Findings only: no summary line, no progress bar.")] = False,
) -> None:
    """Lint articles and report findings."""
    with _typer_exit():
        checkcmd.run(paths, date, format, fail_on, select, ignore, rules, config, jobs, no_bundled, fix, unsafe_fixes,
                     fix_diff, output_file, max_bytes, debug, dask, dask_output, default_date, extend_select, exclude,
                     extend_exclude, print_config, baseline, write_baseline, diff, statistics, quiet)


# ---------------------------------------------------------------------------------------------
# rules


def _load(rules: list[Path] | None, bundled: bool = True):  # type: ignore[no-untyped-def]
    from linter.rules import load_rules

    try:
        return load_rules(rules or [], bundled=bundled)
    except SourceError as exc:
        fail(str(exc))


@rules_app.command("list")
def rules_list(
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule file or folder.")] = None,
) -> None:
    """List every rule: id, severity and what it checks."""
    ruleset = _load(rules)
    width = max((len(r.id) for r in ruleset.rules), default=10)
    for r in sorted(ruleset.rules, key=lambda r: r.id):
        flag = "" if r.enabled else " (opt-in)"
        typer.echo(f"{r.id:<{width}}  {str(r.severity):<7}  {r.summary()}{flag}")


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="RULE_ID")],
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="Extra rule file or folder.")] = None,
) -> None:
    """Show one rule's documentation, condition and examples."""
    from linter.docs import rule_markdown

    ruleset = _load(rules)
    found = ruleset.by_id().get(rule_id)
    if found is None:
        import difflib

        close = difflib.get_close_matches(rule_id, list(ruleset.by_id()), n=1)
        fail(f"no rule '{rule_id}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    typer.echo(rule_markdown(found, heading="#", attributes=True))


@rules_app.command("test")
def rules_test(
    path: Annotated[Path | None, typer.Argument(help="A rule file or folder (default: the bundled rules).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every example.")] = False,
) -> None:
    """Run every rule's examples: 'fail' texts must trigger it, 'pass' texts must not."""
    from linter.examples import run_examples

    ruleset = _load([path] if path else None, bundled=path is None)
    results = run_examples(ruleset.rules)
    failed = [r for r in results if not r.ok]
    for r in results:
        if verbose or not r.ok:
            typer.echo(r.describe())
    n_rules = len({r.rule for r in results})
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed ({len(results)} examples of {n_rules} rules)")
    raise typer.Exit(1 if failed else 0)


# ---------------------------------------------------------------------------------------------
# kb


@kb_app.command("who")
def kb_who(
    name: Annotated[str, typer.Argument(help="A person's name, alias or surname.")],
    on: Annotated[str | None, typer.Option("--on", help="A date (YYYY-MM-DD): sitting or former then?")] = None,
    config: Annotated[Path | None, typer.Option(help="Configuration file (skips discovery); its kb: files are used.")] = None,
) -> None:
    """Which offices a person held, when, and whether sitting or former on a date (with the
    configuration's kb: files)."""
    from linter.kbcli import who

    text, code = who(name, _parse_date(on, "--on"), _config(config).kb)
    typer.echo(text, err=code == 2)
    raise typer.Exit(code)


@kb_app.command("validate")
def kb_validate(
    path: Annotated[Path | None, typer.Argument(help="A KB file or folder (default: the bundled KB).")] = None,
) -> None:
    """Check the knowledge base: overlapping terms, bad dates, dangling ids, shared aliases."""
    from linter.kbcli import validate

    text, code = validate(path)
    typer.echo(text, err=code != 0)
    raise typer.Exit(code)


@kb_app.command("build")
def kb_build(
    shared: Annotated[Path | None, typer.Option("--shared", help="The folder that holds corpora/ (default: ../shared beside the checkout, when present).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the store here (default: rules/kb/kb.sqlite).")] = None,
) -> None:
    """Validate the curated KB and compile it, with the datasets, into the SQLite store."""
    from linter.kbcli import build
    from linter.resources import rules_dir

    if shared is None:
        candidate = rules_dir().parent.parent / "shared"
        shared = candidate if candidate.is_dir() else None
    text, code = build(shared, output)
    typer.echo(text, err=code != 0)
    raise typer.Exit(code)


@kb_app.command("crosscheck")
def kb_crosscheck(
    shared: Annotated[Path, typer.Option("--shared", help="The folder that holds kb-sources/ and corpora/.")] = Path("../shared"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the markdown report here (docs/kb-crosscheck.md).")] = None,
) -> None:
    """Compare heads of state and government with the REIGN and Archigos datasets."""
    from linter.kbcli import crosscheck

    text, code = crosscheck(shared, output)
    typer.echo(text, err=code != 0)
    raise typer.Exit(code)


@kb_app.command("stats")
def kb_stats() -> None:
    """Counts of the knowledge base by region, office kind, decade and source."""
    from linter.kbcli import stats

    text, code = stats()
    typer.echo(text, err=code != 0)
    raise typer.Exit(code)


@kb_app.command("import")
def kb_import(
    path: Annotated[Path, typer.Argument(help="A Wikidata SPARQL JSON result (person, position, start, end).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the YAML here (default: stdout).")] = None,
) -> None:
    """Convert a Wikidata SPARQL JSON result into the KB's YAML schema."""
    from linter.kbcli import import_file

    text, code = import_file(path, output)
    if text:
        typer.echo(text, err=code != 0)
    raise typer.Exit(code)


@app.command()
def lsp() -> None:
    """Run the Language Server Protocol server over stdio (for editors)."""
    from linter.lsp import serve

    serve()


def main() -> None:
    """Console entry point: never a traceback (``linter.checkcmd.guard``); a plain ``check`` line
    runs without typer's parameters."""
    fast = checkcmd.plain_check_args(sys.argv[1:])
    checkcmd.guard(lambda: app(standalone_mode=False) if fast is None else checkcmd.run_check(fast))


if __name__ == "__main__":
    main()
