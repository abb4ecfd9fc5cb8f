"""Find and replace: a bar under the transcript with the results listed beside it.

Layout and user input only; searching and replacing are the controller's.
Results show as plain text (they quote the transcript). While a find runs the
bar shows a busy bar and a Cancel button (Esc cancels too); changing what is
asked for (text, scope, options) clears the results at once.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reader.ui.i18n import Retranslating, fit_to_items
from reader.ui.operations.edits import Found, Match
from reader.ui.table.segment_model import plain_tooltip

MatchRole = Qt.ItemDataRole.UserRole + 1
SNIPPET = 18  # characters of context each side of a hit


def snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET)
    right = min(len(text), end + SNIPPET)
    return ("…" if left else "") + text[left:start] + "【" + text[start:end] + "】" + text[end:right] + ("…" if right < len(text) else "")


class FindBar(Retranslating, QWidget):
    search_requested = Signal()
    replace_one_requested = Signal()
    replace_all_requested = Signal()
    result_activated = Signal(object)  # the Match
    closed = Signal()
    cancel_requested = Signal()
    more_requested = Signal()
    query_changed = Signal()  # the text, scope or an option changed: results shown are for another query

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.find_edit = QLineEdit(self)
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.regex_box = QCheckBox(self)
        self.case_box = QCheckBox(self)
        self.scope_box = QComboBox(self)
        self.scope_box.addItems(["", ""])
        self.find_button = QPushButton(self)
        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.replace_button = QPushButton(self)
        self.replace_all_button = QPushButton(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self._searched = False  # the results list holds a search's results (maybe none)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # no total known: Qt animates it as busy
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(80)
        self.busy_bar.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.more_button = QPushButton(self)
        self.more_button.hide()
        self.find_label = QLabel(self)
        self.replace_label = QLabel(self)
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformItemSizes(True)
        self.results.setMaximumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.find_button, 0, 2)
        grid.addWidget(self.prev_button, 0, 3)
        grid.addWidget(self.next_button, 0, 4)
        grid.addWidget(self.regex_box, 0, 5)
        grid.addWidget(self.case_box, 0, 6)
        grid.addWidget(self.scope_box, 0, 7)
        grid.addWidget(self.close_button, 0, 8)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2, 1, 3)
        grid.addWidget(self.replace_all_button, 1, 5)
        status = QHBoxLayout()
        status.addWidget(self.busy_bar)
        status.addWidget(self.count_label, 1)
        status.addWidget(self.more_button)
        status.addWidget(self.cancel_button)
        grid.addLayout(status, 1, 6, 1, 3)
        grid.addWidget(self.results, 2, 0, 1, 9)
        grid.setColumnStretch(1, 1)

        self.find_edit.returnPressed.connect(self.search_requested)
        self.find_button.clicked.connect(self.search_requested)
        self.replace_edit.returnPressed.connect(self.replace_one_requested)
        self.replace_button.clicked.connect(self.replace_one_requested)
        self.replace_all_button.clicked.connect(self.replace_all_requested)
        self.next_button.clicked.connect(lambda: self.step(1))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.close_button.clicked.connect(self.close_bar)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.more_button.clicked.connect(self.more_requested)
        self.find_edit.textChanged.connect(self.query_changed)
        self.scope_box.currentIndexChanged.connect(self.query_changed)
        self.regex_box.toggled.connect(self.query_changed)
        self.case_box.toggled.connect(self.query_changed)
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.find_label.setText(self.tr("Find:"))
        self.replace_label.setText(self.tr("Replace:"))
        self.regex_box.setText(self.tr("Regular expression"))
        self.case_box.setText(self.tr("Match case"))
        self.scope_box.setItemText(0, self.tr("This transcript"))
        self.scope_box.setItemText(1, self.tr("Whole library"))
        fit_to_items(self.scope_box)
        self.find_button.setText(self.tr("Find"))
        self.replace_button.setText(self.tr("Replace"))
        self.replace_all_button.setText(self.tr("Replace All"))
        self.prev_button.setToolTip(self.tr("Previous result"))
        self.next_button.setToolTip(self.tr("Next result"))
        self.close_button.setToolTip(self.tr("Close"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this search (Esc)"))
        self.more_button.setText(self.tr("Load more"))
        self.show_status()

    # what the status beside the results says; kept as facts, so a language switch says them again
    def set_status(self, *, busy: bool = False, cancelled: bool = False, more: bool = False, unindexed: int = 0, note: str = "") -> None:
        self._status = (busy, cancelled, more, unindexed, note)
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.more_button.setVisible(more and not busy)
        self.find_button.setEnabled(not busy)
        self.show_status()

    def busy(self) -> bool:
        return self.busy_bar.isVisible()

    def show_status(self) -> None:
        busy, cancelled, more, unindexed, note = getattr(self, "_status", (False, False, False, 0, ""))
        rows = self.results_model.rowCount()
        if busy:
            parts = [self.tr("Searching…")]
        elif cancelled:
            parts = [self.tr("Search cancelled.")]
        elif more:
            parts = [self.tr("First %n result(s) shown; there are more", "", rows)]
        elif rows or self._searched:
            parts = [self.tr("%n result(s)", "", rows)]
        else:
            parts = []
        if unindexed and not busy:
            parts.append(self.tr("%n segment(s) not in the search index yet were read one by one (slower)", "", unindexed))
        if note:
            parts.insert(0, note)
        self.count_label.setText(" · ".join(parts))

    def open_bar(self, replace: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            # Esc stops a running search first; the next one closes the bar.
            if self.busy():
                self.cancel_requested.emit()
            else:
                self.close_bar()
            return
        super().keyPressEvent(event)

    # what the user asked for
    def pattern(self) -> str:
        return self.find_edit.text()

    def replacement(self) -> str:
        return self.replace_edit.text()

    def regex(self) -> bool:
        return self.regex_box.isChecked()

    def case_sensitive(self) -> bool:
        return self.case_box.isChecked()

    def whole_library(self) -> bool:
        return self.scope_box.currentIndex() == 1

    # results
    def clear_results(self) -> None:
        self.results_model.clear()
        self._searched = False
        self.set_status()

    def set_results(self, found: list[Found], titles: dict[int, str], append: bool = False) -> None:
        """The results of a search (`append`: its next page); the status is the caller's to set."""
        if not append:
            self.results_model.clear()
        self._searched = True
        for match, text, _correction in found:
            # The snippet first: a long title would push it out of sight; the title follows, whole in the tooltip.
            title = str(titles.get(match.transcript_id, match.transcript_id))
            item = QStandardItem(f"#{match.position}  {snippet(text, match.start, match.end)}  · {title}")
            item.setToolTip(plain_tooltip(f"{title} #{match.position}"))
            item.setData(match, MatchRole)
            item.setEditable(False)
            self.results_model.appendRow(item)

    def current_match(self) -> Match | None:
        index = self.results.currentIndex()
        return index.data(MatchRole) if index.isValid() else None

    def step(self, delta: int) -> None:
        count = self.results_model.rowCount()
        if not count:
            return
        row = self.results.currentIndex().row()
        row = (row + delta) % count if row >= 0 else (0 if delta > 0 else count - 1)
        self.results.setCurrentIndex(self.results_model.index(row, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        match = current.data(MatchRole) if current.isValid() else None
        if match is not None:
            self.result_activated.emit(match)
