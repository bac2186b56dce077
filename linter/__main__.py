"""The ``factlint`` command's entry point (and ``python -m linter``): answers ``--version`` before
importing anything else, so a version check costs the interpreter's start-up alone; every other
command goes to ``linter.cli``."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from linter import __version__

        sys.stdout.write(f"factlint {__version__}\n")
        return
    from linter.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
