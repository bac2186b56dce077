"""Quote spans: curly, straight, mixed, nested, multi-paragraph, apostrophes, unbalanced marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import load_text
from linter.quotes import find_quotes


def quotes_of(text: str) -> list[tuple[str, int, bool]]:
    doc = load_text(text, "t.txt", kind="text")
    return [(q.text, q.depth, q.closed) for q in doc.quotes]


def test_curly_quote_offsets() -> None:
    text = "He said “we will win” today."
    doc = load_text(text, "t.txt")
    (q,) = doc.quotes
    assert (q.start, q.inner_start, q.inner_end, q.end) == (8, 9, 20, 21)
    assert text[q.start : q.end] == "“we will win”"
    assert q.text == "we will win" and q.depth == 0 and q.paragraph == 0 and q.paragraphs == (0,)


def test_straight_quote() -> None:
    assert quotes_of('He said "we will win," and left.') == [("we will win,", 0, True)]


def test_mixed_curly_open_straight_close() -> None:
    text = 'Trump announced that “help is on the way." Many assumed that help would come.'
    assert quotes_of(text) == [("help is on the way.", 0, True)]


def test_two_mixed_quotes_in_one_paragraph() -> None:
    text = 'He called it “massive armada" and “a sword." Then he left.'
    assert quotes_of(text) == [("massive armada", 0, True), ("a sword.", 0, True)]


def test_nested_single_in_double() -> None:
    text = "Trump wrote: “They were hit with ‘Midnight Hammer.’ That did not work.”"
    assert quotes_of(text) == [
        ("They were hit with ‘Midnight Hammer.’ That did not work.", 0, True),
        ("Midnight Hammer.", 1, True),
    ]


def test_straight_single_nested_in_straight_double() -> None:
    text = "\"What can we say except 'we're sorry'?\" he asked."
    assert quotes_of(text) == [("What can we say except 'we're sorry'?", 0, True), ("we're sorry", 1, True)]


def test_apostrophes_are_not_quotes() -> None:
    text = "Iran’s leaders don’t like the ’90s or the students’ protests, and it's Tehran's call."
    assert quotes_of(text) == []


def test_apostrophe_inside_quote_does_not_close_it() -> None:
    text = "She said “Iran’s goal isn’t clear” yesterday."
    assert quotes_of(text) == [("Iran’s goal isn’t clear", 0, True)]


def test_single_quoted_heading() -> None:
    text = "‘Up to the Iranian people’\nIt has been reported that he would prefer not to."
    assert quotes_of(text) == [("Up to the Iranian people", 0, True)]


def test_multi_paragraph_continuation() -> None:
    text = "“We will fight on,\n“and we will win,” she said.\nNo quote here."
    doc = load_text(text, "t.txt")
    assert len(doc.paragraphs) == 3
    (q,) = doc.quotes
    assert q.start == 0 and q.end == text.index("” she") + 1
    assert q.paragraph == 0 and q.paragraphs == (0, 1)
    assert q.text == "We will fight on,\n“and we will win,"
    assert doc.in_quote(text.index("win")) is q
    assert doc.in_quote(text.index("No quote")) is None


def test_unbalanced_open_is_capped_at_paragraph() -> None:
    text = "He said “we will win.\nThe next paragraph has no marks.\nNor “this one."
    doc = load_text(text, "t.txt")
    assert [(q.text, q.closed, q.paragraph) for q in doc.quotes] == [
        ("we will win.", False, 0),
        ("this one.", False, 2),
    ]


def test_stray_closing_marks_ignored() -> None:
    assert quotes_of("A stray ” mark and a stray’ one.") == []


def test_find_quotes_directly_with_paragraph_spans() -> None:
    prose = '"a b" c\n"d'
    quotes = find_quotes(prose, [(0, 7), (8, 10)])
    assert [(q.start, q.end, q.text, q.closed) for q in quotes] == [(0, 5, "a b", True), (8, 10, "d", False)]
    assert [q.index for q in quotes] == [0, 1]


def test_quotes_in_and_in_quote_innermost() -> None:
    text = "X “a ‘b’ c” Y “d” Z"
    doc = load_text(text, "t.txt")
    assert [q.text for q in doc.quotes] == ["a ‘b’ c", "b", "d"]
    assert doc.in_quote(text.index("b")) is doc.quotes[1]
    assert doc.in_quote(text.index("a ")) is doc.quotes[0]
    assert doc.in_quote(text.index("Y")) is None
    assert doc.quotes_in(text.index("Y"), len(text)) == [doc.quotes[2]]
    assert doc.quotes_in(0, 3) == [doc.quotes[0]]


def test_typewriter_pairs_of_newswire_archives() -> None:
    text = "He said ``we can't stop now,'' and left. ``It was to be our day.'' It's the students' day."
    doc = load_text(text, "t.txt", kind="text")
    first, second = doc.quotes
    assert (first.text, first.mark, text[first.start:first.end]) == ("we can't stop now,", "``", "``we can't stop now,''")
    assert second.text == "It was to be our day." and second.closed
    # a closing pair with nothing open is ignored; an opening pair left open is capped at its paragraph
    assert quotes_of("Nothing open here'' at all.") == []
    assert quotes_of("He said ``we will win.\nNext paragraph.") == [("we will win.", 0, False)]


def test_typewriter_quote_continues_into_next_paragraph() -> None:
    text = "He said ``we will win.\n``And we will rebuild,'' he added."
    (q,) = load_text(text, "t.txt", kind="text").quotes
    assert q.paragraphs == (0, 1) and q.text.endswith("rebuild,")


_MARK_PIECES = ["“", "”", '"', "‘", "’", "'", "``", "''", "`", "word", "it’s", " ", "\n", "(", "—", "x", "1"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=30).map("".join), st.data())
def test_no_opening_mark_no_quote(prose: str, data: st.DataObject) -> None:
    # find_quotes answers text without an opening mark at once (when it is not counting its
    # work): the same as reading every mark
    cuts = sorted(data.draw(st.lists(st.integers(0, len(prose)), max_size=4)))
    bounds = [0, *cuts, len(prose)]
    paragraphs = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    assert find_quotes(prose, paragraphs) == find_quotes(prose, paragraphs, work=[0])
    if not any(c in prose for c in "“\"`‘"):
        assert find_quotes(prose, paragraphs, work=[0]) == []
