"""Make reader/ui/core_messages.py: every message template of reader/core, for lupdate.

reader.core never imports Qt, so lupdate cannot find its messages. This walks the
core's source (the string templates given to `UserError(...)` and `Msg(...)`) and
writes them as QT_TRANSLATE_NOOP("errors", ...) lines; reader.ui.messages
translates them under that context. Run after changing a core message:

    .venv/bin/python tools/core_messages.py

then lupdate and translate (resources/translations/README.md).
tests/ui/test_core_messages.py fails while the generated file is out of date.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "reader" / "core"
TARGET = ROOT / "reader" / "ui" / "core_messages.py"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_CALLS = ("UserError", "Msg")


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _template_args(call: ast.Call) -> list[ast.expr]:
    """The arguments of a call that are templates: what and why of a UserError, the first of a Msg."""
    return call.args[:2] if _name(call) == "UserError" else call.args[:1]


def scan(core: Path = CORE) -> tuple[list[str], list[str]]:
    """(the templates, sorted; the places that give a template as an f-string, which no catalogue can hold)."""
    found: set[str] = set()
    wrong: list[str] = []
    for path in sorted(core.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node) not in _CALLS:
                continue
            for arg in _template_args(node):
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    # Only a template with words (or signs) of its own: "{path}" has nothing to translate.
                    if _PLACEHOLDER.sub("", arg.value).strip():
                        found.add(arg.value)
                elif isinstance(arg, ast.JoinedStr):
                    wrong.append(f"{path.relative_to(core.parent.parent)}:{node.lineno}")
    return sorted(found), wrong


def _literal(text: str) -> str:
    if "\\" in text or "\n" in text:
        raise ValueError(f"a template with a backslash or line break: {text!r}")
    return f'"{text}"' if '"' not in text else f"'{text}'"


def render(templates: list[str]) -> str:
    lines = [
        "# ruff: noqa: E501  (a template is one line: it is the message id)",
        '"""Every message template of reader/core, for lupdate (reader.ui.messages translates them).',
        "",
        "Made by tools/core_messages.py from the core's source: do not edit by hand.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES = (",
        *(f'    QT_TRANSLATE_NOOP("errors", {_literal(t)}),' for t in templates),
        ")",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    templates, wrong = scan()
    if wrong:
        print("templates given as f-strings (put the values in fields):", *wrong, sep="\n  ", file=sys.stderr)
        return 1
    TARGET.write_text(render(templates), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(templates)} templates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
