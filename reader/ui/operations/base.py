"""The one road from the GUI into the core: an `Operations` object every widget is handed.

It owns the open library, the task lanes and the undo stack. The modules
beside it (`library`, `edits`, `labels`, `rules`, `reads`) hold one small
function per operation; each runs its core call on the right lane through
this object and, where it is an edit, pushes it on the undo stack. Every
saved change is broadcast once, as the `OpChanges` the core returned, on
`changed` (Anki's pattern); views refresh what it names.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.core.errors import UserError
from reader.core.library import Library
from reader.core.library import backup as backups
from reader.core.library.edits import ConflictError
from reader.core.library.opchanges import EVERYTHING, LIBRARY, OpChanges
from reader.core.library.storage import DISK_ERROR, DISK_FULL, READ_ONLY, SERVER_DOWN, WAL_LOST, storage_kind
from reader.ui.messages import error_text
from reader.ui.operations.commands import OperationCommand, Refused, StepState, Work
from reader.ui.operations.watcher import OwnWrites
from reader.ui.tasks import Lane, Task, TaskRunner


class Operations(QObject):
    library_opened = Signal(str)  # the library's location
    damaged = Signal(object)  # library.DamagedLibrary: asked to open, found damaged, left closed
    restored = Signal(object)  # backup.Restored, before the restored library is opened
    backed_up = Signal(str)  # the backup file written
    changed = Signal(object)  # OpChanges
    failed = Signal(str)  # a message for the user
    # edits.ConflictError: someone else saved a segment first; nothing of this app's text was saved
    conflict = Signal(object)
    # edits.SaveRefused: a person's correction the library did not take; the cell shows the saved text again
    save_refused = Signal(object)
    import_started = Signal(object)  # the Task, for progress and cancel
    import_finished = Signal(int)  # transcripts made
    transcripts_imported = Signal(object)  # list[int]: the ids of the transcripts an import made

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.library: Library | None = None
        self.location = ""
        self.undo_stack = QUndoStack(self)
        # Segment id -> versions this app's own saves made. Read and written on the
        # "write" lane only, where saves run one at a time.
        self.own_versions: dict[int, set[int]] = {}
        # What this app wrote and broadcast itself, for the change watcher to leave out.
        self.own_writes = OwnWrites()

    @classmethod
    def on_library(cls, runner: TaskRunner, lib: Library | None) -> Operations:
        """Operations on a library opened elsewhere (a test's, a benchmark's), with no notice sent."""
        ops = cls(runner)
        ops.library = lib
        ops.location = lib.url if lib is not None else ""
        return ops

    # running
    def read(self, fn: Callable[[Library], Any], on_done: Callable[[Any], None], lane: Lane = "read") -> Task | None:
        """`fn(library)` on `lane` (the "clean" lane when it needs the segmenter); nothing without a library."""
        if self.library is None:
            return None
        lib = self.library
        return self.runner.submit(lane, lambda task: fn(lib), on_done=on_done, on_error=self.report)

    def run(
        self,
        lane: Lane,
        fn: Callable[[Library, Task], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        description: str = "",
        before_start: Callable[[Task], object] | None = None,
    ) -> Task | None:
        """`fn(library, task)` with progress and cancel; errors go to `on_error`, else to `failed`."""
        if self.library is None:
            return None
        lib = self.library
        return self.runner.submit(
            lane, lambda task: fn(lib, task), on_done=on_done, on_error=on_error or self.report,
            description=description, before_start=before_start,
        )

    def background(
        self, fn: Callable[[], Any], on_error: Callable[[BaseException], None], on_done: Callable[[Any], None] | None = None
    ) -> Task:
        """Work that needs no library (writing a picture, checking a file) off the GUI thread."""
        return self.runner.submit("read", lambda task: fn(), on_done=on_done, on_error=on_error)

    def broadcast(self, changes: OpChanges) -> None:
        self.changed.emit(changes)

    def report(self, exc: BaseException) -> None:
        self.failed.emit(self.describe(exc))

    def describe(self, exc: BaseException) -> str:
        """One line for the person, in the interface's language where the library itself failed (no driver's text)."""
        kind = storage_kind(exc)
        if kind == DISK_FULL:
            return self.tr("The disk is full: nothing was saved.")
        if kind == READ_ONLY:
            return self.tr("The library is read-only: nothing was saved.")
        if kind == SERVER_DOWN:
            return self.tr("Cannot reach the PostgreSQL server: nothing was saved. Try again when it is back.")
        if kind == DISK_ERROR:
            return self.tr("The disk refused the write (full, or failing): nothing was saved.")
        if kind == WAL_LOST:
            return self.tr(
                "The library's -wal file was deleted while the library was open: nothing was saved. "
                "Close every program using the library and open it again."
            )
        if isinstance(exc, UserError):
            return error_text(exc)
        if type(exc).__module__.startswith(("sqlalchemy", "sqlite3", "psycopg")):
            return self.tr("The library could not be read or written: nothing was saved.")
        return f"{type(exc).__name__}: {exc}"

    # the library's life
    def opened(self, lib: Library) -> None:
        old, self.library = self.library, lib
        if old is not None:
            self.runner.submit("write", lambda task: old.close())
        self.location = lib.url
        self.undo_stack.clear()
        self.runner.submit("write", lambda task: self.own_versions.clear())
        self.own_writes.clear()
        self.library_opened.emit(self.location)
        self.broadcast(LIBRARY)

    def close(self, backup: bool = False) -> None:
        """Let go of the library after the work queued before; with `backup`, add it to its rolling backups first."""
        if self.library is None:
            return
        lib, self.library = self.library, None

        def work(task: Task) -> None:
            if backup:  # closed first: then the file's stamp tells whether it changed, without a copy
                backups.close_and_back_up(lib)
            else:
                lib.close()

        self.runner.submit("write", work, on_error=self.report, description="close library")

    # changing: every change is an undo step
    def push(
        self,
        text: str,
        do: Work,
        undo: Work,
        on_refused: Refused | None = None,
        after_first: Callable[[Any], None] | None = None,
    ) -> OperationCommand:
        """`after_first(state.value)` runs on the GUI thread once the first run is saved (to say what it did)."""
        command = OperationCommand(text, do, undo, self._submit_change, on_refused)
        command.after_first = after_first
        self.undo_stack.push(command)  # runs do() at once
        return command

    def push_recorded(
        self,
        text: str,
        make: Callable[[Library], Any],
        redo: Callable[[Library, Any], Any],
        undo: Callable[[Library, Any], Any],
        after_first: Callable[[Any], None] | None = None,
    ) -> OperationCommand:
        """An undo step whose first run keeps the record `make(lib)` returns; `redo(lib, record)` and
        `undo(lib, record)` replay it, and the record's own `changes` say what each run touched.
        `after_first(record)` runs on the GUI thread once the first run is saved (to say what it did)."""

        def do(lib: Library, state: StepState) -> OpChanges:
            if state.value is None:
                state.value = make(lib)
            else:
                redo(lib, state.value)
            return state.value.changes

        def take_back(lib: Library, state: StepState) -> OpChanges:
            undo(lib, state.value)
            return state.value.changes

        return self.push(text, do, take_back, after_first=after_first)

    def _submit_change(self, command: OperationCommand, work: Work) -> None:
        if self.library is None:
            return
        lib, state = self.library, command.state

        def run(task: Task) -> OpChanges:
            changes = work(lib, state)
            self.own_writes.add(changes)  # before the change log can show it to the watcher
            return changes

        undoing = command.is_undo(work)

        def done(changes: OpChanges) -> None:
            self.broadcast(changes)
            after, command.after_first = command.after_first, None
            if after is not None:
                after(state.value)

        self.runner.submit("write", run, on_done=done, on_error=lambda exc: self._change_failed(command, exc, undoing))

    def _change_failed(self, command: OperationCommand, exc: BaseException, undoing: bool = False) -> None:
        with contextlib.suppress(RuntimeError):  # the stack has deleted the step meanwhile (cleared, or a new change replaced its branch)
            command.refused()
        if isinstance(exc, ConflictError):
            self.conflict.emit(exc)
            self.broadcast(exc.changes)
            return
        if command.on_refused is None or not command.on_refused(exc, undoing):
            self.report(exc)
        # The library is unchanged; when it cannot be reached, rereading it would only fail again, once per view.
        if storage_kind(exc) is None:
            self.broadcast(EVERYTHING)
