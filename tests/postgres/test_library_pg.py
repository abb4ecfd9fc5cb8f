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


def test_a_large_build_with_worker_processes_indexes_on_postgres_what_one_process_does(pg_server, tmp_path, monkeypatch, caplog):
    """PostgreSQL's index is built with workers too (search_workers): entry for entry the
    sequential build's, its tokens and text, and the same hits."""
    import pytest

    from reader.core.library import rules as library_rules
    from reader.core.library import search, search_pg, search_sqlite, search_workers
    from tests.postgres.cluster import create_database

    if search_workers.worker_count() == 0:
        pytest.skip("one core: a build never starts workers here")
    for module in (search_pg, search_sqlite, search_workers):
        monkeypatch.setattr(module, "CHUNK", 50)
    monkeypatch.setattr(search_workers, "PARALLEL_MIN", 100)
    path = tmp_path / "long.txt"
    paragraphs = (f"呃第{i}段讲的是大圆模型和数据，数据数据很重要吗。" for i in range(300))
    path.write_text("# 长讲座\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    libraries = [open_library(create_database(pg_server)) for _ in range(2)]
    try:
        for lib in libraries:
            import_file(lib, path)
            library_rules.add_rule(lib, "大圆模型", "大语言模型")
        assert search.update_index(libraries[0]) == 300
        assert not [r for r in caplog.records if r.name == search_workers.__name__], "the workers did not run"
        assert search.update_index(libraries[1], workers=False) == 300

        def index_of(lib) -> list:
            with lib.read() as session:
                rows = session.connection().exec_driver_sql(
                    f"SELECT s.position, f.tokens::text, f.effective_text FROM {search_pg.INDEX} f "
                    "JOIN segments s ON s.id = f.segment_id ORDER BY s.position"
                ).all()
            hits = [[h.position for h in search.search(lib, q, limit=1000)] for q in ("大语言模型", "数据很重要吗？", "呃")]
            return [*map(tuple, rows), *hits]

        assert index_of(libraries[0]) == index_of(libraries[1])
    finally:
        for lib in libraries:
            lib.close()
