"""The document model: read text, Markdown or HTML into a ``Document`` of located prose.

``Document.text`` is the file exactly as read (front matter included). ``Document.prose`` is a
string of the same length in which everything that is not prose (front matter, code, markup,
comments, link URLs, HTML tags) is replaced by spaces, newlines kept; every offset found in
``prose`` is an offset into ``text``, and ``Document.line_col`` turns it into the contract's
1-based line and code-point column. On top of the prose the document holds its paragraphs,
sentences (``linter.splitter``), quotes (``linter.quotes``), title and publication date.

Publication date, first found wins: the ``date`` argument (``--date``); front matter keys
``date``, ``published``, ``publication_date``, ``pubDate``; an HTML
``<meta property="article:published_time">`` (or a ``name=``/``itemprop=`` variant, or JSON-LD
``datePublished``); a dateline in the first ~300 characters of prose
("WASHINGTON, Dec. 30, 2025 (Reuters) -", "December 30, 2025 —", "March 01, 2008" on its own
line). A dateline without a year ("LONDON, March 3 (AP) —") gives no date.

Plain-text paragraphs: a blank line always separates paragraphs. Hard-wrapped text starts a
paragraph only at an indented line (Reuters copy: paragraphs open with four spaces, lines wrap
at ~70). Text counts as hard-wrapped when no line is over 150 characters and either most lines
are 40+ characters and end mid-sentence, or some lines after the first are indented, others not,
and some end mid-sentence. Otherwise every line is a paragraph (the seeds, Wikinews).
A one-line paragraph under 60 characters with no sentence-final punctuation, followed by another
paragraph, is a ``heading`` (for the first line of the text the limit is 100 characters); a
plain-text document whose first paragraph is such a heading takes it as its title.

Markdown paragraphs follow CommonMark blocks (blank lines, headings, block quotes, list items),
except that a document with a line over 150 characters is taken as one paragraph per line (the
seeds put under front matter), with the plain-text heading rule.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from linter import markup, recache, yamlsrc
from linter.finding import Severity
from linter.quotes import Quote, find_quotes
from linter.splitter import split_sentences

__all__ = [
    "ARCHIVE_SUFFIXES",
    "FILE_KINDS",
    "Document",
    "DocumentError",
    "Paragraph",
    "Quote",
    "Sentence",
    "guess_kind",
    "load_path",
    "load_text",
    "parse_date",
]

#: Every file suffix factlint reads as an article, with the kind of document it holds: the one
#: table the document loader, the folder search and the language server share.
FILE_KINDS: dict[str, str] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text",
}
#: Suffixes of JSON Lines archives (one article a record).
ARCHIVE_SUFFIXES: tuple[str, ...] = (".jsonl", ".jsonl.gz")
DATE_KEYS: tuple[str, ...] = ("date", "published", "publication_date", "pubDate")
META_DATE_NAMES: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "date",
)
DATELINE_WINDOW = 300
#: The publication dates factlint reasons about. A date outside them (a CMS's "no date"
#: ``0001-01-01``, ``9999-12-31``) is not used: the document is linted as undated and an
#: ``input/date-out-of-range`` finding says why.
MIN_PUB_DATE = datetime.date(1000, 1, 1)
MAX_PUB_DATE = datetime.date(8999, 12, 31)
#: The largest document linted whole, in UTF-8 bytes (``--max-bytes``); the rest of a longer one
#: is cut off and an ``input/truncated`` finding says so.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Notice:
    """What the loader has to say about the input itself, reported as a finding of ``rule``
    (``input/truncated``, ``input/date-out-of-range``) at ``text[start:end]``. Such findings
    come from no rule file: ``--select`` and ``--ignore`` do not apply to them."""

    rule: str
    severity: Severity
    message: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Truncation:
    """A document cut at ``--max-bytes``: ``kept`` bytes were read of ``total`` (None: of a
    stream whose length is unknown)."""

    kept: int
    total: int | None


def truncate(text: str, max_bytes: int | None) -> tuple[str, Truncation | None]:
    """``text`` cut to at most ``max_bytes`` UTF-8 bytes (see ``cut_bytes``), and what was cut;
    ``(text, None)`` when it fits."""
    if max_bytes is None or len(text) * 4 <= max_bytes:
        return text, None
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= max_bytes:
        return text, None
    kept = cut_bytes(data, max_bytes)
    return kept.decode("utf-8", "surrogatepass"), Truncation(len(kept), len(data))


def cut_bytes(data: bytes, max_bytes: int) -> bytes:
    """The first at most ``max_bytes`` of UTF-8 ``data``: ended at a line end in the last tenth of
    the limit when there is one, else at a character boundary."""
    if len(data) <= max_bytes:
        return data
    end = max_bytes
    while end > 0 and (data[end] & 0xC0) == 0x80:  # do not split a multi-byte character
        end -= 1
    newline = data.rfind(b"\n", max(0, end - max_bytes // 10), end)
    return data[: newline + 1] if newline >= 0 else data[:end]


class DocumentError(Exception):
    """Bad input: undecodable file, broken front matter, unparseable date. 1-based position."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message


@dataclass(slots=True)
class Paragraph:
    """A block of prose; ``kind`` is body, heading, blockquote, list_item or title."""

    index: int
    start: int
    end: int
    kind: str


@dataclass(slots=True)
class Sentence:
    """A sentence; ``text == doc.prose[start:end]``, trimmed, inside one paragraph."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass(eq=False)
class Document:
    """A loaded article. Offsets are code-point offsets into ``text``, end exclusive."""

    path: str
    text: str
    prose: str
    kind: str  # "markdown" | "text" | "html"
    meta: dict[str, Any] = field(default_factory=dict)
    pub_date: datetime.date | None = None
    pub_date_source: str | None = None
    title: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    #: where the record's standfirst (description, dek) is, when it is the line after the headline
    standfirst: tuple[int, int] | None = None
    #: where the body starts: just past the front matter (0 without one)
    body_start: int = 0
    #: the offset of every line's start, listed when a position is first asked for (most
    #: documents of an archive have no finding, and nothing else reads lines)
    _line_starts: list[int] | None = field(default=None, init=False, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _quote_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _quote_mark_starts: list[int] = field(default_factory=list, init=False, repr=False)
    # the running maxima of the quotes' ends and inner ends, in order: a look-up walks back from
    # a bisect only while an earlier quote can still reach the offset
    _quote_end_reach: list[int] = field(default_factory=list, init=False, repr=False)
    _quote_inner_reach: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        """The look-up tables of sentences and quotes (those of lines: ``_lines``)."""
        self._line_starts = None
        self._sentence_starts = [s.start for s in self.sentences]
        self._quote_starts = [q.inner_start for q in self.quotes]
        self._quote_mark_starts = [q.start for q in self.quotes]
        end = inner = -1
        self._quote_end_reach = []
        self._quote_inner_reach = []
        for q in self.quotes:
            end, inner = max(end, q.end), max(inner, q.inner_end)
            self._quote_end_reach.append(end)
            self._quote_inner_reach.append(inner)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based code-point column of ``offset`` (``len(text)`` allowed)."""
        if offset < 0 or offset > len(self.text):
            raise IndexError(f"offset {offset} outside 0..{len(self.text)}")
        starts = self._line_starts
        if starts is None:
            starts = self._lines()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def _lines(self) -> list[int]:
        starts = self._line_starts
        if starts is None:
            starts = self._line_starts = _line_starts(self.text)
        return starts

    def offset_of(self, line: int, column: int) -> int:
        """Inverse of ``line_col``: offset of 1-based ``line``/``column`` (clamped to the line)."""
        starts = self._lines()
        if line < 1 or line > len(starts):
            raise IndexError(f"line {line} outside 1..{len(starts)}")
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return min(start + max(column, 1) - 1, end)

    @property
    def line_count(self) -> int:
        return len(self._lines())

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence whose span contains ``offset`` (start inclusive, end exclusive)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """Sentences overlapping ``[start, end)``."""
        i = max(bisect.bisect_right(self._sentence_starts, start) - 1, 0)
        out: list[Sentence] = []
        for s in self.sentences[i:]:
            if s.start >= end and not (s.start == start == end):
                break
            if s.end > start or s.start == start:
                out.append(s)
        return out

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """Quotes (marks included) overlapping ``[start, end)``, in order."""
        out: list[Quote] = []
        quotes, reach = self.quotes, self._quote_end_reach
        k = bisect.bisect_left(self._quote_mark_starts, end) - 1  # the last quote starting before end
        while k >= 0 and reach[k] > start:  # some quote up to k still ends after start
            q = quotes[k]
            if q.end > start:
                out.append(q)
            k -= 1
        out.reverse()
        return out

    def in_quote(self, offset: int) -> Quote | None:
        """The innermost quote whose inner span contains ``offset`` (of two as deep, the later)."""
        best: Quote | None = None
        quotes, reach = self.quotes, self._quote_inner_reach
        k = bisect.bisect_right(self._quote_starts, offset) - 1
        while k >= 0 and reach[k] > offset:  # some quote up to k still runs past offset
            q = quotes[k]
            if q.inner_start <= offset < q.inner_end and (best is None or q.depth > best.depth):
                best = q
            k -= 1
        return best

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.prose[p.start : p.end]


#: A line ends at "\n", "\r\n" or a lone "\r" (old Mac files; the Language Server Protocol counts
#: the same three).
_NEWLINE = recache.compile(r"\r\n?|\n")
_LONE_CR = recache.compile(r"\r(?!\n)")


def _line_starts(text: str) -> list[int]:
    """The offset of every line's start in ``text``, the first line's 0 included."""
    if "\r" in text:
        return [0, *(m.end() for m in _NEWLINE.finditer(text))]
    # Each line starts one past the end of the one before: a running sum of length + 1.
    return list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))

# ---------------------------------------------------------------- kind guessing

_MD_HINT = recache.compile(
    r"^(?:#{1,6} \S|```|~~~|> |[-*+] \S|\d{1,3}\. \S)|\[[^\]\n]+\]\([^)\n]+\)|\*\*\S|<!--",
    re.M,
)


def guess_kind(path: str, text: str) -> str:
    """``markdown``, ``html`` or ``text`` from the path's suffix, or the text itself for stdin."""
    suffix = Path(path.split("#", 1)[0]).suffix.lower() if path != "<stdin>" else ""
    kind = FILE_KINDS.get(suffix)
    if kind is not None:
        return kind
    if path not in ("<stdin>", "-"):
        return "text"
    head = text.lstrip("\ufeff")
    if re.match(r"---[ \t]*\r?\n", head):
        return "markdown"
    if head.lstrip().startswith("<"):
        return "html"
    if _MD_HINT.search(head[:5000]):
        return "markdown"
    return "text"


# ---------------------------------------------------------------- dates

_ISO_DATE = recache.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: Any) -> datetime.date | None:
    """A date from a YAML value or a string ("2025-12-30", ISO datetimes, "Dec 30, 2025").

    Returns ``None`` when the value is not a fully specified date (year, month and day).
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    s = str(value).strip()
    if not s or len(s) > 100:
        return None
    m = _ISO_DATE.match(s)
    if m:
        try:
            return datetime.date.fromisoformat(m.group())
        except ValueError:
            return None
    from dateutil import parser as dateparser  # only for a date that is not ISO

    try:
        a = dateparser.parse(s, default=datetime.datetime(2000, 1, 1))
        b = dateparser.parse(s, default=datetime.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if a is None or b is None or a.date() != b.date():
        return None
    return a.date()


_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PREFIX = (
    r"^[ \t]*(?:(?:Published|Posted|Dateline)(?:[ \t]+on)?:?[ \t]+)?"
    r"(?:[A-Z][A-Za-z.'’\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.\- ]{1,30})?,[ \t]+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
)
_AFTER = r"[ \t]*(?=$|\(|[-—–:/|]|\d{1,2}:\d{2})"
_DATELINE = recache.compile(
    _PREFIX
    + r"(?:"
    + _MONTH
    + r"[ \t]+(?P<day>\d{1,2}),?[ \t]+(?P<year>\d{4})"
    + r"|(?P<day2>\d{1,2})[ \t]+"
    + _MONTH.replace("?P<mon>", "?P<mon2>")
    + r",?[ \t]+(?P<year2>\d{4})"
    + r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
    + _AFTER,
    re.M,
)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _offset(text: str, line: int, column: int) -> int:
    """The offset of 1-based ``line`` and ``column`` in ``text`` (lines end at "\n")."""
    pos = 0
    for _ in range(line - 1):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return min(pos + column - 1, len(text))


def _dateline(prose: str, body_start: int) -> tuple[datetime.date, tuple[int, int]] | None:
    m0 = re.compile(r"\S").search(prose, body_start)
    if not m0:
        return None
    window = prose[: m0.start() + DATELINE_WINDOW]
    for m in _DATELINE.finditer(window, m0.start()):
        try:
            if m.group("iso"):
                return datetime.date.fromisoformat(m.group("iso")), m.span()
            mon = m.group("mon") or m.group("mon2")
            day = m.group("day") or m.group("day2")
            year = m.group("year") or m.group("year2")
            return datetime.date(int(year), _MONTHS[mon[:3].lower()], int(day)), m.span()
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------- front matter


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], int, dict[str, tuple[int, int]]]:
    """Parse the front matter: ``(meta, body_start, value_positions)``; ``({}, 0, {})`` when
    absent. ``value_positions`` maps each top-level key to the 1-based line and column of its
    value in the file. The YAML is bounded like every YAML factlint reads
    (``linter.yamlsrc.compose``: no alias bombs, no recursive aliases)."""
    try:
        span = markup.front_matter_span(text)
    except ValueError as exc:
        raise DocumentError(path, 1, 1, str(exc)) from None
    if span is None:
        return {}, 0, {}
    yaml = yamlsrc.yaml  # imported at its first use: only for an article with front matter

    ys, ye, end = span
    src = text[ys:ye]
    first_line = text.count("\n", 0, ys) + 1  # the file line of the YAML's first line
    try:
        node = yamlsrc.compose(src)
        data = yamlsrc.construct(node) if node is not None else None
    except yamlsrc.YamlLimitError as exc:
        raise DocumentError(path, exc.line + first_line - 1, exc.column,
                            f"front matter is not valid YAML: {exc.message}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else 1
        col = mark.column + 1 if mark else 1
        raise DocumentError(path, line, col, f"front matter is not valid YAML: {exc.problem or exc}") from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise DocumentError(path, first_line, 1, f"front matter is not valid YAML: {exc}") from None
    if data is None:
        return {}, end, {}
    if not isinstance(data, dict):
        raise DocumentError(path, first_line, 1, f"front matter must be a mapping, not {type(data).__name__}")
    positions: dict[str, tuple[int, int]] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                positions[str(k.value)] = (v.start_mark.line + first_line, v.start_mark.column + 1)
    meta = {str(k): v for k, v in data.items()}
    return meta, end, positions


# ---------------------------------------------------------------- paragraphs

_FINAL_PUNCT = recache.compile(r"[.!?:;,…][\"”’')\]]*$")
_SENTENCE_END_CHARS = frozenset(".!?:;\"”’')]…")


def _trim(prose: str, a: int, b: int) -> tuple[int, int] | None:
    seg = prose[a:b]
    left = seg.lstrip()
    if not left:
        return None
    a += len(seg) - len(left)
    return a, b - (len(left) - len(left.rstrip()))


#: A paragraph of hard-wrapped text, trimmed (group 1): a non-blank line and the lines right
#: after it that are neither blank nor indented. A blank line or an indented line ends it.
_WRAPPED_PARAGRAPH = recache.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?(?:[^\S\n]*\n(?![ \t])[^\n]*\S)*)", re.M)
#: A non-blank line, trimmed (group 1).
_LINE_PARAGRAPH = recache.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.M)


def _text_paragraphs(prose: str, start: int) -> list[tuple[int, int, str]]:
    # The non-blank lines starting at or after ``start``.
    if start and prose[start - 1] != "\n":
        start = prose.find("\n", start) + 1 or len(prose)
    lines = list(filter(str.strip, prose[start:].split("\n")))
    if not lines:
        return []
    # Hard-wrapped? Most lines end mid-sentence and none is very long.
    wrapped = False
    if len(lines) >= 3 and max(map(len, lines)) <= 150:
        inner = lines[:-1]
        ends = [line.rstrip()[-1] for line in inner]
        mid = len(ends) - sum(map(_SENTENCE_END_CHARS.__contains__, ends))
        full = sum(map((40).__le__, map(len, inner)))  # lines of 40 characters or more
        wrapped = mid > 0.5 * len(inner) and full > 0.5 * len(inner)
        if not wrapped:
            # Indented paragraph starts with unindented continuation lines: wrapped too.
            indented = sum(line[0] in " \t" for line in lines[1:])
            wrapped = 0 < indented < len(inner) and mid > 0
    # Wrapped text starts a paragraph at a blank or an indented line, other text at every line.
    pattern = _WRAPPED_PARAGRAPH if wrapped else _LINE_PARAGRAPH
    return _plain_headings(prose, [(*m.span(1), "body") for m in pattern.finditer(prose, start)])


def _plain_headings(prose: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Mark short one-line body paragraphs without final punctuation as headings."""
    out = spans.copy()
    for i in range(len(spans) - 1):  # the last paragraph is followed by none: no heading
        a, b, kind = spans[i]
        if (
            b - a < (100 if i == 0 else 60)
            and kind == "body"
            and prose.find("\n", a, b) < 0
            and not _FINAL_PUNCT.search(prose, a, b)
        ):
            out[i] = (a, b, "heading")
    return out


def _markdown_paragraphs(prose: str, kinds: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    # A line over 150 characters means the text is not hard-wrapped: then (as in the seeds put
    # under front matter) every line is a paragraph and short unpunctuated lines are headings.
    line_mode = any(b - a > 150 for a, b, k in kinds if k != "blank")
    out: list[list[Any]] = []
    cur: list[Any] | None = None
    for a, b, kind in kinds:
        if line_mode and kind != "setext":
            cur = None
        if kind == "setext":
            if cur is not None:
                cur[2] = "heading"
            cur = None
            continue
        if kind == "blank" or not prose[a:b].strip():
            cur = None
            continue
        if kind == "heading":
            out.append([a, b, "heading"])
            cur = None
        elif kind == "item":
            cur = [a, b, "list_item"]
            out.append(cur)
        elif kind == "blockquote" and (cur is None or cur[2] != "blockquote"):
            cur = [a, b, "blockquote"]
            out.append(cur)
        elif cur is None:
            cur = [a, b, "body"]
            out.append(cur)
        else:
            cur[1] = b
    result: list[tuple[int, int, str]] = []
    for a, b, kind in out:
        t = _trim(prose, a, b)
        if t is not None:
            result.append((t[0], t[1], kind))
    return _plain_headings(prose, result) if line_mode else result


_BLANK_LINE = recache.compile(r"\n[ \t\r\f\v]*\n")


def _html_paragraphs(prose: str, breaks: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    bounds = [(0, "body"), *breaks, (len(prose), "body")]
    out: list[tuple[int, int, str]] = []
    for (a, kind), (b, _k) in zip(bounds, bounds[1:], strict=False):
        if b <= a or not prose[a:b].strip():
            continue
        pos = a
        for m in _BLANK_LINE.finditer(prose, a, b):
            t = _trim(prose, pos, m.start())
            if t:
                out.append((t[0], t[1], kind))
            pos = m.end()
        t = _trim(prose, pos, b)
        if t:
            out.append((t[0], t[1], kind))
    return out


# ---------------------------------------------------------------- loading


def _collapse(s: str) -> str:
    return " ".join(s.split())


def load_text(
    text: str,
    path: str = "<stdin>",
    kind: str | None = None,
    date: datetime.date | None = None,
    title: str | None = None,
    standfirst: str | None = None,
    truncation: Truncation | None = None,
    default_date: datetime.date | None = None,
    split: Callable[[str, int, int], list[tuple[int, int]]] | None = None,
) -> Document:
    """Build a ``Document`` from ``text``; ``kind`` None guesses from ``path`` (see ``guess_kind``).

    ``date`` overrides the publication date the text carries; ``default_date`` (the
    configuration's ``default-date``) is used only when the text carries none. ``title`` is a headline given
    beside the text (an archive record's ``title``): it is the document's title when the text
    names none, and when the text's first line is that headline, the line becomes a paragraph
    of kind ``title`` of its own (archives run headlines into the body with one newline).
    ``standfirst`` is a record's description (a dek): when it is the line after that headline,
    the document notes where it is (``Document.standfirst``). ``truncation`` says that ``text`` is
    the first part of a longer input (``truncate``): an ``input/truncated`` finding reports it.

    A lone ``\r`` ends a line as ``\n`` does. A publication date outside ``MIN_PUB_DATE`` ..
    ``MAX_PUB_DATE`` is not used (an ``input/date-out-of-range`` finding says so).

    ``split(prose, start, end)`` gives the sentences of a paragraph as ``split_sentences`` does
    (the language server's memo, ``linter.memo``).
    """
    notices: list[Notice] = []
    original = text
    if "\r" in text:  # structure a lone-CR file as it reads: the prose keeps "\n" there
        text = _LONE_CR.sub("\n", text)
    if kind is None:
        kind = guess_kind(path, text)
    if kind not in ("markdown", "text", "html"):
        raise ValueError(f"unknown document kind {kind!r}; expected markdown, text or html")
    meta: dict[str, Any] = {}
    key_pos: dict[str, tuple[int, int]] = {}
    body_start = 0
    given_title, title = title, None
    pub_date: datetime.date | None = None
    source: str | None = None
    html_mask: markup.HtmlMask | None = None

    if kind == "html":
        html_mask = markup.mask_html(text)
        prose = html_mask.prose
        spans = _html_paragraphs(prose, html_mask.breaks)
    else:
        if text.startswith("---"):
            if kind == "markdown":
                meta, body_start, key_pos = _front_matter(text, path)
            else:
                try:
                    has_fm = markup.front_matter_span(text) is not None
                except ValueError:
                    has_fm = False
                if has_fm:
                    meta, body_start, key_pos = _front_matter(text, path)
        if kind == "markdown":
            prose, line_kinds = markup.mask_markdown(text, body_start)
            spans = _markdown_paragraphs(prose, line_kinds)
        else:
            prose = markup.mask_text(text, body_start)
            spans = _text_paragraphs(prose, body_start)

    paragraphs = [Paragraph(i, a, b, k) for i, (a, b, k) in enumerate(spans)]
    split_paragraph = split_sentences if split is None else split
    in_paragraphs = [(a, b, p.index) for p in paragraphs for a, b in split_paragraph(prose, p.start, p.end)]
    sentences = [Sentence(i, a, b, pi, prose[a:b]) for i, (a, b, pi) in enumerate(in_paragraphs)]

    # Publication date, first found wins; one outside the supported years is set aside.
    def usable(d: datetime.date | None, where: str, at: tuple[int, int]) -> datetime.date | None:
        if d is None or MIN_PUB_DATE <= d <= MAX_PUB_DATE:
            return d
        notices.append(Notice("input/date-out-of-range", Severity.WARNING,
                              f"The publication date {d.isoformat()} ({where}) is outside the years "
                              f"{MIN_PUB_DATE.year}-{MAX_PUB_DATE.year} factlint can reason about (a CMS's "
                              "'no date' value?): the article was linted as undated.", *at))
        return None

    if date is not None:
        pub_date = usable(date, "--date or the archive record", (0, 0))
        source = "--date" if pub_date is not None else None
    if pub_date is None:
        for key in DATE_KEYS:
            if key in meta and meta[key] is not None and meta[key] != "":
                line, col = key_pos.get(key, (1, 1))
                d = parse_date(meta[key])
                if d is None:
                    shown = repr(meta[key]) if isinstance(meta[key], (str, int, float)) else type(meta[key]).__name__
                    raise DocumentError(path, line, col, f"front matter {key!r}: not a date: {shown[:80]}")
                start = _offset(text, line, col)
                end = text.find("\n", start)
                pub_date = usable(d, f"front matter {key!r}", (start, start if end < 0 else end))
                if pub_date is not None:
                    source = f"front matter {key!r}"
                break
    if pub_date is None and html_mask is not None:
        d, where = _html_date(html_mask)
        pub_date = usable(d, where or "HTML", (0, 0))
        source = where if pub_date is not None else None
    if pub_date is None:
        found = _dateline(prose, body_start)
        if found is not None:
            pub_date = usable(found[0], "dateline", found[1])
            source = "dateline" if pub_date is not None else None
    if pub_date is None and default_date is not None:
        pub_date = usable(default_date, "default-date in the configuration", (0, 0))
        source = "default-date" if pub_date is not None else None
    if truncation is not None:
        total = f"{truncation.total:,}-byte " if truncation.total is not None else ""
        notices.append(Notice("input/truncated", Severity.WARNING,
                              f"Only the first {truncation.kept:,} bytes of this {total}document were linted "
                              "(--max-bytes): the rest was not checked.", len(text), len(text)))

    # Title.
    fm_title = meta.get("title")
    if isinstance(fm_title, (str, int, float)) and str(fm_title).strip():
        title = str(fm_title).strip()
    elif html_mask is not None:
        if html_mask.title_span is not None:
            title = _collapse(prose[html_mask.title_span[0] : html_mask.title_span[1]]) or None
        if title is None:
            title = next((_collapse(prose[p.start : p.end]) for p in paragraphs if p.kind == "heading"), None)
    elif kind == "markdown":
        title = next((_collapse(prose[p.start : p.end]) for p in paragraphs if p.kind == "heading"), None)
    elif paragraphs and paragraphs[0].kind == "heading":
        title = _collapse(prose[paragraphs[0].start : paragraphs[0].end])
    if title is None and given_title:
        title = given_title
    headline_end = _headline_end(text, given_title)
    standfirst_span = None
    if headline_end is not None:
        paragraphs, sentences = _split_title_line(prose, paragraphs, sentences, headline_end)
        standfirst_span = _standfirst_span(text, headline_end, standfirst)
    quotes = find_quotes(prose, [(p.start, p.end) for p in paragraphs])

    return Document(
        path=path,
        text=original,
        prose=prose,
        kind=kind,
        meta=meta,
        pub_date=pub_date,
        pub_date_source=source,
        title=title,
        paragraphs=paragraphs,
        sentences=sentences,
        quotes=quotes,
        notices=notices,
        standfirst=standfirst_span,
        body_start=body_start,
    )


def _standfirst_span(text: str, after: int, standfirst: str | None) -> tuple[int, int] | None:
    """Where the given standfirst is the line after the headline, else None."""
    if not standfirst or not standfirst.strip():
        return None
    start = after
    while start < len(text) and text[start].isspace():
        start += 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[start:line_end].strip() == standfirst.strip():
        return start, line_end
    return None


def _headline_end(text: str, title: str | None) -> int | None:
    """The end of the text's first line when that line is the given headline, else None."""
    if not title:
        return None
    first_line = text.split("\n", 1)[0]
    if first_line.strip() and first_line.strip() == title.strip():
        return len(first_line)
    return None


def _split_title_line(prose: str, paragraphs: list[Paragraph], sentences: list[Sentence],
                      end: int) -> tuple[list[Paragraph], list[Sentence]]:
    """Make ``prose[:end]`` (an archive record's headline line) a paragraph of kind "title".

    Headlines in archives are run into the body with a single newline, which plain-text
    paragraphing may join to the next lines; the headline is split off so that rules treat it
    as a title (no sourcing or first-reference checks on headlines).
    """
    if not paragraphs or paragraphs[0].start >= end:
        return paragraphs, sentences
    p0 = paragraphs[0]
    if p0.end <= end:
        p0.kind = "title"
        return paragraphs, sentences
    rest = end
    while rest < p0.end and prose[rest].isspace():
        rest += 1
    out_paragraphs = [Paragraph(0, p0.start, end, "title"), Paragraph(1, rest, p0.end, p0.kind)]
    out_paragraphs += [Paragraph(p.index + 1, p.start, p.end, p.kind) for p in paragraphs[1:]]
    out_sentences: list[Sentence] = []
    for s in sentences:
        if s.start < end < s.end:
            head = prose[s.start:end].rstrip()
            tail_start = rest if rest < s.end else s.end
            tail = prose[tail_start:s.end].strip()
            if head:
                out_sentences.append(Sentence(0, s.start, s.start + len(head), 0, head))
            if tail:
                offset = tail_start + (len(prose[tail_start:s.end]) - len(prose[tail_start:s.end].lstrip()))
                out_sentences.append(Sentence(0, offset, offset + len(tail), 1, tail))
        else:
            para = 0 if s.end <= end else s.paragraph + 1
            out_sentences.append(Sentence(0, s.start, s.end, para, s.text))
    for i, sentence in enumerate(out_sentences):
        sentence.index = i
    return out_paragraphs, out_sentences


def _html_date(mask: markup.HtmlMask) -> tuple[datetime.date | None, str | None]:
    best: tuple[int, datetime.date, str] | None = None
    for attrs in mask.metas:
        for attr in ("property", "name", "itemprop"):
            name = attrs.get(attr, "").lower()
            if name in META_DATE_NAMES:
                rank = META_DATE_NAMES.index(name)
                d = parse_date(attrs.get("content", "") or attrs.get("datetime", ""))
                if d is not None and (best is None or rank < best[0]):
                    best = (rank, d, f"<meta {name}>")
    if best is not None:
        return best[1], best[2]
    for body in mask.json_ld:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            continue
        d = _json_ld_date(data)
        if d is not None:
            return d, "JSON-LD datePublished"
    return None, None


def _json_ld_date(data: Any, depth: int = 0) -> datetime.date | None:
    if depth > 5:
        return None
    if isinstance(data, dict):
        if "datePublished" in data:
            return parse_date(data["datePublished"])
        for v in data.values():
            if isinstance(v, (dict, list)):
                d = _json_ld_date(v, depth + 1)
                if d is not None:
                    return d
    elif isinstance(data, list):
        for v in data:
            d = _json_ld_date(v, depth + 1)
            if d is not None:
                return d
    return None


def load_path(path: Path | str, date: datetime.date | None = None) -> Document:
    """Read a UTF-8 file (a BOM is dropped) as is, newlines untouched, and load it."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), 1, 1, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise DocumentError(str(path), line, col, f"not valid UTF-8: {exc.reason}") from None
    return load_text(text, str(path), date=date)
