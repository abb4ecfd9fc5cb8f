"""The reader's speed on a 20,000-segment transcript, beside a plain QTableView.

Figures, measured in one run, offscreen:
- start-up: the window built, shown and painted, while the library opens and
  the segmenter loads in the background (how long that takes is shown too);
- open: from asking for the transcript to its first screen painted (rows read
  from the library on the read lane, visible rows fitted, viewport painted);
- cleaned: until every row on that first screen shows its cleaned text;
- jump to end: scroll to the last segment and paint it, right after opening
  (its rows may still have to be read) and once every row has been read;
- typing: one character typed into an open cell editor, painted.
The yardstick is the straightforward widget: QStandardItemModel in a
QTableView with word wrap and resizeRowsToContents, same rows, same size.
Nothing here asserts a time; the numbers are printed for people to judge.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from tests.benchmarks.timing import wait_until
from tests.benchmarks.window_setup import SEGMENTS, SIZE, ini_settings, make_library, offscreen_app


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _reader(app, db: str, transcript_id: int, folder: Path) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent

    from reader.ui.app import build_window
    from reader.ui.table.segment_model import CLEAN, StateRole

    figures = {}
    start = time.perf_counter()
    window = build_window(settings=ini_settings(folder))
    window.resize(*SIZE)
    window.show()
    window.clean.warm_up()
    window.open_library(db)
    window.repaint()
    figures["start"] = time.perf_counter() - start
    wait_until(app, lambda: window.clean.is_ready)
    figures["segmenter"] = time.perf_counter() - start
    wait_until(app, lambda: window.ops.library is not None)
    wait_until(app, lambda: window.model.rowCount() > 0)  # the library opened on the first transcript
    window.model.set_rows(None, [])
    window.transcript_id = None
    app.processEvents()
    view = window.view

    fitted = []
    view.fitted.connect(lambda: fitted.append(True))
    start = time.perf_counter()
    window.open_transcript(transcript_id)
    wait_until(app, lambda: window.model.rowCount() == SEGMENTS and fitted)
    view.viewport().repaint()
    figures["open"] = time.perf_counter() - start

    def first_screen_clean() -> bool:
        rows = view.visible_rows()
        return all(window.model.index(r, CLEAN).data(StateRole) != "pending" for r in rows)

    wait_until(app, first_screen_clean)
    view.viewport().repaint()
    figures["cleaned"] = time.perf_counter() - start

    def screen_loaded() -> bool:
        return all(window.model.row_at(r) is not None for r in view.visible_rows())

    def jump(to_end: bool) -> float:
        start = time.perf_counter()
        view.scrollToBottom() if to_end else view.scrollToTop()
        view.fit_visible_rows()
        view.viewport().repaint()
        wait_until(app, screen_loaded)  # rows not read yet come from the library
        view.fit_visible_rows()
        view.viewport().repaint()
        return time.perf_counter() - start

    figures["end early"] = jump(to_end=True)  # while the rest of the rows are still being read
    assert view.visible_rows()[-1] == SEGMENTS - 1
    jump(to_end=False)
    wait_until(app, window.model.fully_loaded)
    wait_until(app, lambda: not window.ops.runner.busy())
    figures["end"] = jump(to_end=True)

    row = view.visible_rows()[0]
    view.edit_row(row)
    app.processEvents()
    editor = view.current_editor()
    samples = []
    for ch in "我们今天讨论一下大模型的发展" * 3:
        start = time.perf_counter()
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        app.sendEvent(editor, event)
        editor.viewport().repaint()
        samples.append(time.perf_counter() - start)
    figures["typing"] = statistics.median(samples)
    editor.cancel_requested.emit()
    window.ops.undo_stack.clear()
    window.ops.runner.shutdown()
    window.ops.close()
    window.ops.runner.wait()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.hide()
    return figures


def _yardstick(app, texts: list[str]) -> dict[str, float]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QHeaderView, QTableView

    figures = {}
    view = QTableView()
    view.resize(*SIZE)
    view.setWordWrap(True)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    model = QStandardItemModel(len(texts), 3)
    for i, text in enumerate(texts):
        model.setItem(i, 0, QStandardItem(str(i + 1)))
        model.setItem(i, 1, QStandardItem(text))
        model.setItem(i, 2, QStandardItem(text))
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    view.resizeRowsToContents()
    view.viewport().repaint()
    figures["open"] = time.perf_counter() - start
    start = time.perf_counter()
    view.scrollToBottom()
    view.viewport().repaint()
    figures["end"] = time.perf_counter() - start
    view.hide()
    return figures


def main() -> None:
    with offscreen_app() as (app, folder):
        start = time.perf_counter()
        db, transcript_id, texts = make_library(folder)
        print(f"library with one transcript of {SEGMENTS} segments made in {_ms(time.perf_counter() - start)}")
        ours = _reader(app, db, transcript_id, folder)
        plain = _yardstick(app, texts)
    print(f"{'':34}{'reader':>12}{'QTableView+resizeRows':>24}{'ratio':>9}")
    print(f"{'start-up: window painted':34}{_ms(ours['start']):>12}")
    print(f"{'  segmenter loaded meanwhile':34}{_ms(ours['segmenter']):>12}")
    print(f"{'open and paint first screen':34}{_ms(ours['open']):>12}{_ms(plain['open']):>24}{plain['open'] / ours['open']:8.0f}x")
    print(f"{'first screen cleaned':34}{_ms(ours['cleaned']):>12}{'-':>24}")
    print(f"{'jump to end, just opened':34}{_ms(ours['end early']):>12}{_ms(plain['end']):>24}{plain['end'] / ours['end early']:8.1f}x")
    print(f"{'jump to end, rows all read':34}{_ms(ours['end']):>12}{_ms(plain['end']):>24}{plain['end'] / ours['end']:8.1f}x")
    print(f"{'type one character (median)':34}{_ms(ours['typing']):>12}{'-':>24}")
    print("targets: open < 300 ms, jump to end < 100 ms, typing instant (< 16 ms, one frame)")


if __name__ == "__main__":
    main()
