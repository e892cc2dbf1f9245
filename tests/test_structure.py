"""The shape of the code: no import cycles, the core knows no part, short modules, one URL rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from support import REPO

PACKAGES = ("sitegen", "search", "cms")
MAX_LINES = 400
# The build core: it may not import a part (pages, feeds, search…); parts register as entry points.
CORE = ("sitegen.build", "sitegen.content", "sitegen.graph", "sitegen.clock", "sitegen.dates", "sitegen.languages",
        "sitegen.i18n", "sitegen.problems")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(REPO).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, name: str, known: set[str], top_level_only: bool) -> set[str]:
    """Modules of this repository that ``path`` imports (at module level when ``top_level_only``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in nodes:
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if state.get(other) == "open":
                cycles.append(stack[stack.index(other):] + [other])
            elif other not in state:
                visit(other)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_no_import_cycles():
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(path, name, known, top_level_only=True) for name, path in modules.items()}
    # A package's __init__ importing its own modules is not a cycle a reader trips over.
    graph = {name: {t for t in targets if not name.startswith(t + ".")} for name, targets in graph.items()}
    assert _cycles(graph) == []


def test_the_core_imports_no_part_and_no_django():
    modules = _modules()
    known = set(modules)
    for name, path in modules.items():
        if not name.startswith(CORE):
            continue
        imported = _imports(path, name, known, top_level_only=False)
        assert not [m for m in imported if m.startswith(("sitegen.parts", "search", "cms"))], name
        assert "django" not in path.read_text(encoding="utf-8").replace("Django", ""), name


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_stay_short(package):
    long = {str(path.relative_to(REPO)): n for path in (REPO / package).rglob("*.py")
            if "migrations" not in path.parts and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_default_language_rule_is_written_once():
    """'' for the default language, '/<lang>' otherwise: only sitegen.languages.url knows it."""
    rule = re.compile(r"if\s+\w*lang\w*\s*==\s*[\w.]*default_lang\w*\s+else")
    found = [str(path.relative_to(REPO)) for package in PACKAGES for path in (REPO / package).rglob("*.py")
             if rule.search(path.read_text(encoding="utf-8"))]
    assert found == ["sitegen/languages.py"]
