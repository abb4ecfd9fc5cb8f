"""A person's edits of segments as undo steps: corrections, split, merge, find and replace.

Nothing here decides what a correction, split or merge means: that is
`reader.core.library.edits`. Each function runs it on the right lane and
pushes the undo step; the core's record says what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from PySide6.QtCore import QCoreApplication

from reader.core.errors import UserError
from reader.core.library import Library, edits, replacing, splitting
from reader.core.library.edits import Change, TextOf

# Re-exported: the window names them.
from reader.core.library.edits import ConflictError as ConflictError
from reader.core.library.opchanges import OpChanges
from reader.core.library.replacing import Match as Match
from reader.ui.operations.base import Operations
from reader.ui.operations.commands import StepState, Work
from reader.ui.tasks import Task

# (match, the text searched, the segment's correction then)
Found = tuple[Match, str, str | None]


class Expecting(TypedDict, total=False):
    """How a save checks for others' saves: the keywords of the core's set_correction and revert_correction."""

    expected_version: int
    replace_others: bool


@dataclass(frozen=True)
class SaveRefused:
    """A correction the library did not take, with all it takes to try again."""

    transcript_id: int
    segment_id: int
    position: int
    old: str | None  # the correction the library still holds
    new: str  # what the person typed, kept for a retry
    automatic: str | None
    version: int | None
    message: str  # why, for the person


def set_correction(
    ops: Operations,
    transcript_id: int,
    segment_id: int,
    position: int,
    old: str | None,
    new: str,
    automatic: str | None,
    version: int | None = None,
) -> None:
    """The text a person typed into a cleaned cell becomes the segment's correction.

    `version` is the segment's version the text is based on: if anyone else
    saved the segment since, nothing is saved and `conflict` is emitted.
    """

    def do(lib: Library, state: StepState) -> OpChanges:
        based_on = version if state.value is None else state.undone_version
        change = edits.set_correction(lib, segment_id, new, automatic=automatic, **_expecting(ops, segment_id, based_on))
        state.value = _saved(ops, change)
        return change.changes

    def refused(exc: BaseException, undoing: bool) -> bool:
        if undoing:
            return False
        ops.save_refused.emit(SaveRefused(transcript_id, segment_id, position, old, new, automatic, version, ops.describe(exc)))
        return True

    text = QCoreApplication.translate("Controller", "Correct segment %1").replace("%1", str(position))
    ops.push(text, do, _restore(ops, segment_id, old), on_refused=refused)


def revert_correction(
    ops: Operations, transcript_id: int, segment_id: int, position: int, old: str | None, version: int | None = None
) -> None:
    def do(lib: Library, state: StepState) -> OpChanges:
        based_on = version if state.value is None else state.undone_version
        change = edits.revert_correction(lib, segment_id, **_expecting(ops, segment_id, based_on))
        state.value = _saved(ops, change)
        return change.changes

    text = QCoreApplication.translate("Controller", "Revert segment %1").replace("%1", str(position))
    ops.push(text, do, _restore(ops, segment_id, old))


def _restore(ops: Operations, segment_id: int, old: str | None) -> Work:
    """Undo of a correction step: puts `old` back, unless someone else saved the segment after the step."""

    def undo(lib: Library, state: StepState) -> OpChanges:
        expecting = _expecting(ops, segment_id, state.value)
        if old is None:
            change = edits.revert_correction(lib, segment_id, origin="undo", **expecting)
        else:
            change = edits.set_correction(lib, segment_id, old, origin="undo", **expecting)
        state.undone_version = _saved(ops, change)
        return change.changes

    return undo


def _expecting(ops: Operations, segment_id: int, version: int | None) -> Expecting:
    """How a save checks for others' saves (on the write lane).

    A version this app's own saves moved past still counts as seen: a row on
    screen may not have caught up with the save just made, and that save
    was this person's own text. Without a version, a correction whose last
    revision names another author is not replaced.
    """
    if version is None:
        return {"replace_others": False}
    own = ops.own_versions.get(segment_id, ())
    while version + 1 in own:
        version += 1
    return {"expected_version": version}


def _saved(ops: Operations, change: Change) -> int | None:
    if change.changed and change.version is not None:
        ops.own_versions.setdefault(change.segment_id, set()).add(change.version)
    return change.version


def split(ops: Operations, transcript_id: int, segment_id: int, position: int, raw_offset: int) -> None:
    ops.push_recorded(
        QCoreApplication.translate("Controller", "Split segment %1").replace("%1", str(position)),
        lambda lib: splitting.split_segment(lib, segment_id, raw_offset),
        splitting.redo_split,
        splitting.undo_split,
    )


def merge(ops: Operations, transcript_id: int, segment_id: int, position: int, text_of: TextOf) -> None:
    ops.push_recorded(
        QCoreApplication.translate("Controller", "Merge segments %1 and %2").replace("%1", str(position)).replace("%2", str(position + 1)),
        lambda lib: splitting.merge_segments(lib, segment_id, text_of=text_of),
        splitting.redo_merge,
        splitting.undo_merge,
    )


# find and replace
def find(
    ops: Operations,
    pattern: str,
    regex: bool,
    case_sensitive: bool,
    transcript_id: int,
    text_of: TextOf,
    on_done: Callable[[list[Found]], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> Task | None:
    """on_done([(match, text searched, correction)]) in one transcript, on the GUI thread; a bad
    pattern goes to `on_error`, else through `failed`."""

    def search(lib: Library, task: Task) -> list[Found]:
        seen: dict[int, tuple[str, str | None]] = {}

        def remember(segments: Sequence[Any]) -> list[str]:  # Segment rows of the core's
            texts = text_of(segments)
            for segment, text in zip(segments, texts, strict=True):
                seen[segment.id] = (text, segment.correction)
            return texts

        matches = replacing.find(lib, pattern, regex=regex, case_sensitive=case_sensitive, transcript_id=transcript_id, text_of=remember)
        return [(m, *seen[m.segment_id]) for m in matches]

    return ops.run("read", search, on_done=on_done, on_error=on_error, description="find")


@dataclass(frozen=True)
class LibraryFinds:
    """A page of whole-library find hits."""

    found: list[Found]
    more: object | None  # where the next page starts (the core's FindCursor); None: nothing more to find
    unindexed: int  # segments not in the search index yet, which the find read one by one


def find_in_library(
    ops: Operations,
    pattern: str,
    regex: bool,
    case_sensitive: bool,
    text_of: TextOf,
    on_done: Callable[[LibraryFinds], None],
    on_error: Callable[[BaseException], None],
    more: object | None = None,
    limit: int | None = None,
) -> Task | None:
    """The first page of hits in the whole library (from `more`, the page after); cancel the task
    returned to stop it between batches (a cancelled find still calls `on_done`, with what it had).

    The search index picks the segments to read (core find_pages); segments it has not caught up
    with yet (just imported or edited) are read one by one, which is slower on a large library."""

    def search(lib: Library, task: Task) -> LibraryFinds:
        from reader.core.library import find_pages
        from reader.core.library import search as index

        page = find_pages.find_page(
            lib, pattern, regex=regex, case_sensitive=case_sensitive, text_of=text_of,
            limit=limit or find_pages.DEFAULT_PAGE, cursor=more,  # type: ignore[arg-type]  # a FindCursor from the page before
            cancel=task.cancelled,
        )
        unindexed = index.pending_count(lib) if page.used_index and more is None else 0
        return LibraryFinds([(f.match, f.text, f.correction) for f in page.found], page.next, unindexed)

    return ops.run("read", search, on_done=on_done, on_error=on_error, description="find")


def replace_one(
    ops: Operations, match: Match, text: str, pattern: str, replacement: str, regex: bool, case_sensitive: bool,
    old: str | None, automatic: str | None,
) -> None:
    """Replace one find hit in the text the reader shows; saved as that segment's correction."""
    compiled = replacing.compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive)
    hit = compiled.fullmatch(text, match.start, match.end)
    if hit is None:
        raise UserError(
            QCoreApplication.translate("Controller", "replace"),
            QCoreApplication.translate("Controller", "the text has changed since it was found; search again"),
        )
    new = text[: match.start] + (hit.expand(replacement) if regex else replacement) + text[match.end :]
    set_correction(ops, match.transcript_id, match.segment_id, match.position, old, new, automatic)


def replace_all(
    ops: Operations,
    pattern: str,
    replacement: str,
    regex: bool,
    case_sensitive: bool,
    transcript_id: int | None,
    text_of: TextOf,
    report: Callable[[str], None] | None = None,
) -> None:
    """One undo step; `report("7 segments replaced")` once it is saved."""

    def replaced(batch: replacing.BatchChange) -> None:
        if report is not None:
            report(QCoreApplication.translate("Controller", "%1 segments replaced").replace("%1", str(len(batch.items))))

    ops.push_recorded(
        QCoreApplication.translate("Controller", "Replace all “%1”").replace("%1", pattern),
        lambda lib: replacing.replace_all(
            lib, pattern, replacement, regex=regex, case_sensitive=case_sensitive, transcript_id=transcript_id, text_of=text_of,
        ),
        replacing.apply_batch,
        lambda lib, batch: replacing.apply_batch(lib, batch, reverse=True),
        replaced,
    )


def query_spans(ops: Operations, text: Callable[[], str], query: str, on_done: Callable[[list[tuple[int, int]]], None]) -> None:
    """Where a library search's `query` shows in `text()`; on the segmenter's lane, as `text()` may clean first."""

    def spans(task: Task) -> list[tuple[int, int]]:
        # reader.core.library.search brings reader.core.text: not loaded at start-up, where the window paints.
        from reader.core.library.search import find_spans

        return find_spans(text(), query)

    ops.runner.submit("clean", spans, on_done=on_done, on_error=ops.report)


map_offset = splitting.map_offset
