"""A throwaway PostgreSQL cluster for the test session: initdb into a temp folder,
a Unix socket only (no TCP port to collide with), stopped at the end.

A pytest plugin (tests/conftest.py loads it), so that any test folder can run
its tests on PostgreSQL too by asking for `pg_url`."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BIN_DIRS = sorted(
    glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(n) if (n := Path(d).parent.name).isdigit() else 0, reverse=True
)
SERVER_BIN = next((Path(d) for d in BIN_DIRS if (Path(d) / "initdb").exists()), None)
# The server refuses to run as root; as root the cluster belongs to this system user.
SERVER_USER = "postgres"
NO_SERVER = "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb); apt-get install postgresql to run these tests"


def pytest_collection_modifyitems(config, items):
    if SERVER_BIN is not None:
        return
    skip = pytest.mark.skip(reason=NO_SERVER)
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


def _as_server_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise RuntimeError(f"run as root, the throwaway cluster needs the system user {SERVER_USER!r} to own it") from None
    return ["runuser", "-u", SERVER_USER, "--"]


@contextmanager
def throwaway_cluster() -> Iterator[tuple[Path, str]]:
    """(socket folder, database superuser) of a new cluster, removed afterwards."""
    if SERVER_BIN is None:
        raise RuntimeError("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin")
    # Not under pytest's tmp_path: that folder is private to root, and the server user must reach it.
    home = Path(tempfile.mkdtemp(prefix="reader-pg-"))
    prefix = _as_server_user()
    if prefix:
        shutil.chown(home, SERVER_USER)
    data, log = home / "data", home / "server.log"
    superuser = "reader_admin"

    def run(*args: str) -> None:
        done = subprocess.run(prefix + list(args), capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}\n{log.read_text() if log.exists() else ''}")

    try:
        run(str(SERVER_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", superuser, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        start_server(home)
        yield home, superuser
    finally:
        if (data / "postmaster.pid").exists():
            stop = [*prefix, str(SERVER_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)


def _pg_ctl(home: Path, *args: str) -> None:
    log = home / "server.log"
    done = subprocess.run(
        [*_as_server_user(), str(SERVER_BIN / "pg_ctl"), "-D", str(home / "data"), *args], capture_output=True, text=True, timeout=120
    )
    if done.returncode:
        raise RuntimeError(f"pg_ctl {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}\n{log.read_text() if log.exists() else ''}")


def start_server(home: Path) -> None:
    """Start (again) the server of a throwaway cluster made by `throwaway_cluster`."""
    # fsync off: a crash of this cluster loses nothing anyone keeps.
    options = f"-k {home} -c listen_addresses='' -c fsync=off -c max_connections=60"
    _pg_ctl(home, "-o", options, "-l", str(home / "server.log"), "-w", "-t", "60", "start")


def stop_server(home: Path) -> None:
    """Stop a throwaway cluster's server at once, as a crash or an administrator would: connections are cut."""
    _pg_ctl(home, "-m", "immediate", "-w", "stop")


def create_database(server: tuple[Path, str]) -> str:
    """The URL of a new, empty database on a throwaway cluster."""
    from sqlalchemy import create_engine, text

    home, superuser = server
    name = f"reader_{uuid.uuid4().hex[:10]}"
    admin = create_engine(f"postgresql+psycopg://{superuser}@/postgres?host={home}", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"postgresql+psycopg://{superuser}@/{name}?host={home}"


@pytest.fixture(scope="session")
def pg_server():
    with throwaway_cluster() as server:
        yield server


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, empty database on the throwaway cluster."""
    return create_database(pg_server)


@pytest.fixture
def pg_library(pg_url):
    from reader.core.library import open_library

    lib = open_library(pg_url)
    yield lib
    lib.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request, tmp_path):
    """A library two copies of the app share: one SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "shared.sqlite3")
    if SERVER_BIN is None:
        pytest.skip(NO_SERVER)
    return request.getfixturevalue("pg_url")
