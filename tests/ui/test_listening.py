"""The recording beside the transcript: attach (drop, refuse), seek on select, highlight and follow,
tap to time, a time typed in the TIME column, undo, loop, replay, speed, relink; a fake player stands in
for Qt Multimedia so nothing depends on a sound card or on timing (one test plays a real WAV)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import srt
from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent

from reader.core.library import open_library, recordings, transcript_segments
from reader.core.media import container
from reader.ui.media.player import Player
from reader.ui.table.segment_model import CLEAN, SegmentIdRole
from reader.ui.table.time_column import TIME
from reader.ui.window.listening import Listening
from tests.media_files import write_tone


class FakePlayer(Player):
    """A player whose position the test sets; loads what the header check passed unless told it cannot."""

    refuse = False

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.path: str | None = None
        self._position = 0
        self._playing = False
        self._rate = 1.0
        self.seeks: list[int] = []

    def load(self, path):
        self.path = path
        if path is None:
            return
        if FakePlayer.refuse or container(Path(path).read_bytes()[:64]) is None:
            self.failed.emit(path, "Could not open file")
            return
        self.duration_changed.emit(60_000)
        self.loaded.emit(path)

    def play(self):
        self._playing = True
        self.playing_changed.emit(True)

    def pause(self):
        self._playing = False
        self.playing_changed.emit(False)

    def seek(self, ms):
        self.seeks.append(ms)
        self.at(ms)

    def at(self, ms):
        """The recording has reached `ms` (what QMediaPlayer reports while playing)."""
        self._position = ms
        self.position_changed.emit(ms)

    def position(self):
        return self._position

    def duration(self):
        return 60_000 if self.path else 0

    def is_playing(self):
        return self._playing

    def set_rate(self, rate):
        self._rate = rate

    def rate(self):
        return self._rate

    def set_volume(self, volume):
        pass


@pytest.fixture
def fake(monkeypatch):
    FakePlayer.refuse = False
    monkeypatch.setattr(Listening, "make_player", FakePlayer)


def drop(window, *paths):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def times_of(window):
    return [window.model.row_at(row).start_ms for row in range(window.model.rowCount())]


def times(db_path, transcript_id):
    lib = open_library(db_path)
    try:
        return [(s.start_ms, s.time_estimated) for s in transcript_segments(lib, transcript_id)[1]]
    finally:
        lib.close()


@pytest.fixture
def listening(fake, window, tmp_path, qtbot):
    """The sample transcript with a tone attached by drag and drop."""
    tone = write_tone(tmp_path / "talk.wav")
    drop(window, tone)
    qtbot.waitUntil(lambda: window.listening.recording is not None)
    return window.listening


def test_a_dropped_recording_is_attached_not_imported_and_the_time_column_shows(listening, window, db_path):
    assert listening.player.path.endswith("talk.wav")
    assert window.library_panel.model.rowCount() == 1  # nothing imported
    assert not window.view.isColumnHidden(TIME)
    lib = open_library(db_path)
    assert recordings.recording_of(lib, window.transcript_id).path.endswith("talk.wav")
    lib.close()


def test_a_file_the_player_cannot_open_or_that_is_no_recording_is_refused_with_one_message(fake, window, tmp_path, qtbot, db_path):
    assert window.view.isColumnHidden(TIME)  # no times, no recording
    (tmp_path / "broken.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 100)
    FakePlayer.refuse = True
    window.listening.attach_file(str(tmp_path / "broken.mp4"))
    assert "cannot be played" in window._last_error_box.text() and "\n" not in window._last_error_box.text()
    FakePlayer.refuse = False
    (tmp_path / "notes.wav").write_text("不是录音", encoding="utf-8")
    window.listening.attach_file(str(tmp_path / "notes.wav"))
    assert "not an audio or video file" in window._last_error_box.text()
    window.listening.attach_file(str(tmp_path / "gone.wav"))
    assert "no such file" in window._last_error_box.text()
    assert window.listening.recording is None
    lib = open_library(db_path)
    assert recordings.recording_of(lib, window.transcript_id) is None
    lib.close()


def test_tap_to_time_gives_starts_moves_down_estimates_between_and_undoes(listening, window, db_path, qtbot):
    view, player = window.view, listening.player
    view.setCurrentIndex(window.model.index(0, CLEAN))
    player.at(1_000)
    listening.tap()
    assert view.current_row() == 1
    assert player.seeks == []  # moving down to tap the next row does not seek
    view.setCurrentIndex(window.model.index(3, CLEAN))
    player.at(9_000)
    window.listening.act_tap.trigger()
    stored = times(db_path, window.transcript_id)
    assert stored[0] == (1_000, False) and stored[3] == (9_000, False)
    assert all(estimated for _start, estimated in stored[1:3]) and 1_000 < stored[1][0] < stored[2][0] < 9_000
    qtbot.waitUntil(lambda: window.model.index(1, TIME).data().startswith("~"))
    window.act_undo.trigger()
    assert times(db_path, window.transcript_id)[3] == (None, False)
    window.act_undo.trigger()
    assert times(db_path, window.transcript_id) == [(None, False)] * 4


def test_tapping_with_no_row_chosen_starts_at_the_top(listening, window, db_path):
    window.view.setCurrentIndex(window.model.index(-1, -1))  # as a transcript just opened
    assert window.view.current_row() < 0
    listening.player.at(2_000)
    listening.tap()
    assert times(db_path, window.transcript_id)[0] == (2_000, False)
    assert window.view.current_row() == 1


def test_selecting_a_timed_row_seeks_and_playback_highlights_and_follows(listening, window, qtbot):
    view, player, model = window.view, listening.player, window.model
    for row, ms in ((0, 0), (1, 4_000), (2, 8_000), (3, 12_000)):
        view.setCurrentIndex(model.index(row, CLEAN))
        player.at(ms)
        listening.tap()
    qtbot.waitUntil(lambda: len(listening._starts) == 4)
    player.seeks.clear()
    view.setCurrentIndex(model.index(2, CLEAN))
    assert player.seeks == [8_000]
    player.at(4_500)
    assert model.playing_id == model.index(1, 0).data(SegmentIdRole)
    assert model.index(1, CLEAN).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(2, CLEAN).data(Qt.ItemDataRole.BackgroundRole) is None
    # Follow playback: a row scrolled away comes back into view as it plays.
    window.resize(900, 300)
    view.scrollToBottom()
    player.at(100)
    assert model.playing_id == model.index(0, 0).data(SegmentIdRole)
    assert view.rowAt(view.visualRect(model.index(0, CLEAN)).center().y()) == 0


def test_editing_a_cell_never_moves_the_playback(listening, window, qtbot):
    view, player, model = window.view, listening.player, window.model
    view.setCurrentIndex(model.index(0, CLEAN))
    player.at(2_000)
    listening.tap()
    qtbot.waitUntil(lambda: listening._starts == [2_000])
    player.seeks.clear()
    player.at(30_000)
    assert view.current_row() == 1
    assert view.edit_row(1)  # the row tapping moved to
    editor = view.current_editor()
    editor.setPlainText("我们今天讨论大语言模型的发展。")
    view.commit_editor(editor)
    qtbot.waitUntil(lambda: model.row_at(1).correction is not None)
    assert player.seeks == [] and player.position() == 30_000


def test_a_time_typed_in_the_time_column_is_a_step_and_a_bad_one_is_refused(listening, window, db_path, qtbot):
    model = window.model
    assert not model.setData(model.index(2, TIME), "0:00:07.250")
    assert times(db_path, window.transcript_id)[2] == (7_250, False)
    qtbot.waitUntil(lambda: model.index(2, TIME).data() == "0:07.250")
    model.setData(model.index(1, TIME), "soon")
    assert "h:mm:ss.mmm" in window._last_error_box.text()
    window.act_undo.trigger()
    assert times(db_path, window.transcript_id)[2] == (None, False)


def test_keys_play_replay_loop_and_change_speed_also_from_the_cell_editor(listening, window, qtbot):
    player, view, model = listening.player, window.view, window.model
    view.setCurrentIndex(model.index(0, CLEAN))
    player.at(5_000)
    listening.tap()
    view.setCurrentIndex(model.index(1, CLEAN))
    player.at(8_000)
    listening.tap()
    qtbot.waitUntil(lambda: len(listening._starts) == 2)
    assert view.edit_row(0)
    editor = view.current_editor()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert player.is_playing()
    player.at(20_000)
    qtbot.keyClick(editor, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert player.position() == 20_000 - listening.replay_ms
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert player.rate() > 1.0
    qtbot.keyClick(editor, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert player.rate() < 1.0
    assert editor.toPlainText() == model.index(0, CLEAN).data(Qt.ItemDataRole.EditRole)  # no key became text
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert listening._loop == (5_000, 8_000) and player.position() == 5_000
    player.at(8_100)
    assert player.position() == 5_000  # looped back


def test_no_key_is_taken_from_an_input_method_composition(listening, window, qtbot):
    player, view = listening.player, window.view
    assert view.edit_row(0)
    editor = view.current_editor()
    editor.setFocus()
    editor.inputMethodEvent(QInputMethodEvent("zhong", []))  # pinyin typed, nothing chosen yet
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert not player.is_playing() and view.current_row() == 0
    assert times_of(window) == [None] * 4


def test_a_moved_recording_is_reported_and_found_again(listening, window, tmp_path, qtbot, db_path):
    moved = tmp_path / "moved.wav"
    shutil.move(tmp_path / "talk.wav", moved)
    tid = window.transcript_id
    listening.transcript_opened(tid)
    qtbot.waitUntil(lambda: "not at" in listening.bar.message.text())
    listening.attach_file(str(moved))
    qtbot.waitUntil(lambda: listening.recording is not None and listening.recording.path == str(moved))
    assert "found again" in window.statusBar().currentMessage()


def test_srt_exported_after_tapping_reads_back(listening, window, tmp_path, qtbot, db_path):
    view, player, model = window.view, listening.player, window.model
    for row, ms in ((0, 0), (1, 3_000), (3, 9_000)):  # row 2, the image, is estimated and left out of subtitles
        view.setCurrentIndex(model.index(row, CLEAN))
        player.at(ms)
        listening.tap()
    from reader.core.library import export

    lib = open_library(db_path)
    data = export.render_transcript(lib, window.transcript_id, "srt")
    lib.close()
    cues = list(srt.parse(data.decode()))
    assert [c.start.total_seconds() for c in cues][:2] == [0, 3]
    assert cues[-1].end.total_seconds() == 60  # the last row ends where the recording does


def test_help_lists_the_playback_keys(listening, window):
    from reader.ui.dialogs.shortcuts import shortcut_table

    rows = {name: keys for _title, entries in shortcut_table(window.menuBar()) for name, keys in entries}
    assert rows["Play / Pause"] == "Ctrl+Space" and rows["Tap Time and Go to Next Row"] == "F8"
    assert rows["Loop Current Segment"] == "Ctrl+L" and "Ctrl+," in rows.values()


@pytest.mark.qt_log_ignore(".*")  # the FFmpeg backend reports, as warnings, that there is no sound device here
def test_the_real_player_plays_a_generated_wav_offscreen(tmp_path, qtbot):
    from reader.ui.media.player import QtPlayer, multimedia_missing

    if multimedia_missing():
        pytest.skip(multimedia_missing())
    player = QtPlayer()
    tone = write_tone(tmp_path / "tone.wav", seconds=2)
    with qtbot.waitSignal(player.loaded, timeout=10_000):
        player.load(str(tone))
    assert player.duration() == 2_000
    player.seek(500)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 500, timeout=10_000)
    player.pause()
    (tmp_path / "bad.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + os.urandom(200))
    with qtbot.waitSignal(player.failed, timeout=10_000) as failed:
        player.load(str(tmp_path / "bad.mp4"))
    assert failed.args[0].endswith("bad.mp4") and failed.args[1]


def test_a_start_typed_into_the_last_row_ends_it_with_the_recording_so_srt_can_be_exported(listening, window, qtbot, db_path):
    """Typed, as tapped: the last row has no next start to end it, and a cue needs an end."""
    from reader.core.library import export

    model = window.model
    model.setData(model.index(0, TIME), "0:00")
    model.setData(model.index(3, TIME), "0:40")
    lib = open_library(db_path)
    try:
        [*_, last] = transcript_segments(lib, window.transcript_id)[1]
        assert (last.start_ms, last.end_ms) == (40_000, 60_000)
        cues = list(srt.parse(export.render_transcript(lib, window.transcript_id, "srt").decode()))
    finally:
        lib.close()
    assert cues[-1].end.total_seconds() == 60


def test_the_bar_shows_the_recordings_length_once_it_is_attached(listening):
    """Before anything plays: '0:00 / 1:00', not '0:00 / 0:00' until the first position arrives."""
    assert listening.bar.time_label.text() == "0:00 / 1:00"


def test_the_play_button_draws_play_and_pause_with_the_styles_icons(listening, window):
    """Not with a character: ⏸ is missing from the usual fonts and showed as a box."""
    from PySide6.QtWidgets import QStyle

    button, style = listening.bar.play_button, window.style()

    def showing(pixmap):
        return button.icon().pixmap(16).toImage() == style.standardIcon(pixmap).pixmap(16).toImage()

    assert button.text() == "" and showing(QStyle.StandardPixmap.SP_MediaPlay)
    listening.toggle()
    assert showing(QStyle.StandardPixmap.SP_MediaPause)
    listening.toggle()
    assert showing(QStyle.StandardPixmap.SP_MediaPlay)


@pytest.fixture
def chinese_then_english(window, qtbot):
    from PySide6.QtWidgets import QApplication

    from reader.ui import i18n

    window.act_languages["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    yield
    i18n.install(QApplication.instance(), "en")


def test_the_bars_message_is_worded_again_after_a_language_switch(listening, window, qtbot):
    listening._failed("/elsewhere/other.wav", "boom")
    assert listening.bar.message.text() == "/elsewhere/other.wav: cannot be played (boom)"
    assert "/elsewhere/other.wav: cannot be played (boom)" in listening.bar.message.toolTip()  # whole, however narrow
    window.act_languages["zh_CN"].trigger()
    try:
        qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
        assert "/elsewhere/other.wav" in listening.bar.message.text() and "cannot" not in listening.bar.message.text()
    finally:
        from PySide6.QtWidgets import QApplication

        from reader.ui import i18n

        i18n.install(QApplication.instance(), "en")


def test_without_a_sound_device_the_player_says_so_in_the_language_on_screen(window, chinese_then_english):
    from reader.ui.media.player import QtPlayer

    player = QtPlayer()
    player._silent = True  # what QMediaDevices reports on a machine without a sound card
    assert player.note().startswith("没有声音设备")


def test_after_tapping_the_export_dialog_offers_srt(listening, window, qtbot, db_path):
    """Tapped and estimated rows end where the next begins: the dialog reads times as the export does."""
    from reader.ui.dialogs.export_dialog import ExportDialog
    from reader.ui.operations import Operations
    from reader.ui.tasks import SyncTaskRunner

    view, player, model = window.view, listening.player, window.model
    for row, ms in ((0, 0), (3, 9_000)):  # rows 1 and 2 are estimated, with no end of their own
        view.setCurrentIndex(model.index(row, CLEAN))
        player.at(ms)
        listening.tap()
    lib = open_library(db_path)
    try:
        dialog = ExportDialog(Operations.on_library(SyncTaskRunner(), lib), window.transcript_id)
        qtbot.addWidget(dialog)
        assert dialog.format.model().item(dialog.format.findData("srt")).isEnabled()
    finally:
        lib.close()


def test_without_a_recording_the_bar_shows_no_length_left_from_the_last_one(listening, window):
    listening.player.at(12_000)
    assert listening.bar.time_label.text() == "0:12 / 1:00"
    listening.detach()
    assert listening.bar.time_label.text() == "0:00 / 0:00"


def test_help_names_a_key_once_when_two_sequences_read_the_same_in_chinese(qapp):
    from PySide6.QtGui import QKeySequence

    from reader.ui import i18n
    from reader.ui.dialogs.shortcuts import key_text

    both = [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
    assert key_text(both) == "Ctrl+Return, Ctrl+Enter"
    i18n.install(qapp, "zh_CN")
    try:
        assert key_text(both).count("Ctrl+") == 1
    finally:
        i18n.install(qapp, "en")
