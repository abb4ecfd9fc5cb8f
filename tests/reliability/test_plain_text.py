"""Transcript text is never rendered as rich text and never makes the app fetch anything: a static check of reader/ui.

Qt guesses rich text from content wherever a widget's format is AutoText (the
default of QLabel, QMessageBox, QInputDialog and tooltips), so a segment like
`<img src="http://...">` would be interpreted and fetched. The rules below are
checked on the syntax tree of every module in reader/ui (comments and strings
cannot trip them): no HTML or Markdown APIs at all, no browser or network
classes, and every label, message box or tooltip that is given text computed
at run time is made plain first. Text that is a literal or a pure `tr("...")`
is the app's own and may stay AutoText. tests/ui/test_plain_text.py shows
the same at run time for the views.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"
MODULES = sorted(UI.rglob("*.py"))

FORBIDDEN_ATTRIBUTES = {
    "setHtml", "insertHtml", "appendHtml", "setMarkdown", "fromHtml", "RichText", "AutoText", "MarkdownText",
    "setSource", "setOpenExternalLinks", "setSearchPaths", "loadResource",
}
FORBIDDEN_NAMES = {"QTextBrowser", "QWebEngineView", "QWebEnginePage", "QNetworkAccessManager", "QNetworkRequest", "QDesktopServices"}
TEXT_WIDGETS = {"QLabel": 0, "QMessageBox": 2}  # class: index of the text argument of its constructor
STATIC_DIALOGS = {"warning", "information", "critical", "question", "about"}  # QMessageBox.x(parent, title, text)


# Reviewed exceptions, (module, widget): why its run-time text cannot hold markup.
REVIEWED = {
    ("main_window.py", "self.counts_label"): "shows two numbers in a translated sentence",
}
# Reviewed uses of a forbidden attribute, (module, attribute): why nothing is rendered or fetched.
REVIEWED_ATTRIBUTES = {
    ("player.py", "setSource"): "QMediaPlayer.setSource: plays a local recording the person chose; nothing is shown as text",
}


def is_own_text(node: ast.AST | None, own_tables: frozenset[str] = frozenset()) -> bool:
    """A literal, a translation of a literal, or a sum of such, or an entry of a table of them:
    the app's own words, which cannot hold a transcript's markup."""
    if node is None or (isinstance(node, ast.Name) and node.id in ("self", "parent")):
        return True  # QLabel(self): a parent widget, no text
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_own_text(node.left, own_tables) and is_own_text(node.right, own_tables)
    if isinstance(node, ast.Subscript):
        return ast.unparse(node.value) in own_tables
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        return name in ("tr", "translate") and all(isinstance(a, ast.Constant) for a in node.args[:1])
    return False


def calls(tree: ast.AST):
    return (n for n in ast.walk(tree) if isinstance(n, ast.Call))


def method_calls(tree: ast.AST, method: str):
    """(target source, first argument) of every `target.method(arg, ...)`."""
    for call in calls(tree):
        if isinstance(call.func, ast.Attribute) and call.func.attr == method:
            yield ast.unparse(call.func.value), call.args[0] if call.args else None


def class_of(call: ast.Call) -> str:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", "")


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = lambda node: f"{path.name}:{node.lineno}"  # noqa: E731
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES and (path.name, node.attr) not in REVIEWED_ATTRIBUTES:
            found.append(f"{where(node)}: uses {node.attr}")
        if isinstance(node, ast.Name | ast.alias) and getattr(node, "id", getattr(node, "name", "")) in FORBIDDEN_NAMES:
            found.append(f"{where(node) if hasattr(node, 'lineno') else path}: uses {getattr(node, 'id', getattr(node, 'name', ''))}")

    # Dictionaries whose values are all the app's own words (names and tips of actions).
    own_tables = frozenset(
        ast.unparse(target)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and node.value.values
        and all(is_own_text(v) for v in node.value.values)
        for target in node.targets
    )
    plain = {target for target, arg in method_calls(tree, "setTextFormat") if arg is not None and "PlainText" in ast.unparse(arg)}
    widgets: list[tuple[str, ast.Call]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and class_of(node.value) in TEXT_WIDGETS:
            widgets += [(ast.unparse(target), node.value) for target in node.targets]
    assigned = {id(call) for _, call in widgets}
    for call in calls(tree):
        kind = class_of(call)
        if kind in TEXT_WIDGETS:
            index = TEXT_WIDGETS[kind]
            text = call.args[index] if len(call.args) > index else None
            if not is_own_text(text) and id(call) not in assigned:
                found.append(f"{where(call)}: {kind} made with run-time text and never set to PlainText")
        func = call.func
        static_dialog = isinstance(func, ast.Attribute) and func.attr in STATIC_DIALOGS and ast.unparse(func.value) == "QMessageBox"
        if static_dialog and not is_own_text(call.args[2] if len(call.args) > 2 else None):
            found.append(f"{where(call)}: QMessageBox.{call.func.attr} guesses rich text; make a box and set PlainText")
    for target, call in widgets:
        index = TEXT_WIDGETS[class_of(call)]
        texts = [call.args[index] if len(call.args) > index else None]
        texts += [arg for t, arg in method_calls(tree, "setText") if t == target]
        texts += [arg for t, arg in method_calls(tree, "setInformativeText") if t == target]
        reviewed = (path.name, target) in REVIEWED
        if not all(is_own_text(t, own_tables) for t in texts) and target not in plain and not reviewed:
            found.append(f"{where(call)}: {target} shows run-time text but is not set to PlainText")
    for call in calls(tree):
        if isinstance(call.func, ast.Attribute) and call.func.attr in ("setToolTip", "setLabelText", "setWhatsThis"):
            text = call.args[0] if call.args else None
            escaped = isinstance(text, ast.Call) and class_of(text) == "plain_tooltip"
            if not (is_own_text(text, own_tables) or escaped):
                found.append(
                    f"{where(call)}: {call.func.attr} with run-time text (Qt guesses rich text there; escape it with plain_tooltip)"
                )
    return found


def test_the_check_sees_the_ui_modules():
    assert len(MODULES) > 5 and any(p.name == "main_window.py" for p in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_no_rich_text_and_nothing_fetched(path):
    assert problems_in(path) == []


def test_the_check_catches_what_it_is_for(tmp_path):
    bad = tmp_path / "ui" / "bad.py"
    bad.parent.mkdir()
    bad.write_text(
        "label = QLabel(segment.raw)\n"
        "self.title = QLabel(self)\n"
        "self.title.setText(transcript.title)\n"
        "QMessageBox.warning(self, self.tr('x'), str(exc))\n"
        "item.setToolTip(speaker)\n"
        "view.setHtml(text)\n"
        "browser = QTextBrowser()\n"
        "self.ok = QLabel(self)\n"
        "self.ok.setTextFormat(Qt.TextFormat.PlainText)\n"
        "self.ok.setText(segment.raw)\n"
        "self.fixed = QLabel(self.tr('Find:'))\n",
        encoding="utf-8",
    )
    found = problems_in(bad)
    assert len(found) == 6, found
    assert not [f for f in found if "self.ok" in f or "self.fixed" in f]
