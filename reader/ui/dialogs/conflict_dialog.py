"""The dialog shown when someone else saved a segment before this person's text.

Nothing was saved: the dialog puts both texts side by side, the other
person's with their name, and the person chooses to keep theirs, save their
own over it (knowing now what it replaces) or go back to editing their text.
Both texts are shown as plain text, never interpreted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import Retranslating

if TYPE_CHECKING:
    from reader.ui.operations.edits import ConflictError

KEEP_THEIRS, USE_MINE, EDIT_MINE = "theirs", "mine", "edit"


class ConflictDialog(Retranslating, QDialog):
    chosen = Signal(str)  # KEEP_THEIRS, USE_MINE or EDIT_MINE

    def __init__(self, conflict: ConflictError, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.explanation = QLabel(self)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.theirs_label = QLabel(self)
        self.theirs_label.setTextFormat(Qt.TextFormat.PlainText)
        self.mine_label = QLabel(self)
        self.theirs = _read_only(self)
        self.mine = _read_only(self)
        self.buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self)
        self.mine_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.setDefault(True)  # the safe choice: nothing of theirs is lost

        texts = QGridLayout()
        texts.addWidget(self.theirs_label, 0, 0)
        texts.addWidget(self.mine_label, 0, 1)
        texts.addWidget(self.theirs, 1, 0)
        texts.addWidget(self.mine, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(texts, 1)
        layout.addWidget(self.buttons)

        self.keep_button.clicked.connect(lambda: self._choose(KEEP_THEIRS))
        self.mine_button.clicked.connect(lambda: self._choose(USE_MINE))
        self.edit_button.clicked.connect(lambda: self._choose(EDIT_MINE))
        self.retranslate()
        self.resize(720, 360)

    def retranslate(self) -> None:
        c = self.conflict
        author = c.author or self.tr("someone")
        self.setWindowTitle(self.tr("Segment %1 Was Changed").replace("%1", str(c.position)))
        self.explanation.setText(
            self.tr("%1 saved segment %2 while you were editing it. Your text was not saved: choose which text to keep.")
            .replace("%1", author)
            .replace("%2", str(c.position))
        )
        self.theirs_label.setText(self.tr("Their text (%1, version %2):").replace("%1", author).replace("%2", str(c.version)))
        self.mine_label.setText(self.tr("Your text:"))
        automatic = self.tr("(no correction: the automatic text)")
        self.theirs.setPlainText(automatic if c.text is None else c.text)
        self.mine.setPlainText(automatic if c.attempted is None else c.attempted)
        self.keep_button.setText(self.tr("&Keep Theirs"))
        self.mine_button.setText(self.tr("&Use Mine"))
        self.edit_button.setText(self.tr("&Edit Mine…"))

    def _choose(self, choice: str) -> None:
        self.chosen.emit(choice)
        self.accept()


def _read_only(parent: QWidget) -> QPlainTextEdit:
    text = QPlainTextEdit(parent)
    text.setReadOnly(True)
    return text
