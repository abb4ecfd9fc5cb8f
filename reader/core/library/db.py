"""Opening a library: engine, connection settings, schema migrations, sessions."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from reader.core import paths
from reader.core.errors import UserError

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000


class Library:
    """An open library. Sessions are short: one per read or per unit of work."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self.is_sqlite = engine.dialect.name == "sqlite"
        # On SQLite a writer takes the write lock at BEGIN: a transaction that
        # read first and upgraded later would fail with "database is locked"
        # as soon as another process committed in between.
        self._write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        # Closing (not rolling back) ends the transaction but leaves loaded
        # objects readable after the block, detached.
        with Session(self.engine, autoflush=False, info={"read_only": True}) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            # Take the write lock now, not at the first statement, so waiting
            # for another writer happens here and never midway.
            session.connection()
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@event.listens_for(Session, "before_flush")
def _refuse_writes_in_read_sessions(session: Session, flush_context, instances) -> None:
    if session.info.get("read_only"):
        raise RuntimeError("Library.read() sessions are read only; use Library.write()")


def open_library(db: str | None = None) -> Library:
    """Open (creating or migrating as needed) the library at a path or SQLAlchemy URL.

    None means `paths.default_db()`. Raises `UserError` for a location that
    cannot be opened, a file that is not a library, or a library written by a
    newer version of the app (which is left untouched).
    """
    target = db or paths.default_db()
    engine = _engine(target)
    shown = engine.url.render_as_string(hide_password=True) if "://" in target else target
    try:
        _migrate(engine, shown)
    except DBAPIError as exc:
        engine.dispose()
        raise UserError(shown, f"cannot open the library: {' '.join(str(exc.orig).split())}") from None
    except BaseException:
        engine.dispose()
        raise
    return Library(engine)


def _engine(target: str) -> Engine:
    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise UserError(target, "not a valid database URL") from None
    else:
        path = Path(target).expanduser()
        if path.is_dir():
            raise UserError(target, "is a folder; give the library file's path")
        if not path.parent.is_dir():
            raise UserError(target, f"the folder {path.parent} does not exist")
        url = make_url("sqlite:///" + str(path.resolve()))
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise UserError(url.render_as_string(hide_password=True), f"cannot use this database: {exc}") from None
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event, not the sqlite3 module, start
        # transactions, so writes can BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: an edit the user saw saved survives a power cut, WAL or not.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS))


def _alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def schema_heads() -> tuple[str, ...]:
    """The schema revision(s) this version of the app writes."""
    return tuple(_scripts().get_heads())


def _migrate(engine: Engine, shown: str) -> None:
    scripts = _scripts()
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        tables = set(inspect(conn).get_table_names())
    known = {script.revision for script in scripts.walk_revisions()}
    unknown = current - known
    if unknown:
        raise UserError(
            shown,
            f"made by a newer version of transcript-reader (schema {', '.join(sorted(unknown))}); "
            "this version will not open or change it, please update the app",
        )
    if not current and tables:
        raise UserError(shown, "not a transcript-reader library (it holds other tables)")
    if current == set(scripts.get_heads()):
        return
    # IMMEDIATE: two apps opening a new library at once migrate it one after the other.
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
        command.upgrade(_alembic_config(conn), "heads")
