"""The on-disk cache of compiled regular expressions (``linter.recache``): a pattern served from
the cache is the pattern ``re.compile`` gives, for every fixed pattern factlint has; a damaged
or foreign cache changes nothing; ``FACTLINT_NO_CACHE`` writes nothing."""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import linter
import linter.recache as recache

SAMPLES = [
    (r"\b(?P<year>\d{4})-(?P<month>\d\d)\b", 0),
    (r"(?i)(?<![\w'])(?:president|prime minister)\s+(?P<name>[A-Z]\w+)", 0),
    (r"^\s*#+\s", re.MULTILINE),
    (r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.IGNORECASE | re.VERBOSE),
    (r"(a)|b", re.ASCII),
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(recache, "_STATE", {"table": None, "new": 0, "path": None, "atexit": True})
    return tmp_path / "factlint"


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recache, "_STATE", {"table": None, "new": 0, "path": None, "atexit": True})


def test_a_pattern_from_the_cache_is_re_compiles(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = [recache.compile(p, f) for p, f in SAMPLES]
    assert recache._STATE["new"] == len(SAMPLES)
    recache.save()
    [file] = cache.glob("regex-*.marshal")
    _fresh(monkeypatch)
    monkeypatch.setattr(recache, "_entry", lambda *a: pytest.fail("compiled again"))
    again = [recache.compile(p, f) for p, f in SAMPLES]
    assert recache._STATE["new"] == 0 and file.stat().st_size > 0
    for (p, f), a, b in zip(SAMPLES, first, again, strict=True):
        want = re.compile(p, f)
        assert a == want and b == want and b.groupindex == want.groupindex and b.groups == want.groups
        text = "In 2024-05 President Obama met them; ab Ünïcode-word’s #  x"
        assert [m.span() for m in b.finditer(text)] == [m.span() for m in want.finditer(text)]


def test_a_damaged_cache_is_ignored(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for p, f in SAMPLES:
        recache.compile(p, f)
    recache.save()
    [file] = cache.glob("regex-*.marshal")
    for damage in (b"", b"not marshal at all", file.read_bytes()[: len(file.read_bytes()) // 2]):
        file.write_bytes(damage)
        _fresh(monkeypatch)
        assert [recache.compile(p, f) for p, f in SAMPLES] == [re.compile(p, f) for p, f in SAMPLES]
    # entries of the right shape with opcodes _sre refuses: compiled anew, the entry dropped
    _fresh(monkeypatch)
    table = recache._table()
    table[SAMPLES[0]] = (32, [999, 999], 0, {}, (None,))
    table[SAMPLES[1]] = ("bad",)  # type: ignore[assignment]
    assert recache.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    assert recache.compile(*SAMPLES[1]) == re.compile(*SAMPLES[1])


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _fresh(monkeypatch)
    assert recache.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    recache.save()
    assert not list(tmp_path.rglob("*"))


def _module_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern a factlint module holds at module level."""
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(linter.__path__, "linter."):
        if info.name.endswith(("lsp", "dask", "kb.wikidata")):
            continue  # optional extras' imports
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[value.pattern, value.flags] = value
    return list(found.values())


def test_every_fixed_pattern_round_trips() -> None:
    """The opcodes recorded for each of factlint's own patterns rebuild that very pattern."""
    patterns = _module_patterns()
    assert len(patterns) > 200
    for pat in patterns:
        entry = recache._entry(pat.pattern, pat.flags)
        assert entry is not None, pat.pattern
        assert recache._build(pat.pattern, entry) == pat, pat.pattern


def test_the_cli_with_a_cold_a_warm_and_no_cache_says_the_same(tmp_path: Path) -> None:
    """Three processes: the first writes the cache, the second (another string hash seed) starts
    from it and adds nothing, the third has none; the same report each time."""
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2025-12-30\n---\nFormer President Joe Biden said on Thursday, Jan. 14 "
                       "that it has been reported. Leave a Reply\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "FACTLINT_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    cmd = [sys.executable, "-m", "linter", "check", "--format", "json", str(article)]
    runs = [subprocess.run(cmd, capture_output=True, text=True, env={**env, "PYTHONHASHSEED": "1"}, check=False)]
    [file] = (tmp_path / "cache" / "factlint").glob("regex-*.marshal")
    kept = set(marshal.loads(file.read_bytes()))
    assert len(kept) > 200
    # another string hash seed compiles no pattern the first run did not (a pattern built from a
    # set in its order would be new in every process, and the table would grow run after run)
    runs.append(subprocess.run(cmd, capture_output=True, text=True, env={**env, "PYTHONHASHSEED": "2"}, check=False))
    assert set(marshal.loads(file.read_bytes())) == kept
    runs.append(subprocess.run(cmd, capture_output=True, text=True, env={**env, "FACTLINT_NO_CACHE": "1"}, check=False))
    assert "\"rule\"" in runs[0].stdout  # findings were made
    assert [(r.returncode, r.stdout, r.stderr) for r in runs[1:]] == [(runs[0].returncode, runs[0].stdout, runs[0].stderr)] * 2


def test_no_home_means_no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without a home folder to be found (and no XDG_CACHE_HOME), caching is off, not an error;
    a cache folder that cannot be written is left alone."""
    from linter import cachedir

    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cachedir.cache_root() is None
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cachedir.write_cache(blocker / "factlint" / "x.marshal", b"data")  # mkdir under a file: ignored
    assert cachedir.read_table(blocker / "factlint" / "x.marshal") == {}
    assert cachedir.read_table(None) == {}


def _module_with_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    folder = tmp_path / "mods"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.py").write_text(
        "import re\n"
        f"A = re.compile(r'(?P<w>{name}\\w+)\\s+\\d{{2,}}', re.I)\n"
        f"B = re.compile('[^\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD{name}]')\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))


def _forget(name: str) -> None:
    sys.modules.pop(name, None)
    for key in [k for k in re._cache if k[0] is str and name in k[1]]:  # type: ignore[attr-defined]
        del re._cache[key]  # type: ignore[attr-defined]


def test_an_imported_modules_patterns_come_from_the_cache_next_time(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``import_module`` records the patterns an import compiles; in a new process (a fresh
    table, the module and ``re``'s cache forgotten) the import compiles none of them, and gets
    the very patterns ``re.compile`` makes."""
    name = f"factlint_probe_{os.getpid()}"
    _module_with_patterns(tmp_path, monkeypatch, name)
    _forget(name)
    try:
        first = recache.import_module(name)
        assert recache._STATE["new"] >= 1
        recache.save()
        want = (first.A, first.B)
        _fresh(monkeypatch)
        _forget(name)
        compiled: list[str] = []
        real = recache._compiler.compile
        monkeypatch.setattr(recache._compiler, "compile", lambda p, f=0: compiled.append(p) or real(p, f))
        again = recache.import_module(name)
        assert compiled == [] and again is not first
        assert (again.A, again.B) == want and again.A.groupindex == {"w": 1}
        assert again.A.search(f"x {name.upper()}ab 123").group("w") == f"{name.upper()}ab"
        # a damaged record or entry: the import compiles as usual
        _fresh(monkeypatch)
        _forget(name)
        table = recache._table()
        table["@import", name] = (("not", "a key"), 7, *table["@import", name])
        for key in table["@import", name][2:]:
            table[key] = (0, b"\x00\x01", 0, {}, ())
        assert (recache.import_module(name).A, sys.modules[name].B) == want
        assert len(compiled) == 2
    finally:
        _forget(name)


def test_import_module_without_a_cache_is_a_plain_import(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    _fresh(monkeypatch)
    name = f"factlint_probe_plain_{os.getpid()}"
    _module_with_patterns(tmp_path, monkeypatch, name)
    try:
        assert recache.import_module(name).A.pattern.startswith("(?P<w>")
        assert recache._STATE["new"] == 0 and recache._table() == {}
        assert recache.import_module(name) is sys.modules[name]
    finally:
        _forget(name)


def test_cache_files_unused_for_thirty_days_are_removed_when_a_cache_is_written(tmp_path: Path) -> None:
    """Reading a cache file marks it as used (at most once a day); writing one removes the files
    of the folder no run used for thirty days, and a writer's leftover temporary file, but nothing
    that is not factlint's."""
    from linter import cachedir

    folder = tmp_path / "factlint"
    folder.mkdir()
    day = 24 * 3600.0
    now = time.time()
    ages = {"kb-old-events.marshal": 31, "kb-new-events.marshal": 29, "dsl-ast-old.pickle": 40,
            ".regex-x.marshal.tmp123": 31, "notes.txt": 400, "read-today.marshal": 45}
    for name, age in ages.items():
        (folder / name).write_bytes(b"x")
        os.utime(folder / name, (now - age * day, now - age * day))
    assert cachedir.read_cache(folder / "read-today.marshal") == b"x"  # 45 days old, used now
    assert time.time() - (folder / "read-today.marshal").stat().st_mtime < day
    before = (folder / "kb-new-events.marshal").stat().st_mtime
    os.utime(folder / "kb-new-events.marshal", (now - 0.5 * day, now - 0.5 * day))
    cachedir.read_cache(folder / "kb-new-events.marshal")  # used half a day ago: not marked again
    assert (folder / "kb-new-events.marshal").stat().st_mtime == pytest.approx(now - 0.5 * day, abs=1)
    os.utime(folder / "kb-new-events.marshal", (before, before))
    cachedir.write_cache(folder / "regex-new.marshal", b"data")
    assert sorted(p.name for p in folder.iterdir()) == ["kb-new-events.marshal", "notes.txt", "read-today.marshal",
                                                       "regex-new.marshal"]
    assert cachedir.prune(folder) == 0 and cachedir.prune(tmp_path / "missing") == 0
    assert cachedir.prune(folder, now=now + 31 * day) == 3  # the files read or written now, a month later


def test_an_import_that_compiles_new_patterns_each_time_is_not_recorded_for_ever(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module whose import compiles patterns made differently in each process (here: from a
    counter) would add to its record at every start: past ``IMPORT_LIMIT`` patterns nothing more
    is recorded for it, and the table stops growing."""
    name = f"factlint_probe_drift_{os.getpid()}"
    folder = tmp_path / "drift"
    folder.mkdir()
    (folder / f"{name}.py").write_text(
        "import re, builtins\n"
        "n = getattr(builtins, '_factlint_drift', 0); builtins._factlint_drift = n + 1\n"
        f"P = [re.compile(r'{name}_%d_%d' % (n, i)) for i in range(3)]\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(recache, "IMPORT_LIMIT", 7)
    sizes = []
    try:
        for _ in range(5):
            _forget(name)
            recache.import_module(name)
            sizes.append(len(recache._table()))
        assert sizes[1] > sizes[0] and sizes[-1] == sizes[-2] == sizes[2]  # 3, 6 patterns recorded; then no more
        assert len(recache._table()["@import", name]) == 6
    finally:
        _forget(name)
        import builtins

        vars(builtins).pop("_factlint_drift", None)


def test_possessive_patterns_only_where_re_runs_them_right() -> None:
    """Python 3.11.0-3.11.4 matched some possessive patterns wrongly (CPython gh-100061,
    gh-106052): there the extractors compile their plain greedy forms, and the tokens are the
    same on every interpreter ("1989," is a number and a comma, as on 3.11.5 and later)."""
    import sys

    from linter.extract import attribution, mentions, tense

    assert recache.POSSESSIVE == (sys.version_info >= (3, 11, 5))
    for rx in (attribution._ASCII_TOKEN_SPLIT_RE, attribution._TOKEN_SPLIT_RE, tense._WORD_SPLIT,
               mentions._ASCII_RUN_RE):
        assert ("++" in rx.pattern or "*+" in rx.pattern) == recache.POSSESSIVE, rx.pattern
    text = "    Reagan, who is believed to want an agreement before he\nleaves office in 1989, said last week"
    tokens = attribution._ASCII_TOKEN_SPLIT_RE.findall(text)
    assert tokens[-6:] == ["in", "1989", ",", "said", "last", "week"]
    assert attribution._TOKEN_SPLIT_RE.findall(text) == tokens
    assert [m.group() for m in mentions._ASCII_RUN_RE.finditer("Prime Minister Margaret Thatcher of Britain, 1987")] \
        == ["Prime Minister Margaret Thatcher of Britain"]
