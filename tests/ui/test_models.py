"""Every item model passes Qt's own consistency checks while it is used."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.library import SegmentRow, TranscriptSummary
from reader.core.text import CleanSettings
from reader.ui.cleaning import CleanService
from reader.ui.table.segment_model import CLEAN, RAW, MarksRole, SegmentTableModel, StateRole
from reader.ui.tasks import SyncTaskRunner
from reader.ui.window.library_panel import LibraryPanel


def check_model(model: QAbstractItemModel) -> QAbstractItemModelTester:
    # A broken rule becomes a Qt warning, which fails the test (qt_log_level_fail).
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def rows(n: int, start: int = 1) -> list[SegmentRow]:
    return [
        SegmentRow(id=i, position=i, kind="image" if i % 7 == 0 else "text", raw=f"呃，我我我们第{i}段", correction=None,
                   speaker=None, start_ms=None, end_ms=None)
        for i in range(start, start + n)
    ]


def test_segment_model_stays_consistent_through_loading_cleaning_and_editing(qtbot):
    clean = CleanService(SyncTaskRunner(), CleanSettings())
    model = SegmentTableModel(clean)
    checker = check_model(model)
    model.set_rows(1, rows(30))
    assert model.rowCount() == 30 and model.columnCount() == 6  # #, raw, cleaned, speaker, topics, time
    model.prefetch(0, 29)
    qtbot.waitUntil(lambda: model.index(0, CLEAN).data(StateRole) == "auto")
    assert model.index(0, CLEAN).data() == "我们第1段"
    assert model.index(0, RAW).data(MarksRole), "the raw column marks what cleaning removed"
    assert model.setData(model.index(1, CLEAN), "改过的文字")
    assert model.index(1, CLEAN).data(StateRole) == "corrected"
    clean.set_settings(CleanSettings(fillers=False))
    model.set_rows(2, rows(5, start=100))
    model.set_rows(None, [])
    assert model.rowCount() == 0
    assert checker is not None  # kept alive: the tester checks only while it exists


def test_library_model_and_its_filter_stay_consistent(qtbot):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    checkers = [check_model(panel.model), check_model(panel.proxy)]
    infos = [
        TranscriptSummary(1, "开幕式", 112, 0, "/seeds/a.txt"),
        TranscriptSummary(2, "主题报告", 157, 3, "/seeds/b.txt"),
        TranscriptSummary(3, "圆桌对话", 277, 0, "/seeds/b.txt"),
    ]
    panel.set_transcripts(infos, None)
    assert panel.model.rowCount() == 2  # two source files
    panel.filter.setText("圆桌")
    assert panel.proxy.rowCount() == 1
    source = panel.proxy.index(0, 0)
    assert panel.proxy.rowCount(source) == 1
    assert panel.proxy.index(0, 0, source).data() == "圆桌对话"
    panel.filter.clear()
    panel.set_transcripts(infos[:1], 1)
    assert panel.proxy.rowCount() == 1
    assert all(checkers)
