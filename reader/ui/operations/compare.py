"""Two recognitions of one talk side by side: the comparison, taking the other side's wording,
and noticing a likely second recognition after an import (issue 16).

The alignment (`reader.core.library.compare`) cleans both transcripts, so it runs on the
"clean" lane, with progress; nothing here blocks the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from reader.core.errors import UserError
from reader.core.library import Library, list_transcripts
from reader.core.library.compare import Comparison, Side, compare_transcripts
from reader.core.library.recognitions import OtherRecognition, likely_second_recognition_of
from reader.core.text.align import Difference, Group
from reader.ui.operations import edits
from reader.ui.operations.base import Operations
from reader.ui.tasks import Task

__all__ = ["Comparison", "Difference", "Group", "OtherRecognition", "Side"]


def compare(
    ops: Operations, a_id: int, b_id: int, settings: object, on_done: Callable[[Comparison], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Task | None:
    """Align transcript `a_id` (the one being read) with `b_id` under the reader's cleaning `settings`."""

    def work(lib: Library, task: Task) -> Comparison:
        return compare_transcripts(lib, a_id, b_id, settings, progress=task.report)  # type: ignore[arg-type]

    def started(task: Task) -> None:
        if on_progress is not None:
            task.progressed.connect(on_progress)

    return ops.run("clean", work, on_done=on_done, description="compare", before_start=started)


def use_wording(ops: Operations, comparison: Comparison, difference: Difference) -> None:
    """The other transcript's wording of `difference` becomes a correction of this one's segment:
    one undo step; the raw text stays as it was. `UserError` when this side's span crosses segments."""
    if len(difference.a_spans) != 1:
        raise UserError(
            QCoreApplication.translate("Compare", "this difference"),
            QCoreApplication.translate("Compare", "it spans several segments; correct them one at a time"),
        )
    span = difference.a_spans[0]
    row = comparison.a.segments[span.segment]
    shown = comparison.a.shown[span.segment]
    new = shown[:span.start] + difference.b_text + shown[span.end:]
    automatic = shown if row.correction is None else None
    edits.set_correction(ops, comparison.a.transcript_id, row.id, row.position, row.correction, new, automatic, row.version)


def second_recognitions(ops: Operations, made: int, on_done: Callable[[list[tuple[int, OtherRecognition]]], None]) -> None:
    """After an import that made `made` transcripts (the newest ids): (new id, the transcript
    already there it looks like a second recognition of), the first one found, or none.

    One task per new transcript, each queued after the reads asked meanwhile: aligning ten big
    talks with their look-alikes takes minutes, and one task doing all would hold up opening the
    transcript just imported, and quitting (a cancelled task stops before its next alignment)."""

    def check(newest: list[int]) -> None:
        if not newest:
            on_done([])
            return
        tid, rest = newest[0], newest[1:]

        def found(others: list[OtherRecognition]) -> None:
            if others:
                on_done([(tid, others[0])])
            else:
                check(rest)

        ops.run(
            "read",
            lambda lib, task: likely_second_recognition_of(lib, tid, earlier_only=True, cancel=task.cancelled),
            on_done=found, description="second recognition",
        )

    def newest(lib: Library) -> list[int]:
        return sorted(t.id for t in list_transcripts(lib))[-made:] if made > 0 else []

    ops.read(newest, check)
