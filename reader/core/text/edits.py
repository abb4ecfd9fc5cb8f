"""Edits: what a stage changed, and how offsets travel through a chain of stages."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] by `replacement` (empty: a removal; start == end: an insertion)."""

    start: int
    end: int
    replacement: str
    stage: str


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with `edits` (sorted, not overlapping, in its own offsets) carried out."""
    parts = []
    last = 0
    for edit in edits:
        parts.append(text[last : edit.start])
        parts.append(edit.replacement)
        last = edit.end
    parts.append(text[last:])
    return "".join(parts)


class Step:
    """One stage's edits, able to carry an offset from its input to its output and back."""

    __slots__ = ("_out_starts", "_starts", "edits", "stage")

    def __init__(self, stage: str, edits: Sequence[Edit]):
        self.stage = stage
        self.edits = tuple(edits)
        self._starts = [e.start for e in self.edits]
        out_starts = []
        shift = 0
        for e in self.edits:
            out_starts.append(e.start + shift)
            shift += len(e.replacement) - (e.end - e.start)
        self._out_starts = out_starts

    def out_span(self, index: int) -> tuple[int, int]:
        start = self._out_starts[index]
        return start, start + len(self.edits[index].replacement)

    def to_input(self, pos: int) -> int:
        """Output offset -> input offset. Inside a replacement: the matching input character
        when the lengths agree (script conversion), else the start of the replaced text."""
        j = bisect_right(self._out_starts, pos) - 1
        if j < 0:
            return pos
        e = self.edits[j]
        out_start, out_end = self.out_span(j)
        if pos < out_end:
            if len(e.replacement) == e.end - e.start:
                return e.start + (pos - out_start)
            return e.start
        return e.end + (pos - out_end)

    def to_output(self, pos: int) -> int:
        """Input offset -> output offset; removed text maps to where it was."""
        j = bisect_right(self._starts, pos) - 1
        if j < 0:
            return pos
        e = self.edits[j]
        out_start, out_end = self.out_span(j)
        if pos < e.end:
            if len(e.replacement) == e.end - e.start:
                return out_start + (pos - e.start)
            return out_start
        return out_end + (pos - e.end)

    def replaced_at(self, pos: int) -> bool:
        """Whether output character `pos` was written by this stage."""
        # Output spans follow one another without overlap, so only the last to start
        # at or before `pos` can hold it.
        j = bisect_right(self._out_starts, pos) - 1
        return j >= 0 and pos < self.out_span(j)[1]


def runs(labels: Sequence[str | None]) -> list[tuple[int, int, str]]:
    """Maximal runs of equal, non-None labels as (start, end, label)."""
    found = []
    start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            label = labels[start]
            if label is not None:
                found.append((start, i, label))
            start = i
    return found


def removals_until_stable(
    text: str, passes: Sequence[Callable[[str], tuple[str, list[Edit]]]], stage: str, limit: int = 8
) -> tuple[str, list[Edit]]:
    """Run removal-only `passes` (text -> (text, edits)) in turn until none removes anything,
    giving one set of removals in offsets of `text`: a removal by one pass can make work for
    another (`我我们，我们觉得`: the stutter goes first, then the restart), and cleaning the
    result again must change nothing."""
    current = text
    changes: list[list[Edit]] = []  # each removing pass's edits, in the offsets of its input
    # Each pass is stable on its own output: after one removes something, only the
    # others need to run again; once they have all run without removing, it is done.
    quiet = 0
    removed_any = False
    for k in range(limit * len(passes)):
        new_text, edits = passes[k % len(passes)](current)
        if not edits:
            quiet += 1
            if quiet >= len(passes) or (quiet == len(passes) - 1 and removed_any):
                break
            continue
        quiet = 0
        changes.append(edits)
        removed_any = removed_any or any(e.end > e.start for e in edits)
        current = new_text
    if len(changes) == 1:
        # One pass removed (most often): its edits are in offsets of `text` already.
        return current, _merged(changes[0], stage)
    origin: Sequence[int] = range(len(text))  # a list once something is removed
    removed: set[int] = set()
    for edits in changes:
        # Keep the origins between the removals, slice by slice (in order, overlaps merged).
        kept: list[int] = []
        last = 0
        for e in sorted(edits, key=_start):
            if e.start > last:
                kept += origin[last : e.start]
            if e.end > last:
                removed.update(origin[max(last, e.start) : e.end])
                last = e.end
        kept += origin[last:]
        origin = kept
    return current, removal_edits(removed, stage)


def _merged(edits: list[Edit], stage: str) -> list[Edit]:
    """`removal_edits` of the characters that removal `edits` cover."""
    found: list[Edit] = []
    start = end = -1
    for e in sorted(edits, key=_start):
        if e.start >= e.end:
            continue
        if e.start > end:
            if end > start:
                found.append(Edit(start, end, "", stage))
            start = e.start
        end = max(end, e.end)
    if end > start:
        found.append(Edit(start, end, "", stage))
    return found


def removal_edits(removed: Iterable[int], stage: str) -> list[Edit]:
    """Removals of the characters at offsets `removed`, one edit per run."""
    found: list[Edit] = []
    start = end = -1
    for i in sorted(removed):
        if i != end:
            if end > start:
                found.append(Edit(start, end, "", stage))
            start = i
        end = i + 1
    if end > start:
        found.append(Edit(start, end, "", stage))
    return found


def _start(edit: Edit) -> int:
    return edit.start
