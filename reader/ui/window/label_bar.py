"""The strip above the transcript: which number key gives which speaker, and the speaker/topic filter.

Names come from the library, so every one is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from reader.ui.i18n import Retranslating, fit_to_items
from reader.ui.operations.reads import Label
from reader.ui.table.segment_model import plain_tooltip

SHORTCUT_SPEAKERS = 9  # keys 1..9
SWATCH = 10


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class LabelBar(Retranslating, QWidget):
    filter_changed = Signal(object, object)  # speaker id or None, topic id or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._speakers: list[Label] = []
        self._topics: list[Label] = []
        # On a narrow window the strip is cut off on the right rather than widen the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.keys_title = _plain()
        layout.addWidget(self.keys_title)
        self.keys = QHBoxLayout()
        self.keys.setSpacing(10)
        layout.addLayout(self.keys)
        self.no_speakers = _plain()
        # The hint gives way first on a narrow window: the filters at the right stay whole.
        self.no_speakers.setMinimumWidth(1)
        layout.addWidget(self.no_speakers)
        layout.addStretch(1)
        self.speaker_title = _plain()
        layout.addWidget(self.speaker_title)
        self.speaker_filter = QComboBox(self)
        self.speaker_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.speaker_filter)
        self.topic_title = _plain()
        layout.addWidget(self.topic_title)
        self.topic_filter = QComboBox(self)
        self.topic_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.topic_filter)
        for box in (self.speaker_filter, self.topic_filter):
            box.addItem("", None)
            box.activated.connect(self._filter_chosen)
        self._show_keys()
        self.retranslate()

    def retranslate(self) -> None:
        self.keys_title.setText(self.tr("Keys:"))
        self.no_speakers.setText(self.tr("no speakers yet: Labels › Set Speaker… (Ctrl+Shift+P) names one"))
        self.no_speakers.setToolTip(plain_tooltip(self.no_speakers.text()))
        self.speaker_title.setText(self.tr("Show speaker:"))
        self.topic_title.setText(self.tr("topic:"))
        self.speaker_filter.setItemText(0, self.tr("(all)"))
        self.topic_filter.setItemText(0, self.tr("(all)"))
        fit_to_items(self.speaker_filter)
        fit_to_items(self.topic_filter)

    # what is shown
    def set_labels(self, speakers: list[Label], topics: list[Label], keep_keys: bool = False) -> None:
        """The transcript's speakers in shortcut order and the library's topics; the filter keeps its choice.

        With `keep_keys` (the same transcript, relabelled) every speaker keeps
        the key it had, new ones come after: labelling must not move a speaker
        to another key under the user's fingers.
        """
        if keep_keys:
            fresh = {label.id: label for label in speakers}
            kept = [fresh.pop(label.id) for label in self._speakers if label.id in fresh]
            speakers = kept + [label for label in speakers if label.id in fresh]
        if speakers != self._speakers:
            self._speakers = list(speakers)
            self._show_keys()
        self._topics = list(topics)
        filters_kept = self._fill(self.speaker_filter, self._speakers) & self._fill(self.topic_filter, self._topics)
        if not filters_kept:
            self._filter_chosen()  # the speaker or topic filtered by is gone: show everything again

    def key_speakers(self) -> list[Label]:
        """The speakers on keys 1..9, in order."""
        return self._speakers[:SHORTCUT_SPEAKERS]

    def key_text(self) -> str:
        """The mapping as one line, `1 王老师  2 李博士 …`."""
        return "  ".join(f"{n} {label.name}" for n, label in enumerate(self.key_speakers(), start=1))

    def _show_keys(self) -> None:
        while self.keys.count():
            item = self.keys.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, label in enumerate(self.key_speakers(), start=1):
            swatch = QLabel()
            swatch.setFixedSize(SWATCH, SWATCH)
            # The colour is a checked #rrggbb (tagging refuses anything else).
            swatch.setStyleSheet(f"background: {label.color}; border-radius: 2px;")
            self.keys.addWidget(swatch)
            self.keys.addWidget(_plain(f"{number} {label.name}"))
        has_any = bool(self._speakers)
        self.keys_title.setVisible(has_any)
        self.no_speakers.setVisible(not has_any)

    @staticmethod
    def _fill(box: QComboBox, labels: list[Label]) -> bool:
        """Put `labels` in a filter box; False when the one chosen is no longer among them."""
        chosen = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for label in labels:
            box.addItem(label.name, label.id)
        found = box.findData(chosen)
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)
        fit_to_items(box)
        return chosen is None or found >= 0

    # the filter
    def current_filter(self) -> tuple[int | None, int | None]:
        return self.speaker_filter.currentData(), self.topic_filter.currentData()

    def set_filter(self, speaker_id: int | None, topic_id: int | None) -> None:
        self.speaker_filter.setCurrentIndex(max(self.speaker_filter.findData(speaker_id), 0))
        self.topic_filter.setCurrentIndex(max(self.topic_filter.findData(topic_id), 0))
        self._filter_chosen()

    def _filter_chosen(self, *_args: object) -> None:
        self.filter_changed.emit(*self.current_filter())
