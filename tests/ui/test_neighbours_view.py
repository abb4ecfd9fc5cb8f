"""The cleaned column reads each row between its neighbours: the next row decides a chunk-final
。, the previous row whether a row only repeats it; a change to a neighbour shows at once, the
rows at a page's edge are read with their neighbours, and the view marks what the loops and
sentences stages changed as it marks fillers."""

from __future__ import annotations

from reader.core.library import import_file, open_library
from reader.ui.table.segment_model import CLEAN, PAGE, RAW, MarksRole, RepeatRole, StateRole

LOOP = "我们学习标记的方式也改变了，"
TALK = f"""# 邻居

大家刚刚都已经这个。

听过他们的精彩的报告了。

{LOOP * 3}好的。

{LOOP}好的。
"""


def open_talk(qtbot, make_window, db_path, tmp_path, text=TALK):
    (tmp_path / "talk.txt").write_text(text, encoding="utf-8")
    with open_library(db_path) as lib:
        transcript_id = import_file(lib, tmp_path / "talk.txt").transcripts[0].id
    window = make_window()
    window.show()
    window.open_library(db_path)
    window.open_transcript(transcript_id)
    qtbot.waitUntil(lambda: window.model.transcript_id == transcript_id and window.model.rowCount() > 0, timeout=10000)
    return window


def cleaned(qtbot, window, rows=None) -> list[str]:
    model = window.model
    rows = list(range(model.rowCount())) if rows is None else rows
    model.prefetch(min(rows), max(rows))
    qtbot.waitUntil(lambda: all(model.index(r, CLEAN).data(StateRole) not in ("pending", "loading") for r in rows), timeout=10000)
    return [model.index(r, CLEAN).data() for r in rows]


def test_a_repeat_is_empty_with_a_note_and_comes_back_when_the_row_before_changes(qtbot, make_window, db_path, tmp_path):
    window = open_talk(qtbot, make_window, db_path, tmp_path)
    model = window.model
    assert cleaned(qtbot, window) == ["大家刚刚都已经这个，", "听过他们的精彩的报告了。", LOOP + "好的。", ""]
    assert model.index(3, CLEAN).data(RepeatRole) == 3
    assert model.index(3, RAW).data(MarksRole) == [(0, len(model.index(3, RAW).data()), "removed")]
    # The person rewrites the row before: the row after is no repeat any more.
    model.setData(model.index(2, CLEAN), "换一种说法。")
    qtbot.waitUntil(lambda: model.row_at(2).correction == "换一种说法。", timeout=10000)
    assert cleaned(qtbot, window)[3] == LOOP + "好的。"
    assert model.index(3, CLEAN).data(RepeatRole) is None


def test_loops_and_sentences_are_marked_and_can_be_switched_off(qtbot, make_window, db_path, tmp_path):
    window = open_talk(qtbot, make_window, db_path, tmp_path)
    model = window.model
    cleaned(qtbot, window)
    # The written ， is marked as a stage's replacement; the loop's copies as removed raw text.
    assert (9, 10, "changed") in model.index(0, CLEAN).data(MarksRole)
    assert (0, 2 * len(LOOP), "removed") in model.index(2, RAW).data(MarksRole)
    window.act_stages["sentences"].setChecked(False)
    assert cleaned(qtbot, window)[0] == "大家刚刚都已经这个。"
    window.act_stages["loops"].setChecked(False)
    texts = cleaned(qtbot, window)
    assert texts[2] == LOOP * 3 + "好的。" and texts[3] == LOOP + "好的。"
    assert window.settings.stage("loops") is False  # remembered


def test_the_last_row_of_a_page_reads_the_first_row_of_the_next(qtbot, make_window, db_path, tmp_path):
    lines = [f"第{i}段说完了。" for i in range(PAGE + 10)]
    lines[PAGE - 1] = "大家刚刚都已经这个。"
    lines[PAGE] = "听过他们的精彩的报告了。"
    window = open_talk(qtbot, make_window, db_path, tmp_path, "# 长\n\n" + "\n\n".join(lines) + "\n")
    assert cleaned(qtbot, window, [PAGE - 1]) == ["大家刚刚都已经这个，"]


def test_a_page_is_read_with_the_row_before_and_the_row_after(qtbot):
    from reader.ui.table.segment_model import SegmentTableModel

    asked: list[list[int]] = []
    model = SegmentTableModel(_NoCleaning())
    model.set_fetcher(lambda ids, on_done: asked.append(ids))
    ids = list(range(1, 3 * PAGE))
    model.set_transcript(1, ids, [])
    model.row_at(PAGE + 5)  # a row on the second page is painted
    qtbot.waitUntil(lambda: len(asked) > 0, timeout=5000)
    second = next(a for a in asked if ids[PAGE + 5] in a)
    # Its first row needs the one before (a repeat?), its last the one after (a sentence end?).
    assert second[0] == ids[PAGE - 1] and second[-1] == ids[2 * PAGE]


class _NoCleaning:
    """A CleanService stand-in for a model whose rows are never cleaned."""

    def __init__(self):
        from PySide6.QtCore import QObject, Signal

        class Signals(QObject):
            cleaned = Signal()
            settings_changed = Signal()

        self._signals = Signals()
        self.cleaned, self.settings_changed = self._signals.cleaned, self._signals.settings_changed
