"""What the Suggestions and Quality Check panels share: a status line over a one-level list
(a QTreeWidget with columns) and a row of buttons under it.

The status is given as a function of the language, so the panel words it again on a
language switch; whoever sets it need not remember it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import Retranslating


class ListPanel(Retranslating, QWidget):
    """`columns` columns, all but the last as wide as their contents; `buttons` push buttons, texts the subclass's."""

    def __init__(self, columns: int, buttons: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._status: Callable[[], str] = str
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.hide()
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(columns)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        for column in range(columns - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = [QPushButton(self) for _ in range(buttons)]
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.tree.itemClicked.connect(lambda item, _column: self._activate(item))

    def retranslate(self) -> None:
        self._show_status()

    def set_status(self, status: Callable[[], str]) -> None:
        """Show `status()` above the list (nothing if it is empty), and again, worded anew, after a language switch."""
        self._status = status
        self._show_status()

    def _show_status(self) -> None:
        text = self._status()
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def select(self, row: int) -> None:
        """Make row `row` current, as a click would (tests, keyboard users)."""
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)
            self._activate(item)

    def _activate(self, item: QTreeWidgetItem | None) -> None:
        raise NotImplementedError
