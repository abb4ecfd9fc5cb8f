"""Noticing, in the app, what other people changed in a shared library.

A timer asks `changes.changes_since` on the "read" lane (never on the GUI
thread) and reports what others touched. What this app wrote itself comes
back in the log too; the app has already broadcast it, so `OwnWrites` leaves
it out: one edit, one refresh. A poll is one indexed lookup, so every two
seconds is cheap even for a server far away.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.library import Library
from reader.core.library.changes import LogChanges, changes_since
from reader.core.library.opchanges import OpChanges
from reader.core.library.rows import segment_rows_by_id
from reader.ui.messages import error_text
from reader.ui.tasks import Task

if TYPE_CHECKING:  # the watcher is made by, and reads the library of, the Operations object
    from reader.ui.operations.base import Operations

POLL_MS = 2000


class OwnWrites:
    """Segments and transcripts this app's own saves changed and broadcast, until the change log shows them.

    Added on the "write" lane right after a save; taken on the GUI thread when a
    poll's answer arrives, hence the lock. Only what a poll actually saw is
    taken, so a poll that ran before the save leaves it for the next one.
    A segment whose text someone else saved after this app did is not left
    out: the poll reads its version, and only a version this app's own saves
    made (`Operations.own_versions`) counts as its own. Labels carry no
    version, so someone else labelling the very segment this app labelled
    between two polls shows with the next change of it. A change this app
    made to every transcript (a global rule, a renamed speaker) is not left
    out: it would hide others' changes to the transcripts it names.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._segments: set[int] = set()
        self._transcripts: set[int] = set()

    def add(self, changes: OpChanges) -> None:
        with self._lock:
            self._segments |= changes.segments
            if changes.structure or changes.library:
                self._transcripts |= changes.transcripts

    def pending(self, segments: frozenset[int]) -> frozenset[int]:
        with self._lock:
            return segments & self._segments

    def leave_out(
        self, segments: frozenset[int], transcripts: frozenset[int], others: frozenset[int] = frozenset()
    ) -> tuple[frozenset[int], frozenset[int]]:
        """What of a poll's answer others changed; `others`: segments known to hold someone else's later save."""
        with self._lock:
            own_segments = (segments & self._segments) - others
            own_transcripts = transcripts & self._transcripts
            self._segments -= own_segments
            self._transcripts -= own_transcripts
        return segments - own_segments, transcripts - own_transcripts

    def clear(self) -> None:
        with self._lock:
            self._segments.clear()
            self._transcripts.clear()


class ChangeWatcher(QObject):
    # Segment ids whose content changed; transcript ids to reload whole (rows added,
    # removed or renumbered, title or rules changed, or the transcript removed).
    changed = Signal(frozenset, frozenset)
    # The library could not be asked (e.g. the server went away); polling goes on.
    failed = Signal(str)

    def __init__(self, ops: Operations, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self._ops = ops
        self._token: int | None = None
        self._watched: Library | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    @property
    def token(self) -> int | None:
        """Where the watcher has read up to; None until its first look at the library."""
        return self._token

    def start(self) -> None:
        """Watch the operations' library from now on (call again after opening another)."""
        self._token = None
        self._watched = None
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        lib = self._ops.library
        if lib is None or self._busy:
            return
        if lib is not self._watched:
            self._watched, self._token = lib, None
        self._busy = True
        token = self._token
        own_writes, own_versions = self._ops.own_writes, self._ops.own_versions

        def look(_task: Task) -> tuple[LogChanges, frozenset[int]]:
            found = changes_since(lib, token)
            mine = own_writes.pending(found.segment_ids)
            # Of the segments this app saved, those whose version now is none of its own saves'.
            others = frozenset(
                row.id for row in (segment_rows_by_id(lib, mine) if mine else ())
                if row.version not in own_versions.get(row.id, {row.version})
            )
            return found, others

        self._ops.runner.submit(
            "read",
            look,
            lambda result: self._polled(lib, result),
            self._failed,
            description="look for others' changes",
        )

    def _polled(self, lib: Library, answer: tuple[LogChanges, frozenset[int]]) -> None:
        self._busy = False
        if lib is not self._watched:
            return  # another library was opened meanwhile
        result, others = answer
        first = self._token is None
        self._token = result.token
        segments, transcripts = self._ops.own_writes.leave_out(result.segment_ids, result.transcript_ids, others)
        if not first and (segments or transcripts):
            self.changed.emit(segments, transcripts)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(error_text(exc))
