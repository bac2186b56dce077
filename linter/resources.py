"""Locate the bundled data folders (``rules/`` and ``grammar/``) in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the bundled folder ``name`` ("rules" or "grammar").

    In an installed wheel the folders are shipped inside the package as ``linter/_data/NAME``;
    in a source checkout they sit beside the package at the repository root.
    """
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name


def rules_dir() -> Path:
    return data_dir("rules")


def grammar_dir() -> Path:
    return data_dir("grammar")


def grammar_file() -> Path:
    """The DSL's grammar (``factlint.lark`` in ``grammar_dir()``)."""
    return grammar_dir() / "factlint.lark"
