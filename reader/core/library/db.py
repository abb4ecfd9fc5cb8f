"""Opening a library: engine, connection settings, schema migrations, sessions.

SQLAlchemy (~170 ms to import) is imported in the functions that use it, not
here: a short command on a current SQLite library (`transcript-reader list`)
checks and reads it with the standard sqlite3 module and answers in a few tens
of ms. Alembic runs only when the stored schema revision is not `HEAD_REVISION`.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core import paths
from reader.core.errors import Msg, UserError
from reader.core.library import file_state, sqlite_file
from reader.core.library.backup_files import rescue_hint_msg
from reader.core.library.migrations import (
    HEAD_REVISION,
    known_schemas,
    schema_heads,
    upgrade,
)
from reader.core.library.server import ServerCheck as ServerCheck
from reader.core.library.server import check_server as check_server
from reader.core.library.server import save_password as save_password
from reader.core.library.server import session_password
from reader.core.library.server import use_password as use_password
from reader.core.library.sqlite_file import BUSY_TIMEOUT_MS, connect_file, file_access, file_revisions, wal_inode
from reader.core.library.storage import READ_ONLY, WAL_LOST, StorageError, storage_error
from reader.core.tempfiles import make_temp, remove_stale_temps, sync_folder, umask_mode

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

# After busy_timeout ran out this many times in a row, a writer gives up with a
# message instead of waiting for ever behind another program's long write.
WRITE_LOCK_ATTEMPTS = 3
CONNECT_TIMEOUT_S = 10
# PostgreSQL: the key of the advisory lock every writer holds until it commits
# (any fixed number; it only has to be the same for every copy of the app).
PG_WRITE_LOCK = 0x7472_6164  # "trad"
PG_LOCK_NOT_AVAILABLE = "55P03"


class Library:
    """An open library. Sessions are short: one per read or per unit of work."""

    def __init__(
        self,
        engine: Engine | None = None,
        damage: str | None = None,
        *,
        file: Path | None = None,
        access: str | None = None,
        sound: bool = False,
    ):
        # A library file opened current (or damaged) gets its engine at the
        # first session: `read_rows` alone never imports SQLAlchemy.
        self._engine = engine
        self._engine_lock = threading.Lock()
        self.file = file
        # A file this process cannot write: opened read only (sqlite_file.file_access).
        self.access = access
        # The full integrity_check runs once, before the first write of this Library.
        self._checked_for_writing = False
        # The file passed SQLite's check when opened (or was provably unchanged since it last did):
        # closing it records its state (file_state), so the next open need not read it all again.
        self.sound = sound
        # Which file that was: one renamed over it meanwhile (a sync tool) was never checked.
        self._opened_as = file_state.identity(file) if file is not None else None
        self._wal_lost = False
        if file is not None:
            self.url = "sqlite:///" + str(file)
            self.is_sqlite = True
        elif engine is not None:
            self.url = engine.url.render_as_string(hide_password=True)
            self.is_sqlite = engine.dialect.name == "sqlite"
        else:
            raise ValueError("a Library needs an engine or a file")
        # What `quick_check` found wrong; a damaged library is opened for
        # reading only (check, rescue), never written to.
        self.damage = damage

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                assert self.file is not None
                self._engine = _engine(str(self.file)) if self.access is None else _read_only_engine(self.file, self.access)
            return self._engine

    @property
    def read_only(self) -> bool:
        return self.access is not None

    @functools.cached_property
    def _write_engine(self) -> Engine:
        # On SQLite a writer takes the write lock at BEGIN: a transaction that
        # read first and upgraded later would fail with "database is locked"
        # as soon as another process committed in between.
        return self.engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        _refuse_writes_in_read_sessions()
        # Closing (not rolling back) ends the transaction but leaves loaded
        # objects readable after the block, detached.
        with self._storage_errors(writing=False), Session(self.engine, autoflush=False, info={"read_only": True}) as session:
            yield session

    def read_rows(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of one read-only SQL statement (portable SQL, no parameters).

        On a library file this needs neither SQLAlchemy nor the models, which
        take ~250 ms to import before a session can read anything.
        """
        if self.file is None:
            with self.read() as session:
                return [tuple(row) for row in session.connection().exec_driver_sql(sql)]
        with self._storage_errors(writing=False), closing(connect_file(self.file, self.access)) as conn:
            conn.execute("PRAGMA query_only=ON")
            return conn.execute(sql).fetchall()

    @contextmanager
    def _storage_errors(self, writing: bool) -> Iterator[None]:
        """A full disk, a read-only file or a stopped server becomes one `StorageError`, not a driver's traceback."""
        try:
            yield
        except (sqlite3.Error, _dbapi_error()) as exc:
            mapped = storage_error(exc, self.url, writing)
            if mapped is None:
                raise
            raise mapped from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        from sqlalchemy.orm import Session

        if self.access is not None:
            raise StorageError(self.url, READ_ONLY)
        if self._wal_lost:
            raise StorageError(self.url, WAL_LOST)
        self.check_before_writing()
        with self._storage_errors(writing=True), Session(self._write_engine, expire_on_commit=False) as session:
            self._take_write_lock(session)
            if self.file is not None:
                self._check_wal(session, self.file)
            try:
                yield session
            except BaseException:
                session.rollback()
                raise
            session.commit()

    def check_before_writing(self) -> None:
        """Refuse (`UserError`) a damaged library. Before the first write that needs SQLite's full
        integrity_check (a second or two at a million segments): the app runs it when idle, so a
        person's first edit does not wait for it."""
        if self.file is not None and self.access is None and not self._checked_for_writing:
            self._check_before_writing(self.file)
        if self.damage is not None:
            raise UserError(
                "{db}", "the library is damaged ({damage}); nothing will be written to it.{hint}",
                db=self.url, damage=self.damage, hint=rescue_hint_msg(self.url),
            )

    def _check_before_writing(self, path: Path) -> None:
        """SQLite's full integrity_check before the first write: quick_check, run at every open,
        does not compare indexes with their tables, and a write through a broken index spreads the damage."""
        with self._storage_errors(writing=False), closing(connect_file(path)) as conn:
            found = sqlite_file.damage(conn.execute, sqlite3.Error, "integrity_check")
        self._checked_for_writing = True
        if found is not None:
            self.damage = found
            file_state.forget_sound(path)

    def _check_wal(self, session: Session, path: Path) -> None:
        """Refuse to write when the -wal file this connection writes into was deleted or replaced.

        SQLite keeps writing into its open (deleted) file and every later
        reader misses those writes: they would be acknowledged and lost.
        """
        info = session.connection().connection.info
        inode = wal_inode(path)
        seen = info.setdefault("wal_inode", inode)
        if inode is not None and inode == seen:
            return
        if inode is None and seen is None:
            # No -wal at this connection's first write: a file system without WAL, or the file is gone.
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
            if mode != "wal":
                return
        self._wal_lost = True
        session.rollback()
        raise StorageError(self.url, WAL_LOST)

    def _take_write_lock(self, session: Session) -> None:
        from sqlalchemy.exc import OperationalError

        # Take the write lock now, not at the first statement, so waiting for
        # another writer happens here, before anything was done, where giving
        # up or trying again is safe.
        for _ in range(WRITE_LOCK_ATTEMPTS):
            try:
                connection = session.connection()
                if not self.is_sqlite:
                    _take_pg_write_lock(connection)
                return
            except OperationalError as exc:
                session.rollback()
                if not _is_busy(exc):
                    raise
        raise UserError(
            self.url,
            Msg(
                "another program kept the library busy for {seconds} s; nothing was changed, try again",
                seconds=WRITE_LOCK_ATTEMPTS * BUSY_TIMEOUT_MS // 1000,
            ),
        )

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        # Sound when opened, and written since only through SQLite after the full check
        # before the first write. No -wal left (stamp None otherwise): nobody else has it open.
        if self.file is not None and self.sound and self.damage is None and not self._wal_lost:
            now = file_state.stamp(self.file)
            if now is not None and now[:2] == self._opened_as:
                file_state.remember_sound(self.file, now)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@functools.cache
def _refuse_writes_in_read_sessions() -> None:
    """Registered once, with the first read session."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    @event.listens_for(Session, "before_flush")
    def refuse(session: Session, flush_context: object, instances: object) -> None:
        if session.info.get("read_only"):
            raise RuntimeError("Library.read() sessions are read only; use Library.write()")


@functools.cache
def _dbapi_error() -> type[Exception]:
    from sqlalchemy.exc import DBAPIError

    return DBAPIError


def _take_pg_write_lock(connection: Connection) -> None:
    """One writer at a time, as SQLite's BEGIN IMMEDIATE gives: every operation
    reads, checks and writes as if alone (split renumbering a transcript,
    correction versions), and readers are never blocked. Held until commit."""
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


def _is_busy(exc: OperationalError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == PG_LOCK_NOT_AVAILABLE:
        return True
    return getattr(exc.orig, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc.orig)


def open_library(db: str | None = None, *, damaged_ok: bool = False, checked: bool = False) -> Library:
    """Open (creating or migrating as needed) the library at a path or SQLAlchemy URL.

    None means `paths.default_db()`. Raises `UserError` for a location that
    cannot be opened, a file that is not a library, a library written by a
    newer version of the app (which is left untouched), or a damaged SQLite
    library (SQLite's quick_check fails; the message names the newest good
    backup). With `damaged_ok` a damaged library opens read only, for `check`.
    `checked`: the caller has just run that check (`backup.damage_report`), which
    reads the whole file; it is not run twice. Nor is it run on a file provably
    unchanged since it last passed it (`file_state`).
    """
    target = db or paths.default_db()
    if "://" in target:
        return _open_url(target, damaged_ok)
    path = _library_file(target)
    if not path.exists():
        _create_library(path, target)
        return Library(file=path, sound=True)
    if path.is_file() and path.stat().st_size == 0:
        raise UserError(
            "{db}", "the file is empty, not a transcript-reader library; nothing was changed (give a new file's name to make a library)",
            db=target,
        )
    access = file_access(path)
    before = file_state.stamp(path)
    trusted = checked or file_state.known_sound(path)
    try:
        # A first look that writes nothing: no journal mode is set before the file is known to be a library.
        with closing(connect_file(path, access, wal=False)) as conn:
            damage = None if trusted else sqlite_file.damage(conn.execute, sqlite3.Error)
            current = file_revisions(conn) if damage is None else set()
            foreign = damage is None and not current and sqlite_file.has_tables(conn)
    except sqlite3.Error as exc:
        mapped = storage_error(exc, target, writing=False)
        why = mapped.why_message if mapped is not None else Msg("cannot open the library: {error}", error=" ".join(str(exc).split()))
        raise UserError("{db}", "{reason}.{hint}", db=target, reason=why, hint=rescue_hint_msg(target)) from None
    if damage is not None:
        if not damaged_ok:
            raise UserError(
                "{db}", "the library is damaged ({damage}); nothing will be written to it.{hint}",
                db=target, damage=damage, hint=rescue_hint_msg(target),
            )
        return Library(damage=damage, file=path, access=access)
    if not trusted and current:
        file_state.remember_sound(path, before)
    if current == {HEAD_REVISION}:
        return Library(file=path, access=access, sound=True)
    if not current:
        what = Msg("it holds other tables") if foreign else Msg("an empty SQLite database")
        raise UserError("{db}", "not a transcript-reader library ({holding}); nothing was changed", db=target, holding=what)
    if access is not None:
        raise UserError(
            "{db}", "the library is read-only and made by another version of transcript-reader; it cannot be upgraded here", db=target,
        )
    # Older or newer: Alembic decides.
    engine = _engine(target)
    with _disposed_on_error(engine, target):
        _migrate(engine, target)
    return Library(engine, file=path, sound=True)


def _create_library(path: Path, target: str) -> None:
    """Make a new library at `path` whole or not at all: built in a temporary file, then linked into place.

    A kill midway leaves a temporary file (removed by the next writer in the
    folder), never a half-made or empty library that the next open would
    have to tell from another program's file. Two programs creating it at
    once: the second finds the first's and uses it.
    """
    folder = path.parent
    remove_stale_temps(folder)
    try:
        handle, temp = make_temp(folder)
    except OSError as exc:
        mapped = storage_error(exc, target)
        raise UserError(
            "{db}", mapped.why_message if mapped else Msg("cannot make a library here: {reason}", reason=exc.strerror or exc), db=target
        ) from None
    os.close(handle)
    try:
        engine = _engine(str(temp))
        try:
            with _disposed_on_error(engine, target):
                _migrate(engine, target)
        finally:
            engine.dispose()
        with open(temp, "rb+") as synced:
            os.fsync(synced.fileno())
        os.chmod(temp, umask_mode(0o666))
        with suppress(FileExistsError):  # a library made meanwhile by another program is kept
            os.link(temp, path)  # unlike a rename, never replaces one
        sync_folder(folder)
    except OSError as exc:
        mapped = storage_error(exc, target)
        raise UserError(
            "{db}", mapped.why_message if mapped else Msg("cannot make a library here: {reason}", reason=exc.strerror or exc), db=target
        ) from None
    finally:
        for end in ("", "-wal", "-shm", "-journal"):
            temp.with_name(temp.name + end).unlink(missing_ok=True)


def _open_url(target: str, damaged_ok: bool) -> Library:
    engine = _engine(target)
    shown = engine.url.render_as_string(hide_password=True)
    with _disposed_on_error(engine, shown, shown):
        damage = quick_check(engine)
        if damage is not None:
            if not damaged_ok:
                raise UserError(
                    "{db}", "the library is damaged ({damage}); nothing will be written to it.{hint}",
                    db=shown, damage=damage, hint=rescue_hint_msg(target),
                )
            return Library(engine, damage)
        _migrate(engine, shown)
    return Library(engine)


@contextmanager
def _disposed_on_error(engine: Engine, target: str, shown: str | None = None) -> Iterator[None]:
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        engine.dispose()
        mapped = storage_error(exc, shown or target, writing=False, doing=Msg("cannot open the library"))
        if mapped is not None:
            raise mapped from None
        raise UserError(
            "{db}", "cannot open the library: {error}.{hint}",
            db=shown or target, error=" ".join(str(exc.orig).split()), hint=rescue_hint_msg(target),
        ) from None
    except BaseException:
        engine.dispose()
        raise


def quick_check(engine: Engine) -> str | None:
    """SQLite's quick_check of a library file: None when sound, else the first problem.

    About 20 ms on a 10 MB library (integrity_check, which also checks that
    indexes match their tables, takes 35 ms). Raises `DBAPIError` for a
    file that is not an SQLite database at all.
    """
    from sqlalchemy.exc import DBAPIError

    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    with engine.connect() as conn:
        return sqlite_file.damage(conn.exec_driver_sql, DBAPIError)


def _library_file(target: str) -> Path:
    path = Path(target).expanduser()
    if path.is_dir():
        raise UserError("{db}", "is a folder; give the library file's path", db=target)
    if not path.parent.is_dir():
        raise UserError("{db}", "the folder {folder} does not exist", db=target, folder=path.parent)
    return path.resolve()


def _read_only_engine(path: Path, access: str) -> Engine:
    """An engine over a library file opened read only (a read-only file, folder or mount)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import QueuePool

    engine = create_engine("sqlite://", creator=lambda: connect_file(path, access), poolclass=QueuePool)
    _configure_sqlite(engine, set_up=False)
    return engine


def _engine(target: str) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise UserError("{db}", "not a valid database URL", db=target) from None
    else:
        url = make_url("sqlite:///" + str(_library_file(target)))
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(engine)
        else:
            if url.password is None and (password := session_password(url)) is not None:
                url = url.set(password=password)
            # An unreachable server is a message after a while, not a frozen command.
            connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if url.get_backend_name() == "postgresql" else {}
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ImportError as exc:
        hint = Msg("")
        if url.get_backend_name() == "postgresql":
            hint = (
                Msg(" (install it: pip install 'transcript-reader[postgres]')")
                if url.get_driver_name() == "psycopg"
                else Msg("; write the URL as postgresql+psycopg://..., the driver transcript-reader[postgres] installs")
            )
        raise UserError(
            "{db}", "its database driver is missing: {error}{hint}", db=url.render_as_string(hide_password=True), error=exc, hint=hint,
        ) from None
    except ArgumentError as exc:
        raise UserError("{db}", "cannot use this database: {error}", db=url.render_as_string(hide_password=True), error=exc) from None
    return engine


def _configure_sqlite(engine: Engine, set_up: bool = True) -> None:
    from sqlalchemy import event

    if set_up:

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            sqlite_file.set_up(dbapi_connection, wal=engine.url.database not in (None, "", ":memory:"))

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _stored_revisions(conn: Connection) -> set[str]:
    """What Alembic's `get_current_heads` answers, without importing Alembic."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table("alembic_version"):
        return set()
    return {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def _migrate(engine: Engine, shown: str) -> None:
    with engine.connect() as conn:
        if _stored_revisions(conn) == {HEAD_REVISION}:
            return
    _migrate_with_alembic(engine, shown)


def _migrate_with_alembic(engine: Engine, shown: str) -> None:
    """Create or upgrade the schema; refuse a newer library, or a database that is not a library."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    heads = set(schema_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        tables = set(inspect(conn).get_table_names())
    unknown = current - known_schemas()
    if unknown:
        raise UserError(
            shown,
            Msg(
                "made by a newer version of transcript-reader (schema {schemas}); "
                "this version will not open or change it, please update the app",
                schemas=", ".join(sorted(unknown)),
            ),
        )
    if not current and tables:
        raise UserError("{db}", "not a transcript-reader library (it holds other tables)", db=shown)
    if current == heads:
        return
    # IMMEDIATE (the advisory lock on PostgreSQL): two apps opening a new
    # library at once migrate it one after the other.
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
        if engine.dialect.name == "postgresql":
            _take_pg_write_lock(conn)
            if set(MigrationContext.configure(conn).get_current_heads()) == heads:
                return
        upgrade(conn)
