"""Editing speed on the seed transcripts: corrections, split/merge, find, replace-all, side by side."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from reader.core.library import edits, import_path, open_library, replacing, splitting
from reader.core.library.models import Segment
from reader.core.paths import seeds_dir
from tests.benchmarks.timing import best_of


def _seeded(path: Path):
    lib = open_library(str(path))
    import_path(lib, sorted(seeds_dir().glob("*.txt")))
    return lib


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lib = _seeded(tmp / "a.db")
        with lib.read() as session:
            longest, count = session.execute(
                select(Segment.transcript_id, func.count()).group_by(Segment.transcript_id).order_by(func.count().desc()).limit(1)
            ).one()
            total = session.scalar(select(func.count()).select_from(Segment))
        first = edits.segment_at(lib, longest, 1)

        def correct_and_revert():
            edits.set_correction(lib, first, "改正")
            edits.revert_correction(lib, first)

        def split_and_undo():
            splitting.undo_split(lib, splitting.split_segment(lib, edits.segment_at(lib, longest, 1), 2))

        def merge_and_undo():
            splitting.undo_merge(lib, splitting.merge_segments(lib, edits.segment_at(lib, longest, 1)))

        t_correct = best_of(5, correct_and_revert) / 2
        t_split = best_of(5, split_and_undo) / 2
        t_merge = best_of(5, merge_and_undo) / 2
        print(f"correction (one transaction, synchronous=FULL): {t_correct * 1000:.1f} ms")
        print(
            f"split at position 1 of {count} segments (renumbers {count - 1} with one UPDATE): "
            f"{t_split * 1000:.1f} ms ({t_split / t_correct:.1f}x a correction)"
        )
        print(f"merge at position 1 of {count} segments: {t_merge * 1000:.1f} ms ({t_merge / t_correct:.1f}x a correction)")

        t_literal = best_of(3, lambda: replacing.find(lib, "模型"))
        t_regex = best_of(3, lambda: replacing.find(lib, r"(大|小)?模型", regex=True))
        hits = len(replacing.find(lib, "模型"))
        print(
            f"find '模型' in {total} segments: {t_literal * 1000:.1f} ms, {hits} matches; "
            f"as a regular expression (大|小)?模型: {t_regex * 1000:.1f} ms ({t_regex / t_literal:.1f}x)"
        )

        start = time.perf_counter()
        batch = replacing.replace_all(lib, "我们", "咱们")
        t_batch = time.perf_counter() - start
        start = time.perf_counter()
        replacing.apply_batch(lib, batch, reverse=True)
        t_undo = time.perf_counter() - start
        lib.close()

        # The alternative: one transaction (one fsync) per segment, as a loop over set_correction would do.
        other = _seeded(tmp / "b.db")
        start = time.perf_counter()
        for item in batch.items:
            edits.set_correction(other, item.segment_id, item.new, origin="replace-all")
        t_loop = time.perf_counter() - start
        other.close()
        n = len(batch.items)
        print(f"replace-all 我们 -> 咱们: {n} segments in one transaction {t_batch * 1000:.0f} ms, undone in {t_undo * 1000:.0f} ms; "
              f"one transaction per segment {t_loop * 1000:.0f} ms ({t_loop / t_batch:.1f}x slower)")
