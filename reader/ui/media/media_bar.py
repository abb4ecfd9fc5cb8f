"""The bar under the table: play/pause, position and length, a progress strip, speed, volume, follow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QStyle, QToolButton, QWidget

from reader.core.timecode import format_time
from reader.ui.media.player import RATES
from reader.ui.table.segment_model import plain_tooltip


class MediaBar(QWidget):
    seek_requested = Signal(int)
    rate_chosen = Signal(float)
    volume_chosen = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mediaBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.play_button = QToolButton(self)
        # The style's drawn icons, not characters: neither Noto CJK nor DejaVu has ⏸ (U+23F8), shown as a box.
        self._icons = {
            playing: self.style().standardIcon(pixmap)
            for playing, pixmap in ((False, QStyle.StandardPixmap.SP_MediaPlay), (True, QStyle.StandardPixmap.SP_MediaPause))
        }
        self.play_button.setIcon(self._icons[False])
        self.time_label = QLabel("0:00 / 0:00", self)
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.strip = QSlider(Qt.Orientation.Horizontal, self)
        self.strip.setRange(0, 0)
        self.strip.sliderMoved.connect(self.seek_requested)
        self.speed = QComboBox(self)
        for rate in RATES:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(RATES.index(1.0))
        self.speed.currentIndexChanged.connect(lambda i: self.rate_chosen.emit(RATES[i]))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMaximumWidth(90)
        self.volume.valueChanged.connect(lambda v: self.volume_chosen.emit(v / 100))
        self.follow = QCheckBox(self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        # A long message (a file's path) must never widen the window: it wraps within the bar
        # instead of being cut where the bar ends, and its tooltip holds it whole.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setWordWrap(True)
        for widget, stretch in ((self.play_button, 0), (self.time_label, 0), (self.strip, 3), (self.speed, 0),
                                (self.volume, 0), (self.follow, 0), (self.message, 2)):
            layout.addWidget(widget, stretch)
        self._duration = 0
        self._position = 0
        self._said: Callable[[], str] = str

    def retranslate(self) -> None:
        self.follow.setText(self.tr("Follow playback"))
        self.speed.setToolTip(self.tr("Speed (Ctrl+, slower, Ctrl+. faster)"))
        self.volume.setToolTip(self.tr("Volume"))
        self.play_button.setToolTip(self.tr("Play or pause (Ctrl+Space)"))
        self._show_message()

    def set_playing(self, playing: bool) -> None:
        self.play_button.setIcon(self._icons[playing])

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, ms)
        self._position = min(self._position, self._duration)
        self.strip.setRange(0, self._duration)
        self._show_time()  # the length as soon as it is known, not at the first position

    def set_position(self, ms: int) -> None:
        self._position = ms
        if not self.strip.isSliderDown():
            self.strip.setValue(ms)
        self._show_time()

    def _show_time(self) -> None:
        self.time_label.setText(f"{format_time(self._position, short=True)} / {format_time(self._duration, short=True)}")

    def set_rate(self, rate: float) -> None:
        nearest = min(range(len(RATES)), key=lambda i: abs(RATES[i] - rate))
        self.speed.setCurrentIndex(nearest)

    def say(self, message: Callable[[], str]) -> None:
        """Show `message()`, and again, worded anew, when the bar is retranslated."""
        self._said = message
        self._show_message()

    def _show_message(self) -> None:
        text = self._said()
        self.message.setText(text)
        self.message.setToolTip(plain_tooltip(text))  # a path is the file's name, never markup
