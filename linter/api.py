"""factlint's supported Python API: the one front door the command line, the language server,
rule examples and the benchmarks all use. Documented in ``docs/api.md``.

    from linter.api import build_engine, lint_text

    engine = build_engine()                         # bundled rules and knowledge base
    result = lint_text("Former President Donald Trump said ...", date=date(2025, 12, 30),
                       engine=engine)
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message)

Build an engine once and reuse it: rules are compiled and the knowledge base loaded once.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

from linter import recache
from linter.config import Config, apply_per_path
from linter.document import Document, DocumentError, Truncation, load_text
from linter.engine import Engine, Result, Selection
from linter.finding import Finding, Severity
from linter.kb import KbError, KnowledgeBase, load_kb
from linter.rules import RuleSet, load_rules
from linter.yamlsrc import SourceError

__all__ = [
    "Config",
    "Document",
    "DocumentError",
    "Engine",
    "Finding",
    "KbError",
    "Result",
    "Severity",
    "SourceError",
    "build_engine",
    "lint_document",
    "lint_text",
    "load_document",
]


def build_engine(config: Config | None = None, *, ruleset: RuleSet | None = None, bundled: bool = True,
                 select: Sequence[str] | None = None, kb: KnowledgeBase | None = None) -> Engine:
    """An engine for ``config`` (default: no configuration): its rule files over the bundled
    rules (``bundled=False`` leaves those out), its ``select``/``ignore``/``severity`` and its
    ``kb:`` files merged over the bundled knowledge base.

    ``ruleset`` gives rules already loaded; ``select`` overrides the configuration's; ``kb`` a
    knowledge base already loaded. Raises ``SourceError`` for a bad rule file and ``KbError``
    for a bad knowledge-base file, each naming file:line:col.
    """
    config = config or Config()
    if ruleset is None:
        ruleset = load_rules(config.rules, bundled=bundled)
    chosen = list(select) if select is not None else list(config.select)
    if config.extend_select:  # on top of the selection, or of the rules on by default
        chosen = (chosen or [r.id for r in ruleset.rules if r.enabled]) + list(config.extend_select)
    selection = Selection(chosen, config.ignore, dict(config.severity))
    if kb is None and config.kb:
        kb = load_kb(extra=[Path(p) for p in config.kb])
    recache.save()  # the modules an engine uses are loaded: keep their patterns' opcodes for the next start
    # no kb: the bundled one, loaded when first needed
    return Engine(ruleset, selection, kb=kb, genre=config.genre)


def load_document(text: str, *, path: str = "<text>", date: datetime.date | None = None,
                  config: Config | None = None, kind: str | None = None, title: str | None = None,
                  standfirst: str | None = None, truncation: Truncation | None = None,
                  default_date: datetime.date | None = None,
                  split: Callable[[str, int, int], list[tuple[int, int]]] | None = None) -> Document:
    """Read ``text`` into a ``Document``. ``date`` (else the configuration's ``date``, the run's
    ``--date``) overrides the publication date the text carries; ``default_date`` (else the
    configuration's ``default-date``) is the date of a text that carries none; ``kind`` is
    markdown, text or html (default: guessed from ``path`` and the text); ``title`` is a headline given beside the text, ``standfirst``
    its description (dek). Raises ``DocumentError`` (located) for broken front matter or an
    unreadable date. ``split`` splits paragraphs into sentences (``load_text``)."""
    if date is None and config is not None:
        date = config.date
    return load_text(text, path=path, kind=kind, date=date, title=title, standfirst=standfirst,
                     truncation=truncation,
                     default_date=default_date or (config.default_date if config is not None else None),
                     split=split)


def lint_document(doc: Document, engine: Engine) -> Result:
    """Lint one loaded document."""
    return engine.lint(doc)


def lint_text(text: str, *, path: str = "<text>", date: datetime.date | None = None,
              config: Config | None = None, engine: Engine | None = None, kind: str | None = None,
              title: str | None = None) -> Result:
    """Lint one article given as text: its findings, sorted, with suppression comments applied
    and the configuration's ``per-path:`` overrides for ``path``, and any warnings about the run.
    ``engine`` (built once with :func:`build_engine`) is reused; without it one is built for
    ``config``. See :func:`load_document` for the other arguments."""
    if engine is None:
        engine = build_engine(config)
    result = engine.lint(load_document(text, path=path, date=date, config=config, kind=kind, title=title))
    if config is not None and config.per_path:
        result.findings = apply_per_path(result.findings, config.per_path)
    return result
