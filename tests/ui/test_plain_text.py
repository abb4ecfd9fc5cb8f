"""Transcript text is shown as the characters it is: markup is not interpreted and nothing is fetched."""

from __future__ import annotations

import http.server
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

from reader.ui.table.segment_model import RAW
from tests.ui.conftest import fitted, write_sample


@pytest.fixture
def server():
    """A local web server that counts every request it gets."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()


def inked_width(image: QImage) -> int:
    """How many pixel columns hold any dark ink."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride, width = grey.bytesPerLine(), grey.width()
    data = bytes(grey.constBits())
    inked = set()
    for y in range(grey.height()):
        line = data[y * stride : y * stride + width]
        inked.update(x for x, value in enumerate(line) if value < 160)
    return len(inked)


def paint_cell(window, row: int, column: int) -> QImage:
    view = window.view
    index = window.model.index(row, column)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    rect = view.visualRect(index)
    option.rect = rect.translated(-rect.topLeft())
    option.font = view.font()
    image = QImage(rect.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    return image


def test_markup_in_a_transcript_renders_literally_and_nothing_is_fetched(qtbot, make_window, tmp_path, db_path, server):
    from reader.core.library import import_file, open_library

    url, requests = server
    lines = [
        f'<img src="{url}/inline.png">看图',
        "<b>粗体</b>",
        f'<a href="{url}/link">链接</a>',
        f"![<b>图</b>]({url}/image.png)",
    ]
    path = write_sample(tmp_path, "# 标记\n\n" + "\n\n".join(lines) + "\n", name="markup.txt")
    lib = open_library(db_path)
    import_file(lib, path)
    lib.close()
    window = make_window()
    with fitted(qtbot, window.view):  # rows get their heights from the event loop
        window.show()
        window.open_library(db_path)
    model = window.model
    assert [model.index(r, RAW).data() for r in range(model.rowCount())] == lines
    window.grab()  # paints every visible cell, both columns

    bold_row = 1
    image = paint_cell(window, bold_row, RAW)
    metrics = QFontMetricsF(window.view.font())
    literal, interpreted = metrics.horizontalAdvance("<b>粗体</b>"), metrics.horizontalAdvance("粗体")
    assert inked_width(image) > (literal + interpreted) / 2, "the tags are drawn, not obeyed"

    # Tooltips are rich text if they look like it: the image line must come out as its characters.
    tip = model.index(3, RAW).data(Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    document.setHtml(tip)
    assert lines[3] in document.toPlainText()
    view = window.view
    rect = view.visualRect(model.index(3, RAW))
    QToolTip.showText(view.viewport().mapToGlobal(rect.center()), tip, view.viewport())
    qtbot.wait(200)
    QToolTip.hideText()
    assert requests == []
