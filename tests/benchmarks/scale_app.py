"""The app on a big library, in a process of its own so that its memory is its own.

`python -m tests.benchmarks.scale_app DB LARGEST_ID TRANSCRIPTS STARTED` (STARTED: the
parent's time.time() just before starting this process) prints one JSON line:
- painted: seconds from the process start until the window is painted (the library opening behind);
- usable: seconds from the process start until the window is painted and the library
  panel lists every transcript with its counts (the window answers input all along:
  the library opens on a lane);
- open_largest: from asking for the largest transcript (coming from another one) to its
  first screen painted;
- peak_rss_mb: the process's peak resident memory, with the library and that transcript open.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import wait_until


def _listed(window) -> int:
    model = window.library_panel.model
    return sum(model.item(top).rowCount() for top in range(model.rowCount()))


def main(db: str, largest_id: int, transcripts: int, started: float) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import build_window
    from reader.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window = build_window(settings=settings)
        window.resize(1400, 900)
        window.show()
        window.clean.warm_up()
        window.open_library(db)
        window.repaint()
        figures["painted"] = time.time() - started
        wait_until(app, lambda: _listed(window) == transcripts, timeout=300.0)
        window.repaint()
        figures["usable"] = time.time() - started
        # The library opens on the transcript last read (here: the first, the largest); go to another first.
        wait_until(app, lambda: window.transcript_id is not None and window.model.rowCount() > 0, timeout=300.0)
        other = largest_id + 1
        window.open_transcript(other)
        wait_until(app, lambda: window.model.rowCount() > 0 and window.model.row_at(0) is not None, timeout=300.0)
        wait_until(app, lambda: not window.ops.runner.busy(), timeout=300.0)
        fitted: list[bool] = []
        window.view.fitted.connect(lambda: fitted.append(True))
        begun = time.perf_counter()
        window.open_transcript(largest_id)
        wait_until(app, lambda: window.transcript_id == largest_id and window.model.rowCount() > 1000 and bool(fitted), timeout=300.0)
        window.view.viewport().repaint()
        figures["open_largest"] = time.perf_counter() - begun
        wait_until(app, window.model.fully_loaded, timeout=300.0)
        wait_until(app, lambda: not window.ops.runner.busy(), timeout=300.0)
        figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.ops.runner.shutdown()
        window.ops.close()
        window.ops.runner.wait()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))), flush=True)
    os._exit(0)  # Qt's teardown of a big window adds nothing to measure
