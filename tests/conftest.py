import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

# pg_server, pg_url, pg_library, shared_url: a throwaway PostgreSQL cluster.
pytest_plugins = ["tests.postgres.cluster"]


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """No test may touch the real library: the default one lives in a temp folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.delenv("TRANSCRIPT_READER_DB", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """The segmenter's dictionary cache goes to a temp folder, not the user's cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    yield
    patch.undo()


@pytest.fixture
def library(tmp_path):
    """An empty library in a temp folder, closed after the test."""
    from reader.core.library import open_library

    lib = open_library(str(tmp_path / "library.sqlite3"))
    yield lib
    lib.close()
