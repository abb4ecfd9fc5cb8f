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


def _wait(app, condition, timeout: float = 300.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step did not finish")
        app.processEvents()
        time.sleep(0.0005)


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
        _wait(app, lambda: _listed(window) == transcripts)
        window.repaint()
        figures["usable"] = time.time() - started
        # The library opens on the transcript last read (here: the first, the largest); go to another first.
        _wait(app, lambda: window.transcript_id is not None and window.model.rowCount() > 0)
        other = largest_id + 1
        window.open_transcript(other)
        _wait(app, lambda: window.model.rowCount() > 0 and window.model.row_at(0) is not None)
        _wait(app, lambda: not window.ops.runner.busy())
        fitted: list[bool] = []
        window.view.fitted.connect(lambda: fitted.append(True))
        begun = time.perf_counter()
        window.open_transcript(largest_id)
        _wait(app, lambda: window.transcript_id == largest_id and window.model.rowCount() > 1000 and bool(fitted))
        window.view.viewport().repaint()
        figures["open_largest"] = time.perf_counter() - begun
        _wait(app, window.model.fully_loaded)
        _wait(app, lambda: not window.ops.runner.busy())
        figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.ops.runner.shutdown()
        window.ops.close()
        window.ops.runner.wait()
    return figures


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))), flush=True)
    os._exit(0)  # Qt's teardown of a big window adds nothing to measure
