"""The side-by-side table: one row per segment, raw | cleaned.

The model holds plain row snapshots (loaded on the "read" lane) and asks the
CleanService for the cleaned column lazily, only for rows a view paints; until
the answer arrives the cleaned cell shows the raw text greyed out. Edits are not
applied here: `correction_requested` goes to the controller, which saves them
through the core on the "write" lane and pushes an undo step.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from reader.core.library import SegmentRow
from reader.ui.cleaning import CleanService


POS, RAW, CLEAN = range(3)

# Custom roles
SegmentIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3  # "auto" | "pending" | "corrected"
MarksRole = Qt.ItemDataRole.UserRole + 4  # [(start, end, what)], what: removed|changed|hit|current


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally.

    QToolTip guesses rich text from the content, so a speaker name or image
    address like `<img src=...>` would be interpreted; escaped, it cannot be.
    """
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def format_time(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds, _ = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class SegmentTableModel(QAbstractTableModel):
    # segment id, old correction or None, new text, the automatic (cleaned) text if known
    correction_requested = Signal(int, object, str, object)

    def __init__(self, clean: CleanService, parent=None):
        super().__init__(parent)
        self._clean = clean
        self._rows: list[SegmentRow] = []
        self._row_of: dict[int, int] = {}
        self.transcript_id: int | None = None
        self._hits: dict[int, list[tuple[int, int]]] = {}  # segment id -> spans in the effective text
        self._current_hit: tuple[int, int, int] | None = None
        clean.cleaned.connect(self._cleaned_arrived)
        clean.settings_changed.connect(self._cleaned_arrived)

    # loading
    def set_rows(self, transcript_id: int | None, rows: list[SegmentRow]) -> None:
        self.beginResetModel()
        self.transcript_id = transcript_id
        self._rows = list(rows)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._hits = {}
        self._current_hit = None
        self.endResetModel()

    def update_rows(self, rows: list[SegmentRow]) -> None:
        """Swap in fresh snapshots of rows already shown (same ids, same order)."""
        for fresh in rows:
            i = self._row_of.get(fresh.id)
            if i is None:
                continue
            self._rows[i] = fresh
            self.dataChanged.emit(self.index(i, 0), self.index(i, CLEAN))

    def row_at(self, row: int) -> SegmentRow:
        return self._rows[row]

    def row_of(self, segment_id: int) -> int | None:
        return self._row_of.get(segment_id)

    def rows(self) -> list[SegmentRow]:
        return list(self._rows)

    # the cleaned text
    def cleaned(self, row: int):
        """The CleanResult of a text row's raw text, or None while the cleaner is at it."""
        r = self._rows[row]
        return self._clean.result(r.id, r.raw)

    def effective_text(self, row: int) -> str | None:
        """What the reader reads: the person's correction, else the cleaned text; None while pending."""
        r = self._rows[row]
        if r.kind == "image":
            return ""
        if r.correction is not None:
            return r.correction
        c = self.cleaned(row)
        return None if c is None else c.text

    def prefetch(self, first: int, last: int) -> None:
        first = max(first, 0)
        last = min(last, len(self._rows) - 1)
        self._clean.prefetch((r.id, r.raw) for r in self._rows[first : last + 1] if r.kind != "image")

    def _cleaned_arrived(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, RAW), self.index(len(self._rows) - 1, CLEAN))

    # find hits
    def set_hits(self, hits: dict[int, list[tuple[int, int]]], current: tuple[int, int, int] | None = None) -> None:
        self._hits = hits
        self._current_hit = current
        if self._rows:
            self.dataChanged.emit(self.index(0, RAW), self.index(len(self._rows) - 1, CLEAN), [MarksRole])

    # Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("#"), self.tr("Raw"), self.tr("Cleaned"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CLEAN and self._rows[index.row()].kind != "image":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        r = self._rows[row]
        if role == SegmentIdRole:
            return r.id
        if role == KindRole:
            return r.kind
        if col == POS:
            return self._pos_data(r, role)
        if r.kind == "image":
            return self._image_data(r, col, role)
        if col == RAW:
            if role == Qt.ItemDataRole.DisplayRole:
                return r.raw
            if role == MarksRole:
                return self._raw_marks(row)
            return None
        # CLEAN
        if role == StateRole:
            if r.correction is not None:
                return "corrected"
            return "auto" if self.cleaned(row) is not None else "pending"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = self.effective_text(row)
            # Pending: the delegate greys the raw text out until the cleaner answers.
            return r.raw if text is None else text
        if role == MarksRole:
            return self._clean_marks(row)
        return None

    def _pos_data(self, r: SegmentRow, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(r.position)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [self.tr("Segment %1").replace("%1", str(r.position))]
            if r.start_ms is not None:
                parts.append(f"{format_time(r.start_ms)}–{format_time(r.end_ms)}")
            if r.speaker:
                parts.append(r.speaker)
            return plain_tooltip("\n".join(parts))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return None

    def _image_data(self, r: SegmentRow, col: int, role):
        # The address is shown as text only; nothing is ever fetched.
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("[image]") if col == CLEAN else r.raw
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tr("Image (not loaded): %1").replace("%1", r.raw))
        return None

    def _raw_marks(self, row: int) -> list[tuple[int, int, str]]:
        r = self._rows[row]
        marks: list[tuple[int, int, str]] = []
        c = None if r.correction is not None else self._clean.cached(r.id, r.raw)
        if c is not None:
            marks.extend((s, e, "removed") for s, e, _stage in c.removed)
        hits = self._hits.get(r.id)
        if hits and c is not None:
            # Hits are found in the text the reader reads; the cleaner maps them back to the raw text.
            marks.extend((c.to_raw(s), max(c.to_raw(e), c.to_raw(s) + 1), self._hit_kind(r.id, s)) for s, e in hits)
        return marks

    def _clean_marks(self, row: int) -> list[tuple[int, int, str]]:
        r = self._rows[row]
        marks: list[tuple[int, int, str]] = []
        if r.correction is None:
            c = self._clean.cached(r.id, r.raw)
            if c is not None:
                # Script conversion touches most characters of a traditional transcript;
                # marking it would drown out the replacements a reader wants to check.
                marks.extend((s, e, "changed") for s, e, stage in c.changed if stage != "script")
        marks.extend((s, e, self._hit_kind(r.id, s)) for s, e in self._hits.get(r.id, ()))
        return marks

    def _hit_kind(self, segment_id: int, start: int) -> str:
        cur = self._current_hit
        return "current" if cur is not None and cur[0] == segment_id and cur[1] == start else "hit"

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != CLEAN or role != Qt.ItemDataRole.EditRole:
            return False
        row = index.row()
        r = self._rows[row]
        if r.kind == "image":
            return False
        text = str(value)
        if text == self.effective_text(row):
            return False
        # Shown at once; the controller saves it and a fresh row replaces this one.
        self._rows[row] = replace(r, correction=text)
        self.dataChanged.emit(self.index(row, RAW), self.index(row, CLEAN))
        self.correction_requested.emit(r.id, r.correction, text, self.automatic_text(row))
        return True

    def automatic_text(self, row: int) -> str | None:
        """The cleaned text of a row's raw text, if the cleaner has answered."""
        r = self._rows[row]
        known = self._clean.cached(r.id, r.raw)
        return None if known is None else known.text

    def raw_offset(self, row: int, pos: int) -> int:
        """Where offset `pos` of the text the reader sees falls in the row's raw text."""
        from reader.core.library.edits import _map_offset

        r = self._rows[row]
        if r.correction is not None:
            return _map_offset(r.correction, r.raw, pos)
        known = self._clean.cached(r.id, r.raw)
        # Until the cleaner answers, the cell (and its editor) shows the raw text itself.
        return pos if known is None else known.to_raw(pos)
