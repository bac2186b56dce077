"""The ``factlint`` command's entry point (and ``python -m linter``): answers ``--version`` before
importing anything else, so a version check costs the interpreter's start-up alone; a plain
``check`` line goes to ``linter.checkcmd`` without typer, after ``linter.startup.begin`` (what a
check's start-up does without, until its engine is built); every other command to ``linter.cli``."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from linter import __version__

        sys.stdout.write(f"factlint {__version__}\n")
        return
    from linter import recache

    if sys.argv[1:2] == ["check"]:  # until the engine is built (``linter.checkcmd.run`` ends it)
        from linter import startup

        startup.begin()
        checkcmd = recache.import_module("linter.checkcmd")
        arguments = checkcmd.plain_check_args(sys.argv[1:])
        if arguments is not None:  # a plain check line: no typer
            checkcmd.guard(lambda: checkcmd.run_check(arguments))
    recache.import_module("linter.cli").main()  # typer's and the standard library's patterns from the cache


if __name__ == "__main__":
    main()
