"""The History panel: every revision of the current segment, who, when and why, old and new text
with the difference marked, and "Restore this version".

Transcript text is only ever put into the document as plain text (QTextCursor.insertText);
the marks are QTextCharFormats laid over it, so no markup in a transcript is interpreted.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QTextEdit, QVBoxLayout, QWidget

from reader.ui.i18n import Retranslating
from reader.ui.operations.review import RevisionRecord


def origin_text(origin: str) -> str:
    """Why a revision was made, in the UI's language (an unknown origin as stored)."""
    names = {
        "typed": QCoreApplication.translate("HistoryPanel", "typed"),
        "revert": QCoreApplication.translate("HistoryPanel", "reverted"),
        "replace-all": QCoreApplication.translate("HistoryPanel", "replace all"),
        "rule": QCoreApplication.translate("HistoryPanel", "rule"),
        "split": QCoreApplication.translate("HistoryPanel", "split"),
        "merge": QCoreApplication.translate("HistoryPanel", "merge"),
        "undo": QCoreApplication.translate("HistoryPanel", "undo"),
        "undo split": QCoreApplication.translate("HistoryPanel", "undo split"),
        "undo merge": QCoreApplication.translate("HistoryPanel", "undo merge"),
        "restore": QCoreApplication.translate("HistoryPanel", "restored"),
        "import": QCoreApplication.translate("HistoryPanel", "import"),
    }
    return names.get(origin, origin)


def diff_document(old: str, new: str, document: QTextDocument | None = None) -> QTextDocument:
    """Two lines of plain text, old then new: what went struck through in red, what came underlined in green."""
    document = document or QTextDocument()
    document.clear()
    cursor = QTextCursor(document)
    plain = QTextCharFormat()
    gone = QTextCharFormat()
    gone.setFontStrikeOut(True)
    gone.setForeground(QColor("#b3261e"))
    came = QTextCharFormat()
    came.setFontUnderline(True)
    came.setForeground(QColor("#1b7f3b"))
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, _j1, _j2 in opcodes:
        cursor.insertText(old[i1:i2], plain if tag == "equal" else gone)
    cursor.insertBlock()
    for tag, _i1, _i2, j1, j2 in opcodes:
        cursor.insertText(new[j1:j2], plain if tag == "equal" else came)
    return document


class HistoryPanel(Retranslating, QWidget):
    # the revision whose text should become the segment's text again
    restore_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.revisions: list[RevisionRecord] = []
        self.segment_id: int | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.diff = QTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setAcceptRichText(False)
        self.restore_button = QPushButton(self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        self.list.currentRowChanged.connect(self._show)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(self.diff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.restore_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.restore_button.setText(self.tr("Restore This Version"))
        self.restore_button.setToolTip(self.tr("Make this revision's text the segment's text again (a new revision; undoable)"))
        self.set_history(self.segment_id, self.revisions, keep_row=True)

    def set_history(self, segment_id: int | None, revisions: list[RevisionRecord], keep_row: bool = False) -> None:
        row = self.list.currentRow() if keep_row and segment_id == self.segment_id else -1
        self.segment_id, self.revisions = segment_id, revisions
        self.list.blockSignals(True)
        self.list.clear()
        for revision in revisions:
            at = revision.at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{at} · {revision.author} · {origin_text(revision.origin)}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if segment_id is None:
            self.heading.setText(self.tr("Select a segment to see its history"))
        elif not revisions:
            self.heading.setText(self.tr("No changes yet: the segment shows its automatic text"))
        else:
            self.heading.setText(self.tr("%1 revisions").replace("%1", str(len(revisions))))
        self.list.setCurrentRow(row if 0 <= row < len(revisions) else len(revisions) - 1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.revisions):
            self.diff.clear()
            self.restore_button.setEnabled(False)
            return
        revision = self.revisions[row]
        diff_document(revision.old or "", revision.new or "", self.diff.document())
        # The newest revision is what the segment holds now; restoring it would change nothing.
        self.restore_button.setEnabled(row < len(self.revisions) - 1)

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.revisions):
            self.restore_requested.emit(self.revisions[row])
