"""Correction memory's bar above the table: a saved correction's changed spans that occur elsewhere,
each offered as a rule of this transcript or of every transcript. It never asks: a new correction's
offers replace the last ones, and × or taking one puts it away.

Several spans of one correction (`大圆模型和微信` → `大语言模型和vision`) are one line each, so
each can be taken or left on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from reader.ui.i18n import Retranslating
from reader.ui.operations import quality

if TYPE_CHECKING:
    from reader.ui.operations.quality import Span

Offer = tuple["Span", int, int]  # (span, segments of this transcript, segments of the library)


class _OfferLine(QWidget):
    def __init__(self, offer: Offer, parent: QWidget):
        super().__init__(parent)
        self.offer = offer
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the spans are transcript text
        self.label.setWordWrap(True)
        self.here_button = QPushButton(self)
        self.here_button.setEnabled(offer[1] > 0)  # a rule of this transcript would change nothing
        self.everywhere_button = QPushButton(self)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setText("×")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.here_button)
        layout.addWidget(self.everywhere_button)
        layout.addWidget(self.close_button)


class RuleOfferBar(Retranslating, QFrame):
    # (span, segments the rule changes, everywhere?)
    chosen = Signal(object, int, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ruleOfferBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lines: list[_OfferLine] = []
        # Where the keyboard goes when the line holding it goes (the table): else Qt hands it to the
        # first field of the window, the library filter, whose own Ctrl+Z would swallow the undo.
        self.focus_after: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.hide()

    def retranslate(self) -> None:
        for line in self.lines:
            span, here, everywhere = line.offer
            line.label.setText(quality.offer_text(span, here, everywhere))
            line.here_button.setText(self.tr("This Transcript"))
            line.here_button.setToolTip(self.tr("A rule for this transcript only"))
            line.everywhere_button.setText(self.tr("Everywhere"))
            line.everywhere_button.setToolTip(self.tr("A rule for every transcript of the library"))
            line.close_button.setToolTip(self.tr("Not now"))

    def set_offers(self, offers: list[Offer]) -> None:
        """The offers of the latest correction, in place of any shown before."""
        self.clear()
        for offer in offers:
            line = _OfferLine(offer, self)
            line.here_button.clicked.connect(lambda _c=False, line=line: self._take(line, everywhere=False))
            line.everywhere_button.clicked.connect(lambda _c=False, line=line: self._take(line, everywhere=True))
            line.close_button.clicked.connect(lambda _c=False, line=line: self._remove(line))
            self._layout.addWidget(line)
            self.lines.append(line)
        self.retranslate()
        self.setVisible(bool(self.lines))

    def clear(self) -> None:
        for line in self.lines:
            line.deleteLater()
        self.lines = []
        self.hide()

    def _take(self, line: _OfferLine, everywhere: bool) -> None:
        span, here, in_library = line.offer
        self._remove(line)
        self.chosen.emit(span, in_library if everywhere else here, everywhere)

    def _remove(self, line: _OfferLine) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and line.isAncestorOf(focused):
            following = next((other for other in self.lines if other is not line), None)
            if following is not None:
                following.everywhere_button.setFocus()
            elif self.focus_after is not None:
                self.focus_after.setFocus()
        self.lines.remove(line)
        self._layout.removeWidget(line)
        line.deleteLater()
        self.setVisible(bool(self.lines))
