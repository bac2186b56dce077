"""Property tests of the whole pipeline: any text lints without an exception, and every finding
points inside the file with an excerpt equal to the text there."""

from __future__ import annotations

import datetime
import re

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.document import DocumentError, load_text
from linter.engine import Engine
from linter.rules import load_rules

ENGINE = Engine(load_rules())

NEWSY = st.sampled_from([
    "former President Donald Trump", "Thursday, January 14, 2026", "February 30, 2025", "It has been reported",
    "“", "”", '"', "’", "\n", "\n\n", " ", ". ", "U.S.", "Jan. 3", "reportedly", "Analysts caution that",
    "Related Articles", "Leave a Reply", "<!-- factlint-disable source/ -->", "---\n", "# ", "> ", "```\n",
    "the 75-year-old Netanyahu", "is expected to announce", "on Monday", "$40 billion", "Vance said",
    "Image Source: Google", "last Friday, March 13", "two years ago", "<p>", "</p>", "&amp;", "é", "😀", "\r", "\r\n",
])
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=40).map("".join)


def _check(text: str, kind: str, date: datetime.date | None) -> None:
    try:
        doc = load_text(text, path="x", kind=kind, date=date)
    except DocumentError:
        return
    # a line ends at "\n", "\r\n" or a lone "\r" (the "\r" of "\r\n" is the line's last character)
    lines = re.split(r"\r(?!\n)|\n", text)
    for f in ENGINE.lint(doc).findings:
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1
        start = doc.offset_of(f.line, f.column)
        end = doc.offset_of(f.end_line, f.end_column)
        assert text[start:end] == f.excerpt
        assert f.message.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["text", "markdown", "html"]),
       st.one_of(st.none(), st.dates(datetime.date(1980, 1, 1), datetime.date(2030, 12, 31))))
def test_any_text_lints_and_findings_stay_inside(text: str, kind: str, date: datetime.date | None) -> None:
    _check(text, kind, date)


def test_a_linted_document_leaves_no_cyclic_garbage() -> None:
    """The engine frees a document's objects by reference counting (Analysis.close breaks the
    view cycles), so a long archive does not keep the cyclic garbage collector busy."""
    import gc

    from linter.engine import Engine, Selection
    from linter.kb import load_kb
    from linter.rules import load_rules

    engine = Engine(load_rules(), Selection(["source/", "date/", "title/", "content/"]), kb=load_kb())
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.*"))]
    engine.lint(load_text(texts[0], date=datetime.date(2025, 12, 30)))  # build the caches first
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            engine.lint(load_text(text, date=datetime.date(2025, 12, 30)))
            engine.lint(load_text(text))
        gc.collect()
        garbage = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert garbage == []
