"""Rules: a correction applied everywhere, and the rules manager."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.library import open_library
from reader.core.library.rules import list_rules
from reader.ui.dialogs.rules_dialog import ENABLED, HITS, PATTERN, REPLACEMENT
from reader.ui.operations import rules as rule_ops
from reader.ui.table.segment_model import CLEAN, MarksRole
from tests.ui.conftest import write_sample
from tests.ui.test_window import _drop, wait_cleaned


def saved_rules(db_path):
    lib = open_library(db_path)
    try:
        return list_rules(lib)
    finally:
        lib.close()


def test_a_correction_applied_everywhere_fixes_other_transcripts_and_undoes(qtbot, window, db_path, tmp_path):
    _drop(window, [write_sample(tmp_path, "# 另一份\n\n大圆模型很大。\n", name="other.txt")])
    wait_cleaned(qtbot, window)
    window.model.setData(window.model.index(1, CLEAN), "我们今天讨论大语言模型的发展。")
    window.view.setCurrentIndex(window.model.index(1, CLEAN))
    window.act_make_rule.trigger()
    [rule] = saved_rules(db_path)
    assert "大圆" in rule.pattern and "大语言" in rule.replacement and rule.transcript_id is None

    other = next(i.id for i in window._infos.values() if i.title == "另一份")
    window.library_panel.select(other)
    wait_cleaned(qtbot, window)
    assert window.model.index(0, CLEAN).data() == "大语言模型很大。"
    marks = window.model.index(0, CLEAN).data(MarksRole)
    assert any(what == "changed" for _s, _e, what in marks), "the rule's replacement is marked"

    window.act_undo.trigger()
    assert saved_rules(db_path) == []
    wait_cleaned(qtbot, window)
    assert window.model.index(0, CLEAN).data() == "大圆模型很大。"


def test_a_correction_too_small_for_a_rule_is_refused_with_a_message(qtbot, window, db_path):
    steps = window.ops.undo_stack.count()
    rule_ops.from_correction(window.ops, "我", "咱")  # a one-character rule would fire everywhere
    assert "too little" in window._last_error_box.text()
    assert saved_rules(db_path) == []
    assert window.ops.undo_stack.count() == steps  # a refused step leaves nothing to undo


def test_rules_manager_lists_hits_toggles_edits_and_round_trips_tsv(qtbot, window, db_path, tmp_path):
    window.show_rules()
    dialog = window.rules_dialog
    checker = QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    dialog.pattern_edit.setText("大圆")
    dialog.replacement_edit.setText("大语言")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.waitUntil(lambda: dialog.model.item(0, HITS).text() == "1")  # once in the open transcript
    wait_cleaned(qtbot, window)
    assert "大语言" in window.model.index(1, CLEAN).data()

    dialog.model.item(0, ENABLED).setCheckState(Qt.CheckState.Unchecked)
    assert saved_rules(db_path)[0].enabled is False
    wait_cleaned(qtbot, window)
    assert "大圆" in window.model.index(1, CLEAN).data()
    window.act_undo.trigger()
    assert saved_rules(db_path)[0].enabled is True

    dialog.model.item(0, REPLACEMENT).setText("大语言的")
    assert saved_rules(db_path)[0].replacement == "大语言的"

    exported = tmp_path / "rules.tsv"
    rule_ops.export_tsv(dialog.ops, str(exported), None, dialog._exported)
    assert "大圆\t大语言的" in exported.read_text(encoding="utf-8")
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert saved_rules(db_path) == []
    rule_ops.import_tsv(dialog.ops, str(exported), None, dialog._imported)
    assert [(r.pattern, r.replacement) for r in saved_rules(db_path)] == [("大圆", "大语言的")]
    assert dialog.model.item(0, PATTERN).text() == "大圆"
    assert checker is not None
