"""The ``factlint`` command line (typer): ``check``, ``rules``, ``kb``, ``lsp``.

Exit status: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration, rule or input errors, internal errors, and failures to read or write (a closed
pipe, a full disk): a message on stderr naming file:line:col, never a traceback (``--debug``
shows the traces of internal errors).
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from linter import __version__
from linter.config import FAIL_ON, Config, Glob, describe, discover, load_config
from linter.finding import Finding, Severity
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


#: --debug (or FACTLINT_DEBUG=1): show the Python trace of internal errors
_DEBUG = bool(os.environ.get("FACTLINT_DEBUG"))


def fail(message: str, code: int = 2) -> NoReturn:
    _say(f"factlint: {message}")
    raise typer.Exit(code)


def _say(message: str) -> None:
    """A message on stderr, with control characters (from file names, articles) made visible."""
    from linter.sanitize import escape_controls

    typer.echo(escape_controls(message), err=True)


class OutputError(Exception):
    """The report could not be written (stdout closed, a broken pipe, a full disk): ``main``
    turns it into a message and exit status 2. Not an ``OSError``, which typer would turn into
    exit status 1 for a broken pipe."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _write_out(text: str) -> None:
    """The report on stdout as UTF-8 (a lone surrogate becomes a visible escape). Raises
    ``OutputError`` when stdout is closed or cannot take it."""
    stream = sys.stdout
    try:
        if stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        data = text.encode("utf-8", "backslashreplace")
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode("utf-8"))
            stream.flush()
            return
        stream.flush()
        buffer.write(data)
        buffer.flush()
    except OSError as exc:
        raise OutputError(exc) from None


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


def _parse_date(value: str | None, what: str = "--date") -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        fail(f"{what} must be a date as YYYY-MM-DD, not {value!r}")


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _config(path: Path | None) -> Config:
    try:
        if path is not None:
            return load_config(path)
        found = discover()
        return load_config(found) if found else Config()
    except SourceError as exc:
        fail(str(exc))


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
    from linter.api import KbError, build_engine
    from linter.document import DEFAULT_MAX_BYTES, MAX_PUB_DATE, MIN_PUB_DATE
    from linter.engine import matches_prefix
    from linter.report import RunResult
    from linter.rules import load_rules
    from linter.runner import collect, jobs_for, lint_items

    global _DEBUG
    _DEBUG = _DEBUG or debug
    cfg = _config(config)
    fmt = format or cfg.format or "text"
    if fmt not in format_names():
        fail(f"--format must be one of {', '.join(format_names())}, not {fmt!r}")
    threshold = fail_on or cfg.fail_on or "error"
    if threshold not in FAIL_ON:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {threshold!r}")
    cfg.override("--date", date=_parse_date(date))
    cfg.override("--default-date", default_date=_parse_date(default_date, "--default-date"))
    cfg.override("--rules", rules=[*cfg.rules, *rules] if rules else None)
    for option, attr, values in (("--select", "select", select), ("--extend-select", "extend_select", extend_select),
                                 ("--ignore", "ignore", ignore)):
        cfg.override(option, **{attr: _split(values) or None})
    cfg.override("--exclude", exclude=[Glob(g) for g in _split(exclude)] or None)
    cfg.override("--extend-exclude", extend_exclude=[*cfg.extend_exclude, *map(Glob, _split(extend_exclude))] or None)
    cfg.override("--format", format=format)
    cfg.override("--fail-on", fail_on=fail_on)
    cfg.override("--jobs", jobs=jobs)
    cfg.override("--max-bytes", max_bytes=max_bytes)
    if print_config:
        _write_out(describe(cfg))
        raise typer.Exit(0)
    for when in (cfg.date, cfg.default_date):
        if when is not None and not MIN_PUB_DATE <= when <= MAX_PUB_DATE:
            fail(f"the publication date {when.isoformat()} is outside the years {MIN_PUB_DATE.year}-"
                 f"{MAX_PUB_DATE.year} factlint can reason about")
    from linter.baseline import AdoptionError, Scope

    try:
        scope = Scope.read(baseline, diff, stdin_used="-" in paths)
    except AdoptionError as exc:
        fail(str(exc))
    limit = max_bytes if max_bytes is not None else cfg.max_bytes if cfg.max_bytes is not None else DEFAULT_MAX_BYTES
    if limit < 0:
        fail(f"--max-bytes must be 0 (no limit) or more, not {limit}")
    try:
        ruleset = load_rules(cfg.rules, bundled=not no_bundled)
    except SourceError as exc:
        fail(str(exc))
    from linter.engine import NOTICE_RULES
    from linter.suppress import RULES as SUPPRESSION_RULES

    known = [r.id for r in ruleset.rules] + list(SUPPRESSION_RULES) + list(NOTICE_RULES)
    for prefix in cfg.prefixes():
        if not any(matches_prefix(rid, [prefix]) for rid in known):
            fail(f"no rule matches '{prefix}' (see 'factlint rules list')")
    try:
        engine = build_engine(cfg, ruleset=ruleset)
    except KbError as exc:
        fail(f"cannot load the knowledge base given by 'kb:' in the configuration:\n{exc}")
    _started()
    if dask is not None:
        _check_on_dask(paths, cfg, fmt, threshold, dask, dask_output, fix or fix_diff, limit, jobs, not no_bundled, engine,
                       output_file)
    if fix_diff and "-" in paths:
        fail("--fix-diff reads files, not standard input")
    inputs = collect(paths, max_bytes=limit or None, exclude=cfg.exclusions())
    n_jobs, jobs_note = jobs_for(jobs if jobs is not None else cfg.jobs)
    if jobs_note:
        _say(f"factlint: warning: {jobs_note}")
    from linter.terminal import Progress, shows_progress

    bar = not quiet and shows_progress(sys.stderr)
    from linter.report import line_writer

    line = line_writer(fmt)
    sink = None
    whole = fix or fix_diff or baseline is not None or write_baseline is not None or diff is not None
    if line is not None and output_file is None and not (whole or statistics):  # nothing needs the whole set
        sink = _stdout_sink(line)
    elif not whole and fmt != "html":  # the report needs every finding first, not in memory: spooled
        _check_spooled(inputs, cfg, engine, n_jobs, bar, not no_bundled, fmt, threshold, output_file, statistics, quiet)
    with Progress(inputs.count() if bar else 0, sys.stderr, bar) as progress:
        outcome = lint_items(inputs, cfg, engine, n_jobs, progress=progress, bundled=not no_bundled, sink=sink,
                             keep_paths=sink is None)
    _warn_if_empty(outcome, inputs)
    if sink is not None:  # the findings are written: the run's problems and its status are left
        errors = _run_errors(inputs, outcome)
        _say_problems(errors, outcome)
        _exit(errors, threshold, list(outcome.severities.elements()))
    fix_problems: list[str] = []
    if (fix or fix_diff) and not outcome.errors and "-" not in paths:
        from linter.fixer import fix_files

        report = fix_files(outcome.findings, outcome.digests,
                           unsafe=unsafe_fixes, write=not fix_diff)
        fix_problems = report.problems
        if fix_diff:
            _write_out("".join(report.diffs.values()))
            for error in fix_problems:
                _say(error)
            raise typer.Exit(2 if fix_problems else 1 if report.diffs else 0)
        for path, count in report.fixed.items():
            _say(f"factlint: fixed {count} problem{'s' if count != 1 else ''} in {path}")
        if report.unsafe_skipped:
            _say(f"factlint: {report.unsafe_skipped} unsafe fix{'es' if report.unsafe_skipped != 1 else ''} "
                 "not applied (--unsafe-fixes applies them)")
        if report.fixed:  # lint again: report what the files hold now
            inputs = collect(paths, max_bytes=limit or None, exclude=cfg.exclusions())
            outcome = lint_items(inputs, cfg, engine, n_jobs, bundled=not no_bundled)
    errors = _run_errors(inputs, outcome, fix_problems)
    try:
        findings, notes = scope.narrow(sorted(outcome.findings, key=lambda f: f.sort_key()), write_baseline)
    except AdoptionError as exc:
        fail(str(exc))
    for note in notes:
        _say(f"factlint: {note}")
    result = RunResult(findings, outcome.articles, errors, _rule_infos(engine), fail_on=threshold,
                       paths=dict.fromkeys(outcome.paths))
    if fmt == "html":  # the HTML report shows each article's text: hand it the articles, one at a time
        from linter.report.html import collect_articles
        from linter.runner import make_document

        result.articles = collect_articles(inputs, findings, load=lambda item: make_document(item, cfg.date, cfg.default_date),
                                           analyse=engine.analyse)
    if output_file is None:
        _write_out(_render(fmt, result, statistics, quiet, sys.stdout))
    else:
        try:
            if fmt == "html":
                from linter.report.html import write as write_html

                write_html(result, output_file)
            else:
                from linter.fixer import write_atomically

                write_atomically(output_file, _render(fmt, result, statistics, quiet, None))
        except OSError as exc:
            fail(f"cannot write {output_file}: {exc.strerror or exc}")
    _after_report(fmt, result, statistics, quiet)
    _say_problems(errors, outcome)
    _exit(errors, threshold, findings)


def _started() -> None:
    """The engine is built: end what ``linter.__main__`` began for the start-up (``linter.startup``:
    the paused garbage collector, dataclasses' cached methods); nothing for a check called
    in-process."""
    from linter import startup

    startup.end()


def _run_errors(inputs: Any, outcome: Any, more: Iterable[str] = ()) -> list[str]:
    """The run's problems, as reported: the inputs', the lint's, ``more`` (``--fix``'s), the
    internal errors."""
    return [*inputs.errors, *outcome.errors, *more, *(str(e) for e in outcome.tool_errors)]


def _warn_if_empty(outcome: Any, inputs: Any) -> None:
    if not outcome.articles and not inputs.errors:
        from linter.document import FILE_KINDS

        typer.echo("factlint: warning: no articles found (folders are searched for "
                   f"{' '.join(FILE_KINDS)})", err=True)


#: JUnit's spool key of a finding whose path no article had (none has): after every article's
_NO_ARTICLE = 1 << 62


def _check_spooled(inputs: Any, cfg: Config, engine: Any, n_jobs: int, bar: bool, bundled: bool, fmt: str,
                   threshold: str, output_file: Path | None, statistics: bool, quiet: bool) -> NoReturn:
    """Lint ``inputs`` and write the report of format ``fmt`` with the findings spooled to disk
    as they come (``linter.spool``) and given back in the report's order, the counts of the
    report tallied on the way: the same report as a gathered run, in memory that does not grow
    with the number of articles (issue 16)."""
    from linter.report import RunResult
    from linter.report.base import Tally
    from linter.runner import lint_items
    from linter.spool import PathTable, Spool
    from linter.terminal import Progress

    key: Callable[[Finding], Any] = Finding.sort_key
    on_path: Callable[[str], None] | None = None
    first: PathTable | None = None  # JUnit's test cases: each path once, in input order, with its rank
    if fmt == "junit":  # a test case a path, in input order: the findings grouped so
        first = paths = PathTable()
        on_path = paths.add

        def key(f: Finding) -> Any:
            rank = paths.rank(f.path)
            return _NO_ARTICLE if rank is None else rank, f.sort_key()

    tally = Tally()
    with Spool(key) as spool, first if first is not None else contextlib.nullcontext():
        def sink(found: list[Finding]) -> None:
            tally.add(found)
            spool.add(found)

        with Progress(inputs.count() if bar else 0, sys.stderr, bar) as progress:
            outcome = lint_items(inputs, cfg, engine, n_jobs, progress=progress, bundled=bundled, sink=sink,
                                 on_path=on_path, keep_paths=False)  # JUnit's paths: ``first``
        _warn_if_empty(outcome, inputs)
        errors = _run_errors(inputs, outcome)
        result = RunResult(spool, outcome.articles, errors, _rule_infos(engine), fail_on=threshold,
                           paths=first, tally=tally, by_case=fmt == "junit")
        if output_file is None:
            for piece in _batched(_pieces(fmt, result, statistics, quiet, sys.stdout)):
                _write_out(piece)
        else:
            from linter.fixer import write_pieces_atomically

            try:
                write_pieces_atomically(output_file, _batched(_pieces(fmt, result, statistics, quiet, None)))
            except OSError as exc:
                fail(f"cannot write {output_file}: {exc.strerror or exc}")
        _after_report(fmt, result, statistics, quiet)
    _say_problems(errors, outcome)
    _exit(errors, threshold, list(outcome.severities))


def _batched(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """``pieces`` joined into pieces of about ``size`` characters (fewer writes)."""
    batch: list[str] = []
    n = 0
    for piece in pieces:
        batch.append(piece)
        n += len(piece)
        if n >= size:
            yield "".join(batch)
            batch, n = [], 0
    if batch:
        yield "".join(batch)


def _stdout_sink(line: Callable[[Finding], str]) -> Callable[[list[Finding]], None]:
    """Write each document's findings on stdout as they come, ``line`` a finding."""

    def write(found: list[Finding]) -> None:
        if found:
            _write_out("".join(map(line, found)))

    return write


def _say_problems(errors: list[str], outcome: Any) -> None:
    """After the report, on stderr: the run's errors, the internal errors' traces under
    ``--debug``, and the warnings about the run."""
    for error in errors:
        _say(error)
    if _DEBUG:
        for tool_error in outcome.tool_errors:
            typer.echo(tool_error.trace, err=True)
    for warning in outcome.warnings:
        _say(f"factlint: warning: {warning}")


def _rule_infos(engine: Any) -> dict[str, Any]:
    """What the reports say of each active rule (``RuleInfo``), bundled or the user's."""
    from linter.report import RuleInfo
    from linter.resources import rules_dir

    bundled_dir = rules_dir().resolve()
    return {r.id: RuleInfo(r.id, r.severity, r.summary(), r.description.get("why", ""),
                           bool(r.loc and Path(r.loc.path).resolve().is_relative_to(bundled_dir)))
            for r in engine.rules}


def _exit(errors: list[str], threshold: str, findings: Iterable[Finding | Severity]) -> NoReturn:
    """The exit status of a run: 2 on any error, 1 for a finding (or a finding's severity) at or
    above ``threshold``, else 0."""
    if errors:
        raise typer.Exit(2)
    if threshold != "never":
        floor = Severity.parse(threshold)
        if any((f if isinstance(f, Severity) else f.severity) >= floor for f in findings):
            raise typer.Exit(1)
    raise typer.Exit(0)


def _render(fmt: str, result: Any, statistics: bool, quiet: bool, stream: Any) -> str:
    """The report of ``result`` in format ``fmt``; the text format with ``--statistics``, without
    its summary under ``--quiet``, coloured when ``stream`` is a terminal (``linter.terminal``)."""
    return "".join(_pieces(fmt, result, statistics, quiet, stream))


def _pieces(fmt: str, result: Any, statistics: bool, quiet: bool, stream: Any) -> Iterable[str]:
    """``_render``'s report in pieces (a format without ``chunks`` in one)."""
    from linter.report import formatter, piece_writer

    if fmt != "text":
        pieces = piece_writer(fmt)
        return pieces(result) if pieces is not None else [formatter(fmt)(result)]
    from linter.report.text import chunks
    from linter.terminal import use_color

    return chunks(result, color=stream is not None and use_color(stream), summary=not quiet, statistics=statistics)


def _after_report(fmt: str, result: Any, statistics: bool, quiet: bool) -> None:
    """On stderr after the report: the statistics of a format other than text, and the one-line
    summary of a clean text run."""
    from linter.report.text import statistics_lines

    if statistics and fmt != "text":
        for line in statistics_lines(result.summary()):
            _say(line)
    if fmt == "text" and not quiet and result.files and not result.findings and not result.errors:
        n = result.files
        _say(f"factlint: no problems found in {n:,} {'file' if n == 1 else 'files'}")


def _check_on_dask(paths: list[str], cfg: Config, fmt: str, threshold: str, address: str, out_dir: Path | None,
                   fix: bool, limit: int, jobs: int | None, bundled: bool, engine: Any,
                   output_file: Path | None) -> NoReturn:
    """``check --dask``: the shards of ``paths`` linted on a Dask cluster (``linter.dask``), the
    merged findings reported as a one-process run reports them."""
    from linter.report import RunResult, formatter

    if fix:
        fail("--fix cannot run on a Dask cluster: run it without --dask")
    if fmt == "html":
        fail("--format html cannot run on a Dask cluster (it shows each article): use --format json or sarif")
    if "-" in paths:
        fail("standard input ('-') cannot be linted on a Dask cluster")
    from linter.dask import DaskUnavailable, connect, lint_paths

    workers = jobs if jobs else None
    try:
        with connect(address, workers=workers) as client:
            run = lint_paths(paths, cfg, client=client, bundled=bundled, max_bytes=limit, out_dir=out_dir)
    except DaskUnavailable as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the Dask output folder {out_dir}: {exc.strerror or exc}")
    errors = run.input_errors + run.outcome.errors
    result = RunResult(run.outcome.findings, run.articles, errors, _rule_infos(engine), fail_on=threshold)
    if output_file is None:
        _write_out(formatter(fmt)(result))
    else:
        from linter.fixer import write_atomically

        try:
            write_atomically(output_file, formatter(fmt)(result))
        except OSError as exc:
            fail(f"cannot write {output_file}: {exc.strerror or exc}")
    for error in errors:
        _say(error)
    for warning in run.outcome.warnings:
        _say(f"factlint: warning: {warning}")
    if run.skipped:
        _say(f"factlint: {run.skipped} of {run.shards} shards were up to date in {out_dir} and were not linted again")
    _exit(errors, threshold, run.outcome.findings)


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
    """Console entry point: never a traceback. Every expected failure (a closed pipe, a full
    disk, an unreadable file) is a message and exit status 2; an unexpected one is reported as
    an internal error (exit status 2; ``--debug`` or FACTLINT_DEBUG=1 shows the trace)."""
    global _DEBUG
    _DEBUG = _DEBUG or "--debug" in sys.argv[1:]
    try:
        fast = _plain_check_args(sys.argv[1:])
        code = app(standalone_mode=False) if fast is None else _run_check(fast)
    except SystemExit as exc:
        if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            code = 2  # typer's answer to a broken pipe on stdout is exit status 1: ours is 2
            _stderr(f"factlint: {_os_message(BrokenPipeError(errno.EPIPE, 'Broken pipe'))}")
        else:
            raise
    except OutputError as exc:
        _stderr(f"factlint: {_os_message(exc.error)}")
        code = 2
    except KeyboardInterrupt:
        _stderr("factlint: interrupted")
        code = 130
    except MemoryError:
        _stderr("factlint: out of memory")
        code = 2
    except OSError as exc:
        _stderr(f"factlint: {_os_message(exc)}")
        code = 2
    except Exception as exc:  # noqa: BLE001 - the last boundary: a bug, reported, never a traceback
        usage_code = getattr(exc, "exit_code", None)
        show = getattr(exc, "show", None)
        if callable(show) and isinstance(usage_code, int):
            show()  # a usage error (click's, vendored by typer or not): its own message
            _close_stdout()
            sys.exit(usage_code)
        if type(exc).__name__ == "Abort":
            _stderr("factlint: aborted")
            _close_stdout()
            sys.exit(130)
        _stderr(f"factlint: internal error: {type(exc).__name__}: {exc} (a bug in factlint; "
                + ("the trace follows)" if _DEBUG else "--debug shows the trace)"))
        if _DEBUG:
            import traceback

            _stderr("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        code = 2
    _close_stdout()
    sys.exit(code if isinstance(code, int) else 0)


# ---------------------------------------------------------------------------------------------
# the start-up fast path of ``check`` (issue 16)


def _check_options() -> tuple[dict[str, tuple[str, Any, Any]], dict[str, Any]]:
    """``check``'s options as its signature declares them for typer: each spelling (``--format``,
    ``-f``) -> (parameter, its kind, the type of its values: see _PLAIN_KINDS), and each
    parameter's default."""
    import inspect
    import typing

    options: dict[str, tuple[str, Any, Any]] = {}
    defaults: dict[str, Any] = {}
    hints = typing.get_type_hints(check, include_extras=True)
    for name, parameter in inspect.signature(check).parameters.items():
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


#: the option types the fast path reads (see _plain_check_args): type -> (kind, type of a value)
_PLAIN_KINDS: dict[Any, tuple[Any, Any]] = {
    bool: (bool, bool), str | None: (str, str), int | None: (int, int), Path | None: (Path, Path),
    list[str] | None: (list, str), list[Path] | None: (list, Path),
}


def _plain_check_args(argv: list[str]) -> dict[str, Any] | None:
    """The arguments of a plain ``check`` command line, as typer would hand them to ``check``:
    only the spellings of the options ``check`` declares (``--name``, ``--name=value``, ``-f
    value``), values that cannot be mistaken for options, at least one path. Anything else
    (``--help``, an unknown option, ``--``, a bad number, shell completion) is None: typer reads it
    and says what is wrong. Skips typer's parameter machinery (and the pydantic it imports):
    about a tenth of a second of a one-article run."""
    if not argv or argv[0] != "check" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    try:
        options, defaults = _check_options()
    except Exception:  # noqa: BLE001 - the fast path must never break the command: typer reads it
        return None
    values: dict[str, Any] = {}
    paths: list[str] = []
    rest = iter(argv[1:])
    for token in rest:
        if token == "-" or not token.startswith("-"):
            paths.append(token)
            continue
        spelling, eq, attached = token.partition("=")
        if spelling not in options or (eq and not spelling.startswith("--")):
            return None
        name, kind, item = options[spelling]
        if kind is bool:
            if eq:
                return None
            values[name] = True
            continue
        value = attached if eq else next(rest, None)
        if value is None or value == "" or (value.startswith("-") and value != "-"):
            return None
        if kind is list:
            values.setdefault(name, []).append(Path(value) if item is Path else value)
        elif kind is int:
            if not (value == "0" or (value.isascii() and value.isdigit() and value[0] != "0")):
                return None
            values[name] = int(value)
        else:
            values[name] = Path(value) if kind is Path else value
    if not paths:
        return None
    return {**defaults, **values, "paths": paths}


def _run_check(arguments: dict[str, Any]) -> Any:
    """``check(**arguments)`` with the exit status typer's ``app(standalone_mode=False)`` gives."""
    try:
        try:
            check(**arguments)
        except EOFError as exc:
            typer.echo(err=True)
            raise typer.Abort() from exc
        except KeyboardInterrupt as exc:
            raise typer.Exit(130) from exc
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise OutputError(exc) from exc
            raise
    except typer.Exit as exc:
        return exc.exit_code
    return None


def _os_message(exc: OSError) -> str:
    """What an I/O failure means for the user."""
    if exc.errno == errno.EPIPE or isinstance(exc, BrokenPipeError):
        return "cannot write to standard output: it was closed (broken pipe)"
    if exc.errno == errno.EBADF and exc.filename is None:
        return "cannot write to standard output: it is closed"
    if exc.errno == errno.ENOSPC:
        return "cannot write: no space left on the device"
    where = f" {exc.filename}" if exc.filename else ""
    return f"I/O error{where}: {exc.strerror or exc}"


def _stderr(message: str) -> None:
    try:
        _say(message)
    except (OSError, ValueError):
        pass  # stderr is gone too: the exit status is all that is left


def _close_stdout() -> None:
    """Flush stdout now, so that a closed pipe or a full disk is not reported by the
    interpreter at exit; on failure, point it at /dev/null."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass


if __name__ == "__main__":
    main()
