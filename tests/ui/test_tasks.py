"""Background work: off the GUI thread, reported back on it, cancellable."""

from __future__ import annotations

import threading

from reader.core.errors import UserError
from reader.ui.tasks import SyncTaskRunner, TaskRunner


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot):
    runner = TaskRunner()
    seen = {}

    def work(task):
        seen["worker"] = threading.current_thread()
        return 42

    def done(result):
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        runner.submit("read", work, on_done=done)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()


def test_a_lane_keeps_the_order_work_was_given_in(qtbot):
    runner = TaskRunner()
    order = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        for i in range(20):
            runner.submit("write", lambda task, i=i: order.append(i))
    assert order == list(range(20))


def test_a_failure_reaches_the_gui_as_an_error_not_a_crash(qtbot):
    runner = TaskRunner()
    errors = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        runner.submit("write", lambda task: (_ for _ in ()).throw(UserError("x.txt", "not a transcript")), on_error=errors.append)
    assert [str(e) for e in errors] == ["x.txt: not a transcript"]


def test_cancel_stops_long_work_and_progress_arrives(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    progress = []

    def work(task):
        started.set()
        for i in range(10_000):
            if task.cancelled():
                return i
            task.report(i, 10_000)
            threading.Event().wait(0.001)
        return 10_000

    results = []
    task = runner.submit("write", work, on_done=results.append)
    task.progressed.connect(lambda done, total: progress.append((done, total)))
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(progress) > 3, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0] < 10_000
    assert all(total == 10_000 for _, total in progress)


def test_the_inline_runner_gives_the_same_answers():
    runner = SyncTaskRunner()
    results, errors = [], []
    runner.submit("read", lambda task: "ok", on_done=results.append)
    runner.submit("read", lambda task: 1 / 0, on_error=errors.append)
    assert results == ["ok"]
    assert isinstance(errors[0], ZeroDivisionError)
