"""A library file as SQLite sees it: connecting, looking before writing, checking.

Nothing here writes to a file before it is known to be a transcript-reader
library: the first look uses a connection that sets no journal mode (WAL is a
change of the file's header), a file the user cannot write is opened read
only, and one on a read-only mount immutable (SQLite could not create its
`-shm` there). Standard sqlite3 only: the command line's fast path reads a
current library without importing SQLAlchemy.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_MS = 10_000
# How a file the user cannot write is opened: "ro" (the folder is writable,
# SQLite can keep its -shm there) or "immutable" (a read-only folder or mount).
READ_ONLY, IMMUTABLE = "ro", "immutable"

# A value whose bytes are not UTF-8 (a flipped bit) is read with U+FFFD in
# their place instead of stopping every read of its table; `check` names it.
decode_text = functools.partial(str, encoding="utf-8", errors="replace")


def file_access(path: Path) -> str | None:
    """None for a library file this process can write, else how to open it read only."""
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return None
    return READ_ONLY if os.access(path.parent, os.W_OK) else IMMUTABLE


def connect_file(path: Path, access: str | None = None, *, wal: bool = True) -> sqlite3.Connection:
    """A plain sqlite3 connection to a library file, set up as the engine's are.

    `access` opens it read only (see `file_access`); `wal=False` leaves the
    journal mode alone, for a first look at a file that may not be a library.
    """
    if access is None:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        flag = "mode=ro" if access == READ_ONLY else "immutable=1"
        conn = sqlite3.connect(f"{path.as_uri()}?{flag}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        set_up(conn, wal=wal and access is None)
    except BaseException:
        conn.close()
        raise
    return conn


def set_up(dbapi_connection: sqlite3.Connection, *, wal: bool) -> None:
    # Let SQLAlchemy's "begin" event, not the sqlite3 module, start
    # transactions, so writes can BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    dbapi_connection.text_factory = decode_text
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if wal:
        cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: an edit the user saw saved survives a power cut, WAL or not.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def damage(execute: Callable[[str], Iterable[Any]], database_error: type[Exception], pragma: str = "quick_check") -> str | None:
    """SQLite's `quick_check` (or `integrity_check`) through `execute` (sqlite3's or SQLAlchemy's),
    whose errors are `database_error`: None when sound, else the first problems."""
    try:
        found = [row[0] for row in execute(f"PRAGMA {pragma}(5)")]
    except database_error as exc:
        # A page so broken that the check itself stops; "not a database"
        # (a wiped header) is left to the caller's "cannot open".
        error = getattr(exc, "orig", exc)  # SQLAlchemy's DBAPIError wraps sqlite3's
        if getattr(error, "sqlite_errorname", "") != "SQLITE_CORRUPT":
            raise
        return " ".join(str(error).split())
    return None if found == ["ok"] else "; ".join(found)


def file_revisions(conn: sqlite3.Connection) -> set[str]:
    """The schema revision(s) stored in a library file, read without Alembic; empty for a new file."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone() is None:
        return set()
    return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def wal_inode(path: Path) -> int | None:
    """The inode of a library's -wal file, None when there is none."""
    try:
        return os.stat(path.with_name(path.name + "-wal")).st_ino
    except FileNotFoundError:
        return None
