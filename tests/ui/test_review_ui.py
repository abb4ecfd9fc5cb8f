"""Reviewing in the app: Ctrl+Enter and the next unreviewed row, the filter, the count, history and restore, comments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest

from reader.ui.operations import edits
from reader.ui.panels.history import diff_document
from reader.ui.table.segment_model import CLEAN, POS, NotesRole
from tests.ui.conftest import key_click


def _row_notes(window, row):
    return window.model.index(row, POS).data(NotesRole)


def test_ctrl_enter_marks_reviewed_moves_on_and_counts_to_the_end(qtbot, window):
    reviewing = window.reviewing
    assert reviewing.act_review.shortcut().toString() == "Ctrl+Return"
    window.view.setCurrentIndex(window.model.index(0, CLEAN))
    reviewing.act_review.trigger()
    qtbot.waitUntil(lambda: _row_notes(window, 0) == (True, 0))
    assert window.view.current_row() == 1
    assert reviewing.count_label.text() == "1 / 4 reviewed"
    window.ops.undo_stack.undo()
    qtbot.waitUntil(lambda: reviewing.count_label.text() == "0 / 4 reviewed")
    assert _row_notes(window, 0) == (False, 0)

    window.view.setCurrentIndex(window.model.index(0, CLEAN))
    for _ in range(4):
        reviewing.act_review.trigger()
    qtbot.waitUntil(lambda: reviewing.count_label.text() == "4 / 4 reviewed")
    assert "No unreviewed segment" in window.statusBar().currentMessage()
    # The library panel shows the share.
    source = window.library_panel.proxy.index(0, 0)
    qtbot.waitUntil(lambda: window.library_panel.proxy.index(0, 3, source).data() == "100%")


def test_unreviewed_only_shows_the_rows_left_to_review(qtbot, window):
    reviewing = window.reviewing
    window.view.setCurrentIndex(window.model.index(1, CLEAN))
    reviewing.act_review.trigger()
    qtbot.waitUntil(lambda: reviewing.count_label.text() == "1 / 4 reviewed")
    reviewing.act_unreviewed_only.setChecked(True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    window.view.setCurrentIndex(window.model.index(0, CLEAN))
    reviewing.act_review.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    reviewing.act_unreviewed_only.setChecked(False)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)


def test_history_lists_revisions_and_restores_an_old_version_undoably(qtbot, window):
    reviewing = window.reviewing
    model = window.model
    r = model.row_at(0)
    edits.set_correction(window.ops, window.transcript_id, r.id, 1, None, "第一稿", None)
    qtbot.waitUntil(lambda: model.row_at(0).correction == "第一稿")
    edits.set_correction(window.ops, window.transcript_id, r.id, 1, "第一稿", "第二稿", None)
    qtbot.waitUntil(lambda: model.row_at(0).correction == "第二稿")
    reviewing.history_dock.show()
    window.view.setCurrentIndex(model.index(0, CLEAN))
    panel = reviewing.history_panel
    qtbot.waitUntil(lambda: panel.list.count() == 2)
    assert "typed" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    assert panel.restore_button.isEnabled()
    assert panel.diff.toPlainText() == "\n第一稿"
    panel.restore_button.click()
    qtbot.waitUntil(lambda: model.row_at(0).correction == "第一稿")
    qtbot.waitUntil(lambda: panel.list.count() == 3)
    assert "restored" in panel.list.item(2).text()
    window.ops.undo_stack.undo()
    qtbot.waitUntil(lambda: model.row_at(0).correction == "第二稿")


def test_the_difference_is_drawn_over_plain_text():
    document = diff_document("<b>大圆</b>模型", "<b>大语言</b>模型")
    assert document.toPlainText() == "<b>大圆</b>模型\n<b>大语言</b>模型"
    text = document.toPlainText()
    cursor = QTextCursor(document)

    def marked(test):
        found = ""
        for i in range(len(text)):
            cursor.setPosition(i + 1)  # the format of the character before the position
            if test(cursor.charFormat()):
                found += text[i]
        return found

    assert marked(QTextCharFormat.fontStrikeOut) == "圆"
    assert marked(QTextCharFormat.fontUnderline) == "语言"


def test_a_comment_is_added_marked_in_the_row_and_resolved(qtbot, window):
    reviewing = window.reviewing
    window.view.setCurrentIndex(window.model.index(1, CLEAN))
    reviewing.act_comment.trigger()
    panel = reviewing.comments_panel
    panel.entry.setText("<i>大圆</i>是“大语言”吗？")
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert panel.list.item(0).text().endswith("<i>大圆</i>是“大语言”吗？")
    qtbot.waitUntil(lambda: _row_notes(window, 1) == (False, 1))
    panel.list.setCurrentRow(0)
    panel.resolve_button.click()
    qtbot.waitUntil(lambda: _row_notes(window, 1) == (False, 0))
    assert panel.list.count() == 0
    panel.show_resolved.setChecked(True)
    assert panel.list.count() == 1
    window.ops.undo_stack.undo()
    qtbot.waitUntil(lambda: _row_notes(window, 1) == (False, 1))


def test_ctrl_enter_typed_selects_only_the_next_row(qtbot, window):
    """Ctrl is still held when the view moves on: the next row must replace the selection, not join
    it (a growing selection would mark every earlier row again at the next Ctrl+Enter)."""
    window.show()
    window.view.setFocus()
    window.view.setCurrentIndex(window.model.index(0, CLEAN))
    for expected in (1, 2):
        key_click(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda row=expected: window.view.current_row() == row)
        rows = {index.row() for index in window.view.selectionModel().selectedIndexes()}
        assert rows == {expected}
    qtbot.waitUntil(lambda: window.reviewing.count_label.text() == "2 / 4 reviewed")


def test_resolving_keeps_the_keyboard_in_the_comments_panel(qtbot, window):
    """Resolve disables itself once its comment is hidden: the keyboard must stay in the panel, not
    jump to the library filter (whose own Ctrl+Z would then swallow the undo)."""
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    reviewing = window.reviewing
    window.view.setCurrentIndex(window.model.index(1, CLEAN))
    reviewing.act_comment.trigger()
    panel = reviewing.comments_panel
    panel.entry.setText("查一下")
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    panel.list.setCurrentRow(0)
    panel.resolve_button.setFocus()
    QTest.keyClick(panel.resolve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    assert window.focusWidget() is panel.list
    key_click(window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _row_notes(window, 1) == (False, 1))
