"""Speakers and topics in the reader: number keys, the label bar's filter, jumps, the speaker and topic pickers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMainWindow, QVBoxLayout

from reader.ui import dialogs
from reader.ui.operations import Operations, labels
from reader.ui.operations.reads import Label
from reader.ui.table.segment_model import SPEAKER, SegmentIdRole, SegmentTableModel
from reader.ui.table.segment_view import SegmentView
from reader.ui.window.label_bar import LabelBar


class Labelling(QObject):
    """The window tells it the open transcript (`transcript_id`); `filter` is the speaker and topic shown."""

    def __init__(
        self,
        ops: Operations,
        window: QMainWindow,
        model: SegmentTableModel,
        view: SegmentView,
        bar: LabelBar,
        show_labels: QAction,
        reload: Callable[[int], None],
    ):
        super().__init__(window)
        self.ops, self.window, self.model, self.view, self.bar = ops, window, model, view, bar
        self.show_labels = show_labels
        self._reload = reload  # reload(transcript id): the open transcript again, under a new filter
        self.transcript_id: int | None = None
        self.filter: tuple[int | None, int | None] = (None, None)  # speaker id, topic id shown
        self._keys_transcript: int | None = None  # whose speakers the number keys hold
        self.speaker_dialog: QInputDialog | None = None
        self.topic_dialog: QDialog | None = None
        model.speaker_requested.connect(self._speaker_requested)
        view.speaker_key.connect(self.speaker_key)
        bar.filter_changed.connect(self.set_filter)
        show_labels.toggled.connect(lambda _on: self._show_label_columns())

    def _status(self, text: str, timeout: int) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def library_opened(self) -> None:
        self._keys_transcript = None  # another library's speakers

    def transcript_opened(self, transcript_id: int) -> None:
        self.transcript_id = transcript_id
        self.filter = (None, None)  # a new transcript starts unfiltered
        self.bar.set_filter(None, None)

    def selected_segment_ids(self) -> list[int]:
        """The segments of the selected rows, else of the current row."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.current_row() >= 0:
            rows = [self.view.current_row()]
        return [self.model.index(row, 0).data(SegmentIdRole) for row in rows]

    def _segment_ids_to_label(self) -> list[int]:
        """`selected_segment_ids()`; when there are none, the status bar says to select one."""
        ids = self.selected_segment_ids()
        if not ids:
            self._status(self.tr("Select a segment first"), 4000)
        return ids

    # the bar and the columns
    def load(self) -> None:
        """The transcript's speakers (number-key order) and the library's topics, for the bar and the cells."""
        if self.transcript_id is not None:
            labels.load_transcript_labels(self.ops, self.transcript_id, self._loaded)

    def _loaded(self, result: tuple[int, list[Label], list[Label]]) -> None:
        transcript_id, speakers, topics = result
        if transcript_id != self.transcript_id:
            return
        self.bar.set_labels(speakers, topics, keep_keys=self._keys_transcript == transcript_id)
        self._keys_transcript = transcript_id
        self.view.set_speaker_names([label.name for label in speakers])
        self._show_label_columns()

    def _show_label_columns(self) -> None:
        # A library with speakers gets the columns on every transcript, so a fresh one can be labelled there.
        self.view.set_labels_wanted(self.show_labels.isChecked() or bool(self.bar.key_speakers()))

    def set_filter(self, speaker_id: int | None, topic_id: int | None) -> None:
        """Show only the segments with that speaker and/or topic (None: any)."""
        if (speaker_id, topic_id) == self.filter:
            return
        self.filter = (speaker_id, topic_id)
        if self.transcript_id is not None:
            self._reload(self.transcript_id)

    # labelling
    def speaker_key(self, number: int) -> None:
        """Number key on the table: 1..9 give the selected rows the transcript's n-th speaker, 0 clears them."""
        ids = self._segment_ids_to_label()
        if not ids:
            return
        if number == 0:
            labels.assign_speaker(self.ops, ids, None)
            return
        speakers = self.bar.key_speakers()
        if number > len(speakers):
            if self.view.isColumnHidden(SPEAKER):
                # No Speaker cell to type in yet: say where the columns are switched on.
                text = self.tr("No speaker on key %1: Labels › Always Show Speaker and Topic Columns, then type a name in a Speaker cell")
            else:
                text = self.tr("No speaker on key %1: type a name in a Speaker cell to make one")
            self._status(text.replace("%1", str(number)), 8000)
            return
        labels.assign_speaker(self.ops, ids, speakers[number - 1].id, speakers[number - 1].name)

    def _speaker_requested(self, segment_id: int, name: str) -> None:
        """A name typed or picked in a speaker cell: for every selected row when that row is one of them."""
        ids = self.selected_segment_ids()
        if segment_id not in ids:
            ids = [segment_id]
        labels.assign_speaker(self.ops, ids, name or None, name)

    def remove_topics(self) -> None:
        ids = self._segment_ids_to_label()
        if ids:
            labels.untag_topic(self.ops, ids)

    def choose_speaker(self) -> None:
        ids = self._segment_ids_to_label()
        if ids:
            labels.load_names(self.ops, labels.LabelKind.SPEAKER, lambda names: self._ask_speaker(ids, names))

    def _ask_speaker(self, ids: list[int], names: list[str]) -> None:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Set Speaker"))
        dialog.setLabelText(self.tr("Speaker of %n segment(s) (a new name makes a new speaker):", "", len(ids)))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(True)
        dialog.setTextValue("")
        dialog.textValueSelected.connect(lambda name: labels.assign_speaker(self.ops, ids, " ".join(name.split()) or None, name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.speaker_dialog = dialog

    def choose_topic(self) -> None:
        ids = self._segment_ids_to_label()
        if not ids:
            return
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Tag Topic"))
        picker = dialogs.TopicPicker(dialog)
        QVBoxLayout(dialog).addWidget(picker)
        picker.chosen.connect(lambda name: labels.tag_topic(self.ops, ids, name, name))
        picker.chosen.connect(dialog.accept)
        dialogs.load_topics(self.ops, picker)
        dialogs.load_suggestions(self.ops, picker, self.transcript_id, ids)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        picker.edit.setFocus()
        self.topic_dialog = dialog

    # moving
    def jump(self, kind: labels.LabelKind, backwards: bool, row: int | None) -> None:
        """To the next (or previous) segment with `row`'s speaker or topic, within the filter."""
        if row is None or self.transcript_id is None:
            return
        r = self.model.row_at(row)
        if r is None:
            return  # its page is still loading
        speaker_id, topic_id = self.filter
        if kind == labels.LabelKind.SPEAKER:
            speaker_id, name = r.speaker_id, r.speaker
            missing = self.tr("This segment has no speaker")
        else:
            # With a topic filter, that topic; else the row's first.
            topic = next((t for t in r.topics if t.id == topic_id), r.topics[0] if r.topics else None)
            topic_id, name = (topic.id, topic.name) if topic else (None, None)
            missing = self.tr("This segment has no topic")
        if name is None:
            self._status(missing, 4000)
            return
        tid = self.transcript_id
        labels.find_next_labelled(
            self.ops, tid, r.position, speaker_id, topic_id, backwards, lambda found: self._jumped(tid, found, name)
        )

    def _jumped(self, transcript_id: int, found: tuple[int, int] | None, name: str) -> None:
        if transcript_id != self.transcript_id:
            return
        row = None if found is None else self.model.row_of(found[0])
        if row is None:
            self._status(self.tr("No further segment of %1").replace("%1", name), 4000)
            return
        self.view.scroll_to_row(row, max(self.view.currentIndex().column(), 0))
