"""The library's own operations on PostgreSQL: migrations, import, delete, check."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from reader.core.library import check_library, delete_transcript, import_file, list_transcripts, open_library
from reader.core.library.migrations import known_schemas, schema_heads
from reader.core.library.models import Base
from reader.core.library.search_tables import is_search_table
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
    with open_library(pg_url) as lib:
        pass
    with open_library(pg_url) as lib, lib.read() as session:
        found = session.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert set(found) == set(schema_heads()) and set(found) <= known_schemas()


def test_models_and_migrations_describe_the_same_schema_on_postgres(pg_library):
    with pg_library.engine.connect() as conn:
        opts = {"include_name": lambda name, kind, parents: kind != "table" or not is_search_table(name)}
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata) == []


def test_two_apps_opening_a_new_database_at_once_both_get_one_library(pg_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_):
        with open_library(pg_url) as lib:
            return len(list_transcripts(lib))

    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(open_and_count, range(3))) == [0, 0, 0]
    with open_library(pg_url) as lib, lib.read() as session:
        assert session.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == len(schema_heads())


def test_the_stored_counts_follow_every_change_on_postgres(pg_library, tmp_path):
    from tests.core.library.test_counts import test_counts_follow_imports_corrections_splits_merges_undo_and_deletes as same_steps

    same_steps(pg_library, tmp_path)
