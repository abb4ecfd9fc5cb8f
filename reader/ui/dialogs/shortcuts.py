"""Help › Keyboard Shortcuts: every menu action that has a key, read from the menus themselves,
so the list cannot disagree with what the keys do. Plus the keys that are not menu actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMenuBar, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_table(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for every menu with an action that has a shortcut."""
    table: list[tuple[str, list[tuple[str, str]]]] = []

    def walk(menu: QMenu, title: str) -> None:
        rows = []
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{title} › {_plain(action.text())}")  # type: ignore[arg-type]
                continue
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty())
            if keys and action.text():
                rows.append((_plain(action.text()), keys))
        if rows:
            table.append((title, rows))

    for top in bar.actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))  # type: ignore[arg-type]
    return table


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        extra = [
            (self.tr("Give the selected rows the n-th speaker (0: none)"), "1 … 9, 0"),
            (self.tr("Edit the cell; save"), "F2, Enter"),
            (self.tr("Cancel the edit"), "Esc"),
        ]
        for title, rows in [*shortcut_table(bar), (self.tr("Table"), extra)]:
            group = QTreeWidgetItem(self.tree, [title])
            for name, keys in rows:
                QTreeWidgetItem(group, [name, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
