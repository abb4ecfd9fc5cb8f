"""The aligned groups as table rows: this transcript's segments | the other's, differing spans marked.

Text is laid out as plain text (a transcript's markup shows as the characters it is); the
marks are character formats over ranges of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from reader.core.kinds import SegmentKind
from reader.ui.operations.compare import Comparison, Difference, Group, Side

A, B = 0, 1
DIFFERING = QColor(255, 214, 120)
CURRENT = QColor(255, 140, 60)
ONLY = QColor(250, 235, 235)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Stop:
    """One place the keys move to: a group, and one of its differences (None: the group as a whole)."""

    group: int
    difference: int | None


@dataclass(frozen=True)
class Cell:
    text: str
    marks: tuple[tuple[int, int, bool], ...]  # (start, end, current)


def stops_of(comparison: Comparison) -> list[Stop]:
    stops = []
    for k, group in enumerate(comparison.groups):
        if group.status == "same":
            continue
        if group.differences:
            stops += [Stop(k, d) for d in range(len(group.differences))]
        else:
            stops.append(Stop(k, None))
    return stops


class CompareModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.current: Stop | None = None
        self.image_text = "[image]"
        self.headers = ("", "")

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.current = None
        self.endResetModel()

    def set_current(self, stop: Stop | None) -> None:
        rows = {s.group for s in (self.current, stop) if s is not None}
        self.current = stop
        for row in rows:
            self.dataChanged.emit(self.index(row, A), self.index(row, B))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.comparison is None else len(self.comparison.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        group = self.group(section)
        return None if group is None else f"{_positions(group.a)} | {_positions(group.b)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        group = self.group(index.row())
        if group is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column()).text
        if role == Qt.ItemDataRole.BackgroundRole and group.status == "only":
            return ONLY
        return None

    def group(self, row: int) -> Group | None:
        if self.comparison is None or not 0 <= row < len(self.comparison.groups):
            return None
        return self.comparison.groups[row]

    def cell(self, row: int, column: int) -> Cell:
        """The text of one side of a group (its segments, one a line) and the spans to mark in it."""
        assert self.comparison is not None
        group = self.comparison.groups[row]
        side, indices = (self.comparison.a, group.a) if column == A else (self.comparison.b, group.b)
        starts: dict[int, int] = {}
        parts = []
        offset = 0
        for i in indices:
            text = self.image_text if side.segments[i].kind is SegmentKind.IMAGE else side.shown[i]
            starts[i] = offset
            parts.append(text)
            offset += len(text) + 1
        marks = []
        for d, difference in enumerate(group.differences):
            current = self.current == Stop(row, d)
            for span in difference.a_spans if column == A else difference.b_spans:
                if span.segment in starts:
                    start = starts[span.segment]
                    # An empty span (the other side has words here) is marked as one character wide.
                    end = span.end if span.end > span.start else min(span.start + 1, len(side.shown[span.segment]))
                    begin = span.start if span.end > span.start else max(0, end - 1)
                    marks.append((start + begin, start + end, current))
        return Cell("\n".join(parts), tuple(marks))


def _positions(indices: range) -> str:
    if not indices:
        return "-"
    return str(indices.start + 1) if len(indices) == 1 else f"{indices.start + 1}-{indices.stop}"


def difference_at(comparison: Comparison, stop: Stop) -> Difference | None:
    if stop.difference is None:
        return None
    return comparison.groups[stop.group].differences[stop.difference]


def side_title(side: Side) -> str:
    return f"{side.transcript_id}  {side.title}"


class MarkedTextDelegate(QStyledItemDelegate):
    """Draws a cell's plain text wrapped, with the differing spans marked."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view

    def _document(self, index: Index, width: int) -> QTextDocument:
        model = index.model()
        assert isinstance(model, CompareModel)
        cell = model.cell(index.row(), index.column())
        doc = QTextDocument()
        doc.setDefaultFont(self.view.font())
        doc.setPlainText(cell.text)
        doc.setTextWidth(max(40, width))
        for start, end, current in cell.marks:
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            mark = QTextCharFormat()
            mark.setBackground(CURRENT if current else DIFFERING)
            mark.setFontUnderline(current)
            cursor.mergeCharFormat(mark)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(index, self.view.columnWidth(index.column()))
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)
