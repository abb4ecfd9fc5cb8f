"""A FIFO dropped on the window must not block the write lane (issue 13): before, the
import waited on it for ever, a later edit showed "corrected" and was never written,
and quitting hung."""

from __future__ import annotations

import contextlib
import os

import pytest

from reader.ui.operations import library as library_ops
from reader.ui.tasks import TaskRunner
from tests.ui.conftest import write_sample


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_and_the_write_lane_stays_free(qtbot, make_window, tmp_path, db_path):
    window = make_window(runner=TaskRunner())
    window.show()
    with qtbot.waitSignal(window.ops.library_opened, timeout=10000):
        window.open_library(db_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = write_sample(tmp_path, "# 第二份\n\n另一段文字。\n", name="second.txt")
    messages: list[str] = []
    window.ops.failed.connect(messages.append)
    try:
        with qtbot.waitSignal(window.ops.import_finished, timeout=15000) as finished:
            library_ops.import_files(window.ops, [str(fifo), str(good)])
    finally:
        # Should the lane be stuck on the FIFO, let it go so that the window can close.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert finished.args == [1]  # the good file was imported after the FIFO was refused
    assert len(messages) == 1 and f"{fifo}: is a named pipe (FIFO), not a regular file" in messages[0]
    qtbot.waitUntil(lambda: not window.ops.runner.busy(), timeout=10000)
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 1)
