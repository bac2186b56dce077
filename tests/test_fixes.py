"""Fixes are edits computed from the document model: a residue block goes with its own markup
only (issue 15), a fix is applied whole or not at all, unsafe fixes wait for --unsafe-fixes,
and --fix-diff shows the change without writing it."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from linter.cli import app
from linter.finding import Edit, Fix
from linter.fixer import apply_fixes, fix_files

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def fixed(tmp_path: Path, name: str, text: str, *extra: str) -> str:
    art = tmp_path / name
    art.write_bytes(text.encode())
    r = run("check", str(art), "--fix", "--select", "content/boilerplate", *extra)
    assert r.exit_code in (0, 1), r.output
    assert "fixed 1 problem" in r.stderr, r.stderr
    return art.read_bytes().decode()


def _tags(html: str) -> list[str]:
    out: list[str] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            out.append(f"<{tag}>")

        def handle_endtag(self, tag: str) -> None:
            out.append(f"</{tag}>")

    P().feed(html)
    return out


# -- HTML: the residue's element goes whole, the markup after it stays

HTML_CASES = {
    "before </article> and <footer>": (
        "<html><body><article>\n<p>The talks resume on Monday.</p>\n<p>Leave a Reply</p>\n</article>\n"
        "<footer>Site footer</footer>\n</body></html>\n",
        "<html><body><article>\n<p>The talks resume on Monday.</p>\n</article>\n"
        "<footer>Site footer</footer>\n</body></html>\n"),
    "last in the file": (
        "<p>The talks resume on Monday.</p>\n<p>Leave a Reply</p>\n</article>\n",
        "<p>The talks resume on Monday.</p>\n</article>\n"),
    "last, no newline, closing tag on its line": (
        "<article><p>The talks resume on Monday.</p><p>Leave a Reply</p></article>",
        "<article><p>The talks resume on Monday.</p></article>"),
    "wrapped in a div beside the footer": (
        "<p>The talks resume.</p>\n<div class=\"share\"><p>Share this:</p></div><footer>f</footer>\n",
        "<p>The talks resume.</p>\n<footer>f</footer>\n"),
    "CRLF line ends": (
        "<p>The talks resume on Monday.</p>\r\n<p>Leave a Reply</p>\r\n</article>\r\n",
        "<p>The talks resume on Monday.</p>\r\n</article>\r\n"),
}


@pytest.mark.parametrize("case", list(HTML_CASES))
def test_html_residue_removed_as_an_element(tmp_path: Path, case: str):
    before, after = HTML_CASES[case]
    assert fixed(tmp_path, "a.html", before) == after
    removed = [t for t in _tags(before) if t not in _tags(after)]
    assert set(removed) <= {"<p>", "</p>", "<div>", "</div>"}  # only the residue's own markup went


def test_html_residue_in_an_unclosed_element_loses_its_text_only(tmp_path: Path):
    out = fixed(tmp_path, "a.html", "<p>The talks resume.</p><p>Leave a Reply")
    assert out == "<p>The talks resume.</p><p>"


# -- Markdown: the block with its own markers, the next block untouched

MD_CASES = {
    "block quote before a list item": (
        "The talks resume on Monday.\n\n> Leave a Reply\n- Next item is here.\n",
        "The talks resume on Monday.\n\n- Next item is here.\n"),
    "list item before a paragraph": (
        "The talks resume on Monday.\n\n- The first point.\n- Share this:\n\nThe minister spoke later.\n",
        "The talks resume on Monday.\n\n- The first point.\n\nThe minister spoke later.\n"),
    "paragraph between paragraphs": (
        "The talks resume on Monday.\n\nAdvertisement\n\nThe minister spoke later.\n",
        "The talks resume on Monday.\n\nThe minister spoke later.\n"),
    "after front matter, CRLF": (
        "---\r\ntitle: T\r\n---\r\nThe talks resume on Monday.\r\n\r\nLeave a Reply\r\n",
        "---\r\ntitle: T\r\n---\r\nThe talks resume on Monday.\r\n\r\n"),
}


def _blocks(md: str) -> list[tuple[str, str]]:
    return [(t.type, t.content) for t in MarkdownIt().parse(md) if t.content or t.type.endswith("_open")]


@pytest.mark.parametrize("case", list(MD_CASES))
def test_markdown_block_removed_with_its_own_markers(tmp_path: Path, case: str):
    before, after = MD_CASES[case]
    assert fixed(tmp_path, "a.md", before) == after
    # every block other than the residue keeps its kind (CommonMark, markdown-it)
    kept = [b for b in _blocks(after) if b[1]]
    assert all(b in _blocks(before) for b in kept)


# -- one function applies every fix: whole or not at all

def test_a_fix_is_applied_whole_or_not_at_all():
    text = "former president Smith spoke."
    two = Fix((Edit(0, 7, ""), Edit(7, 8, "P")))
    assert apply_fixes(text, [two]) == ("President Smith spoke.", 1)
    clash = Fix((Edit(7, 16, "leader"), Edit(20, 25, "talked")))
    # the second fix overlaps the first: none of its edits is applied, not even the free one
    assert apply_fixes(text, [two, clash]) == ("President Smith spoke.", 1)
    assert apply_fixes(text, [Fix((Edit(5, 2, "x"),))]) == (text, 0)  # backwards: refused
    assert apply_fixes(text, [Fix((Edit(0, 99, "x"),))]) == (text, 0)  # past the end: refused


UNSAFE_RULE = """- id: house/utilize
  severity: warning
  message: Write "use", not "utilize".
  when: sentence.text =~ "utilize"
  fix: {replace: use, applicability: unsafe}
"""


def test_unsafe_fixes_need_unsafe_fixes(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UNSAFE_RULE)
    art = tmp_path / "a.txt"
    art.write_text("They utilize the port.\n")
    r = run("check", str(art), "--rules", str(rules), "--select", "house/", "--fix", "--format", "json")
    assert art.read_text() == "They utilize the port.\n"
    assert "1 unsafe fix not applied (--unsafe-fixes applies them)" in r.stderr
    assert json.loads(r.stdout)["findings"][0]["fix"]["applicability"] == "unsafe"
    r = run("check", str(art), "--rules", str(rules), "--select", "house/", "--fix", "--unsafe-fixes")
    assert art.read_text() == "They use the port.\n" and r.exit_code == 0


def test_bad_applicability_is_a_located_error(tmp_path: Path):
    rules = tmp_path / "house.yaml"
    rules.write_text(UNSAFE_RULE.replace("unsafe}", "risky}"))
    art = tmp_path / "a.txt"
    art.write_text("They utilize the port.\n")
    r = run("check", str(art), "--rules", str(rules))
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"{rules}:5:" in r.stderr and "fix.applicability must be one of safe, unsafe" in r.stderr


def test_fix_diff_prints_the_diff_and_writes_nothing(tmp_path: Path):
    art = tmp_path / "a.md"
    text = "The talks resume on Monday.\n\n> Leave a Reply\n- Next item is here.\n"
    art.write_text(text)
    r = run("check", str(art), "--fix-diff")
    assert art.read_text() == text and r.exit_code == 1
    assert r.stdout == (f"--- a/{art}\n+++ b/{art}\n@@ -1,4 +1,3 @@\n The talks resume on Monday.\n \n"
                        "-> Leave a Reply\n - Next item is here.\n")
    art.write_text("The talks resume on Monday.\n")
    r = run("check", str(art), "--fix-diff")
    assert r.stdout == "" and r.exit_code == 0
    r = run("check", "-", "--fix-diff")
    assert r.exit_code == 2 and "--fix-diff reads files" in r.stderr


def test_fix_files_in_diff_mode_never_writes(tmp_path: Path):
    from linter.api import build_engine, load_document

    art = tmp_path / "a.md"
    art.write_text("One.\n\nLeave a Reply\n")
    findings = build_engine(select=["content/"]).lint(load_document(art.read_text(), path=str(art))).findings
    report = fix_files(findings, write=False)
    assert report.fixed == {str(art): 1} and "-Leave a Reply" in report.diffs[str(art)]
    assert art.read_text() == "One.\n\nLeave a Reply\n"


def test_former_sitting_fix_is_unsafe_when_the_kb_may_be_out_of_date(tmp_path: Path):
    art = tmp_path / "a.txt"
    art.write_text("Former U.S. President Donald Trump met Netanyahu on Monday.\n")
    r = run("check", str(art), "--date", "2025-12-30", "--format", "json")
    assert json.loads(r.stdout)["findings"][0]["fix"]["applicability"] == "safe"
    r = run("check", str(art), "--date", "2028-06-01", "--format", "json", "--fix")
    [f] = json.loads(r.stdout)["findings"]
    assert f["severity"] == "info" and f["fix"]["applicability"] == "unsafe"
    assert art.read_text().startswith("Former")  # not applied without --unsafe-fixes


# -- property: deleting a residue block leaves the document every other block had

_SENTENCES = ["The talks resume on Monday.", "The minister spoke later.", "Aides said little."]
_BLOCK = st.one_of(
    st.tuples(st.just("para"), st.sampled_from(_SENTENCES)),
    st.tuples(st.just("list"), st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3)),
    st.tuples(st.just("quote"), st.sampled_from(_SENTENCES)),
    st.tuples(st.just("heading"), st.just("Talks")),
)


def _render(blocks: list[tuple[str, object]], nl: str) -> str:
    out = []
    for kind, value in blocks:
        if kind == "list":
            out.append(nl.join(f"- {v}" for v in value))  # type: ignore[union-attr]
        elif kind == "quote":
            out.append(f"> {value}")
        elif kind == "heading":
            out.append(f"## {value}")
        else:
            out.append(str(value))
    return (nl + nl).join(out) + nl


@given(st.lists(_BLOCK, min_size=1, max_size=4), st.integers(0, 4), st.sampled_from(["para", "item", "quote"]),
       st.sampled_from(["\n", "\r\n"]))
def test_markdown_residue_removal_keeps_every_other_block(blocks, where, how, nl):
    from linter.api import build_engine, load_document

    where = min(where, len(blocks))
    with_residue = list(blocks)
    if how == "item" and where < len(blocks) and blocks[where][0] == "list":
        items = list(blocks[where][1])  # type: ignore[arg-type]
        with_residue[where] = ("list", [*items[:1], "Leave a Reply", *items[1:]])
    else:
        with_residue.insert(where, ("quote" if how == "quote" else "para", "Leave a Reply"))
    text = _render(with_residue, nl)
    doc = load_document(text, path="a.md")
    findings = build_engine(select=["content/boilerplate"]).lint(doc).findings
    assert len(findings) == 1, text
    new, count = apply_fixes(text, [findings[0].fix])
    assert count == 1

    def shape(md: str) -> list[tuple[str, str]]:
        return [(t.type, t.content) for t in MarkdownIt().parse(md.replace("\r\n", "\n"))]

    assert shape(new) == shape(_render(blocks, nl)), (text, new)
