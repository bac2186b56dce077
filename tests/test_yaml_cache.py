"""The tree cache of ``linter.yamlsrc.read_yaml``: a tree rebuilt from the cache is the tree the
parser builds (values, locations, key locations, styles, raw scalars), for every bundled rule
file and for YAML full of dates, anchors and odd scalars; a damaged cache changes nothing; the
cache is off under ``FACTLINT_NO_CACHE``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import linter.yamlsrc as Y
from linter.resources import rules_dir


def _shape(node: Any) -> Any:
    """Everything a ``Node`` tree says, as plain values (for ==)."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, list):
        value = [_shape(n) for n in value]
    elif isinstance(value, dict):
        value = {k: _shape(n) for k, n in value.items()}
    else:
        value = (type(value).__name__, value)
    return value, node.loc, node.keys, node.style, node.raw


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(Y, "_TREE_STATE", {"table": None, "dirty": False, "path": None})
    return tmp_path / "cache" / "factlint"


def _again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process: the table read from disk again."""
    monkeypatch.setattr(Y, "_TREE_STATE", {"table": None, "dirty": False, "path": None})


ODD = """\
base: &b {when: 2024-02-29, at: 2001-12-14t21:59:43.10-05:00, plain: yes, n: 0x1F, f: .inf}
merged:
  base: *b
  text: |
    two lines
    of text
  folded: >-
    one
    line
  quoted: 'it''s'
  empty:
  list: [1, -2.5e3, ~, "x", 2020-01-01]
"""


def test_every_bundled_rule_file_and_odd_yaml_come_back_the_same(cache: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text(ODD, encoding="utf-8")
    files = [*sorted(rules_dir().rglob("*.yaml")), odd]
    assert len(files) > 20
    parsed = {f: _shape(Y.read_yaml(f)[0]) for f in files}
    Y.save_tree_cache()
    [stored] = cache.glob("yaml-*.marshal")
    _again(monkeypatch)
    monkeypatch.setattr(Y, "parse_yaml", lambda *a, **k: pytest.fail("parsed again"))
    for f in files:
        root, lines = Y.read_yaml(f)
        assert _shape(root) == parsed[f], f
        assert lines == f.read_text(encoding="utf-8").splitlines()
    assert stored.stat().st_size > 0


def test_a_changed_file_is_parsed_again_and_errors_are_never_cached(cache: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    Y.read_yaml(f)
    Y.save_tree_cache()
    _again(monkeypatch)
    f.write_text("a: [1\n", encoding="utf-8")
    with pytest.raises(Y.SourceError) as err:
        Y.read_yaml(f)
    assert err.value.loc.path == str(f)
    f.write_text("a: 2\n", encoding="utf-8")
    root = Y.read_yaml(f)[0]
    assert root is not None and root.plain() == {"a": 2}


def test_a_damaged_cache_is_ignored(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "r.yaml"
    f.write_text(ODD, encoding="utf-8")
    want = _shape(Y.read_yaml(f)[0])
    Y.save_tree_cache()
    [stored] = cache.glob("yaml-*.marshal")
    for damage in (b"", b"junk", stored.read_bytes()[:40]):
        stored.write_bytes(damage)
        _again(monkeypatch)
        assert _shape(Y.read_yaml(f)[0]) == want
    _again(monkeypatch)
    table = Y._tree_table()
    assert table is not None
    for key in list(table):
        table[key] = (9, "bad")  # the right key, a wrong entry
    assert _shape(Y.read_yaml(f)[0]) == want


def test_no_cache_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _again(monkeypatch)
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    Y.read_yaml(f)
    Y.save_tree_cache()
    assert not (tmp_path / "cache").exists()


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
                     st.dates())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(min_size=1, max_size=5), inner, max_size=3), max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(_values)
def test_any_tree_freezes_and_thaws_to_itself(value: Any) -> None:
    import yaml

    text = yaml.safe_dump({"v": value}, allow_unicode=True)
    root = Y.parse_yaml(text, "x.yaml")
    assert _shape(Y._thaw(Y._freeze(root), "x.yaml")) == _shape(root)
