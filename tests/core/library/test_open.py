"""Opening a library: where it lives, how SQLite is set up, and schema versions."""

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

import reader
from reader.core.errors import UserError
from reader.core.library import import_file, migrations, open_library
from reader.core.library.models import Base, Setting
from reader.core.library.search_tables import is_search_table
from reader.core.paths import seeds_dir


def test_sqlite_is_set_up_for_safe_concurrent_use(library):
    with library.read() as session:
        pragma = lambda name: session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000


def test_a_write_transaction_holds_the_write_lock_from_its_start(library, tmp_path):
    other = sqlite3.connect(tmp_path / "library.sqlite3", timeout=0, isolation_level=None)
    with library.write():  # noqa: SIM117 (the comment belongs to the inner block)
        # Nothing written yet, but another writer is already kept out: the
        # transaction began IMMEDIATE, so it cannot fail later on a lock.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_a_failed_write_leaves_nothing_behind(library):
    with pytest.raises(ZeroDivisionError), library.write() as session:
        session.add(Setting(key="half", value="done"))
        session.flush()
        raise ZeroDivisionError
    with library.read() as session:
        assert session.scalars(select(Setting)).all() == []


def test_read_sessions_refuse_to_write(library):
    with library.read() as session, pytest.raises(RuntimeError, match="read only"):
        session.add(Setting(key="k", value="v"))
        session.flush()


def test_models_and_migrations_describe_the_same_schema(library):
    with library.engine.connect() as conn:
        # The search index (FTS5 and its queue) is made by its migration, not by models.
        opts = {"include_name": lambda name, kind, parents: kind != "table" or not is_search_table(name)}
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata) == []


def test_default_location_and_environment_override(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_library(None) as lib:
        assert lib.url.endswith("/data/transcript-reader/library.sqlite3")
    monkeypatch.setenv("TRANSCRIPT_READER_DB", str(tmp_path / "elsewhere.db"))
    with open_library(None) as lib:
        assert lib.url.endswith("/elsewhere.db")
    with open_library(f"sqlite:///{tmp_path / 'by-url.db'}") as lib:
        assert (tmp_path / "by-url.db").exists()


def test_a_library_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.sqlite3"
    open_library(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="newer version"):
        open_library(str(path))
    assert path.read_bytes() == before


def test_files_that_are_not_libraries_are_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("这不是数据库" * 100, encoding="utf-8")
    with pytest.raises(UserError, match="cannot open"):
        open_library(str(text))
    assert text.read_text(encoding="utf-8") == "这不是数据库" * 100

    foreign = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    with pytest.raises(UserError, match="not a transcript-reader library"):
        open_library(str(foreign))

    with pytest.raises(UserError, match="does not exist"):
        open_library(str(tmp_path / "no" / "such" / "folder.db"))


def test_an_unreachable_server_is_one_line_without_the_password():
    with pytest.raises(UserError) as raised:
        open_library("postgresql+psycopg://reader:s3cret@127.0.0.1:1/library")
    message = str(raised.value)
    assert "s3cret" not in message and "\n" not in message
    assert "cannot open the library" in message


def test_head_revision_is_the_newest_migration():
    # Opening a library compares its stored revision with this constant instead of
    # asking Alembic; a new migration must update it.
    from alembic.script import ScriptDirectory

    from reader.core.library.migrations import HEAD_REVISION, LOCATION

    assert ScriptDirectory(str(LOCATION)).get_heads() == [HEAD_REVISION]


OPEN_AND_SAY_IF_ALEMBIC_RAN = """\
import sys
from reader.core.library import list_transcripts, open_library
with open_library(sys.argv[1]) as lib:
    print(len(list_transcripts(lib)), "alembic" in sys.modules)
"""


def _open_in_a_fresh_interpreter(path) -> str:
    checkout = Path(reader.__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AND_SAY_IF_ALEMBIC_RAN, str(path)],
        cwd=checkout, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _stored_revisions(path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]


def test_a_current_library_opens_without_alembic_an_older_one_is_migrated(tmp_path):
    from reader.core.library.migrations import HEAD_REVISION

    current = tmp_path / "current.sqlite3"
    with open_library(str(current)) as lib:
        import_file(lib, seeds_dir() / "004_e48bd789d310c5cd.txt")
    assert _open_in_a_fresh_interpreter(current) == "1 False"

    older = tmp_path / "older.sqlite3"
    engine = create_engine(f"sqlite:///{older}")
    with engine.begin() as conn:
        migrations.upgrade(conn, "0002")
    engine.dispose()
    assert _stored_revisions(older) == ["0002"]
    assert _open_in_a_fresh_interpreter(older) == "0 True"
    assert _stored_revisions(older) == [HEAD_REVISION]
    with open_library(str(older)) as lib:
        # 0003's change log is there and kept by the triggers.
        import_file(lib, seeds_dir() / "004_e48bd789d310c5cd.txt")
        with lib.read() as session:
            assert session.connection().exec_driver_sql("SELECT count(*) FROM change_log").scalar() > 0
