"""PostgreSQL servers: passwords for this run or kept for libpq, and a look at a server before opening it."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


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

    from reader.core.library.db import _engine
    from reader.core.library.migrations import known_schemas
    from reader.core.library.storage import storage_error

    if "://" not in db:
        raise UserError("{db}", "not a database URL", db=db)
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
        mapped = storage_error(exc, shown, writing=False)
        raise mapped or UserError("{db}", "cannot connect: {error}", db=shown, error=" ".join(str(exc.orig).split())) from None
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
        raise UserError("{path}", "cannot store the password: {error}", path=str(path), error=exc) from None
    return path


def session_password(url: URL) -> str | None:
    """The password `use_password` gave for this URL's server, database and user."""
    return _session_passwords.get(_without_password(url))
