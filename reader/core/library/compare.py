"""Two transcripts of one talk side by side: their segments aligned, where they disagree (issue 16).

The texts compared are what the reader shows (`reader.core.text.shown`), so a person's
correction counts and fillers, stutters and loops never make a disagreement; the
alignment itself is `reader.core.text.align`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.queries import SegmentRow, transcript_segments
from reader.core.library.rules import text_rules
from reader.core.text import Cleaner, CleanSettings, shown_text
from reader.core.text.align import Group, align_segments

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Side:
    """One transcript as compared: its segments and what the reader shows for each."""

    transcript_id: int
    title: str
    segments: tuple[SegmentRow, ...]
    shown: tuple[str, ...]

    def compared(self) -> list[str]:
        """The text each segment brings to the comparison: an image's address is no words."""
        return ["" if s.kind is SegmentKind.IMAGE else text for s, text in zip(self.segments, self.shown, strict=True)]


@dataclass(frozen=True)
class Comparison:
    a: Side
    b: Side
    groups: tuple[Group, ...]

    def disagreements(self) -> list[int]:
        """Indices of the groups that are not the same on both sides."""
        return [k for k, g in enumerate(self.groups) if g.status != "same"]


def load_side(lib: Library, transcript_id: int, settings: CleanSettings | None = None) -> Side:
    """A transcript's segments and their shown text, cleaned under `settings` and its rules."""
    return _cleaned(lib, transcript_id, *transcript_segments(lib, transcript_id), settings, None)


def _cleaned(
    lib: Library, transcript_id: int, title: str, segments: list[SegmentRow], settings: CleanSettings | None, progress: Progress | None
) -> Side:
    cleaner = Cleaner(settings or CleanSettings(), text_rules(lib, transcript_id))
    shown = []
    for k, s in enumerate(segments, 1):
        shown.append(shown_text(s.kind, s.raw, s.correction, cleaner))
        if progress is not None and k % 200 == 0:
            progress(k, len(segments))
    return Side(transcript_id, title, tuple(segments), tuple(shown))


def compare_transcripts(
    lib: Library, a_id: int, b_id: int, settings: CleanSettings | None = None, progress: Progress | None = None
) -> Comparison:
    """Align transcript `a_id` with `b_id`. `progress(done, total)` counts segments cleaned."""
    a_title, a_rows = transcript_segments(lib, a_id)
    b_title, b_rows = transcript_segments(lib, b_id)
    total = len(a_rows) + len(b_rows)

    def step(offset: int) -> Progress | None:
        if progress is None:
            return None
        report = progress
        return lambda done, _count: report(offset + done, total)

    a = _cleaned(lib, a_id, a_title, a_rows, settings, step(0))
    b = _cleaned(lib, b_id, b_title, b_rows, settings, step(len(a_rows)))
    groups = align_segments(a.compared(), b.compared())
    if progress is not None:
        progress(total, total)
    return Comparison(a, b, tuple(groups))


def positions(indices: range) -> str:
    """A group's segments as `compare` prints them: `12`, `12-13`, or `-` for none."""
    if not indices:
        return "-"
    first, last = indices.start + 1, indices.stop
    return str(first) if first == last else f"{first}-{last}"


def describe(group: Group) -> str:
    """A group's differences as `A_TEXT→B_TEXT`, joined by ` | `."""
    return " | ".join(f"{d.a_text}→{d.b_text}" for d in group.differences)
