"""Word lists as data: the vocabularies extractors and rules share, in ``rules/lexicons/*.yaml``.

A lexicon file holds ``doc`` (what the words are), ``words`` (phrases, matched literally) and
optional ``patterns`` (regular expressions for the forms that vary), and optional ``sets``:
named lists of one vocabulary that different readers need (``speech-verbs`` has the verbs a
date may follow and the verbs that name a quote's speaker). Rules reach a lexicon through their
``tokens:`` key (``linter.rules``); extractors through :func:`word_set`.

A user extends a bundled lexicon without writing a regular expression: a ``lexicons/NAME.yaml``
file in one of the configuration's ``rules:`` folders (or a ``--rules`` folder) adds its
``words`` (and ``patterns``, ``sets``) to the bundled lexicon ``NAME`` for every rule that
reads it (``content/boilerplate`` reads ``residue``). :func:`extend` reads such a file and :func:`extended` applies
them while rules compile.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import regex

from linter.resources import rules_dir

__all__ = ["Lexicon", "LexiconError", "alternation", "extend", "extended", "lexicon", "lexicon_names", "word_set"]


class LexiconError(ValueError):
    """A lexicon that does not exist or does not read."""


@dataclass(frozen=True)
class Lexicon:
    name: str
    doc: str = ""
    words: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    sets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None


def lexicon_dir() -> Path:
    return rules_dir() / "lexicons"


def lexicon_names() -> list[str]:
    return sorted(p.stem for p in lexicon_dir().glob("*.yaml"))


#: The user's extensions in force while rules compile (:func:`extended`): name -> lexicon.
_EXTENDED: dict[str, Lexicon] = {}


def lexicon(name: str) -> Lexicon:
    """The lexicon ``name``: the bundled one (``rules/lexicons/<name>.yaml``, read once), with
    the user's additions while :func:`extended` is in force."""
    return _EXTENDED.get(name) or bundled_lexicon(name)


def extend(merged: dict[str, Lexicon], path: Path) -> None:
    """Add the user's lexicon file ``path`` (``.../lexicons/NAME.yaml``) to ``merged`` (name ->
    the bundled lexicon with the additions so far): its words, patterns and sets join the bundled
    lexicon ``NAME``. Raises ``LexiconError`` for a file that does not read or names no bundled
    lexicon."""
    name = path.stem
    names = lexicon_names()
    if name not in names:
        raise LexiconError(f"{path}: extends no bundled lexicon (a user lexicon is named after the one it "
                           f"extends: {', '.join(names)})")
    add = read_lexicon(path, name, untrusted=True)
    base = merged.get(name) or bundled_lexicon(name)
    sets = dict(base.sets)
    for key, words in add.sets.items():
        sets[key] = sets.get(key, ()) + words
    merged[name] = replace(base, words=base.words + add.words, patterns=base.patterns + add.patterns, sets=sets)


@contextmanager
def extended(merged: Mapping[str, Lexicon]) -> Iterator[None]:
    """Within the block, :func:`lexicon` answers with ``merged`` (built by :func:`extend`) for
    the names it holds."""
    saved = dict(_EXTENDED)
    _EXTENDED.update(merged)
    try:
        yield
    finally:
        _EXTENDED.clear()
        _EXTENDED.update(saved)


@cache
def bundled_lexicon(name: str) -> Lexicon:
    """The bundled lexicon ``name`` (``rules/lexicons/<name>.yaml``), read once."""
    path = lexicon_dir() / f"{name}.yaml"
    if not path.is_file():
        raise LexiconError(f"no lexicon {name!r}; the lexicons are: {', '.join(lexicon_names())}")
    return read_lexicon(path, name)


def read_lexicon(path: Path, name: str | None = None, untrusted: bool = False) -> Lexicon:
    """Read a lexicon file. ``untrusted`` (a user's file): bounded in size and aliases, and bad
    YAML is a ``LexiconError`` naming the file."""
    data: Any
    if untrusted:
        from linter.yamlsrc import YamlLimitError, compose, construct, read_bounded, yaml

        try:
            root = compose(read_bounded(path))
            data = construct(root) if root is not None else None
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
            message = exc.message if isinstance(exc, YamlLimitError) else str(exc).splitlines()[0]
            raise LexiconError(f"{path}: cannot read this lexicon: {message}") from None
    else:  # a bundled lexicon: read through the tree cache (parsed once, then kept on disk)
        from linter.yamlsrc import read_yaml

        tree = read_yaml(path)[0]
        data = tree.plain() if tree is not None else None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a lexicon is a mapping with doc, words, patterns or sets")
    unknown = set(data) - {"doc", "words", "patterns", "sets"}
    if unknown:
        raise LexiconError(f"{path}: unknown key {sorted(unknown)[0]!r}; allowed: doc, words, patterns, sets")

    def strings(value: Any, what: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(f"{path}: {what} must be a list of strings")
        return tuple(value)

    sets = data.get("sets") or {}
    if not isinstance(sets, dict):
        raise LexiconError(f"{path}: sets must map names to lists of words")
    return Lexicon(
        name=name or path.stem,
        doc=str(data.get("doc") or ""),
        words=strings(data.get("words"), "words"),
        patterns=strings(data.get("patterns"), "patterns"),
        sets={str(k): strings(v, f"sets.{k}") for k, v in sets.items()},
        path=path,
    )


def word_set(name: str, subset: str) -> tuple[str, ...]:
    """One named list of a bundled lexicon (``word_set("calendar", "months")``)."""
    lex = lexicon(name)
    try:
        return lex.sets[subset]
    except KeyError:
        raise LexiconError(f"lexicon {name!r} has no set {subset!r}; it has: {', '.join(lex.sets)}") from None


def alternation(words: tuple[str, ...] | list[str], patterns: tuple[str, ...] | list[str] = ()) -> str:
    """A regular expression matching any of ``words`` (literally) or ``patterns``: the words
    longest first, so that the longest phrase wins where one begins another."""
    literal = sorted(dict.fromkeys(words), key=lambda w: (-len(w), w))
    parts = [regex.escape(w) for w in literal] + list(patterns)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"
