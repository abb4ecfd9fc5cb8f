"""Importing files chosen or dropped: the progress bar and Cancel in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressBar, QToolButton

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

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.window.statusBar().showMessage(self.tr("Cancelling…"))
