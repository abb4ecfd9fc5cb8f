"""Correcting in the cleaned column: in-place edits, IME, revert, split, merge, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent

from reader.core.library import open_library, transcript_segments
from reader.ui.table.delegates import CellEditor
from reader.ui.table.segment_model import CLEAN, RAW, StateRole
from tests.ui.conftest import type_committed
from tests.ui.test_window import wait_cleaned


def stored(window, db_path):
    """The transcript's segments as saved in the library (not as the window shows them)."""
    lib = open_library(db_path)
    try:
        return transcript_segments(lib, window.transcript_id)[1]
    finally:
        lib.close()


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed as the system would deliver it: window shortcuts get their chance."""
    qtbot.keyClick(window.windowHandle(), key, modifiers)


def open_editor(qtbot, window, row: int) -> CellEditor:
    window.activateWindow()
    qtbot.waitActive(window)
    window.view.setFocus()
    assert window.view.edit_row(row)
    editor = window.view.current_editor()
    assert editor is not None
    return editor


def save_in_cell(qtbot, window, row: int, text: str) -> None:
    """The cell's text replaced by `text` as an input method commits it, then Enter saves it."""
    editor = open_editor(qtbot, window, row)
    editor.selectAll()
    type_committed(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.view.current_editor() is None


def test_typed_correction_is_saved_shown_as_corrected_and_undone(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型的发展。")
    assert stored(window, db_path)[1].correction == "我们今天讨论大语言模型的发展。"
    assert window.model.index(1, CLEAN).data(StateRole) == "corrected"
    assert window.model.index(1, CLEAN).data() == "我们今天讨论大语言模型的发展。"
    assert window.model.index(1, RAW).data() == "我们今天讨论大圆模型的发展。"  # raw never changes

    window.act_undo.trigger()
    assert stored(window, db_path)[1].correction is None
    assert window.model.index(1, CLEAN).data(StateRole) == "auto"
    window.act_redo.trigger()
    assert stored(window, db_path)[1].correction == "我们今天讨论大语言模型的发展。"


def test_enter_during_an_input_method_composition_does_not_commit(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    editor = open_editor(qtbot, window, 1)
    editor.selectAll()
    editor.inputMethodEvent(QInputMethodEvent("dayuyan", []))  # pinyin typed, nothing chosen yet
    assert editor.composing()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.view.current_editor() is editor, "Enter must belong to the input method"
    # A window shortcut (merge, Ctrl+Shift+J) must not fire mid-composition either.
    press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(window, db_path)) == 4
    assert window.view.current_editor() is editor
    type_committed(editor, "大语言")  # the candidate chosen: composition over
    assert not editor.composing()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.view.current_editor() is None
    assert stored(window, db_path)[1].correction == "大语言"


def test_escape_leaves_the_segment_as_it_was(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    editor = open_editor(qtbot, window, 0)
    type_committed(editor, "不要这个")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view.current_editor() is None
    assert stored(window, db_path)[0].correction is None
    assert window.ops.undo_stack.count() == 0


def test_revert_returns_to_the_automatic_text_and_can_be_undone(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    automatic = window.model.index(0, CLEAN).data()
    window.model.setData(window.model.index(0, CLEAN), "人工改的文字")
    assert stored(window, db_path)[0].correction == "人工改的文字"
    window.view.setCurrentIndex(window.model.index(0, CLEAN))
    window.act_revert.trigger()
    assert stored(window, db_path)[0].correction is None
    wait_cleaned(qtbot, window)
    assert window.model.index(0, CLEAN).data() == automatic
    window.act_undo.trigger()
    assert stored(window, db_path)[0].correction == "人工改的文字"


def test_split_at_the_cursor_and_merge_with_next_each_undo_in_one_step(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    before = [(s.raw, s.correction) for s in stored(window, db_path)]
    editor = open_editor(qtbot, window, 1)
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("大圆"))  # the cleaned text still reads 大圆 (no rule yet)
    editor.setTextCursor(cursor)
    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    after = stored(window, db_path)
    assert len(after) == 5
    assert (after[1].raw, after[2].raw) == ("我们今天讨论", "大圆模型的发展。")
    assert window.model.rowCount() == 5
    assert window.model.index(2, RAW).data() == "大圆模型的发展。"

    window.view.setCurrentIndex(window.model.index(1, CLEAN))
    press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [(s.raw, s.correction) for s in stored(window, db_path)] == before
    window.act_undo.trigger()  # the merge
    assert len(stored(window, db_path)) == 5
    window.act_undo.trigger()  # the split
    assert [(s.raw, s.correction) for s in stored(window, db_path)] == before
    assert window.model.rowCount() == 4


def test_a_refused_change_is_reported_and_the_view_shows_the_truth(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    last = window.model.rowCount() - 1
    window.view.setCurrentIndex(window.model.index(last, CLEAN))
    window.act_merge.trigger()  # nothing after the last segment
    assert "last segment" in window._last_error_box.text()
    assert len(stored(window, db_path)) == 4
    assert window.model.rowCount() == 4


def test_enter_on_a_row_opens_its_cleaned_cell_for_editing(qtbot, window):
    wait_cleaned(qtbot, window)
    view = window.view
    view.setFocus()
    view.setCurrentIndex(window.model.index(3, RAW))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.current_editor()
    assert editor is not None
    assert editor.toPlainText() == window.model.index(3, CLEAN).data()
