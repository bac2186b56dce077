"""The function registry of the DSL and its built-in functions (date, lower, len, years_between, ...).

Other modules add their own with ``registry.register(...)`` (e.g. ``holds(person, office, date)``
from the knowledge base); ``default_registry()`` returns a fresh copy of the built-ins.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from linter.dsl.types import ANY, BOOL, DATE, NUMBER, STRING, ListType, Type

# A parameter accepts one type or any of several.
ParamType = Type | tuple[Type, ...]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Function:
    """A DSL function: typed parameters, return type, documentation and a Python implementation.

    ``accepts_none``: if False (the default) a call with any none argument returns none without
    calling ``impl``. ``pure``: a call whose arguments are all constants is evaluated once at
    compile time (so ``date("2025-01-20")`` is checked and folded when the rule loads).
    ``host``: ``impl`` takes the evaluation's host object first (``EvalContext.host``: the
    document under analysis, through which knowledge-base functions reach the run's KB); such a
    function is never folded.
    """

    name: str
    params: tuple[ParamType, ...]
    returns: Type
    impl: Callable[..., Any]
    doc: str = ""
    accepts_none: bool = False
    pure: bool = True
    host: bool = False

    def signature(self) -> str:
        return f"{self.name}({', '.join(param_name(p) for p in self.params)}) -> {self.returns.name}"


def param_name(param: ParamType) -> str:
    if isinstance(param, tuple):
        return " | ".join(t.name for t in param)
    return param.name


class FunctionRegistry:
    """Name → ``Function``. Extensible: ``register`` adds or replaces a function."""

    def __init__(self, functions: dict[str, Function] | None = None) -> None:
        self._functions: dict[str, Function] = dict(functions or {})

    def register(
        self,
        name: str,
        params: Sequence[ParamType],
        returns: Type,
        impl: Callable[..., Any],
        doc: str = "",
        accepts_none: bool = False,
        pure: bool = True,
        host: bool = False,
    ) -> Function:
        if not name.isidentifier() or name in ("and", "or", "not", "in", "true", "false", "none"):
            raise ValueError(f"invalid DSL function name {name!r}")
        fn = Function(name, tuple(params), returns, impl, doc, accepts_none, pure and not host, host)
        self._functions[name] = fn
        return fn

    def get(self, name: str) -> Function | None:
        return self._functions.get(name)

    def __getitem__(self, name: str) -> Function:
        return self._functions[name]

    def __contains__(self, name: object) -> bool:
        return name in self._functions

    def __iter__(self) -> Iterator[Function]:
        return iter(sorted(self._functions.values(), key=lambda f: f.name))

    def __len__(self) -> int:
        return len(self._functions)

    def names(self) -> list[str]:
        return sorted(self._functions)

    def copy(self) -> FunctionRegistry:
        return FunctionRegistry(self._functions)


# --- built-in implementations -------------------------------------------------------------


def _date(text: str) -> _dt.date:
    return _dt.date.fromisoformat(text.strip())


def _len(value: Any) -> int:
    return len(value)


def _year(d: _dt.date) -> int:
    return d.year


def _month(d: _dt.date) -> int:
    return d.month


def _day(d: _dt.date) -> int:
    return d.day


def _weekday(d: _dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def _as_date(d: _dt.date) -> _dt.date:
    return d.date() if isinstance(d, _dt.datetime) else d


def _days_between(a: _dt.date, b: _dt.date) -> int:
    return (_as_date(b) - _as_date(a)).days


def _years_between(a: _dt.date, b: _dt.date) -> int:
    a, b = _as_date(a), _as_date(b)
    if b < a:
        return -_years_between(b, a)
    years = b.year - a.year
    if (b.month, b.day) < (a.month, a.day):
        years -= 1
    return years


def _contains(container: Any, item: Any) -> bool:
    if item is None:
        return False
    if isinstance(container, str):
        return isinstance(item, str) and item in container
    return item in container


@functools.lru_cache(maxsize=512)
def _word_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags=regex.V0 | regex.IGNORECASE)


def _any_of(text: str, words: Sequence[str]) -> bool:
    clean = tuple(w for w in words if isinstance(w, str) and w)
    if not clean:
        return False
    return _word_pattern(clean).search(text) is not None


def _count(items: Sequence[Any]) -> int:
    return len(items)


def _startswith(text: str, prefix: str) -> bool:
    return text.startswith(prefix)


def _endswith(text: str, suffix: str) -> bool:
    return text.endswith(suffix)


_ANY_LIST = ListType(ANY)


def _builtins() -> FunctionRegistry:
    r = FunctionRegistry()
    r.register("date", [STRING], DATE, _date, "The date written in ISO form: date(\"2025-01-20\").")
    r.register("lower", [STRING], STRING, str.lower, "The string in lower case.")
    r.register("upper", [STRING], STRING, str.upper, "The string in upper case.")
    r.register("len", [(STRING, _ANY_LIST)], NUMBER, _len, "Length of a string (code points) or a list.")
    r.register("year", [DATE], NUMBER, _year, "The year of a date.")
    r.register("month", [DATE], NUMBER, _month, "The month of a date, 1-12.")
    r.register("day", [DATE], NUMBER, _day, "The day of the month of a date, 1-31.")
    r.register("weekday", [DATE], STRING, _weekday, "The English weekday name of a date: \"Monday\"..\"Sunday\".")
    r.register("days_between", [DATE, DATE], NUMBER, _days_between,
               "Days from the first date to the second (negative if the second is earlier).")
    r.register("years_between", [DATE, DATE], NUMBER, _years_between,
               "Whole years from the first date to the second: the age on the second date of someone "
               "born on the first (negative if the second is earlier).")
    r.register("contains", [(_ANY_LIST, STRING), ANY], BOOL, _contains,
               "True if the list holds the item, or the string holds the substring.")
    r.register("any_of", [STRING, ListType(STRING)], BOOL, _any_of,
               "True if the text contains any of the words or phrases as whole words, ignoring case.")
    r.register("count", [_ANY_LIST], NUMBER, _count, "The number of items in a list.")
    r.register("startswith", [STRING, STRING], BOOL, _startswith, "True if the string starts with the prefix.")
    r.register("endswith", [STRING, STRING], BOOL, _endswith, "True if the string ends with the suffix.")
    return r


_BUILTINS = _builtins()


def default_registry() -> FunctionRegistry:
    """A fresh registry holding the built-in functions; registering on it changes only the copy."""
    return _BUILTINS.copy()
