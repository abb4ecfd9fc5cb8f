"""The side-by-side table view.

One QTableView shows raw and cleaned columns, so the two are aligned row by
row and scroll together by construction. Rows start at an estimated height
and only the rows on screen are measured and fitted to their text (after
every scroll, resize or data change, coalesced into one pass): asking Qt to
size all rows (`resizeRowsToContents`) lays out every segment of a long
transcript before anything is shown, which is what `make bench` compares.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reader.ui.table.delegates import PADDING, CellEditor, SegmentDelegate, SpeakerEditor
from reader.ui.table.segment_model import CLEAN, POS, RAW, SPEAKER, TOPICS, SegmentIdRole, SegmentTableModel

ESTIMATED_LINES = 2
SPEAKER_WIDTH = 90
TOPICS_WIDTH = 130
SPEAKER_KEYS = {Qt.Key.Key_0 + n: n for n in range(10)}
PREFETCH_MARGIN = 40  # rows cleaned ahead of the viewport, so scrolling finds them ready


class SegmentView(QTableView):
    fitted = Signal()  # the rows on screen have their final heights (tests and benchmarks wait on it)
    speaker_key = Signal(int)  # 1..9: the transcript's n-th speaker for the selected rows; 0: none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._delegate = SegmentDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not AnyKeyPressed: the first keystroke of an input method's composition
        # would open the editor half-way through the composition and be lost.
        # Double-click, F2 or Enter open the editor; the input method then works there.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # The table itself takes no text: an input method never composes here, so a
        # digit typed with the table focused is a speaker key, and typing pinyin
        # starts only in a cell editor (which has the input method).
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._labels_wanted = False
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setMinimumSectionSize(8)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_visible_rows)
        self._fitting = False
        self.verticalScrollBar().valueChanged.connect(self._schedule_fit)
        header.sectionResized.connect(self._columns_resized)

    # model wiring
    def setModel(self, model) -> None:
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.dataChanged, old.layoutChanged, old.rowsInserted, old.rowsRemoved):
                signal.disconnect(self._schedule_fit)
            old.modelReset.disconnect(self._reset_heights)
            for signal in (old.modelReset, old.dataChanged):
                signal.disconnect(self._show_labels)
        super().setModel(model)
        for signal in (model.modelReset, model.dataChanged, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._schedule_fit)
        model.modelReset.connect(self._reset_heights)
        header = self.horizontalHeader()
        header.setSectionResizeMode(POS, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(RAW, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CLEAN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TOPICS, QHeaderView.ResizeMode.Interactive)
        header.moveSection(header.visualIndex(SPEAKER), 1)
        self.setColumnWidth(SPEAKER, SPEAKER_WIDTH)
        self.setColumnWidth(TOPICS, TOPICS_WIDTH)
        for signal in (model.modelReset, model.dataChanged):
            signal.connect(self._show_labels)
        self._reset_heights()

    def segment_model(self) -> SegmentTableModel:
        model = self.model()
        assert isinstance(model, SegmentTableModel), "shown only with a SegmentTableModel"
        return model

    def _reset_heights(self) -> None:
        metrics = QFontMetricsF(self.font())
        digits = len(str(max(self.model().rowCount(), 99)))
        # Room for the review and comment markers beside the number.
        self.setColumnWidth(POS, int(metrics.horizontalAdvance("0" * digits + "✓•")) + 4 * PADDING)
        line = metrics.lineSpacing()
        self.verticalHeader().setDefaultSectionSize(int(line * ESTIMATED_LINES) + 2 * PADDING)
        self._schedule_fit()

    def set_speaker_names(self, names: list[str]) -> None:
        """The names a speaker cell's editor offers."""
        self._delegate.speaker_names = list(names)

    def set_labels_wanted(self, wanted: bool) -> None:
        """Show the speaker and topic columns even on a transcript nobody is labelled in yet."""
        self._labels_wanted = wanted
        self._show_labels()

    def _show_labels(self, *_args: object) -> None:
        hidden = not (self._labels_wanted or self.segment_model().has_labels())
        for column in (SPEAKER, TOPICS):
            if self.isColumnHidden(column) != hidden:
                self.setColumnHidden(column, hidden)

    def _schedule_fit(self, *_args: object) -> None:
        if not self._fitting:
            self._fit_timer.start()

    def _columns_resized(self, logical: int, old: int, new: int) -> None:
        if logical != POS and old != new:
            self._schedule_fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing and self.edit_current_cell():
            event.accept()
            return
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if event.key() in SPEAKER_KEYS and plain and not editing:
            self.speaker_key.emit(SPEAKER_KEYS[event.key()])
            event.accept()
            return
        super().keyPressEvent(event)

    def edit_current_cell(self) -> bool:
        """Open the current row's speaker cell when the speaker column is current, else its cleaned text.

        The selection stays as it is: a speaker typed there goes to every selected row.
        """
        index = self.currentIndex()
        if not index.isValid():
            return False
        column = SPEAKER if index.column() == SPEAKER else CLEAN
        return self.edit(index.siblingAtColumn(column), QAbstractItemView.EditTrigger.AllEditTriggers, None)  # type: ignore[call-overload]  # no event: Qt takes null

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    # the work
    def visible_rows(self) -> range:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return range(0)
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        if first < 0:
            first = 0
        if last < 0:
            last = model.rowCount() - 1
        return range(first, last + 1)

    def fit_visible_rows(self) -> None:
        """Give the rows on screen the height their text needs; leave the rest estimated."""
        model = self.model()
        if not isinstance(model, SegmentTableModel) or self._fitting:
            return
        self._fitting = True
        try:
            scrollbar = self.verticalScrollBar()
            at_bottom = scrollbar.value() > 0 and scrollbar.value() == scrollbar.maximum()
            header = self.verticalHeader()
            font = self.font()
            # A cell is painted one grid line narrower than its column: measure at that width,
            # or a line that exactly fills the column wraps when painted and loses its last line.
            grid = 1 if self.showGrid() else 0
            widths = {col: self.columnWidth(col) - grid for col in (RAW, CLEAN)}
            for _ in range(4):  # heights change what is visible; settle within a few passes
                changed = False
                rows = self.visible_rows()
                for row in rows:
                    height = max(
                        self._delegate.height_for(model.index(row, col), font, widths[col]) for col in (RAW, CLEAN)
                    )
                    if header.sectionSize(row) != height:
                        header.resizeSection(row, height)
                        changed = True
                if at_bottom:
                    self.updateGeometries()  # the scroll range must know the new heights first
                    self.scrollToBottom()
                if not changed:
                    break
            if rows:
                model.prefetch(rows.start - PREFETCH_MARGIN // 4, rows.stop + PREFETCH_MARGIN)
        finally:
            self._fitting = False
        self.fitted.emit()

    # editing helpers for the controller
    def current_editor(self) -> CellEditor | SpeakerEditor | None:
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        editors = [w for w in self.viewport().findChildren(QWidget) if isinstance(w, (CellEditor, SpeakerEditor)) and w.isVisible()]
        return editors[0] if editors else None

    def commit_editor(self, editor: CellEditor | SpeakerEditor) -> None:
        """Save what the open editor holds and close it, as Enter would."""
        editor.commit_requested.emit()

    def edit_row(self, row: int) -> bool:
        index = self.model().index(row, CLEAN)
        self.go_to(index)
        return self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)  # type: ignore[call-overload]  # no event: Qt takes null

    def selected_cells(self) -> list[tuple[int, int]]:
        """(segment id, column) of every selected cell, to select again after a reload."""
        return [(index.data(SegmentIdRole), index.column()) for index in self.selectionModel().selectedIndexes()]

    def select_cells(self, cells: list[tuple[int, int]], current: QModelIndex) -> None:
        """Select these cells (of the segments still shown) and make `current` current."""
        model, selection = self.segment_model(), QItemSelection()
        for segment_id, column in cells:
            row = model.row_of(segment_id)
            if row is not None:
                selection.select(model.index(row, column), model.index(row, column))
        selections = self.selectionModel()
        selections.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if current.isValid():
            selections.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def scroll_to_top_row(self, row: int) -> None:
        """Show `row` at the top (row 0: the top of the transcript), as a reader left it."""
        if self.model().rowCount() == 0:
            return
        if row <= 0:
            self.verticalScrollBar().setValue(0)
        else:
            # Right after the model is reset the scroll bar still has the old rows' range (none at
            # start-up): Qt lays the new rows out later, and scrollTo would be clamped to the top.
            self.executeDelayedItemsLayout()
            self.scrollTo(self.model().index(row, CLEAN), QAbstractItemView.ScrollHint.PositionAtTop)
        self._schedule_fit()

    def go_to(self, index: QModelIndex) -> None:
        """Make `index` current and the only selected cell. setCurrentIndex would read the keys
        held down: the Ctrl of Ctrl+Enter (or the Shift of Shift+F7) would add the new row to the
        selection instead of moving it there."""
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def scroll_to_row(self, row: int, column: int = CLEAN) -> None:
        index = self.model().index(row, column)
        self.go_to(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.fit_visible_rows()
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
