"""Run core work off the GUI thread and report back on it.

Work goes into lanes, each a queue served by one thread in order: "write" keeps
database changes in the order the user made them, "read" loads rows, "clean"
cleans what the view shows, so a long find or replace-all (which may clean text
on its own lane too) never holds up painting. Cutting text is safe from any lane:
reader.core.text.segmenter loads jieba and adds words under a lock.
Results, errors and progress come back as queued signals, so callbacks always
run on the GUI thread. Tests swap in `SyncTaskRunner`, which does the same work
inline (the idea comes from Picard's fake thread pool).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Literal, get_args

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from reader.core.errors import UserError

log = logging.getLogger(__name__)

# "read": queries; "write": every save, one at a time, in order; "clean": the segmenter (jieba) and what needs it.
Lane = Literal["read", "write", "clean"]
LANES: tuple[Lane, ...] = get_args(Lane)


class Task(QObject):
    """One unit of work; its signals are delivered on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    done = Signal()  # after finished, failed or cancellation, whichever came

    def __init__(self, fn: Callable[[Task], Any], description: str = ""):
        super().__init__()
        self._fn = fn
        self.description = description
        self._cancel = threading.Event()

    # Handed to core functions as their `cancel` / `progress` arguments.
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._fn(self)
        except Exception as exc:  # every failure must reach the GUI, not kill the thread
            if not isinstance(exc, UserError):  # a person's mistake is shown to them, not logged as a fault
                log.error("task %r failed:\n%s", self.description, traceback.format_exc())
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        self.done.emit()


class TaskRunner(QObject):
    """Threaded lanes: `submit(lane, fn)` where `fn(task)` runs on that lane's thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pools: dict[Lane, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._pools[lane] = pool
        self._live: set[Task] = set()

    def submit(
        self,
        lane: Lane,
        fn: Callable[[Task], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        description: str = "",
        before_start: Callable[[Task], object] | None = None,
    ) -> Task:
        """Queue `fn(task)` on `lane`; `before_start(task)` runs first, e.g. to connect to its progress."""
        task = Task(fn, description)
        self._wire(task, on_done, on_error)
        if before_start is not None:
            before_start(task)
        self._start(lane, task)
        return task

    def _wire(
        self, task: Task, on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None
    ) -> None:
        if on_done is not None:
            task.finished.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        self._live.add(task)
        was_idle = len(self._live) == 1
        task.done.connect(lambda: self._forget(task))
        if was_idle:
            self.busy_changed.emit(True)

    def _forget(self, task: Task) -> None:
        self._live.discard(task)
        if not self._live:
            self.busy_changed.emit(False)

    def _start(self, lane: Lane, task: Task) -> None:
        self._pools[lane].start(task.run)

    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for task in list(self._live):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every lane is empty (for shutdown and benchmarks, not for the GUI)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    @Slot()
    def shutdown(self) -> None:
        self.cancel_all()
        self.wait()


class SyncTaskRunner(TaskRunner):
    """Runs each task at once on the calling thread: deterministic tests."""

    def _start(self, lane: Lane, task: Task) -> None:
        task.run()
