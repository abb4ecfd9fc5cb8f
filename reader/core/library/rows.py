"""The rows a segment table shows: a segment with its speaker and topics, read a page at a time.

Plain frozen rows, never an ORM object bound to a session: a front end reads
them on a worker thread and hands them to its GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from reader.core.library import labels, review
from reader.core.library.db import Library
from reader.core.library.labels import Label
from reader.core.library.models import Segment, SegmentReview, Speaker
from reader.core.library.queries import SegmentRow, transcript_in

_CHUNK = 500  # stays under SQLite's bound-parameter limit


@dataclass(frozen=True)
class LabelledRow(SegmentRow):
    """A segment row with what the speaker and topic columns draw."""

    speaker_id: int | None = None
    speaker_color: str | None = None
    topics: tuple[Label, ...] = ()
    # Review: reviewed or not, and who marked it (or who sent it back to todo); comments on it.
    reviewed: bool = False
    review_author: str | None = None
    open_comments: int = 0
    comments: int = 0


def segment_rows_by_id(lib: Library, segment_ids: Iterable[int]) -> list[LabelledRow]:
    """Fresh rows for segments an operation touched, so a view refreshes them without reloading everything."""
    ids = list(segment_ids)
    topics = labels.topics_of(lib, ids)
    notes = review.notes_of(lib, ids)
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
                    Segment.time_estimated,
                    Speaker,
                )
                .outerjoin(Speaker, Segment.speaker_id == Speaker.id)
                .where(Segment.id.in_(ids[i : i + _CHUNK]))
            )
            for segment_id, position, kind, raw, correction, start_ms, end_ms, version, estimated, speaker in session.execute(query):
                # The joined speaker gives its colour (tagging's default for one without): no second read of them all.
                label = labels.as_label(speaker) if speaker is not None else None
                name, speaker_id, color = (label.name, label.id, label.color) if label else (None, None, None)
                note = notes.get(segment_id, review.SegmentNotes())
                rows.append(
                    LabelledRow(
                        segment_id, position, kind, raw, correction, name, start_ms, end_ms, version, bool(estimated),
                        speaker_id=speaker_id, speaker_color=color, topics=tuple(topics.get(segment_id, ())),
                        reviewed=note.reviewed, review_author=note.review.author if note.review else None,
                        open_comments=note.open_comments, comments=note.comments,
                    )
                )
    return rows


def transcript_window(
    lib: Library,
    transcript_id: int,
    first: int,
    count: int,
    speaker_id: int | None = None,
    topic_id: int | None = None,
    unreviewed_only: bool = False,
) -> tuple[str, list[int], list[LabelledRow]]:
    """(title, every segment id in order, the rows of `count` segments from row `first`).

    Ids are cheap to read for any length; rows come a page at a time as the view needs them.
    With a speaker and/or topic, only the segments that have them (a filtered view);
    with `unreviewed_only`, only the segments not marked reviewed.
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
        ids = [segment_id for segment_id, _ in labels.labelled_segments(lib, transcript_id, speaker_id, topic_id)]
    if unreviewed_only:
        with lib.read() as session:
            done = set(
                session.scalars(
                    select(SegmentReview.segment_id)
                    .join(Segment, Segment.id == SegmentReview.segment_id)
                    .where(Segment.transcript_id == transcript_id, SegmentReview.status == review.REVIEWED)
                )
            )
        ids = [segment_id for segment_id in ids if segment_id not in done]
    first = max(0, min(first, len(ids) - count))
    return title, ids, segment_rows_by_id(lib, ids[first : first + count])
