"""``--format html``: a self-contained HTML report: each article with its findings highlighted in place, and an archive view for many articles.

**Article view**: the text as published (plain text and Markdown shown as text, an HTML page as
the text of its body) with every finding highlighted at its exact span: the colour and the
underline style say its severity, a marker and its number say it again without colour; its
message, rule (linked to the rule's documentation) and, for title and age findings, the
knowledge-base facts behind it (terms of office, birth and death dates) show on hover or focus
and in the list of findings beside the text. ``j``/``k`` (or ``n``/``p``) move from finding to
finding.

**Archive view** (more than one article): counts per rule and severity, a timeline of findings
per publication month and rule family (an SVG drawn when the report is written), the articles
with the most errors and warnings, and filters by family and severity. The summary is
aggregated while the articles stream past; article views are written only for articles with
findings. With ``--output-file``, a run with more than ``PAGE_SIZE`` such articles writes the
article views in pages beside the report (``report_files/page-0001.html`` ...), each page one
self-contained file; written to standard output, the report is one file with every view.

Everything is inline (styles, script, chart); a Content-Security-Policy forbids every network
request and every script but the report's own. Article text is untrusted: the template engine
(Jinja2) escapes everything it prints; the two parts written in Python for speed (the
highlighted text and the list of findings, tens of thousands of entries in an archive) escape
every value they print with the standard library's ``html.escape``.
"""

from __future__ import annotations

import datetime
import heapq
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape as html_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from markupsafe import Markup

from linter import __version__
from linter.finding import Finding
from linter.report.base import Article, KbFact, RuleInfo, RunResult

if TYPE_CHECKING:
    import jinja2

    from linter.document import Document
    from linter.extractions import Analysis
    from linter.kb import KnowledgeBase

__all__ = ["PAGE_SIZE", "collect_articles", "highlight", "render", "write"]

#: Article views per page when a report is written to a file.
PAGE_SIZE = 100
#: Articles listed under "most errors and warnings".
TOP_ARTICLES = 25
#: Where the bundled rules are documented (the anchor is the rule id without "/").
RULES_DOC_URL = "https://github.com/factlint/factlint/blob/main/docs/rules.md"
#: Findings of these rules (id prefixes) get the knowledge-base facts behind them.
FACT_RULES = ("title/", "date/age-")
#: Terms of office listed per person.
MAX_TERMS = 6

SEVERITIES = ("error", "warning", "info")
_ASSETS = Path(__file__).resolve().parent / "html_templates"


# ---------------------------------------------------------------------------------------------
# Collecting the articles (called by the command line for this format)


class _Item(Protocol):
    """What the command line's input items offer (``linter.runner.Item``)."""

    @property
    def path(self) -> str: ...


def collect_articles(items: Iterable[_Item], findings: Sequence[Finding], *,
                     load: Callable[[Any], Document],
                     analyse: Callable[[Document], Analysis]) -> Iterator[Article]:
    """One ``Article`` per item with findings, in input order, built as it is read.

    ``load(item)`` gives the item's document (as the run loaded it: the same ``--date``);
    ``analyse(doc)`` its analysis against the run's knowledge base, asked only for articles with
    title or age findings, to name the person behind each. Nothing is kept between articles.
    Findings whose path no item has come last, without text.
    """
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    for item in items:
        found = by_path.pop(item.path, None)
        if not found:
            continue
        doc = load(item)
        spans = [(doc.offset_of(f.line, f.column), doc.offset_of(f.end_line, f.end_column)) for f in found]
        yield Article(
            path=item.path, text=doc.text, kind=doc.kind, findings=found, spans=spans,
            date=doc.pub_date, date_source=doc.pub_date_source, title=doc.title,
            paragraphs=[(p.start, p.end) for p in doc.paragraphs],
            prose=doc.prose if doc.kind == "html" else None,
            facts=_facts(doc, found, spans, analyse),
        )
    for path, rest in by_path.items():
        yield Article(path=path, text="", kind="text", findings=rest, spans=None)


def _facts(doc: Document, findings: list[Finding], spans: list[tuple[int, int]],
           analyse: Callable[[Document], Analysis]) -> dict[int, KbFact]:
    wanted = [i for i, f in enumerate(findings) if f.rule.startswith(FACT_RULES)]
    if not wanted:
        return {}
    analysis = analyse(doc)
    try:
        # the span of each person the extractors found: mentions, "X administration", ages
        people: dict[tuple[int, int], tuple[str, str | None, bool]] = {}
        for m in analysis.mentions:
            if m.person_id:
                people.setdefault((m.start, m.end), (m.person_id, m.office_id, False))
        for a in analysis.administrations:
            people.setdefault((a.start, a.end), (a.person_id, a.office_id, False))
        for age in analysis.ages:
            if age.person_id:
                people.setdefault((age.start, age.end), (age.person_id, None, True))
        out: dict[int, KbFact] = {}
        for i in wanted:
            start, end = spans[i]
            hit = people.get((start, end)) or next(
                (v for (s, e), v in people.items() if s <= start and end <= e), None)
            if hit is not None:
                fact = person_facts(analysis.kb, hit[0], hit[1], doc.pub_date, age=hit[2])
                if fact is not None:
                    out[i] = fact
        return out
    finally:
        analysis.close()


def person_facts(kb: KnowledgeBase, person_id: str, office_id: str | None = None,
                 on: datetime.date | None = None, age: bool = False) -> KbFact | None:
    """The knowledge base's facts about ``person_id``: birth and death, the terms in
    ``office_id`` first (then the others), and with ``age`` the age on ``on``."""
    person = kb.people.get(person_id)
    if person is None:
        return None
    born = person.born.isoformat() if person.born else (str(person.born_year) if person.born_year else None)
    died = person.died.isoformat() if person.died else (str(person.died_year) if person.died_year else None)
    terms = sorted(person.terms, key=lambda t: (t.office != office_id, -t.start.toordinal()))
    rows = []
    for t in terms[:MAX_TERMS]:
        office = kb.offices.get(t.office)
        name = office.name if office is not None else t.office
        if t.acting or t.interim:
            name += " (acting)" if t.acting else " (interim)"
        rows.append((name, t.start.isoformat(), t.end.isoformat() if t.end else ""))
    note = ""
    if on is not None:
        note = f"on the publication date, {on.isoformat()}"
        if age and person.born is not None:
            years = on.year - person.born.year - ((on.month, on.day) < (person.born.month, person.born.day))
            note = f"aged {years} on the publication date, {on.isoformat()}"
    return KbFact(person.name, born, died, rows, max(0, len(terms) - MAX_TERMS), note)


# ---------------------------------------------------------------------------------------------
# Highlighting


_SOFT_BREAK = '<span class="sb">\n</span>'
_PARA_BREAK = ' <span class="pb" aria-hidden="true"></span>'
#: stand-ins for a soft line break and a paragraph break while the text is cut and escaped (one
#: character each, so offsets stay put; private-use code points that escaping leaves alone)
_SOFT, _PARA = "\ue000", "\ue001"


def _display(text: str, paragraphs: Sequence[tuple[int, int]], html: bool) -> tuple[str, bool]:
    """``text`` with the newlines inside paragraphs (plain text and Markdown) or the whitespace
    before each paragraph but the first (HTML) replaced by a stand-in; unchanged (and False)
    when the text holds a stand-in itself or there is nothing to mark."""
    if not paragraphs or _SOFT in text or _PARA in text:
        return text, False
    pieces: list[str] = []
    last = 0
    if html:
        for a, _b in sorted(paragraphs)[1:]:
            if a > last and text[a - 1].isspace():
                pieces.append(text[last:a - 1])
                pieces.append(_PARA)
                last = a
    else:
        for a, b in sorted(paragraphs):
            a = max(a, last)
            if b > a and "\n" in text[a:b]:
                pieces.append(text[last:a])
                pieces.append(text[a:b].replace("\n", _SOFT))
                last = b
    if not pieces:
        return text, False
    pieces.append(text[last:])
    return "".join(pieces), True


def highlight(text: str, spans: Sequence[tuple[int, int]], *, ids: Sequence[str],
              severities: Sequence[str], numbers: Sequence[int] | None = None,
              paragraphs: Sequence[tuple[int, int]] = (), html: bool = False) -> Markup:
    """``text`` escaped, with finding ``i`` wrapped in ``<mark>`` over ``spans[i]``.

    Spans may nest or cross: a finding is then written as several ``<mark>`` pieces that share
    ``data-f`` (the first has the finding's id, ``tabindex`` and number; the others the class
    ``cont``), so that the pieces' text, read in order, is exactly ``text[start:end]``. An empty
    span gives an empty ``<mark>``. Inside a paragraph, a newline of hard-wrapped text is a soft
    break (the browser reflows it; the text keeps it). With ``html`` each paragraph but the first
    gets a break of its own (the blanked markup is collapsed by the style sheet).
    """
    size = len(text)
    display, marked = _display(text, paragraphs, html)
    events: list[tuple[int, int, int, int]] = []  # (offset, order, -end, finding)
    for i, (s, e) in enumerate(spans):
        s = max(0, min(s, size))
        e = max(s, min(e, size))
        if s == e:
            events.append((s, 1, 0, i))  # empty: after the closes, before the opens
        else:
            events.append((e, 0, 0, i))
            events.append((s, 2, -e, i))  # at one offset the longest opens first
    events.sort()

    def open_tag(i: int, first: bool) -> str:
        sev = severities[i]
        if first:
            n = numbers[i] if numbers is not None else i + 1
            return (f'<mark id="m-{ids[i]}" class="f s-{sev}" data-f="{ids[i]}" data-n="{n}" '
                    f'tabindex="0" aria-describedby="{ids[i]}">')
        return f'<mark class="f s-{sev} cont" data-f="{ids[i]}">'

    out: list[str] = []
    stack: list[int] = []
    prev = 0
    k = 0
    while k < len(events):
        pos = events[k][0]
        if pos > prev:
            out.append(html_escape(display[prev:pos]))
            prev = pos
        closing = set()
        while k < len(events) and events[k][0] == pos and events[k][1] == 0:
            closing.add(events[k][3])
            k += 1
        if closing:  # close down to the last ending span, then reopen the others
            reopen: list[int] = []
            while closing:
                i = stack.pop()
                out.append("</mark>")
                if i in closing:
                    closing.discard(i)
                else:
                    reopen.append(i)
            for i in reversed(reopen):
                out.append(open_tag(i, False))
                stack.append(i)
        while k < len(events) and events[k][0] == pos:
            _pos, kind, _end, i = events[k]
            if kind == 1:
                out.append(open_tag(i, True)[:-1] + ' data-empty="1"></mark>')
            else:
                out.append(open_tag(i, True))
                stack.append(i)
            k += 1
    if prev < size:
        out.append(html_escape(display[prev:]))
    out.extend("</mark>" for _ in stack)
    result = "".join(out)
    if marked:
        result = result.replace(_SOFT, _SOFT_BREAK).replace(_PARA, _PARA_BREAK)
    return Markup(result)


# ---------------------------------------------------------------------------------------------
# Article views and the archive summary


def _e(value: object) -> str:
    return html_escape(str(value))


_BADGES = {s: f'<span class="badge s-{s}"><span class="icon" aria-hidden="true"></span>{s}</span>' for s in SEVERITIES}


def _finding_item(f: Finding, fid: str, number: int, fact: KbFact | None, linked: bool) -> str:
    """One entry of the list of findings beside the text: the details a highlight shows.

    Written here rather than in the template because an archive has tens of thousands of them
    (the template engine would cost more than the whole report may); every value is escaped
    with ``html.escape``."""
    sev = str(f.severity)
    rule = html_escape(f.rule)
    head = f'<span class="num">{number}</span> {_BADGES[sev]}'
    head = f'<a class="jump" href="#m-{fid}">{head}</a>' if linked else f"<span>{head}</span>"
    kb = ""
    if fact is not None:
        facts = "".join(f", {word} {_e(value)}" for word, value in (("born", fact.born), ("died", fact.died)) if value)
        note = f"; {_e(fact.note)}" if fact.note else ""
        kb = f'<div class="kb"><p class="kb-h">Knowledge base: <strong>{_e(fact.person)}</strong>{facts}{note}</p>'
        if fact.terms:
            rows = "".join(f"<tr><td>{_e(o)}</td><td>{_e(a)}</td><td>{_e(b) if b else 'in office'}</td></tr>"
                           for o, a, b in fact.terms)
            kb += ('<table class="terms"><thead><tr><th scope="col">Office</th><th scope="col">From</th>'
                   f'<th scope="col">To</th></tr></thead><tbody>{rows}</tbody></table>')
            if fact.more_terms:
                kb += f'<p class="more">and {fact.more_terms} other term{"s" if fact.more_terms != 1 else ""}</p>'
        kb += "</div>"
    return (f'<li id="{fid}" class="fi s-{sev}" data-family="{_e(_family(f.rule))}" data-sev="{sev}" '
            f'data-rule="{rule}" data-line="{f.line}" data-col="{f.column}"><div class="card">'
            f'<p class="fhead">{head} <a class="rule" href="#{_rule_anchor(f.rule)}">{rule}</a> '
            f'<span class="pos">line {f.line}, col. {f.column}</span></p>'
            f'<p class="msg">{html_escape(f.message)}</p>{kb}</div></li>\n')


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _rule_anchor(rule: str) -> str:
    return "rule-" + re.sub(r"[^A-Za-z0-9_-]", "-", rule)


@dataclass
class _View:
    """One article view, ready for the template."""

    anchor: str
    label: str
    title: str | None
    path: str
    kind: str
    date: str | None
    date_source: str | None
    counts: dict[str, int]
    body: Markup | None
    #: the list of findings beside the text (``<li>`` items)
    items: Markup
    #: the rule of each finding
    rules: list[str]
    families: str
    #: the counts as badges ("1 error", "2 warnings") and as words
    badges: Markup = Markup("")
    tally: str = ""


def _label(path: str) -> str:
    return path.rsplit("#", 1)[1] if "#" in path else path


def _family(rule: str) -> str:
    return rule.split("/", 1)[0] if "/" in rule else rule


def _view(article: Article, number: int, rules: dict[str, RuleInfo]) -> _View:
    anchor = f"a{number}"
    order = sorted(range(len(article.findings)),
                   key=lambda i: (article.spans[i] if article.spans else (0, 0), article.findings[i].sort_key()))
    rank = {i: k + 1 for k, i in enumerate(order)}
    ids = [f"{anchor}-f{rank[i]}" for i in range(len(article.findings))]
    sevs = [str(f.severity) for f in article.findings]
    body = None
    if article.spans is not None:
        html = article.kind == "html" and article.prose is not None
        body = highlight(article.prose if html and article.prose is not None else article.text,
                         article.spans, ids=ids, severities=sevs,
                         numbers=[rank[i] for i in range(len(ids))], paragraphs=article.paragraphs, html=html)
    items = "".join(_finding_item(article.findings[i], ids[i], rank[i], article.facts.get(i), body is not None)
                    for i in order)
    counts = Counter(sevs)
    present = [(sev, counts[sev]) for sev in SEVERITIES if counts.get(sev)]
    badges = " ".join(_BADGES[sev].replace(f"</span>{sev}<", f"</span>{_plural(n, sev)}<") for sev, n in present)
    return _View(
        anchor=anchor, label=_label(article.path), title=article.title, path=article.path,
        kind=article.kind, date=article.date.isoformat() if article.date else None,
        date_source=article.date_source, counts={s: counts.get(s, 0) for s in SEVERITIES},
        body=body, items=Markup(items), rules=[f.rule for f in article.findings],
        badges=Markup(badges), tally=", ".join(_plural(n, sev) for sev, n in present),
        families=" ".join(sorted({f"{_family(f.rule)}:{f.severity}" for f in article.findings})),
    )


@dataclass
class _Summary:
    """The archive view's numbers, aggregated article by article (bounded: no finding kept)."""

    rules: dict[str, Counter[str]] = field(default_factory=dict)
    rule_articles: Counter[str] = field(default_factory=Counter)
    timeline: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (month, family, sev)
    articles: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    top: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = field(default_factory=list)
    pages: list[dict[str, Any]] = field(default_factory=list)

    def add(self, view: _View, article: Article, href: str) -> None:
        self.articles += 1
        month = article.date.strftime("%Y-%m") if article.date else "undated"
        for f in article.findings:
            sev = str(f.severity)
            self.rules.setdefault(f.rule, Counter())[sev] += 1
            self.timeline[(month, _family(f.rule), sev)] += 1
            self.findings[sev] += 1
        for rule in {f.rule for f in article.findings}:
            self.rule_articles[rule] += 1
        c = view.counts
        key = (c["error"], c["warning"], c["info"], -self.articles)
        entry = {"label": view.label, "title": view.title, "href": href, "date": view.date,
                 "counts": c, "families": view.families}
        if len(self.top) < TOP_ARTICLES:
            heapq.heappush(self.top, (key, entry))
        elif key > self.top[0][0]:
            heapq.heapreplace(self.top, (key, entry))

    def top_articles(self) -> list[dict[str, Any]]:
        return [e for k, e in sorted(self.top, key=lambda t: t[0], reverse=True) if k[0] or k[1]]

    def rule_rows(self, rules: dict[str, RuleInfo]) -> list[dict[str, Any]]:
        rows = []
        for rid in sorted(self.rules):
            c = self.rules[rid]
            rows.append({"rule": rid, "family": _family(rid), "counts": {s: c.get(s, 0) for s in SEVERITIES},
                         "total": sum(c.values()), "articles": self.rule_articles[rid],
                         "summary": rules[rid].summary if rid in rules else ""})
        return rows


def _months(keys: Iterable[str]) -> list[str]:
    dated = sorted(k for k in set(keys) if k != "undated")
    out: list[str] = []
    if dated:
        y, m = map(int, dated[0].split("-"))
        last = tuple(map(int, dated[-1].split("-")))
        while (y, m) <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if "undated" in keys:
        out.append("undated")
    return out


_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def timeline_chart(counts: Counter[tuple[str, str, str]]) -> dict[str, Any]:
    """The geometry of the timeline: one row per family, one group of three bars (error,
    warning, info) per publication month, each row on its own scale (its tallest bar, printed
    beside it); the template draws it as SVG."""
    months = _months({m for m, _f, _s in counts})
    families = sorted({f for _m, f, _s in counts})
    label_w, bar_w, row_h, top, axis_h = 84, 6, 70, 14, 34
    col_w = max(26, min(56, 560 // max(len(months), 1)))  # wide columns for a few months
    bar_h = row_h - 14
    width = label_w + col_w * max(len(months), 1) + 8
    rows = []
    for r, fam in enumerate(families):
        y0 = top + r * row_h
        base = y0 + bar_h
        peak = max((n for (_m, f, _s), n in counts.items() if f == fam), default=0) or 1
        bars = []
        for c, month in enumerate(months):
            for k, sev in enumerate(SEVERITIES):
                n = counts.get((month, fam, sev), 0)
                if not n:
                    continue
                h = max(1.5, bar_h * n / peak)
                bars.append({"x": label_w + c * col_w + (col_w - 3 * bar_w - 2) / 2 + k * (bar_w + 1), "y": round(base - h, 2),
                             "w": bar_w, "h": round(h, 2), "sev": sev, "n": n, "month": month})
        total = sum(counts.get((m, fam, s), 0) for m in months for s in SEVERITIES)
        rows.append({"family": fam, "y": y0, "base": base, "label_y": y0 + bar_h / 2 + 4, "bars": bars,
                     "total": total, "peak": peak})
    axis_y = top + len(families) * row_h
    ticks = []
    for c, month in enumerate(months):
        x = label_w + c * col_w + col_w / 2
        if month == "undated":
            ticks.append({"x": x, "label": "n.d.", "year": ""})
            continue
        y, m = month.split("-")
        ticks.append({"x": x, "label": _MONTH_NAMES[int(m) - 1],
                      "year": y if c == 0 or m == "01" else ""})
    table = [{"month": month, "cells": [{"family": fam, "sev": sev, "n": counts.get((month, fam, sev), 0)}
                                        for fam in families for sev in SEVERITIES]}
             for month in months]
    return {"width": width, "height": axis_y + axis_h, "axis_y": axis_y, "rows": rows, "ticks": ticks,
            "label_w": label_w, "months": months, "families": families, "table": table}


# ---------------------------------------------------------------------------------------------
# Templates


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_ASSETS)),
        autoescape=True,  # every template here is HTML: article text is untrusted
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        version=__version__, severities=SEVERITIES, rules_doc_url=RULES_DOC_URL,
        css=Markup((_ASSETS / "report.css").read_text(encoding="utf-8")),
        js=Markup((_ASSETS / "report.js").read_text(encoding="utf-8")),
    )
    env.filters["plural"] = _plural
    env.filters["anchor"] = _rule_anchor
    env.filters["doc_anchor"] = lambda rule: rule.replace("/", "")
    return env


def _page(template: str, **values: Any) -> str:
    return _environment().get_template(template).render(nonce=secrets.token_urlsafe(18), **values)


def _rule_docs(result: RunResult, used: Iterable[str]) -> list[dict[str, Any]]:
    out = []
    for rid in sorted(set(used)):
        info = result.rules.get(rid)
        out.append({"id": rid, "severity": str(info.severity) if info else "", "summary": info.summary if info else "",
                    "help": info.help if info else "", "bundled": bool(info and info.bundled)})
    return out


def _families(rules: Iterable[str]) -> list[str]:
    return sorted({_family(r) for r in rules})


def _articles(result: RunResult) -> Iterable[Article]:
    """The run's articles, or (for a result built without them) its findings grouped by path."""
    if result.articles is not None:
        return result.articles
    groups: dict[str, list[Finding]] = {}
    for f in result.findings:
        groups.setdefault(f.path, []).append(f)
    return (Article(path=p, text="", kind="text", findings=fs, spans=None) for p, fs in groups.items())


def _run_info(result: RunResult) -> dict[str, Any]:
    counts = result.counts()
    return {"files": result.files, "counts": counts, "total": sum(counts.values()), "errors": result.errors}


def render(result: RunResult) -> str:
    """The whole report as one self-contained page: the summary and every article view."""
    summary = _Summary()
    views: list[_View] = []
    used: set[str] = set()
    for number, article in enumerate(_articles(result), 1):
        view = _view(article, number, result.rules)
        summary.add(view, article, f"#{view.anchor}")
        used.update(f.rule for f in article.findings)
        views.append(view)
    run = _run_info(result)
    return _page("report.html.j2", run=run, summary=_summary_values(summary, result),
                 views=views, rules=_rule_docs(result, used), families=_families(used), pages=[],
                 archive=result.files > 1 or len(views) > 1, page=None)


def write(result: RunResult, path: Path, page_size: int = PAGE_SIZE) -> list[Path]:
    """Write the report to ``path``: one page when the article views fit in ``page_size``,
    else the archive view at ``path`` and the article views in pages of ``page_size`` beside it
    (``<stem>_files/page-0001.html`` ...), each written as soon as it is full. Returns the files
    written (pages from an earlier, longer report are removed)."""
    folder = path.with_name(f"{path.stem}_files")
    run = _run_info(result)
    summary = _Summary()
    buffer: list[tuple[_View, Article]] = []
    written: list[Path] = []
    used: set[str] = set()
    page_number = 0
    paged = False

    def flush(last: bool) -> None:
        nonlocal page_number
        page_number += 1
        name = f"page-{page_number:04d}.html"
        views = [v for v, _a in buffer]
        page_rules = {r for v in views for r in v.rules}
        summary.pages.append({"href": f"{folder.name}/{name}", "number": page_number,
                              "first": views[0].label, "last": views[-1].label, "articles": len(views),
                              "findings": sum(len(v.rules) for v in views)})
        text = _page("report.html.j2", run=run, summary=None, views=views,
                     rules=_rule_docs(result, page_rules), families=_families(page_rules), archive=False,
                     pages=[], page={"number": page_number, "home": f"../{path.name}",
                                     "prev": f"page-{page_number - 1:04d}.html" if page_number > 1 else None,
                                     "next": None if last else f"page-{page_number + 1:04d}.html"})
        folder.mkdir(parents=True, exist_ok=True)
        _write_text(folder / name, text)
        written.append(folder / name)
        buffer.clear()

    number = 0
    for article in _articles(result):
        number += 1
        if len(buffer) == page_size:
            paged = True
            flush(last=False)
        view = _view(article, number, result.rules)
        href = f"{folder.name}/page-{page_number + 1:04d}.html#{view.anchor}"
        summary.add(view, article, href)
        used.update(f.rule for f in article.findings)
        buffer.append((view, article))
    if paged and buffer:
        flush(last=True)
    if paged:
        text = _page("report.html.j2", run=run, summary=_summary_values(summary, result), views=[],
                     rules=_rule_docs(result, used), families=_families(used), archive=True,
                     pages=summary.pages, page=None)
    else:  # everything fits on one page: the links point inside it
        for entry in summary.top:
            entry[1]["href"] = "#" + entry[1]["href"].rsplit("#", 1)[1]
        text = _page("report.html.j2", run=run, summary=_summary_values(summary, result),
                     views=[v for v, _a in buffer], rules=_rule_docs(result, used), families=_families(used),
                     archive=result.files > 1 or len(buffer) > 1, pages=[], page=None)
    _write_text(path, text)
    written.append(path)
    if folder.is_dir():  # pages of an earlier, longer report
        keep = {p.name for p in written}
        for old in folder.glob("page-*.html"):
            if old.name not in keep:
                old.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
    return written


def _summary_values(summary: _Summary, result: RunResult) -> dict[str, Any]:
    return {"articles": summary.articles, "clean": max(0, result.files - summary.articles),
            "findings": summary.findings, "rules": summary.rule_rows(result.rules),
            "top": summary.top_articles(), "chart": timeline_chart(summary.timeline)}


def _write_text(path: Path, text: str) -> None:
    from linter.fixer import write_atomically

    write_atomically(path, text)

