"""Whether one of a set of literals occurs in a text, by the quickest test for the set's shape.

``finder(literals)`` gives the test. Document gates (:mod:`linter.gate`) ask it once per document
and rule, and ``=~`` (:mod:`linter.dsl.compiler`) once per subject before its search: both use it
only to skip work, and every form answers exactly ``any(lit in text for lit in literals)``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

__all__ = ["AUTOMATON_MIN", "NEVER", "Finder", "finder"]

#: Whether one of a set of literals occurs in a text.
Finder = Callable[[str], bool]


def _never(hay: str) -> bool:
    return False


NEVER: Finder = _never
#: The characters a literal may open with for its set to be looked for by one regular expression
#: (see ``finder``): not a lower-case letter, a space or a digit, which every text is full of.
_RARE_OPENERS = frozenset(map(chr, range(33, 127))) - frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def finder(literals: tuple[str, ...]) -> Finder:
    """The test that one of ``literals`` occurs in a text.

    When every literal opens with a character that prose holds few of (capitals, punctuation:
    "TK", "XX", "???", "INSERT"), one search of their alternation is quicker than a search per
    literal: the engine skips every position whose character opens none of them (about 3x
    quicker on newswire for ``content/placeholder``). Eight literals or more are looked for by an
    Aho-Corasick automaton (``_automaton``), one pass over the text. Otherwise the literals are
    looked for one by one (``_occurs``). All answer whether some literal occurs, and nothing else."""
    if not literals:
        return NEVER
    if len(literals) > 1 and all(lit[:1] in _RARE_OPENERS for lit in literals):
        pattern = re.compile("|".join(re.escape(lit) for lit in sorted(literals, key=lambda s: (-len(s), s))))
        search = pattern.search

        def alternation(hay: str) -> bool:
            return search(hay) is not None

        return alternation
    if len(literals) >= AUTOMATON_MIN and all(literals):
        found = _automaton(literals)
        if found is not None:
            return found
    groups = _grouped(literals)

    def one_by_one(hay: str) -> bool:
        return _occurs(groups, hay)

    return one_by_one


#: The fewest literals worth an Aho-Corasick automaton: below this, a search per literal is as quick.
AUTOMATON_MIN = 8


def _automaton(literals: tuple[str, ...]) -> Finder | None:
    """The test by one pass of an Aho-Corasick automaton (pyahocorasick) over the text, stopping
    at the first literal found, instead of a search per literal: ``content/boilerplate``'s 49
    lower-case literals cost 2.5x less on newswire. None when pyahocorasick is not installed
    (``_occurs`` answers the same question, one literal at a time)."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - a dependency; kept optional for odd platforms
        return None
    machine = ahocorasick.Automaton()
    for lit in literals:
        machine.add_word(lit, len(lit))
    machine.make_automaton()
    scan = machine.iter

    def automaton(hay: str) -> bool:
        for _ in scan(hay):
            return True
        return False

    return automaton


#: Literals grouped by a shared prefix: ``(prefix, literals)``; the prefix is "" for a literal of
#: its own.
_Group = tuple[tuple[str, tuple[str, ...]], ...]
#: The shortest prefix worth looking for before the literals that share it.
_MIN_PREFIX = 6


def _grouped(literals: tuple[str, ...]) -> _Group:
    """``literals`` in the order they are looked for: the short ones first (the likelier to occur,
    so an admitted document is told early), and those sharing a prefix of ``_MIN_PREFIX`` or more
    characters grouped behind it ("related " for "related articles", "related posts", ...: a
    text without the prefix holds none of them, one search instead of several)."""
    groups: list[list[str]] = []
    for lit in sorted(literals):
        if groups and len(os.path.commonprefix([groups[-1][0], lit])) >= _MIN_PREFIX:
            groups[-1].append(lit)
        else:
            groups.append([lit])
    out = [
        (os.path.commonprefix(group) if len(group) > 1 else "", tuple(sorted(group, key=len)))
        for group in groups
    ]
    out.sort(key=lambda g: len(g[0] or g[1][0]))
    merged: list[tuple[str, tuple[str, ...]]] = []
    for prefix, lits in out:  # neighbours without a prefix: one group, searched by one ``any``
        if not prefix and merged and not merged[-1][0]:
            merged[-1] = ("", merged[-1][1] + lits)
        else:
            merged.append((prefix, lits))
    return tuple(merged)


def _occurs(groups: _Group, hay: str) -> bool:
    """One of the grouped literals occurs in ``hay`` (the literals of a group looked for by
    ``any``/``map``, a loop in C: most documents hold none, and a gate of fifty literals then
    costs fifty searches, not fifty turns of a Python loop as well)."""
    contains = hay.__contains__
    for prefix, lits in groups:
        if prefix and prefix not in hay:
            continue
        if any(map(contains, lits)):
            return True
    return False
