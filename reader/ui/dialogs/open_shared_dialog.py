"""The "Open Shared Library" dialog: a team's library on a PostgreSQL server.

The dialog builds the database URL from its fields and hands it over by the
`chosen` signal; the window opens it like any library. The URL never holds the
password, since the window keeps URLs in its recent list: the password goes to
`db.use_password` for this run, and, only if the user ticks the box, to
~/.pgpass (libpq's own password file, readable by the user alone), where every
PostgreSQL tool finds it. "Test connection" and saving the password run in
the background.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from reader.ui.i18n import Retranslating
from reader.ui.messages import error_text
from reader.ui.operations import Operations, library

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


class OpenSharedDialog(Retranslating, QDialog):
    chosen = Signal(str)  # the library's URL, without the password
    tested = Signal(bool)  # a connection test finished: could it connect?

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.user = QLineEdit(_login(), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.test_button = QPushButton(self)
        self.status = QLabel(self)
        # Server messages can hold anything: never rich text.
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)

        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.labels, (self.host, self.port, self.database, self.user, self.password), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.test_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open Shared Library"))
        texts = (self.tr("&Server:"), self.tr("&Port:"), self.tr("&Database:"), self.tr("&User:"), self.tr("Pass&word:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.host.setPlaceholderText(self.tr("server name, or the folder of its socket"))
        self.remember.setText(self.tr("Remember the password (in ~/.pgpass, readable only by you)"))
        self.test_button.setText(self.tr("&Test Connection"))

    def _update_buttons(self) -> None:
        ready = all(f.text().strip() for f in (self.host, self.database, self.user))
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ready)
        self.test_button.setEnabled(ready)

    def url(self) -> str:
        """The library's URL from the fields, without the password."""
        host = self.host.text().strip()
        # A folder is where the server's Unix socket lives (libpq's host=/path).
        on_socket = host.startswith("/")
        return URL.create(
            DRIVER,
            username=self.user.text().strip(),
            host=None if on_socket else host,
            port=None if on_socket or self.port.value() == DEFAULT_PORT else self.port.value(),
            database=self.database.text().strip(),
            query={"host": host} if on_socket else {},
        ).render_as_string(hide_password=False)

    def test_connection(self) -> None:
        url, password = self.url(), self.password.text()
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Connecting…"))
        library.test_server(self._ops, url, password, self._tested, self._test_failed)

    def _tested(self, found: library.ServerCheck) -> None:
        if found.state == "library":
            text = self.tr("Connected to %1: a library with %2 transcripts.").replace("%2", str(found.transcripts))
        elif found.state == "empty":
            text = self.tr("Connected to %1: the database is empty and becomes a library when opened.")
        elif found.state == "newer":
            text = self.tr("Connected to %1, but a newer version of transcript-reader made this library: update the app first.")
        else:
            text = self.tr("Connected to %1, but the database holds other tables: choose an empty database.")
        self.status.setText(text.replace("%1", found.server))
        self._update_buttons()
        self.tested.emit(found.state in ("library", "empty"))

    def _test_failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))
        self._update_buttons()
        self.tested.emit(False)

    def accept(self) -> None:
        url, password = self.url(), self.password.text()
        if not password:
            self._chosen(url)
            return
        library.use_password(url, password)
        if not self.remember.isChecked():
            self._chosen(url)
            return
        self.buttons.setEnabled(False)
        library.save_password(self._ops, url, password, lambda _path: self._chosen(url), self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(self.tr("The password could not be saved: %1").replace("%1", error_text(exc)))

    def _chosen(self, url: str) -> None:
        self.chosen.emit(url)
        super().accept()


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
