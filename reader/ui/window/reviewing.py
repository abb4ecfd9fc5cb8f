"""Reviewing a transcript to the last line: Ctrl+Enter marks rows reviewed and moves on, the
"unreviewed only" filter, "142 / 277 reviewed" in the status bar, and the History and
Comments panels of the current segment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from reader.ui.operations import OpChanges, Operations, reads, review
from reader.ui.operations.review import CommentRecord, RevisionRecord
from reader.ui.panels.comments import CommentsPanel
from reader.ui.panels.history import HistoryPanel
from reader.ui.table.segment_model import SegmentTableModel
from reader.ui.table.segment_view import SegmentView
from reader.ui.window.docks import add_dock


class Reviewing(QObject):
    def __init__(
        self,
        ops: Operations,
        window: QMainWindow,
        model: SegmentTableModel,
        view: SegmentView,
        reload: Callable[[], None],
    ):
        super().__init__(window)
        self.ops, self.window, self.model, self.view = ops, window, model, view
        self._reload = reload
        self.transcript_id: int | None = None
        self.reviewed = self.total = 0

        self.act_review = QAction(window)
        self.act_review.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.act_review.triggered.connect(self.mark_and_next)
        self.act_todo = QAction(window)
        self.act_todo.setShortcut(QKeySequence("Ctrl+Alt+Return"))
        self.act_todo.triggered.connect(lambda: self._mark(reviewed=False))
        self.act_unreviewed_only = QAction(window)
        self.act_unreviewed_only.setCheckable(True)
        self.act_unreviewed_only.setShortcut(QKeySequence("Ctrl+Alt+U"))
        self.act_unreviewed_only.toggled.connect(lambda _on: self._reload())
        self.act_comment = QAction(window)
        self.act_comment.setShortcut(QKeySequence("Ctrl+Alt+M"))
        self.act_comment.triggered.connect(self.start_comment)

        self.count_label = QLabel(window)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.count_label)

        self.history_panel = HistoryPanel(window)
        self.history_panel.restore_requested.connect(self.restore)
        self.history_dock = add_dock(window, "historyDock", self.history_panel)
        self.comments_panel = CommentsPanel(window)
        self.comments_panel.add_requested.connect(self.add_comment)
        self.comments_panel.resolve_requested.connect(lambda comment, on: review.set_resolved(ops, comment, on))
        self.comments_panel.segment_requested.connect(self._show_segment)
        self.comments_dock = add_dock(window, "commentsDock", self.comments_panel)
        self.history_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Alt+H"))
        self.comments_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Alt+C"))
        self.history_dock.visibilityChanged.connect(self._history_shown)
        self.comments_dock.visibilityChanged.connect(self._comments_shown)

        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(50)  # a held arrow key reads the history once it stops
        self._history_timer.timeout.connect(self._load_history)
        view.selectionModel().currentChanged.connect(self._current_changed)

    def _history_shown(self, shown: bool) -> None:
        if shown:
            self._load_history()

    def _comments_shown(self, shown: bool) -> None:
        if shown:
            self._load_comments()

    def retranslate(self) -> None:
        self.act_review.setText(self.tr("Mark Reviewed and &Next"))
        self.act_review.setToolTip(self.tr("Mark the selected rows reviewed and go to the next unreviewed one"))
        self.act_todo.setText(self.tr("Mark as &To Do"))
        self.act_unreviewed_only.setText(self.tr("&Unreviewed Only"))
        self.act_comment.setText(self.tr("&Comment…"))
        self.history_dock.setWindowTitle(self.tr("History"))
        self.history_dock.toggleViewAction().setText(self.tr("&History"))
        self.comments_dock.setWindowTitle(self.tr("Comments"))
        self.comments_dock.toggleViewAction().setText(self.tr("C&omments"))
        self._show_count()

    @property
    def unreviewed_only(self) -> bool:
        return self.act_unreviewed_only.isChecked()

    # the open transcript
    def transcript_opened(self, transcript_id: int | None) -> None:
        self.transcript_id = transcript_id
        self.reviewed = self.total = 0
        self._show_count()
        self.history_panel.set_history(None, [])
        self.comments_panel.set_comments([])
        self._load_count()
        self._load_comments()

    def refresh(self, changes: OpChanges) -> None:
        tid = self.transcript_id
        if tid is None or (changes.transcripts and tid not in changes.transcripts):
            return
        if changes.segments or changes.structure or changes.library:
            self._load_count()
            self._load_comments()
            self._history_timer.start()

    def _load_count(self) -> None:
        if self.transcript_id is not None:
            review.load_review_count(self.ops, self.transcript_id, self._count_loaded)

    def _count_loaded(self, result: tuple[int, int, int]) -> None:
        transcript_id, self_reviewed, total = result
        if transcript_id == self.transcript_id:
            self.reviewed, self.total = self_reviewed, total
            self._show_count()

    def _show_count(self) -> None:
        if self.transcript_id is None or not self.total:
            self.count_label.setText("")
            return
        self.count_label.setText(
            self.tr("%1 / %2 reviewed").replace("%1", str(self.reviewed)).replace("%2", str(self.total))
        )

    # marking
    def _rows(self) -> list[int]:
        """The selected rows, else the current one."""
        current = self.view.current_row()
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        return rows if len(rows) > 1 or (rows and current in rows) else ([current] if current >= 0 else [])

    def _mark(self, reviewed: bool) -> list[int]:
        rows = [row for row in self._rows() if self.model.row_at(row) is not None]
        if self.transcript_id is None or not rows:
            self.window.statusBar().showMessage(self.tr("Select a segment first"), 4000)
            return []
        ids = [self.model.row_at(row).id for row in rows]  # type: ignore[union-attr]  # loaded: checked above
        review.mark_reviewed(self.ops, ids, reviewed)
        return rows

    def mark_and_next(self) -> None:
        rows = self._mark(reviewed=True)
        if not rows:
            return
        marked = set(rows)
        following = self._next_unreviewed(max(rows) + 1, marked)
        if following is None:
            self.window.statusBar().showMessage(self.tr("No unreviewed segment below this one"), 4000)
            return
        self.view.scroll_to_row(following)

    def _next_unreviewed(self, start: int, marked: set[int]) -> int | None:
        if self.unreviewed_only:
            # The marked rows leave the filtered view; the next one takes the first marked row's place.
            return start if start < self.model.rowCount() else None
        for row in range(start, self.model.rowCount()):
            r = self.model.row_at(row)
            if r is None or (row not in marked and not r.reviewed):
                return row
        return None

    # history
    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._history_timer.start()

    def _current_segment(self) -> tuple[int, reads.LabelledRow] | None:
        row = self.view.current_row()
        r = self.model.row_at(row) if row >= 0 else None
        return None if r is None else (row, r)

    def _load_history(self) -> None:
        if not self.history_dock.isVisible():
            return
        current = self._current_segment()
        if current is None:
            self.history_panel.set_history(None, [])
            return
        review.load_history(self.ops, current[1].id, self._history_loaded)

    def _history_loaded(self, result: tuple[int, list[RevisionRecord]]) -> None:
        segment_id, revisions = result
        current = self._current_segment()
        if current is not None and current[1].id == segment_id:
            self.history_panel.set_history(segment_id, revisions, keep_row=True)

    def restore(self, revision: RevisionRecord) -> None:
        current = self._current_segment()
        if current is None or current[1].id != self.history_panel.segment_id:
            return
        r = current[1]
        review.restore_version(self.ops, r.id, r.position, r.correction, revision.new, r.version)

    # comments
    def _load_comments(self) -> None:
        if self.transcript_id is not None:
            review.load_comments(self.ops, self.transcript_id, self._comments_loaded)

    def _comments_loaded(self, result: tuple[int, list[CommentRecord]]) -> None:
        transcript_id, comments = result
        if transcript_id == self.transcript_id:
            self.comments_panel.set_comments(comments)

    def start_comment(self) -> None:
        self.comments_dock.show()
        self.comments_dock.raise_()
        self.comments_panel.entry.setFocus()

    def add_comment(self, text: str) -> None:
        current = self._current_segment()
        if current is None:
            self.window.statusBar().showMessage(self.tr("Select a segment first"), 4000)
            return
        review.add_comment(self.ops, current[1].id, current[1].position, text)

    def _show_segment(self, segment_id: int) -> None:
        row = self.model.row_of(segment_id)
        if row is not None:
            self.view.scroll_to_row(row)
