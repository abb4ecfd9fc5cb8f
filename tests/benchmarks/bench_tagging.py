"""Tagging speed on the seed roundtable: one range operation vs one per segment, undo, overview, suggestions."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from reader.core.library import import_file, labels, open_library, tagging
from reader.core.library.overview import suggest_topics, transcript_overview
from reader.core.paths import seeds_dir


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lib = open_library(str(Path(tmp) / "tagging.db"))
        transcript = import_file(lib, seeds_dir() / "002_31e3d2a98f80fa1d.txt").transcripts[0].id
        ids = tagging.segment_ids_between(lib, transcript, 1, len(labels.labelled_segments(lib, transcript)))
        count = len(ids)

        whole, change = _timed(lambda: tagging.assign_speaker(lib, ids, "主持人"))
        undo, _ = _timed(lambda: tagging.undo(lib, change))
        one_by_one, _ = _timed(lambda: [tagging.assign_speaker(lib, [segment_id], "嘉宾") for segment_id in ids])
        print(f"label all {count} segments of the roundtable in one step: {whole * 1000:.0f} ms; undo it: {undo * 1000:.0f} ms")
        print(f"the same one segment at a time:            {one_by_one * 1000:.0f} ms  (the range is {one_by_one / whole:.0f}x faster)")

        topic, _ = _timed(lambda: tagging.tag_topic(lib, ids, "多模态"))
        print(f"add a topic to all {count} segments:       {topic * 1000:.0f} ms")

        overview, _ = _timed(lambda: transcript_overview(lib, transcript))
        print(f"overview (shares and topic counts):        {overview * 1000:.0f} ms")

        cold, _ = _timed(lambda: suggest_topics(lib, transcript_id=transcript))
        warm, _ = _timed(lambda: suggest_topics(lib, transcript_id=transcript))
        selection, _ = _timed(lambda: suggest_topics(lib, segment_ids=ids[40:60]))
        textrank, _ = _timed(lambda: suggest_topics(lib, transcript_id=transcript, method="textrank"))
        print(
            f"suggest topics, whole transcript: first {cold * 1000:.0f} ms (loads jieba), then {warm * 1000:.0f} ms; "
            f"TextRank {textrank * 1000:.0f} ms ({textrank / warm:.1f}x TF-IDF)"
        )
        print(
            f"suggest topics for 20 selected segments:   {selection * 1000:.0f} ms  "
            f"({warm / selection:.0f}x less than the whole transcript)"
        )
        lib.close()


if __name__ == "__main__":
    main()
