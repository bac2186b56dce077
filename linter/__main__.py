"""The ``factlint`` command's entry point (and ``python -m linter``): answers ``--version`` before
importing anything else, so a version check costs the interpreter's start-up alone; every other
command goes to ``linter.cli``, ``check`` with the cyclic garbage collector paused while it starts
(``linter.cli._started``)."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from linter import __version__

        sys.stdout.write(f"factlint {__version__}\n")
        return
    paused = sys.argv[1:2] == ["check"]
    if paused:  # a start-up makes many objects and frees few: no collection until the engine is built
        import gc

        gc.disable()
    from linter import cli

    cli.GC_PAUSED = paused  # ``cli.check`` resumes the collector (``cli._started``)
    cli.main()


if __name__ == "__main__":
    main()
