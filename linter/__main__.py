"""The ``factlint`` command's entry point (and ``python -m linter``): answers ``--version`` before
importing anything else, so a version check costs the interpreter's start-up alone; every other
command goes to ``linter.cli``, ``check`` after ``linter.startup.begin`` (what a check's start-up
does without, until its engine is built)."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from linter import __version__

        sys.stdout.write(f"factlint {__version__}\n")
        return
    if sys.argv[1:2] == ["check"]:  # until the engine is built (``linter.cli.check`` ends it)
        from linter import startup

        startup.begin()
    from linter import recache

    recache.import_module("linter.cli").main()  # typer's and the standard library's patterns from the cache


if __name__ == "__main__":
    main()
