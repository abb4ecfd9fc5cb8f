"""Opening a library: engine, connection settings, schema migrations, sessions.

SQLAlchemy (~170 ms to import) is imported in the functions that use it, not
here: a short command on a current SQLite library (`transcript-reader list`)
checks and reads it with the standard sqlite3 module and answers in a few tens
of ms. Alembic runs only when the stored schema revision is not `HEAD_REVISION`.
"""

from __future__ import annotations

import functools
import getpass
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core import paths
from reader.core.errors import UserError
from reader.core.library.backup_files import rescue_hint
from reader.core.library.migrations import (
    HEAD_REVISION,
    known_schemas,
    schema_heads,
    upgrade,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 10_000
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

    def __init__(self, engine: Engine | None = None, damage: str | None = None, *, file: Path | None = None):
        # A library file opened current (or damaged) gets its engine at the
        # first session: `read_rows` alone never imports SQLAlchemy.
        self._engine = engine
        self._engine_lock = threading.Lock()
        self.file = file
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
                self._engine = _engine(str(self.file))
            return self._engine

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
        with Session(self.engine, autoflush=False, info={"read_only": True}) as session:
            yield session

    def read_rows(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of one read-only SQL statement (portable SQL, no parameters).

        On a library file this needs neither SQLAlchemy nor the models, which
        take ~250 ms to import before a session can read anything.
        """
        if self.file is None:
            with self.read() as session:
                return [tuple(row) for row in session.connection().exec_driver_sql(sql)]
        with closing(_connect_file(self.file)) as conn:
            conn.execute("PRAGMA query_only=ON")
            return conn.execute(sql).fetchall()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        from sqlalchemy.orm import Session

        if self.damage is not None:
            raise UserError(self.url, f"the library is damaged ({self.damage}); nothing will be written to it")
        with Session(self._write_engine, expire_on_commit=False) as session:
            self._take_write_lock(session)
            try:
                yield session
            except BaseException:
                session.rollback()
                raise
            session.commit()

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
            f"another program kept the library busy for {WRITE_LOCK_ATTEMPTS * BUSY_TIMEOUT_MS // 1000} s; nothing was changed, try again",
        )

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

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
    reads the whole file; it is not run twice.
    """
    target = db or paths.default_db()
    if "://" in target:
        return _open_url(target, damaged_ok)
    path = _library_file(target)
    try:
        with closing(_connect_file(path)) as conn:
            damage = None if checked else _damage(conn.execute, sqlite3.Error)
            current = _file_revisions(conn) if damage is None else set()
    except sqlite3.Error as exc:
        raise UserError(target, f"cannot open the library: {' '.join(str(exc).split())}.{rescue_hint(target)}") from None
    if damage is not None:
        if not damaged_ok:
            raise UserError(target, f"the library is damaged ({damage}); nothing will be written to it.{rescue_hint(target)}")
        return Library(damage=damage, file=path)
    if current == {HEAD_REVISION}:
        return Library(file=path)
    # New, older, newer or not a library at all: Alembic decides.
    engine = _engine(target)
    with _disposed_on_error(engine, target):
        _migrate(engine, target)
    return Library(engine, file=path)


def _open_url(target: str, damaged_ok: bool) -> Library:
    engine = _engine(target)
    shown = engine.url.render_as_string(hide_password=True)
    with _disposed_on_error(engine, target, shown):
        damage = quick_check(engine)
        if damage is not None:
            if not damaged_ok:
                raise UserError(shown, f"the library is damaged ({damage}); nothing will be written to it.{rescue_hint(target)}")
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
        raise UserError(shown or target, f"cannot open the library: {' '.join(str(exc.orig).split())}.{rescue_hint(target)}") from None
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
        return _damage(conn.exec_driver_sql, DBAPIError)


def _damage(execute: Callable[[str], Iterable[Any]], database_error: type[Exception]) -> str | None:
    """`quick_check` through `execute` (sqlite3's or SQLAlchemy's), whose errors are `database_error`."""
    try:
        found = [row[0] for row in execute("PRAGMA quick_check(5)")]
    except database_error as exc:
        # A page so broken that the check itself stops; "not a database"
        # (a wiped header) is left to the caller's "cannot open".
        error = getattr(exc, "orig", exc)  # SQLAlchemy's DBAPIError wraps sqlite3's
        if getattr(error, "sqlite_errorname", "") != "SQLITE_CORRUPT":
            raise
        return " ".join(str(error).split())
    return None if found == ["ok"] else "; ".join(found)


def _file_revisions(conn: sqlite3.Connection) -> set[str]:
    """The schema revision(s) stored in a library file, read without Alembic; empty for a new file."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone() is None:
        return set()
    return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def _library_file(target: str) -> Path:
    path = Path(target).expanduser()
    if path.is_dir():
        raise UserError(target, "is a folder; give the library file's path")
    if not path.parent.is_dir():
        raise UserError(target, f"the folder {path.parent} does not exist")
    return path.resolve()


def _connect_file(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to a library file, set up as the engine's are (creates the file if new)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        _set_up_sqlite(conn, is_file=True)
    except BaseException:
        conn.close()
        raise
    return conn


def _engine(target: str) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise UserError(target, "not a valid database URL") from None
    else:
        url = make_url("sqlite:///" + str(_library_file(target)))
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(engine)
        else:
            if url.password is None and _without_password(url) in _session_passwords:
                url = url.set(password=_session_passwords[_without_password(url)])
            # An unreachable server is a message after a while, not a frozen command.
            connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if url.get_backend_name() == "postgresql" else {}
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ImportError as exc:
        hint = ""
        if url.get_backend_name() == "postgresql":
            hint = (
                " (install it: pip install 'transcript-reader[postgres]')"
                if url.get_driver_name() == "psycopg"
                else "; write the URL as postgresql+psycopg://..., the driver transcript-reader[postgres] installs"
            )
        raise UserError(url.render_as_string(hide_password=True), f"its database driver is missing: {exc}{hint}") from None
    except ArgumentError as exc:
        raise UserError(url.render_as_string(hide_password=True), f"cannot use this database: {exc}") from None
    return engine


def _without_password(url: URL) -> str:
    return url.set(password=None).render_as_string(hide_password=False)


_session_passwords: dict[str, str] = {}


def use_password(db: str, password: str) -> None:
    """Let `open_library(db)` log in with `password` for the rest of this run.

    The URL itself, which the app keeps in its list of recent libraries and
    shows in titles, then never holds the password.
    """
    from sqlalchemy.engine import make_url

    _session_passwords[_without_password(make_url(db))] = password


@dataclass(frozen=True)
class ServerCheck:
    server: str  # e.g. "PostgreSQL 15.8"
    # "library": a transcript-reader library; "empty": will become one when opened;
    # "newer": made by a newer version of the app; "other": holds other tables.
    state: str
    transcripts: int | None = None


def check_server(db: str) -> ServerCheck:
    """Connect to a database server and say what opening `db` would find, changing nothing.

    `UserError` (one line, no password) when it cannot be reached or logged in to.
    """
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError

    if "://" not in db:
        raise UserError(db, "not a database URL")
    engine = _engine(db)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            version = ".".join(str(part) for part in (engine.dialect.server_version_info or ())[:2])
            server = f"{engine.dialect.name.replace('postgresql', 'PostgreSQL')} {version}"
            current = set(MigrationContext.configure(conn).get_current_heads())
            tables = set(inspect(conn).get_table_names())
            if current - known_schemas():
                return ServerCheck(server, "newer")
            if not current:
                return ServerCheck(server, "other" if tables else "empty")
            count = conn.exec_driver_sql("SELECT count(*) FROM transcripts").scalar_one()
            return ServerCheck(server, "library", count)
    except DBAPIError as exc:
        raise UserError(shown, f"cannot connect: {' '.join(str(exc.orig).split())}") from None
    finally:
        engine.dispose()


def save_password(db: str, password: str, pgpass: Path | None = None) -> Path:
    """Store a PostgreSQL password where libpq looks for it (~/.pgpass, or $PGPASSFILE), readable only by the user.

    Replaces the line for the same server, port, database and user. Returns the file.
    """
    from sqlalchemy.engine import make_url

    url = make_url(db)
    path = pgpass or Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    host = url.host or url.query.get("host") or "localhost"
    fields = [str(host), str(url.port or 5432), url.database or "*", url.username or getpass.getuser()]
    escaped = [f.replace("\\", "\\\\").replace(":", "\\:") for f in fields]
    key = ":".join(escaped) + ":"
    secret = password.replace("\\", "\\\\").replace(":", "\\:")
    written = path.with_name(path.name + ".new")
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        kept = [line for line in lines if not line.startswith(key)]
        # Created private: libpq ignores a password file others can read.
        fd = os.open(written, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join([*kept, key + secret]) + "\n")
        os.replace(written, path)
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(str(path), f"cannot store the password: {exc}") from None
    return path


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        _set_up_sqlite(dbapi_connection, is_file=engine.url.database not in (None, "", ":memory:"))

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _set_up_sqlite(dbapi_connection: sqlite3.Connection, *, is_file: bool) -> None:
    # Let SQLAlchemy's "begin" event, not the sqlite3 module, start
    # transactions, so writes can BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if is_file:
        cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: an edit the user saw saved survives a power cut, WAL or not.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


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
            f"made by a newer version of transcript-reader (schema {', '.join(sorted(unknown))}); "
            "this version will not open or change it, please update the app",
        )
    if not current and tables:
        raise UserError(shown, "not a transcript-reader library (it holds other tables)")
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
