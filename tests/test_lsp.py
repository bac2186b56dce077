"""The language server speaks LSP over stdio: open a buffer, get factlint's diagnostics back."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from linter.lsp import utf16_column


def _send(proc: subprocess.Popen, msg: dict[str, Any]) -> None:
    body = json.dumps(msg).encode()
    assert proc.stdin is not None
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def _read(proc: subprocess.Popen) -> dict[str, Any]:
    assert proc.stdout is not None
    length = 0
    while True:
        line = proc.stdout.readline()
        if not line:
            raise EOFError("server closed")
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def test_utf16_columns():
    assert utf16_column("abc", 3) == 2
    assert utf16_column("😀bc", 2) == 2  # an astral character is two UTF-16 units
    assert utf16_column("“x”", 3) == 2


def test_lsp_publishes_diagnostics(tmp_path: Path):
    article = tmp_path / "a.md"
    text = "The talks resume.\n\nLeave a Reply\n"
    article.write_text(text)
    proc = subprocess.Popen([sys.executable, "-m", "linter.cli", "lsp"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        _send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
        assert _read(proc)["id"] == 1
        _send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        _send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": article.as_uri(), "languageId": "markdown", "version": 1, "text": text}}})
        deadline = time.time() + 30
        diags = None
        while time.time() < deadline:
            msg = _read(proc)
            if msg.get("method") == "textDocument/publishDiagnostics":
                diags = msg["params"]["diagnostics"]
                break
        assert diags is not None
        assert [(d["code"], d["range"]["start"]["line"], d["severity"]) for d in diags] == [
            ("content/boilerplate", 2, 2)]
        _send(proc, {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": article.as_uri()}, "range": diags[0]["range"],
            "context": {"diagnostics": diags}}})
        while True:
            msg = _read(proc)
            if msg.get("id") == 2:
                break
        edit = msg["result"][0]["edit"]["changes"][article.as_uri()][0]
        assert edit["newText"] == "<!-- factlint-disable-next-line content/boilerplate -- reason -->\n"
        _send(proc, {"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
        _send(proc, {"jsonrpc": "2.0", "method": "exit"})
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
