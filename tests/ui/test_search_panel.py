"""The library search panel: hits with context, opening a hit, any query safe, stale results dropped."""

import pytest
from PySide6.QtCore import Qt

from reader.ui.operations import Operations
from reader.ui.tasks import SyncTaskRunner, TaskRunner
from reader.ui.window.search_panel import SearchPanel

from .conftest import type_committed


class HeldRunner(TaskRunner):
    """Keeps tasks until the test runs them, in the order it chooses."""

    def __init__(self):
        super().__init__()
        self.held = []

    def _start(self, lane, task):
        self.held.append(task)


@pytest.fixture
def lib(sample_library):
    return sample_library


@pytest.fixture
def panel(qtbot, lib):
    widget = SearchPanel(Operations.on_library(SyncTaskRunner(), lib))
    qtbot.addWidget(widget)
    return widget


def search_for(panel, qtbot, text):
    panel.query_edit.clear()
    type_committed(panel.query_edit, text)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)


def test_hits_show_title_position_and_context(panel, qtbot):
    search_for(panel, qtbot, "大圆")
    assert panel.model.rowCount() == 1
    assert panel.model.item(0).text() == "测试转写 · 2\n我们今天讨论大圆模型的发展。"
    assert "1" in panel.status.text()


def test_a_traditional_query_finds_simplified_text(panel, qtbot):
    search_for(panel, qtbot, "討論")
    assert [h.position for h in panel.hits()] == [2]


def test_activating_a_hit_asks_for_its_segment(panel, qtbot, lib):
    search_for(panel, qtbot, "問題")
    hit = panel.hits()[0]
    with qtbot.waitSignal(panel.segment_requested) as signal:
        panel.results.activated.emit(panel.model.index(0, 0))
    assert signal.args == [hit.transcript_id, hit.segment_id, "問題"]


@pytest.mark.parametrize("query", ['"', "(", "*", "AND", "c++", "^"])
def test_hostile_queries_show_a_message_or_hits(panel, qtbot, query):
    search_for(panel, qtbot, query)
    assert panel.status.text()
    assert panel.model.rowCount() == 0


def test_typing_searches_after_a_pause(panel, qtbot):
    type_committed(panel.query_edit, "发展")
    assert panel.model.rowCount() == 0
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)


def test_an_overtaken_search_does_not_replace_newer_results(qtbot, lib):
    runner = HeldRunner()
    widget = SearchPanel(Operations.on_library(runner, lib))
    qtbot.addWidget(widget)
    widget.query_edit.setText("大圆")
    widget.search()
    widget.query_edit.setText("问题")
    widget.search()
    first, second = runner.held
    second.run()
    first.run()
    assert [h.position for h in widget.hits()] == [4]


def test_without_a_library_it_says_so(qtbot):
    widget = SearchPanel(Operations.on_library(SyncTaskRunner(), None))
    qtbot.addWidget(widget)
    widget.query_edit.setText("模型")
    widget.search()
    assert widget.status.text() and widget.model.rowCount() == 0


def test_indexing_before_the_first_search_shows_progress(qtbot, lib, monkeypatch):
    from reader.core.library import search_sqlite

    monkeypatch.setattr(search_sqlite, "CHUNK", 1)
    widget = SearchPanel(Operations.on_library(SyncTaskRunner(), lib))
    qtbot.addWidget(widget)
    shown = []
    widget.status.setText = lambda text, setter=widget.status.setText: (shown.append(text), setter(text))
    widget.query_edit.setText("发展")
    widget.search()
    assert any("1 of 4" in text for text in shown) and any("4 of 4" in text for text in shown)
    assert [h.position for h in widget.hits()] == [2]


def test_the_hits_of_the_query_before_go_while_the_index_is_built_for_the_next(qtbot, lib, monkeypatch):
    """After an import the next search first indexes it (seconds for a large one): meanwhile the
    panel shows no hits of the query before under the new one."""
    from reader.core.library import search, search_sqlite

    widget = SearchPanel(Operations.on_library(SyncTaskRunner(), lib))
    qtbot.addWidget(widget)
    widget.query_edit.setText("发展")
    widget.search()
    assert widget.hits()
    with lib.write() as session:
        session.connection().exec_driver_sql(search_sqlite.QUEUE_ALL)  # as after an import
    monkeypatch.setattr(search_sqlite, "CHUNK", 1)
    listed_while_indexing = []
    original = widget._indexing
    monkeypatch.setattr(widget, "_indexing", lambda *a: (original(*a), listed_while_indexing.append(len(widget.hits()))))
    widget.query_edit.setText("不在文中的词")
    widget.search()
    assert listed_while_indexing and set(listed_while_indexing) == {0}
    assert widget.hits() == [] and search.pending_count(lib) == 0


def test_a_long_hit_is_not_cut_to_the_height_of_a_short_one(qtbot, lib, tmp_path):
    from reader.core.library import import_file

    path = tmp_path / "long.txt"
    # Eight different clauses: one clause eight times would be a recognizer loop, cleaned to one.
    clauses = "".join(f"，我们继续讨论视觉语言的第{n}个发展" for n in "一二三四五六七八")
    path.write_text("# 长短\n\n模型。\n\n" + "模型" + clauses + "。\n", encoding="utf-8")
    import_file(lib, path)
    panel = SearchPanel(Operations.on_library(SyncTaskRunner(), lib))
    qtbot.addWidget(panel)
    panel.resize(220, 600)
    panel.show()
    search_for(panel, qtbot, "模型")

    def each_hit_has_its_lines():
        # The list lays its items out from the event loop (again when a scroll bar comes or goes).
        heights = sorted(panel.results.visualRect(panel.model.index(row, 0)).height() for row in range(panel.model.rowCount()))
        assert len(heights) == 3
        # Each hit gets the lines its snippet wraps to in a narrow dock.
        assert heights[-1] > heights[0]

    qtbot.waitUntil(each_hit_has_its_lines, timeout=5000)


def test_the_index_catches_up_while_the_app_is_idle(window, db_path, qtbot):
    """After opening (and after an import) what is queued is indexed a slice at a time when no lane
    works, so the first whole-library find answers from the index, not segment by segment."""
    from reader.core.library import open_library, search

    def pending() -> int:
        with open_library(db_path) as lib:
            return search.pending_count(lib)

    qtbot.waitUntil(lambda: pending() == 0, timeout=15_000)
