"""``linter.startup``: while a check starts, dataclasses get methods compiled from the cache that
are the very methods they compile themselves, and everything is put back at the end."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path
from typing import Any

import pytest

import linter.startup as startup

METHODS = ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__", "__delattr__")


def _classes() -> list[type]:
    """A few dataclasses of the kinds factlint defines, made afresh."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Span:
        start: int
        end: int
        label: str = ""
        tags: tuple[str, ...] = ()

    @dataclasses.dataclass(order=True)
    class Row:
        key: str
        items: list[int] = dataclasses.field(default_factory=list)
        note: str | None = None

    @dataclasses.dataclass(kw_only=True, eq=False)
    class Options:
        name: str
        size: int = 3

    return [Span, Row, Options]


def _methods(cls: type) -> dict[str, Any]:
    out = {}
    for name in METHODS:
        fn = vars(cls).get(name)
        code = getattr(fn, "__code__", None)
        if code is not None:
            out[name] = (code.co_code, code.co_consts, code.co_names, code.co_varnames, code.co_filename,
                         fn.__defaults__, fn.__kwdefaults__, fn.__qualname__)
    return out


def _under_startup() -> list[type]:
    startup.begin()
    try:
        assert "exec" in vars(dataclasses) and not gc.isenabled()
        return _classes()
    finally:
        startup.end()
        gc.unfreeze()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "factlint"


def test_cached_methods_are_the_methods(cache: Path) -> None:
    plain = [_methods(c) for c in _classes()]
    cold = _under_startup()  # compiles and keeps
    [file] = cache.glob("dataclass-*.marshal")
    warm = _under_startup()  # from the cache
    assert [_methods(c) for c in cold] == plain == [_methods(c) for c in warm]
    assert all(m for m in plain)
    span, row, options = warm
    assert span(1, 2) == span(1, 2) and hash(span(1, 2)) == hash(span(1, 2)) and repr(span(1, 2, "x")) == \
        "test_cached_methods_are_the_methods.<locals>._classes.<locals>.Span(start=1, end=2, label='x', tags=())" \
        .replace("test_cached_methods_are_the_methods.<locals>.", "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span(1, 2).start = 3  # type: ignore[misc]
    assert row("a") < row("b") and row("a").items is not row("a").items
    assert options(name="n").size == 3 and file.stat().st_size > 0


def test_everything_is_put_back(cache: Path) -> None:
    frozen = gc.get_freeze_count()
    startup.end()  # without begin: nothing
    assert gc.isenabled() and gc.get_freeze_count() == frozen and "exec" not in vars(dataclasses)
    _under_startup()
    assert gc.isenabled() and "exec" not in vars(dataclasses) and not startup._STATE["active"]


def test_a_damaged_cache_changes_nothing(cache: Path) -> None:
    plain = [_methods(c) for c in _classes()]
    _under_startup()
    [file] = cache.glob("dataclass-*.marshal")
    for damage in (b"", b"junk", file.read_bytes()[:50]):
        file.write_bytes(damage)
        assert [_methods(c) for c in _under_startup()] == plain
    startup.begin()  # a table whose entries are not code: compiled anew
    try:
        for key in list(startup._STATE["table"] or {}):
            startup._STATE["table"][key] = "print('not this')"
        startup._STATE["table"] = {k: "x = 1" for k in startup._STATE["table"]}
        again = [_methods(c) for c in _classes()]
    finally:
        startup.end()
        gc.unfreeze()
    assert again == plain


def test_exec_defaults_are_the_callers() -> None:
    """Called without namespaces, as exec would be: the caller's."""
    startup.begin()
    try:
        ns: dict[str, Any] = {}
        startup._cached_exec("y = 41 + 1", ns)
        assert ns["y"] == 42
        marker = "caller"  # noqa: F841 - read by the executed text through the caller's locals
        startup._cached_exec("assert marker == 'caller'")
    finally:
        startup.end()
        gc.unfreeze()
