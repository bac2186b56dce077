"""The static types of the rule DSL and ``Text``, the runtime value of TEXT (a str that knows its offset).

Other modules describe what a rule can see by building ``ObjectType``s whose attributes carry a
type, a getter and a doc string; ``compile_expression`` checks expressions against them at load
time and bakes the getters into the compiled closures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


class Type:
    """A DSL type. Types are equal when their names are equal."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Type) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"<type {self.name}>"

    def __str__(self) -> str:
        return self.name


BOOL = Type("bool")
NUMBER = Type("number")  # int or float
STRING = Type("string")
TEXT = Type("text")  # a string with an absolute offset (runtime value: Text); assignable to STRING
DATE = Type("date")  # datetime.date
NONE = Type("none")  # the type of the literal `none`; assignable to every type
ANY = Type("any")  # matches anything; checked at run time only


class ListType(Type):
    """A list whose elements have type ``elem``."""

    __slots__ = ("elem",)

    def __init__(self, elem: Type) -> None:
        super().__init__(f"list[{elem.name}]")
        self.elem = elem


@dataclass
class Attribute:
    """One attribute of an ``ObjectType``: its type, how to read it from the object, its doc."""

    type: Type
    getter: Callable[[Any], Any]
    doc: str = ""


class ObjectType(Type):
    """A named record type (sentence, mention, person, ...) with typed attributes.

    Attributes may be added after construction (``add``) so that object types can refer to each
    other (``sentence.paragraph``, ``paragraph.sentences``).
    """

    __slots__ = ("attributes", "doc")

    def __init__(self, name: str, attributes: dict[str, Attribute] | None = None, doc: str = "") -> None:
        super().__init__(name)
        self.attributes: dict[str, Attribute] = dict(attributes or {})
        self.doc = doc

    def add(
        self, name: str, type: Type, getter: Callable[[Any], Any] | None = None, doc: str = ""
    ) -> ObjectType:
        """Add (or replace) attribute ``name``; the getter defaults to ``getattr(obj, name)``."""
        if getter is None:
            getter = _attr_getter(name)
        self.attributes[name] = Attribute(type, getter, doc)
        return self

    def __iter__(self) -> Iterator[str]:
        return iter(self.attributes)


def _attr_getter(name: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        return getattr(obj, name, None)

    return get


def is_stringlike(t: Type) -> bool:
    return t == STRING or t == TEXT


def is_assignable(src: Type, dst: Type) -> bool:
    """Can a value of static type ``src`` be used where ``dst`` is expected?"""
    if src == dst or dst == ANY or src == ANY or src == NONE:
        return True
    if src == TEXT and dst == STRING:
        return True
    if isinstance(src, ListType) and isinstance(dst, ListType):
        return is_assignable(src.elem, dst.elem)
    return False


def unify(a: Type, b: Type) -> Type | None:
    """The narrowest type both ``a`` and ``b`` are assignable to, or None if there is none."""
    if a == b:
        return a
    if a == NONE:
        return b
    if b == NONE:
        return a
    if a == ANY or b == ANY:
        return ANY
    if is_stringlike(a) and is_stringlike(b):
        return STRING
    if isinstance(a, ListType) and isinstance(b, ListType):
        elem = unify(a.elem, b.elem)
        return ListType(elem) if elem is not None else None
    return None


def type_article(t: Type) -> str:
    """``t`` named with an article for messages: "a number", "an object of type person"."""
    if isinstance(t, ListType):
        return f"a list ({t.name})"
    if isinstance(t, ObjectType):
        return f"a {t.name}"
    if t == NONE:
        return "none"
    if t == ANY:
        return "a value of any type"
    article = "an" if t.name[0] in "aeiou" else "a"
    return f"{article} {t.name}"


class Text(str):
    """A str that remembers the absolute offset of its first character in the document.

    ``Text("utilize", 120)[2:5]`` is an ordinary str; use ``sub`` (or ``span``) to keep offsets.
    """

    __slots__ = ("start",)
    start: int

    def __new__(cls, value: str, start: int) -> Text:
        obj = super().__new__(cls, value)
        obj.start = start
        return obj

    @property
    def end(self) -> int:
        """Absolute offset one past the last character."""
        return self.start + len(self)

    def sub(self, begin: int, end: int | None = None) -> Text:
        """The slice ``self[begin:end]`` (relative, Python slice rules) as a Text with its offset."""
        b, e, _ = slice(begin, end).indices(len(self))
        e = max(e, b)
        return Text(str.__getitem__(self, slice(b, e)), self.start + b)

    def span(self, begin: int = 0, end: int | None = None) -> tuple[int, int]:
        """Absolute ``(start, end)`` of the relative slice ``[begin:end]``."""
        b, e, _ = slice(begin, end).indices(len(self))
        return (self.start + b, self.start + max(e, b))

    def __repr__(self) -> str:
        return f"Text({str.__repr__(self)}, {self.start})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), self.start))
