"""What a change reported by the change watcher costs the window, on a 20,000-segment transcript.

The watcher reports every change in the library, this window's own saves
included. Figures, measured side by side in one run, offscreen, with the
work done inline (SyncTaskRunner) so the whole refresh is timed:
- a correction coming back: the one row read again (unchanged, so nothing is
  repainted) and the library's counts;
- a split coming back (a transcript-level change): the segment ids read again
  and, being the same, only the rows on screen refreshed, beside the whole
  reload that treating every such report as a structure change would cost,
  twice per own split: a model reset, then every page of rows read again in the
  background (timed until the model holds every row again).
Nothing here asserts a time; the numbers are printed for people to judge.
"""

from __future__ import annotations

import statistics

from tests.benchmarks.timing import timings
from tests.benchmarks.window_setup import SEGMENTS, SIZE, ini_settings, make_library, offscreen_app

ROUNDS = 15


def _median_ms(action) -> float:
    return statistics.median(timings(ROUNDS, action)) * 1000


def main() -> None:
    from reader.ui.app import build_window
    from reader.ui.operations import OpChanges as Changes
    from reader.ui.tasks import SyncTaskRunner

    with offscreen_app() as (app, folder):
        db, transcript_id, _texts = make_library(folder)
        window = build_window(runner=SyncTaskRunner(), settings=ini_settings(folder))
        window.resize(*SIZE)
        window.show()
        window.open_library(db)
        window.watcher.stop()  # reports are fed in by hand below
        window.open_transcript(transcript_id)

        def settle():
            # Until the model holds every row (a reset makes it read all pages again).
            while not window.model.fully_loaded():
                app.processEvents()
            app.processEvents()

        settle()
        segment = window.model.row_at(1).id

        resets = []
        window.model.modelReset.connect(lambda: resets.append(1))

        def own_correction_back():
            window.sync.others_changed(frozenset({segment}), frozenset())
            settle()

        def own_split_back(kept: bool):
            window.ops.changed.emit(
                Changes(frozenset({transcript_id}), structure=True, rules=True, library=True, remote=kept)
            )
            settle()

        correction = _median_ms(own_correction_back)
        kept = _median_ms(lambda: own_split_back(True))
        kept_resets = len(resets)
        reloaded = _median_ms(lambda: own_split_back(False))
        reloaded_resets = len(resets) - kept_resets
        window.ops.runner.shutdown()
        window.ops.close()
        window.close()

    print(f"transcript of {SEGMENTS} segments, median of {ROUNDS}")
    print(f"a correction reported back: {correction:8.1f} ms (row read again, library counts)")
    print(f"a split reported back, same segments kept: {kept:8.1f} ms, model resets: {kept_resets}")
    print(f"the same report as a whole reload:        {reloaded:8.1f} ms, model resets: {reloaded_resets}")
    print(f"ratio whole reload / kept: x{reloaded / kept:.1f}")


if __name__ == "__main__":
    main()
