"""The overview chart: bars as long as the shares, a PNG export, a refresh after every change."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from reader.core.errors import UserError
from reader.core.library import tagging
from reader.core.library.overview import transcript_overview
from reader.ui.dialogs.overview import UNLABELLED_COLOR, OverviewChart, OverviewDialog
from reader.ui.operations import OpChanges as Changes


@pytest.fixture
def controller(roundtable_controller):
    assert roundtable_controller.library is not None
    return roundtable_controller


@pytest.fixture
def roundtable(controller):
    """(the controller's library, the roundtable's transcript id)."""
    return controller.library, controller.transcript


def pixels(image: QImage, color: str) -> int:
    """How many pixels have exactly this colour: a bar's area."""
    wanted = QColor(color).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == wanted)


def label(lib, transcript, first, last, name):
    return tagging.assign_speaker(lib, tagging.segment_ids_between(lib, transcript, first, last), name)


def test_bars_are_as_long_as_each_speakers_share(qtbot, roundtable):
    lib, transcript = roundtable
    host = label(lib, transcript, 1, 10, "主持人").created("speaker")
    guest = label(lib, transcript, 11, 60, "沈春华").created("speaker")
    overview = transcript_overview(lib, transcript)
    chart = OverviewChart()
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.set_overview(overview)
    image = chart.image()
    shares = {s.speaker.id if s.speaker else None: s.chars for s in overview.speakers}
    host_px, guest_px, rest_px = pixels(image, host.color), pixels(image, guest.color), pixels(image, UNLABELLED_COLOR)
    assert host_px and guest_px and rest_px
    assert guest_px / host_px == pytest.approx(shares[guest.id] / shares[host.id], rel=0.05)
    assert rest_px / guest_px == pytest.approx(shares[None] / shares[guest.id], rel=0.05)


def test_topic_bars_follow_segment_counts(qtbot, roundtable):
    lib, transcript = roundtable
    opening = tagging.tag_topic(lib, tagging.segment_ids_between(lib, transcript, 1, 4), "开场").created("topic")
    intro = tagging.tag_topic(lib, tagging.segment_ids_between(lib, transcript, 5, 6), "嘉宾介绍").created("topic")
    chart = OverviewChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.set_overview(transcript_overview(lib, transcript))
    image = chart.image()
    assert pixels(image, opening.color) / pixels(image, intro.color) == pytest.approx(2, rel=0.05)


def test_export_png_writes_what_is_shown(qtbot, roundtable, tmp_path):
    lib, transcript = roundtable
    label(lib, transcript, 1, 3, "主持人")
    chart = OverviewChart()
    qtbot.addWidget(chart)
    chart.set_overview(transcript_overview(lib, transcript))
    path = tmp_path / "overview.png"
    chart.export_png(str(path))
    saved = QImage(str(path))
    assert not saved.isNull()
    assert saved.size() == chart.image().size()
    with pytest.raises(UserError, match="cannot write the image"):
        chart.export_png(str(tmp_path / "no such folder" / "overview.png"))


def test_dialog_loads_the_overview_and_follows_changes(qtbot, controller, roundtable, tmp_path):
    lib, transcript = roundtable
    dialog = OverviewDialog(controller, transcript)
    qtbot.addWidget(dialog)
    assert [s.speaker for s in dialog.chart.overview().speakers] == [None]
    change = label(lib, transcript, 1, 5, "主持人")
    controller.changed.emit(Changes(change.transcript_ids, change.segment_ids))
    assert [s.speaker.name if s.speaker else None for s in dialog.chart.overview().speakers] == ["主持人", None]
    dialog.export(str(tmp_path / "chart.png"))
    assert not QImage(str(tmp_path / "chart.png")).isNull()


def test_a_failed_export_is_shown_as_plain_text(qtbot, controller, roundtable, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    dialog = OverviewDialog(controller, roundtable[1])
    qtbot.addWidget(dialog)
    dialog.export(str(tmp_path / "<b>missing</b>" / "chart.png"))
    box = dialog.findChild(QMessageBox)
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>missing</b>" in box.text() and "cannot write the image" in box.text()
    box.close()
