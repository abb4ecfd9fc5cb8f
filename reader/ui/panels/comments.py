"""The Comments panel: a transcript's comments in segment order; add one to the current segment, resolve."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.ui.i18n import Retranslating
from reader.ui.operations.review import CommentRecord

CommentRole = Qt.ItemDataRole.UserRole + 1


class CommentsPanel(Retranslating, QWidget):
    add_requested = Signal(str)  # a comment's text, for the current segment
    resolve_requested = Signal(object, bool)  # CommentRecord, resolved
    segment_requested = Signal(int)  # segment id: show it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.comments: list[CommentRecord] = []
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.segment_requested.emit(item.data(CommentRole).segment_id))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.show_resolved = QCheckBox(self)
        self.show_resolved.toggled.connect(lambda _on: self.set_comments(self.comments))
        self.entry = QLineEdit(self)
        self.entry.returnPressed.connect(self._add)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._add)
        self.resolve_button = QPushButton(self)
        self.resolve_button.clicked.connect(self._resolve)
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.resolve_button)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_resolved.setText(self.tr("Show resolved comments"))
        self.entry.setPlaceholderText(self.tr("Comment on the current segment"))
        self.add_button.setText(self.tr("Add"))
        self._update_buttons()
        self.set_comments(self.comments)

    def set_comments(self, comments: list[CommentRecord]) -> None:
        current = self.list.currentItem()
        keep = current.data(CommentRole).id if current is not None else None
        self.comments = comments
        self.list.clear()
        faint = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for comment in comments:
            if comment.resolved and not self.show_resolved.isChecked():
                continue
            at = comment.at.astimezone().strftime("%Y-%m-%d %H:%M")
            # QListWidgetItem text is plain text: a comment's markup shows as typed.
            item = QListWidgetItem(f"#{comment.position} · {comment.author} · {at}\n{comment.text}")
            item.setData(CommentRole, comment)
            if comment.resolved:
                item.setForeground(faint)
            self.list.addItem(item)
            if comment.id == keep:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def _selected(self) -> CommentRecord | None:
        item = self.list.currentItem()
        return item.data(CommentRole) if item is not None else None

    def _update_buttons(self) -> None:
        comment = self._selected()
        if comment is None and self.resolve_button.hasFocus():
            # A disabled button's focus goes to the window's first field (the library filter).
            self.list.setFocus()
        self.resolve_button.setEnabled(comment is not None)
        self.resolve_button.setText(self.tr("Reopen") if comment is not None and comment.resolved else self.tr("Resolve"))

    def _add(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.add_requested.emit(text)
            self.entry.clear()

    def _resolve(self) -> None:
        comment = self._selected()
        if comment is not None:
            self.resolve_requested.emit(comment, not comment.resolved)
