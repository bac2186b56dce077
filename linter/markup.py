"""Mask everything that is not prose (markup, code, comments, URLs) with spaces, keeping length.

Every function here returns a string exactly as long as its input, with every ``\\n`` at the
same offset and no new ``\\n`` anywhere, so an offset found in the masked prose is an offset in
the original file. Besides the prose, the maskers report block structure: Markdown gives one
line kind per line, HTML gives the offsets where block elements begin or end.

Every masker runs in time linear in its input (up to bounded constants), whatever the input: no
pattern rescans the rest of the text for each construct left unterminated (``<!--``,
``<script>``, ``[`` without ``]``), and a tag's attributes stop at the next ``<`` that starts a
tag. ``work``, where a function takes it, gets the characters its scanners passed over added to
its first item (the property tests check that it stays linear).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from linter import recache

__all__ = [
    "blank",
    "front_matter_span",
    "mask_text",
    "mask_markdown",
    "mask_html",
    "HtmlMask",
    "LineKind",
]

_NOT_NL = recache.compile(r"[^\n]")


def blank(s: str) -> str:
    """``s`` with every character but ``\\n`` replaced by a space."""
    return _NOT_NL.sub(" ", s)


def _blank_span(s: str, start: int, end: int) -> str:
    return s[:start] + blank(s[start:end]) + s[end:]


# ---------------------------------------------------------------- front matter

_FM_OPEN = recache.compile(r"---[ \t]*\r?\n")
_FM_CLOSE = recache.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def front_matter_span(text: str) -> tuple[int, int, int] | None:
    """``(yaml_start, yaml_end, block_end)`` of a leading ``---`` front matter block.

    ``block_end`` is the offset just after the closing ``---``/``...`` line (its newline
    included when there is one). ``None`` when the text does not open with ``---``.
    Raises ``ValueError`` when the block is opened but never closed.
    """
    m = _FM_OPEN.match(text)
    if not m:
        return None
    c = _FM_CLOSE.search(text, m.end())
    if not c:
        raise ValueError("front matter opened with '---' is never closed")
    block_end = c.end()
    if block_end < len(text) and text[block_end] == "\n":
        block_end += 1
    return m.end(), c.start(), block_end


# ---------------------------------------------------------------- plain text

_DIRECTIVE_LINE = recache.compile(r"^[ \t]*(?:<!--[ \t]*)?factlint-(?:disable|enable)\b[^\n]*$", re.M)


def mask_text(text: str, start: int = 0) -> str:
    """Plain text: blank ``text[:start]`` (front matter), ``factlint-`` directive lines, ``\\r``."""
    prose = blank(text[:start]) + text[start:] if start else text
    if "factlint-" in prose:
        prose = _DIRECTIVE_LINE.sub(lambda m: blank(m.group()), prose)
    if "\r" in prose:
        prose = prose.replace("\r", " ")
    return prose


# ---------------------------------------------------------------- markdown

LineKind = str  # "blank" | "heading" | "setext" | "blockquote" | "item" | "body"

_FENCE = recache.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = recache.compile(r" {0,3}#{1,6}(?=[ \t]|$)")
_ATX_CLOSE = recache.compile(r"[ \t]+#+[ \t]*$")
_THEMATIC = recache.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT_EQ = recache.compile(r" {0,3}=+[ \t]*$")
_SETEXT_DASH = recache.compile(r" {0,3}-+[ \t]*$")
_BLOCKQUOTE = recache.compile(r"(?: {0,3}>[ \t]?)+")
_LIST_ITEM = recache.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_LINK_DEF = recache.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_INDENTED = recache.compile(r"(?: {4}|\t)")
#: characters besides letters that no line pattern above can match at and that are not white
#: space: a line opening with a letter or one of these (outside a fence) is body text as written
#: (tests/test_document.py checks each pattern against them)
_PLAIN_OPENERS = frozenset("\"“‘'(")
#: the white space before a plain opener that leaves a line body text unless it is an indented
#: code block's (tests/test_document.py checks the patterns and the whole masking against it)
_INDENT = frozenset(" \t")

#: a tag's attributes: any character but ">", quotes and a "<" that starts another tag, or a quoted
#: value; newlines but not a blank line
_TAG_BODY = r"(?:[^>\"'\n<]|<(?![A-Za-z/!?])|\n(?!\s*\n)|\"[^\"]{0,2000}\"|'[^']{0,2000}'){0,3000}"
_BACKTICKS = recache.compile(r"`+")
_BLANK_START = recache.compile(r"\n(?=[ \t\r]*\n)")
_AUTOLINK = recache.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_MD_TAG = recache.compile(r"</?[A-Za-z][\w:-]*" + _TAG_BODY + r"/?>")
_RAW_OPEN = recache.compile(r"<(script|style)\b", re.I)
_RAW_CLOSE = {name: recache.compile(rf"</{name}\s*>", re.I) for name in ("script", "style")}
#: "[" and "]" with no "[", "]" or newline between: the text of a link or an image (a bracket
#: left open costs nothing: the search stops at the next "[")
_IMAGE = recache.compile(r"!\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)|!\[[^\[\]\n]*\]\[[^\[\]\n]*\]")
_LINK = recache.compile(r"\[([^\[\]\n]*)\](\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\])")
_FOOTNOTE = recache.compile(r"\[\^[^\]\s]+\]")
_EMPH_OPEN = recache.compile(r"(?<![\w*_\\])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])")
_EMPH_CLOSE = recache.compile(r"(?<=[^\s*_~\\])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])")
_ESCAPE = recache.compile(r"\\(?=[!-/:-@\[-`{-~])")
_ENTITY = recache.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entity(m: re.Match[str]) -> str:
    raw = m.group()
    dec = html.unescape(raw)
    if dec == raw or len(dec) > len(raw):
        return raw
    dec = dec.replace("\n", " ").replace("\r", " ")
    return dec + " " * (len(raw) - len(dec))


def _link(m: re.Match[str]) -> str:
    # keep the link text, blank "[" and "](url)" / "][ref]"
    return " " + m.group(1) + blank(m.group(2)) + " "


def _sub(pattern: re.Pattern[str], s: str, repl: Callable[[re.Match[str]], str] | None = None) -> str:
    return pattern.sub(repl or (lambda m: blank(m.group())), s)


def _blank_spans(s: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return s
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        parts.append(s[pos:a])
        parts.append(blank(s[a:b]))
        pos = b
    parts.append(s[pos:])
    return "".join(parts)


def _code_spans(s: str, work: list[int] | None = None) -> list[tuple[int, int]]:
    """The inline code spans ``(?<!`)(`+)(?!`)(?:(?!\\n[ \\t\\r]*\\n).)*?(?<!`)\\1(?!`)`` finds (a
    run of backticks, closed by the next run of the same length before a blank line), in
    ``O(n log n)``: the pattern rescans the rest of its paragraph for every run left open."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(s)]
    if len(runs) < 2:
        return []
    blanks = [m.start() for m in _BLANK_START.finditer(s)]  # a code span never crosses one
    by_length: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(i)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        a, b = runs[i]
        same = by_length[b - a]
        k = bisect.bisect_right(same, i)
        if k < len(same):
            j = same[k]
            c = runs[j][0]
            if bisect.bisect_left(blanks, b) == bisect.bisect_left(blanks, c):  # no blank line between
                spans.append((a, runs[j][1]))
                i = j + 1
                continue
        i += 1
    if work is not None:
        work[0] += len(s)
    return spans


def _comment_spans(s: str, work: list[int] | None = None) -> list[tuple[int, int]]:
    """The spans ``<!--.*?-->`` (DOTALL) finds, in linear time: a comment left open ends the
    search (no "-->" after it means none after any later "<!--" either)."""
    spans: list[tuple[int, int]] = []
    i = s.find("<!--")
    scanned = 0
    while i >= 0:
        j = s.find("-->", i + 4)
        scanned += (j if j >= 0 else len(s)) - i
        if j < 0:
            break
        spans.append((i, j + 3))
        i = s.find("<!--", j + 3)
    if work is not None:
        work[0] += scanned
    return spans


def _raw_spans(s: str, work: list[int] | None = None) -> list[tuple[int, int]]:
    """The spans ``<(script|style)\\b[^>]*>.*?</\\1\\s*>`` (DOTALL, ignoring case) finds, in linear
    time: where the next ">" and the next closing tag of each name are is remembered while the
    search moves on, so an element left open is not searched again for each later one."""
    spans: list[tuple[int, int]] = []
    pos = 0
    gt = -2  # the first ">" at or after some point (-1: none)
    closes: dict[str, tuple[int, int]] = {}  # name -> (start, end) of its next closing tag
    scanned = 0
    while True:
        m = _RAW_OPEN.search(s, pos)
        if m is None:
            break
        if gt != -1 and gt < m.end():
            gt = s.find(">", m.end())
            scanned += (gt if gt >= 0 else len(s)) - m.end()
        if gt < 0:
            break  # no ">" after here: no element can open
        name = m.group(1).lower()
        close = closes.get(name)
        if close is None or (close[0] >= 0 and close[0] <= gt):
            c = _RAW_CLOSE[name].search(s, gt + 1)
            scanned += (c.end() if c else len(s)) - gt
            close = (c.start(), c.end()) if c else (-1, -1)
            closes[name] = close
        if close[0] < 0:
            pos = m.end()  # this element never closes: the regular expression would skip it
            continue
        spans.append((m.start(), close[1]))
        pos = close[1]
    if work is not None:
        work[0] += scanned
    return spans


def mask_markdown(text: str, start: int = 0, work: list[int] | None = None) -> tuple[str, list[tuple[int, int, LineKind]]]:
    """Mask Markdown; return the prose and ``(line_start, line_end, kind)`` for every line.

    ``text[:start]`` (front matter) is blanked. Line kinds: ``blank`` (blank, code, HTML-only
    or otherwise markup-only lines become blank in the prose), ``heading`` (ATX), ``setext``
    (an underline that turns the paragraph above into a heading), ``blockquote``, ``item``
    (a line opening a list item), ``body`` (ordinary text or a continuation line).
    """
    out: list[str] = []
    kinds: list[tuple[int, int, LineKind]] = []
    fence: str | None = None
    prev_blank = True
    para_kind: str | None = None  # kind of the paragraph the previous line belongs to
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        lend = lstart + len(line)
        kind: LineKind = "body"
        masked = line
        if lend <= start:
            masked, kind = blank(line), "blank"
        elif lstart < start:
            masked, kind = blank(line[: start - lstart]) + line[start - lstart :], "body"
        elif fence is not None:
            masked, kind = blank(line), "blank"
            close = _FENCE.match(line)
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence):
                if not line[close.end() :].strip():
                    fence = None
        elif line[:1].isalpha() or line[:1] in _PLAIN_OPENERS:
            pass  # body text: none of the patterns below matches at a letter (most lines)
        elif line[:1] in _INDENT and ((first := line.lstrip(" \t")[:1]).isalpha() or first in _PLAIN_OPENERS):
            # indented body text (a newswire's paragraphs): of the patterns below only an
            # indented code block's can match, and only a line that is not blank is tried
            if prev_blank and para_kind != "item" and _INDENTED.match(line):
                masked, kind = blank(line), "blank"
        elif (f := _FENCE.match(line)) is not None:
            fence = f.group(1)
            masked, kind = blank(line), "blank"
        elif not line.strip():
            kind = "blank"
        elif prev_blank and para_kind != "item" and _INDENTED.match(line):
            masked, kind = blank(line), "blank"  # indented code block
        elif para_kind == "body" and not prev_blank and (_SETEXT_EQ.match(line) or _SETEXT_DASH.match(line)):
            masked, kind = blank(line), "setext"
        elif _THEMATIC.match(line):
            masked, kind = blank(line), "blank"
        elif (h := _ATX.match(line)) is not None:
            rest = line[h.end() :]
            c = _ATX_CLOSE.search(rest)
            if c:
                rest = rest[: c.start()] + blank(rest[c.start() :])
            masked, kind = blank(line[: h.end()]) + rest, "heading"
        elif _LINK_DEF.match(line):
            masked, kind = blank(line), "blank"
        elif (q := _BLOCKQUOTE.match(line)) is not None:
            rest = line[q.end() :]
            li = _LIST_ITEM.match(rest) or _ATX.match(rest)
            if li:
                rest = blank(rest[: li.end()]) + rest[li.end() :]
            masked, kind = blank(line[: q.end()]) + rest, "blockquote"
        elif (li := _LIST_ITEM.match(line)) is not None and (para_kind != "body" or prev_blank or not line[0].isdigit()):
            masked, kind = blank(line[: li.end()]) + line[li.end() :], "item"
        if "\r" in masked:
            masked = masked.replace("\r", " ")
        out.append(masked)
        kinds.append((lstart, lend, kind))
        prev_blank = kind == "blank"
        if kind in ("blank", "heading", "setext"):
            para_kind = None
        elif kind == "body":
            para_kind = para_kind or "body"
        else:
            para_kind = kind
    prose = "\n".join(out)
    if "`" in prose:
        prose = _blank_spans(prose, _code_spans(prose, work))
    if "<" in prose:
        prose = _blank_spans(prose, _comment_spans(prose, work))
        prose = _blank_spans(prose, _raw_spans(prose, work))
        prose = _sub(_AUTOLINK, prose)
        prose = _sub(_MD_TAG, prose)
    if "[" in prose:
        prose = _sub(_IMAGE, prose)
        prose = _sub(_FOOTNOTE, prose)
        prose = _LINK.sub(_link, prose)
    if "*" in prose or "_" in prose or "~" in prose:
        prose = _sub(_EMPH_OPEN, prose)
        prose = _sub(_EMPH_CLOSE, prose)
    if "\\" in prose:
        prose = _ESCAPE.sub(" ", prose)
    if "&" in prose:
        prose = _ENTITY.sub(_entity, prose)
    return prose, kinds


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main nav ol p section summary
    table tbody td tfoot th thead title tr ul caption br""".split()
) - {"br"}
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: a tag's attributes: any character but ">", quotes and a "<" that starts another tag (so a tag
#: left open is given up at the next one, not 5,000 characters on), or a quoted value
_HTML_ATTRS = r"(?:[^>\"'<]|<(?![A-Za-z/!?])|\"[^\"]{0,5000}\"|'[^']{0,5000}'){0,5000}"
_HTML_TOKEN = recache.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<![^<>]{0,5000}>"
    r"|<\?[^<>]{0,5000}>"
    r"|<(script|style|noscript|template|svg|math|pre|code|textarea)\b"
    + _HTML_ATTRS + r">.*?(?:</\1\s*>|\Z)"
    r"|</?([A-Za-z][\w:-]*)(" + _HTML_ATTRS + r")>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.S | re.I,
)
_ATTR = recache.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


@dataclass(slots=True)
class HtmlMask:
    """Result of ``mask_html``: prose, block boundaries and what the head tells."""

    prose: str
    breaks: list[tuple[int, str]] = field(default_factory=list)  # (offset, kind from there on)
    metas: list[dict[str, str]] = field(default_factory=list)  # attributes of every <meta>
    title_span: tuple[int, int] | None = None  # inner span of the first <title>
    json_ld: list[str] = field(default_factory=list)  # bodies of <script type="application/ld+json">


def _attrs(s: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(s):
        val = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        out[m.group(1).lower()] = html.unescape(val or "")
    return out


def mask_html(text: str) -> HtmlMask:
    """Mask HTML: tags, comments, ``<script>``/``<style>``/``<pre>``/``<code>`` bodies; decode entities.

    A block element's open or close tag records a break; the kind after the break is
    ``title`` inside ``<title>``, ``heading`` inside ``<h1>``-``<h6>``, ``list_item`` inside
    ``<li>``, ``blockquote`` inside ``<blockquote>``, else ``body``.
    """
    res = HtmlMask(prose="")
    pieces: list[str] = []
    last = 0
    depth = {"title": 0, "h": 0, "li": 0, "blockquote": 0}
    title_open: int | None = None
    for m in _HTML_TOKEN.finditer(text):
        s, e = m.start(), m.end()
        tok = m.group()
        pieces.append(text[last:s])
        last = e
        if tok[0] == "&":
            pieces.append(_entity_html(tok))
            continue
        pieces.append(blank(tok))
        raw_name = m.group(1)
        if raw_name is not None:
            if raw_name.lower() == "script" and "ld+json" in tok[:200].lower():
                body_start = tok.find(">") + 1
                body_end = tok.lower().rfind("</script")
                res.json_ld.append(tok[body_start : body_end if body_end >= body_start else len(tok)])
            res.breaks.append((s, _html_kind(depth)))
            res.breaks.append((e, _html_kind(depth)))
            continue
        name = m.group(2)
        if name is None:
            continue  # comment, doctype, CDATA, processing instruction
        name = name.lower()
        closing = tok.startswith("</")
        if name == "meta" and not closing:
            res.metas.append(_attrs(m.group(3) or ""))
            continue
        if name not in _BLOCK_TAGS:
            continue
        key = "h" if name in _HEADINGS else name
        if key in depth:
            depth[key] = max(0, depth[key] + (-1 if closing else 1))
        if name == "title":
            if not closing and title_open is None and res.title_span is None:
                title_open = e
            elif closing and title_open is not None:
                res.title_span = (title_open, s)
                title_open = None
        res.breaks.append((s, _html_kind(depth)))
    pieces.append(text[last:])
    prose = "".join(pieces)
    if "\r" in prose:
        prose = prose.replace("\r", " ")
    res.prose = prose
    return res


def _entity_html(tok: str) -> str:
    dec = html.unescape(tok)
    if dec == tok or len(dec) > len(tok):
        return tok
    dec = dec.replace("\n", " ").replace("\r", " ")
    return dec + " " * (len(tok) - len(dec))


def _html_kind(depth: dict[str, int]) -> str:
    if depth["title"]:
        return "title"
    if depth["h"]:
        return "heading"
    if depth["li"]:
        return "list_item"
    if depth["blockquote"]:
        return "blockquote"
    return "body"
