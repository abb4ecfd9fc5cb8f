"""Layers: reader.core never pulls in Qt, and the GUI reaches the library only through reader.ui.operations."""

import ast
import subprocess
import sys
from pathlib import Path

import reader.core

CORE = Path(reader.core.__file__).parent
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def test_no_core_module_imports_qt():
    modules = sorted(
        "reader.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    )
    assert modules, "found no core modules to check"
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r}]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"reader.core pulled in Qt: {out.stdout.strip()}"


UI = CORE.parent / "ui"
OPERATIONS = UI / "operations"


def _imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at the top or in a function, `from x import y` giving x and x.y."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_only_the_operations_package_calls_into_the_library():
    """One road from the GUI to the database: reader.ui.operations (see docs/ARCHITECTURE.md)."""
    modules = [p for p in UI.rglob("*.py") if OPERATIONS not in p.parents]
    assert len(modules) > 20, "found too few UI modules to check"
    offenders = {
        str(p.relative_to(UI)): sorted(
            m for m in _imported_modules(p) if m == "reader.core.library" or m.startswith("reader.core.library.")
        )
        for p in modules
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_the_layer_check_sees_an_import_inside_a_function(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from reader.core.library import tagging\n", encoding="utf-8")
    assert "reader.core.library.tagging" in _imported_modules(sneaky)
