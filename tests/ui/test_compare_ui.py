"""Tools › Compare With…: two recognitions side by side, F7 to the next difference, the other
wording taken as a correction (one undo step), closing back to the reader; the import bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import write_sample

SECOND = """# 测试转写（第二次识别）

大家好，我是今天的講者。我們今天討論大語言模型的發展。

這個問題很重要，我們下一個問題。
"""


def import_second(window, tmp_path):
    """Import the second recognition; a new import opens itself, so go back to the first after."""
    from reader.ui.operations import library

    first = window.transcript_id
    library.import_files(window.ops, [str(write_sample(tmp_path, SECOND, "second.txt"))])
    window.library_panel.select(first)
    return max(window._infos)


def test_compare_with_shows_both_sides_and_the_other_wording_becomes_a_correction(window, tmp_path, qtbot):
    a = window.transcript_id
    b = import_second(window, tmp_path)
    window.view.setCurrentIndex(window.model.index(3, 0))
    row_before = window.view.currentIndex().row()
    window.comparing.act_compare.trigger()
    picker = window.comparing.picker
    picker.setTextValue(next(t for t in picker.comboBoxItems() if t.startswith(f"{b} ")))
    picker.accept()

    view = window.comparing.view
    assert window.comparing.dock.isVisible()
    assert window.transcript_id == a  # the reader stays on its transcript
    model = view.model
    assert model.rowCount() == 2
    assert model.headerData(0, Qt.Orientation.Vertical) == "1-3 | 1"  # the image joins the group before it
    assert model.headerData(1, Qt.Orientation.Vertical) == "4 | 2"
    assert "大家好，我是今天的讲者。" in model.cell(0, 0).text
    assert model.cell(0, 1).text == "大家好，我是今天的讲者。我们今天讨论大语言模型的发展。"  # in the reader's script
    assert view.summary.text() == "1 difference"  # not "1 differences"

    qtbot.keyClick(view.table, Qt.Key.Key_F7)
    assert view.summary.text() == "Difference 1 of 1"
    [(start, end, current)] = model.cell(0, 0).marks
    assert current and model.cell(0, 0).text[start:end] == "圆"
    [(start, end, _)] = model.cell(0, 1).marks
    assert model.cell(0, 1).text[start:end] == "语言"

    view.use_button.click()
    assert window.model.row_at(1).correction == "我们今天讨论大语言模型的发展。"
    assert window.model.row_at(1).raw == "我们今天讨论大圆模型的发展。"
    # The comparison follows: nothing differs any more.
    assert view.summary.text() == "The two transcripts say the same words"
    window.ops.undo_stack.undo()
    assert window.model.row_at(1).correction is None
    assert view.summary.text() == "1 difference"  # not "1 differences"

    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert not window.comparing.dock.isVisible()
    assert window.transcript_id == a and window.view.currentIndex().row() == row_before == 3


def test_an_import_that_looks_like_a_second_recognition_offers_to_compare(window, tmp_path):
    a = window.transcript_id
    b = import_second(window, tmp_path)
    bar = window.comparing.bar
    assert bar.isVisible()
    assert bar.label.text() == f'Transcript {b} looks like a second recognition of {a} "测试转写".'
    bar.compare_button.click()
    assert not bar.isVisible()
    assert window.transcript_id == b
    assert window.comparing.dock.isVisible()
    assert window.comparing.view.model.rowCount() == 2


def test_an_unrelated_import_offers_nothing(window, tmp_path):
    from reader.ui.operations import library

    library.import_files(window.ops, [str(write_sample(tmp_path, "# 别的\n\n今天天气很好，我们去公园散步吧。\n", "other.txt"))])
    assert not window.comparing.bar.isVisible()


def test_help_lists_the_comparisons_keys(window, tmp_path):
    """F7, Shift+F7, Ctrl+Shift+U and Esc belong to the comparison dock, not to a menu action."""
    from PySide6.QtGui import QKeySequence, QShortcut

    window.comparing.start(window.transcript_id, import_second(window, tmp_path))
    window.act_shortcuts.trigger()
    listed = {keys for keys, _text in window.shortcuts_dialog.listed()}
    shortcuts = window.comparing.view.findChildren(QShortcut)
    assert len(shortcuts) == 4
    for shortcut in shortcuts:
        assert shortcut.key().toString(QKeySequence.SequenceFormat.NativeText).replace("Escape", "Esc") in listed


def test_opening_another_transcript_closes_the_comparison_of_the_one_left(window, tmp_path):
    """Else "use this wording" would write into a transcript the reader no longer shows."""
    a = window.transcript_id
    b = import_second(window, tmp_path)
    window.comparing.start(a, b)
    assert window.comparing.dock.isVisible()
    window.library_panel.select(b)
    assert window.transcript_id == b
    assert not window.comparing.dock.isVisible() and window.comparing.pair is None
