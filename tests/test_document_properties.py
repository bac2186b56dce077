"""Properties of ``load_text`` on arbitrary input: never crashes, offsets always honest."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.document import Document, DocumentError, load_text

_PIECES = st.sampled_from(
    [
        "---\n", "---", "...\n", "\n", "\n\n", "\r\n", " ", "    ", "\t", "<", ">", "</p>", "<p>", "<h1>",
        "<!--", "-->", "<script>", "&amp;", "&#10;", "&nbsp;", "`", "```\n", "~~~", "#", "# ", "> ", "- ",
        "* ", "1. ", "*", "_", "**", "[", "](", ")", "![", "“", "”", '"', "‘", "’", "'", ".", "?", "!",
        "…", "U.S.", "Mr.", "Jan. 3", "title: x\n", "date: 2025-13-45\n", "date: x\n", "key: [\n",
        "December 30, 2025 — ", "WASHINGTON, Dec. 30, 2025 (Reuters) - ", "é", "😀", "He said", "word",
        "factlint-disable x\n", "\\", "=====\n", "|", "\r", "a\rb\r",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=60).map("".join))
KINDS = st.sampled_from([None, "markdown", "text", "html"])


def _check(doc: Document) -> None:
    text, prose = doc.text, doc.prose
    assert len(prose) == len(text)
    # a line ends at "\n", "\r\n" or a lone "\r"; the prose has its "\n" there (a lone "\r" too)
    breaks = [m.end() - 1 for m in re.finditer(r"\r\n?|\n", text)]
    assert [i for i, c in enumerate(prose) if c == "\n"] == breaks
    n_lines = len(breaks) + 1
    last = -1
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
        assert p.start >= last  # in order, no overlap
        last = p.end
        assert p.kind in ("body", "heading", "blockquote", "list_item", "title")
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert 0 <= s.start < s.end <= len(text)
        assert s.text == prose[s.start : s.end] == s.text.strip()
        par = doc.paragraphs[s.paragraph]
        assert par.start <= s.start and s.end <= par.end
        assert doc.sentence_at(s.start) is s
    for q in doc.quotes:
        assert 0 <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.text == prose[q.inner_start : q.inner_end]
        assert q.depth >= 0 and q.paragraph == q.paragraphs[0]
    for off in (0, len(text) // 2, len(text)):
        line, col = doc.line_col(off)
        assert 1 <= line <= n_lines and col >= 1
        assert doc.offset_of(line, col) == off


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, KINDS, st.sampled_from(["<stdin>", "a.md", "a.txt", "a.html"]))
def test_load_text_never_crashes_and_keeps_offsets(text: str, kind: str | None, path: str) -> None:
    try:
        doc = load_text(text, path, kind=kind)
    except DocumentError as err:
        assert err.line >= 1 and err.column >= 1
        return
    _check(doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_front_matter_prefixed_markdown(body: str) -> None:
    text = "---\ntitle: T\n---\n" + body
    try:
        doc = load_text(text, "a.md")
    except DocumentError:
        return
    _check(doc)
    assert doc.prose[:16].strip() == ""
