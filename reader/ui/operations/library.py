"""Operations on the library as a whole: open, back up, restore, import, who revisions name, servers."""

from __future__ import annotations

import contextlib
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from reader.core.errors import UserError
from reader.core.library import ImportCancelled, Library, db, import_file, import_seeds_if_new, models, open_library
from reader.core.library import backup as backups

# Re-exported: the views name them.
from reader.core.library.backup import Restored as Restored
from reader.core.library.db import ServerCheck as ServerCheck
from reader.core.library.importer import transcript_files
from reader.core.library.opchanges import LIBRARY, OpChanges
from reader.ui.messages import error_text
from reader.ui.operations.base import Operations
from reader.ui.tasks import Task

current_user = models.current_user
backups_dir = backups.backups_dir
# The check before the first write and the rolling backup at start wait this long after the library
# opened, and again while any lane works: reading and copying a big library (800 MB for a million
# segments) must not slow the first screens, and the first edit then need not wait for the check.
WHEN_IDLE_MS = 1500
# The search index is brought up to date while idle in slices of about this long (one transaction each).
INDEX_SLICE_S = 0.2


@dataclass(frozen=True)
class DamagedLibrary:
    """A library file that failed SQLite's quick_check: it was not opened and nothing was written into it."""

    location: str
    report: str  # what SQLite found
    backup: Path | None  # the newest rolling backup that passes integrity_check
    backup_made: datetime | None  # when that backup was written (local time)


# opening
def open(ops: Operations, location: str | None, import_seeds: bool = False) -> None:  # shadows the builtin: the menu's word
    """Open the library at `location`, unless it is damaged: then `damaged` is emitted and the open library stays."""

    def finished(result: tuple[Library, bool] | DamagedLibrary) -> None:
        if isinstance(result, DamagedLibrary):
            ops.damaged.emit(result)
            return
        lib, changed = result
        ops.opened(lib)
        _prepare_when_idle(ops, lib, back_up=changed)  # changed since its newest rolling backup
        index_when_idle(ops)

    ops.runner.submit(
        "write",
        lambda task: _open_unless_damaged(location, import_seeds, task),
        on_done=finished,
        on_error=ops.report,
        description="open library",
    )


def _open_unless_damaged(location: str | None, import_seeds: bool, task: Task) -> tuple[Library, bool] | DamagedLibrary:
    """The library and whether it changed since its newest rolling backup (asked before opening it:
    the file's stamp tells only while no -wal is beside it), or what is damaged."""
    # quick_check reads the whole file (1 s for a million segments): not for a file unchanged since it passed.
    report = backups.damage_report(location, trust_unchanged=True)
    if report is not None:
        newest = backups.newest_good_backup(location)
        made = datetime.fromtimestamp(newest.stat().st_mtime) if newest is not None else None
        return DamagedLibrary(str(location), report, newest, made)
    changed = backups.changed_since_backup(location)
    lib = open_library(location, checked=True)  # checked just now, or unchanged since it passed
    if import_seeds:
        with contextlib.suppress(ImportCancelled):  # quitting during the first start: the samples not yet in come next time
            import_seeds_if_new(lib, cancel=task.cancelled)
    return lib, changed


def _when_idle(
    ops: Operations, lib: Library, run: Callable[[], object], gone: Callable[[], object] = lambda: None, delay: int = WHEN_IDLE_MS
) -> None:
    """`run()` once no lane works, `delay` ms from now at the earliest; `gone()` instead if `lib` was closed first."""

    def attempt() -> None:
        if ops.library is not lib:
            gone()
        elif ops.runner.busy():
            QTimer.singleShot(WHEN_IDLE_MS, ops, attempt)
        else:
            run()

    QTimer.singleShot(delay, ops, attempt)


def _prepare_when_idle(ops: Operations, lib: Library, back_up: bool) -> None:
    """Once the window is idle, run the check the first write needs, then add `lib` to its rolling
    backups if `back_up`, unless it was closed first (closing backs it up)."""

    def prepare(_task: Task) -> None:
        lib.check_before_writing()  # damage is said now, not at the person's first edit
        if back_up:
            backups.rolling_backup(lib)

    _when_idle(ops, lib, lambda: ops.runner.submit("write", prepare, on_error=ops.report, description="check and back up library"))


def index_when_idle(ops: Operations) -> None:
    """Bring the search index up to date a slice (one transaction) at a time while no lane works:
    whole-library find and search then answer from the index instead of reading what an import
    queued segment by segment. Each slice holds the cleaning lane well under a second."""
    lib = ops.library
    if lib is None or ops in _indexing:
        return
    _indexing.add(ops)

    def index_a_slice(lib: Library, task: Task) -> tuple[int, int]:
        from reader.core.library import search

        started = time.monotonic()
        done = search.update_index(lib, cancel=lambda: task.cancelled() or time.monotonic() - started > INDEX_SLICE_S, workers=False)
        return done, search.pending_count(lib)

    def stop(*_: object) -> None:
        # Errors are not worth a word: a search brings the index up to date and says why it cannot.
        _indexing.discard(ops)

    def sliced(result: tuple[int, int]) -> None:
        done, left = result
        if done and left:  # nothing done: read-only, damaged or cancelled; it waits for the next search
            next_slice(0)
        else:
            stop()

    def run_slice() -> None:
        if ops.run("clean", index_a_slice, on_done=sliced, on_error=stop, description="index for search") is None:
            stop()

    def next_slice(delay: int) -> None:
        _when_idle(ops, lib, run_slice, gone=stop, delay=delay)

    next_slice(WHEN_IDLE_MS)


_indexing: weakref.WeakSet[Operations] = weakref.WeakSet()


# backups
def back_up(ops: Operations, path: str) -> None:
    """Copy the open library to `path` (after the changes queued before); `backed_up` tells the file."""
    ops.run("write", lambda lib, task: str(backups.backup(lib, path)), on_done=ops.backed_up.emit, description="back up library")


def restore(ops: Operations, backup_file: str, location: str) -> None:
    """Make the library at `location` what `backup_file` holds, then open it afresh.

    The open library is closed first: a restore rewrites the change log
    the change watcher reads, so it starts again on the reopened library.
    A refused backup changes nothing and the library is opened as it was.
    """
    ops.close()

    def restored(result: backups.Restored) -> None:
        ops.restored.emit(result)
        open(ops, location)

    def refused(exc: BaseException) -> None:
        ops.report(exc)
        open(ops, location)

    ops.runner.submit(
        "write", lambda task: backups.restore(backup_file, location), on_done=restored, on_error=refused, description="restore"
    )


# importing
# The files each running import has brought in so far (whole: each in its own transaction),
# for a person quitting midway to be told which. Written on the write lane, read on the GUI thread.
_imported_so_far: weakref.WeakKeyDictionary[Task, list[str]] = weakref.WeakKeyDictionary()


def imported_so_far(task: Task) -> list[str]:
    return list(_imported_so_far.get(task, ()))


def import_files(ops: Operations, paths: list[str]) -> Task | None:
    """Import files and folders dropped or chosen by the user, each file in its own transaction.

    `transcripts_imported(ids)` names the transcripts made (the window opens the first).
    """
    if not paths:
        return None

    def work(lib: Library, task: Task) -> tuple[int, list[str], OpChanges, list[int]]:
        made, notes, changes = 0, [], LIBRARY
        ids: list[int] = []
        done = _imported_so_far.setdefault(task, [])
        try:
            files = transcript_files(paths, skipped=lambda exc: notes.append(error_text(exc)))
        except UserError as exc:
            return 0, [error_text(exc)], changes, ids
        for i, path in enumerate(files):
            if task.cancelled():
                break
            task.report(i, len(files))
            # One file: its segments make the progress; several: the files do.
            progress = task.report if len(files) == 1 else None
            try:
                result = import_file(lib, path, progress=progress, cancel=task.cancelled)
            except UserError as exc:
                notes.append(error_text(exc))
                continue
            except ImportCancelled:
                break
            if result.already_imported:
                notes.append(QCoreApplication.translate("Controller", "%1: already in the library").replace("%1", str(path)))
            else:
                made += len(result.transcripts)
                ids += [t.id for t in result.transcripts]
                done.append(str(path))
                changes |= result.changes
                ops.own_writes.add(result.changes)
        return made, notes, changes, ids

    def imported(result: tuple[int, list[str], OpChanges, list[int]]) -> None:
        made, notes, changes, ids = result
        if notes:
            ops.failed.emit("\n".join(notes))
        if ids:
            ops.transcripts_imported.emit(ids)
        ops.broadcast(changes)
        ops.import_finished.emit(made)
        if made:
            index_when_idle(ops)

    def failed(exc: BaseException) -> None:
        ops.report(exc)
        ops.broadcast(LIBRARY)
        ops.import_finished.emit(0)

    return ops.run("write", work, on_done=imported, on_error=failed, description="import", before_start=ops.import_started.emit)


# who revisions name
def set_author(ops: Operations, name: str | None) -> None:
    """Who this app's revisions name from now on (None: the OS user); set on the write lane, before later saves."""
    ops.runner.submit("write", lambda task: models.set_author(name), on_error=ops.report, description="set author")


# servers
def test_server(
    ops: Operations, url: str, password: str, on_done: Callable[[db.ServerCheck], None], on_error: Callable[[BaseException], None]
) -> None:
    """What the database at `url` holds (a library, nothing, something else), without opening it."""

    def work(_task: Task) -> db.ServerCheck:
        if password:
            db.use_password(url, password)
        return db.check_server(url)

    ops.runner.submit("read", work, on_done, on_error, description="test connection")


def use_password(url: str, password: str) -> None:
    """The password for `url` in this session (kept in memory, not written anywhere)."""
    db.use_password(url, password)


def save_password(
    ops: Operations, url: str, password: str, on_done: Callable[[object], None], on_error: Callable[[BaseException], None]
) -> None:
    ops.runner.submit("write", lambda _task: db.save_password(url, password), on_done, on_error, description="save password")
