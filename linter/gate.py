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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce

from linter.dsl import ast
from linter.dsl.compiler import pattern_facts
from linter.dsl.literals import innermost
from linter.occurs import NEVER, Finder, finder

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
    #: the clauses' literals as ``linter.occurs.finder`` looks for them
    _searches: tuple[tuple[Finder, Finder], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        searches = tuple((finder(exact), finder(folded)) for exact, folded in self.clauses)
        object.__setattr__(self, "_searches", searches)

    def admits(self, prose: str, folded_prose: Callable[[], str]) -> bool:
        """``folded_prose()`` gives the folded copy; it is asked for only when needed."""
        for exact, folded in self._searches:
            if not exact(prose):
                if folded is NEVER or not folded(folded_prose()):
                    return False
        return True


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
