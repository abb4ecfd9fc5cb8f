"""Where the app keeps its library, cache and settings (platformdirs), and where its own data is.

The app's data is found through importlib.resources, so a checkout (editable
install) and an installed wheel read it the same way:
- `seeds_dir()`: the sample transcripts, `seeds/` in the checkout;
- `translations_dir()`: the compiled UI catalogues, `resources/translations/`;
- next to their code: the schema migrations (reader/core/library/migrations)
  and the cleaning word lists (reader/core/text/data).
"""

from __future__ import annotations

import os
from importlib.resources import files
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
    """The sample transcripts shipped with the app (package `reader.seeds`)."""
    return _package_folder("reader.seeds")


def translations_dir() -> Path:
    """The compiled Qt catalogues (`transcript_reader_<language>.qm`)."""
    return _package_folder("reader.resources") / "translations"


def _package_folder(package: str) -> Path:
    # Qt and the importer take file names, so the data must be real files: it is
    # in every pip install (wheels are unpacked), never in a zip import.
    try:
        folder = files(package)
    except ModuleNotFoundError as error:
        # Run from a checkout that is not installed, or whose editable install predates
        # the data mapping in pyproject.toml: the data packages do not exist.
        raise RuntimeError(f"{package} is not installed: run `pip install -e .` (or `make run`) in the checkout") from error
    if not isinstance(folder, Path):
        raise RuntimeError(f"{package} is not installed as files on disk ({folder!r})")
    return folder
