"""What every subject module builds on: the generic ``View``, the ``Subject`` record and the
environment of names a rule's expressions see.

A subject is a kind of thing a rule runs over (a sentence, a date expression, a titled mention).
A subject module declares its DSL ``ObjectType`` (attribute → type, getter, doc) and how to
enumerate the views of one document. A view is a small object over one extracted item and the
``Analysis`` it came from, so that attributes can follow links (``mention.sentence``); it
describes, it never extracts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from linter.dsl import BOOL, NUMBER, STRING, ObjectType
from linter.dsl.types import ListType, Type
from linter.extractions import Analysis

__all__ = ["Subject", "View", "cached_view", "option_type"]

_V = TypeVar("_V", bound="View")


class View:
    """One item of a document as a rule sees it: ``a`` the analysis, ``item`` the extracted
    object (a sentence, a date mention ...), ``extra`` what the item needs beside it (its
    sentence, its source). ``span`` is what a finding points at by default."""

    __slots__ = ("a", "item", "extra", "_text")

    def __init__(self, a: Analysis, item: Any, extra: Any = None) -> None:
        self.a = a
        self.item = item
        self.extra = extra
        self._text: Any = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.item.start, self.item.end)


def cached_view(a: Analysis, cls: type[_V], key: Any, make: Callable[[], _V]) -> _V:
    """The one view of class ``cls`` for ``key`` in this document (made on first use)."""
    views = a.views
    k = (cls, key)
    view = views.get(k)
    if view is None:
        view = views[k] = make()
    return view  # type: ignore[no-any-return]


@dataclass
class Subject:
    """A subject: its name in rules (``subject: mention``), its type and its views of a document."""

    name: str
    type: ObjectType
    iterate: Callable[[Analysis], Iterator[Any]]

    @property
    def doc(self) -> str:
        return self.type.doc


def option_type(value: Any) -> Type:
    """The DSL type of a rule option's value (``options.NAME``)."""
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, (int, float)):
        return NUMBER
    if isinstance(value, list):
        return ListType(STRING)
    return STRING
