"""The library panel: sources and their transcripts with counts, and a filter box."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.ui.operations.reads import TranscriptSummary
from reader.ui.table.segment_model import plain_tooltip

TranscriptIdRole = Qt.ItemDataRole.UserRole + 1
TitleRole = Qt.ItemDataRole.UserRole + 2  # the whole title (a group: its file name and shared title), for the filter
# A shared beginning or end shorter than this is part of the titles, not a series' name.
_SHARED_MIN = 4


def _shared_start(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    size = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last)))
    return first[:size]


def distinguishing(titles: list[str]) -> tuple[str, list[str]]:
    """(what the titles share at the start, each title without what all of them share at both ends).

    Talks of one event share a long beginning (the event) and often an end (a video id): what tells
    them apart (P4, the speaker) sits between, where a middle elision would cut it. One title stays whole.
    """
    if len(titles) < 2:
        return "", list(titles)
    prefix = _shared_start(titles)
    suffix = _shared_start([t[::-1] for t in titles])[::-1]
    shortest = min(len(t) for t in titles)
    head = len(prefix) if len(prefix) >= _SHARED_MIN else 0
    tail = len(suffix) if len(suffix) >= _SHARED_MIN and head + len(suffix) < shortest else 0
    if head + tail >= shortest:
        return "", list(titles)
    shown = [("…" if head else "") + t[head : len(t) - tail].strip() + ("…" if tail else "") for t in titles]
    return prefix[:head].strip(" -_—|:：·"), shown


def _item(text: str, transcript_id: int | None = None, number: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if transcript_id is not None:
        item.setData(transcript_id, TranscriptIdRole)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class LibraryModel(QStandardItemModel):
    """Sources at the top level, their transcripts below: title, segments, corrected, reviewed share."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(0, 4, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Segments"), self.tr("Corrected"), self.tr("Reviewed")])

    def set_transcripts(self, infos: list[TranscriptSummary]) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset instead of a signal per item
        try:
            self.removeRows(0, self.rowCount())
            groups: dict[str, list[TranscriptSummary]] = {}
            for info in infos:
                groups.setdefault(info.source_path, []).append(info)
            for path, members in groups.items():
                shared, shown = distinguishing([info.title for info in members])
                # Titles and paths come from files: QStandardItem shows them as plain text.
                name = PurePath(path).name or path
                parent = _item(shared or name)
                parent.setToolTip(plain_tooltip(path))
                parent.setData(f"{name} {shared}", TitleRole)
                self.appendRow([parent, _item(""), _item(""), _item("")])
                for info, text in zip(members, shown, strict=True):
                    title = _item(text, info.id)
                    title.setToolTip(plain_tooltip(info.title))
                    title.setData(info.title, TitleRole)
                    share = f"{100 * info.reviewed // info.segments}%" if info.segments else ""
                    parent.appendRow(
                        [
                            title,
                            _item(str(info.segments), info.id, number=True),
                            _item(str(info.corrected), info.id, number=True),
                            _item(share, info.id, number=True),
                        ]
                    )
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def index_of(self, transcript_id: int) -> QModelIndex:
        for top in range(self.rowCount()):
            parent = self.item(top)
            for row in range(parent.rowCount()):
                if parent.child(row).data(TranscriptIdRole) == transcript_id:
                    return parent.child(row).index()
        return QModelIndex()


class LibraryPanel(QWidget):
    transcript_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(TitleRole)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        # What the titles of a file share at the start is shown once, on the file's row
        # (see `distinguishing`): what is left starts with what tells a talk apart.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter transcripts"))
        self.model.retranslate()

    def set_transcripts(self, infos: list[TranscriptSummary], current: int | None) -> None:
        self.tree.selectionModel().blockSignals(True)
        try:
            self.model.set_transcripts(infos)
            self.tree.expandAll()
            if current is not None:
                self.select(current)
        finally:
            self.tree.selectionModel().blockSignals(False)

    def select(self, transcript_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(transcript_id))
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        transcript_id = current.data(TranscriptIdRole)
        if transcript_id is not None:
            self.transcript_selected.emit(transcript_id)

    def first_transcript(self) -> int | None:
        for top in range(self.model.rowCount()):
            parent = self.model.item(top)
            if parent.rowCount():
                return parent.child(0).data(TranscriptIdRole)
        return None
