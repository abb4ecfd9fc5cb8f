"""Noticing, in the app, what other people changed in a shared library.

A timer asks `changes.changes_since` on the "read" lane (never on the GUI
thread) and reports what others touched; what this app wrote itself comes
back too, which costs one refresh of rows already shown. A poll is one
indexed lookup, so every two seconds is cheap even for a server far away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.ui.tasks import TaskRunner

POLL_MS = 2000


class ChangeWatcher(QObject):
    # Segment ids whose content changed; transcript ids to reload whole (rows added,
    # removed or renumbered, title or rules changed, or the transcript removed).
    changed = Signal(frozenset, frozenset)
    # The library could not be asked (e.g. the server went away); polling goes on.
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, library: Callable[[], object | None], parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self._runner = runner
        self._library = library
        self._token: int | None = None
        self._watched = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    @property
    def token(self) -> int | None:
        """Where the watcher has read up to; None until its first look at the library."""
        return self._token

    def start(self) -> None:
        """Watch the library `library()` returns from now on (call again after opening another)."""
        self._token = None
        self._watched = None
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        lib = self._library()
        if lib is None or self._busy:
            return
        if lib is not self._watched:
            self._watched, self._token = lib, None
        self._busy = True
        token = self._token
        self._runner.submit(
            "read",
            lambda _task: _since(lib, token),
            lambda result: self._polled(lib, result),
            self._failed,
            description="look for others' changes",
        )

    def _polled(self, lib, result) -> None:
        self._busy = False
        if lib is not self._watched:
            return  # another library was opened meanwhile
        first = self._token is None
        self._token, segments, transcripts = result
        if not first and (segments or transcripts):
            self.changed.emit(segments, transcripts)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(str(exc))


def _since(lib, token):
    from reader.core.library.changes import changes_since

    return changes_since(lib, token)
