"""Shared by the window benchmarks (bench_ui, bench_watcher): an offscreen app in a private folder, a 20,000-segment library."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from unittest import mock

SEGMENTS = 20_000
SIZE = (1400, 900)


@contextlib.contextmanager
def offscreen_app():
    """(QApplication, temp folder): the app's data and settings live in the folder, removed afterwards.

    The segmenter's cache stays where $XDG_CACHE_HOME puts it, else in the folder too.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        private = {"XDG_DATA_HOME": str(folder / "data"), "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(folder / "cache"))}
        # Restored afterwards: the next benchmark in the same run must not point into a removed folder.
        with mock.patch.dict(os.environ, private):
            yield app, folder


def ini_settings(folder: Path):
    """The window's settings in an INI file of the folder, not the user's."""
    from PySide6.QtCore import QSettings

    from reader.ui.settings import Settings

    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def _seed_paragraphs() -> list[str]:
    from reader.core import paths

    paragraphs = []
    for path in sorted(paths.seeds_dir().glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if block and not block.startswith(("#", "![")):
                paragraphs.append(block.replace("\n", ""))
    return paragraphs


def make_library(folder: Path) -> tuple[str, int, list[str]]:
    """A library in the folder holding one transcript of SEGMENTS seed paragraphs: (db, transcript id, texts)."""
    from reader.core.library import import_file, open_library

    paragraphs = _seed_paragraphs()
    source = folder / "long.txt"
    body = "\n\n".join(f"{paragraphs[i % len(paragraphs)]}（{i}）" for i in range(SEGMENTS))
    source.write_text("# 两万段的长转写\n\n" + body + "\n", encoding="utf-8")
    lib = open_library(str(folder / "bench.sqlite3"))
    result = import_file(lib, source)
    transcript = result.transcripts[0]
    assert transcript.segments == SEGMENTS, transcript
    lib.close()
    return str(folder / "bench.sqlite3"), transcript.id, body.split("\n\n")
