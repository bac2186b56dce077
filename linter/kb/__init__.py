"""The knowledge base: people, offices, terms, countries and events (``rules/kb/``).

``model`` holds the types and the date questions, ``load`` reads YAML, ``validate`` checks it
with file:line:col locations, ``wikidata`` converts a Wikidata SPARQL result. The schema is
documented in ``docs/knowledge-base.md``. ``load_kb`` is the entry point: it reads a KB and,
when a file is malformed, raises ``KbError`` with every problem located.
"""

from collections.abc import Sequence
from pathlib import Path

from linter.kb.load import LOAD_ERRORS, bundled_kb_dir, kb_paths, read_kb
from linter.kb.model import (
    PAST_MODIFIERS,
    SITTING_MODIFIERS,
    STALE_AFTER,
    Country,
    Event,
    KbError,
    KbProblem,
    KnowledgeBase,
    Office,
    Person,
    Term,
    norm_name,
    normalize_modifier,
    title_interval,
)
from linter.kb.validate import validate_kb

__all__ = [
    "PAST_MODIFIERS",
    "SITTING_MODIFIERS",
    "STALE_AFTER",
    "Country",
    "Event",
    "KbError",
    "KbProblem",
    "KnowledgeBase",
    "Office",
    "Person",
    "Term",
    "bundled_kb_dir",
    "load_kb",
    "norm_name",
    "normalize_modifier",
    "title_interval",
    "validate_kb",
]


def load_kb(path: Path | None = None, extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The KB at ``path`` (default: the bundled one) with ``extra`` merged over it (cached).
    Raises :class:`KbError` listing every problem at file:line:col when a file is invalid."""
    try:
        return read_kb(path, extra)
    except LOAD_ERRORS as exc:
        paths = kb_paths(path, extra)
        problems = [q for p in paths for q in validate_kb(p)]
        if not problems:
            problems = [KbProblem(str(paths[0]), 1, 1, f"cannot load knowledge base: {exc}")]
        raise KbError(problems) from exc
