"""The ``check`` command's work, without typer: running a check, its exit status, and reading a
plain ``factlint check`` command line.

``linter.cli`` declares every command for typer (its ``--help``, its usage errors); a one-article
check would spend a tenth of its start-up importing typer and building its parameters, so
``linter.__main__`` hands a plain ``check`` line (``plain_check_args``: only the options declared
below, values that cannot be mistaken for options) straight to ``run_check`` under ``guard``, and
anything else to typer. ``CHECK_OPTIONS`` and ``CHECK_DEFAULTS`` repeat what ``linter.cli.check``
declares; a test derives them from its typer signature and compares.

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
from typing import Any, NoReturn

from linter.config import FAIL_ON, Config, Glob, describe, discover, load_config
from linter.finding import Finding, Severity
from linter.report import format_names
from linter.yamlsrc import SourceError

__all__ = ["CHECK_DEFAULTS", "CHECK_OPTIONS", "Exit", "OutputError", "guard", "plain_check_args", "run", "run_check"]


class Exit(Exception):  # noqa: N818 - named as typer's (``linter.cli`` turns one into the other)
    """The end of a command, with its exit status."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.code = code


class Abort(Exception):  # noqa: N818 - named as click's, which ``guard`` reports alike
    """Standard input ended where a command waited for it: "aborted", exit status 130."""


def _echo(message: str = "") -> None:
    """``message`` and a new line on stderr, flushed (what ``typer.echo(message, err=True)``
    writes for text without terminal escapes, which ``_say``'s never holds)."""
    stream = sys.stderr
    if stream is None:
        return
    stream.write(message + "\n")
    stream.flush()


#: --debug (or FACTLINT_DEBUG=1): show the Python trace of internal errors
_DEBUG = bool(os.environ.get("FACTLINT_DEBUG"))


def fail(message: str, code: int = 2) -> NoReturn:
    _say(f"factlint: {message}")
    raise Exit(code)


def _say(message: str) -> None:
    """A message on stderr, with control characters (from file names, articles) made visible."""
    from linter.sanitize import escape_controls

    _echo(escape_controls(message))


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


def run(paths: list[str], date: str | None = None, format: str | None = None,  # noqa: A002 - the option's name
        fail_on: str | None = None, select: list[str] | None = None, ignore: list[str] | None = None,
        rules: list[Path] | None = None, config: Path | None = None, jobs: int | None = None,
        no_bundled: bool = False, fix: bool = False, unsafe_fixes: bool = False, fix_diff: bool = False,
        output_file: Path | None = None, max_bytes: int | None = None, debug: bool = False,
        dask: str | None = None, dask_output: Path | None = None, default_date: str | None = None,
        extend_select: list[str] | None = None, exclude: list[str] | None = None,
        extend_exclude: list[str] | None = None, print_config: bool = False, baseline: Path | None = None,
        write_baseline: Path | None = None, diff: str | None = None, statistics: bool = False,
        quiet: bool = False) -> NoReturn:
    """``factlint check``: lint articles and report findings; ends with ``Exit`` (its status)."""
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
        raise Exit(0)
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
            raise Exit(2 if fix_problems else 1 if report.diffs else 0)
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

        _echo("factlint: warning: no articles found (folders are searched for "
              f"{' '.join(FILE_KINDS)})")


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
            _echo(tool_error.trace)
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
        raise Exit(2)
    if threshold != "never":
        floor = Severity.parse(threshold)
        if any((f if isinstance(f, Severity) else f.severity) >= floor for f in findings):
            raise Exit(1)
    raise Exit(0)


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
# running a command


def guard(command: Callable[[], Any]) -> NoReturn:
    """Run a command (``command()`` gives its exit status, None for 0) as the console entry point
    does, and exit: never a traceback. Every expected failure (a closed pipe, a full disk, an
    unreadable file) is a message and exit status 2; an unexpected one is reported as an
    internal error (exit status 2; ``--debug`` or FACTLINT_DEBUG=1 shows the trace)."""
    global _DEBUG
    _DEBUG = _DEBUG or "--debug" in sys.argv[1:]
    try:
        code = command()
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


def run_check(arguments: dict[str, Any]) -> Any:
    """``run(**arguments)`` with the exit status typer's ``app(standalone_mode=False)`` gives its
    ``check``."""
    try:
        try:
            run(**arguments)
        except EOFError as exc:
            _echo()
            raise Abort() from exc
        except KeyboardInterrupt as exc:
            raise Exit(130) from exc
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise OutputError(exc) from exc
            raise
    except Exit as exc:
        return exc.code
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


# ---------------------------------------------------------------------------------------------
# ``check``'s options, as ``linter.cli.check`` declares them for typer (a test compares)

#: each spelling -> (parameter, kind of option, type of a value): kind ``bool`` a flag, ``str``,
#: ``int``, ``Path`` one value, ``list`` a repeatable option of values of that type
CHECK_OPTIONS: dict[str, tuple[str, Any, Any]] = {
    "--date": ("date", str, str),
    "--format": ("format", str, str), "-f": ("format", str, str),
    "--fail-on": ("fail_on", str, str),
    "--select": ("select", list, str),
    "--ignore": ("ignore", list, str),
    "--rules": ("rules", list, Path),
    "--config": ("config", Path, Path),
    "--jobs": ("jobs", int, int),
    "--no-bundled": ("no_bundled", bool, bool),
    "--fix": ("fix", bool, bool),
    "--unsafe-fixes": ("unsafe_fixes", bool, bool),
    "--fix-diff": ("fix_diff", bool, bool),
    "--output-file": ("output_file", Path, Path), "-o": ("output_file", Path, Path),
    "--max-bytes": ("max_bytes", int, int),
    "--debug": ("debug", bool, bool),
    "--dask": ("dask", str, str),
    "--dask-output": ("dask_output", Path, Path),
    "--default-date": ("default_date", str, str),
    "--extend-select": ("extend_select", list, str),
    "--exclude": ("exclude", list, str),
    "--extend-exclude": ("extend_exclude", list, str),
    "--print-config": ("print_config", bool, bool),
    "--baseline": ("baseline", Path, Path),
    "--write-baseline": ("write_baseline", Path, Path),
    "--diff": ("diff", str, str),
    "--statistics": ("statistics", bool, bool),
    "--quiet": ("quiet", bool, bool), "-q": ("quiet", bool, bool),
}
#: each option's default (``paths``, the arguments, has none)
CHECK_DEFAULTS: dict[str, Any] = {
    "date": None, "format": None, "fail_on": None, "select": None, "ignore": None, "rules": None,
    "config": None, "jobs": None, "no_bundled": False, "fix": False, "unsafe_fixes": False, "fix_diff": False,
    "output_file": None, "max_bytes": None, "debug": False, "dask": None, "dask_output": None,
    "default_date": None, "extend_select": None, "exclude": None, "extend_exclude": None,
    "print_config": False, "baseline": None, "write_baseline": None, "diff": None, "statistics": False,
    "quiet": False,
}


def plain_check_args(argv: list[str]) -> dict[str, Any] | None:
    """The arguments of a plain ``check`` command line, as typer would hand them to ``check``:
    only the spellings of the options ``check`` declares (``--name``, ``--name=value``, ``-f
    value``), values that cannot be mistaken for options, at least one path. Anything else
    (``--help``, an unknown option, ``--``, a bad number, shell completion) is None: typer reads it
    and says what is wrong. Skips typer altogether (its import and its parameter machinery),
    which a one-article run otherwise spends a tenth of its start-up on."""
    if not argv or argv[0] != "check" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    options, defaults = CHECK_OPTIONS, CHECK_DEFAULTS
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
    return {"paths": paths, **defaults, **values}
