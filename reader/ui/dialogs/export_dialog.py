"""The Export dialog: one transcript to a file, or the whole library to a folder.

Checking what would be overwritten and the export itself run in the
background (the export on the "clean" lane: cleaning uses the segmenter), with
progress; the dialog asks before replacing any file. Every file is written
atomically by the core, and a library export only ever writes inside the
folder chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.formats.writers import EXPORT_SCRIPTS, FORMATS, PARAGRAPHS, READING_FORMATS
from reader.ui.i18n import Retranslating
from reader.ui.messages import error_text
from reader.ui.operations import Operations, reads
from reader.ui.table.segment_model import plain_tooltip
from reader.ui.tasks import Task

ONE, ALL = "one", "all"


class ExportDialog(Retranslating, QDialog):
    exported = Signal(list)  # the paths written

    def __init__(
        self,
        ops: Operations,
        transcript_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._ops = ops
        self._transcript_id = transcript_id
        self._task: Task | None = None

        self.scope = QComboBox(self)
        if transcript_id is not None:
            self.scope.addItem("", ONE)
        self.scope.addItem("", ALL)
        self.format = QComboBox(self)
        for fmt in FORMATS:
            self.format.addItem(fmt, fmt)
        self.script = QComboBox(self)
        for script in EXPORT_SCRIPTS:
            self.script.addItem("", script)
        self.speakers = QCheckBox(self)
        self.speakers.setChecked(True)
        self.images = QCheckBox(self)
        self.comments = QCheckBox(self)  # docx: the segments' comments as Word comments
        self._untimed = False  # the transcript lacks times: srt and vtt are offered disabled
        # Reading formats only: subtitles and data formats are one record per segment.
        self.paragraphs = QComboBox(self)
        for layout_name in PARAGRAPHS:
            self.paragraphs.addItem("", layout_name)
        self.paragraphs_label = QLabel(self)
        self.target = QLineEdit(self)
        self.browse = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)

        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)
        self.form.addRow(self.labels[0], self.scope)
        self.form.addRow(self.labels[1], self.format)
        self.form.addRow(self.labels[2], self.script)
        self.form.addRow("", self.speakers)
        self.form.addRow("", self.images)
        self.form.addRow("", self.comments)
        self.form.addRow(self.paragraphs_label, self.paragraphs)
        self.form.addRow(self.labels[3], target_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._choose_target)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        self.scope.currentIndexChanged.connect(lambda _index: self.target.clear())
        self.scope.currentIndexChanged.connect(lambda _index: self._offer_formats())
        self.format.currentIndexChanged.connect(lambda _index: self._format_chosen())
        self._format_chosen()
        self.retranslate()
        if transcript_id is not None:
            reads.load_timed(ops, transcript_id, self._timed_known)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        for index in range(self.scope.count()):
            one = self.scope.itemData(index) == ONE
            text = self.tr("This transcript, to a file") if one else self.tr("Whole library, one file each into a folder")
            self.scope.setItemText(index, text)
        names = {
            "simplified": self.tr("Simplified"),
            "traditional": self.tr("Traditional"),
            "taiwan": self.tr("Taiwan (with Taiwan's words)"),
            "hongkong": self.tr("Hong Kong"),
            "keep": self.tr("As written"),
        }
        for index in range(self.script.count()):
            self.script.setItemText(index, names[self.script.itemData(index)])
        self.speakers.setText(self.tr("Speaker labels"))
        self.images.setText(self.tr("Images"))
        self.comments.setText(self.tr("Comments (docx: as Word comments)"))
        self._offer_formats()
        self.paragraphs_label.setText(self.tr("Paragraphs:"))
        layouts = {"turns": self.tr("One per speaker's turn"), "segments": self.tr("One per segment")}
        for index in range(self.paragraphs.count()):
            self.paragraphs.setItemText(index, layouts[self.paragraphs.itemData(index)])
        self.browse.setText(self.tr("Choose…"))
        for label, text in zip(self.labels, (self.tr("Export:"), self.tr("Format:"), self.tr("Script:"), self.tr("Save to:")), strict=True):
            label.setText(text)

    def _timed_known(self, timed: bool) -> None:
        self._untimed = not timed
        self._offer_formats()

    def _offer_formats(self) -> None:
        """Subtitles only for a timed transcript: offered disabled, with the reason, before OK is pressed."""
        model = self.format.model()
        refuse = self._untimed and not self.whole_library()
        reason = self.tr("This transcript has no times (it was not imported from subtitles): srt and vtt need them")
        for index in range(self.format.count()):
            if self.format.itemData(index) not in ("srt", "vtt"):
                continue
            item = model.item(index)  # type: ignore[attr-defined]  # a QComboBox's model is a QStandardItemModel
            item.setEnabled(not refuse)
            if refuse:
                item.setToolTip(plain_tooltip(reason))
            else:
                item.setToolTip("")
        if refuse and self.format.currentData() in ("srt", "vtt"):
            self.format.setCurrentIndex(self.format.findData("txt"))

    # choices
    def whole_library(self) -> bool:
        return self.scope.currentData() == ALL

    def options(self) -> reads.ExportOptions:
        return reads.export_options(
            self.speakers.isChecked(), self.images.isChecked(), self.paragraphs.currentData(), self.comments.isChecked()
        )

    def _format_chosen(self) -> None:
        self.paragraphs.setEnabled(self._task is None and self.format.currentData() in READING_FORMATS)
        self.comments.setEnabled(self._task is None and self.format.currentData() == "docx")

    def _choose_target(self) -> None:
        if self.whole_library():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"))
        else:
            fmt = self.format.currentData()
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to file"), f"transcript.{fmt}", f"{fmt.upper()} (*.{fmt})",
                options=QFileDialog.Option.DontConfirmOverwrite,  # we ask ourselves, for every format
            )
        if chosen:
            self.target.setText(chosen)

    def confirm_overwrite(self, paths: list[Path]) -> bool:
        names = "\n".join(p.name for p in paths[:10]) + ("\n…" if len(paths) > 10 else "")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace files?"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("These files exist and would be replaced:") + "\n" + names)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    # running
    def start(self) -> None:
        target = self.target.text().strip()
        if self._ops.library is None:
            self.status.setText(self.tr("No library is open."))
            return
        if not target:
            self.status.setText(self.tr("Choose where to save first."))
            return
        fmt, script, options, whole = self.format.currentData(), self.script.currentData(), self.options(), self.whole_library()
        transcript_id = self._transcript_id
        self._busy(True)
        self.status.setText(self.tr("Checking…"))

        def checked(paths: list[Path]) -> None:
            if paths and not self.confirm_overwrite(paths):
                self._busy(False)
                self.status.setText(self.tr("Nothing was written."))
                return
            self._run(fmt, script, options, whole, transcript_id, target)

        reads.existing_export_files(self._ops, target, fmt, whole, on_done=checked, on_error=self._failed)

    def _run(self, fmt: str, script: str, options: reads.ExportOptions, whole: bool, transcript_id: int | None, target: str) -> None:
        self.status.setText(self.tr("Exporting…"))
        self._task = reads.export_files(
            self._ops, target, fmt, script, options, whole, transcript_id,
            on_done=self._finished, on_error=self._failed, on_progress=self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self, paths: list[Path]) -> None:
        self._task = None
        self._busy(False)
        self.status.setText(self.tr("%n file(s) written.", "", len(paths)))
        self.exported.emit(paths)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._busy(False)
        if reads.export_stopped(exc):
            self.status.setText(self.tr("Export stopped; the files written so far are whole."))
        else:
            self.status.setText(error_text(exc))

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            return
        self.reject()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for widget in (self.scope, self.format, self.script, self.speakers, self.images, self.target, self.browse):
            widget.setEnabled(not busy)
        self.paragraphs.setEnabled(not busy and self.format.currentData() in READING_FORMATS)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
