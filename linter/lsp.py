"""The language server (``factlint lsp``): findings as live diagnostics in any LSP editor.

Built on pygls. On open, change and save it lints the buffer with the rules and configuration
that ``factlint check`` would use for that file, and publishes the findings as diagnostics.
Code actions offer the rule's own fix first (the edits ``--fix`` applies, through the same
``linter.fixer.chosen_edits``), then a suppression comment placed where it cannot change the
article's structure (``suppression_edits``). Both are offered only while the buffer is the
text that was linted, and carry the buffer's version. Hover shows, on a titled name, the
person's terms from the knowledge base and, on a date, what it resolved to.

It stays responsive whatever the editor or the buffer does:

- **Debounce and cancellation.** Lints run on one background thread, ``DEBOUNCE`` seconds after
  the last change of a buffer; a change that arrives while its buffer is being linted cancels
  that lint (the engine stops between rules and subjects) and a new one follows. A hundred
  quick edits cost one lint, not a hundred; the server answers requests meanwhile.
- **Size limits.** A buffer is linted up to ``--max-bytes`` (the configuration's, else 2 MiB),
  with an ``input/truncated`` diagnostic when it is cut; a message over ``MAX_MESSAGE`` bytes,
  a header line over ``MAX_HEADER_LINE``, or a ``Content-Length`` that is not a number is
  dropped (logged) and the stream read on from the next header; a body that is not JSON is
  answered with a JSON-RPC parse error.
- **No stale diagnostics.** When a lint fails, the buffer's diagnostics are replaced: by the
  located problem for an unreadable article (broken front matter), by nothing (and a message)
  for a broken configuration or rule file or an internal error.
"""

from __future__ import annotations

import asyncio
import json
import queue
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlparse

from linter import __version__, recache
from linter.finding import Finding, Severity

_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
#: seconds of quiet after a change before its buffer is linted
DEBOUNCE = 0.3
#: the largest JSON-RPC message read, in bytes (an editor's buffer is far smaller)
MAX_MESSAGE = 64 * 1024 * 1024
#: the longest header line read, in bytes
MAX_HEADER_LINE = 8 * 1024
_LINE_BREAK = recache.compile(r"\r\n?|\n")
_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\S*)[ \t]*", re.I)


def utf16_column(line_text: str, column: int) -> int:
    """Convert a 1-based code-point column into LSP's 0-based UTF-16 character offset."""
    prefix = line_text[: max(0, column - 1)]
    return len(prefix.encode("utf-16-le", "surrogatepass")) // 2


class LintFailed(Exception):
    """A lint that gave no findings: ``message`` says why, ``line``/``column`` (1-based) where,
    when the problem lies in the buffer itself."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Linter:
    """Lints editor buffers: keeps one engine per configuration file, reloaded when rules change."""

    def __init__(self) -> None:
        self._engines: dict[str, Any] = {}
        self.last_error: str | None = None
        #: the warnings of the last lint (a rule out of budget ...), replaced by each lint
        self.warnings: list[str] = []
        #: the internal errors of the last lint (``ToolError``), replaced by each lint
        self.errors: list[Any] = []
        #: the document of the last lint (for code actions and hover)
        self.document: Any = None
        #: per buffer (path): its engine and the sentences' extractions kept from its last lint,
        #: so that a relint after an edit recomputes only the sentences the edit touched
        self._memos: dict[str, tuple[Any, Any]] = {}

    def engine_for(self, path: Path) -> tuple[Any, Any]:
        from linter.api import build_engine
        from linter.config import Config, discover, load_config

        found = discover(path.parent if path.parent.is_dir() else None)
        key = str(found)
        cfg = load_config(found) if found else Config()
        if key not in self._engines:
            self._engines[key] = build_engine(cfg)
        return self._engines[key], cfg

    def reset(self) -> None:
        self._engines.clear()
        self._memos.clear()

    def forget(self, path: Path) -> None:
        """Drop what is kept of a closed buffer."""
        self._memos.pop(str(path), None)

    def memo_for(self, path: Path, engine: Any) -> Any:
        """The sentence memo of buffer ``path`` under ``engine`` (a new one for a new engine)."""
        from linter.memo import SentenceMemo

        kept = self._memos.get(str(path))
        if kept is None or kept[0] is not engine:
            kept = self._memos[str(path)] = (engine, SentenceMemo())
        return kept[1]

    def run(self, path: Path, text: str, cancel: Callable[[], bool] | None = None) -> list[Finding]:
        """The findings of ``text`` (the buffer of ``path``). Raises ``LintFailed`` when there
        are none to give (the article or the configuration cannot be read, factlint failed) and
        ``Cancelled`` when ``cancel`` says so."""
        from linter.api import DocumentError, KbError, SourceError, load_document
        from linter.document import DEFAULT_MAX_BYTES, truncate
        from linter.engine import Cancelled

        try:
            engine, cfg = self.engine_for(path)
            limit = cfg.max_bytes if cfg.max_bytes is not None else DEFAULT_MAX_BYTES
            text, cut = truncate(text, limit or None)
            memo = self.memo_for(path, engine)
            memo.begin()
            doc = load_document(text, path=str(path), config=cfg, truncation=cut, split=memo.split)
            result = engine.lint(doc, cancel=cancel, memo=memo)
            self.document = doc
        except DocumentError as exc:
            raise LintFailed(exc.message, exc.line, exc.column) from None
        except (SourceError, KbError) as exc:
            raise LintFailed(str(exc)) from None
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must not take the server down
            raise LintFailed(f"factlint failed on this buffer: {type(exc).__name__}: {exc}") from None
        self.warnings = result.warnings
        self.errors = result.errors
        from linter.config import apply_per_path

        return apply_per_path(result.findings, cfg.per_path)

    def lint(self, path: Path, text: str) -> list[Finding]:
        """``run`` for callers that want no exception: ``[]`` and ``last_error`` on failure."""
        try:
            findings = self.run(path, text)
        except LintFailed as exc:
            self.last_error = exc.message
            return []
        self.last_error = None
        return findings


def diagnostics(findings: list[Finding], text: str) -> list[Any]:
    from lsprotocol import types

    lines = _LINE_BREAK.split(text)  # the lines LSP counts: "\n", "\r\n" and a lone "\r" end one
    out = []
    for f in findings:
        start_line = lines[f.line - 1] if f.line - 1 < len(lines) else ""
        end_line = lines[f.end_line - 1] if f.end_line - 1 < len(lines) else ""
        out.append(types.Diagnostic(
            range=types.Range(
                start=types.Position(line=f.line - 1, character=utf16_column(start_line, f.column)),
                end=types.Position(line=f.end_line - 1, character=utf16_column(end_line, f.end_column)),
            ),
            message=f.message,
            severity=types.DiagnosticSeverity(_SEVERITY[f.severity]),
            code=f.rule,
            source="factlint",
        ))
    return out


def failure_diagnostic(exc: LintFailed, text: str) -> list[Any]:
    """The diagnostic of a lint that failed on the buffer itself (none for other failures)."""
    from lsprotocol import types

    if exc.line is None:
        return []
    lines = _LINE_BREAK.split(text)
    line = max(0, exc.line - 1)
    character = utf16_column(lines[line] if line < len(lines) else "", exc.column or 1)
    position = types.Position(line=line, character=character)
    return [types.Diagnostic(range=types.Range(start=position, end=position), message=exc.message,
                             severity=types.DiagnosticSeverity.Error, code="input/unreadable",
                             source="factlint")]


def uri_to_path(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(parsed.path or "untitled")


class Scheduler:
    """Runs ``work(uri, cancelled)`` on one background thread, ``delay`` seconds after the last
    ``schedule(uri)``; ``schedule`` during the work on the same uri cancels that work (its
    ``cancelled()`` turns true) and the work runs again after the delay."""

    def __init__(self, work: Callable[[str, Callable[[], bool]], None], delay: float = DEBOUNCE) -> None:
        self._work = work
        self._delay = delay
        self._due: dict[str, float] = {}
        self._cond = threading.Condition()
        self._current: str | None = None
        self._cancelled = False
        self._stopped = False
        self._thread = threading.Thread(target=self._loop, name="factlint-lint", daemon=True)
        self._thread.start()

    def schedule(self, uri: str, delay: float | None = None) -> None:
        with self._cond:
            self._due[uri] = time.monotonic() + (self._delay if delay is None else delay)
            if self._current == uri:
                self._cancelled = True
            self._cond.notify()

    def forget(self, uri: str) -> None:
        with self._cond:
            self._due.pop(uri, None)
            if self._current == uri:
                self._cancelled = True

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cancelled = True
            self._cond.notify()

    def _is_cancelled(self) -> bool:
        return self._cancelled

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stopped:
                    now = time.monotonic()
                    ready = [u for u, t in self._due.items() if t <= now]
                    if ready:
                        break
                    wait = min(self._due.values()) - now if self._due else None
                    self._cond.wait(wait)
                if self._stopped:
                    return
                uri = min(ready, key=lambda u: self._due[u])
                del self._due[uri]
                self._current = uri
                self._cancelled = False
            try:
                self._work(uri, self._is_cancelled)
            except Exception:  # noqa: BLE001 - the thread must survive anything
                pass
            finally:
                with self._cond:
                    self._current = None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
    return starts


def position(text: str, offset: int, starts: list[int] | None = None) -> Any:
    """The LSP position (0-based line, UTF-16 character) of a code-point offset of ``text``."""
    import bisect

    from lsprotocol import types

    starts = starts if starts is not None else _line_starts(text)
    line = bisect.bisect_right(starts, offset) - 1
    return types.Position(line=line, character=len(text[starts[line]:offset].encode("utf-16-le", "surrogatepass")) // 2)


def offset_of(text: str, line: int, character: int, starts: list[int] | None = None) -> int:
    """The code-point offset of an LSP position (0-based line, UTF-16 character) in ``text``."""
    starts = starts if starts is not None else _line_starts(text)
    if line >= len(starts):
        return len(text)
    i, units = starts[line], 0
    while i < len(text) and units < character and text[i] not in "\r\n":
        units += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


def text_edits(text: str, edits: list[tuple[int, int, str]]) -> list[Any]:
    """LSP ``TextEdit``s of ``(start, end, replacement)`` code-point edits of ``text``."""
    from lsprotocol import types

    starts = _line_starts(text)
    return [types.TextEdit(range=types.Range(start=position(text, a, starts), end=position(text, b, starts)),
                           new_text=new) for a, b, new in edits]


#: what may open a Markdown line and start a block of its own (a paragraph above it ends there)
_MD_BLOCK_START = recache.compile(r"[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|```|~~~|<)")
_QUOTE_PREFIX = recache.compile(r"[ \t]*(?:>[ \t]?)+")
_LIST_PREFIX = recache.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")


def suppression_edits(doc: Any, rule: str, start: int, end: int) -> tuple[str, list[tuple[int, int, str]]]:
    """Where the quick fix puts a suppression comment for a finding of ``rule`` over
    ``doc.text[start:end]``, so that it cannot change the article's structure: ``(title, edits)``.

    - a finding about the document as a whole (an empty span at 1:1) or inside the front matter:
      ``factlint-disable-file`` just after the front matter (never above it: the article would
      lose its date and title), or at the end of an HTML file (never before ``<!DOCTYPE>``);
    - a finding in a paragraph: a comment above the paragraph (the whole CommonMark paragraph,
      however many lines it is wrapped over, so the rendered paragraph is not split), with the
      paragraph's block-quote markers, or indented as a list item's content;
      ``disable-next-line`` for a one-line paragraph, ``disable`` ... ``enable`` around a longer one.
    """
    text = doc.text
    plain = doc.kind == "text"
    nl = "\r\n" if "\r\n" in text else "\n"

    def comment(words: str) -> str:
        return words if plain else f"<!-- {words} -->"

    para = next((p for p in doc.paragraphs if p.start <= start < max(p.end, p.start + 1)), None)
    if start < doc.body_start or (start == end == 0) or para is None:
        directive = comment(f"factlint-disable-file {rule} -- reason")
        if doc.kind == "html":
            lead = nl if text and not text.endswith(("\n", "\r")) else ""
            return f"Disable {rule} for this file", [(len(text), len(text), lead + directive + nl)]
        at = doc.body_start
        lead = nl if at and text[at - 1] not in "\r\n" else ""
        return f"Disable {rule} for this file", [(at, at, lead + directive + nl)]
    starts = _line_starts(text)
    import bisect

    first = bisect.bisect_right(starts, para.start) - 1
    last = bisect.bisect_right(starts, max(para.start, para.end - 1)) - 1

    def line(i: int) -> str:
        return text[starts[i]:starts[i + 1] if i + 1 < len(starts) else len(text)].rstrip("\r\n")

    floor = bisect.bisect_right(starts, doc.body_start) - 1 if doc.body_start else 0
    if doc.kind == "markdown":  # the CommonMark paragraph: up and down to a blank line or a block start
        while first > floor and line(first - 1).strip() and not _MD_BLOCK_START.match(line(first)):
            first -= 1
        while last + 1 < len(starts) and line(last + 1).strip() and not _MD_BLOCK_START.match(line(last + 1)):
            last += 1
    head = line(first)
    if (m := _QUOTE_PREFIX.match(head)) and doc.kind == "markdown":
        prefix = m.group().rstrip() + " "
    elif (m := _LIST_PREFIX.match(head)) and doc.kind == "markdown":
        prefix = " " * len(m.group())
    else:
        prefix = head[: len(head) - len(head.lstrip())]
    at = starts[first]
    if first == last:
        return f"Disable {rule} for this line", [(at, at, prefix + comment(f"factlint-disable-next-line {rule} -- reason") + nl)]
    after = starts[last + 1] if last + 1 < len(starts) else len(text)
    lead = nl if after == len(text) and not text.endswith(("\n", "\r")) else ""
    return f"Disable {rule} for this paragraph", [
        (at, at, prefix + comment(f"factlint-disable {rule} -- reason") + nl),
        (after, after, lead + prefix + comment(f"factlint-enable {rule}") + nl)]


def hover_text(analysis: Any, offset: int) -> str | None:
    """What the hover shows at ``offset``: for a titled name, the person's terms from the
    knowledge base (as ``factlint kb who`` prints them, on the publication date); for a date,
    what it resolved to. None elsewhere."""
    from linter.kbcli import person_lines

    doc = analysis.doc
    for m in analysis.mentions:
        if m.start <= offset < m.end and m.person_id:
            kb = analysis.kb
            person = kb.people.get(m.person_id)
            if person is None:
                continue
            lines = person_lines(kb, person, doc.pub_date)
            read = f"**{doc.text[m.start:m.end]}**"
            office = kb.offices.get(m.office_id) if m.office_id else None
            if office is not None:
                read += f": read as {person.name}, {('“' + m.modifier + '” ') if m.modifier else ''}{office.name}"
            when = f"publication date {doc.pub_date.isoformat()} ({doc.pub_date_source})" if doc.pub_date \
                else "no publication date"
            return f"{read}\n\n{when}\n\n```\n" + "\n".join(lines) + "\n```"
    for d, _sentence in analysis.dates:
        if d.start <= offset < d.end:
            if d.earliest and d.latest and d.earliest != d.latest:
                value = f"{d.earliest.isoformat()} – {d.latest.isoformat()}"
            elif d.value or d.earliest:
                value = (d.value or d.earliest).isoformat()
            else:
                value = "no date"
            parts = [f"**{d.text}** → {value}", f"{d.kind}, {d.granularity}" + ("" if d.valid else ", not a valid date")]
            if d.anchor_value:
                parts.append(f"counted from {d.anchor_value.isoformat()}")
            elif d.kind in ("relative", "weekday", "partial"):
                parts.append(f"counted from the publication date {doc.pub_date.isoformat()} ({doc.pub_date_source})"
                             if doc.pub_date else "no publication date to count from")
            if d.tense != "unknown":
                parts.append(f"tense: {d.tense}")
            return "\n\n".join(parts)
    return None


def build_server() -> Any:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from linter.engine import Cancelled

    server = LanguageServer("factlint", __version__)
    linter = Linter()
    server.factlint_linter = linter  # type: ignore[attr-defined]

    def send(fn: Callable[[], None]) -> None:
        """Send from the event loop's thread when there is one (pygls is not thread-safe)."""
        loop = getattr(server, "factlint_loop", None)
        if loop is not None and loop.is_running() and threading.current_thread() is not threading.main_thread():
            loop.call_soon_threadsafe(fn)
        else:
            fn()

    def publish(uri: str, diags: list[Any]) -> None:
        send(lambda: server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diags)))

    def tell(kind: Any, message: str, show: bool = False) -> None:
        if show:
            send(lambda: server.window_show_message(types.ShowMessageParams(kind, message)))
        send(lambda: server.window_log_message(types.LogMessageParams(kind, message)))

    def lint_now(uri: str, cancelled: Callable[[], bool]) -> None:
        try:
            document = server.workspace.get_text_document(uri)
            text = document.source
        except Exception:  # noqa: BLE001 - closed meanwhile
            return
        started = time.perf_counter()
        try:
            findings = linter.run(uri_to_path(uri), text, cancel=cancelled)
        except Cancelled:
            tell(types.MessageType.Log, f"factlint: lint of {uri} cancelled by a newer change")
            return
        except LintFailed as exc:
            linter.last_error = exc.message
            publish(uri, failure_diagnostic(exc, text))  # never leave the old diagnostics standing
            if exc.line is None:
                tell(types.MessageType.Error, exc.message, show=True)
            return
        if cancelled():
            return
        linter.last_error = None
        linted[uri] = (text, linter.document, findings)
        publish(uri, diagnostics(findings, text))
        for error in linter.errors:
            tell(types.MessageType.Error, str(error))
        elapsed = (time.perf_counter() - started) * 1000
        tell(types.MessageType.Log, f"factlint: linted {uri} ({len(text):,} characters, "
                                    f"{len(findings)} findings) in {elapsed:.0f} ms")

    #: uri -> (the text, its document, its findings) of the last lint that finished
    linted: dict[str, tuple[str, Any, list[Finding]]] = {}
    server.factlint_linted = linted  # type: ignore[attr-defined]
    scheduler = Scheduler(lint_now)
    server.factlint_scheduler = scheduler  # type: ignore[attr-defined]

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        scheduler.schedule(params.text_document.uri, delay=0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        scheduler.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith((".yaml", ".yml", ".toml")):
            linter.reset()
        scheduler.schedule(uri, delay=0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        scheduler.forget(params.text_document.uri)
        linted.pop(params.text_document.uri, None)
        linter.forget(uri_to_path(params.text_document.uri))
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    def current(uri: str) -> tuple[str, Any, list[Finding]] | None:
        """The buffer's text, document and findings, when the last lint saw exactly this text
        (an edit is only offered on the text it was computed from)."""
        try:
            text = server.workspace.get_text_document(uri).source
        except Exception:  # noqa: BLE001 - not open
            return None
        state = linted.get(uri)
        return state if state is not None and state[0] == text and state[1] is not None else None

    def workspace_edit(uri: str, edits: list[tuple[int, int, str]], text: str) -> types.WorkspaceEdit:
        version = server.workspace.get_text_document(uri).version
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=text_edits(text, edits))])

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        from linter.fixer import chosen_edits

        uri = params.text_document.uri
        state = current(uri)
        if state is None:
            return []  # the buffer changed since its last lint: its findings' ranges are stale
        text, doc, findings = state
        by_range = {(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character): f
                    for f, d in zip(findings, diagnostics(findings, text), strict=True)}
        fixes: list[types.CodeAction] = []
        disables: list[types.CodeAction] = []
        for diag in params.context.diagnostics:
            if diag.source != "factlint" or not diag.code or diag.code == "input/unreadable":
                continue
            r = diag.range
            finding = by_range.get((diag.code, r.start.line, r.start.character, r.end.line, r.end.character))
            if finding is None:
                continue
            if finding.fix is not None:
                edits, count = chosen_edits(text, [finding.fix])
                if count:
                    unsafe = "" if finding.fix.safe else " (unsafe: check the result)"
                    fixes.append(types.CodeAction(
                        title=f"Fix {finding.rule}{unsafe}", kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag], is_preferred=finding.fix.safe,
                        edit=workspace_edit(uri, [(e.start, e.end, e.replacement) for e in edits], text)))
            start = doc.offset_of(finding.line, finding.column)
            end = doc.offset_of(finding.end_line, finding.end_column)
            title, edits3 = suppression_edits(doc, str(diag.code), start, end)
            disables.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                             edit=workspace_edit(uri, edits3, text)))
        return fixes + disables  # the rule's own fix first

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        state = current(uri)
        if state is None:
            return None
        text, doc, _ = state
        offset = offset_of(text, params.position.line, params.position.character)
        try:
            engine, _cfg = linter.engine_for(uri_to_path(uri))
            analysis = engine.analyse(doc)
            try:
                value = hover_text(analysis, offset)
            finally:
                analysis.close()
        except Exception as exc:  # noqa: BLE001 - a hover must never take the server down
            tell(types.MessageType.Error, f"factlint: hover failed: {type(exc).__name__}: {exc}")
            return None
        if value is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value))

    return server


class _Reader:
    """Reads stdin for the event loop without blocking it, a bounded amount at a time, on a
    daemon thread of its own (a read still waiting when the session ends never holds up exit)."""

    def __init__(self, stream: IO[bytes], loop: asyncio.AbstractEventLoop) -> None:
        self._stream = stream
        self._loop = loop
        self._requests: queue.SimpleQueue[tuple[bool, int, asyncio.Future[bytes]]] = queue.SimpleQueue()
        threading.Thread(target=self._run, name="factlint-lsp-reader", daemon=True).start()

    def _run(self) -> None:
        while True:
            line, n, future = self._requests.get()
            try:
                data = self._stream.readline(n) if line else self._stream.read(n)
            except (OSError, ValueError):
                data = b""
            try:
                self._loop.call_soon_threadsafe(_resolve, future, data)
            except RuntimeError:  # the event loop is gone: the session is over
                return

    async def readline(self, limit: int) -> bytes:
        future: asyncio.Future[bytes] = self._loop.create_future()
        self._requests.put((True, limit, future))
        return await future

    async def read(self, n: int) -> bytes:
        future: asyncio.Future[bytes] = self._loop.create_future()
        self._requests.put((False, n, future))
        return await future


def _resolve(future: asyncio.Future[bytes], data: bytes) -> None:
    if not future.done():
        future.set_result(data)


async def read_messages(stream: IO[bytes], handle: Callable[[bytes], None],
                        dropped: Callable[[str], None], stop: threading.Event | None = None) -> None:
    """Read LSP messages (``Content-Length`` headers, a blank line, a JSON body) from ``stream``
    and give each body to ``handle``, until the end of the stream.

    A message whose header is not usable (no length, a length that is not a number or is over
    ``MAX_MESSAGE``, a header line over ``MAX_HEADER_LINE``) is dropped with a note to
    ``dropped``, and reading goes on from the next ``Content-Length`` header, wherever it is.
    """
    reader = _Reader(stream, asyncio.get_running_loop())
    pending = b""  # a header found inside a line of junk
    while stop is None or not stop.is_set():
        length: int | None = None
        problem = ""
        while True:  # the header block
            if pending:
                line, pending = pending, b""
            else:
                line = await reader.readline(MAX_HEADER_LINE + 1)
            if not line:
                return
            if len(line) > MAX_HEADER_LINE and not line.endswith(b"\n"):
                problem = problem or f"a header line longer than {MAX_HEADER_LINE:,} bytes"
                while line and not line.endswith(b"\n"):
                    line = await reader.readline(1 << 16)
                continue
            if line.strip() == b"":
                if length is not None or problem:
                    break
                continue  # blank lines between messages
            m = _CONTENT_LENGTH.search(line)
            if m is None:
                if b":" not in line:
                    problem = problem or "a line that is not a header"
                continue  # Content-Type and other headers
            if m.start() > 0 and line[: m.start()].strip():  # a header after junk: start over there
                if length is None and not problem:
                    problem = "junk before a header"
                if problem or length is not None:
                    dropped(f"dropped a message: {problem}")
                pending = line[m.start():]
                length, problem = None, ""
                continue
            value = m.group(1)
            if not value.isdigit():
                problem = f"Content-Length {value[:40]!r} is not a number"
            elif int(value) > MAX_MESSAGE:
                problem = f"Content-Length {int(value):,} is over the {MAX_MESSAGE:,}-byte limit"
            else:
                length = int(value)
        if problem or length is None:
            dropped(f"dropped a message: {problem or 'no Content-Length'}")
            continue
        body = b""
        while len(body) < length:
            chunk = await reader.read(length - len(body))
            if not chunk:
                return
            body += chunk
        handle(body)


def _handler(server: Any) -> Callable[[bytes], None]:
    """What to do with one message body: decode, hand to pygls, answer a bad one."""
    protocol = server.protocol

    def error(msg_id: Any, code: int, message: str) -> None:
        protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})

    def handle(body: bytes) -> None:
        try:
            raw = json.loads(body)
        except (ValueError, RecursionError) as exc:
            error(None, -32700, f"Parse error: {str(exc)[:200]}")
            return
        if not isinstance(raw, dict):
            error(None, -32600, "Invalid Request: not a JSON object")
            return
        msg_id = raw.get("id")
        try:
            message = protocol.structure_message(raw)
        except Exception as exc:  # noqa: BLE001 - answered, not fatal
            if "method" in raw and msg_id is not None:
                error(msg_id, getattr(exc, "code", -32602), f"Invalid params: {type(exc).__name__}")
            return
        try:
            protocol.handle_message(message)
        except BrokenPipeError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad message must not end the session
            if msg_id is not None and "method" in raw:
                error(msg_id, -32603, f"Internal error: {type(exc).__name__}")

    return handle


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> None:
    """Run the server on stdin/stdout until the client disconnects or says exit."""
    from pygls.io_ import StdoutWriter

    server = build_server()
    stop = threading.Event()
    server._stop_event = stop  # pygls's shutdown() and exit handler set it
    server.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))  # type: ignore[arg-type]
    handle = _handler(server)

    def dropped(note: str) -> None:
        from lsprotocol import types

        server.window_log_message(types.LogMessageParams(types.MessageType.Warning, f"factlint: {note}"))

    async def main() -> None:
        server.factlint_loop = asyncio.get_running_loop()
        await read_messages(stdin or sys.stdin.buffer, handle, dropped, stop)

    try:
        asyncio.run(main())
    except (BrokenPipeError, KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.factlint_scheduler.stop()
        server.shutdown()
