"""Find and replace in the open transcript or the whole library: the find bar's searches, hits and replacements.

Finds run on the read lane. Only the latest find's results are ever shown: each find
gets a generation number, and results or errors of an older one (overtaken by a newer
find, cancelled, or asked for another text or scope) are dropped when they arrive late.
A whole-library find lists a page of hits at a time (the search index picks what it reads).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from reader.core.errors import UserError
from reader.ui.cleaning import CleanService
from reader.ui.operations import Operations, edits
from reader.ui.operations.edits import Found, LibraryFinds, Match
from reader.ui.table.segment_model import SegmentTableModel
from reader.ui.table.segment_view import SegmentView
from reader.ui.tasks import Task
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
        self._generation = 0
        self._task: Task | None = None
        self._more: object | None = None  # where the library's next page of hits starts
        bar.search_requested.connect(self._user_find)
        bar.cancel_requested.connect(self.cancel)
        bar.more_requested.connect(self.load_more)
        bar.query_changed.connect(self._query_changed)
        bar.replace_one_requested.connect(self.replace_one)
        bar.replace_all_requested.connect(self.replace_all)
        bar.result_activated.connect(self.show_match)
        bar.closed.connect(self._closed)

    def _scope(self) -> int | None:
        return None if self.bar.whole_library() else self.transcript_id

    def _next_generation(self) -> int:
        """A new find supersedes the one running: it is told to stop, and its results will be dropped."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        return self._generation

    def run_find(self, keep: int = 0) -> None:
        """Find again; a whole-library find lists at least `keep` hits (as many as were shown)."""
        bar = self.bar
        generation = self._next_generation()
        self._more = None
        if not bar.pattern():
            self._clear()
            return
        if self.transcript_id is None and not bar.whole_library():
            return
        bar.set_status(busy=True, note=self._note)
        pattern, regex, case = bar.pattern(), bar.regex(), bar.case_sensitive()
        failed = lambda exc: self._failed(generation, exc)  # noqa: E731
        if bar.whole_library():
            self._task = edits.find_in_library(
                self.ops, pattern, regex, case, self.clean.text_of(),
                lambda page: self._page(generation, page, append=False), failed, limit=keep or None,
            )
        else:
            assert self.transcript_id is not None
            self._task = edits.find(
                self.ops, pattern, regex, case, self.transcript_id, self.clean.text_of(),
                lambda found: self._found(generation, found), failed,
            )

    def load_more(self) -> None:
        """The next page of a whole-library find."""
        more, bar = self._more, self.bar
        if more is None or not bar.pattern():
            return
        generation = self._next_generation()
        bar.set_status(busy=True)
        self._task = edits.find_in_library(
            self.ops, bar.pattern(), bar.regex(), bar.case_sensitive(), self.clean.text_of(),
            lambda page: self._page(generation, page, append=True), lambda exc: self._failed(generation, exc), more=more,
        )

    def cancel(self) -> None:
        """Stop the running find; the bar says so and shows no results (they would be part of an answer)."""
        if not self.bar.busy():
            return
        self._next_generation()
        self._more = None
        self._clear()
        self.bar.set_status(cancelled=True)

    def _query_changed(self) -> None:
        """Results shown belong to the query asked before: they go at once, and a find still running stops."""
        self._next_generation()
        self._more = None
        self._note = ""
        self._clear()

    def _clear(self) -> None:
        self.found = []
        self.searching = False
        self.bar.clear_results()
        self.show_hits()

    def _found(self, generation: int, found: list[Found]) -> None:
        if generation != self._generation:
            return
        self._task = None
        self._set_found(found)

    def _page(self, generation: int, page: LibraryFinds, append: bool) -> None:
        if generation != self._generation:
            return  # overtaken, cancelled or asked for another query meanwhile
        self._task = None
        self._more = page.more
        self._set_found(self.found + page.found if append else page.found, append_from=len(self.found) if append else None)
        self.bar.set_status(more=page.more is not None, unindexed=page.unindexed, note=self._note)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self._clear()
        self.bar.set_status()
        self._show_error(self.ops.describe(exc))

    def _user_find(self) -> None:
        self._note = ""
        self.run_find()

    def refresh(self) -> None:
        """Hits move or vanish with a change."""
        if self.bar.isVisible() and self.searching:
            self.run_find(keep=len(self.found))

    def _set_found(self, found: list[Found], append_from: int | None = None) -> None:
        self.found = found
        self.searching = bool(self.bar.pattern())
        if append_from is None:
            self.bar.set_results(found, self._titles())
        else:
            self.bar.set_results(found[append_from:], self._titles(), append=True)
        self.bar.set_status(note=self._note)
        self.show_hits()

    def show_hits(self, current: Match | None = None) -> None:
        hits: dict[int, list[tuple[int, int]]] = {}
        for match, _text, _correction in self.found:
            if match.transcript_id == self.transcript_id:
                hits.setdefault(match.segment_id, []).append((match.start, match.end))
        where = None if current is None else (current.segment_id, current.start, current.end)
        self.model.set_hits(hits, where)

    def _closed(self) -> None:
        self._next_generation()
        self._more = None
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
            self._show_error(self.ops.describe(exc))

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
        self.bar.set_status(note=text)
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)
