"""The rules manager: every correction rule with its hits, enable/disable, edit, add, remove, TSV.

Edits in the table become undo steps (reader.ui.operations.rules); the table is
rebuilt from the library after every change, so it always shows what is saved.
Hits are counted in the open transcript, in the background, the way the
cleaned view applies the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.cleaning import CleanService
from reader.ui.dialogs.tsv_buttons import tsv_buttons
from reader.ui.i18n import Retranslating
from reader.ui.operations import OpChanges, Operations, rules

if TYPE_CHECKING:
    from reader.core.text.rules import Rule as TextRule
    from reader.ui.operations.rules import LibraryRule

RuleRole = Qt.ItemDataRole.UserRole + 1
ENABLED, PATTERN, REPLACEMENT, REGEX, SCOPE, HITS = range(6)


class RulesModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(0, 6, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("On"), self.tr("Pattern"), self.tr("Replacement"), self.tr("Regex"), self.tr("Applies to"),
             self.tr("Hits here")]
        )

    def set_rules(self, rules: list[LibraryRule], hits: dict[TextRule, int]) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # rebuilding is not an edit by the user: no itemChanged
        try:
            self.setRowCount(0)
            for rule in rules:
                self.appendRow(self._row(rule, hits))
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _row(self, rule: LibraryRule, hits: dict[TextRule, int]) -> list[QStandardItem]:
        enabled = QStandardItem()
        enabled.setCheckable(True)
        enabled.setEditable(False)
        enabled.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
        pattern = QStandardItem(rule.pattern)
        replacement = QStandardItem(rule.replacement)
        regex = QStandardItem()
        regex.setCheckable(True)
        regex.setEditable(False)
        regex.setCheckState(Qt.CheckState.Checked if rule.is_regex else Qt.CheckState.Unchecked)
        scope = QStandardItem(self.tr("all transcripts") if rule.transcript_id is None else self.tr("this transcript"))
        scope.setEditable(False)
        count = hits.get(rule.text_rule())
        hit_item = QStandardItem("" if count is None else str(count))
        hit_item.setEditable(False)
        hit_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = [enabled, pattern, replacement, regex, scope, hit_item]
        for item in row:
            item.setData(rule, RuleRole)
        return row


class RulesDialog(Retranslating, QDialog):
    def __init__(self, ops: Operations, clean: CleanService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("RulesDialog")
        self.ops = ops
        self.clean = clean
        self.transcript_id: int | None = None  # whose hits are counted and whose own rules are added
        self._rules: list[LibraryRule] = []
        self._hits: dict[TextRule, int] = {}
        self.model = RulesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PATTERN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REPLACEMENT, QHeaderView.ResizeMode.Stretch)
        self.pattern_edit = QLineEdit(self)
        self.replacement_edit = QLineEdit(self)
        self.regex_box = QCheckBox(self)
        self.own_box = QCheckBox(self)
        self.add_button = QPushButton(self)
        bottom = tsv_buttons(self)
        self.remove_button, self.import_button = bottom.remove, bottom.import_
        self.export_button, self.close_button = bottom.export, bottom.close
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        add_row = QHBoxLayout()
        for widget in (self.pattern_edit, self.replacement_edit, self.regex_box, self.own_box, self.add_button):
            add_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(add_row)
        layout.addWidget(self.note)
        layout.addLayout(bottom.row)

        self.model.itemChanged.connect(self._item_changed)
        self.add_button.clicked.connect(self.add)
        self.replacement_edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self.ops.changed.connect(self._changed)
        self.retranslate()
        self.resize(760, 460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Correction Rules"))
        self.model.retranslate()
        self.pattern_edit.setPlaceholderText(self.tr("Pattern (what ASR wrote)"))
        self.replacement_edit.setPlaceholderText(self.tr("Replacement"))
        self.regex_box.setText(self.tr("Regex"))
        self.own_box.setText(self.tr("Only this transcript"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.import_button.setText(self.tr("Import TSV…"))
        self.export_button.setText(self.tr("Export TSV…"))
        self.close_button.setText(self.tr("Close"))

    # loading
    def set_transcript(self, transcript_id: int | None) -> None:
        """The transcript open in the reader."""
        self.transcript_id = transcript_id

    def refresh(self) -> None:
        rules.load(self.ops, self.transcript_id, self._rules_loaded)
        if self.transcript_id is not None:
            rules.count_hits(self.ops, self.transcript_id, self.clean.hits_counter(), self._hits_counted)

    def _rules_loaded(self, rules: list[LibraryRule]) -> None:
        self._rules = rules
        self.model.set_rules(rules, self._hits)

    def _hits_counted(self, hits: dict[TextRule, int]) -> None:
        self._hits = hits
        self.model.set_rules(self._rules, hits)

    def _changed(self, changes: OpChanges) -> None:
        if changes.rules and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # the user's edits
    def _item_changed(self, item: QStandardItem) -> None:
        rule = item.data(RuleRole)
        column = item.column()
        old: dict[str, Any]
        new: dict[str, Any]
        if column == ENABLED:
            old, new = {"enabled": rule.enabled}, {"enabled": item.checkState() == Qt.CheckState.Checked}
        elif column == REGEX:
            old, new = {"is_regex": rule.is_regex}, {"is_regex": item.checkState() == Qt.CheckState.Checked}
        elif column == PATTERN:
            old, new = {"pattern": rule.pattern}, {"pattern": item.text()}
        elif column == REPLACEMENT:
            old, new = {"replacement": rule.replacement}, {"replacement": item.text()}
        else:
            return
        if old != new:
            old.setdefault("pattern", rule.pattern)
            rules.update(self.ops, rule.id, old, new)

    def add(self) -> None:
        pattern = self.pattern_edit.text()
        if not pattern:
            self.pattern_edit.setFocus()
            return
        own = self.own_box.isChecked() and self.transcript_id is not None
        rules.add(self.ops, pattern, self.replacement_edit.text(), self.regex_box.isChecked(), self.transcript_id if own else None)
        self.pattern_edit.clear()
        self.replacement_edit.clear()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        for row in rows:
            rule = self.model.item(row, PATTERN).data(RuleRole)
            rules.remove(self.ops, rule.id, rule.pattern)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Rules"), "", self.tr("Tab-separated rules (*.tsv *.txt);;All Files (*)")
        )
        if path:
            rules.import_tsv(self.ops, path, None, self._imported)

    def _imported(self, count: int) -> None:
        self.note.setText(self.tr("%n rule(s) added or changed", "", count))

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Rules"), "rules.tsv", self.tr("Tab-separated rules (*.tsv);;All Files (*)")
        )
        if path:
            rules.export_tsv(self.ops, path, None, self._exported)

    def _exported(self, left_out: int) -> None:
        self.note.setText(
            self.tr("Exported; %n disabled rule(s) left out", "", left_out) if left_out else self.tr("Exported")
        )
