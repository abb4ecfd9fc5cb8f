"""Finding the errors in the app: the Suggestions and Quality Check docks, correction memory's bar,
the glossary dialog, and glossary terms as words of the table's cleaner."""

from __future__ import annotations

import pytest

from reader.core.library import glossary, import_file, open_library
from reader.core.library.rules import list_rules
from reader.core.library.suggestions import transcript_suggestions
from reader.ui.table.segment_model import CLEAN, RAW, MarksRole
from tests.ui.conftest import key_click, write_sample
from tests.ui.test_window import wait_cleaned

TALK = """# 术语测试

我们今天讨论大圆模型的发展。

大圆模型现在很火。

这个模台的问题很重要。

大家觉得大圆模型怎么样。
"""


def _in_library(db_path, work):
    lib = open_library(db_path)
    try:
        return work(lib)
    finally:
        lib.close()


@pytest.fixture
def talk_window(make_window, tmp_path, db_path):
    """A shown window on a library holding TALK, open, with 大语言模型 (misspelt 大圆模型) and 模态 in the glossary."""

    def fill(lib):
        tid = import_file(lib, write_sample(tmp_path, TALK, "talk.txt")).transcripts[0].id
        glossary.add_term(lib, "大语言模型", ["大圆模型"])
        glossary.add_term(lib, "模态")
        return tid

    tid = _in_library(db_path, fill)
    window = make_window()
    window.show()
    window.open_library(db_path)
    assert window.transcript_id == tid
    return window


def _open_suggestions(qtbot, window):
    wait_cleaned(qtbot, window)
    window.quality.suggestions_dock.toggleViewAction().trigger()
    panel = window.quality.suggestions
    qtbot.waitUntil(lambda: len(panel.suggestions()) == 4)
    return panel


def _row_of(panel, found):
    return next(i for i, s in enumerate(panel.suggestions()) if s.found == found)


def _row_at(window, position):
    return next(r for r in range(window.model.rowCount()) if window.model.row_at(r).position == position)


def _correction(db_path, position):
    from reader.core.library import transcript_segments

    return _in_library(db_path, lambda lib: transcript_segments(lib, 1)[1][position - 1].correction)


def test_a_suggestion_click_shows_its_row_with_the_span_marked_in_both_columns(qtbot, talk_window):
    panel = _open_suggestions(qtbot, talk_window)
    assert [(s.position, s.found, s.suggestion) for s in panel.suggestions()] == [
        (1, "大圆模型", "大语言模型"), (2, "大圆模型", "大语言模型"), (3, "模台", "模态"), (4, "大圆模型", "大语言模型"),
    ]
    panel.select(_row_of(panel, "模台"))
    row = _row_at(talk_window, 3)
    assert talk_window.view.current_row() == row
    model = talk_window.model
    text = model.index(row, CLEAN).data()
    [(start, end, _what)] = [m for m in model.index(row, CLEAN).data(MarksRole) if m[2] == "current"]
    assert text[start:end] == "模台"
    raw = model.index(row, RAW).data()
    assert any(raw[s:e] == "模台" and what == "current" for s, e, what in model.index(row, RAW).data(MarksRole))


def test_accept_saves_the_correction_and_undo_restores_it(qtbot, talk_window, db_path):
    panel = _open_suggestions(qtbot, talk_window)
    panel.select(_row_of(panel, "模台"))
    panel.accept_button.click()
    assert _correction(db_path, 3) == "这个模态的问题很重要。"
    qtbot.waitUntil(lambda: len(panel.suggestions()) == 3)  # read again after the save
    assert "模台" not in [s.found for s in panel.suggestions()]
    talk_window.act_undo.trigger()
    assert _correction(db_path, 3) is None
    qtbot.waitUntil(lambda: "模台" in [s.found for s in panel.suggestions()])


def test_accept_all_makes_a_rule_of_the_transcript_says_how_many_and_undoes(qtbot, talk_window, db_path):
    panel = _open_suggestions(qtbot, talk_window)
    panel.select(_row_of(panel, "大圆模型"))
    panel.accept_all_button.click()
    [rule] = _in_library(db_path, list_rules)
    assert (rule.pattern, rule.replacement, rule.transcript_id) == ("大圆模型", "大语言模型", talk_window.transcript_id)
    assert "3 segment(s) changed" in talk_window.statusBar().currentMessage()
    wait_cleaned(qtbot, talk_window)
    assert talk_window.model.index(_row_at(talk_window, 2), CLEAN).data() == "大语言模型现在很火。"
    qtbot.waitUntil(lambda: [s.found for s in panel.suggestions()] == ["模台"])
    talk_window.act_undo.trigger()
    assert _in_library(db_path, list_rules) == []


def test_ignore_is_remembered_in_the_library_and_undone(qtbot, talk_window, db_path):
    panel = _open_suggestions(qtbot, talk_window)
    panel.select(_row_of(panel, "模台"))
    panel.ignore_button.click()
    assert "模台" not in [s.found for s in panel.suggestions()]
    tid = talk_window.transcript_id
    assert "模台" not in [s.found for s in _in_library(db_path, lambda lib: transcript_suggestions(lib, tid))]
    talk_window.act_undo.trigger()
    qtbot.waitUntil(lambda: "模台" in [s.found for s in panel.suggestions()])
    assert "模台" in [s.found for s in _in_library(db_path, lambda lib: transcript_suggestions(lib, tid))]


def test_a_correction_whose_span_occurs_elsewhere_offers_a_rule_and_everywhere_is_one_undo_step(qtbot, talk_window, db_path):
    window = talk_window
    wait_cleaned(qtbot, window)
    bar = window.quality.offer_bar
    assert not bar.isVisible()
    window.model.setData(window.model.index(_row_at(window, 1), CLEAN), "我们今天讨论大语言模型的发展。")
    qtbot.waitUntil(lambda: bar.isVisible())
    [line] = bar.lines
    assert line.label.text() == "Make a rule: 大圆模型 → 大语言模型 (2 more in this transcript, 2 in the library)"
    line.everywhere_button.click()
    assert not bar.isVisible()
    [rule] = _in_library(db_path, list_rules)
    assert (rule.pattern, rule.replacement, rule.transcript_id) == ("大圆模型", "大语言模型", None)
    assert "2 segment(s) changed" in window.statusBar().currentMessage()
    wait_cleaned(qtbot, window)
    assert "大家觉得大语言模型" in window.model.index(_row_at(window, 4), CLEAN).data()
    window.act_undo.trigger()
    assert _in_library(db_path, list_rules) == []
    assert _correction(db_path, 1) == "我们今天讨论大语言模型的发展。"  # the correction is its own step


def test_a_correction_changing_nothing_found_elsewhere_offers_nothing(qtbot, talk_window):
    window = talk_window
    wait_cleaned(qtbot, window)
    window.model.setData(window.model.index(_row_at(window, 3), CLEAN), "这个模态的问题非常重要。")
    qtbot.wait(50)
    assert not window.quality.offer_bar.isVisible()


def test_a_quality_finding_is_a_click_away_from_its_row_and_a_duplicate_opens_the_other(qtbot, talk_window, tmp_path):
    window = talk_window
    from tests.ui.test_window import _drop

    _drop(window, [write_sample(tmp_path, TALK.replace("# 术语测试", "# 第二次识别") + "\n谢谢大家。\n", "again.txt")])
    wait_cleaned(qtbot, window)
    window.quality.findings_dock.toggleViewAction().trigger()
    panel = window.quality.findings
    qtbot.waitUntil(lambda: bool(panel.findings()))
    kinds = [(f.position, f.kind) for f in panel.findings()]
    assert (None, "duplicate") in kinds and (3, "suggestion") in kinds
    panel.select(next(i for i, f in enumerate(panel.findings()) if f.position == 3))
    assert window.view.current_row() == _row_at(window, 3)

    first = window.transcript_id
    panel.select(next(i for i, f in enumerate(panel.findings()) if f.kind == "duplicate"))
    assert panel.open_button.isEnabled()
    panel.open_button.click()
    qtbot.waitUntil(lambda: window.transcript_id not in (None, first))
    assert window.transcript_title == "第二次识别"


def test_the_glossary_dialog_adds_removes_undoes_and_round_trips_tsv(qtbot, talk_window, db_path, tmp_path):
    window = talk_window
    window.quality.act_glossary.trigger()
    dialog = window.quality.glossary_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    dialog.term_edit.setText("预训练")
    dialog.aliases_edit.setText("与训练，玉训练")
    dialog.own_box.setChecked(True)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    entries = _in_library(db_path, glossary.list_terms)
    assert [(e.term, e.aliases, e.transcript_id) for e in entries][-1] == ("预训练", ("与训练", "玉训练"), window.transcript_id)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)

    dialog.table.selectRow(1)  # 模态
    dialog.remove_button.click()
    assert [e.term for e in _in_library(db_path, glossary.list_terms)] == ["大语言模型"]
    window.act_undo.trigger()
    assert [e.term for e in _in_library(db_path, glossary.list_terms)] == ["大语言模型", "模态"]

    from reader.ui.operations import glossary as glossary_ops

    out = tmp_path / "g.tsv"
    glossary_ops.export_tsv(window.ops, str(out), None, dialog._exported)
    assert out.read_text(encoding="utf-8") == "大语言模型\t大圆模型\n模态\t\n"
    out.write_text("ChatGPT\tchat gpt\n", encoding="utf-8")
    glossary_ops.import_tsv(window.ops, str(out), None, dialog._imported)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert dialog.note.text().startswith("1 ")


def test_a_glossary_term_is_a_whole_word_of_the_tables_cleaner(qtbot, make_window, tmp_path, db_path):
    _in_library(db_path, lambda lib: import_file(lib, write_sample(tmp_path, "# 名字\n\n今天那个薇薇娅来了。\n")))
    window = make_window()
    window.show()
    window.open_library(db_path)
    wait_cleaned(qtbot, window)
    assert window.model.index(0, CLEAN).data() == "今天那个薇娅来了。"  # a stutter, to the cleaner
    window.quality.show_glossary()
    dialog = window.quality.glossary_dialog
    dialog.term_edit.setText("薇薇娅")
    dialog.add_button.click()
    wait_cleaned(qtbot, window)
    qtbot.waitUntil(lambda: window.model.index(0, CLEAN).data() == "今天那个薇薇娅来了。")


def _offer_made(qtbot, window):
    """The rule-offer bar and its one line, after a correction typed into the active window."""
    wait_cleaned(qtbot, window)
    window.activateWindow()
    qtbot.waitActive(window)
    bar = window.quality.offer_bar
    window.model.setData(window.model.index(_row_at(window, 1), CLEAN), "我们今天讨论大语言模型的发展。")
    qtbot.waitUntil(lambda: bar.isVisible())
    [line] = bar.lines
    return bar, line


def test_after_taking_an_offer_from_its_button_the_keys_go_back_to_the_table(qtbot, talk_window, db_path):
    """The taken offer's button goes away with its line: Ctrl+Z then undoes the rule, it is not
    swallowed by whichever line edit Qt's focus chain reaches next (the transcript filter)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = talk_window
    _bar, line = _offer_made(qtbot, window)
    line.everywhere_button.setFocus()
    qtbot.keyClick(line.everywhere_button, Qt.Key.Key_Space)
    assert len(_in_library(db_path, list_rules)) == 1
    assert QApplication.focusWidget() is window.view
    key_click(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _in_library(db_path, list_rules) == []


def test_dismissing_an_offer_gives_the_keys_back_to_the_table(qtbot, talk_window):
    from PySide6.QtWidgets import QApplication

    window = talk_window
    bar, line = _offer_made(qtbot, window)
    line.close_button.setFocus()
    line.close_button.click()
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.view


def test_finding_details_are_in_chinese_in_the_chinese_ui(qtbot, talk_window):
    from PySide6.QtWidgets import QApplication

    from reader.ui import i18n
    from reader.ui.panels.quality_panel import DETAIL

    window = talk_window
    wait_cleaned(qtbot, window)
    window.act_languages["zh_CN"].trigger()
    try:
        qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
        window.quality.findings_dock.toggleViewAction().trigger()
        panel = window.quality.findings
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0)
        details = [panel.tree.topLevelItem(i).text(DETAIL) for i in range(panel.tree.topLevelItemCount())]
        assert "模台 → 模态：这个[模台]的问题很重要。" in details
        assert "项发现" in panel.status.text()
    finally:
        i18n.install(QApplication.instance(), "en")


def test_the_docks_status_lines_follow_a_language_switch(qtbot, talk_window):
    from PySide6.QtWidgets import QApplication

    from reader.ui import i18n

    window = talk_window
    panel = _open_suggestions(qtbot, window)
    window.quality.findings_dock.toggleViewAction().trigger()
    findings = window.quality.findings
    qtbot.waitUntil(lambda: "finding(s)" in findings.status.text())
    assert panel.status.text() == "4 suggestion(s)"
    window.act_languages["zh_CN"].trigger()
    try:
        qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
        assert panel.status.text() == "4 条建议"
        assert "项发现" in findings.status.text()
    finally:
        i18n.install(QApplication.instance(), "en")
