"""Whole-library find in the find bar: a busy sign and Cancel while it runs, only the latest query's
results ever shown, results gone the moment the query changes, a page of hits at a time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.ui.tasks import SyncTaskRunner
from tests.ui.conftest import write_sample


class HeldFinds(SyncTaskRunner):
    """Runs every task inline except finds, which wait until the test lets them go (a slow find).

    With `early`, a find runs at once but its result is delivered only when let go: a result
    that arrives after the person has asked something else."""

    def __init__(self, early: bool = False):
        super().__init__()
        self.early = early
        self.held = []

    def _start(self, lane, task):
        if task.description != "find":
            task.run()
        elif self.early:
            result = task._fn(task)

            def deliver():
                task.finished.emit(result)
                task.done.emit()

            self.held.append((task, deliver))
        else:
            self.held.append((task, task.run))

    def release(self, index: int = 0):
        task, go = self.held.pop(index)
        go()
        return task


OTHER = "# 另一份\n\n大圆模型很大。\n\n我们今天讨论别的。\n"


@pytest.fixture
def open_window(make_window, tmp_path, db_path):
    from reader.core.library import import_file, open_library

    def make(runner, texts=(OTHER,), index=True):
        lib = open_library(db_path)
        import_file(lib, write_sample(tmp_path))
        for n, text in enumerate(texts):
            import_file(lib, write_sample(tmp_path, text, name=f"other{n}.txt"))
        if index:
            from reader.core.library import search

            search.update_index(lib)
        lib.close()
        window = make_window(runner=runner)
        window.show()
        window.open_library(db_path)
        return window

    return make


def ask(window, pattern, library=True):
    bar = window.find_bar
    window.act_find.trigger()
    bar.scope_box.setCurrentIndex(1 if library else 0)
    bar.find_edit.setText(pattern)
    bar.find_button.click()
    return bar


def listed(bar):
    return [bar.results_model.item(row).text() for row in range(bar.results_model.rowCount())]


def test_a_running_find_shows_it_is_busy_and_cancel_stops_it(open_window, qtbot):
    runner = HeldFinds()
    window = open_window(runner)
    bar = ask(window, "大圆")
    assert bar.busy_bar.isVisible() and bar.cancel_button.isVisible()
    assert bar.count_label.text() == "Searching…"
    assert not bar.find_button.isEnabled()
    bar.cancel_button.click()
    assert not bar.busy_bar.isVisible() and not bar.cancel_button.isVisible()
    assert bar.count_label.text() == "Search cancelled."
    assert bar.find_button.isEnabled()
    task = runner.release()
    assert task.cancelled()  # told to stop: it reads no further than its next batch
    assert listed(bar) == [] and bar.count_label.text() == "Search cancelled."
    # The next find works as ever.
    bar.find_button.click()
    runner.release()
    assert len(listed(bar)) == 2 and bar.count_label.text().startswith("2 result")


def test_esc_cancels_a_running_find_and_then_closes_the_bar(open_window, qtbot):
    runner = HeldFinds()
    window = open_window(runner)
    bar = ask(window, "大圆")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert bar.isVisible() and not bar.busy_bar.isVisible()
    assert bar.count_label.text() == "Search cancelled."
    runner.release()
    assert listed(bar) == []
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_results_of_an_older_query_arriving_late_are_never_shown(open_window, qtbot):
    runner = HeldFinds(early=True)
    window = open_window(runner)
    bar = ask(window, "大圆")
    bar.find_edit.setText("讨论")
    bar.find_button.click()
    runner.release(0)  # the first query's hits arrive after the second was asked
    assert listed(bar) == [] and bar.busy_bar.isVisible()
    runner.release(0)
    assert listed(bar) and all("讨论" in text for text in listed(bar))
    # Asking again with Enter while a find runs: the newer one wins, whichever arrives last.
    bar.find_edit.returnPressed.emit()
    bar.find_edit.setText("大圆")
    bar.find_edit.returnPressed.emit()
    runner.release(1)
    runner.release(0)
    assert len(listed(bar)) == 2 and all("大圆" in text for text in listed(bar))


def test_results_go_the_moment_the_query_or_scope_changes(open_window, qtbot):
    window = open_window(SyncTaskRunner())
    bar = ask(window, "大圆")
    assert len(listed(bar)) == 2
    bar.scope_box.setCurrentIndex(0)
    assert listed(bar) == [] and bar.count_label.text() == ""
    bar.find_button.click()
    assert len(listed(bar)) == 1
    bar.find_edit.setText("大圆模")
    assert listed(bar) == [] and bar.count_label.text() == ""
    assert window.find_replace.found == []


def test_a_large_result_is_shown_a_page_at_a_time_and_an_unbuilt_index_is_said(open_window, qtbot):
    many = "# 很多\n\n" + "".join(f"第{n}段讲模型。\n\n" for n in range(130))
    window = open_window(SyncTaskRunner(), texts=(many,), index=False)
    bar = ask(window, "模型")
    assert len(listed(bar)) >= 100
    shown = len(listed(bar))
    assert f"First {shown} result" in bar.count_label.text() and "there are more" in bar.count_label.text()
    assert "not in the search index yet" in bar.count_label.text()
    assert bar.more_button.isVisible()
    bar.more_button.click()
    assert len(listed(bar)) == 131  # 130 here, one in the sample
    assert len(set(listed(bar))) == 131
    assert not bar.more_button.isVisible()
    assert bar.count_label.text().startswith("131 result")


def test_an_indexed_library_says_nothing_of_the_index(open_window, qtbot):
    window = open_window(SyncTaskRunner())
    bar = ask(window, "模型")
    assert bar.count_label.text().startswith("2 result")
