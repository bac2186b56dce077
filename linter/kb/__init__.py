"""The knowledge base: people, offices, terms, countries and events (``rules/kb/``).

``model`` holds the types and the date questions, ``load`` reads YAML, ``validate`` checks it
with file:line:col locations, ``wikidata`` converts a Wikidata SPARQL result. The schema is
documented in ``docs/knowledge-base.md``. ``load_kb`` is the entry point: it reads a KB and,
when a file is malformed, raises ``KbError`` with every problem located.
"""

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from linter.kb.load import bundled_kb_dir, kb_paths, load_errors, read_kb
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
    Verdict,
    norm_name,
    normalize_modifier,
    title_interval,
)

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
    "Verdict",
    "bundled_kb_dir",
    "load_kb",
    "norm_name",
    "normalize_modifier",
    "title_interval",
    "validate_kb",
]


def load_kb(path: Path | None = None, extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The KB at ``path`` (default: the bundled one) with ``extra`` merged over it (cached).

    The bundled KB is read from its compiled store (``rules/kb/kb.sqlite``, see
    ``linter.kb.store``) when there is one: lazily, one row at a time. Raises :class:`KbError`
    listing every problem at file:line:col when a file is invalid."""
    if path is None:
        stored = _stored()
        if stored is not None:
            if not extra:
                return stored
            try:
                return read_kb(None, extra, base=stored)
            except load_errors() as exc:
                problems = [q for p in extra for q in validate_kb(Path(p))]
                raise KbError(problems or [KbProblem(str(extra[0]), 1, 1, f"cannot load knowledge base: {exc}")]) from exc
    try:
        return read_kb(path, extra)
    except load_errors() as exc:
        paths = kb_paths(path, extra)
        problems = [q for p in paths for q in validate_kb(p)]
        if not problems:
            problems = [KbProblem(str(paths[0]), 1, 1, f"cannot load knowledge base: {exc}")]
        raise KbError(problems) from exc


@cache
def _stored() -> KnowledgeBase | None:
    """The compiled bundled KB, opened once per process (None when there is no store)."""
    from linter.kb.store import StoredKnowledgeBase

    path = bundled_kb_dir() / "kb.sqlite"
    return StoredKnowledgeBase(path) if path.is_file() else None


def validate_kb(path: Path | None = None, extra: Sequence[Path] = ()) -> list[KbProblem]:
    """Every problem of a KB's YAML files at file:line:col (see ``linter.kb.validate``)."""
    from linter.kb.validate import validate_kb as validate

    return validate(path, extra)
