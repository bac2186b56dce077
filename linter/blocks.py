"""Where a block of a document starts and ends, for a fix that deletes it (``paragraph.block``):
only the block's own markup goes, never the structure around it (issue 15).

- HTML: the outermost element that holds the paragraph and nothing else (``<p>``, a ``<div>``
  around it), found with the standard library's ``html.parser``, with its line when the line
  holds nothing else; the markup after it (``</article>``, ``<footer>``) stays, also when the
  paragraph is the last text of the file. No such element (a ``<p>`` never closed): the
  paragraph's text alone.
- Markdown: the paragraph's lines with its own markers (``>``, ``-``, ``1.``, ``#``), and the
  blank lines after it when a blank line stands before it, so the next block (a list item) keeps
  its kind and a list is not glued to the paragraph after it.
- Plain text: the paragraph's lines, the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linter import recache

if TYPE_CHECKING:
    from linter.document import Document

#: what may stand before a Markdown block's text on its first line: indentation, block-quote
#: markers, a list marker, a heading's hashes (the block's own markers)
_MD_LEAD = recache.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?")
#: what may follow a Markdown block's text on its last line: closing hashes, spaces
_MD_TAIL = recache.compile(r"[ \t]*(?:#+[ \t]*)?")
#: HTML elements a residue paragraph's element may be unwrapped from when they hold nothing else
_WRAPPERS = frozenset({"div", "span", "p", "em", "strong", "b", "i", "small", "a", "aside", "figure",
                       "figcaption", "li", "ul", "ol"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})


def _line_start(text: str, i: int) -> int:
    return max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1


def _line_end(text: str, i: int) -> int:
    """The offset just past the line break that ends the line holding ``i`` (or the text's end)."""
    n, r = text.find("\n", i), text.find("\r", i)
    if r >= 0 and (n < 0 or r < n):
        return r + 2 if text.startswith("\r\n", r) else r + 1
    return n + 1 if n >= 0 else len(text)


def _previous_line(text: str, start: int) -> str:
    """The line that ends just before ``start`` (a line start), without its line break."""
    j = start
    if j and text[j - 1] == "\n":
        j -= 1
    if j and text[j - 1] == "\r":
        j -= 1
    return text[_line_start(text, j):j]


def _blank_lines_after(text: str, i: int) -> int:
    """``i`` moved past the blank lines that start there."""
    while i < len(text):
        end = _line_end(text, i)
        if text[i:end].strip():
            break
        i = end
    return i


def _whole_lines(text: str, start: int, end: int, lead: re.Pattern[str] | None, tail: re.Pattern[str] | None,
                 floor: int) -> tuple[int, int]:
    """``start..end`` grown to whole lines when the rest of those lines is only ``lead`` before
    and ``tail`` after (markers the block owns), then past the blank lines after it when a blank
    line (or the start of the body) stands before it: the block goes and nothing around it moves."""
    ls = max(_line_start(text, start), floor)
    before = text[ls:start]
    if (before.strip() == "") or (lead is not None and lead.fullmatch(before)):
        start = ls
    else:
        return start, end
    le = _line_end(text, end)
    after = text[end:le].rstrip("\r\n")
    if after.strip() and not (tail is not None and tail.fullmatch(after)):
        return start, end
    end = le
    if start <= floor or not _previous_line(text, start).strip():
        end = _blank_lines_after(text, end)
    return start, end


@dataclass
class _Element:
    name: str
    start: int  # the "<" of its start tag
    inner: int  # just past its start tag
    close: int = -1  # the "<" of its end tag (-1: none seen)
    end: int = -1  # just past its end tag
    parent: _Element | None = None


def _html_elements(text: str) -> list[_Element]:
    """Every element of an HTML text with the offsets of its tags (``html.parser`` of the
    standard library; an element closed only implicitly has ``end == -1``)."""
    from html.parser import HTMLParser

    starts = [0]  # html.parser counts lines by "\n" alone
    for m in re.finditer("\n", text):
        starts.append(m.end())
    elements: list[_Element] = []
    stack: list[_Element] = []

    class Parser(HTMLParser):
        def _at(self) -> int:
            line, col = self.getpos()
            return starts[line - 1] + col

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            at = self._at()
            raw = self.get_starttag_text() or ""
            el = _Element(tag, at, at + len(raw), parent=stack[-1] if stack else None)
            elements.append(el)
            if tag not in _VOID:
                stack.append(el)

        def handle_startendtag(self, tag: str, attrs: Any) -> None:
            at = self._at()
            raw = self.get_starttag_text() or ""
            elements.append(_Element(tag, at, at + len(raw), at + len(raw), at + len(raw),
                                     stack[-1] if stack else None))

        def handle_endtag(self, tag: str) -> None:
            at = self._at()
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].name == tag:
                    close = text.find(">", at)
                    for el in stack[i + 1:]:  # closed implicitly: no end of their own
                        el.close = -1
                    stack[i].close = at
                    stack[i].end = (close + 1) if close >= 0 else len(text)
                    del stack[i:]
                    return

    parser = Parser(convert_charrefs=True)
    parser.feed(text)
    parser.close()
    return elements


def html_block_span(text: str, prose: str, start: int, end: int) -> tuple[int, int]:
    """The span that removes the HTML paragraph ``prose[start:end]``: the outermost element
    around it that holds nothing else (``<p>``, a ``<div>`` wrapping it ...), with its line when
    the line holds nothing else. No such element: the paragraph's text alone. The markup after
    it (``</article>``, ``<footer>``) is never in the span."""
    own = prose[start:end].strip()
    best: _Element | None = None
    for el in _html_elements(text):
        if el.end < 0 or el.close < 0 or not (el.inner <= start and end <= el.close):
            continue
        if el.name not in _WRAPPERS or prose[el.inner:el.close].strip() != own:
            continue
        if best is None or el.start < best.start:
            best = el
    if best is None:
        return start, end
    return _whole_lines(text, best.start, best.end, None, None, 0)


def block_span(doc: Document, index: int) -> tuple[int, int]:
    """The span of ``doc.text`` that deleting paragraph ``index`` removes: in HTML its element
    (``html_block_span``); in Markdown its lines with its own markers (quote ``>``, list ``-``,
    heading ``#``) and the blank lines after it; in plain text its lines and the blank lines
    after. The next block's markers and any markup it does not own stay."""
    p = doc.paragraphs[index]
    text = doc.text
    span = doc.prose[p.start:p.end]
    start = p.start + (len(span) - len(span.lstrip()))
    end = p.start + len(span.rstrip())
    if doc.kind == "html":
        return html_block_span(text, doc.prose, start, end)
    floor = doc.body_start
    if doc.kind == "markdown":
        return _whole_lines(text, start, end, _MD_LEAD, _MD_TAIL, floor)
    return _whole_lines(text, start, end, None, None, floor)
