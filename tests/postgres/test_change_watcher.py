"""The app's watcher reports what another copy of the app changed, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from reader.core.library import edits, open_library, splitting, transcript_segments
from reader.ui.operations import Operations
from reader.ui.operations.watcher import ChangeWatcher
from reader.ui.tasks import TaskRunner


@pytest.fixture
def runner():
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_a_correction_and_a_split_by_someone_else_are_reported(qtbot, apps, runner):
    mine, theirs, transcript = apps
    watcher = ChangeWatcher(Operations.on_library(runner, mine), interval_ms=30)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.token is not None, timeout=10_000)
    with qtbot.assertNotEmitted(watcher.changed, wait=150):
        pass  # nothing changed: nothing reported

    segment = transcript_segments(theirs, transcript)[1][1].id
    with qtbot.waitSignal(watcher.changed, timeout=10_000) as signal:
        edits.set_correction(theirs, segment, "大语言模型很好。")
    assert signal.args == [frozenset({segment}), frozenset()]

    with qtbot.waitSignal(watcher.changed, timeout=10_000) as signal:
        splitting.split_segment(theirs, segment, 2)
    assert signal.args[1] == frozenset({transcript})
    watcher.stop()


def test_a_library_that_cannot_be_asked_is_reported_and_polling_goes_on(qtbot, runner, tmp_path):
    lib = open_library(str(tmp_path / "gone.sqlite3"))
    watcher = ChangeWatcher(Operations.on_library(runner, lib), interval_ms=30)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.token is not None, timeout=10_000)
    with lib.write() as session:
        session.connection().exec_driver_sql("DROP TABLE change_log")
    with qtbot.waitSignal(watcher.failed, timeout=10_000) as signal:
        pass
    assert "change_log" in signal.args[0]
    assert watcher.timer.isActive()
    watcher.stop()
    lib.close()
