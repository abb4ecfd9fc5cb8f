"""The comparison view: the two recognitions aligned side by side, moving from one disagreement
to the next, and "Use this wording" to take the other side's words as a correction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import UserError
from reader.ui.compare.model import A, B, CompareModel, MarkedTextDelegate, Stop, difference_at, side_title, stops_of
from reader.ui.i18n import Retranslating
from reader.ui.messages import error_text
from reader.ui.operations import Operations
from reader.ui.operations import compare as compare_ops
from reader.ui.operations.compare import Comparison

# Past this many groups rows keep one height: fitting each to its text would take seconds.
FIT_ROWS_UP_TO = 3000


class CompareView(Retranslating, QWidget):
    closed = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.comparison: Comparison | None = None
        self.stops: list[Stop] = []
        self.position = -1  # index into stops
        self.model = CompareModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(MarkedTextDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self._fit_rows())
        self.table.clicked.connect(self._clicked)

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.use_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.use_button.clicked.connect(self.use_wording)
        self.close_button.clicked.connect(self.close_comparison)
        # F7 / Shift+F7: the keys spell checkers use for the next problem; free in the reader.
        self.next_key = QShortcut(QKeySequence("F7"), self, lambda: self.step(1), context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previous_key = QShortcut(
            QKeySequence("Shift+F7"), self, lambda: self.step(-1), context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        here = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.use_key = QShortcut(QKeySequence("Ctrl+Shift+U"), self, self.use_wording, context=here)
        self.close_key = QShortcut(QKeySequence("Escape"), self, self.close_comparison, context=here)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.progress)
        for button in (self.previous_button, self.next_button, self.use_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("Previous Difference (Shift+F7)"))
        self.next_button.setText(self.tr("Next Difference (F7)"))
        self.use_button.setText(self.tr("Use This Wording"))
        self.use_button.setToolTip(self.tr("Correct this transcript's segment with the other transcript's words here (Ctrl+Shift+U)"))
        self.close_button.setText(self.tr("Close Comparison"))
        self.model.image_text = self.tr("[image]")
        self._update_summary()

    # the comparison
    def busy(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Aligning the two transcripts…"))

    def progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def show_comparison(self, comparison: Comparison) -> None:
        """Show `comparison`; a new one of the same two transcripts keeps the place."""
        old = self.comparison
        keep = old is not None and (old.a.transcript_id, old.b.transcript_id) == (comparison.a.transcript_id, comparison.b.transcript_id)
        group = self.stops[self.position].group if keep and 0 <= self.position < len(self.stops) else None
        self.progress.hide()
        self.comparison = comparison
        self.stops = stops_of(comparison)
        self.model.headers = (side_title(comparison.a), side_title(comparison.b))
        self.model.set_comparison(comparison)
        self._fit_rows()
        self.position = -1
        if group is not None and self.stops:
            self.position = next((k for k, s in enumerate(self.stops) if s.group >= group), len(self.stops) - 1)
            self._show_stop()
        self._update_summary()
        self._update_buttons()

    def _fit_rows(self) -> None:
        if 0 < self.model.rowCount() <= FIT_ROWS_UP_TO:
            self.table.resizeRowsToContents()

    def step(self, direction: int) -> None:
        """Move to the next (1) or previous (-1) disagreement."""
        if not self.stops:
            return
        if self.position < 0:
            self.position = 0 if direction > 0 else len(self.stops) - 1
        else:
            self.position = max(0, min(len(self.stops) - 1, self.position + direction))
        self._show_stop()

    def _show_stop(self) -> None:
        stop = self.stops[self.position]
        self.model.set_current(stop)
        index = self.model.index(stop.group, A)
        self.table.selectRow(stop.group)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_summary()
        self._update_buttons()

    def _clicked(self, index) -> None:
        found = next((k for k, s in enumerate(self.stops) if s.group == index.row()), None)
        if found is not None:
            self.position = found
            self._show_stop()

    def current_stop(self) -> Stop | None:
        return self.stops[self.position] if 0 <= self.position < len(self.stops) else None

    def use_wording(self) -> None:
        stop = self.current_stop()
        if self.comparison is None or stop is None:
            return
        difference = difference_at(self.comparison, stop)
        if difference is None:
            return
        try:
            compare_ops.use_wording(self.ops, self.comparison, difference)
        except UserError as exc:
            self.summary.setText(error_text(exc))

    def close_comparison(self) -> None:
        self.closed.emit()

    def _update_summary(self) -> None:
        if self.comparison is None:
            self.summary.setText("")
            return
        total = len(self.stops)
        if not total:
            self.summary.setText(self.tr("The two transcripts say the same words"))
        elif self.position < 0:
            # English needs its singular; Chinese says both the same way.
            self.summary.setText(self.tr("1 difference") if total == 1 else self.tr("%1 differences").replace("%1", str(total)))
        else:
            self.summary.setText(self.tr("Difference %1 of %2").replace("%1", str(self.position + 1)).replace("%2", str(total)))

    def _update_buttons(self) -> None:
        has = bool(self.stops)
        self.previous_button.setEnabled(has)
        self.next_button.setEnabled(has)
        stop = self.current_stop()
        usable = self.comparison is not None and stop is not None and difference_at(self.comparison, stop) is not None
        self.use_button.setEnabled(usable)


__all__ = ["A", "B", "CompareView"]
