"""Write a JSON report whose one long list (JSON's findings, SARIF's results) comes a piece at a
time: the rest of the document is dumped with a marker where the list goes, and each item is
dumped alone and indented to where the marker was: the same characters ``json.dumps(indent=2)``
gives for the whole document, without the whole list in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

#: what stands for the list's one item while the rest of the document is dumped (the NULs are
#: escaped in JSON, and no name, message or rule text of a report holds them)
MARK = "\x00factlint: the streamed list\x00"


def chunks(payload: Any, items: Iterable[Any]) -> Iterator[str]:
    """``json.dumps(payload, ensure_ascii=False, indent=2) + "\\n"`` in pieces, where
    ``payload`` holds ``[MARK]`` for a list that is not empty and ``items`` are its items."""
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    mark = json.dumps(MARK)
    at = text.index(mark)
    line_start = text.rindex("\n", 0, at) + 1
    indent = text[line_start:at]
    yield text[:line_start]
    newline = "\n" + indent
    first = True
    for item in items:
        piece = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", newline)
        yield (indent if first else ",\n" + indent) + piece
        first = False
    yield text[at + len(mark):]
