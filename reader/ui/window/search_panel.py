"""Full-text search of the whole library: a search box and the hits with their context.

Searching (which first brings the index up to date) runs on the "clean" lane,
the one that owns the segmenter. Hits are shown as plain text. Activating a hit
emits `segment_requested(transcript_id, segment_id, query)`; the reader opens
the segment and highlights the query in both columns (`search.find_spans`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from reader.core.errors import UserError
from reader.ui.i18n import Retranslating
from reader.ui.messages import error_text, why_text
from reader.ui.operations import Operations, reads

if TYPE_CHECKING:
    from reader.ui.operations.reads import SearchHit

HitRole = Qt.ItemDataRole.UserRole + 1
# Typing pauses this long before the search starts, so each keystroke does not start one.
TYPING_PAUSE_MS = 350
LIMIT = 200


class SearchPanel(Retranslating, QWidget):
    segment_requested = Signal(int, int, str)  # transcript id, segment id, query

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        # Results of a search that a newer one overtook are dropped.
        self._generation = 0
        self._shown_query = ""
        self.query_edit = QLineEdit(self)
        self.query_edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search)
        self.query_edit.textEdited.connect(lambda _text: self._typing.start())
        self.query_edit.returnPressed.connect(self.search)
        self.results.activated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.query_edit.setPlaceholderText(self.tr("Search the library (simplified or traditional)"))
        # The count of the results on show, in the language now chosen.
        if self.model.rowCount():
            self.status.setText(self.tr("%n hit(s)", "", self.model.rowCount()))

    def search(self) -> None:
        self._typing.stop()
        query = self.query_edit.text()
        self._generation += 1
        generation = self._generation
        if not query.strip():
            self._show([], "")
            return
        if self._ops.library is None:
            self.status.setText(self.tr("No library is open."))
            return
        self.status.setText(self.tr("Searching…"))
        reads.search_library(
            self._ops,
            query,
            LIMIT,
            on_done=lambda hits: self._done(generation, query, hits),
            on_error=lambda exc: self._failed(generation, exc),
            on_progress=lambda done, total: self._indexing(generation, done, total),
        )

    def _indexing(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            if self._shown_query != self.query_edit.text():
                # The index is built first (seconds after a large import): the hits of the query
                # before would stand under the new one meanwhile.
                self.model.clear()
                self._shown_query = ""
            text = self.tr("Indexing the library for search: %1 of %2 segments…")
            self.status.setText(text.replace("%1", str(done)).replace("%2", str(total)))

    def _done(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return
        self._show(hits, query)
        if hits:
            self.status.setText(self.tr("%n hit(s)", "", len(hits)))
        else:
            self.status.setText(self.tr("Nothing found."))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._show([], "")
        if isinstance(exc, UserError):
            self.status.setText(why_text(exc))
        else:
            self.status.setText(self.tr("The search failed: %1").replace("%1", error_text(exc)))

    def _show(self, hits: list[SearchHit], query: str) -> None:
        self._shown_query = query
        self.model.clear()
        if not hits:
            self.status.clear()
        for hit in hits:
            item = QStandardItem(f"{hit.title} · {hit.position}\n{hit.snippet}")
            item.setData(hit, HitRole)
            self.model.appendRow(item)

    def hits(self) -> list[SearchHit]:
        return [self.model.item(row).data(HitRole) for row in range(self.model.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.segment_requested.emit(hit.transcript_id, hit.segment_id, self._shown_query)
