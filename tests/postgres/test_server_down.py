"""A PostgreSQL server stopped and started under the app and the command line: nothing unsaved is
shown as saved, and the person reads one message in the interface's language, not the driver's."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.core.library import open_library, transcript_segments
from reader.ui.table.segment_model import CLEAN
from tests.postgres.cluster import SERVER_BIN, create_database, start_server, stop_server, throwaway_cluster
from tests.postgres.conftest import TALK
from tests.ui.conftest import db_path, make_window, settings  # noqa: F401 - fixtures of the UI tests, used here

pytestmark = [
    pytest.mark.skipif(SERVER_BIN is None, reason="no PostgreSQL server binaries"),
    # The offscreen platform has no window manager to pass size hints or raise() to.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
]


@pytest.fixture(scope="module")
def own_server():
    """A cluster of this module's own: stopping it disturbs no other test."""
    with throwaway_cluster() as server:
        yield server


@pytest.fixture
def url(own_server, tmp_path):
    url = create_database(own_server)
    talk = tmp_path / "talk.txt"
    talk.write_text(TALK, encoding="utf-8")
    assert main(["--db", url, "import", str(talk)]) == 0
    return url


@pytest.fixture
def stopped(own_server):
    home = own_server[0]
    stop_server(home)
    try:
        yield
    finally:
        start_server(home)


def stored(url: str) -> list[str | None]:
    with open_library(url) as lib:
        return [s.correction for s in transcript_segments(lib, 1)[1]]


def test_commands_against_a_stopped_server_say_so_in_one_line(url, stopped, tmp_path, capsys):
    capsys.readouterr()
    talk = tmp_path / "more.txt"
    talk.write_text("又一份。\n", encoding="utf-8")
    for command in (["list"], ["correct", "1", "1", "改"], ["import", str(talk)], ["show", "1"]):
        assert main(["--db", url, *command]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "cannot reach the PostgreSQL server" in err, err


def test_an_edit_the_stopped_server_refused_reverts_and_one_translated_message_offers_retry(qtbot, make_window, url, own_server):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    window.show()
    window.open_library(url)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    before = window.model.index(1, CLEAN).data()
    errors: list[str] = []
    window.ops.failed.connect(errors.append)

    stop_server(own_server[0])
    try:
        assert window.model.setData(window.model.index(1, CLEAN), "服务器停了也写不进去。")
        qtbot.waitUntil(lambda: window.editing.refused_box is not None)
        box = window.editing.refused_box
        # The cell shows what the library holds, not the text that was not saved.
        assert window.model.index(1, CLEAN).data() == before
        assert window.model.row_at(1).correction is None
        text = box.text()
        assert "PostgreSQL" in text and "psycopg" not in text and "Retry" in text
        assert "服务器停了也写不进去。" in box.detailedText()  # kept for the retry
        assert errors == []  # no second message besides the one box
        assert window._last_error_box is None
    finally:
        start_server(own_server[0])
    assert stored(url)[1] is None
    box.button(QMessageBox.StandardButton.Retry).click()
    qtbot.waitUntil(lambda: stored(url)[1] == "服务器停了也写不进去。")
    qtbot.waitUntil(lambda: window.model.index(1, CLEAN).data() == "服务器停了也写不进去。")


def test_the_message_is_in_the_interface_language(qtbot, make_window, url, own_server):  # noqa: F811
    from pathlib import Path

    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.open_library(url)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    # This checkout's catalogue (an editable install may map reader.resources to another checkout).
    chinese = QTranslator()
    assert chinese.load(str(Path(__file__).parents[2] / "resources" / "translations" / "transcript_reader_zh_CN.qm"))
    QApplication.instance().installTranslator(chinese)
    stop_server(own_server[0])
    try:
        window.model.setData(window.model.index(1, CLEAN), "不会保存。")
        qtbot.waitUntil(lambda: window.editing.refused_box is not None)
        text = window.editing.refused_box.text()
    finally:
        start_server(own_server[0])
        QApplication.instance().removeTranslator(chinese)
    assert "无法连接 PostgreSQL 服务器" in text and "未保存" in text, text
