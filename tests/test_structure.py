"""The package's shape, read statically from its source: no import cycles between modules, no
module over 500 lines, no function over 60 lines, and the HTML view free of MT code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "toolkit"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str, node: ast.ImportFrom, known: dict[str, Path]) -> list[str]:
    """The toolkit modules an import names (a `from package import module` names the module)."""
    if node.level:
        base = name.split(".")
        if known[name].name != "__init__.py":
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if not target.startswith("toolkit"):
        return []
    found = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in known]
    return found if len(found) == len(node.names) else [target, *found]


def import_graph(top_level_only: bool = True) -> dict[str, set[str]]:
    """module -> the toolkit modules it imports (at module level unless top_level_only is False)."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if top_level_only else list(ast.walk(tree))
        edges: set[str] = set()
        for node in nodes:
            if isinstance(node, ast.ImportFrom):
                edges.update(t for t in _resolve(name, node, known) if t in known and t != name)
            elif isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in known)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert "toolkit.formats.tmx" in graph["toolkit.formats.bundle"]
    assert "toolkit.memory.model" in graph["toolkit.memory.exchange"]


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_no_import_cycles_counting_deferred_imports() -> None:
    assert cycles(import_graph(top_level_only=False)) == []


def test_modules_are_small() -> None:
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_functions_are_short() -> None:
    long = {}
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                if (size := (node.end_lineno or node.lineno) - start + 1) > MAX_FUNCTION_LINES:
                    long[f"{name}.{node.name}"] = size
    assert long == {}


def test_html_view_imports_no_mt_code() -> None:
    graph = import_graph(top_level_only=False)
    assert not {m for m in reachable(graph, "toolkit.formats.html_view") if m.startswith("toolkit.mt")}
    assert not {m for m in reachable(graph, "toolkit.formats.bundle") if m.startswith("toolkit.mt")}


def test_readme_layout_names_every_package_and_module() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = text.split("## Layout", 1)[1].split("```")[1]
    words = set(re.findall(r"[\w.]+/?", layout))
    missing = []
    for path in sorted(PACKAGE.iterdir()):
        if path.is_dir() and (path / "__init__.py").exists():
            if f"{path.name}/" not in words:
                missing.append(f"{path.name}/")
            missing += [
                f"{path.name}/{m.stem}"
                for m in path.glob("*.py")
                if m.stem not in ("__init__", "__main__") and m.stem not in words and f"{m.stem}/" not in words
            ]
            missing += [
                f"{path.name}/{d.name}/"
                for d in path.iterdir()
                if (d / "__init__.py").exists() and f"{d.name}/" not in words
            ]
        elif path.suffix == ".py" and path.stem != "__init__" and path.stem not in words and path.name not in words:
            missing.append(path.name)
    assert missing == []
