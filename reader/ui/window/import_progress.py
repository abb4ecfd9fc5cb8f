"""Importing files chosen or dropped: the progress bar and Cancel in the status bar."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressBar, QToolButton

from reader.ui.operations import Operations, library
from reader.ui.tasks import Task


class ImportProgress(QObject):
    def __init__(self, ops: Operations, window: QMainWindow):
        super().__init__(window)
        self.ops, self.window = ops, window
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QToolButton(window)
        self.cancel_button.hide()
        window.statusBar().addPermanentWidget(self.progress)
        window.statusBar().addPermanentWidget(self.cancel_button)
        self._task: Task | None = None
        self.quit_box: QMessageBox | None = None  # the last question asked on quitting, for tests to read
        self.cancel_button.clicked.connect(self._cancel)
        ops.import_started.connect(self._started)
        ops.import_finished.connect(self._finished)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import Transcripts"), "", self.tr("Transcripts (*.txt *.md *.srt *.vtt *.json);;All Files (*)")
        )
        if files:
            library.import_files(self.ops, files)

    def import_paths(self, paths: list[str]) -> None:
        library.import_files(self.ops, paths)

    def _started(self, task: Task) -> None:
        self._task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.window.statusBar().showMessage(self.tr("Importing…"))
        task.progressed.connect(self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self, made: int) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.window.statusBar().showMessage(self.tr("Imported %1 transcript(s)").replace("%1", str(made)), 5000)

    def confirm_quit(self) -> bool:
        """Quitting while an import runs: ask, saying which files are in the library already.

        Each file is imported whole or not at all, so stopping leaves the ones named and nothing of the rest.
        The import goes on while the question is open: the list follows it, or the person would import
        again a file that is already in.
        """
        task = self._task
        if task is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import in progress"), "", parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names, shown as they are
        quit_button = box.addButton(self.tr("Stop and Quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        self.quit_box = box

        def follow() -> None:
            box.setText(self._quit_text(task))

        follow()
        task.progressed.connect(follow)
        task.done.connect(follow)
        try:
            box.exec()
        finally:
            task.progressed.disconnect(follow)
            task.done.disconnect(follow)
        if box.clickedButton() is not quit_button:
            return False
        task.cancel()
        return True

    def _quit_text(self, task: Task) -> str:
        done = [PurePath(path).name for path in library.imported_so_far(task)]
        finished = self._task is not task
        text = self.tr("The import has finished.") if finished else self.tr("An import is still running. Quit and stop it?")
        if done:
            listed = "\n".join(done[:20]) + ("\n…" if len(done) > 20 else "")
            text += "\n\n" + self.tr("Imported so far (kept):") + "\n" + listed
        if not finished:
            text += "\n\n" + self.tr("The files not yet imported are left out; import them again later.")
        return text

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.window.statusBar().showMessage(self.tr("Cancelling…"))
