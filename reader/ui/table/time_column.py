"""The TIME column: each segment's start, `~` and italic while it is only estimated.

Hidden while a transcript has no times and no recording (window/listening.py decides).
Typing a time there (h:mm:ss.mmm, m:ss or seconds; empty clears it) is a time change
like a tap: one undo step and a revision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from reader.core.timecode import format_time
from reader.ui.operations.reads import SegmentRow

TIME = 5  # after the model's POS, RAW, CLEAN, SPEAKER, TOPICS; the view shows it second
TIME_WIDTH = 90
PLAYING = QColor(255, 214, 102, 110)  # the segment being played: amber, light enough for text on it


def shown_time(ms: int | None, estimated: bool) -> str:
    if ms is None:
        return ""
    minutes, rest = divmod(ms, 60_000)
    # m:ss.mmm under an hour, h:mm:ss.mmm beyond
    text = f"{minutes}:{rest // 1000:02d}.{rest % 1000:03d}" if ms < 3_600_000 else format_time(ms)
    return ("~" if estimated else "") + text


def time_data(r: SegmentRow, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return shown_time(r.start_ms, r.time_estimated)
    if role == Qt.ItemDataRole.EditRole:
        return "" if r.start_ms is None else format_time(r.start_ms)
    if role == Qt.ItemDataRole.FontRole and r.time_estimated:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return None
