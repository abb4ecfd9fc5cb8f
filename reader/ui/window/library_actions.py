"""The File menu's library actions: open (a file, a server, a recent one), back up, restore, a damaged library,
and the name revisions are saved under."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox, QPushButton

from reader.ui import dialogs
from reader.ui.operations import Operations, library
from reader.ui.operations.library import DamagedLibrary
from reader.ui.settings import Settings


class LibraryActions(QObject):
    def __init__(self, ops: Operations, settings: Settings, window: QMainWindow, stop_watching: Callable[[], None]):
        super().__init__(window)
        self.ops, self.settings, self.window = ops, settings, window
        self._stop_watching = stop_watching
        self._pending: str | None = None  # asked for, added to the recent list once open
        self.library_db = ""  # the open library as the person named it (a path, not the engine's URL)
        self.backup_actions: list[QAction] = []  # enabled while an SQLite library is open
        # The last of each box or dialog shown, for tests to answer.
        self.damage_box: QMessageBox | None = None
        self.damage_restore_button: QPushButton | None = None
        self.restore_box: QMessageBox | None = None
        self.confirm_restore_button: QPushButton | None = None
        self.restored_box: QMessageBox | None = None
        self.open_shared_dialog: QDialog | None = None
        self.author_dialog: QInputDialog | None = None
        ops.library_opened.connect(self._opened)
        ops.damaged.connect(self.offer_backup)
        ops.restored.connect(self._restored)
        ops.backed_up.connect(lambda path: self._status(self.tr("Library backed up to %1").replace("%1", path), 8000))

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    # opening
    def choose_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Open or Create Library"), "", self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_library(path)

    def open_library(self, db: str, import_seeds: bool = False) -> None:
        self._status(self.tr("Opening %1…").replace("%1", db))
        self._pending = db
        library.open(self.ops, db, import_seeds=import_seeds)

    def _opened(self, location: str) -> None:
        if self._pending:
            self.settings.add_recent_library(self._pending)
        self.library_db = self._pending or location
        for act in self.backup_actions:
            act.setEnabled(self.ops.library is not None and self.ops.library.is_sqlite)  # a server's has its own tools
        self._status(self.tr("Library: %1").replace("%1", location), 5000)

    def open_shared_library(self) -> None:
        dialog = dialogs.OpenSharedDialog(self.ops, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.open_library)
        dialog.open()
        self.open_shared_dialog = dialog

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for db in self.settings.recent_libraries():
            act = menu.addAction(db)
            act.triggered.connect(lambda _checked=False, d=db: self.open_library(d))
        if menu.isEmpty():
            menu.addAction(self.tr("(none)")).setEnabled(False)

    # backups
    def offer_backup(self, damaged: DamagedLibrary) -> None:
        """A library that failed its check stays closed; offer its newest good backup."""
        def left_closed() -> None:
            self._status(self.tr("%1 is damaged and was not opened").replace("%1", damaged.location))

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Library Damaged"), "", parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # SQLite's report and file names
        text = self.tr("The library %1 is damaged; nothing will be written into it.\n\nSQLite found: %2").replace(
            "%1", damaged.location
        ).replace("%2", damaged.report)
        if damaged.backup is None or damaged.backup_made is None:  # the two are found together
            text += "\n\n" + self.tr("There is no good backup of it. Open or create another library from the File menu.")
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            box.finished.connect(left_closed)
            self.damage_restore_button = None
        else:
            text += "\n\n" + self.tr(
                "Its newest good backup was made %1:\n%2\n\n"
                "Restore it? The damaged file is kept aside, renamed %3.damaged-<time>, for anyone who wants to rescue more."
            ).replace("%1", QLocale().toString(_qt_time(damaged.backup_made), QLocale.FormatType.ShortFormat)).replace(
                "%2", str(damaged.backup)
            ).replace("%3", Path(damaged.location).name)
            restore_button = box.addButton(self.tr("Restore Backup"), QMessageBox.ButtonRole.AcceptRole)
            keep_closed = box.addButton(self.tr("Leave It Closed"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore_button)
            box.setEscapeButton(keep_closed)
            keep_closed.clicked.connect(left_closed)
            restore_button.clicked.connect(lambda: self.restore_from(str(damaged.backup), damaged.location))
            self.damage_restore_button = restore_button
        box.setText(text)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self.damage_box = box

    def choose_backup_file(self) -> None:
        name = f"{Path(self.library_db).stem}-backup-{date.today().isoformat()}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Back Up Library"), str(Path.home() / name), self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)")
        )
        if path:
            self.back_up_to(path)

    def back_up_to(self, path: str) -> None:
        self._status(self.tr("Backing up to %1…").replace("%1", path))
        library.back_up(self.ops, path)

    def choose_restore_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore from Backup"), str(library.backups_dir(self.library_db)),
            self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)"),
        )
        if path:
            self.confirm_restore(path)

    def confirm_restore(self, path: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from Backup"), "", parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Replace the library %1 with the backup %2?\n\n"
                "The library as it is now is first added to its automatic backups, so you can go back to it."
            ).replace("%1", self.library_db).replace("%2", path)
        )
        self.confirm_restore_button = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_restore_button.clicked.connect(lambda: self.restore_from(path))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self.restore_box = box

    def restore_from(self, path: str, db: str | None = None) -> None:
        """Restore `path` into the library `db` (default: the open one), which then opens afresh."""
        db = db or self.library_db
        self._stop_watching()  # the restore rewrites the change log it reads; it starts again on the reopened library
        self._status(self.tr("Restoring %1…").replace("%1", path))
        self._pending = db
        library.restore(self.ops, path, db)

    def _restored(self, restored: library.Restored) -> None:
        self._status(self.tr("Library restored: %1").replace("%1", str(restored.library)), 8000)
        if restored.set_aside is not None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Library Restored"), "", parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(
                self.tr("The library was restored from its backup. The damaged file was kept as:\n%1").replace(
                    "%1", str(restored.set_aside)
                )
            )
            box.show()
            self.restored_box = box

    # who revisions name
    def choose_author(self) -> None:
        dialog = QInputDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Your Name in Revisions"))
        dialog.setLabelText(self.tr("Your corrections are saved under this name (empty: your login name):"))
        dialog.setTextValue(self.settings.author() or library.current_user())
        dialog.textValueSelected.connect(self.set_author)
        dialog.open()
        self.author_dialog = dialog

    def set_author(self, name: str) -> None:
        self.settings.set_author(name)
        library.set_author(self.ops, self.settings.author() or None)
        shown = self.settings.author() or self.tr("your login name")
        self._status(self.tr("Revisions now name %1").replace("%1", shown), 5000)


def _qt_time(local: datetime) -> QDateTime:
    """A local wall-clock time for QLocale, which formats it in the person's own way."""
    return QDateTime.fromMSecsSinceEpoch(int(local.timestamp() * 1000))
