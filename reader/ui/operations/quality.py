"""Glossary suggestions, the quality check and correction memory, for the app's panels and bars.

Reads that need the segmenter run on the "clean" lane; saves are undo steps on
"write" (accepting a suggestion is a correction, accepting all of one FOUND ->
SUGGESTION a rule of the transcript, ignoring one a note kept in the library).
The Suggestions and QA panels (`reader/ui/panels`) and the rule offer bar call them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.core.library import Library
from reader.core.library.opchanges import OpChanges
from reader.ui.operations import edits, rules
from reader.ui.operations.base import Operations
from reader.ui.operations.commands import StepState

if TYPE_CHECKING:  # re-exported for the views' type hints
    from reader.core.library.memory import Span as Span
    from reader.core.library.quality import Finding as Finding
    from reader.core.library.suggestions import SegmentSuggestion as SegmentSuggestion


def load_suggestions(ops: Operations, transcript_id: int, on_done: Callable[[list[SegmentSuggestion]], None]) -> None:
    def work(lib: Library) -> list[SegmentSuggestion]:
        from reader.core.library import glossary, suggestions

        glossary.load_into_segmenter(lib)
        return suggestions.transcript_suggestions(lib, transcript_id)

    ops.read(work, on_done, lane="clean")


def load_findings(ops: Operations, transcript_id: int, on_done: Callable[[list[Finding]], None]) -> None:
    def work(lib: Library) -> list[Finding]:
        from reader.core.library import quality

        return quality.check_transcript(lib, transcript_id)

    ops.read(work, on_done, lane="clean")


def finding_detail(finding: Finding, template: str) -> str:
    """The finding's detail worded by `template` (its form's wording in the UI's language, %1… its values)."""
    from reader.core.library.quality import fill

    return fill(template, finding.values)


def detail_forms() -> dict[str, str]:
    """Each form of a finding's detail, as the core words it (in English)."""
    from reader.core.library.quality import DETAILS

    return dict(DETAILS)


def accept(
    ops: Operations, transcript_id: int, found: SegmentSuggestion, shown: str, start: int,
    old: str | None, automatic: str | None, version: int | None,
) -> None:
    """The suggestion becomes the segment's correction: one undo step.

    `shown` is the text the table shows for the segment, where the span found starts at
    `start` (the view's text reads the segment between its neighbours, the scan's on its own);
    `old` its correction, `automatic` its cleaned text, `version` the version they were read at."""
    fixed = shown[:start] + found.suggestion + shown[start + len(found.found):]
    edits.set_correction(ops, transcript_id, found.segment_id, found.position, old, fixed, automatic, version)


def accept_all(ops: Operations, transcript_id: int, found: str, suggestion: str, on_done: Callable[[int], None]) -> None:
    """Every FOUND -> SUGGESTION of the transcript, as a rule of that transcript: one undo step.

    on_done(segments the rule changes), counted before the rule is added."""

    def count(lib: Library) -> int:
        from reader.core.library import memory

        return memory.count_elsewhere(lib, transcript_id, found)[0]

    def counted(n: int) -> None:
        rules.add(ops, found, suggestion, False, transcript_id)
        on_done(n)

    ops.read(count, counted, lane="clean")


def ignore(ops: Operations, transcript_id: int, found: SegmentSuggestion) -> None:
    """Remember that this suggestion is not wanted in this segment (kept in the library): an undo step."""

    def step(ignored: bool) -> Callable[[Library, StepState], OpChanges]:
        def work(lib: Library, _state: StepState) -> OpChanges:
            from reader.core.library import suggestions

            return suggestions.ignore(lib, found.segment_id, found.found, found.suggestion, ignored=ignored)

        return work

    text = (
        QCoreApplication.translate("Quality", "Ignore %1 → %2 in segment %3")
        .replace("%1", found.found).replace("%2", found.suggestion).replace("%3", str(found.position))
    )
    ops.push(text, step(True), step(False))


def rule_offers(
    ops: Operations, transcript_id: int, segment_id: int, before: str, after: str,
    on_done: Callable[[list[tuple[Span, int, int]]], None],
) -> None:
    """(span, segments of this transcript, segments of the library) a rule of each changed span
    of a saved correction would change, the spans that change nothing elsewhere left out."""

    def work(lib: Library) -> list[tuple[Span, int, int]]:
        from reader.core.library import memory

        offers = []
        for span in memory.changed_spans(before, after):
            here, everywhere = memory.count_elsewhere(lib, transcript_id, span.before, segment_id)
            if everywhere:
                offers.append((span, here, everywhere))
        return offers

    ops.read(work, on_done, lane="clean")


def make_rule(ops: Operations, span: Span, transcript_id: int | None) -> None:
    """Take an offer: a rule for this transcript (or, with None, everywhere), one undo step."""
    rules.add(ops, span.before, span.after, False, transcript_id)


def offer_text(span: Span, here: int, everywhere: int) -> str:
    return (
        QCoreApplication.translate("Quality", "Make a rule: %1 → %2 (%3 more in this transcript, %4 in the library)")
        .replace("%1", span.before).replace("%2", span.after).replace("%3", str(here)).replace("%4", str(everywhere))
    )
