"""Read-only snapshots the views need beyond reader.core.library's own queries.

Taken on the "read" lane; plain frozen rows cross to the GUI thread, never an
ORM object bound to a session on another thread.
"""

from __future__ import annotations

from sqlalchemy import select

from reader.core.errors import UserError
from reader.core.library import SegmentRow
from reader.core.library.models import Segment, Speaker, Transcript

_CHUNK = 500  # stays under SQLite's bound-parameter limit


def segment_rows_by_id(lib, segment_ids) -> list[SegmentRow]:
    """Fresh rows for segments an operation touched, so a view refreshes them without reloading everything."""
    ids = list(segment_ids)
    rows: list[SegmentRow] = []
    with lib.read() as session:
        for i in range(0, len(ids), _CHUNK):
            query = (
                select(
                    Segment.id,
                    Segment.position,
                    Segment.kind,
                    Segment.raw,
                    Segment.correction,
                    Speaker.name,
                    Segment.start_ms,
                    Segment.end_ms,
                )
                .outerjoin(Speaker, Segment.speaker_id == Speaker.id)
                .where(Segment.id.in_(ids[i : i + _CHUNK]))
            )
            rows.extend(SegmentRow(*row) for row in session.execute(query))
    return rows


def transcript_window(lib, transcript_id: int, first: int, count: int) -> tuple[str, list[int], list[SegmentRow]]:
    """(title, every segment id in order, the rows of `count` segments from row `first`).

    Ids are cheap to read for any length; rows come a page at a time as the view needs them.
    """
    with lib.read() as session:
        title = session.scalar(select(Transcript.title).where(Transcript.id == transcript_id))
        if title is None:
            raise UserError(f"transcript {transcript_id}", "no such transcript (see `list`)")
        ids = list(
            session.scalars(
                select(Segment.id).where(Segment.transcript_id == transcript_id).order_by(Segment.position, Segment.id)
            )
        )
    first = max(0, min(first, len(ids) - count))
    return title, ids, segment_rows_by_id(lib, ids[first : first + count])
