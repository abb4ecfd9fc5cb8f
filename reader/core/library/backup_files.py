"""The rolling backups of a library file as they lie on disk: where, which, and which are sound.

Kept apart from `backup.py`, which makes and restores them with an open
library, because opening a library (`db.py`) names the newest good backup
when the file turns out damaged: this module needs no library open.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reader.core import paths
from reader.core.errors import Msg, UserError
from reader.core.library.migrations import known_schemas

# Backups are named `<library name>-<UTC time made>.sqlite3`.
STAMP = "%Y%m%dT%H%M%S%fZ"
SUFFIX = ".sqlite3"


def library_file(db: str | Path | None = None) -> Path | None:
    """The SQLite file of a library location (None means the default); None for a server URL."""
    target = str(db or paths.default_db())
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    elif "://" in target:
        return None
    return Path(target).expanduser().resolve()


def backups_dir(db: str | Path | None = None) -> Path:
    """The folder of a library file's rolling backups (not created)."""
    path = sqlite_file(db)
    tag = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:8]
    return paths.data_dir() / "backups" / f"{path.stem}-{tag}"


def list_backups(db: str | Path | None = None) -> list[Path]:
    """A library's rolling backups, newest first."""
    folder = backups_dir(db)
    return [path for _, path in dated_backups(folder)] if folder.is_dir() else []


def newest_good_backup(db: str | Path | None = None) -> Path | None:
    """The newest rolling backup of a library file that passes SQLite's integrity_check."""
    if library_file(db) is None:
        return None
    return next((path for path in list_backups(db) if backup_problem(path) is None), None)


def rescue_hint(db: str | Path | None = None) -> str:
    """A sentence naming the newest good backup of a library and how to restore it ('' if none)."""
    return str(rescue_hint_msg(db))


def rescue_hint_msg(db: str | Path | None = None) -> Msg:
    newest = newest_good_backup(db)
    if newest is None:
        return Msg("")
    return Msg(
        " The newest good backup is {backup}; restore it with: transcript-reader --db {db} restore {backup}",
        backup=newest, db=library_file(db),
    )


def backup_problem(path: str | Path) -> Msg | None:
    """Why a file cannot be restored (not found, damaged, not a library, too new); None if it can."""
    path = Path(path)
    if not path.is_file():
        return Msg("no such file")
    try:
        # Read only: checking a backup never changes it.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
            if found != ["ok"]:
                return Msg("damaged: {found}", found="; ".join(found))
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                return Msg("not a transcript-reader library")
            schemas = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return Msg("damaged: {error}", error=exc)
    if not schemas:
        return Msg("not a transcript-reader library")
    if not schemas <= known_schemas():
        return Msg("made by a newer version of transcript-reader; update the app to restore it")
    return None


def sqlite_file(db: str | Path | None) -> Path:
    path = library_file(db)
    if path is None:
        raise UserError("{db}", "backups are made of SQLite libraries; back up a server's database with its own tools", db=str(db))
    return path


def dated_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """(time made, file) of the backups in a folder, newest first; other files are left alone."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        stamp = path.name[: -len(SUFFIX)].rpartition("-")[2]
        try:
            found.append((datetime.strptime(stamp, STAMP).replace(tzinfo=UTC), path))
        except ValueError:
            continue
    return sorted(found, reverse=True)
