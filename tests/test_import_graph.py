"""No import cycle in `advisor/` (issue 27): the graph of which module imports which, built from the source with
`ast`, module-level and function-level imports alike (an import inside a function hides a cycle without removing
it), the migrations left out."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "advisor"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {
        module_name(p, root): p for p in sorted(root.rglob("*.py")) if "migrations" not in p.relative_to(root).parts
    }


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of `known` that the module `name` (at `path`) imports anywhere in its source: `import x.y` and
    `from x import z` import x.y and x, or x.z where z is a module of its own (a submodule, not a name x defines).
    A package a module sits in is not counted: Python runs it first whoever imports what."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            submodules = [f"{origin}.{alias.name}" for alias in node.names if f"{origin}.{alias.name}" in known]
            names = len(submodules) < len(node.names)  # some of what it takes are names the module defines
            targets = submodules + ([origin] if names else [])
        else:
            continue
        found.update(target for target in targets if target in known)
    return {module for module in found if module != name and not name.startswith(module + ".")}


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    found = modules(root)
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle in the graph, as the modules around it (the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_advisor_has_no_import_cycle():
    edges = graph()
    assert "advisor.engine.decide" in edges  # the walk found the package
    found = cycle(edges)
    assert found is None, "import cycle: " + " -> ".join(found or [])


def test_the_graph_sees_function_level_imports_and_submodules(tmp_path):
    package = tmp_path / "advisor"
    (package / "engine").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "engine" / "__init__.py").write_text("")
    (package / "engine" / "a.py").write_text("from . import b\n")
    (package / "engine" / "b.py").write_text("def f():\n    from .c import g\n    return g\n")
    (package / "engine" / "c.py").write_text("from advisor.engine import a\n\ndef g():\n    return a\n")
    edges = graph(package)
    assert edges["advisor.engine.a"] == {"advisor.engine.b"}
    assert "advisor.engine.c" in edges["advisor.engine.b"]
    assert cycle(edges) == ["advisor.engine.a", "advisor.engine.b", "advisor.engine.c", "advisor.engine.a"]
    (package / "engine" / "c.py").write_text("def g():\n    return 1\n")
    assert cycle(graph(package)) is None
