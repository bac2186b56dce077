"""Find quoted spans in prose: curly, straight and mixed double quotes, with single quotes inside.

Rules, in the order a reader would apply them:

* ``“`` always opens a double quote; ``”`` closes the innermost open double quote (a stray
  ``”`` with nothing open is ignored).
* A straight ``"`` opens when it stands before a word (after a space, the paragraph start or an
  opening bracket/dash) and closes when it stands after a word. So real copy's mixed pairs work:
  ``“help is on the way."`` pairs a curly open with a straight close.
* ``‘`` opens a single quote when it does not stand inside a word; ``’`` closes an open single
  quote only when no letter or digit follows, otherwise (and whenever no single quote is open)
  it is an apostrophe: ``don’t``, ``Iran’s``, ``’90s``, ``the students’``. A straight ``'``
  opens a single quote only inside a double quote, before a letter.
* Quotes never cross a paragraph, except by the newswire convention: a paragraph that ends with
  a double quote still open, followed by a paragraph whose first character is an opening mark,
  continues the quote (one ``Quote`` whose ``paragraphs`` lists every paragraph it covers).
  Otherwise a double quote left open at the end of its paragraph is capped there
  (``closed=False``) and an open single quote is dropped, so unbalanced marks never swallow the
  rest of the document.
* The typewriter (TeX and Penn Treebank) pairs of newswire archives: two backquotes open a
  double quote and two straight single quotes close the innermost open one (a pair of them with
  no double quote open is ignored).
* ``depth`` counts the quotes that enclose a quote: 0 for the outer, 1 for a nested one.
* At most ``MAX_OPEN`` quotes are open at once (real copy nests two or three); a mark that
  would open one more is read as a stray mark. This keeps the work linear and the quotes'
  total length under ``2 * MAX_OPEN`` times the text's on hostile input (a paragraph of
  100,000 unbalanced ``"`` marks), where each mark would otherwise open a quote running to
  the end of its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linter import recache

__all__ = ["Quote", "find_quotes"]


@dataclass(slots=True)
class Quote:
    """A quoted span. ``start``/``end`` include the marks; ``text == prose[inner_start:inner_end]``."""

    index: int
    start: int
    end: int
    inner_start: int
    inner_end: int
    depth: int
    paragraph: int
    text: str
    paragraphs: tuple[int, ...] = ()
    closed: bool = True
    mark: str = "“"


#: The most quotes open at once; further opening marks are stray (see the module docstring).
MAX_OPEN = 8
#: A mark: one of “”"‘’', or a typewriter pair `` or ''. Written to start with one character
#: class (the pair's second character checked behind it) so that the regex engine can skip
#: ahead to a candidate character: three times faster than ``|''|[“”"‘’'] and the same matches.
_MARKS = recache.compile("[`'“”\"‘’](?:(?<=`)`|(?<=')'?|(?<=[“”\"‘’]))")
_OPEN_BEFORE = frozenset("([{“‘\"'—–-/«`")
_DOUBLE_OPENERS = frozenset("“\"`")
#: The characters of every mark that can open a quote when none is open (a straight ``'`` opens
#: one only inside a double quote): text without any of them has no quote.
_OPENING_MARKS = ("“", '"', "`", "‘")


@dataclass(slots=True)
class _Open:
    double: bool
    straight: bool
    offset: int
    paragraph: int


def find_quotes(prose: str, paragraphs: Sequence[tuple[int, int]], work: list[int] | None = None) -> list[Quote]:
    """Find the quotes in ``prose``, given the ``(start, end)`` spans of its paragraphs in order.

    ``work``, when given, gets the number of marks read and of open quotes looked at added to
    its first item (the property tests check that it stays linear in the text)."""
    if work is None and not any(map(prose.__contains__, _OPENING_MARKS)):
        return []  # no mark can open a quote: the others close one or are apostrophes
    found: list[tuple[int, int, int, tuple[int, ...], bool, str]] = []
    stack: list[_Open] = []
    skip_at = -1
    n = len(paragraphs)
    steps = 0
    next_mark = -1  # where the first mark at or after the paragraph's start is (-1: not looked for)
    for pi, (ps, pe) in enumerate(paragraphs):
        if not stack:  # a paragraph without marks and no quote open: nothing to do
            if next_mark < ps:
                found_mark = _MARKS.search(prose, ps)
                next_mark = found_mark.start() if found_mark else len(prose)
            if next_mark >= pe:
                continue
        for m in _MARKS.finditer(prose, ps, pe):
            i = m.start()
            steps += 1 + len(stack)
            if i == skip_at:
                continue
            c = m.group()
            before = prose[i - 1] if i > ps else " "
            after = prose[i + 1] if i + 1 < pe else " "
            full = len(stack) >= MAX_OPEN
            if c == "“" or c == "``":
                if not full:
                    stack.append(_Open(True, False, i, pi))
            elif c == "''":
                if any(o.double for o in stack):
                    _close_double(stack, i, pi, found, prose, width=2)
            elif c == "”":
                _close_double(stack, i, pi, found, prose)
            elif c == '"':
                opener_like = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
                if opener_like:
                    if not full:
                        stack.append(_Open(True, True, i, pi))
                elif any(o.double for o in stack):
                    _close_double(stack, i, pi, found, prose)
            elif c == "‘":
                if not before.isalnum() and not full:
                    stack.append(_Open(False, False, i, pi))
            elif c == "’":
                if not after.isalnum() and any(not o.double for o in stack):
                    _close_single(stack, i, pi, found, prose)
            else:  # straight '
                if stack and stack[-1].double is False and stack[-1].straight:
                    if not before.isspace() and not after.isalnum():
                        _close_single(stack, i, pi, found, prose)
                        continue
                if (
                    (before.isspace() or before in _OPEN_BEFORE)
                    and after.isalpha()
                    and not full
                    and any(o.double for o in stack)
                ):
                    stack.append(_Open(False, True, i, pi))
        if not stack:
            continue
        # End of paragraph with quotes open: continue by the newswire convention, or cap.
        stack[:] = [o for o in stack if o.double]
        if stack and pi + 1 < n:
            ns, ne = paragraphs[pi + 1]
            if ns < ne and prose[ns] in _DOUBLE_OPENERS:
                skip_at = ns
                continue
        for o in stack:
            found.append((o.offset, pe, pe, _para_range(o.paragraph, pi), False, _mark(prose, o.offset)))
            steps += pi - o.paragraph + 1
        stack.clear()
    if work is not None:
        work[0] += steps
    return _number(found, prose)


def _para_range(first: int, last: int) -> tuple[int, ...]:
    return tuple(range(first, last + 1))


def _close_double(
    stack: list[_Open], i: int, pi: int, found: list[tuple[int, int, int, tuple[int, ...], bool, str]], prose: str,
    width: int = 1,
) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].double:
            o = stack[k]
            del stack[k:]
            found.append((o.offset, i + width, i, _para_range(o.paragraph, pi), True, _mark(prose, o.offset)))
            return


def _close_single(
    stack: list[_Open], i: int, pi: int, found: list[tuple[int, int, int, tuple[int, ...], bool, str]], prose: str
) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if not stack[k].double:
            o = stack[k]
            del stack[k:]
            found.append((o.offset, i + 1, i, _para_range(o.paragraph, pi), True, prose[o.offset]))
            return


def _mark(prose: str, at: int) -> str:
    """The opening mark at ``at``: one character, or the two backquotes of a typewriter pair."""
    return "``" if prose.startswith("``", at) else prose[at]


def _number(found: list[tuple[int, int, int, tuple[int, ...], bool, str]], prose: str) -> list[Quote]:
    found.sort(key=lambda f: (f[0], -f[1]))
    quotes: list[Quote] = []
    enclosing: list[int] = []  # end offsets of the quotes enclosing the current one
    for start, end, inner_end, paras, closed, mark in found:
        while enclosing and enclosing[-1] <= start:
            enclosing.pop()
        inner_start = start + len(mark)
        quotes.append(
            Quote(
                index=len(quotes),
                start=start,
                end=end,
                inner_start=inner_start,
                inner_end=inner_end,
                depth=len(enclosing),
                paragraph=paras[0],
                text=prose[inner_start:inner_end],
                paragraphs=paras,
                closed=closed,
                mark=mark,
            )
        )
        enclosing.append(end)
    return quotes
