"""A transcript's overview: each speaker's share of the talk and the segments per topic, as bar charts.

Painted with QPainter (no plotting library); every label is drawn as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from reader.core.errors import UserError
from reader.ui.messages import error_text
from reader.ui.operations import OpChanges, Operations, reads

if TYPE_CHECKING:
    from reader.ui.operations.reads import Overview

UNLABELLED_COLOR = "#c8c8c8"
MARGIN = 16
GAP = 6
BAR_MIN_WIDTH = 120


class OverviewChart(QWidget):
    """Two horizontal bar charts; `set_overview` gives the data, `export_png` saves what is shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._overview: Overview | None = None
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def overview(self) -> Overview | None:
        return self._overview

    def set_overview(self, overview: Overview | None) -> None:
        self._overview = overview
        self.updateGeometry()
        self.update()

    # what is drawn: (section title, [(label, value text, fraction of the longest bar, colour)])
    def sections(self) -> list[tuple[str, list[tuple[str, str, float, str]]]]:
        found = self._overview
        if found is None:
            return []
        longest = max((s.chars for s in found.speakers), default=0) or 1
        speakers = [
            (
                s.speaker.name if s.speaker else self.tr("(no speaker)"),
                self.tr("%1 characters · %2%").replace("%1", str(s.chars)).replace("%2", f"{s.percent:.1f}"),
                s.chars / longest,
                s.speaker.color if s.speaker else UNLABELLED_COLOR,
            )
            for s in found.speakers
        ]
        most = max((t.segments for t in found.topics), default=0) or 1
        topics = [
            (t.topic.name, self.tr("%n segment(s)", "", t.segments), t.segments / most, t.topic.color)
            for t in found.topics
        ]
        return [(self.tr("Speakers: share of the talk"), speakers), (self.tr("Topics: segments"), topics)]

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + GAP

    def sizeHint(self) -> QSize:
        rows = sum(1 + max(1, len(items)) for _, items in self.sections()) + 1
        return QSize(560, 2 * MARGIN + rows * self._row_height() + 2 * GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 2 * MARGIN + 4 * self._row_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, self.rect())
        finally:
            painter.end()

    def _paint(self, painter: QPainter, area: QRect) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text_color = self.palette().color(QPalette.ColorRole.Text)
        metrics = QFontMetrics(self.font())
        row = self._row_height()
        inner = area.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        y = inner.top()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setPen(text_color)
        if self._overview is None:
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, self.tr("No transcript"))
            return
        painter.setFont(bold)
        title = QFontMetrics(bold).elidedText(self._overview.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), y, inner.width(), row), Qt.AlignmentFlag.AlignVCenter, title)
        y += row + GAP
        sections = self.sections()
        names = [label for _, items in sections for label, *_ in items]
        label_width = min(max((metrics.horizontalAdvance(n) for n in names), default=0) + 2 * GAP, inner.width() // 3)
        values = [value for _, items in sections for _, value, *_ in items]
        value_width = max((metrics.horizontalAdvance(v) for v in values), default=0) + GAP
        bar_left = inner.left() + label_width
        bar_room = max(inner.width() - label_width - value_width, BAR_MIN_WIDTH // 4)
        for heading, items in sections:
            painter.setFont(bold)
            painter.drawText(QRect(inner.left(), y, inner.width(), row), Qt.AlignmentFlag.AlignVCenter, heading)
            painter.setFont(self.font())
            y += row
            if not items:
                painter.drawText(QRect(inner.left(), y, inner.width(), row), Qt.AlignmentFlag.AlignVCenter, self.tr("none yet"))
                y += row
            for label, value, fraction, color in items:
                shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - GAP)
                painter.drawText(QRect(inner.left(), y, label_width - GAP, row), Qt.AlignmentFlag.AlignVCenter, shown)
                length = max(1, round(bar_room * fraction))
                painter.fillRect(QRect(bar_left, y + GAP // 2, length, row - GAP), QColor(color))
                painter.drawText(
                    QRect(bar_left + length + GAP // 2, y, value_width, row), Qt.AlignmentFlag.AlignVCenter, value
                )
                y += row
            y += GAP

    def image(self) -> QImage:
        """What the widget shows, at its current size (its size hint before it was ever shown)."""
        size = self.size() if self.isVisible() else self.sizeHint().expandedTo(self.size())
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        try:
            painter.setFont(self.font())
            self._paint(painter, QRect(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        return image

    def export_png(self, path: str) -> None:
        save_png(self.image(), path)


def save_png(image: QImage, path: str) -> None:
    """`UserError` when the file cannot be written. Safe on any thread: the image is a copy."""
    if not image.save(path, "PNG"):  # type: ignore[call-overload]  # the stub says bytes; PySide takes only str
        raise UserError(path, "cannot write the image there")


class OverviewDialog(QDialog):
    """The overview of one transcript, read off the GUI thread and refreshed after every change."""

    def __init__(self, ops: Operations, transcript_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.transcript_id = transcript_id
        self.setWindowTitle(self.tr("Overview"))
        self.chart = OverviewChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export PNG…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self._choose_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        ops.changed.connect(self._on_changed)
        # The scroll area asks for almost nothing: open big enough to read a five-speaker panel at once.
        self.resize(680, 520)
        self.reload()

    def reload(self) -> None:
        reads.load_overview(self.ops, self.transcript_id, self.chart.set_overview)

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.library or changes.structure or self.transcript_id in changes.transcripts:
            self.reload()

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export overview"), "overview.png", self.tr("PNG image (*.png)"))
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        """Save the chart as a PNG off the GUI thread; a failure is shown to the user."""
        image = self.chart.image()
        self.ops.background(lambda: save_png(image, path), on_error=self._export_failed)

    def _export_failed(self, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), error_text(exc), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything, markup included
        box.open()
