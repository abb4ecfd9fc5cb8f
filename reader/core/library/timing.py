"""Segment times given by a person (typed, tapped while listening) and the ones estimated between.

A segment's end is its stored `end_ms`, else where the next timed segment starts
(`effective_end`): tapping a start is enough for the row before it to end there.
Setting a start re-estimates the untimed or estimated rows between the nearest
times a person gave on either side, by their share of the characters
(`interpolate`), marked `time_estimated` until they are tapped or edited. Every
time change of every segment writes a revision (origin "time", "time-estimated"),
and the returned `TimeChange` undoes and redoes exactly (`apply_times`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Revision, Segment
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import segment_row
from reader.core.timecode import MAX_MS, format_time


@dataclass(frozen=True)
class Times:
    start_ms: int | None
    end_ms: int | None
    estimated: bool = False

    def describe(self) -> str | None:
        """How a revision records the times: `0:00:01.000 - 0:00:02.500`, `~` before an estimate."""
        if self.start_ms is None and self.end_ms is None:
            return None
        start = "?" if self.start_ms is None else format_time(self.start_ms)
        end = "" if self.end_ms is None else f" - {format_time(self.end_ms)}"
        return ("~" if self.estimated else "") + start + end


@dataclass(frozen=True)
class TimeItem:
    segment_id: int
    transcript_id: int
    position: int
    old: Times
    new: Times


@dataclass(frozen=True)
class TimeChange:
    """The times one action changed (a tap, an edit and what it re-estimated): one undo step."""

    items: tuple[TimeItem, ...]

    @property
    def changed(self) -> bool:
        return bool(self.items)

    @property
    def changes(self) -> OpChanges:
        return OpChanges(frozenset(i.transcript_id for i in self.items), frozenset(i.segment_id for i in self.items))


def _times(segment: Segment) -> Times:
    return Times(segment.start_ms, segment.end_ms, bool(segment.time_estimated))


def _weight(segment: Segment) -> int:
    """How long a segment is said to take: its characters (an image: one)."""
    if segment.kind == SegmentKind.IMAGE:
        return 1
    text = segment.correction if segment.correction is not None else segment.raw
    return max(1, len("".join(text.split())))


def interpolate(start_ms: int, end_ms: int, weights: Sequence[int]) -> list[int]:
    """Starts for rows of these weights sharing start..end by weight; the first starts at `start_ms`."""
    total = sum(weights) or 1
    starts, done = [], 0
    for weight in weights:
        starts.append(start_ms + round((end_ms - start_ms) * done / total))
        done += weight
    return starts


def effective_end(starts_ends: Sequence[tuple[int | None, int | None]], index: int) -> int | None:
    """Where row `index` ends: its own end, else the next start after it (None: not known)."""
    start, end = starts_ends[index]
    if end is not None:
        return end
    if start is None:
        return None
    for later_start, _ in starts_ends[index + 1 :]:
        if later_start is not None:
            return later_start
    return None


def _check(start_ms: int, end_ms: int | None) -> None:
    if not 0 <= start_ms < MAX_MS:
        raise UserError("start {time}", "a time is between 0 and 100 hours", time=format_time(start_ms))
    if end_ms is not None and not start_ms < end_ms < MAX_MS:
        raise UserError("end {time}", "must come after the start, {start}", time=format_time(end_ms), start=format_time(start_ms))


def set_time(
    lib: Library, segment_id: int, start_ms: int, end_ms: int | None = None, *, author: str | None = None
) -> TimeChange:
    """Give a segment its start (and end): what a tap or an edit of the time does.

    Without `end_ms` the segment keeps an end it was given that still comes after
    the start, else it ends where the next timed segment starts. The previous
    segment's end follows the start when it ended there or would now overlap it.
    Rows between this time and the nearest given times around it that have no time
    or an estimated one are estimated again. A start before an earlier segment's
    given start (or after a later one's) is refused: times go in transcript order.
    """
    _check(start_ms, end_ms)
    with lib.write() as session:
        segment = segment_row(session, segment_id)
        rows = list(
            session.scalars(select(Segment).where(Segment.transcript_id == segment.transcript_id).order_by(Segment.position, Segment.id))
        )
        index = next(i for i, row in enumerate(rows) if row.id == segment_id)
        where = Msg("segment {position} of transcript {transcript}", position=segment.position, transcript=segment.transcript_id)
        before = next((i for i in range(index - 1, -1, -1) if _given(rows[i])), None)
        after = next((i for i in range(index + 1, len(rows)) if _given(rows[i])), None)
        if before is not None and (rows[before].start_ms or 0) > start_ms:
            earlier = rows[before]
            raise UserError(
                where, Msg(
                    "segment {position} starts later, at {time}; times go in order",
                    position=earlier.position, time=format_time(earlier.start_ms or 0),
                )
            )
        if after is not None and (rows[after].start_ms or 0) < start_ms:
            later = rows[after]
            raise UserError(
                where, Msg(
                    "segment {position} starts earlier, at {time}; times go in order",
                    position=later.position, time=format_time(later.start_ms or 0),
                )
            )

        planned: dict[int, Times] = {}
        old_start = segment.start_ms
        kept_end = segment.end_ms if not segment.time_estimated and segment.end_ms is not None and segment.end_ms > start_ms else None
        planned[index] = Times(start_ms, end_ms if end_ms is not None else kept_end, False)
        if index > 0:
            previous = rows[index - 1]
            if previous.end_ms is not None and (previous.end_ms == old_start or previous.end_ms > start_ms):
                moved = start_ms if (previous.start_ms or 0) < start_ms else previous.end_ms
                planned[index - 1] = Times(previous.start_ms, moved, bool(previous.time_estimated))
        if before is not None:
            _estimate(rows, before, index, rows[before].start_ms or 0, start_ms, planned)
        if after is not None:
            _estimate(rows, index, after, start_ms, rows[after].start_ms or 0, planned)
        return _write(session, rows, planned, author)


def _given(row: Segment) -> bool:
    """A start a person gave (imported, typed or tapped), which estimates never move."""
    return row.start_ms is not None and not row.time_estimated


def _estimate(rows: list[Segment], first: int, last: int, start_ms: int, end_ms: int, planned: dict[int, Times]) -> None:
    """Estimate the starts of rows first+1..last-1 between the given starts of rows first and last."""
    starts = interpolate(start_ms, end_ms, [_weight(row) for row in rows[first:last]])
    for i in range(first + 1, last):
        planned[i] = Times(starts[i - first], None, True)


def _write(session: Session, rows: list[Segment], planned: dict[int, Times], author: str | None) -> TimeChange:
    items = []
    for index in sorted(planned):
        row, new = rows[index], planned[index]
        old = _times(row)
        if new == old:
            continue
        _store(session, row, new, "time-estimated" if new.estimated else "time", author, old)
        items.append(TimeItem(row.id, row.transcript_id, row.position, old, new))
    return TimeChange(tuple(items))


def _store(session: Session, row: Segment, new: Times, origin: str, author: str | None, old: Times) -> None:
    row.start_ms, row.end_ms, row.time_estimated = new.start_ms, new.end_ms, new.estimated
    revision = Revision(segment_id=row.id, old=old.describe(), new=new.describe(), origin=origin)
    if author is not None:
        revision.author = author
    session.add(revision)


def apply_times(lib: Library, change: TimeChange, reverse: bool = False, author: str | None = None) -> None:
    """Redo (or with `reverse`, undo) a `TimeChange` in one transaction; refuses, changing
    nothing, when a segment's times are no longer what the change left (or found)."""
    origin = "undo time" if reverse else "time"
    with lib.write() as session:
        for item in change.items:
            expected, wanted = (item.new, item.old) if reverse else (item.old, item.new)
            row = session.get(Segment, item.segment_id)
            if row is None or _times(row) != expected:
                raise UserError(
                    "segment {position} of transcript {transcript}", "was changed since; this step can no longer be applied",
                    position=item.position, transcript=item.transcript_id,
                )
            _store(session, row, wanted, origin, author, expected)


def clear_times(lib: Library, segment_id: int, *, author: str | None = None) -> TimeChange:
    """Take a segment's times away (an estimate elsewhere is not redone)."""
    with lib.write() as session:
        row = segment_row(session, segment_id)
        return _write(session, [row], {0: Times(None, None, False)}, author)


@dataclass(frozen=True)
class SegmentTimes:
    """A segment's place in the recording, for a player to follow: `end_ms` is its effective end."""

    segment_id: int
    position: int
    start_ms: int | None
    end_ms: int | None
    estimated: bool


def transcript_times(lib: Library, transcript_id: int) -> list[SegmentTimes]:
    """Every segment's times in order (cheap for any length: four numbers a row), ends filled in
    from the next start where none was given."""
    with lib.read() as session:
        rows = session.execute(
            select(Segment.id, Segment.position, Segment.start_ms, Segment.end_ms, Segment.time_estimated)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Segment.id)
        ).all()
    spans = [(start, end) for _id, _pos, start, end, _est in rows]
    return [
        SegmentTimes(segment_id, position, start, effective_end(spans, i), bool(estimated))
        for i, (segment_id, position, start, _end, estimated) in enumerate(rows)
    ]
