"""Read-only snapshots the views need beyond reader.core.library's own queries.

Taken on the "read" lane; plain frozen rows cross to the GUI thread, never an
ORM object bound to a session on another thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from reader.core.library import SegmentRow, tagging
from reader.core.library.models import Segment, Speaker
from reader.core.library.tagging import Label
from reader.core.library.queries import transcript_in

_CHUNK = 500  # stays under SQLite's bound-parameter limit


@dataclass(frozen=True)
class LabelledRow(SegmentRow):
    """A segment row with what the speaker and topic columns draw."""

    speaker_id: int | None = None
    speaker_color: str | None = None
    topics: tuple[Label, ...] = ()


def segment_rows_by_id(lib, segment_ids) -> list[LabelledRow]:
    """Fresh rows for segments an operation touched, so a view refreshes them without reloading everything."""
    ids = list(segment_ids)
    topics = tagging.topics_of(lib, ids)
    rows: list[LabelledRow] = []
    with lib.read() as session:
        for i in range(0, len(ids), _CHUNK):
            query = (
                select(
                    Segment.id,
                    Segment.position,
                    Segment.kind,
                    Segment.raw,
                    Segment.correction,
                    Segment.start_ms,
                    Segment.end_ms,
                    Segment.version,
                    Speaker,
                )
                .outerjoin(Speaker, Segment.speaker_id == Speaker.id)
                .where(Segment.id.in_(ids[i : i + _CHUNK]))
            )
            for segment_id, position, kind, raw, correction, start_ms, end_ms, version, speaker in session.execute(query):
                # The joined speaker gives its colour (tagging's default for one without): no second read of them all.
                label = tagging.as_label(speaker) if speaker is not None else None
                name, speaker_id, color = (label.name, label.id, label.color) if label else (None, None, None)
                rows.append(
                    LabelledRow(
                        segment_id, position, kind, raw, correction, name, start_ms, end_ms, version,
                        speaker_id=speaker_id, speaker_color=color, topics=tuple(topics.get(segment_id, ())),
                    )
                )
    return rows


def transcript_window(
    lib, transcript_id: int, first: int, count: int, speaker_id: int | None = None, topic_id: int | None = None
) -> tuple[str, list[int], list[LabelledRow]]:
    """(title, every segment id in order, the rows of `count` segments from row `first`).

    Ids are cheap to read for any length; rows come a page at a time as the view needs them.
    With a speaker and/or topic, only the segments that have them (a filtered view).
    """
    with lib.read() as session:
        title = transcript_in(session, transcript_id).title
        if speaker_id is None and topic_id is None:
            ids = list(
                session.scalars(
                    select(Segment.id).where(Segment.transcript_id == transcript_id).order_by(Segment.position, Segment.id)
                )
            )
    if speaker_id is not None or topic_id is not None:
        ids = [segment_id for segment_id, _ in tagging.labelled_segments(lib, transcript_id, speaker_id, topic_id)]
    first = max(0, min(first, len(ids) - count))
    return title, ids, segment_rows_by_id(lib, ids[first : first + count])
