"""Required literals of a DSL regular expression: a cheap test that lets ``=~`` skip the search.

``required_literals(pattern, flags)`` returns strings one of which occurs in every match of
``pattern`` (and so in every subject it can match), or None when it cannot tell. A subject that
contains none of them cannot match, so the search (and its timeout bookkeeping) is skipped. The
answer is never wrong, only sometimes absent:

- the pattern is parsed with the standard library's parser; anything it rejects or may read
  differently from the ``regex`` module (POSIX classes, fuzzy ``{e<=1}``, scoped or inline
  flags other than ``i``) gives None;
- zero-width items (anchors, look-arounds) and anything not a literal end a literal run; an
  optional item contributes nothing; an alternation contributes the union of its branches;
- case-insensitive patterns keep only ASCII literals, compared on
  :func:`linter.fold.ascii_fold` text (which maps every character ``regex``'s
  simple case folding equates with an ASCII letter).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, NamedTuple

from linter import recache

C: ModuleType
_parser: ModuleType
try:  # Python 3.11 and later
    from re import _constants as C  # type: ignore[attr-defined,no-redef]
    from re import _parser  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - Python 3.10: the same parser under its old names
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]
# Python 3.10's parser has neither (it rejects such patterns, so they never reach the walk).
_POSSESSIVE_REPEAT = getattr(C, "POSSESSIVE_REPEAT", object())
_ATOMIC_GROUP = getattr(C, "ATOMIC_GROUP", object())

__all__ = ["Anchored", "anchored_prefixes", "innermost", "required_literals"]

_IGNORECASE = 2
_UNICODE = 32


class _Unsure(Exception):
    pass


def required_literals(pattern: str, ignorecase: bool) -> tuple[tuple[str, ...], bool] | None:
    """(literals, folded) or None. ``folded``: compare ``ascii_fold(literal) in ascii_fold(subject)``."""
    got = _parse(pattern, ignorecase)
    if got is None:
        return None
    items, folded = got
    try:
        best = _sequence(items)
    except _Unsure:
        return None
    if not best:
        return None
    best = _fold(best, folded)
    return None if best is None else (best, folded)


def _parse(pattern: str, ignorecase: bool) -> tuple[list[tuple[Any, Any]], bool] | None:
    """(parsed items, case-insensitive) of a pattern both parsers read alike, else None.

    None for what the stdlib parser rejects or may read differently from ``regex`` (POSIX
    classes, fuzzy ``{e<=1}``) and for flags other than ``i`` (``(?m)`` makes ``^`` match at
    every line start)."""
    if _POSIX_CLASS.search(pattern) is not None or _fuzzy_like(pattern):
        return None
    try:
        parsed = _parser.parse(pattern, _IGNORECASE if ignorecase else 0)
    except Exception:  # noqa: BLE001 - any pattern the stdlib cannot parse: no answer
        return None
    if parsed.state.flags & ~(_IGNORECASE | _UNICODE):
        return None
    return list(parsed), bool(parsed.state.flags & _IGNORECASE) or ignorecase


def _fold(literals: tuple[str, ...], folded: bool) -> tuple[str, ...] | None:
    """``literals`` as compared: lower-cased when ``folded`` (then only ASCII ones are usable)."""
    if not folded:
        return literals
    if not all(lit.isascii() for lit in literals):
        return None
    return tuple(dict.fromkeys(lit.lower() for lit in literals))


class Anchored(NamedTuple):
    """Every match starts at the subject's start (after white space when ``skip_space``) with
    one of ``prefixes`` (compared on ``ascii_fold`` text when ``folded``), or with a decimal
    digit when ``digit``."""

    prefixes: tuple[str, ...]
    folded: bool
    skip_space: bool
    digit: bool


def innermost(literals: tuple[str, ...]) -> tuple[str, ...]:
    """``literals`` (alternatives: a text must hold one) without those that contain another one:
    a text holding a dropped literal holds the one inside it too, so the test answers alike on
    every text, with fewer searches."""
    return tuple(lit for lit in literals if not any(other != lit and other in lit for other in literals))


def anchored_prefixes(pattern: str, ignorecase: bool) -> Anchored | None:
    """For a pattern anchored at the start (``^...``, ``^\\s*(?:related|more ...)``): what its
    matches must start with, or None when the pattern is not of that shape or it cannot tell.

    A subject whose (left-stripped) text starts with none of the prefixes cannot match.
    ``str.lstrip`` strips every character ``\\s`` matches (and a few more), and no prefix starts
    with white space, so stripping never hides a match.
    """
    parsed = _parse(pattern, ignorecase)
    if parsed is None:
        return None
    items, folded = parsed
    if not items or items[0][0] is not C.AT or items[0][1] not in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
        return None
    rest = items[1:]
    skip_space = False
    if rest and rest[0][0] in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE_REPEAT):
        _low, high, sub = rest[0][1]
        if high == C.MAXREPEAT and list(sub) == [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]:
            skip_space, rest = True, rest[1:]
    try:
        got = _prefixes(rest)
    except _Unsure:
        return None
    if got is None:
        return None
    prefixes, digit = got
    if any(p[0].isspace() for p in prefixes):
        return None
    folded_prefixes = _fold(prefixes, folded)
    return None if folded_prefixes is None else Anchored(folded_prefixes, folded, skip_space, digit)


def _prefixes(items: list[tuple[Any, Any]]) -> tuple[tuple[str, ...], bool] | None:
    """(literal prefixes, may start with a digit) of every match of a sequence, or None."""
    if not items:
        return None
    op, av = items[0]
    if op is C.LITERAL:
        run = []
        for op2, av2 in items:
            if op2 is not C.LITERAL:
                break
            run.append(chr(av2))
        return ("".join(run),), False
    if op is C.IN and av == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
        return (), True
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _prefixes(list(sub)) if low >= 1 else None
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unsure
        return _prefixes(list(sub))
    if op is C.BRANCH:
        out: list[str] = []
        digit = False
        for branch in av[1]:
            got = _prefixes(list(branch))
            if got is None:
                return None
            out.extend(got[0])
            digit = digit or got[1]
        return tuple(dict.fromkeys(out)), digit
    return None


def _fuzzy_like(pattern: str) -> bool:
    """``{`` that is not a plain ``{m}``/``{m,n}`` repeat: the regex module may read it as fuzzy."""
    return _ODD_BRACE.search(pattern) is not None


_POSIX_CLASS = recache.compile(r"\[:\^?\w+:\]")  # [[:alpha:]] is a class to the regex module, not to re
_ODD_BRACE = recache.compile(r"(?<!\\)\{(?!\d*,?\d*\})")


def _sequence(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """The most selective required literal set of a sequence of parsed items (None: none)."""
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av)
            if ch in "{}":
                raise _Unsure
            run.append(ch)
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE_REPEAT):
            low, high, sub = av
            sub = list(sub)
            if low >= 1 and len(sub) == 1 and sub[0][0] is C.LITERAL:
                # "X{2,}": its first `low` copies continue the run before it and its last `low`
                # copies start the run after it ("XX+X" always holds "XXX")
                copies = chr(sub[0][1]) * low
                if "{" in copies or "}" in copies:
                    raise _Unsure
                run.append(copies)
                if high != low:
                    flush()
                    run.append(copies)
                continue
            flush()
            if low >= 1:
                got = _sequence(sub)
                if got:
                    candidates.append(got)
            continue
        flush()
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unsure
            got = _sequence(list(sub))
            if got:
                candidates.append(got)
        elif op is _ATOMIC_GROUP:
            got = _sequence(list(av))
            if got:
                candidates.append(got)
        elif op is C.BRANCH:
            union: list[str] = []
            for branch in av[1]:
                got = _sequence(list(branch))
                if not got:
                    union = []
                    break
                union.extend(got)
            if union:
                candidates.append(tuple(dict.fromkeys(union)))
        # anything else (sets, classes, any, anchors, look-arounds, references) ends the run
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))
