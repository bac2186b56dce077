"""Document model: masking, offsets, line/col, paragraphs, dates, titles, errors, the seeds."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest
from conftest import SHARED_SEEDS as SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import DocumentError, guess_kind, load_path, load_text, parse_date

D = datetime.date


def para_texts(doc_text: str, **kw: object) -> list[tuple[str, str]]:
    doc = load_text(doc_text, **kw)  # type: ignore[arg-type]
    return [(p.kind, doc.prose[p.start : p.end]) for p in doc.paragraphs]


# ---------------------------------------------------------------- line/col


def test_line_col_basic_and_end() -> None:
    doc = load_text("ab\ncd\n", "t.txt")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(1) == (1, 2)
    assert doc.line_col(2) == (1, 3)  # the newline itself
    assert doc.line_col(3) == (2, 1)
    assert doc.line_col(6) == (3, 1)  # len(text)
    with pytest.raises(IndexError):
        doc.line_col(7)
    assert doc.offset_of(2, 2) == 4
    assert doc.line_count == 3


def test_line_col_counts_code_points_with_multibyte_chars() -> None:
    text = "“Café” is ’90s 😀 é.\nSecond “line” here."
    doc = load_text(text, "t.txt")
    off = text.index("😀")
    assert doc.line_col(off) == (1, 16)
    assert doc.line_col(text.index("é.")) == (1, 18)
    assert doc.line_col(text.index("line")) == (2, 9)


def test_line_col_after_front_matter() -> None:
    text = "---\ntitle: T\ndate: 2025-12-30\n---\nFormer U.S. President Donald Trump met “him” today.\n"
    doc = load_text(text, "a.md")
    off = text.index("Trump")
    assert doc.line_col(off) == (5, 30)
    assert doc.sentences[0].text == "Former U.S. President Donald Trump met “him” today."
    assert doc.line_col(doc.sentences[0].start) == (5, 1)
    assert doc.prose[: text.index("Former")].strip() == ""


def test_crlf_kept_in_text_and_blank_in_prose() -> None:
    text = "He left.\r\nShe stayed.\r\n"
    doc = load_text(text, "t.txt")
    assert doc.text == text and len(doc.prose) == len(text)
    assert "\r" not in doc.prose
    assert [s.text for s in doc.sentences] == ["He left.", "She stayed."]
    assert doc.line_col(text.index("She")) == (2, 1)


# ---------------------------------------------------------------- markdown masking


def test_markdown_masking() -> None:
    text = (
        "# The *Title*\n"
        "\n"
        "Read [the report](https://example.com/r?a=1) and ![a chart](img.png) now.\n"
        "\n"
        "<!-- factlint-disable-next-line title/former-sitting -- quoted -->\n"
        "Use `former President` **carefully** &amp; well_named_var.\n"
        "\n"
        "```python\n"
        "x = 'not prose'\n"
        "```\n"
        "\n"
        "> Quoted block\n"
        "> continues.\n"
        "\n"
        "- item one\n"
        "- item two\n"
    )
    doc = load_text(text, "a.md")
    prose = doc.prose
    assert len(prose) == len(text)
    assert [i for i, c in enumerate(prose) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    lines = prose.split("\n")
    assert lines[0] == "  The  Title "
    url = "](https://example.com/r?a=1)"
    assert lines[2] == "Read  the report" + " " * len(url) + " and " + " " * len("![a chart](img.png)") + " now."
    assert lines[4].strip() == ""
    assert lines[5] == "Use " + " " * len("`former President`") + "   carefully   &     well_named_var."
    assert lines[7].strip() == lines[8].strip() == lines[9].strip() == ""
    assert lines[11] == "  Quoted block"
    assert lines[14] == "  item one"
    assert doc.title == "The Title"
    assert [(p.kind, prose[p.start : p.end]) for p in doc.paragraphs] == [
        ("heading", "The  Title"),
        ("body", lines[2]),
        ("body", lines[5]),
        ("blockquote", "Quoted block\n  continues."),
        ("list_item", "item one"),
        ("list_item", "item two"),
    ]
    link_text = text.index("the report")
    assert prose[link_text : link_text + 10] == "the report"


def test_markdown_plain_line_openers_match_no_line_pattern() -> None:
    # mask_markdown takes a line opening with a letter or one of _PLAIN_OPENERS as body text
    # without trying its line patterns: none may match there, and the line is not blank
    from linter import markup

    patterns = [markup._FENCE, markup._INDENTED, markup._SETEXT_EQ, markup._SETEXT_DASH, markup._THEMATIC,
                markup._ATX, markup._LINK_DEF, markup._BLOCKQUOTE, markup._LIST_ITEM]
    openers = [c for c in map(chr, range(0x3000)) if c.isalpha()] + sorted(markup._PLAIN_OPENERS)
    tails = ["", " ", "#", "---", "===", "> x", "1. x", "- x", "]: http://x", "``` x", "\t*"]
    for c in openers:
        assert c.strip(), repr(c)
        for tail in tails:
            for rx in patterns:
                assert rx.match(c + tail) is None, (rx.pattern, c + tail)
    for c in " \t#>-*_=+[`~1":  # what the patterns do match at: not plain
        assert not c.isalpha() and c not in markup._PLAIN_OPENERS
    # after white space (an indented line), only an indented code block's pattern may match
    for lead in ["".join(p) for n in range(1, 5) for p in itertools.product(sorted(markup._INDENT), repeat=n)]:
        for c in openers[::97] + sorted(markup._PLAIN_OPENERS):
            for tail in tails:
                for rx in patterns:
                    if rx is not markup._INDENTED:
                        assert rx.match(lead + c + tail) is None, (rx.pattern, lead + c + tail)


_LINES = ["", " ", "\t", "    ", "  ", "Body text.", "    Indented text.", "  two spaces", "\tTabbed “quote”",
          "   (aside)", "    'single'", "- item", "1. item", "* item", "> quoted", "# Head", "```", "~~~", "    ```",
          "===", "---", "***", "[x]: http://x", "     - nested", "   1) step", "    # not a heading", " \t mixed", "\r", "  x\r"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12).map("\n".join), st.integers(0, 20))
def test_markdown_indented_plain_lines_masked_as_by_the_patterns(text: str, start: int) -> None:
    # mask_markdown takes a line of white space and a plain opener as body text, or as an
    # indented code block where one can start, without trying the other patterns: the same
    # prose and line kinds as when every pattern is tried (_INDENT empty)
    from linter import markup

    got = markup.mask_markdown(text, min(start, len(text)))
    saved = markup._INDENT
    markup._INDENT = frozenset()
    try:
        want = markup.mask_markdown(text, min(start, len(text)))
    finally:
        markup._INDENT = saved
    assert got == want, text


def test_markdown_setext_heading_and_thematic_break() -> None:
    got = para_texts("Title here\n==========\n\nBody text.\n\n---\n\nMore.\n", path="a.md")
    assert got == [("heading", "Title here"), ("body", "Body text."), ("body", "More.")]


def test_markdown_indented_code_and_html_comment_over_lines() -> None:
    text = "Para.\n\n    code = 1\n\n<!--\nhidden\n-->\nVisible.\n"
    doc = load_text(text, "a.md")
    assert "code" not in doc.prose and "hidden" not in doc.prose
    assert [s.text for s in doc.sentences] == ["Para.", "Visible."]


def test_markdown_emphasis_only_where_markup() -> None:
    doc = load_text("A *b* and 2 * 3 and snake_case_name and __c__ end *\n", "a.md")
    assert doc.prose == "A  b  and 2 * 3 and snake_case_name and   c   end *\n"


# ---------------------------------------------------------------- HTML


HTML = """<!DOCTYPE html>
<html><head>
<title>Trump &amp; Netanyahu meet</title>
<meta property="article:published_time" content="2025-12-30T10:00:00Z">
<style>p { color: red; }</style>
<script>var x = "“not a quote”";</script>
</head><body>
<article>
<h1>Leaders meet</h1>
<p>Former U.S. President Donald Trump met&nbsp;Netanyahu. <time datetime="2020-01-01">Then</time> he left.</p>
<blockquote>“We will win,” he said.</blockquote>
<ul><li>First point</li><li>Second point</li></ul>
</article></body></html>
"""


def test_html_masking_and_structure() -> None:
    doc = load_text(HTML, "a.html")
    assert doc.kind == "html"
    assert len(doc.prose) == len(HTML)
    assert "color" not in doc.prose and "var x" not in doc.prose and "<" not in doc.prose
    assert doc.title == "Trump & Netanyahu meet"
    assert doc.pub_date == D(2025, 12, 30)
    assert doc.pub_date_source == "<meta article:published_time>"
    kinds = [(p.kind, " ".join(doc.prose[p.start : p.end].split())) for p in doc.paragraphs]
    assert kinds == [
        ("title", "Trump & Netanyahu meet"),
        ("heading", "Leaders meet"),
        ("body", "Former U.S. President Donald Trump met Netanyahu. Then he left."),
        ("blockquote", "“We will win,” he said."),
        ("list_item", "First point"),
        ("list_item", "Second point"),
    ]
    amp = HTML.index("&amp;")
    assert doc.prose[amp : amp + 5] == "&    "
    assert [q.text for q in doc.quotes] == ["We will win,"]


def test_html_meta_name_variant_and_no_time_tag() -> None:
    page = '<html><head><meta name="pubdate" content="Dec 30, 2025"></head><body><p>x</p></body></html>'
    assert load_text(page, "a.html").pub_date == D(2025, 12, 30)
    page2 = '<p><time datetime="2020-01-01">Jan 1</time> text.</p>'
    assert load_text(page2, "a.html").pub_date is None


def test_html_json_ld_date() -> None:
    page = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-06"}</script><p>x</p>'
    doc = load_text(page, "a.html")
    assert doc.pub_date == D(2024, 5, 6) and doc.pub_date_source == "JSON-LD datePublished"


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("fm", "expected", "source"),
    [
        ("date: 2025-12-30", D(2025, 12, 30), "front matter 'date'"),
        ("published: 2025-12-30T08:00:00-05:00", D(2025, 12, 30), "front matter 'published'"),
        ("publication_date: '2025-12-30'", D(2025, 12, 30), "front matter 'publication_date'"),
        ("pubDate: Dec 30, 2025", D(2025, 12, 30), "front matter 'pubDate'"),
        ("pubDate: 30 December 2025", D(2025, 12, 30), "front matter 'pubDate'"),
        ("published: 2024-01-01\ndate: 2025-12-30", D(2025, 12, 30), "front matter 'date'"),
    ],
)
def test_front_matter_dates(fm: str, expected: D, source: str) -> None:
    doc = load_text(f"---\n{fm}\n---\nWASHINGTON, Jan. 2, 2020 (Reuters) - Text.\n", "a.md")
    assert (doc.pub_date, doc.pub_date_source) == (expected, source)


def test_date_argument_overrides_everything() -> None:
    doc = load_text("---\ndate: 2025-12-30\n---\nText.\n", "a.md", date=D(2020, 1, 1))
    assert (doc.pub_date, doc.pub_date_source) == (D(2020, 1, 1), "--date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Dec. 30, 2025 (Reuters) - The official said.", D(2025, 12, 30)),
        ("December 30, 2025 — The official said.", D(2025, 12, 30)),
        ("Headline of the story\nMarch 01, 2008\nNorthrop Grumman won.", D(2008, 3, 1)),
        ("NEW YORK, Sept. 9, 2024 /PRNewswire/ -- Acme said.", D(2024, 9, 9)),
        ("30 December 2025 - Text.", D(2025, 12, 30)),
        ("Tuesday, December 30, 2025\nText.", D(2025, 12, 30)),
        ("LONDON, March 3 (AP) — No year here.", None),
        ("In May 2018 he withdrew. On December 30, 2025 nothing.", None),
        ("Text first.\n" + "x" * 400 + "\nDecember 30, 2025\n", None),
        ("February 30, 2025 — impossible day.", None),
    ],
)
def test_datelines(text: str, expected: D | None) -> None:
    doc = load_text(text, "a.txt")
    assert doc.pub_date == expected
    assert doc.pub_date_source == ("dateline" if expected else None)


def test_parse_date_values() -> None:
    assert parse_date(datetime.datetime(2025, 12, 30, 23, 0)) == D(2025, 12, 30)
    assert parse_date("2025-12-30T23:30:00Z") == D(2025, 12, 30)
    assert parse_date("Dec 30, 2025") == D(2025, 12, 30)
    assert parse_date("December 2025") is None  # no day
    assert parse_date("yesterday") is None
    assert parse_date(True) is None


def test_unparseable_front_matter_date_is_an_error_on_its_line() -> None:
    with pytest.raises(DocumentError) as err:
        load_text("---\ntitle: x\npublished: sometime soon\n---\nBody.\n", "a.md")
    assert (err.value.line, err.value.path) == (3, "a.md")
    assert "published" in err.value.message


# ---------------------------------------------------------------- front matter errors


def test_broken_front_matter_reports_line() -> None:
    with pytest.raises(DocumentError) as err:
        load_text("---\ntitle: ok\nbad: [unclosed\nmore: x\n---\nBody\n", "b.md")
    assert err.value.line >= 3
    assert str(err.value).startswith(f"b.md:{err.value.line}:")


def test_non_mapping_front_matter() -> None:
    with pytest.raises(DocumentError) as err:
        load_text("---\n- a\n- b\n---\nBody\n", "b.md")
    assert err.value.line == 2 and "mapping" in err.value.message


def test_unclosed_front_matter_in_markdown() -> None:
    with pytest.raises(DocumentError):
        load_text("---\ntitle: x\nBody\n", "b.md")
    # in plain text a leading '---' with no close is just text
    assert load_text("---\ntitle: x\nBody\n", "b.txt").meta == {}


def test_front_matter_meta_and_title() -> None:
    doc = load_text("---\ntitle: My Story\ntags: [a, b]\n---\n# Other heading\n\nBody.\n", "a.md")
    assert doc.meta == {"title": "My Story", "tags": ["a", "b"]}
    assert doc.title == "My Story"
    assert doc.paragraphs[0].kind == "heading"


def test_empty_front_matter() -> None:
    doc = load_text("---\n---\nBody.\n", "a.md")
    assert doc.meta == {} and [s.text for s in doc.sentences] == ["Body."]


# ---------------------------------------------------------------- kinds and loading


@pytest.mark.parametrize(
    ("path", "text", "kind"),
    [
        ("a.md", "x", "markdown"),
        ("a.markdown", "x", "markdown"),
        ("a.HTML", "x", "html"),
        ("a.htm", "x", "html"),
        ("a.txt", "# x", "text"),
        ("a.jsonl#7", "x", "text"),
        ("<stdin>", "---\ntitle: x\n---\nBody", "markdown"),
        ("<stdin>", "  <html><p>x</p>", "html"),
        ("<stdin>", "# Heading\n\nBody", "markdown"),
        ("<stdin>", "Just plain words.", "text"),
    ],
)
def test_guess_kind(path: str, text: str, kind: str) -> None:
    assert guess_kind(path, text) == kind


def test_load_path_utf8_sig_and_crlf(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffHe left.\r\nShe “stayed.”\r\n".encode())
    doc = load_path(f)
    assert doc.text == "He left.\r\nShe “stayed.”\r\n"
    assert doc.path == str(f) and doc.kind == "text"
    assert [q.text for q in doc.quotes] == ["stayed."]


def test_load_path_undecodable(tmp_path: Path) -> None:
    f = tmp_path / "bad.md"
    f.write_bytes(b"ok line\nbad \xff here\n")
    with pytest.raises(DocumentError) as err:
        load_path(f)
    assert (err.value.line, err.value.column) == (2, 5)


def test_unknown_kind_rejected() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        load_text("x", kind="pdf")


# ---------------------------------------------------------------- plain-text paragraphs


def test_plain_text_one_paragraph_per_line_and_headings() -> None:
    text = (
        "Trump and Netanyahu unite on Iran pressure\n\nJoint Stance on Iran\n\n"
        "Former US President Donald Trump met. Both leaders agreed.\n\nRelated Articles\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n"
    )
    doc = load_text(text, "a.txt")
    assert [(p.kind, doc.prose[p.start : p.end][:20]) for p in doc.paragraphs] == [
        ("heading", "Trump and Netanyahu "),
        ("heading", "Joint Stance on Iran"),
        ("body", "Former US President "),
        ("heading", "Related Articles"),
        ("heading", "Leave a Reply"),
        ("body", "Your email address w"),
    ]
    assert doc.title == "Trump and Netanyahu unite on Iran pressure"
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2, 2, 3, 4, 5, 5]


def test_plain_text_hard_wrapped_reuters_style() -> None:
    text = (
        "The Tower Commission report, which\n"
        "says President Reagan was ignorant about much of the Iran arms\n"
        "deal, just about ends his prospects, political analysts said.\n"
        '    "This is certification of incompetence," private political\n'
        "analyst Stephen Hess told Reuters in commenting on the Tower\n"
        "report made public today.\n"
        "    The report was damaging because it was prepared by a board\n"
        "of the Republican president's own choosing.\n"
    )
    doc = load_text(text, "r.txt")
    assert len(doc.paragraphs) == 3
    assert doc.line_col(doc.paragraphs[1].start) == (4, 5)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2]
    assert doc.sentences[1].text.startswith('"This is certification') and doc.sentences[1].text.endswith("today.")
    assert doc.quotes[0].text == "This is certification of incompetence,"


def test_plain_text_directive_lines_masked() -> None:
    text = "Body one.\nfactlint-disable title/former-sitting -- reason\nBody two.\n"
    doc = load_text(text, "a.txt")
    assert "factlint" not in doc.prose
    assert [s.text for s in doc.sentences] == ["Body one.", "Body two."]


def test_sentence_at_and_sentences_never_cross_paragraphs() -> None:
    text = "First one. Second one\nThird one."
    doc = load_text(text, "a.txt")
    assert [s.text for s in doc.sentences] == ["First one.", "Second one", "Third one."]
    s = doc.sentence_at(text.index("Second"))
    assert s is not None and s.index == 1
    assert doc.sentence_at(text.index(" Second")) is None  # the space between sentences
    assert doc.sentences_in(0, len(text)) == doc.sentences


# ---------------------------------------------------------------- the seeds


def _seed(name: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not available")
    matches = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not matches:
        pytest.skip(f"seed {name} not available")
    return matches[0]


@pytest.mark.parametrize("name", ["000", "001", "004"])
def test_seed_sentences_stay_on_their_line(name: str) -> None:
    doc = load_path(_seed(name))
    assert doc.kind == "text" and len(doc.prose) == len(doc.text)
    assert doc.sentences
    for s in doc.sentences:
        assert "\n" not in s.text
        assert doc.line_col(s.start)[0] == doc.line_col(s.end)[0]


def test_seed_000_paragraphs() -> None:
    doc = load_path(_seed("000"))
    assert len(doc.paragraphs) == 11
    assert [doc.line_col(p.start) for p in doc.paragraphs] == [(i, 1) for i in range(1, 12)]
    assert all(p.kind == "body" for p in doc.paragraphs)
    first = doc.sentences[0]
    assert first.text.startswith("Israeli Prime Minister Benjamin Netanyahu and former U.S. President Donald Trump")
    assert first.text.endswith("during a meeting on Monday.")
    assert doc.pub_date is None


def test_seed_004_quotes() -> None:
    doc = load_path(_seed("004"))
    line8 = [q for q in doc.quotes if doc.line_col(q.start)[0] == 8]
    assert len(line8) == 1
    q = line8[0]
    assert q.text.startswith("There was nothing definitive reached")
    assert q.text.endswith("will be a preference.")
    assert doc.text[q.end - 1] == '"' and doc.text[q.start] == "“" and q.closed
    line11 = [q.text for q in doc.quotes if doc.line_col(q.start)[0] == 11]
    assert line11 == ["help is on the way."]
    midnight = [q for q in doc.quotes if q.text == "Midnight Hammer."]
    assert len(midnight) == 1 and midnight[0].depth == 1
    kinds = {doc.prose[p.start : p.end]: p.kind for p in doc.paragraphs}
    assert kinds["Focusing on the nuclear program"] == "heading"
    assert kinds["‘Up to the Iranian people’"] == "heading"


@pytest.mark.parametrize("name", ["000", "001", "004"])
def test_seed_under_front_matter_as_markdown_matches_plain_text(name: str) -> None:
    plain = load_path(_seed(name))
    fm = "---\ntitle: Seed\ndate: 2025-12-30\n---\n"
    md = load_text(fm + plain.text, "seed.md")
    assert md.pub_date == D(2025, 12, 30) and md.title == "Seed"
    assert [s.text for s in md.sentences] == [s.text for s in plain.sentences]
    assert [p.kind for p in md.paragraphs] == [p.kind for p in plain.paragraphs]
    assert [q.text for q in md.quotes] == [q.text for q in plain.quotes]
    for a, b in zip(plain.sentences, md.sentences, strict=True):
        line, col = plain.line_col(a.start)
        assert md.line_col(b.start) == (line + 4, col)


def test_markdown_soft_wrapped_paragraph_still_joins_lines() -> None:
    text = "A short paragraph that\nwraps onto a second line.\n\nNext one.\n"
    doc = load_text(text, "a.md")
    assert [s.text for s in doc.sentences] == ["A short paragraph that\nwraps onto a second line.", "Next one."]


def test_markdown_long_lines_are_one_paragraph_each() -> None:
    long = "Word " * 40 + "end."
    text = f"{long}\nShort heading line\n{long}\n"
    doc = load_text(text, "a.md")
    assert [p.kind for p in doc.paragraphs] == ["body", "heading", "body"]


def test_wikinews_style_text() -> None:
    text = (
        "Apple to lower UK iTunes prices\nJanuary 09, 2008\n"
        "The European Commission has forced Apple Inc. to lower its prices.\n"
        "The change will occur within six months, Apple announced.\n"
    )
    doc = load_text(text, "w.txt")
    assert (doc.pub_date, doc.pub_date_source) == (D(2008, 1, 9), "dateline")
    assert doc.title == "Apple to lower UK iTunes prices"
    assert len(doc.paragraphs) == 4
    assert doc.sentences[2].text == "The European Commission has forced Apple Inc. to lower its prices."


def test_archive_headline_split_keeps_quote_paragraphs_in_step() -> None:
    """A quote in the body's first paragraph belongs to that paragraph, not to the headline split
    off before it (quotes were once found before the split and kept the old numbering)."""
    title = "MINISTER RESIGNS OVER BUDGET DISPUTE WITH THE TREASURY"
    text = (title + "\nThe finance minister resigned on Monday after a long dispute with\n"
            "the treasury over the budget, and he told reporters \"I am done with\n"
            "this government\" as he left the building in the capital city.\n")
    doc = load_text(text, path="a.jsonl#1", kind="text", title=title)
    assert [p.kind for p in doc.paragraphs][0] == "title"
    (q,) = doc.quotes
    assert doc.paragraphs[q.paragraph].kind != "title"
    assert doc.paragraphs[q.paragraph].start <= q.start < doc.paragraphs[q.paragraph].end
