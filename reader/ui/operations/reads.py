"""What the views read from the library: transcripts, rows, the overview, search hits, exports.

Each runs on the "read" lane (the "clean" lane when it needs the segmenter);
plain frozen records cross to the GUI thread, never an ORM object bound to a
session on another thread. The record types the views name are re-exported
here, so no widget imports the core's library package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from reader.core.errors import UserError
from reader.core.library import Library, SegmentRow, TranscriptSummary, list_transcripts
from reader.core.library.labels import Label
from reader.core.library.rows import LabelledRow, segment_rows_by_id, transcript_window
from reader.ui.operations.base import Operations
from reader.ui.tasks import Task

if TYPE_CHECKING:  # re-exported for the views' type hints
    from reader.core.library.export import ExportOptions as ExportOptions
    from reader.core.library.overview import Overview as Overview
    from reader.core.library.search import SearchHit as SearchHit

__all__ = ["Label", "LabelledRow", "SegmentRow", "TranscriptSummary"]  # and, for type hints, the three above


# Search, export and the overview bring reader.core.text (jieba, OpenCC wrappers): a tenth
# of a second and more that the window does not wait for at start-up. Each is imported
# where first used, through these three functions, and nowhere else for that reason.
def _search() -> ModuleType:
    from reader.core.library import search

    return search


def _export() -> ModuleType:
    from reader.core.library import export

    return export


def _overview() -> ModuleType:
    from reader.core.library import overview

    return overview

# (transcript id, title, every segment id in order, the rows of one page)
Window = tuple[int, str, list[int], list[LabelledRow]]


def load_transcripts(ops: Operations, on_done: Callable[[list[TranscriptSummary]], None]) -> None:
    ops.read(list_transcripts, on_done)


def load_transcript(
    ops: Operations,
    transcript_id: int,
    first: int,
    count: int,
    on_done: Callable[[Window], None],
    speaker_id: int | None = None,
    topic_id: int | None = None,
    unreviewed_only: bool = False,
) -> None:
    """on_done((transcript_id, title, segment ids, rows from row `first`)); with a speaker
    and/or topic, only the segments that have them; with `unreviewed_only`, those not reviewed."""
    ops.read(
        lambda lib: (transcript_id, *transcript_window(lib, transcript_id, first, count, speaker_id, topic_id, unreviewed_only)),
        on_done,
    )


def load_rows(ops: Operations, segment_ids: Iterable[int], on_done: Callable[[list[LabelledRow]], None]) -> None:
    ids = list(segment_ids)
    ops.read(lambda lib: segment_rows_by_id(lib, ids), on_done)


def load_overview(ops: Operations, transcript_id: int, on_done: Callable[[Overview], None]) -> None:
    ops.read(lambda lib: _overview().transcript_overview(lib, transcript_id), on_done)


def search_library(
    ops: Operations,
    query: str,
    limit: int,
    on_done: Callable[[list[SearchHit]], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None],
) -> Task | None:
    """Library-wide search on the segmenter's lane; bringing the index up to date first reports progress."""
    return ops.run(
        "clean",
        lambda lib, task: _search().search(lib, query, limit=limit, progress=task.report),
        on_done=on_done,
        on_error=on_error,
        description="search",
        before_start=lambda task: task.progressed.connect(on_progress),
    )


def existing_export_files(
    ops: Operations, target: str, fmt: str, whole: bool, on_done: Callable[[list[Path]], None], on_error: Callable[[BaseException], None]
) -> None:
    """The files an export to `target` would replace."""

    def existing(lib: Library, task: Task) -> list[Path]:
        if not whole:
            path = Path(target)
            return [path] if path.is_file() else []
        folder = Path(target)
        if not folder.is_dir():
            raise UserError(target, "no such folder")
        planned = [folder / _export().safe_file_name(t.id, t.title, fmt) for t in list_transcripts(lib)]
        return [path for path in planned if path.exists()]

    ops.run("read", existing, on_done=on_done, on_error=on_error, description="export check")


def export_files(
    ops: Operations,
    target: str,
    fmt: str,
    script: str,
    options: ExportOptions,
    whole: bool,
    transcript_id: int | None,
    on_done: Callable[[list[Path]], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None],
) -> Task | None:
    """The whole library into a folder, else one transcript to a file; cancellable."""

    def work(lib: Library, task: Task) -> list[Path]:
        export = _export()
        if whole:
            # The dialog asked before replacing anything (existing_export_files).
            return export.export_library(lib, target, fmt, script, options, progress=task.report, cancel=task.cancelled, overwrite=True)
        return [export.export_transcript(lib, transcript_id, fmt, target, script, options, overwrite=True)]

    return ops.run(
        "clean", work, on_done=on_done, on_error=on_error, description="export",
        before_start=lambda task: task.progressed.connect(on_progress),
    )


def export_options(speakers: bool, images: bool, paragraphs: str = "turns", comments: bool = False) -> ExportOptions:
    return _export().ExportOptions(speakers=speakers, images=images, paragraphs=paragraphs, comments=comments)


def load_timed(ops: Operations, transcript_id: int, on_done: Callable[[bool], None]) -> None:
    """on_done(whether every text segment of the transcript has its times: srt and vtt need them)."""
    from reader.core.library.queries import transcript_is_timed

    ops.read(lambda lib: transcript_is_timed(lib, transcript_id), on_done)


def export_stopped(exc: BaseException) -> bool:
    """Whether an export failed because the person stopped it (the files written so far are whole)."""
    return isinstance(exc, _export().ExportCancelled)
