"""Make text from untrusted articles safe to print: on a terminal, in CI logs and in XML.

An article (or a file name) can hold escape sequences that recolour, retitle or rewrite a
terminal (``ESC [ 2 J``), carriage returns that overwrite what a log line shows, bidirectional
overrides that reorder it ("Trojan Source"), and control characters or lone surrogates that
XML 1.0 forbids even as character references (a JUnit or Checkstyle report that holds one is
rejected by its reader). Each is shown here as a visible escape (``\\x1b``, ``\\u202e``), so
the reader sees that it is there and nothing acts on it.
"""

from __future__ import annotations

import re

from linter import recache

__all__ = ["escape_controls", "xml_text", "visible"]

#: C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides and
#: isolates, and lone surrogates.
_TERMINAL = recache.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_TERMINAL_NO_NEWLINE = recache.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: What XML 1.0 does not allow (C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF), and what it allows but would act on a terminal or a viewer
#: (DEL, C1 controls, bidirectional controls).
_XML = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def visible(ch: str) -> str:
    """The escape that shows ``ch``: ``\\x1b``, ``\\u202e``."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _show(m: re.Match[str]) -> str:
    return visible(m.group())


def escape_controls(s: str, newlines: bool = True) -> str:
    """``s`` with every character that could act on a terminal shown as an escape; tab stays,
    and newline too unless ``newlines`` is false."""
    pattern = _TERMINAL if newlines else _TERMINAL_NO_NEWLINE
    return pattern.sub(_show, s) if pattern.search(s) else s


def xml_text(s: str) -> str:
    """``s`` with every character XML 1.0 forbids shown as an escape (then XML-escape it as usual)."""
    return _XML.sub(_show, s) if _XML.search(s) else s
