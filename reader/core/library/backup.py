"""Backups of a library: online copies, a rolling set kept by the app, and restore.

Copies are made with SQLite's online backup API, so they are consistent even
while another program writes, and every copy is checked (quick_check) before
it is kept. A copy is a single self-contained file (rollback journal mode,
no -wal beside it), named by the UTC time it was made.

Rolling backups live in `<data dir>/backups/<library name>-<hash of its
path>/`. The app makes one when it starts and when it closes, but only if the
library differs from the newest one; then it thins the folder to the 10
newest plus the newest of each of the last 7 days (at most 17 files).

Whether it differs is first asked of the file's stamp (file_state), kept in
the folder beside the backups when a close made one or found it equal: an
unchanged library (a million segments: 800 MB) is then not copied at all. At
start the app asks this before opening the library, and makes the backup
later, once the window is idle (ui/operations/library.py).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError

from reader.core.errors import UserError
from reader.core.library import file_state
from reader.core.library.backup_files import (
    STAMP,
    SUFFIX,
    backup_problem,
    backups_dir,
    dated_backups,
    library_file,
    list_backups,
    newest_good_backup,
    rescue_hint,
    sqlite_file,
)
from reader.core.library.db import Library, open_library, quick_check
from reader.core.library.sqlite_file import BUSY_TIMEOUT_MS
from reader.core.library.storage import storage_error
from reader.core.tempfiles import make_temp, remove_stale_temps, sync_folder

KEEP_NEWEST = 10
KEEP_DAYS = 7
# Beside the backups: the stamp of the library file the newest backup holds (file_state).
BACKED_UP_STAMP = "library-stamp.json"


@dataclass(frozen=True)
class Restored:
    library: Path
    # Where the damaged library's files were moved (None: it was sound, or there was none).
    set_aside: Path | None


def backup(lib: Library, path: str | Path) -> Path:
    """Copy the open library to `path` (a file, or a folder to put a dated file in).

    The copy is written beside its destination under a temporary name,
    checked, synced and only then renamed into place, so `path` never holds
    half a backup. Returns the file written.
    """
    source = sqlite_file(lib.url)
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / _dated_name(source)
    if not target.parent.is_dir():
        raise UserError("{path}", "the folder {folder} does not exist", path=str(path), folder=target.parent)
    if target.resolve() in (source, *(source.with_name(source.name + end) for end in ("-wal", "-shm"))):
        raise UserError("{path}", "is the library itself; give another file for the backup", path=str(path))
    temp = _copy_to_temp(lib, target.parent, str(path))
    os.replace(temp, target)
    sync_folder(target.parent)
    return target


def rolling_backup(lib: Library, now: datetime | None = None) -> Path | None:
    """Add a backup to the library's rolling set if it changed since the newest one, then thin the set.

    The app calls this when it starts and when it closes (off the GUI thread:
    a 10 MB library takes about 50 ms). Returns the new backup, or None when
    nothing changed, the library is damaged (it would only copy the damage)
    or it is not an SQLite file.
    """
    if not lib.is_sqlite or lib.damage is not None:
        return None
    folder = backups_dir(lib.url)
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(UTC)
    temp = _copy_to_temp(lib, folder, str(folder))
    existing = dated_backups(folder)
    # Two copies of an unchanged library are equal byte for byte (measured),
    # which also tells a change made by any other program.
    if existing and _same_bytes(temp, existing[0][1]):
        temp.unlink()
        made = None
    else:
        made = folder / _dated_name(sqlite_file(lib.url), now)
        os.replace(temp, made)
        sync_folder(folder)
    thin(folder, now)
    return made


def changed_since_backup(db: str | Path | None) -> bool:
    """False when the library file is provably the file its newest rolling backup was made from
    (or is on a server, which has no rolling backups); True when it may have changed."""
    path = library_file(db)
    if path is None:
        return False
    folder = backups_dir(path)
    now = file_state.stamp(path)
    return now is None or now != file_state.read(folder / BACKED_UP_STAMP) or not dated_backups(folder)


def close_and_back_up(lib: Library, now: datetime | None = None) -> Path | None:
    """Close `lib`, then add it to its rolling backups if it changed since the newest one.

    Closed, SQLite has folded the -wal into the file, whose stamp then tells
    an unchanged library without copying it; a changed one is copied and its
    stamp kept beside the backups. Returns the new backup, or None.
    """
    if lib.file is None:  # a server, or an sqlite:/// URL: no stamp to ask, the copy tells
        try:
            return rolling_backup(lib, now)
        finally:
            lib.close()
    lib.close()
    if lib.damage is not None or not changed_since_backup(lib.file):
        return None
    before = file_state.stamp(lib.file)
    with open_library(str(lib.file)) as again:  # sound when `lib` was: not checked again
        made = rolling_backup(again, now)
    if before is not None and file_state.stamp(lib.file) == before:
        file_state.write(backups_dir(lib.file) / BACKED_UP_STAMP, before)
    return made


def thin(folder: Path, now: datetime) -> list[Path]:
    """Delete the backups that the policy does not keep, and killed backups' temporary files; returns those deleted."""
    leftovers = remove_stale_temps(folder)
    backups = dated_backups(folder)
    keep = {path for _, path in backups[:KEEP_NEWEST]}
    days_kept = set()
    for when, path in backups:
        day = when.date()
        if (now.date() - day).days < KEEP_DAYS and day not in days_kept:
            days_kept.add(day)
            keep.add(path)
    dropped = [path for _, path in backups if path not in keep]
    for path in dropped:
        path.unlink(missing_ok=True)
    return leftovers + dropped


def damage_report(db: str | Path | None = None, *, trust_unchanged: bool = False) -> str | None:
    """What SQLite's quick_check finds wrong with a library file; None if sound, absent or on a server.

    The app asks this before opening a library; when it answers, the app
    offers `newest_good_backup` and writes nothing into the damaged file.
    `trust_unchanged`: None without reading the file when it is provably
    unchanged since it last passed (file_state; the app's start).
    """
    path = library_file(db)
    if path is None or not path.is_file():
        return None
    if trust_unchanged and file_state.known_sound(path):
        return None
    before = file_state.stamp(path)
    engine = create_engine("sqlite:///" + str(path), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    try:
        report = quick_check(engine)
    except DBAPIError as exc:
        return " ".join(str(exc.orig).split())
    finally:
        engine.dispose()
    if report is None:
        file_state.remember_sound(path, before)
    return report


def restore(path: str | Path, db: str | Path | None = None) -> Restored:
    """Make the library at `db` (None: the default) what the backup at `path` holds.

    The backup is checked first; a damaged one, or one from a newer version,
    is refused with nothing changed. A sound library is first added to its
    rolling backups (so a restore can be undone) and then overwritten through
    the backup API in one transaction: other programs with it open simply see
    the restored content, and a crash midway leaves it as it was. A damaged
    library, which SQLite could not be trusted to overwrite, is moved aside
    (`<name>.damaged-<time>`, with its -wal and -shm) and replaced by a
    checked copy of the backup, renamed into place.
    """
    problem = backup_problem(path)
    if problem is not None:
        raise UserError("{path}", "cannot restore this backup: {problem}; nothing was changed", path=str(path), problem=problem)
    target = sqlite_file(db)
    if not target.parent.is_dir():
        raise UserError("{path}", "the folder {folder} does not exist", path=str(target), folder=target.parent)
    if Path(path).resolve() == target:
        raise UserError("{path}", "is the library itself", path=str(path))
    if target.is_file() and damage_report(target) is None:
        _restore_into_sound_library(Path(path), target)
        return Restored(target, None)
    temp = _checked_copy(Path(path), target.parent, str(path))
    set_aside = _set_aside(target) if target.exists() else None
    os.replace(temp, target)
    sync_folder(target.parent)
    return Restored(target, set_aside)


# ---------------------------------------------------------------- internals


def _dated_name(library: Path, now: datetime | None = None) -> str:
    return f"{library.stem}-{(now or datetime.now(UTC)).strftime(STAMP)}{SUFFIX}"


def _copy_to_temp(lib: Library, folder: Path, what: str) -> Path:
    """An online backup of the library in a temporary file of `folder`, checked and synced."""
    raw = lib.engine.raw_connection()
    try:
        assert isinstance(raw.driver_connection, sqlite3.Connection)  # backups are of SQLite libraries only
        return _backup_api_copy(raw.driver_connection, folder, what)
    finally:
        raw.close()


def _checked_copy(source_file: Path, folder: Path, what: str) -> Path:
    source = sqlite3.connect(f"{source_file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return _backup_api_copy(source, folder, what)
    finally:
        source.close()


def _backup_api_copy(source: sqlite3.Connection, folder: Path, what: str) -> Path:
    # A killed backup leaves its temporary copy (as big as the library): the next one removes it.
    remove_stale_temps(folder)
    try:
        handle, temp = make_temp(folder)
    except OSError as exc:
        raise UserError("{path}", "cannot write here: {reason}", path=what, reason=exc.strerror or exc) from None
    os.close(handle)
    try:
        dest = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(dest)
            # One self-contained file: no -wal beside the copy to lose when it is moved.
            dest.execute("PRAGMA journal_mode=DELETE")
            found = [row[0] for row in dest.execute("PRAGMA quick_check(5)")]
        finally:
            dest.close()
        if found != ["ok"]:
            raise UserError("{path}", "the copy did not pass SQLite's quick_check: {found}", path=what, found="; ".join(found))
        with open(temp, "rb+") as handle_:
            os.fsync(handle_.fileno())
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error | OSError):
            mapped = storage_error(exc, what)
            raise UserError("{path}", "cannot make the backup: {reason}", path=what, reason=mapped.why_message if mapped else exc) from None
        raise
    return temp


def _restore_into_sound_library(backup_file: Path, target: Path) -> None:
    with open_library(str(target)) as lib:
        rolling_backup(lib)
    source = sqlite3.connect(f"{backup_file.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        # All pages in one step: one write transaction of the library, atomic.
        source.backup(dest)
    except sqlite3.Error as exc:
        raise UserError("{path}", "cannot restore into it: {error}; nothing was changed", path=str(target), error=exc) from None
    finally:
        dest.close()
        source.close()


def _set_aside(target: Path) -> Path:
    """Move a damaged library's files out of the way, keeping them for whoever wants to rescue more."""
    aside = target.with_name(f"{target.name}.damaged-{datetime.now(UTC).strftime(STAMP)}")
    for end in ("-wal", "-shm", ""):
        part = target.with_name(target.name + end)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + end))
    return aside


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            chunk = fa.read(1 << 20)
            if chunk != fb.read(1 << 20):
                return False
            if not chunk:
                return True


__all__ = [
    "KEEP_DAYS",
    "KEEP_NEWEST",
    "Restored",
    "backup",
    "backup_problem",
    "backups_dir",
    "changed_since_backup",
    "close_and_back_up",
    "damage_report",
    "library_file",
    "list_backups",
    "newest_good_backup",
    "rescue_hint",
    "restore",
    "rolling_backup",
    "thin",
]
