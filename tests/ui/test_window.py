"""The main window: start-up in the background, library panel, stage toggles, drops, layout."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from reader.ui.operations import library as library_ops
from reader.ui.table.segment_model import CLEAN, KindRole, StateRole
from reader.ui.tasks import TaskRunner
from tests.ui.conftest import write_sample


def cleaned_texts(window) -> list[str]:
    model = window.model
    return [model.index(r, CLEAN).data() for r in range(model.rowCount())]


def wait_cleaned(qtbot, window) -> None:
    model = window.model
    model.prefetch(0, model.rowCount() - 1)
    qtbot.waitUntil(
        lambda: all(model.index(r, CLEAN).data(StateRole) != "pending" for r in range(model.rowCount())), timeout=10000
    )


def test_window_shows_before_the_library_and_segmenter_are_ready_then_seeds_arrive(qtbot, make_window, db_path):
    from reader.ui.app import start

    window = make_window(runner=TaskRunner())
    window.show()
    start(window, db_path, [])
    # Both are still loading on their lanes, and the window is already up.
    assert window.isVisible()
    assert window.ops.library is None
    assert not window.clean.is_ready
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 5, timeout=30000)  # the five seed files
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10000)  # the first transcript opens by itself
    qtbot.waitUntil(lambda: window.clean.is_ready, timeout=30000)


def test_library_panel_lists_transcripts_with_counts_and_filters(window):
    panel = window.library_panel
    source = panel.proxy.index(0, 0)
    assert source.data() == "sample.txt"
    assert panel.proxy.index(0, 0, source).data() == "测试转写"
    assert panel.proxy.index(0, 1, source).data() == "4"
    assert panel.proxy.index(0, 2, source).data() == "0"
    panel.filter.setText("没有这个")
    assert panel.proxy.rowCount() == 0
    panel.filter.setText("测试")
    assert panel.proxy.rowCount() == 1


def test_cleaned_column_follows_each_stage_toggle_and_the_script(qtbot, window):
    wait_cleaned(qtbot, window)
    first = cleaned_texts(window)[0]
    assert "呃" not in first and "我我" not in first
    window.act_stages["fillers"].setChecked(False)
    wait_cleaned(qtbot, window)
    assert cleaned_texts(window)[0].startswith("呃")
    window.act_stages["stutters"].setChecked(False)
    wait_cleaned(qtbot, window)
    assert "我我我" in cleaned_texts(window)[0]
    window.act_stages["fillers"].setChecked(True)
    window.act_stages["stutters"].setChecked(True)
    window.script_box.setCurrentIndex(window.script_box.findData("traditional"))
    wait_cleaned(qtbot, window)
    assert "討論" in cleaned_texts(window)[1]
    assert window.settings.script() == "traditional"  # remembered for next time


def test_image_segment_is_a_placeholder_and_not_editable(window):
    model = window.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).kind == "image")
    assert model.index(row, CLEAN).data() == "[image]"
    assert not (model.flags(model.index(row, CLEAN)) & Qt.ItemFlag.ItemIsEditable)


def _drop(window, paths, stay: bool = True) -> None:
    """Drag files from a file manager onto the window and let go.

    A new import opens (issue 18); with `stay` the test goes back to the transcript it had open.
    """
    previous = window.transcript_id
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    window.dragEnterEvent(enter)
    assert enter.isAccepted(), "the window takes file drops"
    window.dropEvent(QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, modifiers))
    if stay and previous is not None and window.transcript_id != previous:
        window.library_panel.select(previous)


def test_dropping_files_imports_them_and_a_bad_file_changes_nothing(qtbot, window, tmp_path):
    panel = window.library_panel
    assert panel.model.rowCount() == 1
    new = write_sample(tmp_path, "# 第二份\n\n另一段文字。\n", name="second.txt")
    _drop(window, [new])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert window.statusBar().currentMessage().startswith("Imported 1")

    bad = tmp_path / "broken.srt"
    bad.write_text("1\n00:00:05,000 --> 00:00:01,000\n倒着的时间\n", encoding="utf-8")
    _drop(window, [bad])
    qtbot.waitUntil(lambda: getattr(window, "_last_error_box", None) is not None)
    assert "broken.srt" in window._last_error_box.text()
    assert panel.model.rowCount() == 2


def test_import_runs_in_the_background_with_progress_and_can_be_cancelled(qtbot, make_window, tmp_path, db_path):
    window = make_window(runner=TaskRunner())
    window.show()
    with qtbot.waitSignal(window.ops.library_opened, timeout=10000):
        window.open_library(db_path)
    big = tmp_path / "big.txt"
    big.write_text("# 很长\n\n" + "\n\n".join(f"第{i}段文字。" for i in range(60_000)), encoding="utf-8")
    task = library_ops.import_files(window.ops, [str(big)])
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    window.cancel_button.click()
    with qtbot.waitSignal(window.ops.import_finished, timeout=30000) as finished:
        pass
    assert task.cancelled()
    assert finished.args == [0]
    assert not window.progress.isVisible()
    qtbot.waitUntil(lambda: not window.ops.runner.busy(), timeout=10000)
    assert window.library_panel.model.rowCount() == 0  # nothing of the cancelled file was kept


def test_window_layout_and_recent_libraries_are_remembered(qtbot, make_window, settings, db_path):
    first = make_window()
    first.show()
    first.open_library(db_path)
    first.resize(700, 500)  # inside the offscreen screen (800x600)
    first.splitter.setSizes([200, 500])
    sizes = first.splitter.sizes()
    first.close()
    second = make_window()
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    assert settings.recent_libraries()[0] == db_path


def test_the_transcript_last_read_reopens_at_the_next_start(qtbot, make_window, tmp_path, db_path):
    from reader.core.library import import_file, open_library

    lib = open_library(db_path)
    for name in ("a.txt", "b.txt"):
        import_file(lib, write_sample(tmp_path, f"# {name}\n\n第一段。\n\n第二段。\n", name))
    lib.close()
    first = make_window()
    first.show()
    first.open_library(db_path)
    opened = first.transcript_id
    other = next(info for info in first._infos.values() if info.id != opened)
    first.library_panel.select(other.id)
    assert first.transcript_id == other.id
    first.close()
    second = make_window()
    second.show()
    second.open_library(db_path)
    assert second.transcript_id == other.id


def test_export_speakers_and_overview_open_from_the_menus_on_the_open_transcript(qtbot, window):
    window.act_export.trigger()
    assert window.export_dialog.isVisible()
    window.act_speakers.trigger()
    assert window.speaker_manager.isVisible()
    window.act_overview.trigger()
    assert window.overview_dialog.isVisible()
    assert window.overview_dialog.transcript_id == window.transcript_id


def test_a_library_search_hit_opens_its_transcript_and_highlights_both_columns(qtbot, window, tmp_path, db_path):
    from reader.ui.table.segment_model import RAW, MarksRole

    _drop(window, [write_sample(tmp_path, "# 另一份\n\n第一段。\n\n这里讲大圆模型。\n", name="other.txt")])
    first = window.transcript_id
    other = next(i.id for i in window._infos.values() if i.title == "另一份")
    window.search_dock.toggleViewAction().trigger()
    assert window.search_dock.isVisible()
    window.library_panel.select(first)
    segment_id = None

    def requested(transcript_id, sid, query):
        nonlocal segment_id
        segment_id = sid

    window.search_panel.segment_requested.connect(requested)
    from reader.core.library import open_library, transcript_segments

    lib = open_library(db_path)
    target = transcript_segments(lib, other)[1][1]
    lib.close()
    window.search_panel.segment_requested.emit(other, target.id, "大圆")
    assert window.transcript_id == other
    row = window.model.row_of(target.id)
    assert window.view.current_row() == row
    qtbot.waitUntil(lambda: any(w == "hit" for _s, _e, w in window.model.index(row, CLEAN).data(MarksRole)))
    [(s, e)] = [(s, e) for s, e, w in window.model.index(row, CLEAN).data(MarksRole) if w == "hit"]
    assert window.model.index(row, CLEAN).data()[s:e] == "大圆"
    wait_cleaned(qtbot, window)  # the raw column maps hits back through the cleaned text
    assert any(w == "hit" for _s, _e, w in window.model.index(row, RAW).data(MarksRole))


def test_speaker_and_topic_tagging_of_selected_rows_show_and_undo(qtbot, window, db_path):
    from PySide6.QtCore import QItemSelectionModel

    from reader.core.library import open_library, transcript_segments
    from reader.core.library.labels import list_labels
    from reader.ui.dialogs.topic_picker import TopicPicker
    from reader.ui.table.segment_model import SPEAKER

    view, model = window.view, window.model
    assert view.isColumnHidden(SPEAKER)  # nobody speaks yet: no column
    selection = view.selectionModel()
    for row in (0, 1):
        selection.select(model.index(row, CLEAN), QItemSelectionModel.SelectionFlag.Select)
    window.act_speaker.trigger()
    window.labelling.speaker_dialog.setTextValue("张三")
    window.labelling.speaker_dialog.accept()
    lib = open_library(db_path)
    try:
        assert [s.speaker for s in transcript_segments(lib, window.transcript_id)[1]][:3] == ["张三", "张三", None]
    finally:
        lib.close()
    assert not view.isColumnHidden(SPEAKER)
    assert model.index(0, SPEAKER).data() == "张三"

    view.setCurrentIndex(model.index(0, CLEAN))
    window.act_topic.trigger()
    window.labelling.topic_dialog.findChild(TopicPicker).chosen.emit("开场")
    lib = open_library(db_path)
    try:
        assert [label.name for label in list_labels(lib, "topic")] == ["开场"]
    finally:
        lib.close()

    window.act_undo.trigger()  # the topic
    window.act_undo.trigger()  # the speaker
    assert model.index(0, SPEAKER).data() == ""


def test_a_mark_segment_reads_the_same_in_the_app_as_in_show(qtbot, make_window, tmp_path, db_path, capsys):
    from reader.cli import main

    path = write_sample(tmp_path, "# 掌声\n\n大家好。\n\n(掌聲)\n\n謝謝。\n", "marks.txt")
    assert main(["--db", db_path, "import", str(path)]) == 0
    capsys.readouterr()
    assert main(["--db", db_path, "show", "1", "--clean"]) == 0
    shown = [line.split("\t")[2] for line in capsys.readouterr().out.splitlines()]
    window = make_window()
    window.show()
    window.open_library(db_path)
    wait_cleaned(qtbot, window)
    assert window.model.index(1, 0).data(KindRole) == "mark"
    # A mark is in the reader's script like the speech around it, everywhere.
    assert cleaned_texts(window) == shown == ["大家好。", "(掌声)", "谢谢。"]
