"""Tools › Glossary…: the words the talks should contain, global or for the open transcript,
with their known misspellings; add, remove, TSV in and out (`term<TAB>alias,alias`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.dialogs.tsv_buttons import tsv_buttons
from reader.ui.i18n import Retranslating
from reader.ui.operations import OpChanges, Operations, glossary

if TYPE_CHECKING:
    from reader.ui.operations.glossary import GlossaryEntry

TERM, ALIASES, SCOPE = range(3)
EntryRole = Qt.ItemDataRole.UserRole + 1


class GlossaryDialog(Retranslating, QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("GlossaryDialog")
        self.ops = ops
        self.transcript_id: int | None = None  # whose own terms are listed and added
        self.entries: list[GlossaryEntry] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TERM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCOPE, QHeaderView.ResizeMode.ResizeToContents)
        self.term_edit = QLineEdit(self)
        self.aliases_edit = QLineEdit(self)
        self.own_box = QCheckBox(self)
        self.add_button = QPushButton(self)
        bottom = tsv_buttons(self)
        self.remove_button, self.import_button = bottom.remove, bottom.import_
        self.export_button, self.close_button = bottom.export, bottom.close
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)

        add_row = QHBoxLayout()
        for widget in (self.term_edit, self.aliases_edit, self.own_box, self.add_button):
            add_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.note)
        layout.addLayout(bottom.row)
        self.resize(640, 460)

        self.add_button.clicked.connect(self.add)
        self.term_edit.returnPressed.connect(self.add)
        self.aliases_edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        ops.changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Glossary"))
        self.table.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Known misspellings"), self.tr("Scope")])
        self.term_edit.setPlaceholderText(self.tr("Term, e.g. 大语言模型"))
        self.aliases_edit.setPlaceholderText(self.tr("Misspellings, comma-separated (optional)"))
        self.own_box.setText(self.tr("Only this transcript"))
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove"))
        self.import_button.setText(self.tr("&Import…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.close_button.setText(self.tr("Close"))
        self._fill()

    def set_transcript(self, transcript_id: int | None) -> None:
        self.transcript_id = transcript_id
        self.own_box.setEnabled(transcript_id is not None)
        if transcript_id is None:
            self.own_box.setChecked(False)
        self.reload()

    def reload(self) -> None:
        glossary.load(self.ops, self.transcript_id, self._loaded)

    def _changed(self, changes: OpChanges) -> None:
        if changes.glossary or changes.library:
            self.reload()

    def _loaded(self, entries: list[GlossaryEntry]) -> None:
        self.entries = entries
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            scope = self.tr("all transcripts") if e.transcript_id is None else self.tr("this transcript")
            for column, text in ((TERM, e.term), (ALIASES, ", ".join(e.aliases)), (SCOPE, scope)):
                item = QTableWidgetItem(text)
                item.setData(EntryRole, e)
                self.table.setItem(row, column, item)

    def _scope(self) -> int | None:
        return self.transcript_id if self.own_box.isChecked() else None

    def add(self) -> None:
        term = self.term_edit.text().strip()
        if not term:
            self.note.setText(self.tr("Type the term first"))
            return
        aliases = [a.strip() for a in self.aliases_edit.text().replace("，", ",").split(",") if a.strip()]
        glossary.add(self.ops, term, aliases, self._scope())
        self.term_edit.clear()
        self.aliases_edit.clear()
        self.note.setText(self.tr("Added %1").replace("%1", term))

    def selected(self) -> list[GlossaryEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.entries[row] for row in rows if row < len(self.entries)]

    def remove_selected(self) -> None:
        for e in self.selected():
            glossary.remove(self.ops, e.term, e.transcript_id)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Glossary"), "", self.tr("Tab-separated glossary (*.tsv *.txt);;All Files (*)")
        )
        if path:
            glossary.import_tsv(self.ops, path, self._scope(), self._imported)

    def _imported(self, count: int) -> None:
        self.note.setText(self.tr("%1 terms new or with new misspellings").replace("%1", str(count)))

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Glossary"), "glossary.tsv", self.tr("Tab-separated glossary (*.tsv);;All Files (*)")
        )
        if path:
            glossary.export_tsv(self.ops, path, self._scope(), self._exported)

    def _exported(self, count: int) -> None:
        self.note.setText(self.tr("%1 terms written").replace("%1", str(count)))
