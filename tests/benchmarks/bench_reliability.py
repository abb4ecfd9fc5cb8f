"""What the safety costs on a 10 MB library: the damage check at an open, backups, a synced write."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from unittest import mock

from sqlalchemy import select

from reader.core.formats import read_bytes
from reader.core.library import edits, file_state, open_library
from reader.core.library.backup import backup, rolling_backup
from reader.core.library.importer import store
from reader.core.library.models import Segment
from reader.core.paths import seeds_dir
from tests.benchmarks.timing import best_of

SIZE = 10 * 1024 * 1024


def _ten_megabytes(path: Path) -> None:
    seeds = [p.read_bytes() for p in sorted(seeds_dir().glob("*.txt"))]
    copy = 0
    while not path.exists() or path.stat().st_size < SIZE:
        with open_library(str(path)) as lib:  # closing folds the WAL into the file, so its size tells
            for seed in seeds:
                store(lib, read_bytes(seed + f"\n\n副本 {copy}\n".encode(), "seed.txt", "seed.txt"))
                copy += 1


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, mock.patch.dict("os.environ", {"XDG_DATA_HOME": tmp}):
        db = Path(tmp) / "big.sqlite3"
        _ten_megabytes(db)
        size = db.stat().st_size / 1024 / 1024

        def open_checked() -> None:
            file_state.forget_sound(db)  # as after another program's change: read whole at open
            open_library(str(db)).close()

        checked = best_of(5, open_checked)
        unchecked = best_of(5, lambda: open_library(str(db)).close())  # unchanged since its check passed
        print(f"open the {size:.1f} MB library: {checked * 1000:.1f} ms with the quick_check for damage (changed by "
              f"another program), {unchecked * 1000:.1f} ms without (unchanged since it passed; {checked / unchecked:.2f}x)")

        with open_library(str(db)) as lib:
            copy = best_of(3, lambda: backup(lib, Path(tmp) / "copy.sqlite3"))
            first = time.perf_counter()
            rolling_backup(lib)
            first = time.perf_counter() - first
            unchanged = best_of(3, lambda: rolling_backup(lib))
            print(f"backup (online API, checked, synced): {copy * 1000:.0f} ms")
            print(f"rolling backup at start or close: {first * 1000:.0f} ms when something changed, "
                  f"{unchanged * 1000:.0f} ms to find nothing changed and keep no copy")

            with lib.read() as session:
                segment_ids = list(session.scalars(select(Segment.id).limit(50)))
            start = time.perf_counter()
            for n, segment_id in enumerate(segment_ids):
                edits.set_correction(lib, segment_id, f"改正 {n}")
            per_edit = (time.perf_counter() - start) / len(segment_ids)
            print(f"one acknowledged correction (own transaction, synchronous=FULL): {per_edit * 1000:.1f} ms")
