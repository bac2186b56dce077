"""Document gates: a cheap test, made once per document, that a rule cannot fire in it.

A rule such as ``content/placeholder`` fires only where ``sentence.text =~ "...TK..."`` holds,
and every match of that pattern contains one of a few literals ("TK", "XX", "[", ...;
see :mod:`linter.dsl.literals`). Sentences, paragraphs and quotes are slices of
``Document.prose``, so when the whole prose holds none of those literals no subject of the
document can match, and the engine skips the rule without building a single view.

``document_gate(node, subject)`` derives the gate from a rule's ``when`` syntax tree:

- ``X.text =~ "pattern"`` where ``X`` is a sentence, paragraph or quote (reached from the
  rule's subject through ``.sentence`` / ``.paragraph`` links only) gives the pattern's
  required literals;
- ``a and b`` needs both: the gates of both sides (either may have none);
- ``a or b`` needs one of them: a gate only if both sides have one, the union of their
  literals;
- anything else (``not``, ``!~``, function calls, other attributes) gives no gate.

A gate can say "may fire" too often, never "cannot fire" wrongly: it is only used to skip work.

``document_condition(node, subject)`` gives the other once-per-document test: the leading
conjuncts of ``when`` that read only ``document`` and ``options`` (attributes, comparisons, ``not``, literals;
no function call, no regex), which have one value for every subject of a document. When they
are false the rule cannot fire, and the engine skips it before its subjects are extracted
(``not document.sourced`` spares ``source/unattributed-figure`` the figures of an article that
names its sources).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce

from linter.dsl import ast
from linter.dsl.compiler import pattern_facts
from linter.dsl.literals import innermost

__all__ = ["Gate", "document_condition", "document_gate"]

# Views whose ``text`` is ``doc.prose[start:end]`` and the links between them.
_PROSE_OBJECTS = frozenset({"sentence", "paragraph", "quote"})
_PROSE_LINKS = frozenset({"sentence", "paragraph"})


@dataclass(frozen=True, slots=True)
class Gate:
    """The rule may fire only if every clause holds; a clause holds when one of its literals
    occurs in the prose (``exact``) or in its :func:`~linter.fold.ascii_fold`
    copy (``folded``)."""

    clauses: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (exact, folded) per clause
    #: the clauses' literals as ``_finder`` looks for them
    _searches: tuple[tuple[_Finder, _Finder], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        searches = tuple((_finder(exact), _finder(folded)) for exact, folded in self.clauses)
        object.__setattr__(self, "_searches", searches)

    def admits(self, prose: str, folded_prose: Callable[[], str]) -> bool:
        """``folded_prose()`` gives the folded copy; it is asked for only when needed."""
        for exact, folded in self._searches:
            if not exact(prose):
                if folded is _NEVER or not folded(folded_prose()):
                    return False
        return True


#: Whether one of a set of literals occurs in a text.
_Finder = Callable[[str], bool]


def _never(hay: str) -> bool:
    return False


_NEVER: _Finder = _never
#: The characters a literal may open with for its set to be looked for by one regular expression
#: (see ``_finder``): not a lower-case letter, a space or a digit, which every text is full of.
_RARE_OPENERS = frozenset(map(chr, range(33, 127))) - frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _finder(literals: tuple[str, ...]) -> _Finder:
    """The test that one of ``literals`` occurs in a text.

    When every literal opens with a character that prose holds few of (capitals, punctuation:
    "TK", "XX", "???", "INSERT"), one search of their alternation is quicker than a search per
    literal: the engine skips every position whose character opens none of them (about 3x
    quicker on newswire for ``content/placeholder``). Eight literals or more are looked for by an
    Aho-Corasick automaton (``_automaton``), one pass over the text. Otherwise the literals are
    looked for one by one (``_occurs``). All answer whether some literal occurs, and nothing else."""
    if not literals:
        return _NEVER
    if len(literals) > 1 and all(lit[:1] in _RARE_OPENERS for lit in literals):
        pattern = re.compile("|".join(re.escape(lit) for lit in sorted(literals, key=lambda s: (-len(s), s))))
        search = pattern.search

        def alternation(hay: str) -> bool:
            return search(hay) is not None

        return alternation
    if len(literals) >= _AUTOMATON_MIN and all(literals):
        found = _automaton(literals)
        if found is not None:
            return found
    groups = _grouped(literals)

    def one_by_one(hay: str) -> bool:
        return _occurs(groups, hay)

    return one_by_one


#: The fewest literals worth an Aho-Corasick automaton: below this, a search per literal is as quick.
_AUTOMATON_MIN = 8


def _automaton(literals: tuple[str, ...]) -> _Finder | None:
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


def document_gate(node: ast.Node, subject: str) -> Gate | None:
    clauses = [(innermost(exact), innermost(folded)) for exact, folded in _clauses(node, subject)]
    return Gate(tuple(clauses)) if clauses else None


_Clause = tuple[tuple[str, ...], tuple[str, ...]]


def _clauses(node: ast.Node, subject: str) -> list[_Clause]:
    """Clauses that must all hold for ``node`` to be true (empty: nothing known)."""
    if isinstance(node, ast.BoolOp):
        left, right = _clauses(node.left, subject), _clauses(node.right, subject)
        if node.op == "and":
            return left + right
        if left and right:
            # (all of L) or (all of R) implies (L[0] or R[0]): one clause, the union
            (le, lf), (re_, rf) = left[0], right[0]
            return [(tuple(dict.fromkeys(le + re_)), tuple(dict.fromkeys(lf + rf)))]
        return []
    if isinstance(node, ast.Compare) and node.op == "=~":
        if not (isinstance(node.right, ast.Literal) and isinstance(node.right.value, str)):
            return []
        if not _is_prose_text(node.left, subject):
            return []
        pattern = node.right.value
        try:
            found = pattern_facts(pattern).required
        except Exception:  # noqa: BLE001 - the compiler reports bad patterns; no gate here
            return []
        if found is None:
            return []
        literals, folded = found
        return [((), literals) if folded else (literals, ())]
    return []


def _is_prose_text(node: ast.Node, subject: str) -> bool:
    """``node`` is ``<prose object>.text`` reached from the rule's subject by prose links only."""
    if not (isinstance(node, ast.Attr) and node.name == "text"):
        return False
    obj = node.obj
    while isinstance(obj, ast.Attr):
        if obj.name not in _PROSE_LINKS:
            return False
        obj = obj.obj
    return isinstance(obj, ast.Name) and obj.name == subject and subject in _PROSE_OBJECTS


#: root names whose values are the same for every subject of a document
_DOCUMENT_ROOTS = frozenset({"document", "options"})


def document_condition(node: ast.Node, subject: str) -> ast.Node | None:
    """The leading conjuncts of ``node`` (a rule's ``when``) that read only ``document`` and
    ``options``, joined by ``and``; None when there are none (or the subject is the document).
    Only the leading ones: a rule puts first what it wants tested first, and a later document
    test (a genre, detected on demand) may cost more than the subject tests before it save."""
    if subject == "document":
        return None
    parts = list(itertools.takewhile(_document_only, _conjuncts(node)))
    if not parts:
        return None
    return reduce(lambda a, b: ast.BoolOp("and", a, b), parts)


def _conjuncts(node: ast.Node) -> list[ast.Node]:
    if isinstance(node, ast.BoolOp) and node.op == "and":
        return _conjuncts(node.left) + _conjuncts(node.right)
    return [node]


def _document_only(node: ast.Node) -> bool:
    """``node`` reads a document-level root and nothing but document-level roots, with no call and
    no regex (a call may be costly or fail; a match sets ``match``)."""
    named = False
    for n in ast.walk(node):
        if isinstance(n, ast.Call) or (isinstance(n, ast.Compare) and n.op in ("=~", "!~")):
            return False
        if isinstance(n, ast.Name):
            if n.name not in _DOCUMENT_ROOTS:
                return False
            named = True
    return named
