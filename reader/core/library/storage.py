"""Why the library could not be read or written, when the reason lies outside the app.

A full disk, a read-only file, a stopped PostgreSQL server or a failing disk
reach the code as driver exceptions (sqlite3's, psycopg's, wrapped by
SQLAlchemy) with text no user should have to read. `storage_error` turns them
into a `StorageError`: one line for the command line, and a `kind` the app
translates into the interface's language. No SQLAlchemy import here: the
command line's fast path reads with the standard sqlite3 module.
"""

from __future__ import annotations

import errno
import sqlite3

from reader.core.errors import Msg, UserError

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
SERVER_DOWN = "server_down"
DISK_ERROR = "disk_error"
WAL_LOST = "wal_lost"

_WRITING = {
    DISK_FULL: Msg("the disk is full: nothing was saved"),
    READ_ONLY: Msg("the library is read-only: nothing was saved"),
    SERVER_DOWN: Msg("cannot reach the PostgreSQL server: nothing was saved; try again when it is back"),
    DISK_ERROR: Msg("the disk refused the write (full, or failing): nothing was saved"),
    WAL_LOST: Msg(
        "the library's -wal file was deleted or replaced while it was open: nothing was saved; "
        "close every program using it and open it again"
    ),
}
_READING = {
    **_WRITING,
    SERVER_DOWN: Msg("cannot reach the PostgreSQL server; try again when it is back"),
    DISK_ERROR: Msg("the disk could not be read or written (full, or failing?)"),
}
# PostgreSQL error classes that mean the connection, not the statement, failed:
# 08 connection exceptions, 57P01-57P03 the server shutting down or starting.
_PG_GONE = ("08", "57P01", "57P02", "57P03")
_LOGIN_REFUSED = ("password", "authentication", "does not exist", "permission denied", "role ")


class StorageError(UserError):
    """The library could not be read or written; `kind` says why (one of the constants above)."""

    def __init__(self, what: str, kind: str, writing: bool = True, doing: str | Msg = ""):
        self.kind = kind
        # `doing`: what failed, said first ("cannot open the library").
        reason = (_WRITING if writing else _READING)[kind]
        super().__init__(what, Msg("{doing}: {reason}", doing=doing, reason=reason) if str(doing) else reason)


def storage_kind(exc: BaseException) -> str | None:
    """Which outside reason an exception of a database driver (or of SQLAlchemy around it) stands for; None for others."""
    if isinstance(exc, StorageError):
        return exc.kind
    if getattr(exc, "connection_invalidated", False):  # SQLAlchemy: the connection died under the statement
        return SERVER_DOWN
    error = getattr(exc, "orig", None) or exc
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return DISK_FULL
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return READ_ONLY
        return None
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", "") or ""
        if name == "SQLITE_FULL" or "database or disk is full" in str(error):
            return DISK_FULL
        if name.startswith("SQLITE_READONLY") or "readonly database" in str(error):
            return READ_ONLY
        if name.startswith("SQLITE_IOERR") or "disk I/O error" in str(error):
            return DISK_ERROR
        return None
    if type(error).__module__.startswith("psycopg") and type(error).__name__ in ("OperationalError", "InterfaceError"):
        state = getattr(error, "sqlstate", None)
        if state is not None and state.startswith(_PG_GONE):
            return SERVER_DOWN
        # Errors before a session exists carry no state: tell a server that is not there from a refused login.
        if state is None and not any(word in str(error).lower() for word in _LOGIN_REFUSED):
            return SERVER_DOWN
    return None


def storage_error(exc: BaseException, what: str, writing: bool = True, doing: str | Msg = "") -> StorageError | None:
    """The `StorageError` an exception stands for, or None when it is something else."""
    kind = storage_kind(exc)
    return None if kind is None else StorageError(what, kind, writing, doing)
