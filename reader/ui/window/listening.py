"""Listening while correcting: the recording beside the transcript, synced to the rows.

Owns the player, the media bar under the table and the video dock, and the
actions (Ctrl+Space, Ctrl+R, Ctrl+L, Ctrl+, / Ctrl+., F8). Window shortcuts, so
they work while a cell editor is open; the editors claim every key while an input
method composes (delegates.CellEditor), so none of these fires mid-composition.

Selecting a timed row (by the person) seeks to its start; moves this code makes
(tap to time) never seek. While playing, the row the position falls in is
highlighted and, with Follow playback, scrolled into view unless an editor is open;
editing never moves the playback. Times come from the library as one light list
(`operations.media.load_times`), read again after every change to the transcript.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QMainWindow, QWidget

from reader.core.errors import UserError
from reader.core.media import EXTENSIONS, is_media_name
from reader.core.timecode import parse_time
from reader.ui.media.media_bar import MediaBar
from reader.ui.media.player import RATES, Player, QtPlayer
from reader.ui.messages import error_text
from reader.ui.operations import OpChanges, Operations, media
from reader.ui.operations.media import RecordingInfo, SegmentTimes
from reader.ui.table.segment_model import POS, SegmentIdRole, SegmentTableModel
from reader.ui.table.segment_view import SegmentView
from reader.ui.table.time_column import TIME, TIME_WIDTH
from reader.ui.window.docks import add_dock

if TYPE_CHECKING:
    from reader.ui.settings import Settings

class Listening(QObject):
    # What plays the recording; tests put a fake player here (no sound card, no timing).
    make_player: Callable[[QObject], Player] = QtPlayer
    def __init__(
        self,
        ops: Operations,
        window: QMainWindow,
        model: SegmentTableModel,
        view: SegmentView,
        settings: Settings,
        show_error: Callable[[str], None],
        status: Callable[[str], None],
        player: Player | None = None,
    ):
        super().__init__(window)
        self.ops, self.window, self.model, self.view = ops, window, model, view
        self.settings, self.show_error, self.status = settings, show_error, status
        self.player = player if player is not None else type(self).make_player(self)
        self.replay_ms = settings.replay_ms()
        self.transcript_id: int | None = None
        self.recording: RecordingInfo | None = None
        self._recording_missing = False  # the recording named is not at its path
        self.times: list[SegmentTimes] = []
        self._starts: list[int] = []  # sorted starts of the timed rows, and their indexes in `times`
        self._timed: list[int] = []
        self._pending: str | None = None  # a file being tried before it is attached
        self._moving = False  # the current row is being moved by this code, not the person
        self._loop: tuple[int, int] | None = None

        self.bar = MediaBar(window)
        self.video_dock = add_dock(window, "videoDock")
        self.video_widget: QWidget | None = None
        self._make_actions()
        self._connect()
        self._show_time_column()
        self.bar.say(self.player.note)

    # construction
    def _action(self, slot: Callable[[], object], shortcut: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)  # a window shortcut, also while a cell editor has the focus
        return action

    def _make_actions(self) -> None:
        self.act_attach = self._action(self.choose_file)
        self.act_detach = self._action(self.detach)
        self.act_play = self._action(self.toggle, "Ctrl+Space")
        self.act_replay = self._action(self.replay, "Ctrl+R")
        self.act_loop = self._action(self._loop_toggled, "Ctrl+L", checkable=True)
        self.act_slower = self._action(lambda: self.step_rate(-1), "Ctrl+,")
        self.act_faster = self._action(lambda: self.step_rate(1), "Ctrl+.")
        self.act_tap = self._action(self.tap, "F8")
        self.act_follow = self._action(lambda: None, checkable=True)
        self.act_follow.setChecked(self.settings.follow_playback())
        self.act_follow.toggled.connect(self.settings.set_follow_playback)
        self.bar.follow.setChecked(self.act_follow.isChecked())
        self.bar.follow.toggled.connect(self.act_follow.setChecked)
        self.act_follow.toggled.connect(self.bar.follow.setChecked)
        self.act_video = self.video_dock.toggleViewAction()

    def _connect(self) -> None:
        p, bar = self.player, self.bar
        bar.play_button.clicked.connect(self.toggle)
        bar.seek_requested.connect(p.seek)
        bar.rate_chosen.connect(p.set_rate)
        bar.volume_chosen.connect(p.set_volume)
        p.position_changed.connect(self._position_changed)
        p.duration_changed.connect(bar.set_duration)
        p.playing_changed.connect(bar.set_playing)
        p.loaded.connect(self._loaded)
        p.failed.connect(self._failed)
        p.has_video_changed.connect(self._has_video)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.modelReset.connect(lambda: self.model.set_playing(self._playing_id()))
        self.model.time_requested.connect(self.time_typed)
        self.ops.changed.connect(self._changed)

    def retranslate(self) -> None:
        self.act_attach.setText(self.tr("Attach &Recording…"))
        self.act_detach.setText(self.tr("Detach Recording"))
        self.act_play.setText(self.tr("&Play / Pause"))
        self.act_replay.setText(self.tr("&Replay Last Seconds"))
        self.act_loop.setText(self.tr("&Loop Current Segment"))
        self.act_slower.setText(self.tr("&Slower"))
        self.act_faster.setText(self.tr("&Faster"))
        self.act_tap.setText(self.tr("&Tap Time and Go to Next Row"))
        self.act_follow.setText(self.tr("&Follow Playback"))
        self.video_dock.setWindowTitle(self.tr("Video"))
        self.act_video.setText(self.tr("&Video"))
        self.bar.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, TIME, TIME)

    def actions(self) -> list[QAction]:
        """The playback menu, in order (also what Help › Keyboard Shortcuts lists)."""
        return [self.act_play, self.act_replay, self.act_loop, self.act_slower, self.act_faster, self.act_tap, self.act_follow]

    # transcripts and recordings
    def transcript_opened(self, transcript_id: int | None) -> None:
        self.transcript_id = transcript_id
        self.recording = None
        self.times, self._starts, self._timed = [], [], []
        self._unload()
        self.bar.say(self.player.note)
        self._show_time_column()
        if transcript_id is not None:
            media.load_recording(self.ops, transcript_id, self._recording_loaded)
            media.load_times(self.ops, transcript_id, self._times_loaded)

    def _unload(self) -> None:
        """No recording in the player, and none in the bar: not the last one's length and place."""
        self.player.pause()
        self.player.load(None)
        self.bar.set_duration(0)
        self.bar.set_position(0)

    def _recording_loaded(self, result: tuple[int, RecordingInfo | None, bool]) -> None:
        transcript_id, info, missing = result
        if transcript_id != self.transcript_id:
            return
        self.recording, self._recording_missing = info, missing
        self._show_time_column()
        if info is None or missing:
            self._say_where_the_recording_is()
        else:
            self.player.load(info.path)

    def _say_where_the_recording_is(self) -> None:
        """Why nothing plays: no recording, or one that moved (again after a language switch)."""
        info = self.recording
        if info is None:
            self.bar.say(lambda: self.tr("No recording: drop one on the window or use File › Attach Recording…"))
        elif self._recording_missing:
            path = info.path
            self.bar.say(
                lambda: self.tr("The recording is not at %1 any more: File › Attach Recording… to point at it").replace("%1", path)
            )

    def _times_loaded(self, result: tuple[int, list[SegmentTimes]]) -> None:
        transcript_id, times = result
        if transcript_id != self.transcript_id:
            return
        self.times = times
        self._timed = [i for i, t in enumerate(times) if t.start_ms is not None]
        self._starts = [times[i].start_ms or 0 for i in self._timed]
        self._show_time_column()
        self.model.set_playing(self._playing_id())

    def _changed(self, changes: OpChanges) -> None:
        tid = self.transcript_id
        touched = not changes.transcripts or tid in changes.transcripts
        if tid is not None and touched and (changes.library or changes.structure or changes.segments):
            media.load_times(self.ops, tid, self._times_loaded)

    def _show_time_column(self) -> None:
        shown = self.recording is not None or bool(self._timed)
        header = self.view.horizontalHeader()
        if header.visualIndex(TIME) != header.visualIndex(POS) + 1:
            header.moveSection(header.visualIndex(TIME), header.visualIndex(POS) + 1)
            header.setSectionResizeMode(TIME, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(TIME, TIME_WIDTH)
        if self.view.isColumnHidden(TIME) == shown:
            self.view.setColumnHidden(TIME, not shown)

    def choose_file(self) -> None:
        if self.transcript_id is None:
            self.status(self.tr("Open a transcript first"))
            return
        patterns = " ".join(f"*{ext}" for ext in EXTENSIONS)
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Attach Recording"), "", self.tr("Audio and video (%1);;All files (*)").replace("%1", patterns)
        )
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> None:
        """Try the file (header on a lane, then the player); only a file that opens is attached."""
        if self.transcript_id is None:
            self.status(self.tr("Open a transcript first"))
            return
        media.check_file(self.ops, path, self._header_ok, lambda exc: self.show_error(error_text(exc)))

    def _header_ok(self, path: str) -> None:
        self._pending = path
        self.player.load(path)

    def _loaded(self, path: str) -> None:
        self.bar.set_duration(self.player.duration())
        if self._pending is not None and path == self._pending and self.transcript_id is not None:
            self._pending = None
            media.attach(self.ops, self.transcript_id, path, self._attached)
        else:
            self.bar.say(self.player.note)

    def _attached(self, info: RecordingInfo) -> None:
        if info.transcript_id != self.transcript_id:
            return
        self.recording = info
        self._show_time_column()
        said = {
            "found again": self.tr("Recording found again at %1"),
            "replaced": self.tr("Recording replaced by %1"),
        }.get(info.outcome, self.tr("Recording attached: %1"))
        self.status(said.replace("%1", info.path))
        self.bar.say(self.player.note)

    def _failed(self, path: str, why: str) -> None:
        if path == self._pending:
            self._pending = None
            self.show_error(self.tr("%1: cannot be played (%2); the recording was not attached").replace("%1", path).replace("%2", why))
            self.player.load(self.recording.path if self.recording is not None else None)
            return
        self.bar.say(lambda: self.tr("%1: cannot be played (%2)").replace("%1", path).replace("%2", why))

    def detach(self) -> None:
        if self.transcript_id is None or self.recording is None:
            return
        self._unload()
        self.recording = None
        media.detach(self.ops, self.transcript_id, lambda _gone: self._show_time_column())

    def _has_video(self, has_video: bool) -> None:
        if has_video and self.video_widget is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            self.video_widget = QVideoWidget(self.video_dock)
            self.video_dock.setWidget(self.video_widget)
            self.player.set_video_output(self.video_widget)
        if has_video:
            self.video_dock.show()

    # playing
    def _can_play(self) -> bool:
        if self.recording is None:
            self.status(self.tr("This transcript has no recording: File › Attach Recording…"))
            return False
        return True

    def toggle(self) -> None:
        if self._can_play():
            self.player.toggle()

    def replay(self) -> None:
        if self._can_play():
            self.player.seek(max(0, self.player.position() - self.replay_ms))
            self.player.play()

    def step_rate(self, step: int) -> None:
        rate = self.player.rate()
        index = min(range(len(RATES)), key=lambda i: abs(RATES[i] - rate))
        new = RATES[max(0, min(len(RATES) - 1, index + step))]
        self.player.set_rate(new)
        self.bar.set_rate(new)
        self.status(self.tr("Speed %1×").replace("%1", f"{new:g}"))

    def _loop_toggled(self) -> None:
        self._loop = None
        if self.act_loop.isChecked():
            span = self._span_of_row(self.view.current_row())
            if span is None:
                self.act_loop.setChecked(False)
                self.status(self.tr("The current segment has no time to loop"))
                return
            self._loop = span
            self.player.seek(span[0])
            if self._can_play():
                self.player.play()

    def _span_of_row(self, row: int) -> tuple[int, int] | None:
        index = self._times_index(row)
        if index is None:
            return None
        t = self.times[index]
        if t.start_ms is None:
            return None
        end = t.end_ms if t.end_ms is not None else self.player.duration()
        return (t.start_ms, end) if end and end > t.start_ms else None

    def _times_index(self, row: int) -> int | None:
        if row < 0:
            return None
        segment_id = self.model.index(row, 0).data(SegmentIdRole)
        return next((i for i, t in enumerate(self.times) if t.segment_id == segment_id), None)

    def _playing_index(self, ms: int | None = None) -> int | None:
        position = self.player.position() if ms is None else ms
        at = bisect.bisect_right(self._starts, position) - 1
        if at < 0:
            return None
        index = self._timed[at]
        end = self.times[index].end_ms
        return index if end is None or position < end else None

    def _playing_id(self) -> int | None:
        if self.recording is None:
            return None
        index = self._playing_index()
        return None if index is None else self.times[index].segment_id

    def _position_changed(self, ms: int) -> None:
        self.bar.set_position(ms)
        if self._loop is not None and ms >= self._loop[1]:
            self.player.seek(self._loop[0])
            return
        index = self._playing_index(ms)
        segment_id = None if index is None else self.times[index].segment_id
        if segment_id == self.model.playing_id:
            return
        self.model.set_playing(segment_id)
        row = self.model.row_of(segment_id) if segment_id is not None else None
        if row is not None and self.act_follow.isChecked() and self.view.current_editor() is None:
            self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._moving or not current.isValid() or self.recording is None or self.view.current_editor() is not None:
            return
        index = self._times_index(current.row())
        start = None if index is None else self.times[index].start_ms
        if start is not None:
            self.player.seek(start)
            if self._loop is not None:
                self._loop_toggled()

    # times
    def tap(self) -> None:
        """F8: the current row starts where the recording is now; the next row becomes current."""
        row = self.view.current_row()
        if row < 0 and self.model.rowCount():
            row = 0  # no row chosen yet (a transcript just opened): timing starts at the top
        if not self._can_play() or row < 0:
            return
        segment_id = self.model.index(row, 0).data(SegmentIdRole)
        position = self.player.position()
        last = row == self.model.rowCount() - 1
        end = self._end_of_last(row, position)
        shown = self.model.row_at(row)
        media.set_time(self.ops, segment_id, shown.position if shown is not None else row + 1, position, end)
        if not last:
            self._moving = True
            try:
                column = max(self.view.currentIndex().column(), 0)
                self.view.setCurrentIndex(self.model.index(row + 1, column))
                self.view.scrollTo(self.model.index(row + 1, column), QAbstractItemView.ScrollHint.EnsureVisible)
            finally:
                self._moving = False

    def time_typed(self, segment_id: int, text: str) -> None:
        row = self.model.row_of(segment_id)
        r = self.model.row_at(row) if row is not None else None
        position = r.position if r is not None else 0
        if not text:
            media.clear_time(self.ops, segment_id, position)
            return
        try:
            start = parse_time(text)
        except UserError as exc:
            self.show_error(error_text(exc))
            return
        media.set_time(self.ops, segment_id, position, start, self._end_of_last(row, start))

    def _end_of_last(self, row: int | None, start: int) -> int | None:
        """The last row ends with the recording (no next start to end it), tapped or typed; without
        an end it could never become a subtitle cue. An end it already has after `start` stays."""
        duration = self.player.duration()
        if row is None or row != self.model.rowCount() - 1 or self.recording is None or duration <= start:
            return None
        index = self._times_index(row)
        end = None if index is None else self.times[index].end_ms
        return None if end is not None and end > start else duration

    # dropping
    @staticmethod
    def media_paths(paths: list[str]) -> list[str]:
        return [p for p in paths if is_media_name(p)]
