"""The language server (``factlint lsp``): findings as live diagnostics in any LSP editor.

Built on pygls. On open, change and save it lints the buffer with the rules and configuration
that ``factlint check`` would use for that file, and publishes the findings as diagnostics.
A quick fix inserts a ``factlint-disable-next-line`` comment for the finding's rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from linter import __version__
from linter.finding import Finding, Severity

_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}


def utf16_column(line_text: str, column: int) -> int:
    """Convert a 1-based code-point column into LSP's 0-based UTF-16 character offset."""
    prefix = line_text[: max(0, column - 1)]
    return len(prefix.encode("utf-16-le")) // 2


class Linter:
    """Lints editor buffers: keeps one engine per configuration file, reloaded when rules change."""

    def __init__(self) -> None:
        self._engines: dict[str, Any] = {}
        self.last_error: str | None = None
        #: the warnings of the last lint (a pattern that timed out ...), replaced by each lint
        self.warnings: list[str] = []

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

    def lint(self, path: Path, text: str) -> list[Finding]:
        from linter.api import DocumentError, KbError, SourceError, lint_text

        try:
            engine, cfg = self.engine_for(path)
            result = lint_text(text, path=str(path), config=cfg, engine=engine)
        except (SourceError, DocumentError, KbError) as exc:
            self.last_error = str(exc)
            return []
        self.last_error = None
        self.warnings = result.warnings
        return result.findings


def diagnostics(findings: list[Finding], text: str) -> list[Any]:
    from lsprotocol import types

    lines = text.split("\n")
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


def uri_to_path(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(parsed.path or "untitled")


def build_server() -> Any:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from linter.document import guess_kind

    server = LanguageServer("factlint", __version__)
    linter = Linter()

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        findings = linter.lint(uri_to_path(uri), document.source)
        if linter.last_error:
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, linter.last_error))
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics(findings, document.source))
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith((".yaml", ".yml", ".toml")):
            linter.reset()
        publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        document = server.workspace.get_text_document(params.text_document.uri)
        plain = guess_kind(str(uri_to_path(params.text_document.uri)), document.source) == "text"
        actions = []
        for diag in params.context.diagnostics:
            if diag.source != "factlint" or not diag.code:
                continue
            line = diag.range.start.line
            text = document.lines[line] if line < len(document.lines) else ""
            indent = text[: len(text) - len(text.lstrip())]
            directive = f"factlint-disable-next-line {diag.code} -- reason"
            comment = f"{indent}{directive}\n" if plain else f"{indent}<!-- {directive} -->\n"
            edit = types.TextEdit(range=types.Range(start=types.Position(line=line, character=0),
                                                    end=types.Position(line=line, character=0)),
                                  new_text=comment)
            actions.append(types.CodeAction(
                title=f"Disable {diag.code} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
            ))
        return actions

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client disconnects."""
    build_server().start_io()
