"""Review as undo steps and reads: marking segments reviewed, restoring an old version,
comments, renaming a transcript; a segment's history and a transcript's comments.

What these mean is `reader.core.library.review` (and `queries.rename_transcript`);
each function runs it on the right lane and, for a change, pushes the undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from reader.core.library import Library, edits, review
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import Renamed, rename_transcript

# Re-exported: the panels name them.
from reader.core.library.review import CommentRecord as CommentRecord
from reader.core.library.review import RevisionRecord as RevisionRecord
from reader.ui.operations import edits as edit_steps
from reader.ui.operations.base import Operations
from reader.ui.operations.commands import StepState


def mark_reviewed(ops: Operations, segment_ids: Sequence[int], reviewed: bool = True) -> None:
    """Mark segments reviewed (or back to todo): one undo step."""
    ids = list(segment_ids)
    if reviewed:
        text = QCoreApplication.translate("Controller", "Mark %1 segments reviewed")
    else:
        text = QCoreApplication.translate("Controller", "Mark %1 segments to do")
    text = text.replace("%1", str(len(ids)))
    ops.push_recorded(
        text,
        lambda lib: review.set_reviewed(lib, ids, reviewed),
        review.apply_review,
        lambda lib, change: review.apply_review(lib, change, reverse=True),
    )


def restore_version(
    ops: Operations, segment_id: int, position: int, current: str | None, wanted: str | None, version: int | None
) -> None:
    """Make an earlier text the segment's correction again: a new revision ("restore"), one undo step."""

    def do(lib: Library, state: StepState) -> OpChanges:
        based_on = version if state.value is None else state.undone_version
        expecting = edit_steps._expecting(ops, segment_id, based_on)
        if wanted is None:
            change = edits.revert_correction(lib, segment_id, origin="restore", **expecting)
        else:
            change = edits.set_correction(lib, segment_id, wanted, origin="restore", **expecting)
        state.value = edit_steps._saved(ops, change)
        return change.changes

    text = QCoreApplication.translate("Controller", "Restore a version of segment %1").replace("%1", str(position))
    ops.push(text, do, edit_steps._restore(ops, segment_id, current))


def load_history(ops: Operations, segment_id: int, on_done: Callable[[tuple[int, list[RevisionRecord]]], None]) -> None:
    ops.read(lambda lib: (segment_id, review.history(lib, segment_id)), on_done)


def load_comments(ops: Operations, transcript_id: int, on_done: Callable[[tuple[int, list[CommentRecord]]], None]) -> None:
    ops.read(lambda lib: (transcript_id, review.comments_of(lib, transcript_id)), on_done)


def load_review_count(ops: Operations, transcript_id: int, on_done: Callable[[tuple[int, int, int]], None]) -> None:
    """on_done((transcript id, reviewed, segments))."""
    ops.read(lambda lib: (transcript_id, *review.review_count(lib, transcript_id)), on_done)


def add_comment(ops: Operations, segment_id: int, position: int, text: str) -> None:
    ops.push_recorded(
        QCoreApplication.translate("Controller", "Comment on segment %1").replace("%1", str(position)),
        lambda lib: review.add_comment(lib, segment_id, text),
        review.restore_comment,
        lambda lib, record: review.delete_comment(lib, record.id),
    )


def set_resolved(ops: Operations, comment: CommentRecord, resolved: bool) -> None:
    ops.push_recorded(
        QCoreApplication.translate("Controller", "Resolve comment")
        if resolved
        else QCoreApplication.translate("Controller", "Reopen comment"),
        lambda lib: review.set_resolved(lib, comment.id, resolved),
        lambda lib, _record: review.set_resolved(lib, comment.id, resolved),
        lambda lib, _record: review.set_resolved(lib, comment.id, comment.resolved),
    )


def rename(ops: Operations, transcript_id: int, title: str) -> None:
    def undo(lib: Library, renamed: Renamed) -> Renamed:
        return rename_transcript(lib, transcript_id, renamed.old)

    ops.push_recorded(
        QCoreApplication.translate("Controller", "Rename transcript"),
        lambda lib: rename_transcript(lib, transcript_id, title),
        lambda lib, renamed: rename_transcript(lib, transcript_id, renamed.new),
        undo,
    )
