"""What a rule can run over (its *subject*) and the typed attributes the DSL sees on each.

One module per subject declares its ``ObjectType`` and its views of a document and ends with
``SUBJECT = Subject(...)``; this package lists the bundled ones. A rule pack installed as a
Python package adds subjects and DSL functions through the entry-point group
``factlint.subjects``: each entry names a module with ``SUBJECT`` (or ``SUBJECTS``, a list) and,
optionally, ``register_functions(registry)``. See docs/architecture.md.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from linter.cachedir import cache_root, read_table, write_cache
from linter.dsl import FunctionRegistry, ObjectType, Type, default_registry
from linter.subjects import (
    administration,
    age,
    cue,
    date,
    document,
    event,
    figure,
    functions,
    interval,
    mention,
    paragraph,
    quote,
    restatement,
    sentence,
    variant,
)
from linter.subjects.base import Subject, View, option_type

__all__ = ["SUBJECTS", "Environment", "Subject", "View", "build_environment", "load_plugin", "subject_names"]

ENTRY_POINT_GROUP = "factlint.subjects"

_BUNDLED = (sentence, paragraph, quote, document, date, interval, mention, administration, cue, figure, age, event,
            restatement, variant)
#: The bundled subjects by name, in the order the docs list them.
SUBJECTS: dict[str, Subject] = {m.SUBJECT.name: m.SUBJECT for m in _BUNDLED}
#: Who adds DSL functions: the shared calendar and knowledge-base ones, then each subject module's.
_FUNCTION_MODULES: list[Callable[[FunctionRegistry], None]] = [
    functions.register_functions,
    *(m.register_functions for m in _BUNDLED if hasattr(m, "register_functions")),
]
_plugins_loaded = False


def load_plugin(module: ModuleType) -> None:
    """Add the subjects (``SUBJECT`` or ``SUBJECTS``) and DSL functions (``register_functions``)
    of a rule pack's module. A subject with a bundled name is an error."""
    found = list(getattr(module, "SUBJECTS", ()))
    if hasattr(module, "SUBJECT"):
        found.append(module.SUBJECT)
    for subject in found:
        if not isinstance(subject, Subject):
            raise TypeError(f"{module.__name__}: SUBJECT must be a linter.subjects.Subject")
        if subject.name in SUBJECTS and SUBJECTS[subject.name] is not subject:
            raise ValueError(f"{module.__name__}: subject {subject.name!r} is already defined")
        SUBJECTS[subject.name] = subject
    register = getattr(module, "register_functions", None)
    if register is not None and register not in _FUNCTION_MODULES:
        _FUNCTION_MODULES.append(register)


def _load_entry_points() -> None:
    """Load installed rule packs (entry-point group ``factlint.subjects``) once per process."""
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    fingerprint = _distributions_fingerprint()
    known = cache_root()
    memo = known / "entry-points.marshal" if known is not None and fingerprint is not None else None
    # {sys.path: the fingerprint under which no distribution declared the group}, a few paths
    table: dict[str, str] = {}
    where = repr(sys.path)
    if memo is not None:
        table = read_table(memo)
        if table.get(where) == fingerprint:
            return  # no distribution declares the group, and none changed since that was found
    from importlib.metadata import entry_points

    found = list(entry_points(group=ENTRY_POINT_GROUP))
    if memo is not None and fingerprint is not None and not found:
        table.pop(where, None)
        table[where] = fingerprint
        write_cache(memo, marshal.dumps(dict(list(table.items())[-16:])))
    for ep in found:
        load_plugin(ep.load())


def _distributions_fingerprint() -> str | None:
    """What ``importlib.metadata`` would read entry points from, as a digest: every installed
    distribution's ``entry_points.txt`` on ``sys.path`` (path, size, modification time; a
    distribution installed, upgraded or removed adds, renames or removes its ``.dist-info``
    folder, and only a file there can declare an entry point). The folders' own modification
    times are not read: the working directory (``python -m``'s first path) changes whenever a
    file is written in it. Looking costs
    about a millisecond where importing ``importlib.metadata`` and reading every distribution's
    metadata costs ten or more at each start. None when ``sys.path`` holds what this cannot list
    (a zip file): then only ``importlib.metadata`` can tell."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for entry in sys.path:
        where = entry or "."
        try:
            names = sorted(os.listdir(where))
        except NotADirectoryError:
            return None
        except OSError:
            continue
        digest.update(f"\0{where}".encode())
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                path = os.path.join(where, name, "entry_points.txt")
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                digest.update(f"\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def subject_names() -> list[str]:
    _load_entry_points()
    return list(SUBJECTS)


class Environment:
    """The names and functions a rule's expressions may use."""

    def __init__(self, registry: FunctionRegistry) -> None:
        self.registry = registry

    def for_subject(self, subject: str, options: dict[str, Any]) -> dict[str, Type]:
        env: dict[str, Type] = {"document": document.DOCUMENT}
        env[subject] = SUBJECTS[subject].type
        opt = ObjectType("options", doc="the rule's options")
        for key, value in options.items():
            opt.add(key, option_type(value), _option_getter(key), f"option {key}")
        env["options"] = opt
        return env


def _option_getter(key: str) -> Callable[[Any], Any]:
    def get(opts: Any) -> Any:
        return opts.get(key)

    return get


def build_environment() -> Environment:
    """A fresh environment: the DSL's built-in functions plus those subjects add."""
    _load_entry_points()
    registry = default_registry()
    for register in _FUNCTION_MODULES:
        register(registry)
    return Environment(registry)


def views(subject: str, analysis: Any) -> Iterator[View]:
    """The views of one subject in one analysed document."""
    return SUBJECTS[subject].iterate(analysis)  # type: ignore[no-any-return]
