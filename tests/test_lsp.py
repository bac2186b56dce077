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
        fix, disable = msg["result"]
        assert fix["title"] == "Fix content/boilerplate" and fix["isPreferred"] is True
        [edit] = fix["edit"]["documentChanges"][0]["edits"]
        assert edit["range"] == {"start": {"line": 2, "character": 0}, "end": {"line": 3, "character": 0}}
        assert edit["newText"] == ""
        [edit] = disable["edit"]["documentChanges"][0]["edits"]
        assert edit["newText"] == "<!-- factlint-disable-next-line content/boilerplate -- reason -->\n"
        _send(proc, {"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
        _send(proc, {"jsonrpc": "2.0", "method": "exit"})
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


class Session:
    """A stdio language-server session: requests answered in order, notifications kept."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "linter.cli", "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd)
        self.next_id = 0
        self.request("initialize", {"processId": None, "rootUri": cwd.as_uri(), "capabilities": {}})
        _send(self.proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        _send(self.proc, {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            msg = _read(self.proc)
            if msg.get("id") == self.next_id:
                assert "error" not in msg, msg
                return msg["result"]

    def notify(self, method: str, params: dict[str, Any]) -> None:
        _send(self.proc, {"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        deadline = time.time() + 60
        while time.time() < deadline:
            msg = _read(self.proc)
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return msg["params"]["diagnostics"]  # type: ignore[no-any-return]
        raise AssertionError("no diagnostics")

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001
            self.proc.kill()


def _apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits as an editor does (UTF-16 positions; these tests use BMP text)."""
    lines = text.splitlines(keepends=True) + [""]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def off(p: dict[str, int]) -> int:
        return starts[p["line"]] + p["character"]

    for e in sorted(edits, key=lambda e: off(e["range"]["start"]), reverse=True):
        text = text[:off(e["range"]["start"])] + e["newText"] + text[off(e["range"]["end"]):]
    return text


def _edits(action: dict[str, Any]) -> list[dict[str, Any]]:
    [change] = action["edit"]["documentChanges"]
    return change["edits"]  # type: ignore[no-any-return]


HOUSE = """- id: house/short
  severity: warning
  subject: document
  message: A news story of fewer than five paragraphs.
  when: document.paragraph_count < 5
"""
ARTICLE = ("---\ntitle: Talks in Washington\ndate: 2025-12-30\n---\n"
           "Former President Donald Trump met Netanyahu on Monday.\n\n"
           "The two leaders spoke for an hour, aides said, and\nagreed to meet again last Friday.\n")


def test_lsp_hover_and_line_1_quick_fix_keep_the_front_matter(tmp_path: Path):
    (tmp_path / "house.yaml").write_text(HOUSE)
    (tmp_path / "factlint.yaml").write_text("rules: [house.yaml]\n")
    article = tmp_path / "a.md"
    article.write_text(ARTICLE)
    uri = article.as_uri()
    s = Session(tmp_path)
    try:
        s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                           "text": ARTICLE}})
        diags = s.diagnostics(uri)
        codes = {d["code"]: d for d in diags}
        assert {"house/short", "title/former-sitting"} <= set(codes)
        assert codes["house/short"]["range"]["start"] == {"line": 0, "character": 0}

        # hover on the titled name: the person's terms from the knowledge base
        hover = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 4, "character": 25}})
        value = hover["contents"]["value"]
        assert "Donald Trump (donald-trump)" in value
        assert "President of the United States: 2025-01-20 – present" in value
        assert "on 2025-12-30: sitting President of the United States" in value
        # hover on a date: what it resolved to
        hover = s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 7, "character": 24}})
        assert "**last Friday** → 2025-12-26" in hover["contents"]["value"]
        assert s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": 6, "character": 1}}) is None

        # the rule's own fix comes first
        former = codes["title/former-sitting"]
        actions = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": former["range"],
                                                        "context": {"diagnostics": [former]}})
        assert [a["title"] for a in actions] == ["Fix title/former-sitting", "Disable title/former-sitting for this line"]
        assert _apply(ARTICLE, _edits(actions[0])).count("President Donald Trump met") == 1
        assert "Former" not in _apply(ARTICLE, _edits(actions[0]))

        # the quick fix for the line-1 finding goes after the front matter, never above it
        short = codes["house/short"]
        [action] = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": short["range"],
                                                         "context": {"diagnostics": [short]}})
        assert action["title"] == "Disable house/short for this file"
        new = _apply(ARTICLE, _edits(action))
        assert new.startswith("---\ntitle: Talks in Washington\ndate: 2025-12-30\n---\n"
                              "<!-- factlint-disable-file house/short -- reason -->\nFormer President")
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"text": new}]})
        after = {d["code"] for d in s.diagnostics(uri)}
        assert "title/former-sitting" in after and "house/short" not in after  # the date was kept

        # inside a wrapped paragraph: the comments go around the whole paragraph, not into it
        lines = new.splitlines(keepends=True)
        wrapped = {"range": {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 5}},
                   "code": "house/short", "source": "factlint", "message": "x"}
        assert s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": wrapped["range"],
                                                     "context": {"diagnostics": [wrapped]}}) == []  # no such finding
        assert lines[7].startswith("The two leaders")
    finally:
        s.close()


def test_suppression_comment_placement():
    from linter.api import load_document
    from linter.lsp import suppression_edits

    def place(text: str, kind_path: str, needle: str) -> str:
        doc = load_document(text, path=kind_path)
        start = text.index(needle)
        _title, edits = suppression_edits(doc, "source/weasel", start, start + len(needle))
        for a, b, new in sorted(edits, reverse=True):
            text = text[:a] + new + text[b:]
        return text

    wrapped = "Intro.\n\nSome say the talks\nwill resume soon.\n\nEnd.\n"
    assert place(wrapped, "a.md", "will resume") == ("Intro.\n\n<!-- factlint-disable source/weasel -- reason -->\n"
                                                     "Some say the talks\nwill resume soon.\n"
                                                     "<!-- factlint-enable source/weasel -->\n\nEnd.\n")
    quoted = "Intro.\n\n> Some say the talks will resume.\n"
    assert place(quoted, "a.md", "Some say") == (
        "Intro.\n\n> <!-- factlint-disable-next-line source/weasel -- reason -->\n> Some say the talks will resume.\n")
    listed = "- One.\n- Some say the talks will resume.\n"
    assert place(listed, "a.md", "Some say") == (
        "- One.\n  <!-- factlint-disable-next-line source/weasel -- reason -->\n- Some say the talks will resume.\n")
    html = "<!DOCTYPE html>\n<p>Some say the talks will resume.</p>"
    doc_level = load_document(html, path="a.html")
    _t, [(a, _b, new)] = suppression_edits(doc_level, "date/unknown-publication", 0, 0)
    assert a == len(html) and new == "\n<!-- factlint-disable-file date/unknown-publication -- reason -->\n"
    plain = "Some say the talks will resume.\n"
    assert place(plain, "a.txt", "Some say") == (
        "factlint-disable-next-line source/weasel -- reason\nSome say the talks will resume.\n")


def test_editor_docs_start_the_server_this_cli_has():
    import re

    doc = (Path(__file__).resolve().parents[1] / "docs" / "integrations.md").read_text()
    section = doc[doc.index("## Editors"):doc.index("## Archives")]
    vscode = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))  # type: ignore[union-attr]
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == ["factlint", "lsp"]
    for editor in ("### VS Code", "### Neovim", "### Emacs: eglot", "### Emacs: lsp-mode", "### Vim"):
        assert editor in section
    assert section.count('"factlint", "lsp"') == 2  # Neovim 0.11 and 0.10
    assert section.count('("factlint" "lsp")') == 2 and "['factlint', 'lsp']" in section  # Emacs x2, Vim
    from linter.cli import app

    assert "lsp" in {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]
