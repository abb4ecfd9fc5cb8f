"""The same library on PostgreSQL, for teams sharing one (needs a server to talk to)."""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from reader.core.library import check_library, delete_transcript, import_file, list_transcripts, open_library
from reader.core.paths import seeds_dir

SERVER = os.environ.get("TRANSCRIPT_READER_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(
    not SERVER,
    reason="set TRANSCRIPT_READER_TEST_POSTGRES=postgresql+psycopg://user@host:port/db to test on PostgreSQL",
)


@pytest.fixture
def pg_library():
    """A fresh schema-less database on the test server, dropped afterwards."""
    name = f"reader_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = SERVER.rsplit("/", 1)[0] + "/" + name
    lib = open_library(url)
    yield lib
    lib.close()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}"'))
    admin.dispose()


def test_migrations_import_delete_and_check_on_postgres(pg_library):
    seed = sorted(seeds_dir().glob("*.txt"))[3]
    result = import_file(pg_library, seed)
    assert len(result.transcripts) == 6
    assert import_file(pg_library, seed).already_imported
    delete_transcript(pg_library, result.transcripts[0].id)
    assert len(list_transcripts(pg_library)) == 5
    assert check_library(pg_library) == []
