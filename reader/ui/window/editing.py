"""The Edit menu on the table: correct, revert, split, merge, a rule from a correction, and conflicts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from reader.ui import dialogs
from reader.ui.cleaning import CleanService
from reader.ui.operations import Operations, edits, labels, rules
from reader.ui.operations.edits import ConflictError, SaveRefused
from reader.ui.operations.reads import LabelledRow
from reader.ui.table.delegates import CellEditor
from reader.ui.table.segment_model import SegmentTableModel
from reader.ui.table.segment_view import SegmentView


class Editing(QObject):
    """The window tells it the open transcript (`transcript_id`)."""

    def __init__(self, ops: Operations, clean: CleanService, window: QMainWindow, model: SegmentTableModel, view: SegmentView):
        super().__init__(window)
        self.ops, self.clean, self.window, self.model, self.view = ops, clean, window, model, view
        self.transcript_id: int | None = None
        self.conflict_dialog: QDialog | None = None
        # One message for every save refused while it is open (a stopped server refuses them all).
        self.refused_box: QMessageBox | None = None
        self.refused: list[SaveRefused] = []
        model.correction_requested.connect(self._correction_requested)
        ops.conflict.connect(self.show_conflict)
        ops.save_refused.connect(self.show_refused)

    def _status(self, text: str, timeout: int) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def current_text_row(self) -> int | None:
        """The current row, if there is one and its segment is loaded."""
        current = self._current()
        return None if current is None else current[1]

    def _current(self) -> tuple[int, int, LabelledRow] | None:
        """(the open transcript, the current row, its segment), if there is one and its segment is loaded."""
        row = self.view.current_row()
        r = self.model.row_at(row) if row >= 0 else None
        if self.transcript_id is None or r is None:
            self._status(self.tr("Select a segment first"), 4000)
            return None
        return self.transcript_id, row, r

    def edit_current(self) -> None:
        self.view.edit_current_cell()

    def _correction_requested(self, segment_id: int, old: str | None, new: str, automatic: str | None, based_on: int | None) -> None:
        row = self.model.row_of(segment_id)
        r = self.model.row_at(row) if row is not None else None
        if self.transcript_id is not None:  # the model shows rows of the open transcript only
            edits.set_correction(self.ops, self.transcript_id, segment_id, r.position if r else 0, old, new, automatic, based_on)

    def show_refused(self, refused: SaveRefused) -> None:
        """The cell shows what the library holds again; the person's text waits in the message for Retry."""
        if refused.transcript_id == self.transcript_id:
            self.model.show_saved_correction(refused.segment_id, refused.old)
        self.refused = [r for r in self.refused if r.segment_id != refused.segment_id] + [refused]
        if self.refused_box is None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("transcript-reader"), "", parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes the person's text
            box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard)
            box.setDefaultButton(QMessageBox.StandardButton.Retry)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.finished.connect(self._refused_answered)
            self.refused_box = box
        positions = ", ".join(str(r.position) for r in self.refused)
        self.refused_box.setText(
            self.tr("Not saved (segment %1): %2").replace("%1", positions).replace("%2", refused.message)
            + "\n"
            + self.tr("The cells show the saved text again. Your text is kept below: Retry saves it again.")
        )
        self.refused_box.setDetailedText("\n\n".join(r.new for r in self.refused))
        self._status(self.tr("Not saved: %1").replace("%1", refused.message), 8000)
        self.refused_box.show()

    def _refused_answered(self, _result: int) -> None:
        box, refused, self.refused, self.refused_box = self.refused_box, self.refused, [], None
        if box is None or box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Retry:
            return
        for r in refused:
            edits.set_correction(self.ops, r.transcript_id, r.segment_id, r.position, r.old, r.new, r.automatic, r.version)

    def revert_current(self) -> None:
        current = self._current()
        if current is None:
            return
        transcript_id, _row, r = current
        if r.correction is None:
            self._status(self.tr("Segment %1 has no correction").replace("%1", str(r.position)), 4000)
            return
        edits.revert_correction(self.ops, transcript_id, r.id, r.position, r.correction, r.version)

    def split_at_cursor(self) -> None:
        self._split_at_cursor(edits.split)

    def split_turn_at_cursor(self) -> None:
        """Split where the speaker changes mid-segment; the rest goes to the next speaker, one undo step."""
        self._split_at_cursor(labels.split_turn)

    def _split_at_cursor(self, split: Callable[[Operations, int, int, int, int], object]) -> None:
        """`split(ops, transcript id, segment id, position, raw offset)` at the open editor's cursor.

        Without an editor, the current segment's opens, for the cursor to be put where the split goes.
        """
        editor = self.view.current_editor()
        if not isinstance(editor, CellEditor):
            row = self.current_text_row()
            if row is not None and self.view.edit_row(row):
                self._status(self.tr("Put the cursor where the segment should be split, then split again"), 6000)
            return
        cursor = editor.textCursor().position()
        self.view.commit_editor(editor)  # what was typed is saved first, and split with the rest
        current = self._current()
        if current is None:
            return
        transcript_id, row, r = current
        split(self.ops, transcript_id, r.id, r.position, self.model.raw_offset(row, cursor))

    def merge_with_next(self) -> None:
        editor = self.view.current_editor()
        if editor is not None:
            self.view.commit_editor(editor)
        current = self._current()
        if current is None:
            return
        transcript_id, _row, r = current
        edits.merge(self.ops, transcript_id, r.id, r.position, self.clean.text_of())

    def make_rule_from_current(self) -> None:
        current = self._current()
        if current is None:
            return
        _transcript_id, row, r = current
        automatic = self.model.automatic_text(row)
        if r.correction is None or automatic is None:
            self._status(self.tr("Correct the segment first; its correction becomes the rule"), 5000)
            return
        rules.from_correction(self.ops, automatic, r.correction, report=lambda text: self._status(text, 8000))

    # conflicts
    def show_conflict(self, conflict: ConflictError) -> None:
        """Someone else saved the segment first: both texts side by side, and the person chooses."""
        dialog = dialogs.ConflictDialog(conflict, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.chosen.connect(lambda choice: self._resolve(conflict, choice))
        dialog.open()
        self.conflict_dialog = dialog

    def _resolve(self, c: ConflictError, choice: str) -> None:
        row = self.model.row_of(c.segment_id) if self.model.transcript_id == c.transcript_id else None
        if choice == dialogs.USE_MINE:
            if c.attempted is None:
                edits.revert_correction(self.ops, c.transcript_id, c.segment_id, c.position, c.text, c.version)
            else:
                automatic = self.model.automatic_text(row) if row is not None else None
                edits.set_correction(self.ops, c.transcript_id, c.segment_id, c.position, c.text, c.attempted, automatic, c.version)
        elif choice == dialogs.EDIT_MINE:
            if row is None or not self.view.edit_row(row):
                self._status(self.tr("Segment %1 is not shown here").replace("%1", str(c.position)), 5000)
                return
            editor = self.view.current_editor()
            if isinstance(editor, CellEditor):
                editor.setPlainText(c.attempted if c.attempted is not None else self.model.automatic_text(row) or "")
                editor.based_on = c.version  # their text is seen now: saving replaces it knowingly
