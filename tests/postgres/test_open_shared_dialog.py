"""The Open Shared Library dialog against a real server: URL, connection test in the background, password."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy.engine import make_url

from reader.core.library import open_library
from reader.ui.dialogs.open_shared_dialog import OpenSharedDialog
from reader.ui.operations import Operations
from reader.ui.tasks import TaskRunner


@pytest.fixture
def dialog(qtbot):
    runner = TaskRunner()
    widget = OpenSharedDialog(Operations.on_library(runner, None))
    qtbot.addWidget(widget)
    yield widget
    runner.shutdown()


def fill(dialog, host, database, user, password="", port=5432):
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def test_the_url_holds_server_port_database_and_user_but_never_the_password(dialog):
    fill(dialog, "db.team.example", "会议", "alice", password="s3cret:x", port=5433)
    url = make_url(dialog.url())
    assert (url.host, url.port, url.database, url.username, url.password) == ("db.team.example", 5433, "会议", "alice", None)
    fill(dialog, "/run/postgresql", "team", "alice", password="s3cret")
    assert dialog.url() == "postgresql+psycopg://alice@/team?host=%2Frun%2Fpostgresql"
    assert "s3cret" not in dialog.url()
    fill(dialog, "", "team", "alice")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()
    assert not dialog.test_button.isEnabled()


def _server_fields(pg_url):
    url = make_url(pg_url)
    return url.query["host"], url.database, url.username


def test_testing_the_connection_says_what_opening_would_find(dialog, qtbot, pg_url):
    host, database, user = _server_fields(pg_url)
    fill(dialog, host, database, user)
    with qtbot.waitSignal(dialog.tested, timeout=30_000) as signal:
        dialog.test_button.click()
    assert signal.args == [True]
    assert "PostgreSQL" in dialog.status.text() and "empty" in dialog.status.text()

    open_library(pg_url).close()
    with qtbot.waitSignal(dialog.tested, timeout=30_000):
        dialog.test_button.click()
    assert "a library with 0 transcripts" in dialog.status.text()


def test_a_failed_connection_is_one_plain_line(dialog, qtbot, pg_url):
    host, _database, user = _server_fields(pg_url)
    fill(dialog, host, "<b>no_such_db</b>", user, password="pw")
    with qtbot.waitSignal(dialog.tested, timeout=30_000) as signal:
        dialog.test_button.click()
    assert signal.args == [False]
    text = dialog.status.text()
    assert 'database "<b>no_such_db</b>" does not exist' in text and "\n" not in text and ":pw@" not in text
    assert dialog.test_button.isEnabled()


def test_opening_hands_over_the_url_and_keeps_the_password_only_if_asked(dialog, qtbot, pg_url, tmp_path, monkeypatch):
    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    host, database, user = _server_fields(pg_url)
    fill(dialog, host, database, user, password="not-kept")
    with qtbot.waitSignal(dialog.chosen) as signal:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert signal.args == [pg_url.replace(f"host={host}", "host=" + host.replace("/", "%2F"))]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not pgpass.exists()
    with open_library(signal.args[0]) as lib:
        assert lib.url.startswith("postgresql+psycopg://")

    again = OpenSharedDialog(dialog._ops)
    qtbot.addWidget(again)
    fill(again, host, database, user, password="kept:too")
    again.remember.setChecked(True)
    with qtbot.waitSignal(again.chosen, timeout=30_000):
        again.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    assert pgpass.read_text(encoding="utf-8") == f"{host}:5432:{database}:{user}:kept\\:too\n"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
