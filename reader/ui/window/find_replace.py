"""Find and replace in the open transcript or the whole library: the find bar's searches, hits and replacements."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from reader.core.errors import UserError
from reader.ui.cleaning import CleanService
from reader.ui.operations import Operations, edits
from reader.ui.operations.edits import Found, Match
from reader.ui.table.segment_model import SegmentTableModel
from reader.ui.table.segment_view import SegmentView
from reader.ui.window.find_bar import FindBar


class FindReplace(QObject):
    """Owns the find bar's results; the window tells it which transcript is open (`transcript_id`)."""

    def __init__(
        self,
        ops: Operations,
        clean: CleanService,
        bar: FindBar,
        model: SegmentTableModel,
        view: SegmentView,
        titles: Callable[[], dict[int, str]],
        open_transcript: Callable[[int], None],
        show_error: Callable[[str], None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.ops, self.clean, self.bar, self.model, self.view = ops, clean, bar, model, view
        self._titles = titles
        self._open_transcript = open_transcript
        self._show_error = show_error
        self.transcript_id: int | None = None
        self.found: list[Found] = []
        self.searching = False  # a search ran and its bar is still open
        self._pending_match: Match | None = None  # shown once its transcript's rows are in
        self._note = ""  # what the last bulk action did, kept beside the count until the next search
        bar.search_requested.connect(self._user_find)
        bar.replace_one_requested.connect(self.replace_one)
        bar.replace_all_requested.connect(self.replace_all)
        bar.result_activated.connect(self.show_match)
        bar.closed.connect(self._closed)

    def _scope(self) -> int | None:
        return None if self.bar.whole_library() else self.transcript_id

    def run_find(self) -> None:
        bar = self.bar
        if not bar.pattern():
            self._set_found([])
            return
        if self.transcript_id is None and not bar.whole_library():
            return
        edits.find(self.ops, bar.pattern(), bar.regex(), bar.case_sensitive(), self._scope(), self.clean.text_of(), self._set_found)

    def _user_find(self) -> None:
        self._note = ""
        self.run_find()

    def refresh(self) -> None:
        """Hits move or vanish with a change."""
        if self.bar.isVisible() and self.searching:
            self.run_find()

    def _set_found(self, found: list[Found]) -> None:
        self.found = found
        self.searching = bool(self.bar.pattern())
        self.bar.set_results(found, self._titles())
        if self._note:
            self.bar.count_label.setText(f"{self._note} · {self.bar.count_label.text()}")
        self.show_hits()

    def show_hits(self, current: Match | None = None) -> None:
        hits: dict[int, list[tuple[int, int]]] = {}
        for match, _text, _correction in self.found:
            if match.transcript_id == self.transcript_id:
                hits.setdefault(match.segment_id, []).append((match.start, match.end))
        where = None if current is None else (current.segment_id, current.start, current.end)
        self.model.set_hits(hits, where)

    def _closed(self) -> None:
        self.found = []
        self.searching = False
        self.show_hits()
        self.view.setFocus()

    def show_match(self, match: Match) -> None:
        if match.transcript_id != self.transcript_id:
            self._pending_match = match
            self._open_transcript(match.transcript_id)
            return
        row = self.model.row_of(match.segment_id)
        if row is not None:
            self.view.scroll_to_row(row)
        self.show_hits(current=match)

    def rows_loaded(self) -> None:
        """The open transcript's rows are in: its hits show, and a hit waiting for them is shown."""
        self.show_hits()
        if self._pending_match is not None:
            match, self._pending_match = self._pending_match, None
            self.show_match(match)

    def _current_result(self) -> Found | None:
        match = self.bar.current_match() or (self.found[0][0] if self.found else None)
        return next((found for found in self.found if found[0] == match), None)

    def replace_one(self) -> None:
        found = self._current_result()
        if found is None:
            return
        match, text, correction = found
        bar = self.bar
        try:
            edits.replace_one(
                self.ops, match, text, bar.pattern(), bar.replacement(), bar.regex(), bar.case_sensitive(), correction,
                None if correction is not None else text,
            )
        except UserError as exc:
            self._show_error(str(exc))

    def replace_all(self) -> None:
        bar = self.bar
        if not bar.pattern():
            return
        edits.replace_all(
            self.ops, bar.pattern(), bar.replacement(), bar.regex(), bar.case_sensitive(), self._scope(), self.clean.text_of(),
            report=self._report,
        )

    def _report(self, text: str) -> None:
        """What a bulk action did, where the person looks: beside the find bar's count, and in the status bar."""
        self._note = text
        self.bar.count_label.setText(text)
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)
