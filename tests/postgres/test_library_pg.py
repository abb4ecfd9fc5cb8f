"""The library's own operations on PostgreSQL: migrations, import, delete, check."""

from reader.core.library import check_library, delete_transcript, import_file, list_transcripts, open_library
from reader.core.library.db import known_schemas, schema_heads
from reader.core.paths import seeds_dir


def test_migrations_import_delete_and_check_on_postgres(pg_library):
    seed = sorted(seeds_dir().glob("*.txt"))[3]
    result = import_file(pg_library, seed)
    assert len(result.transcripts) == 6
    assert import_file(pg_library, seed).already_imported
    delete_transcript(pg_library, result.transcripts[0].id)
    assert len(list_transcripts(pg_library)) == 5
    assert check_library(pg_library) == []


def test_a_second_open_finds_the_schema_current(pg_url):
    from sqlalchemy import text

    with open_library(pg_url) as lib:
        pass
    with open_library(pg_url) as lib, lib.read() as session:
        found = session.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert set(found) == set(schema_heads()) and set(found) <= known_schemas()
