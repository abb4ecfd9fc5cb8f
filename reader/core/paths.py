"""Where the app keeps its library, cache and settings (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from reader import APP_NAME

DB_ENV = "TRANSCRIPT_READER_DB"


def data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    path = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db() -> str:
    """`$TRANSCRIPT_READER_DB`, else library.sqlite3 in the user data folder."""
    return os.environ.get(DB_ENV) or str(data_dir() / "library.sqlite3")


def seeds_dir() -> Path:
    """The sample transcripts shipped with the app (repo checkout or installed data)."""
    return Path(__file__).resolve().parents[2] / "seeds"
