"""Output formats, one module each in this package: the module's name is what ``--format``
takes and its ``render(result: RunResult) -> str`` writes the report (and its ``chunks(result)``,
when it has one, the same report in pieces). Adding a format is adding
one module: the command line, the configuration and the docs find it by its name, and only the
format a run asks for is imported.

The module's docstring is the format's documentation (its first line is the help text).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from functools import cache
from types import ModuleType

from linter.finding import Finding
from linter.report.base import RuleInfo, RunResult

__all__ = ["DEFAULT", "RuleInfo", "RunResult", "format_help", "format_names", "formatter", "line_writer",
           "piece_writer"]

DEFAULT = "text"


@cache
def format_names() -> list[str]:
    """Every output format, the default first (read from the package folder, nothing imported)."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.name.startswith("_")]
    return sorted(names, key=lambda n: (n != DEFAULT, n))


def _module(name: str) -> ModuleType:
    if name not in format_names():
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}")


def format_help(name: str) -> str:
    """The first line of a format's documentation, without its "``--format NAME``:" lead."""
    doc = (_module(name).__doc__ or name).strip().splitlines()[0]
    lead = f"``--format {name}``:"
    return doc[len(lead):].strip() if doc.startswith(lead) else doc


def formatter(name: str) -> Callable[[RunResult], str]:
    """The render function of output format ``name`` (``KeyError`` for an unknown one)."""
    return _module(name).render  # type: ignore[no-any-return]


def piece_writer(name: str) -> Callable[[RunResult], Iterator[str]] | None:
    """The writer of format ``name`` that gives its report in pieces (its module has
    ``chunks(result) -> Iterator[str]``, whose pieces ``render`` joins), or None: then a report is
    written without the whole of it in memory, from a ``RunResult`` whose findings may be a
    ``linter.spool.Spool``."""
    return getattr(_module(name), "chunks", None)


def line_writer(name: str) -> Callable[[Finding], str] | None:
    """The one-finding writer of a format that can be written as the documents are linted
    (its module sets ``STREAMS`` and has ``line(finding) -> str``), else None."""
    module = _module(name)
    return module.line if getattr(module, "STREAMS", False) else None  # type: ignore[no-any-return]
