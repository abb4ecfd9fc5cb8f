import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """No test may touch the real library: the default one lives in a temp folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.delenv("TRANSCRIPT_READER_DB", raising=False)


@pytest.fixture
def library(tmp_path):
    """An empty library in a temp folder, closed after the test."""
    from reader.core.library import open_library

    lib = open_library(str(tmp_path / "library.sqlite3"))
    yield lib
    lib.close()
