"""The import graph of ``linter/`` follows the pipeline and has no cycle.

document -> extractions -> subjects -> rules -> engine (findings) -> reports -> front door ->
front ends, with the DSL, the finding type and the knowledge base beneath. A module may import
from its own layer or a lower one; an import that runs back up, or any circle of imports, fails
this test. Imports inside functions count too. docs/architecture.md draws the same layers.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "linter"

#: The layers from the bottom up; a name ending in ".*" covers a package.
LAYERS: list[tuple[str, list[str]]] = [
    ("foundation", ["linter", "linter.finding", "linter.yamlsrc", "linter.resources", "linter.lexicon",
                    "linter.fold", "linter.occurs", "linter.patterns", "linter.recache", "linter.cachedir", "linter.startup", "linter.sanitize", "linter.dsl.*"]),
    ("document", ["linter.markup", "linter.splitter", "linter.quotes", "linter.document", "linter.suppress",
                  "linter.blocks"]),
    ("knowledge base", ["linter.kb.*"]),
    ("extractors", ["linter.extract.*"]),
    ("extractions", ["linter.extractions", "linter.memo"]),
    ("subjects", ["linter.subjects.*"]),
    ("rules", ["linter.gate", "linter.rules"]),
    ("engine", ["linter.engine", "linter.fixer"]),
    ("reports", ["linter.report.*", "linter.spool"]),
    ("front door", ["linter.config", "linter.api"]),
    ("front ends", ["linter.runner", "linter.baseline", "linter.dask", "linter.examples", "linter.docs", "linter.kbcli",
                    "linter.lsp", "linter.checkcmd", "linter.cli", "linter.terminal", "linter.__main__"]),
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    best = -1
    for i, (_, names) in enumerate(LAYERS):
        for name in names:
            if module == name or (name.endswith(".*") and (module == name[:-2] or module.startswith(name[:-1]))):
                best = i
    assert best >= 0, f"{module} belongs to no layer of tests/test_architecture.py: place it"
    return best


def _imports(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("linter"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if not base.startswith("linter"):
                continue
            for alias in node.names:  # "from linter.subjects import date" imports a module
                candidate = f"{base}.{alias.name}"
                out.add(candidate if _is_module(candidate) else base)
    return {m for m in out if m != module}


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").is_file() or (PACKAGE.parent / rel / "__init__.py").is_file()


@cache
def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        graph[module] = {m for m in _imports(path, module) if _is_module(m)}
    return graph


def test_every_import_runs_down_the_pipeline():
    back = []
    for module, deps in _graph().items():
        for dep in deps:
            if module == "linter" or dep == "linter":
                continue  # the package's face (its version) is everyone's
            if _layer(dep) > _layer(module):
                back.append(f"{module} ({LAYERS[_layer(module)][0]}) imports {dep} ({LAYERS[_layer(dep)][0]})")
    assert back == [], "imports running back up the pipeline:\n" + "\n".join(sorted(back))


def test_no_import_cycle():
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == [], f"import cycles: {cycles}"


def test_the_layers_name_every_module():
    for module in _graph():
        _layer(module)
