"""Help › Keyboard Shortcuts: every key the reader answers to.

The list is read from the window's own actions (their texts and shortcuts, in the
language on screen), so it cannot fall behind what the keys do; keys that no action
carries (the number keys, the cell editor's) come from `KEYS_WITHOUT_ACTIONS`, the
one table of those. `shortcut_table` gives the same keys grouped by menu.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMenu, QMenuBar, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from reader.ui.i18n import Retranslating


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def key_text(sequences: list[QKeySequence]) -> str:
    """The sequences as the user reads them, each once: Return and the keypad's Enter both
    read "回车" in the Chinese UI, and Ctrl+回车 listed twice looks like a mistake."""
    shown = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences if not k.isEmpty()]
    return ", ".join(dict.fromkeys(shown))


def shortcut_table(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for every menu with an action that has a shortcut."""
    table: list[tuple[str, list[tuple[str, str]]]] = []

    def walk(menu: QMenu, title: str) -> None:
        rows = []
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{title} › {_plain(action.text())}")  # type: ignore[arg-type]
                continue
            keys = key_text(action.shortcuts())
            if keys and action.text():
                rows.append((_plain(action.text()), keys))
        if rows:
            table.append((title, rows))

    for top in bar.actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))  # type: ignore[arg-type]
    return table


def keys_without_actions() -> list[tuple[str, str]]:
    """(keys, what they do) for keys handled by a widget rather than an action."""
    return [
        ("1 … 9", QCoreApplication.translate("ShortcutsDialog", "Give the selected rows the speaker of that key")),
        ("0", QCoreApplication.translate("ShortcutsDialog", "Take the speaker off the selected rows")),
        ("Enter", QCoreApplication.translate("ShortcutsDialog", "Edit the current cell; in the editor, save")),
        ("Esc", QCoreApplication.translate("ShortcutsDialog", "In the editor: cancel")),
        ("Alt+1 … Alt+9", QCoreApplication.translate("ShortcutsDialog", "In the topic picker: take that suggestion")),
        # The comparison dock's own keys (reader/ui/compare/view.py), answered while it has the focus.
        ("F7", QCoreApplication.translate("ShortcutsDialog", "In the comparison: next difference")),
        ("Shift+F7", QCoreApplication.translate("ShortcutsDialog", "In the comparison: previous difference")),
        ("Ctrl+Shift+U", QCoreApplication.translate("ShortcutsDialog", "In the comparison: use the other transcript's wording")),
        ("Esc", QCoreApplication.translate("ShortcutsDialog", "In the comparison: close it")),
    ]


def action_keys(window: QWidget) -> list[tuple[str, str]]:
    """(shortcuts, action text) of every action of `window` that has a shortcut, in menu order where known."""
    rows = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.shortcuts():
            continue
        seen.add(id(action))
        keys = key_text(action.shortcuts())
        rows.append((keys, action.text().replace("&", "")))
    return rows


class ShortcutsDialog(Retranslating, QDialog):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self.table = QTableWidget(0, 2, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        rows = action_keys(self._window) + keys_without_actions()
        self.table.setRowCount(len(rows))
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))

    def listed(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]
