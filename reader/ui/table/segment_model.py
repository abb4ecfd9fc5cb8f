"""The side-by-side table: one row per segment, raw | cleaned.

The model holds a transcript's segment ids and a cache of row snapshots, read
on the "read" lane a page at a time as the view needs them (after Anki's
browser table), and asks the CleanService for the cleaned column lazily, only
for rows a view paints; until the answer arrives the cleaned cell shows the
raw text greyed out. A row is cleaned in its place: the sentences stage reads the next
row's raw text, and a row whose cleaned text only repeats the previous row's is shown empty
with a note ("repeat of #N"), as `reader.core.text.shown.shown_run` decides; so a page is
read with the row before it and the row after it, and a changed row repaints its neighbours
too. Edits are not
applied here: `correction_requested` goes to the controller, which saves them
through the core on the "write" lane and pushes an undo step.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from reader.core.kinds import SegmentKind
from reader.ui.cleaning import CleanResult, CleanService
from reader.ui.operations.edits import map_offset
from reader.ui.operations.reads import LabelledRow, SegmentRow
from reader.ui.table.time_column import PLAYING, TIME, time_data

# SPEAKER and TOPICS come last in the model (the view shows SPEAKER second), so RAW and CLEAN stay put.
POS, RAW, CLEAN, SPEAKER, TOPICS = range(5)
PAGE = 256  # rows fetched from the library at a time

# Custom roles
SegmentIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3  # "auto" | "pending" | "corrected"
MarksRole = Qt.ItemDataRole.UserRole + 4  # [(start, end, what)], what: removed|changed|hit|current
LabelsRole = Qt.ItemDataRole.UserRole + 5  # [(name, "#rrggbb")]: the speaker, or the topics
VersionRole = Qt.ItemDataRole.UserRole + 6  # the segment's version: what a save of text read now expects
RepeatRole = Qt.ItemDataRole.UserRole + 7  # the cleaned column: the position of the row this one only repeats, else None
NotesRole = Qt.ItemDataRole.UserRole + 8  # the # column: (reviewed, open comments)


@dataclass(frozen=True)
class EditedText:
    """Text typed in an editor, with the version of the segment the editor opened on.

    Someone may save the segment while the editor is open; saving against the
    version the person started from makes that a conflict, not an overwrite.
    """

    text: str
    based_on: int | None


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally.

    QToolTip guesses rich text from the content, so a speaker name or image
    address like `<img src=...>` would be interpreted; escaped, it cannot be.
    """
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def _labelled(r: SegmentRow) -> bool:
    return bool(r.speaker or getattr(r, "topics", ()))


def format_time(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds, _ = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class SegmentTableModel(QAbstractTableModel):
    # segment id, old correction or None, new text, the automatic (cleaned) text if known,
    # the segment's version the new text is based on
    correction_requested = Signal(int, object, str, object, object)
    # segment id, the speaker's name typed or chosen in its cell ("" for none)
    speaker_requested = Signal(int, str)
    # segment id, the time typed in its TIME cell ("" to clear it)
    time_requested = Signal(int, str)

    def __init__(self, clean: CleanService, parent: QObject | None = None):
        super().__init__(parent)
        self._clean = clean
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, LabelledRow] = {}  # segment id -> row, filled a page at a time
        self._any_label = False
        self._fetch: Callable[[list[int], Callable[[list[LabelledRow]], None]], None] | None = None
        self._wanted_pages: set[int] = set()
        self._loading_pages: set[int] = set()
        self._loaded_pages: set[int] = set()
        self._next_fill = 0
        self._page_timer = QTimer(self)
        self._page_timer.setSingleShot(True)
        self._page_timer.setInterval(0)
        self._page_timer.timeout.connect(self._fetch_pages)
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill)
        self.transcript_id: int | None = None
        self.playing_id: int | None = None  # the segment the recording is in now, highlighted
        self._hits: dict[int, list[tuple[int, int]]] = {}  # segment id -> spans in the effective text
        self._current_hit: tuple[int, int, int] | None = None
        clean.cleaned.connect(self._cleaned_arrived)
        clean.settings_changed.connect(self._cleaned_arrived)

    # loading
    def set_fetcher(self, fetch: Callable[[list[int], Callable[[list[LabelledRow]], None]], None]) -> None:
        """`fetch(ids, on_done)` loads rows off the GUI thread and calls on_done(rows) on it."""
        self._fetch = fetch

    def set_transcript(self, transcript_id: int | None, ids: list[int], rows: list[LabelledRow]) -> None:
        """Show a transcript: all its segment ids in order, and the rows known so far."""
        self.beginResetModel()
        self.transcript_id = transcript_id
        self._ids = list(ids)
        self._row_of = {segment_id: i for i, segment_id in enumerate(self._ids)}
        self._cache = {r.id: r for r in rows if r.id in self._row_of}
        self._any_label = any(_labelled(r) for r in self._cache.values())
        self._wanted_pages.clear()
        self._loading_pages.clear()
        self._loaded_pages.clear()
        self._next_fill = 0
        self._hits = {}
        self._current_hit = None
        self.endResetModel()
        self._fill_timer.start()

    def set_rows(self, transcript_id: int | None, rows: list[LabelledRow]) -> None:
        self.set_transcript(transcript_id, [r.id for r in rows], rows)

    def update_rows(self, rows: list[LabelledRow]) -> None:
        """Take in fresh rows of segments this transcript shows (loaded pages, or after a change)."""
        touched = []
        for fresh in rows:
            i = self._row_of.get(fresh.id)
            # A row read again unchanged (e.g. this app's own save reported back) repaints nothing.
            if i is not None and self._cache.get(fresh.id) != fresh:
                self._cache[fresh.id] = fresh
                self._any_label = self._any_label or _labelled(fresh)
                touched.append(i)
        if touched:
            # Its neighbours read it: the row before for its sentence end, the row after for a repeat.
            first, last = max(min(touched) - 1, 0), min(max(touched) + 1, len(self._ids) - 1)
            self.dataChanged.emit(self.index(first, 0), self.index(last, TOPICS))

    def _row(self, row: int) -> LabelledRow | None:
        found = self._cache.get(self._ids[row])
        if found is None:
            page = row // PAGE
            if page not in self._loading_pages and page not in self._loaded_pages:
                self._wanted_pages.add(page)
                self._page_timer.start()
        return found

    def _fetch_pages(self) -> None:
        if self._fetch is None:
            return
        for page in sorted(self._wanted_pages - self._loading_pages):
            self._loading_pages.add(page)
            # With the row before and the row after: a row is cleaned between its neighbours.
            ids = self._ids[max(page * PAGE - 1, 0) : (page + 1) * PAGE + 1]
            self._fetch(ids, partial(self._page_arrived, self.transcript_id, page))
        self._wanted_pages.clear()

    def _page_arrived(self, transcript_id: int | None, page: int, rows: list[LabelledRow]) -> None:
        if transcript_id != self.transcript_id:
            return  # another transcript is shown by now
        self._loading_pages.discard(page)
        self._loaded_pages.add(page)
        self.update_rows(rows)
        self._fill_timer.start()

    def _fill(self) -> None:
        """Read the rest of the transcript in the background, one page at a time.

        One at a time, so a page the view asks for waits behind one page at
        most; with every row at hand a jump anywhere paints at once.
        """
        if self._fetch is None or self._loading_pages:
            return
        pages = (len(self._ids) + PAGE - 1) // PAGE
        while self._next_fill < pages and self._next_fill in self._loaded_pages:
            self._next_fill += 1
        if self._next_fill < pages:
            self._wanted_pages.add(self._next_fill)
            self._fetch_pages()

    def has_labels(self) -> bool:
        """Whether any segment read so far has a speaker or a topic (a transcript without any needs no columns)."""
        return self._any_label

    def fully_loaded(self) -> bool:
        return len(self._cache) >= len(self._ids)

    def row_at(self, row: int) -> LabelledRow | None:
        """The row's segment, or None while its page is loading."""
        return self._row(row)

    def row_of(self, segment_id: int) -> int | None:
        return self._row_of.get(segment_id)

    def shows(self, transcript_id: int, ids: list[int]) -> bool:
        """Whether the model shows exactly these segments of this transcript, in this order."""
        return self.transcript_id == transcript_id and self._ids == ids

    # the cleaned text (these take the row data() has already looked up: they run for every cell painted)
    def _next_raw(self, row: int) -> str | None:
        """The next row's raw text, which the sentences stage reads: "" after the last, None while loading."""
        if row + 1 >= len(self._ids):
            return ""
        following = self._cache.get(self._ids[row + 1])
        return None if following is None else following.raw

    def _cleaned(self, row: int, r: SegmentRow) -> CleanResult | None:
        """The CleanResult of a text row's raw text, or None while the cleaner is at it."""
        return self._clean.result(r.id, r.raw, r.kind, self._next_raw(row))

    def _cached(self, row: int, r: SegmentRow) -> CleanResult | None:
        return self._clean.cached(r.id, r.raw, r.kind, self._next_raw(row))

    def _shown(self, row: int, r: SegmentRow) -> tuple[str | None, int | None]:
        """(what the reader reads, None while pending; the position of the row it only repeats, if so)."""
        if r.kind == SegmentKind.IMAGE:
            return "", None
        if r.correction is not None:
            return r.correction, None
        c = self._cleaned(row, r)
        if c is None:
            return None, None
        if r.kind != SegmentKind.TEXT or row == 0:
            return c.text, None
        previous = self._row(row - 1)
        if previous is None:
            return None, None
        if previous.kind == SegmentKind.IMAGE:
            return c.text, None
        if previous.correction is not None:
            before = previous.correction
        else:
            p = self._clean.result(previous.id, previous.raw, previous.kind, r.raw)
            if p is None:
                return None, None
            before = p.text
        if self._clean.repeats(c.text, before):
            return "", previous.position
        return c.text, None

    def _effective_text(self, row: int, r: SegmentRow) -> str | None:
        """What the reader reads: the person's correction, else the cleaned text; None while pending."""
        return self._shown(row, r)[0]

    def prefetch(self, first: int, last: int) -> None:
        first = max(first, 0)
        last = min(last, len(self._ids) - 1)
        wanted = []
        for i in range(first, last + 1):
            r = self._row(i)
            if r is not None and r.kind != SegmentKind.IMAGE:
                wanted.append((r.id, r.raw, r.kind, self._next_raw(i)))
        self._clean.prefetch(wanted)

    def in_place(self, row: int) -> tuple[list[LabelledRow], int]:
        """The row with its neighbours as far as loaded, and where it is among them: what
        `CleanService.text_of` reads to give the row's text as shown."""
        around = [(i, self._cache.get(self._ids[i])) for i in range(max(row - 1, 0), min(row + 2, len(self._ids)))]
        rows = [r for _i, r in around if r is not None]
        return rows, [i for i, r in around if r is not None].index(row)

    def _cleaned_arrived(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, RAW), self.index(len(self._ids) - 1, CLEAN))

    # find hits
    def set_hits(self, hits: dict[int, list[tuple[int, int]]], current: tuple[int, int, int] | None = None) -> None:
        self._hits = hits
        self._current_hit = current
        if self._ids:
            self.dataChanged.emit(self.index(0, RAW), self.index(len(self._ids) - 1, CLEAN), [MarksRole])

    # Qt model interface
    def set_playing(self, segment_id: int | None) -> None:
        """Highlight the segment the recording is in (None: none)."""
        rows = [self._row_of.get(i) for i in (self.playing_id, segment_id) if i is not None]
        self.playing_id = segment_id
        for row in rows:
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1), [Qt.ItemDataRole.BackgroundRole])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("#"), self.tr("Raw"), self.tr("Cleaned"), self.tr("Speaker"), self.tr("Topics"), self.tr("Time"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (SPEAKER, TIME) and self._row(index.row()) is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        if index.column() == CLEAN:
            r = self._row(index.row())
            if r is not None and r.kind != SegmentKind.IMAGE:
                base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == SegmentIdRole:
            return self._ids[row]
        r = self._row(row)
        if r is None:
            # Its page is on the way; the delegate draws nothing until then.
            if role == StateRole:
                return "loading"
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == KindRole:
            return r.kind
        if role == VersionRole:
            return r.version
        if role == Qt.ItemDataRole.BackgroundRole:
            return PLAYING if r.id == self.playing_id else None
        if col == TIME:
            return time_data(r, role)
        if col == POS:
            return self._pos_data(r, role)
        if col == SPEAKER:
            return self._speaker_data(r, role)
        if col == TOPICS:
            return self._topics_data(r, role)
        if r.kind == SegmentKind.IMAGE:
            return self._image_data(r, col, role)
        if col == RAW:
            if role == Qt.ItemDataRole.DisplayRole:
                return r.raw
            if role == MarksRole:
                return self._raw_marks(row, r)
            return None
        # CLEAN
        if role == StateRole:
            if r.correction is not None:
                return "corrected"
            return "auto" if self._effective_text(row, r) is not None else "pending"
        if role == RepeatRole:
            return self._shown(row, r)[1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = self._effective_text(row, r)
            # Pending: the delegate greys the raw text out until the cleaner answers.
            return r.raw if text is None else text
        if role == MarksRole:
            return self._clean_marks(row, r)
        return None

    def _pos_data(self, r: SegmentRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(r.position)
        if role == NotesRole:
            return (bool(getattr(r, "reviewed", False)), int(getattr(r, "open_comments", 0)))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [self.tr("Segment %1").replace("%1", str(r.position))]
            if r.start_ms is not None:
                parts.append(f"{format_time(r.start_ms)}–{format_time(r.end_ms)}")
            if r.speaker:
                parts.append(r.speaker)
            author = getattr(r, "review_author", None)
            if getattr(r, "reviewed", False):
                parts.append(self.tr("Reviewed by %1").replace("%1", author or ""))
            elif author:
                parts.append(self.tr("To do again: changed by %1 after review").replace("%1", author))
            open_comments = getattr(r, "open_comments", 0)
            if open_comments:
                parts.append(self.tr("%1 open comments").replace("%1", str(open_comments)))
            return plain_tooltip("\n".join(parts))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return None

    @staticmethod
    def _speaker_data(r: SegmentRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return r.speaker or ""
        if role == LabelsRole:
            return [(r.speaker, getattr(r, "speaker_color", None) or "#808080")] if r.speaker else []
        if role == Qt.ItemDataRole.ToolTipRole and r.speaker:
            return plain_tooltip(r.speaker)
        return None

    @staticmethod
    def _topics_data(r: SegmentRow, role: int) -> Any:
        topics = getattr(r, "topics", ())
        if role == Qt.ItemDataRole.DisplayRole:
            return "、".join(topic.name for topic in topics)
        if role == LabelsRole:
            return [(topic.name, topic.color) for topic in topics]
        if role == Qt.ItemDataRole.ToolTipRole and topics:
            return plain_tooltip("\n".join(topic.name for topic in topics))
        return None

    def _image_data(self, r: SegmentRow, col: int, role: int) -> Any:
        # The address is shown as text only; nothing is ever fetched.
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("[image]") if col == CLEAN else r.raw
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tr("Image (not loaded): %1").replace("%1", r.raw))
        return None

    def _raw_marks(self, row: int, r: SegmentRow) -> list[tuple[int, int, str]]:
        marks: list[tuple[int, int, str]] = []
        c = None if r.correction is not None else self._cached(row, r)
        if c is not None and self._shown(row, r)[1] is not None:
            return [(0, len(r.raw), "removed")]  # a repeat of the row before: none of it is shown
        if c is not None:
            marks.extend((s, e, "removed") for s, e, _stage in c.removed)
        hits = self._hits.get(r.id)
        if hits and c is not None:
            # Hits are found in the text the reader reads; the cleaner maps them back to the raw text.
            marks.extend((c.to_raw(s), max(c.to_raw(e), c.to_raw(s) + 1), self._hit_kind(r.id, s)) for s, e in hits)
        return marks

    def _clean_marks(self, row: int, r: SegmentRow) -> list[tuple[int, int, str]]:
        marks: list[tuple[int, int, str]] = []
        if r.correction is None:
            c = self._cached(row, r)
            if c is not None:
                # Script conversion touches most characters of a traditional transcript;
                # marking it would drown out the replacements a reader wants to check.
                marks.extend((s, e, "changed") for s, e, stage in c.changed if stage != "script")
        marks.extend((s, e, self._hit_kind(r.id, s)) for s, e in self._hits.get(r.id, ()))
        return marks

    def _hit_kind(self, segment_id: int, start: int) -> str:
        cur = self._current_hit
        return "current" if cur is not None and cur[0] == segment_id and cur[1] == start else "hit"

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == TIME:
            r = self._row(index.row())
            text = value.text if isinstance(value, EditedText) else str(value or "")
            if r is None or text.strip() == (time_data(r, Qt.ItemDataRole.EditRole) or ""):
                return False
            self.time_requested.emit(r.id, text.strip())
            return False
        if index.column() == SPEAKER:
            return self._set_speaker(index.row(), str(value))
        if index.column() != CLEAN:
            return False
        row = index.row()
        r = self._row(row)
        if r is None or r.kind == SegmentKind.IMAGE:
            return False
        text, based_on = (value.text, value.based_on) if isinstance(value, EditedText) else (str(value), r.version)
        if text == self._effective_text(row, r):
            return False
        # Shown at once; the controller saves it and a fresh row replaces this one.
        self._cache[r.id] = replace(r, correction=text)
        self.dataChanged.emit(self.index(row, RAW), self.index(row, CLEAN))
        self.correction_requested.emit(r.id, r.correction, text, self.automatic_text(row), based_on)
        return True

    def show_saved_correction(self, segment_id: int, correction: str | None) -> None:
        """Undo what `setData` showed at once: the save was refused and the library still holds `correction`."""
        r = self._cache.get(segment_id)
        row = self._row_of.get(segment_id)
        if r is None or row is None:
            return
        self._cache[segment_id] = replace(r, correction=correction)
        self.dataChanged.emit(self.index(row, RAW), self.index(row, CLEAN))

    def _set_speaker(self, row: int, name: str) -> bool:
        r = self._row(row)
        name = " ".join(name.split())
        if r is None or name == (r.speaker or ""):
            return False
        # Not shown here: the window decides which rows it applies to, and the saved rows come back.
        self.speaker_requested.emit(r.id, name)
        return True

    def automatic_text(self, row: int) -> str | None:
        """The cleaned text of a row's raw text, if the cleaner has answered."""
        r = self._row(row)
        if r is None:
            return None
        if r.correction is None and self._cached(row, r) is None:
            return None
        return self._shown(row, replace(r, correction=None))[0]

    def raw_offset(self, row: int, pos: int) -> int:
        """Where offset `pos` of the text the reader sees falls in the row's raw text."""
        r = self._row(row)
        assert r is not None, "asked for where an open editor's cursor falls: its row is loaded"
        if r.correction is not None:
            return map_offset(r.correction, r.raw, pos)
        known = self._cached(row, r)
        # Until the cleaner answers, the cell (and its editor) shows the raw text itself.
        return pos if known is None else known.to_raw(pos)
