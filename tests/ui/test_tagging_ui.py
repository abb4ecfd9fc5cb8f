"""Labelling a roundtable in the window: speaker cells, number keys, split turn, topics, filter, jump, restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent

from reader.core.library import import_file, labels, open_library, tagging, transcript_segments
from reader.ui.table.delegates import SpeakerEditor
from reader.ui.table.segment_model import CLEAN, RAW, SPEAKER, TOPICS
from tests.ui.conftest import type_committed, write_sample
from tests.ui.test_editing import open_editor, press
from tests.ui.test_models import check_model
from tests.ui.test_window import wait_cleaned

ROUNDTABLE = """# 圆桌对话

主持人：欢迎各位嘉宾来到今天的圆桌。

我先说两句，大模型的评测一直是个难题。

我同意，不过数据集的质量更重要。那我补充一点，开源社区也在做评测。

![](img/panel.png)

最后请各位谈谈明年的计划。
"""


def stored(db_path, transcript_id):
    lib = open_library(db_path)
    try:
        return transcript_segments(lib, transcript_id)[1]
    finally:
        lib.close()


def speakers_of(db_path, transcript_id) -> list[str | None]:
    return [s.speaker for s in stored(db_path, transcript_id)]


def topics_of(db_path, transcript_id) -> list[list[str]]:
    lib = open_library(db_path)
    try:
        ids = [s.id for s in transcript_segments(lib, transcript_id)[1]]
        found = labels.topics_of(lib, ids)
        return [[t.name for t in found.get(i, [])] for i in ids]
    finally:
        lib.close()


@pytest.fixture
def library(tmp_path, db_path):
    """A library with the roundtable; returns (transcript id, segment ids)."""
    lib = open_library(db_path)
    try:
        result = import_file(lib, write_sample(tmp_path, ROUNDTABLE, "roundtable.txt"))
        tid = result.transcripts[0].id
        return tid, [s.id for s in transcript_segments(lib, tid)[1]]
    finally:
        lib.close()


@pytest.fixture
def labelled(library, db_path):
    """王老师 speaks rows 0 and 3, 李博士 row 1; topic 评测 on rows 1 and 2."""
    _, ids = library
    lib = open_library(db_path)
    try:
        tagging.assign_speaker(lib, [ids[0], ids[3]], "王老师")
        tagging.assign_speaker(lib, [ids[1]], "李博士")
        tagging.tag_topic(lib, [ids[1], ids[2]], "评测")
    finally:
        lib.close()
    return library


def shown(make_window, db_path):
    window = make_window()
    window.show()
    window.open_library(db_path)
    assert window.model.rowCount() > 0, "the transcript did not open"
    window.activateWindow()
    window.view.setFocus()
    return window


def select_rows(window, rows, column=CLEAN) -> None:
    selection = window.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.model.index(row, column), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(window.model.index(rows[0], column), QItemSelectionModel.SelectionFlag.NoUpdate)


def test_a_name_typed_in_a_speaker_cell_labels_every_selected_row_in_one_undo_step(qtbot, make_window, library, db_path):
    tid, _ids = library
    window = shown(make_window, db_path)
    view = window.view
    assert view.isColumnHidden(SPEAKER), "nobody is labelled and the user has not asked for the columns"
    window.act_show_labels.setChecked(True)
    assert not view.isColumnHidden(SPEAKER) and not view.isColumnHidden(TOPICS)

    select_rows(window, [0, 1, 4], SPEAKER)
    qtbot.waitActive(window)
    press(qtbot, window, Qt.Key.Key_Return)
    editor = view.current_editor() or view.viewport().findChild(SpeakerEditor)
    assert isinstance(editor, SpeakerEditor), "Enter on a speaker cell opens the speaker editor"
    type_committed(editor.lineEdit(), "王老师")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)

    assert speakers_of(db_path, tid) == ["王老师", "王老师", None, None, "王老师"]
    assert [window.model.index(r, SPEAKER).data() for r in (0, 1, 2, 4)] == ["王老师", "王老师", "", "王老师"]
    assert window.ops.undo_stack.count() == 1
    assert window.label_bar.key_text() == "1 王老师"  # the new speaker is on key 1 at once

    window.act_undo.trigger()
    assert speakers_of(db_path, tid) == [None] * 5
    assert window.model.index(0, SPEAKER).data() == ""


def test_enter_while_composing_a_speaker_name_belongs_to_the_input_method(qtbot, make_window, labelled, db_path):
    tid, _ids = labelled
    window = shown(make_window, db_path)
    qtbot.waitActive(window)
    select_rows(window, [2], SPEAKER)
    press(qtbot, window, Qt.Key.Key_Return)
    editor = window.view.current_editor()
    assert isinstance(editor, SpeakerEditor)
    line = editor.lineEdit()
    line.inputMethodEvent(QInputMethodEvent("zhang", []))
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.view.current_editor() is editor, "Enter chose a candidate, it did not save"
    assert speakers_of(db_path, tid)[2] is None
    type_committed(line, "张老师")
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.view.current_editor() is None
    assert speakers_of(db_path, tid)[2] == "张老师"


def test_number_keys_give_the_selected_rows_the_transcripts_nth_speaker_and_zero_clears(qtbot, make_window, labelled, db_path):
    tid, _ids = labelled
    window = shown(make_window, db_path)
    assert window.label_bar.key_text() == "1 王老师  2 李博士"  # in order of first appearance
    qtbot.waitActive(window)
    select_rows(window, [2, 4])
    press(qtbot, window, Qt.Key.Key_2)
    assert speakers_of(db_path, tid) == ["王老师", "李博士", "李博士", "王老师", "李博士"]
    assert window.model.index(4, SPEAKER).data() == "李博士"
    press(qtbot, window, Qt.Key.Key_0)
    assert speakers_of(db_path, tid) == ["王老师", "李博士", None, "王老师", None]
    press(qtbot, window, Qt.Key.Key_7)  # nobody on key 7
    assert speakers_of(db_path, tid) == ["王老师", "李博士", None, "王老师", None]
    assert "7" in window.statusBar().currentMessage()
    window.act_undo.trigger()  # the 0
    assert speakers_of(db_path, tid)[4] == "李博士"

    # 李博士 now speaks first; the keys stay where the user's fingers learnt them.
    select_rows(window, [0])
    press(qtbot, window, Qt.Key.Key_2)
    assert speakers_of(db_path, tid)[0] == "李博士"
    assert window.label_bar.key_text() == "1 王老师  2 李博士"
    press(qtbot, window, Qt.Key.Key_1)
    assert speakers_of(db_path, tid)[0] == "王老师"


def test_a_digit_typed_while_an_input_method_composes_goes_to_the_editor(qtbot, make_window, labelled, db_path):
    tid, _ids = labelled
    window = shown(make_window, db_path)
    wait_cleaned(qtbot, window)
    before = speakers_of(db_path, tid)
    editor = open_editor(qtbot, window, 2)
    editor.inputMethodEvent(QInputMethodEvent("shuju", []))  # pinyin typed, no candidate chosen
    press(qtbot, window, Qt.Key.Key_1)
    assert window.view.current_editor() is editor
    assert "1" in editor.toPlainText(), "the digit belongs to the editor, not to the speaker keys"
    type_committed(editor, "")
    press(qtbot, window, Qt.Key.Key_2)  # composition over, editor still open: still text
    assert editor.toPlainText().count("2") >= 1
    assert speakers_of(db_path, tid) == before
    assert window.ops.undo_stack.count() == 0


def test_split_turn_splits_at_the_cursor_and_gives_the_rest_to_the_next_speaker_in_one_step(qtbot, make_window, labelled, db_path):
    tid, _ids = labelled
    window = shown(make_window, db_path)
    wait_cleaned(qtbot, window)
    before = [(s.raw, s.speaker) for s in stored(db_path, tid)]
    editor = open_editor(qtbot, window, 2)  # a turn change mid-segment: 我同意…。那我补充一点…
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("那我"))
    editor.setTextCursor(cursor)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    after = stored(db_path, tid)
    assert len(after) == 6
    assert after[2].raw.endswith("更重要。") and after[3].raw.startswith("那我补充一点")
    assert (after[2].speaker, after[3].speaker) == (None, "王老师")  # the next speaker after 李博士's turn
    assert window.model.rowCount() == 6
    assert window.model.index(3, SPEAKER).data() == "王老师"
    assert window.ops.undo_stack.count() == 1

    window.act_undo.trigger()
    assert [(s.raw, s.speaker) for s in stored(db_path, tid)] == before
    assert window.model.rowCount() == 5


def test_topic_suggestions_show_for_the_selection_and_one_key_tags_it_then_remove_topics(qtbot, make_window, library, db_path):
    from reader.ui.dialogs.topic_picker import TopicPicker

    tid, _ids = library
    window = shown(make_window, db_path)
    select_rows(window, [1, 2])
    window.act_topic.trigger()
    picker = window.labelling.topic_dialog.findChild(TopicPicker)
    qtbot.waitUntil(lambda: bool(picker.suggested()), timeout=20000)
    segments = stored(db_path, tid)
    first = picker.suggested()[0]
    assert any(first in s.raw for s in segments[1:3]), "the selection's keywords come first"
    elsewhere = [w for w in picker.suggested() if not any(w in s.raw for s in segments[1:3])]
    assert elsewhere and all(any(w in s.raw for s in segments) for w in elsewhere), "then the transcript's"
    qtbot.keyClick(picker.edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert topics_of(db_path, tid)[:3] == [[], [first], [first]]
    assert not window.view.isColumnHidden(TOPICS)
    assert window.model.index(1, TOPICS).data() == first

    select_rows(window, [1])
    window.act_untag.trigger()
    assert topics_of(db_path, tid)[:3] == [[], [], [first]]
    assert window.model.index(1, TOPICS).data() == ""
    window.act_undo.trigger()
    assert topics_of(db_path, tid)[1] == [first]


def test_filter_by_speaker_and_topic_shows_only_matching_rows(qtbot, make_window, labelled, db_path):
    window = shown(make_window, db_path)
    checker = check_model(window.model)
    bar = window.label_bar
    wang = bar.speaker_filter.itemData(bar.speaker_filter.findText("王老师"))
    topic = bar.topic_filter.itemData(bar.topic_filter.findText("评测"))

    def raws():
        return [window.model.index(r, RAW).data() for r in range(window.model.rowCount())]

    everything = raws()
    bar.set_filter(wang, None)
    assert raws() == [everything[0], everything[3]]
    assert window.counts_label.text().startswith("2 ")
    bar.set_filter(None, topic)
    assert raws() == [everything[1], everything[2]]
    bar.set_filter(wang, topic)
    assert raws() == []
    bar.set_filter(None, topic)
    # Taking the topic off a shown row drops it from the filtered view.
    select_rows(window, [0])
    window.act_untag.trigger()
    assert raws() == [everything[2]]
    bar.set_filter(None, None)
    assert raws() == everything
    assert checker is not None


def test_jump_moves_to_the_next_and_previous_segment_of_the_same_speaker_or_topic(qtbot, make_window, labelled, db_path):
    window = shown(make_window, db_path)
    view = window.view
    view.setCurrentIndex(window.model.index(0, CLEAN))
    window.act_next_speaker.trigger()
    assert view.current_row() == 3
    window.act_next_speaker.trigger()  # 王老师 says nothing later
    assert view.current_row() == 3
    assert "王老师" in window.statusBar().currentMessage()
    window.act_previous_speaker.trigger()
    assert view.current_row() == 0

    view.setCurrentIndex(window.model.index(1, CLEAN))
    window.act_next_topic.trigger()
    assert view.current_row() == 2
    window.act_previous_topic.trigger()
    assert view.current_row() == 1


def test_labels_made_in_the_window_are_there_after_a_restart(qtbot, make_window, library, db_path):
    window = shown(make_window, db_path)
    window.act_show_labels.setChecked(True)
    select_rows(window, [0])
    window.model.setData(window.model.index(0, SPEAKER), "主持人")
    select_rows(window, [1, 2])
    window.model.setData(window.model.index(1, SPEAKER), "嘉宾甲")
    window.act_topic.trigger()
    from reader.ui.dialogs.topic_picker import TopicPicker

    window.labelling.topic_dialog.findChild(TopicPicker).chosen.emit("评测")
    window.close()

    again = shown(make_window, db_path)
    model = again.model
    assert [model.index(r, SPEAKER).data() for r in range(3)] == ["主持人", "嘉宾甲", "嘉宾甲"]
    assert [model.index(r, TOPICS).data() for r in range(3)] == ["", "评测", "评测"]
    assert not again.view.isColumnHidden(SPEAKER)
    assert again.act_show_labels.isChecked(), "the columns asked for stay asked for"
    assert again.label_bar.key_text() == "1 主持人  2 嘉宾甲"


def test_on_a_narrow_window_the_no_speakers_hint_gives_way_and_the_filters_stay_whole(qtbot):
    from reader.ui.window.label_bar import LabelBar

    bar = LabelBar()
    qtbot.addWidget(bar)
    bar.set_labels([], [])
    bar.show()
    assert bar.no_speakers.isVisible()
    full = bar.sizeHint().width()
    bar.resize(full - bar.no_speakers.sizeHint().width() // 2, bar.sizeHint().height())
    qtbot.waitUntil(lambda: bar.no_speakers.width() < bar.no_speakers.sizeHint().width())
    for box in (bar.speaker_filter, bar.topic_filter):
        assert box.width() >= box.sizeHint().width()
    assert bar.topic_filter.geometry().right() < bar.width()
    assert bar.no_speakers.text() in bar.no_speakers.toolTip()  # the whole hint on hover
