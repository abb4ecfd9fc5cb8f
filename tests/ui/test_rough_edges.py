"""The rough edges a new user hit (issue 18), each as a user would notice it."""

from __future__ import annotations

from reader.core.paths import seeds_dir
from reader.ui.operations.reads import TranscriptSummary
from reader.ui.table.segment_model import CLEAN
from reader.ui.window.library_panel import LibraryPanel, TitleRole, distinguishing


def _seed_titles(name: str) -> list[str]:
    text = (seeds_dir() / name).read_text(encoding="utf-8")
    # The file's first heading names the collection; each later one starts a transcript.
    return [line[2:].strip() for line in text.splitlines() if line.startswith("# ")][1:]


def test_titles_of_one_file_show_what_tells_them_apart(qtbot):
    titles = _seed_titles("003_0bb9eea8fe887261.txt")
    shared, shown = distinguishing(titles)
    assert shared == "2024北京智源大会"
    # Every shown title starts with its distinguishing part (P4, P5 ...), no two alike.
    assert len(set(shown)) == len(shown)
    assert [s.startswith("…多模态模型 - P4：") for s in shown] == [True, False, False, False, False, False]

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_transcripts([TranscriptSummary(i, t, 10, 0, "/seeds/003_0bb9eea8fe887261.txt", 5) for i, t in enumerate(titles, 1)], None)
    group = panel.proxy.index(0, 0)
    assert group.data() == "2024北京智源大会"  # not the hash file name
    child = panel.proxy.index(1, 0, group)
    assert "P5" in child.data() and child.data(TitleRole) == titles[1]
    assert titles[1] in child.data(0x03)  # the whole title on hover (ToolTipRole)
    assert panel.proxy.index(1, 3, group).data() == "50%"
    # Filtering still matches the whole title.
    panel.filter.setText("北京智源大会-多模态模型 - P5")
    assert panel.proxy.rowCount(panel.proxy.index(0, 0)) == 1


def test_a_lone_title_or_titles_sharing_little_stay_whole():
    assert distinguishing(["开幕式"]) == ("", ["开幕式"])
    assert distinguishing(["主题报告", "圆桌对话"]) == ("", ["主题报告", "圆桌对话"])
    assert distinguishing(["会议 A", "会议 AB"]) == ("", ["会议 A", "会议 AB"])


# ---- the window


def test_a_new_import_is_selected_and_opened(qtbot, window, tmp_path):
    from tests.ui.conftest import write_sample
    from tests.ui.test_window import _drop

    first = window.transcript_id
    _drop(window, [write_sample(tmp_path, "# 新来的\n\n第一段。\n", name="new.txt")], stay=False)
    qtbot.waitUntil(lambda: window.transcript_id != first)
    assert window.transcript_title == "新来的"
    assert window.library_panel.tree.currentIndex().data() == "新来的"


def test_each_transcript_opens_where_it_was_last_read_else_at_the_top(qtbot, window, tmp_path):
    from tests.ui.conftest import write_sample
    from tests.ui.test_window import _drop

    long_text = "# 长的\n\n" + "\n\n".join(f"第{i}段，内容比较长，用来把表格撑满屏幕。" for i in range(200))
    first = window.transcript_id
    _drop(window, [write_sample(tmp_path, long_text, name="long.txt")], stay=False)
    qtbot.waitUntil(lambda: window.transcript_id != first and window.model.rowCount() == 200)
    long_id = window.transcript_id
    window.view.scroll_to_row(150)
    qtbot.waitUntil(lambda: window.view.visible_rows().start > 100)
    place = window.view.visible_rows().start
    window.library_panel.select(first)
    qtbot.waitUntil(lambda: window.transcript_id == first and window.model.rowCount() == 4)
    assert window.view.verticalScrollBar().value() == 0  # not the long one's position
    window.library_panel.select(long_id)
    qtbot.waitUntil(lambda: window.transcript_id == long_id and window.model.rowCount() == 200)
    qtbot.waitUntil(lambda: window.view.visible_rows().start == place)


def test_replace_all_and_apply_everywhere_say_what_they_did(qtbot, window):
    from tests.ui.test_find_replace import search
    from tests.ui.test_window import wait_cleaned

    wait_cleaned(qtbot, window)
    bar = search(window, "大圆", replacement="大语言")
    bar.replace_all_button.click()
    qtbot.waitUntil(lambda: bar.count_label.text().startswith("1 segments replaced"))
    assert "1 segments replaced" in window.statusBar().currentMessage()

    window.model.setData(window.model.index(3, CLEAN), window.model.index(3, CLEAN).data().replace("重要", "要紧"))
    window.view.setCurrentIndex(window.model.index(3, CLEAN))
    window.act_make_rule.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Rule added, "), timeout=10000)


def test_number_key_without_speakers_says_how_when_the_column_is_hidden(qtbot, window):
    from reader.ui.table.segment_model import SPEAKER

    assert window.view.isColumnHidden(SPEAKER)
    window.view.setCurrentIndex(window.model.index(0, CLEAN))
    window.labelling.speaker_key(1)
    message = window.statusBar().currentMessage()
    assert "Always Show Speaker and Topic Columns" in message


def test_export_offers_subtitles_disabled_with_the_reason_for_an_untimed_transcript(qtbot, window):
    window.show_export()
    dialog = window.export_dialog
    model = dialog.format.model()
    srt = model.item(dialog.format.findData("srt"))
    qtbot.waitUntil(lambda: not srt.isEnabled())
    assert "no times" in srt.toolTip() and srt.toolTip().startswith("<qt>")  # shown as plain text
    assert model.item(dialog.format.findData("txt")).isEnabled()
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))  # other transcripts may be timed
    assert srt.isEnabled()


def _importing_a_small_then_a_big_file(make_window, qtbot, db_path, tmp_path, paragraphs):
    """A window (threads, as the app runs) importing two files, the small one in already."""
    from reader.ui.operations import library as library_ops
    from reader.ui.tasks import TaskRunner

    window = make_window(runner=TaskRunner())
    window.show()
    with qtbot.waitSignal(window.ops.library_opened, timeout=10000):
        window.open_library(db_path)
    small = tmp_path / "small.txt"
    small.write_text("# 小\n\n一段。\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("# 很长\n\n" + "\n\n".join(f"第{i}段文字。" for i in range(paragraphs)), encoding="utf-8")
    task = library_ops.import_files(window.ops, [str(small), str(big)])
    qtbot.waitUntil(lambda: library_ops.imported_so_far(task) == [str(small)], timeout=20000)
    return window, task


def test_quitting_during_an_import_asks_and_names_the_files_already_in(qtbot, make_window, tmp_path, db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox


    window, task = _importing_a_small_then_a_big_file(make_window, qtbot, db_path, tmp_path, 60_000)
    asked = []

    def answer(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    window.close()
    assert window.isVisible()  # Cancel: still running, still open
    assert "small.txt" in asked[0] and "big.txt" not in asked[0].split("(kept):")[1]
    task.cancel()
    with qtbot.waitSignal(window.ops.import_finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: not window.ops.runner.busy(), timeout=10000)


def test_the_topic_picker_is_wide_enough_for_its_instruction(qtbot):
    from reader.ui.dialogs.topic_picker import TopicPicker

    picker = TopicPicker()
    qtbot.addWidget(picker)
    picker.set_suggestions([f"词{i}" for i in range(9)])
    picker.show()
    edit = picker.edit
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert picker.suggestions.height() >= 9 * picker.suggestions.sizeHintForRow(0)


def test_help_lists_every_shortcut_of_the_window(qtbot, window):
    from PySide6.QtGui import QAction, QKeySequence

    window.act_shortcuts.trigger()
    listed = window.shortcuts_dialog.listed()
    texts = {text for _keys, text in listed}
    for action in window.findChildren(QAction):
        if action.shortcuts():
            assert action.text().replace("&", "") in texts
    keys = {keys for keys, _text in listed}
    assert window.reviewing.act_review.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in " ".join(keys)


def test_rename_from_the_window_is_undoable(qtbot, window):
    window.act_rename.trigger()
    dialog = window.rename_dialog
    assert dialog.textValue() == "测试转写"
    dialog.setTextValue("测试转写 第二版")
    dialog.accept()
    qtbot.waitUntil(lambda: window.transcript_title == "测试转写 第二版")
    window.ops.undo_stack.undo()
    qtbot.waitUntil(lambda: window.transcript_title == "测试转写")


def test_the_rename_dialog_shows_a_long_title_whole(qtbot, window):
    """Seed titles run to 90 characters: the box they are edited in must show them, not their last 15."""
    from PySide6.QtWidgets import QLineEdit

    from reader.ui.operations import review

    title = "2024北京智源大会-大模型产业技术 - P1：论坛及嘉宾介绍：王仲远 - 智源社区 - BV1HM4m1U7bM"
    review.rename(window.ops, window.transcript_id, title)
    qtbot.waitUntil(lambda: window.transcript_title == title)
    window.resize(1400, 900)
    window.act_rename.trigger()
    dialog = window.rename_dialog
    qtbot.waitUntil(dialog.isVisible)
    line = dialog.findChild(QLineEdit)
    assert line.text() == title
    assert line.width() >= line.fontMetrics().horizontalAdvance(title)
    dialog.reject()


def test_the_transcript_open_at_start_up_opens_where_it_was_last_read(qtbot, make_window, settings, tmp_path, db_path):
    """Quit while reading row 150 of a talk: the next start shows row 150, not the top."""
    from reader.core.library import import_file, open_library
    from tests.ui.conftest import write_sample

    long_text = "# 长的\n\n" + "\n\n".join(f"第{i}段，内容比较长，用来把表格撑满屏幕。" for i in range(200))
    lib = open_library(db_path)
    long_id = import_file(lib, write_sample(tmp_path, long_text, name="long.txt")).transcripts[0].id
    lib.close()
    first = make_window()
    first.show()
    first.open_library(db_path)
    qtbot.waitUntil(lambda: first.transcript_id == long_id and first.model.rowCount() == 200)
    first.view.scroll_to_row(150)
    qtbot.waitUntil(lambda: first.view.visible_rows().start > 100)
    place = first.view.visible_rows().start
    first.close()

    window = make_window()
    window.show()
    window.open_library(db_path)
    qtbot.waitUntil(lambda: window.transcript_id == long_id and window.model.rowCount() == 200)
    qtbot.waitUntil(lambda: window.view.visible_rows().start == place)


def test_the_quit_question_keeps_up_with_an_import_that_goes_on_behind_it(qtbot, make_window, tmp_path, db_path, monkeypatch):
    """The import runs on while the question is open: a file it finishes meanwhile must be named
    too, or the person re-imports a file that is already in (seen under Xvfb: the box said one of
    ten files was kept, and all ten were in the library when Stop and Quit was pressed)."""
    from PySide6.QtWidgets import QMessageBox


    window, _task = _importing_a_small_then_a_big_file(make_window, qtbot, db_path, tmp_path, 20_000)
    seen = []

    def answer(box):
        seen.append(box.text())
        # The person reads the question while the import finishes.
        qtbot.waitUntil(lambda: "big.txt" in box.text(), timeout=30000)
        seen.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box))
    window.close()
    assert "big.txt" not in seen[0].split("(kept):")[1]
    assert "small.txt" in seen[1] and "big.txt" in seen[1]
    qtbot.waitUntil(lambda: not window.ops.runner.busy(), timeout=30000)
