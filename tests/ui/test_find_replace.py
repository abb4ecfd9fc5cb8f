"""Find and replace: plain or regex, this transcript or the library, hits in both columns, one undo step."""

from __future__ import annotations

from reader.ui.table.segment_model import CLEAN, RAW, MarksRole
from tests.ui.test_editing import stored
from tests.ui.test_window import wait_cleaned


def search(window, pattern, *, regex=False, library=False, replacement=None):
    bar = window.find_bar
    window.act_replace.trigger() if replacement is not None else window.act_find.trigger()
    bar.find_edit.setText(pattern)
    bar.regex_box.setChecked(regex)
    bar.scope_box.setCurrentIndex(1 if library else 0)
    if replacement is not None:
        bar.replace_edit.setText(replacement)
    bar.find_button.click()
    return bar


def hits(window, row, column):
    return [(s, e) for s, e, what in window.model.index(row, column).data(MarksRole) if what in ("hit", "current")]


def test_hits_are_listed_and_highlighted_in_both_columns(qtbot, window):
    wait_cleaned(qtbot, window)
    bar = search(window, "下一个问题")
    assert bar.results_model.rowCount() == 1
    assert "下一个问题" in bar.results_model.item(0).text()
    row = 3
    clean_text = window.model.index(row, CLEAN).data()
    raw_text = window.model.index(row, RAW).data()
    [(s, e)] = hits(window, row, CLEAN)
    assert clean_text[s:e] == "下一个问题"
    # The raw text has the stutter; the hit maps to the raw words it came from.
    [(rs, re_)] = hits(window, row, RAW)
    assert raw_text[rs:re_].endswith("问题") and "下一个" in raw_text[rs:re_]
    bar.close_button.click()
    assert hits(window, row, CLEAN) == []


def test_replace_one_changes_only_the_current_hit(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    bar = search(window, "我", replacement="咱")
    assert bar.results_model.rowCount() >= 2
    bar.step(1)
    first = bar.current_match()
    bar.replace_button.click()
    corrected = [s for s in stored(window, db_path) if s.correction is not None]
    assert [s.id for s in corrected] == [first.segment_id]
    assert corrected[0].correction.count("咱") == 1


def test_replace_all_in_the_library_is_one_undo_step(qtbot, window, db_path, tmp_path):
    from tests.ui.conftest import write_sample
    from tests.ui.test_window import _drop

    _drop(window, [write_sample(tmp_path, "# 另一份\n\n大圆模型很大。\n\n还是大圆模型。\n", name="other.txt")])
    wait_cleaned(qtbot, window)
    bar = search(window, "大圆(模型)", regex=True, library=True, replacement=r"大语言\1")
    assert bar.results_model.rowCount() == 3  # one here, two in the other transcript
    steps = window.ops.undo_stack.count()
    bar.replace_all_button.click()
    assert window.ops.undo_stack.count() == steps + 1
    assert stored(window, db_path)[1].correction == "我们今天讨论大语言模型的发展。"
    qtbot.waitUntil(lambda: bar.results_model.rowCount() == 0)  # the search runs again after the change
    window.act_undo.trigger()
    assert all(s.correction is None for s in stored(window, db_path))
    qtbot.waitUntil(lambda: bar.results_model.rowCount() == 3)


def test_a_broken_regular_expression_is_one_clear_message(qtbot, window):
    search(window, "大圆(", regex=True)
    assert "not a valid regular expression" in window._last_error_box.text()
