"""The package's layers: content (load and check) -> render (pages, decks, worksheets) -> site.

A layer imports only from the layers before it, no module imports itself back through others,
and checking content needs neither python-pptx, python-docx nor MkDocs.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "childcare_guide"
LAYERS = ("content", "render", "site")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every module of the package with the package modules it imports (anywhere in the file)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found.update(t for t in targets if t in modules and t != name)
        graph[name] = found
    return graph


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_each_layer_imports_only_the_layers_before_it():
    wrong = []
    for module, targets in _imports().items():
        layer = _layer(module)
        for target in targets:
            target_layer = _layer(target)
            if layer is not None and target_layer is not None and target_layer > layer:
                wrong.append(f"{module} -> {target}")
            if layer is None and module != "childcare_guide.__main__" and target_layer not in (None, 0):
                wrong.append(f"{module} -> {target}")  # the package's top level is content only
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles():
    graph = _imports()
    # a package's __init__ importing its own submodules is not a cycle of the code
    edges = {m: {t for t in ts if not m.startswith(t + ".") and not t.startswith(m + ".")}
             for m, ts in graph.items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_checking_content_loads_no_renderer_library(tmp_path):
    """`python -m childcare_guide check` (also the pre-commit hook) stays light."""
    root = PACKAGE.parents[1]
    script = ("import sys, runpy\n"
              "sys.argv = ['childcare_guide', 'check', '--root', sys.argv[1]]\n"
              "try:\n    runpy.run_module('childcare_guide', run_name='__main__')\n"
              "except SystemExit as end:\n    assert end.code == 0, end.code\n"
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'pptx', 'docx', 'mkdocs', 'xlsxwriter'}))\n")
    result = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert "De inhoud is in orde" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_package_data_is_found_through_the_package():
    from childcare_guide.package_data import package_file

    assert package_file("design", "deck-template.pptx").is_file()
    assert package_file("schemas", "module.schema.json").is_file()
    assert package_file("vendor", "iframe-worker-shim.js").is_file()
