"""The recording beside a transcript, and segment times, as lane work and undo steps.

What a time change means (estimates, ends, revisions) is `reader.core.library.timing`;
attaching and relinking is `reader.core.library.recordings`. Files are read on the
lanes, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from reader.core.library import Library, recordings, timing
from reader.core.library.recordings import RecordingInfo as RecordingInfo
from reader.core.library.timing import SegmentTimes as SegmentTimes
from reader.ui.operations.base import Operations
from reader.ui.tasks import Task


def set_time(ops: Operations, segment_id: int, position: int, start_ms: int, end_ms: int | None = None) -> None:
    """Give a segment its start (a tap or an edit): one undo step, re-estimating the rows around it."""
    ops.push_recorded(
        QCoreApplication.translate("Controller", "Time segment %1").replace("%1", str(position)),
        lambda lib: timing.set_time(lib, segment_id, start_ms, end_ms),
        timing.apply_times,
        lambda lib, change: timing.apply_times(lib, change, reverse=True),
    )


def clear_time(ops: Operations, segment_id: int, position: int) -> None:
    ops.push_recorded(
        QCoreApplication.translate("Controller", "Clear time of segment %1").replace("%1", str(position)),
        lambda lib: timing.clear_times(lib, segment_id),
        timing.apply_times,
        lambda lib, change: timing.apply_times(lib, change, reverse=True),
    )


def load_times(ops: Operations, transcript_id: int, on_done: Callable[[tuple[int, list[SegmentTimes]]], None]) -> None:
    ops.read(lambda lib: (transcript_id, timing.transcript_times(lib, transcript_id)), on_done)


def load_recording(
    ops: Operations, transcript_id: int, on_done: Callable[[tuple[int, RecordingInfo | None, bool]], None]
) -> None:
    """(transcript id, its recording or None, whether the file is missing), the disk checked on the lane."""

    def read(lib: Library) -> tuple[int, RecordingInfo | None, bool]:
        info = recordings.recording_of(lib, transcript_id)
        return transcript_id, info, info is not None and info.missing

    ops.read(read, on_done)


def check_file(ops: Operations, path: str, on_done: Callable[[str], None], on_error: Callable[[BaseException], None]) -> None:
    """The header check (a `UserError` for what is not a recording) on a lane: a slow disk never freezes the window."""
    from reader.core.media import check_recording

    def check() -> str:
        check_recording(path)
        return path

    ops.background(check, on_error, on_done)


def attach(ops: Operations, transcript_id: int, path: str, on_done: Callable[[RecordingInfo], None]) -> None:
    """Store the recording (or relink it) on the write lane; the transcript's views refresh."""

    def work(lib: Library, task: Task) -> RecordingInfo:
        return recordings.attach(lib, transcript_id, path)

    def done(info: RecordingInfo) -> None:
        ops.broadcast(info.changes)
        on_done(info)

    ops.run("write", work, on_done=done)


def detach(ops: Operations, transcript_id: int, on_done: Callable[[object], None]) -> None:
    ops.run("write", lambda lib, task: recordings.detach(lib, transcript_id), on_done=on_done)
