"""The library panel: sources and their transcripts with counts, and a filter box."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.ui.operations.reads import TranscriptSummary
from reader.ui.table.segment_model import plain_tooltip

TranscriptIdRole = Qt.ItemDataRole.UserRole + 1


def _item(text: str, transcript_id: int | None = None, number: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if transcript_id is not None:
        item.setData(transcript_id, TranscriptIdRole)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class LibraryModel(QStandardItemModel):
    """Sources at the top level, their transcripts below: title, segments, corrected."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(0, 3, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Segments"), self.tr("Corrected")])

    def set_transcripts(self, infos: list[TranscriptSummary]) -> None:
        self.beginResetModel()
        self.blockSignals(True)  # one reset instead of a signal per item
        try:
            self.removeRows(0, self.rowCount())
            sources: dict[str, QStandardItem] = {}
            for info in infos:
                parent = sources.get(info.source_path)
                if parent is None:
                    # Titles and paths come from files: QStandardItem shows them as plain text.
                    parent = _item(PurePath(info.source_path).name or info.source_path)
                    parent.setToolTip(plain_tooltip(info.source_path))
                    sources[info.source_path] = parent
                    self.appendRow([parent, _item(""), _item("")])
                title = _item(info.title, info.id)
                title.setToolTip(plain_tooltip(info.title))
                parent.appendRow(
                    [
                        title,
                        _item(str(info.segments), info.id, number=True),
                        _item(str(info.corrected), info.id, number=True),
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
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        # Talk titles from one event share long beginnings; their ends tell them apart.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
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
