"""``--format html``: the report parses, every finding is highlighted over exactly its text,
untrusted article text stays text, large runs are paged, and a real browser (headless
Chromium) renders the highlights.

The browser test needs Debian's ``chromium`` (``.ci/run`` installs it when it can); where it is
missing the test is skipped and says so. ``FACTLINT_SCREENSHOTS=DIR`` keeps its screenshots in
DIR (``docs/img`` for docs/report.md, see the commands there).
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPORA, REPO, SEEDS  # noqa: E402
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from linter.cli import app
from linter.finding import Finding, Severity
from linter.report import RuleInfo, RunResult, formatter
from linter.report.base import Article, KbFact
from linter.report.html import highlight, timeline_chart, write

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_EMPTY = {"rect", "line", "path", "circle", "polyline"}


class Page(HTMLParser):
    """A strict reading of a report: balanced tags, unique ids, and per finding the text of its
    highlight pieces (``data-f``) in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.pieces: dict[str, list[str]] = {}  # finding id -> text of its pieces, in order
        self.firsts: list[str] = []  # finding ids of first pieces, in document order
        self.texts: dict[str, str] = {}  # article id -> text of its .text container
        self.items: dict[str, dict[str, str]] = {}  # finding id -> attributes of its list entry
        self.articles: dict[str, str] = {}  # article anchor -> path
        self.scripts: list[str] = []
        self._text_owner: list[str] = []
        self.feed(html)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {[t for t, _ in self.stack]}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "mark" and "data-f" in a:  # a highlight, or a further piece of one
            self.pieces.setdefault(a["data-f"], []).append("")
            if "data-n" in a:
                self.firsts.append(a["data-f"])
        if tag == "li" and "data-rule" in a:
            self.items[a["id"]] = a
        if tag == "article":
            self.articles[a["id"]] = a.get("data-path", "")
        if tag == "div" and "text" in a.get("class", "").split():
            self._text_owner.append(next((t["id"] for n, t in reversed(self.stack) if n == "article"), ""))
            self.texts[self._text_owner[-1]] = ""
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SVG_EMPTY:
            self.problems.append(f"self-closed <{tag}/>")
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        _name, a = self.stack.pop()
        if tag == "div" and "text" in a.get("class", "").split():
            self._text_owner.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        if self._text_owner:
            self.texts[self._text_owner[-1]] += data
        open_marks = [a["data-f"] for t, a in self.stack if t == "mark" and "data-f" in a]
        for fid in dict.fromkeys(open_marks):
            if self.pieces[fid]:
                self.pieces[fid][-1] += data

    def highlight_text(self, fid: str) -> str:
        return "".join(self.pieces[fid])


def check_structure(page: Page) -> None:
    assert page.problems == []
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    ids = set(page.ids)
    for tag, a in page.tags:
        for attr in ("aria-describedby", "aria-labelledby"):
            for ref in a.get(attr, "").split():
                assert ref in ids, f"<{tag} {attr}={ref}> points nowhere"
        href = a.get("href", "")
        if tag == "a" and href.startswith("#"):
            assert href[1:] in ids, f"link to missing #{href[1:]}"
        for name, value in a.items():
            assert not name.startswith("on"), f"event handler attribute <{tag} {name}={value}>"
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            assert tag == "script" and "src" not in a and a.get("nonce"), f"<{tag} {a}>"


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args])
    return result.exit_code, result.output


def json_findings(*args: str) -> list[dict[str, object]]:
    code, out = cli(*args, "--format", "json", "--fail-on", "never")
    assert code == 0, out
    return json.loads(out)["findings"]  # type: ignore[no-any-return]


def assert_highlights_match(page: Page, findings: list[dict[str, object]]) -> None:
    """One highlight per finding, each over exactly the finding's text."""
    assert len(page.firsts) == len(findings) == len(page.items)
    expected = sorted((str(f["path"]), str(f["rule"]), int(f["line"]), int(f["column"]), str(f["excerpt"]))  # type: ignore[call-overload]
                      for f in findings)
    got = []
    for fid in page.firsts:
        item = page.items[fid]
        path = page.articles[fid.split("-f")[0]]
        got.append((path, item["data-rule"], int(item["data-line"]), int(item["data-col"]), page.highlight_text(fid)))
    assert sorted(got) == expected


# ---------------------------------------------------------------------------------------------
# highlighting


def test_nested_crossing_and_empty_spans():
    text = "ab <cd> ef & gh"
    spans = [(0, 7), (3, 7), (5, 12), (9, 9)]
    out = highlight(text, spans, ids=["f1", "f2", "f3", "f4"], severities=["error", "warning", "info", "info"])
    page = Page(f'<div class="text">{out}</div>')
    assert page.problems == []
    assert page.firsts == ["f1", "f2", "f3", "f4"]
    for fid, (s, e) in zip(["f1", "f2", "f3", "f4"], spans, strict=True):
        assert page.highlight_text(fid) == text[s:e]
    assert "&lt;c" in out and "d&gt;" in out and "&amp;" in out and "<cd>" not in out
    assert out.count('class="f s-info cont"') == 1  # f3 crosses f1's end: written as two pieces


def test_soft_breaks_inside_paragraphs_only():
    text = "Para one line one\nline two.\n    Para two.\n"
    out = highlight(text, [(9, 22)], ids=["x"], severities=["warning"], paragraphs=[(0, 27), (31, 40)])
    assert out.count('<span class="sb">') == 1  # the newline inside paragraph one; not the one between
    page = Page(f"<div>{out}</div>")
    assert page.highlight_text("x") == text[9:22]


_TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"'\n\u00e9\u201c\u00a0")), max_size=40)


@given(_TEXT, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=3))
def test_any_spans_give_exact_highlights(text, raw_spans, raw_paras):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in raw_spans]
    paras = sorted({(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in raw_paras})
    ids = [f"f{i}" for i in range(len(spans))]
    out = highlight(text, spans, ids=ids, severities=["info"] * len(spans), paragraphs=paras)
    page = Page(f"<div>{out}</div>")
    assert page.problems == []
    assert sorted(page.firsts) == sorted(ids)
    for fid, (s, e) in zip(ids, spans, strict=True):
        assert page.highlight_text(fid) == text[s:e]
    assert {t for t, _ in page.tags} <= {"div", "mark", "span"}


# ---------------------------------------------------------------------------------------------
# the report of a run


def test_seeds_report_parses_and_highlights_every_finding(tmp_path):
    out = tmp_path / "report.html"
    code, output = cli(str(SEEDS), "--format", "html", "--output-file", str(out))
    assert code == 1, output  # the seeds hold errors: the exit status does not change with the format
    assert output == ""  # nothing on stdout: the report went to the file
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    check_structure(page)
    findings = json_findings(str(SEEDS))
    assert_highlights_match(page, findings)
    # every article's text is shown whole (text and Markdown are shown as text)
    for anchor, path in page.articles.items():
        assert page.texts[anchor] == Path(path).read_text(encoding="utf-8")
    # seed 001's findings, in place
    seed = next(a for a, p in page.articles.items() if "001_" in p)
    assert any(fid.startswith(seed + "-") for fid in page.firsts)
    assert "Archive audit" in html and "<svg" in html
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html.split("<footer", 1)[0].replace(
        'href="https://github.com/factlint/factlint/blob/main/docs/rules.md#', "")), "a network resource"
    assert "default-src 'none'" in html


def test_one_article_with_kb_facts(tmp_path):
    out = tmp_path / "one.html"
    seed = SEEDS / "001_535466d225eb473c.txt"
    code, _ = cli(str(seed), "--date", "2025-12-30", "--format", "html", "-o", str(out))
    assert code == 1
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    check_structure(page)
    assert_highlights_match(page, json_findings(str(seed), "--date", "2025-12-30"))
    assert "Archive audit" not in html  # one article: the article view alone
    former = next(fid for fid, a in page.items.items() if a["data-rule"] == "title/former-sitting")
    entry = html.split(f'id="{former}"', 1)[1].split("</li>", 1)[0]
    assert "Knowledge base: <strong>Donald Trump</strong>, born 1946-06-14" in entry
    assert "<td>President of the United States</td><td>2025-01-20</td><td>in office</td>" in entry
    assert 'href="https://github.com/factlint/factlint/blob/main/docs/rules.md#titleformer-sitting"' in html


def test_age_finding_shows_birth_date(tmp_path):
    article = tmp_path / "age.md"
    article.write_text("---\ndate: 2026-02-12\n---\nBenjamin Netanyahu, 75, said he would run again.\n")
    out = tmp_path / "age.html"
    cli(str(article), "--format", "html", "-o", str(out), "--select", "date/age-mismatch")
    html = out.read_text(encoding="utf-8")
    assert "Knowledge base: <strong>Benjamin Netanyahu</strong>, born 1949-10-21" in html
    assert "aged 76 on the publication date, 2026-02-12" in html


INJECTION = ('Officials met on Monday.\n\nImage Source: Google "><img src=x onerror=alert(1)><script>alert(1)</script>\n\n'
             'TK "><img src=x onerror=alert(4)>\n\nIt has been reported <script>alert("x")</script> that the deal is off.\n')


def test_injected_markup_is_shown_as_text(tmp_path):
    article = tmp_path / "inject.txt"
    article.write_text(INJECTION, encoding="utf-8")
    archive = tmp_path / "inject.jsonl"
    archive.write_text(json.dumps({"id": '"><img src=x onerror=alert(5)>', "date": "2025-01-01",
                                   "title": "<script>alert(6)</script>", "text": INJECTION}) + "\n")
    out = tmp_path / "inject.html"
    cli(str(article), str(archive), "--date", "2025-01-01", "--format", "html", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    check_structure(page)
    assert not any(tag == "img" for tag, _ in page.tags)
    assert [tag for tag, _ in page.tags].count("script") == 1 and "alert(" not in "".join(page.scripts)
    for text in page.texts.values():
        assert text == INJECTION  # the markup is text, character for character
    findings = json_findings(str(article), str(archive), "--date", "2025-01-01")
    assert len(findings) >= 6
    assert_highlights_match(page, findings)
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in html and "&#34;&gt;&lt;img src=x onerror=alert(5)&gt;" in html


def test_untrusted_rule_ids_and_messages_are_escaped(tmp_path):
    evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    text = f"Say {evil} now."
    start = text.index(evil)
    f = Finding("a.txt", 1, start + 1, 1, start + len(evil) + 1, "house/x" + evil, Severity.ERROR, evil, evil)
    article = Article("a.txt" + evil, text, "text", [f], [(start, start + len(evil))], title=evil,
                      facts={0: KbFact(evil, evil, None, [(evil, evil, "")], 0, evil)})
    result = RunResult([f], 1, [evil], {f.rule: RuleInfo(f.rule, Severity.ERROR, evil, evil)}, articles=[article])
    html = formatter("html")(result)
    page = Page(html)
    check_structure(page)
    assert not any(tag == "img" for tag, _ in page.tags)
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert page.highlight_text(page.firsts[0]) == evil


def test_html_article_shows_its_body_text(tmp_path):
    article = tmp_path / "page.html"
    article.write_text('<html><head><title>Deal &amp; more</title><meta property="article:published_time" '
                       'content="2025-12-30"><script>var x = "<b>";</script></head><body><p>Former U.S. '
                       "President <b>Donald</b> Trump met them.</p><p>It has been reported that it ended.</p>"
                       "</body></html>", encoding="utf-8")
    out = tmp_path / "page-report.html"
    cli(str(article), "--format", "html", "-o", str(out))
    page = Page(out.read_text(encoding="utf-8"))
    check_structure(page)
    findings = json_findings(str(article))
    assert {f["rule"] for f in findings} >= {"title/former-sitting", "source/weasel"}
    [text] = page.texts.values()
    shown = " ".join(text.split())
    assert "<b>" not in shown and "var x" not in shown
    assert shown.startswith("Deal & more Former U.S. President Donald Trump met them.")
    for fid in page.firsts:
        rule = page.items[fid]["data-rule"]
        excerpt = next(str(f["excerpt"]) for f in findings if f["rule"] == rule)
        visible = re.sub(r"<[^>]*>", " ", excerpt)
        assert " ".join(page.highlight_text(fid).split()) == " ".join(visible.split())


# ---------------------------------------------------------------------------------------------
# archives: paged, aggregated


def _archive(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "archive.jsonl"
    months = ["2025-01-15", "2025-03-02", "2025-03-20", ""]
    with path.open("w") as fh:
        for i in range(n):
            text = (f"Story {i}. It has been reported that talks failed. Leave a Reply\n\n"
                    if i % 3 else f"Story {i}. Officials said talks failed on Monday.\n")
            fh.write(json.dumps({"id": f"s{i}", "date": months[i % 4], "text": text}) + "\n")
    return path


def test_archive_is_paged_and_bounded(tmp_path):
    from linter.api import build_engine
    from linter.report.html import collect_articles
    from linter.runner import collect, lint_items, make_document

    archive = _archive(tmp_path, 23)
    inputs = collect([str(archive)])
    engine = build_engine()
    from linter.config import Config

    findings = sorted(lint_items(inputs.items, Config(), engine).findings, key=lambda f: f.sort_key())
    assert findings
    result = RunResult(findings, len(inputs.items), [], {})
    out = tmp_path / "audit.html"
    folder = tmp_path / "audit_files"
    folder.mkdir()
    (folder / "page-0099.html").write_text("stale")
    result.articles = collect_articles(inputs.items, findings, load=make_document, analyse=engine.analyse)
    written = write(result, out, page_size=4)
    with_findings = len({f.path for f in findings})
    pages = sorted(folder.glob("page-*.html"))
    assert len(pages) == -(-with_findings // 4) and out in written and len(written) == len(pages) + 1
    summary = out.read_text(encoding="utf-8")
    page = Page(summary)
    check_structure(page)
    assert page.firsts == []  # the archive view holds no article text
    for target in re.findall(r'href="(audit_files/page-\d+\.html)(?:#(a\d+))?"', summary):
        linked = Page((tmp_path / target[0]).read_text(encoding="utf-8"))
        check_structure(linked)
        if target[1]:
            assert target[1] in linked.ids
    seen = 0
    for p in pages:
        pg = Page(p.read_text(encoding="utf-8"))
        check_structure(pg)
        seen += len(pg.firsts)
        for fid in pg.firsts:
            path = pg.articles[fid.split("-f")[0]]
            item = pg.items[fid]
            f = next(f for f in findings if f.path == path and f.rule == item["data-rule"]
                     and f.line == int(item["data-line"]) and f.column == int(item["data-col"]))
            assert pg.highlight_text(fid) == f.excerpt
    assert seen == len(findings)
    # the counts table says what the findings say
    for rule in {f.rule for f in findings}:
        n = sum(1 for f in findings if f.rule == rule)
        row = summary.split(f">{rule}</a>", 1)[1].split("</tr>", 1)[0]
        assert f'<td class="n">{n}</td>' in row
    # a second, shorter report removes the pages it no longer has
    result.articles = collect_articles(inputs.items, findings, load=make_document, analyse=engine.analyse)
    write(result, out, page_size=1000)
    assert not folder.exists()
    one = Page(out.read_text(encoding="utf-8"))
    assert len(one.firsts) == len(findings)


def _synthetic(n: int):
    """``n`` articles of 2,000 characters with three findings each, made one at a time."""
    body = ("It has been reported that the talks failed. " * 45)[:2000]
    for k in range(n):
        fs = [Finding(f"s{k}", 1, 1 + 45 * j, 1, 21 + 45 * j, "source/weasel", Severity.WARNING, "Unsourced", body[45 * j:45 * j + 20])
              for j in range(3)]
        yield Article(f"archive.jsonl#s{k}", body, "text", fs, [(45 * j, 45 * j + 20) for j in range(3)],
                      date=datetime.date(2025, 1 + k % 12, 1))


def test_writing_an_archive_keeps_memory_bounded(tmp_path):
    """The pages are written as they fill: ten times the articles, about the same peak memory."""
    import tracemalloc

    write(RunResult([], 1, [], {}, articles=_synthetic(1)), tmp_path / "warm.html")  # templates compiled
    peaks = []
    for n in (150, 1500):
        result = RunResult([], n, [], {}, articles=_synthetic(n))
        tracemalloc.start()
        write(result, tmp_path / f"r{n}.html", page_size=50)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert len(list((tmp_path / f"r{n}_files").glob("page-*.html"))) == n // 50
    assert peaks[1] < 1.5 * peaks[0], peaks  # holding every view would take ten times as much


def test_timeline_chart_counts_months_and_gaps():
    from collections import Counter

    counts = Counter({("2025-01", "date", "error"): 3, ("2025-03", "date", "warning"): 1,
                      ("undated", "source", "info"): 2})
    chart = timeline_chart(counts)
    assert chart["months"] == ["2025-01", "2025-02", "2025-03", "undated"]
    assert chart["families"] == ["date", "source"]
    bars = {(b["month"], b["sev"]): b for row in chart["rows"] for b in row["bars"]}
    assert bars[("2025-01", "error")]["h"] > bars[("2025-03", "warning")]["h"] > 0
    assert [r["total"] for r in chart["rows"]] == [4, 2]
    assert [t["label"] for t in chart["ticks"]] == ["Jan", "Feb", "Mar", "n.d."]


def test_render_without_articles_lists_the_findings():
    f = Finding("a.md", 3, 5, 3, 9, "source/weasel", Severity.WARNING, "Unsourced", "it is")
    html = formatter("html")(RunResult([f], 1))
    page = Page(html)
    check_structure(page)
    assert "The text of this article is not part of the report" in html and len(page.items) == 1


# ---------------------------------------------------------------------------------------------
# --output-file for every format


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "checkstyle", "junit"])
def test_output_file_holds_what_stdout_would(tmp_path, fmt):
    seed = str(SEEDS / "000_5b1bdec33577ccee.txt")
    code, stdout = cli(seed, "--format", fmt)
    out = tmp_path / "out"
    code2, printed = cli(seed, "--format", fmt, "--output-file", str(out))
    assert code == code2 == 1 and printed == ""
    assert out.read_text(encoding="utf-8") == stdout


def test_output_file_in_a_missing_folder_is_a_usage_error(tmp_path):
    code, output = cli(str(SEEDS), "--output-file", str(tmp_path / "no" / "such" / "r.html"), "--format", "html")
    assert code == 2 and "cannot write" in output


def test_wheel_ships_the_templates():
    hatch = pytest.importorskip("hatchling.builders.wheel")
    builder = hatch.WheelBuilder(str(REPO))
    shipped = {f.distribution_path.replace(os.sep, "/") for f in builder.recurse_included_files()}
    for name in ("report.html.j2", "report.css", "report.js"):
        assert f"linter/report/html_templates/{name}" in shipped


# ---------------------------------------------------------------------------------------------
# a real browser

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (Debian package 'chromium'; .ci/run installs it with "
                "apt-get where it can): the browser test is skipped")


def _browser(chromium: str, tmp_path: Path, url: str, *extra: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    run = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, url],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _keep(shot: Path, name: str) -> None:
    keep = os.environ.get("FACTLINT_SCREENSHOTS")
    if keep:
        shutil.copyfile(shot, Path(keep) / name)


def test_browser_renders_the_highlights(tmp_path, monkeypatch):
    chromium = _chromium()
    monkeypatch.chdir(REPO)  # paths in the report as a user would type them (the screenshots show them)
    article = tmp_path / "inject.txt"
    article.write_text(INJECTION, encoding="utf-8")
    out = tmp_path / "report.html"
    cli("seeds", str(article), "--format", "html", "-o", str(out))
    findings = json_findings("seeds", str(article))
    dom = _browser(chromium, tmp_path, out.as_uri(), "--dump-dom")
    page = Page(dom)
    body = next(a for t, a in page.tags if t == "body")
    assert body.get("data-ready") == "1", "the report's script did not run"
    assert int(body["data-highlights"]) == len(findings)
    assert int(body["data-rendered"]) == len(findings), "a highlight has no box on screen"
    assert_highlights_match(page, findings)
    assert not any(tag == "img" for tag, _ in page.tags)
    assert INJECTION in page.texts.values()
    # the article view with the first finding's details open, on a desktop and on a phone
    one = tmp_path / "seed-001.html"
    cli("seeds/001_535466d225eb473c.txt", "--date", "2025-12-30", "--format", "html", "-o", str(one))
    focused = Page(_browser(chromium, tmp_path, one.as_uri() + "#focus=m-a1-f1", "--dump-dom"))
    tip = next(a for t, a in focused.tags if a.get("id") == "tip")
    assert "hidden" not in tip, "focusing a highlight did not open its details"
    for name, size in (("report-article.png", (1280, 1000)), ("report-phone.png", (390, 900))):
        shot = tmp_path / name
        _browser(chromium, tmp_path, one.as_uri() + "#focus=m-a1-f1", f"--window-size={size[0]},{size[1]}",
                 "--hide-scrollbars", f"--screenshot={shot}")
        assert _png_size(shot) == size and shot.stat().st_size > 20_000  # not a blank page
        _keep(shot, name)


def test_browser_archive_view_of_the_politics_archive(tmp_path, shared, monkeypatch):
    chromium = _chromium()
    archive = CORPORA / "reuters21578" / "reuters21578_politics_people.jsonl"
    if not archive.is_file():
        pytest.skip(f"{archive} is not present")
    monkeypatch.chdir(REPO)
    out = tmp_path / "politics.html"
    code, _ = cli(os.path.relpath(archive, REPO), "--format", "html", "-o", str(out))
    assert code in (0, 1)
    page = Page(out.read_text(encoding="utf-8"))
    check_structure(page)
    dom = Page(_browser(chromium, tmp_path, out.as_uri(), "--dump-dom"))
    assert next(a for t, a in dom.tags if t == "body").get("data-ready") == "1"
    pages = sorted((tmp_path / "politics_files").glob("page-*.html"))
    assert pages
    first = Page(_browser(chromium, tmp_path, pages[0].as_uri(), "--dump-dom"))
    body = next(a for t, a in first.tags if t == "body")
    assert body["data-highlights"] == body["data-rendered"] == str(len(first.firsts)) != "0"
    shot = tmp_path / "report-archive.png"
    _browser(chromium, tmp_path, out.as_uri(), "--window-size=1280,2000", "--hide-scrollbars", f"--screenshot={shot}")
    assert _png_size(shot) == (1280, 2000) and shot.stat().st_size > 20_000
    _keep(shot, "report-archive.png")
