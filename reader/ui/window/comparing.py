"""Tools › Compare With…: the comparison dock, and the bar that offers a comparison after an
import brought a likely second recognition of a transcript already in the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from reader.ui.cleaning import clean_settings_from
from reader.ui.compare.view import CompareView
from reader.ui.i18n import Retranslating
from reader.ui.operations import OpChanges, Operations, reads
from reader.ui.operations import compare as compare_ops
from reader.ui.operations.compare import OtherRecognition
from reader.ui.operations.reads import TranscriptSummary
from reader.ui.window.docks import add_dock

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


class RecognitionBar(Retranslating, QWidget):
    """"Transcript 3 looks like a second recognition of 1 …  [Compare] [Dismiss]"."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("recognitionBar")
        self.pair: tuple[int, OtherRecognition] | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a title is transcript text
        self.label.setWordWrap(True)
        self.compare_button = QPushButton(self)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.dismiss_button)
        self.setStyleSheet("#recognitionBar { background: #fff4c8; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()
        self.retranslate()

    def offer(self, pair: tuple[int, OtherRecognition]) -> None:
        self.pair = pair
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.compare_button.setText(self.tr("Compare"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        if self.pair is not None:
            new, other = self.pair
            self.label.setText(
                self.tr('Transcript %1 looks like a second recognition of %2 "%3".')
                .replace("%1", str(new)).replace("%2", str(other.transcript_id)).replace("%3", other.title)
            )


class Comparing(Retranslating, QObject):
    def __init__(self, ops: Operations, window: MainWindow):
        super().__init__(window)
        self.ops, self.window = ops, window
        self.dock: QDockWidget | None = None
        self.view: CompareView | None = None
        self.pair: tuple[int, int] | None = None
        self.picker: QInputDialog | None = None
        self._choices: list[TranscriptSummary] = []
        self.act_compare = QAction(window)
        self.act_compare.triggered.connect(self.choose)
        self.bar = RecognitionBar(window)
        column = window.label_bar.parentWidget()
        layout = column.layout() if column is not None else None
        assert isinstance(layout, QBoxLayout), "the label bar sits in the table's column"
        layout.insertWidget(0, self.bar)  # above the label bar, like the window's other bars
        self.bar.compare_button.clicked.connect(self._compare_offered)
        ops.changed.connect(self._changed)
        ops.import_finished.connect(self._import_finished)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_compare.setText(self.tr("&Compare With…"))
        self.act_compare.setToolTip(self.tr("Align this transcript with another recognition of the same talk"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Comparison"))

    # choosing the other transcript
    def choose(self) -> None:
        if self.window.transcript_id is None:
            self.window.statusBar().showMessage(self.tr("Open a transcript first"), 4000)
            return
        reads.load_transcripts(self.ops, self._offer_choices)

    def _offer_choices(self, infos: list[TranscriptSummary]) -> None:
        this = self.window.transcript_id
        self._choices = [info for info in infos if info.id != this]
        if not self._choices:
            self.window.statusBar().showMessage(self.tr("The library holds no other transcript"), 4000)
            return
        picker = QInputDialog(self.window)
        picker.setWindowTitle(self.tr("Compare With"))
        picker.setLabelText(self.tr("The other recognition of this talk:"))
        picker.setComboBoxItems([f"{info.id}  {info.title}" for info in self._choices])
        picker.setComboBoxEditable(False)
        picker.textValueSelected.connect(self._chosen)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.open()
        self.picker = picker

    def _chosen(self, text: str) -> None:
        labels = [f"{info.id}  {info.title}" for info in self._choices]
        if text in labels and self.window.transcript_id is not None:
            self.start(self.window.transcript_id, self._choices[labels.index(text)].id)

    # the comparison
    def start(self, a_id: int, b_id: int) -> None:
        """Align transcript `a_id` (the one read) with `b_id` and show them side by side."""
        view = self._make_dock()
        self.pair = (a_id, b_id)
        assert self.dock is not None
        self.dock.show()
        self.dock.raise_()
        view.busy()
        self._run()
        view.setFocus()

    def _run(self) -> None:
        if self.pair is None or self.view is None:
            return
        view = self.view
        settings = clean_settings_from(self.window.settings)
        compare_ops.compare(self.ops, *self.pair, settings, view.show_comparison, view.progressed)

    def _make_dock(self) -> CompareView:
        if self.view is None:
            self.view = CompareView(self.ops, self.window)
            self.view.closed.connect(self.close)
            self.dock = add_dock(self.window, "compareDock", self.view, Qt.DockWidgetArea.BottomDockWidgetArea)
            self.retranslate()
        return self.view

    def close(self) -> None:
        """Back to the reader as it was: the comparison goes, the reader never moved."""
        self.pair = None
        if self.dock is not None:
            self.dock.hide()
        self.window.view.setFocus()

    def transcript_opened(self, transcript_id: int | None) -> None:
        """The reader went to another transcript: a comparison of the one it left goes too, or
        "use this wording" would write into a transcript the reader no longer shows."""
        if self.pair is not None and self.pair[0] != transcript_id:
            self.pair = None
            if self.dock is not None:
                self.dock.hide()

    def _changed(self, changes: OpChanges) -> None:
        if self.pair is None or self.dock is None or not self.dock.isVisible():
            return
        if not changes.transcripts or set(self.pair) & changes.transcripts or changes.rules:
            self._run()

    # after an import
    def _import_finished(self, made: int) -> None:
        if made:
            compare_ops.second_recognitions(self.ops, made, self._found)

    def _found(self, pairs: list[tuple[int, OtherRecognition]]) -> None:
        if pairs:
            self.bar.offer(pairs[0])

    def _compare_offered(self) -> None:
        if self.bar.pair is None:
            return
        new, other = self.bar.pair
        self.bar.hide()
        self.window.library_panel.select(new)
        self.start(new, other.transcript_id)
