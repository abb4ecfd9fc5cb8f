"""Rows on screen show all their text: no last line cut off, at any window width."""

from __future__ import annotations

from reader.ui.table.segment_model import CLEAN, RAW
from tests.ui.conftest import fitted, write_sample

# In the test font (tests/fonts.py) a Chinese character is 12 px wide. Rows one line of 19 to 35
# characters long: at many widths of the sweep one of them exactly fills its column, where an
# off-by-one shows. With them the scroll bar stays up at every width, so each width settles to
# one set of column widths rather than flipping with the scroll bar.
PHRASE = "我们讨论视觉语言模型的发展和应用今天先看数据再谈训练最后比较各种评测方法"
EXACT = [PHRASE[:n] for n in range(19, 36)]
PARAGRAPHS = ["".join(f"第{n}段第{i}句我们讨论视觉语言模型的发展和应用" for i in range(6)) for n in range(8)]
LONG = "# 长段落\n\n" + "\n\n".join(EXACT + PARAGRAPHS)


def clipped_rows(view) -> list[int]:
    """Rows shorter than their text needs at the width the cell is really painted."""
    model = view.model()
    delegate = view.itemDelegate()
    return [
        row
        for row in view.visible_rows()
        for col in (RAW, CLEAN)
        if view.rowHeight(row)
        < delegate.height_for(model.index(row, col), view.font(), view.visualRect(model.index(row, col)).width())
    ]


def test_no_row_on_screen_loses_its_last_line_at_any_width(qtbot, make_window, tmp_path, db_path):
    from reader.core.library import import_file, open_library

    lib = open_library(db_path)
    import_file(lib, write_sample(tmp_path, LONG, "long.txt"))
    lib.close()
    window = make_window()
    window.resize(900, 700)
    window.show()
    window.open_library(db_path)
    view = window.view
    qtbot.waitUntil(lambda: view.model().rowCount() == len(EXACT + PARAGRAPHS) and not clipped_rows(view), timeout=5000)
    # Many widths: somewhere a line exactly fills its column, where an off-by-one shows.
    cut = {}
    for width in range(907, 1300, 7):
        with fitted(qtbot, view):  # the fit runs from the event loop after a resize
            window.resize(width, 700)
        if clipped_rows(view):
            cut[width] = clipped_rows(view)
    assert not cut, f"rows cut off (window width: rows): {cut}"
