"""reader.core.library imports its names on first use; the type checker sees the same names, from the same modules."""

import ast
import subprocess
import sys
from pathlib import Path

import reader.core.library

INIT = Path(reader.core.library.__file__)


def test_the_type_checkers_names_are_the_lazy_ones_from_the_same_modules():
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    where = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["_WHERE"]
    )
    checked = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    seen = {alias.name: node.module for node in checked.body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert seen == where


def test_importing_the_package_loads_none_of_its_modules():
    code = "import sys, reader.core.library as l; print(sorted(m for m in sys.modules if m.startswith('reader.core.library.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
