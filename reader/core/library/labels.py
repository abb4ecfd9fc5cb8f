"""Speakers and topics as the library holds them: the `Label` record, names and colours, and the reads
(who speaks in a transcript, the topics of segments, the segments with a label).

The changes (create, rename, merge, assign, tag, and their undo) are in tagging.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.kinds import LabelKind
from reader.core.library.db import Library
from reader.core.library.models import Segment, SegmentTopic, Speaker, Topic
from reader.core.library.queries import chunks, segment_row, transcript_in

# Tableau 10: distinct at a glance and readable behind dark text.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)
MAX_NAME = 200


@dataclass(frozen=True)
class Label:
    """A speaker or a topic."""

    id: int
    name: str
    color: str


LabelModel = type[Speaker] | type[Topic]


def label_rows(session: Session, query: Select[Any]) -> list[Speaker | Topic]:
    return cast("list[Speaker | Topic]", list(session.scalars(query)))


def model_of(kind: LabelKind) -> LabelModel:
    return Speaker if kind == LabelKind.SPEAKER else Topic


def clean_name(kind: LabelKind, name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError("{kind} name", "is empty", kind=Msg("speaker") if kind == LabelKind.SPEAKER else Msg("topic"))
    if len(cleaned) > MAX_NAME:
        raise UserError(
            "{kind} name {name}…", "is longer than {limit} characters",
            kind=Msg("speaker") if kind == LabelKind.SPEAKER else Msg("topic"), name=cleaned[:20], limit=MAX_NAME,
        )
    return cleaned


def label_color(row: Speaker | Topic) -> str:
    # Speakers made by an import have no colour yet; give each a stable one.
    return row.color or PALETTE[(row.id - 1) % len(PALETTE)]


def as_label(row: Speaker | Topic) -> Label:
    return Label(row.id, row.name, label_color(row))


def by_name(session: Session, kind: LabelKind, name: str) -> Speaker | Topic | None:
    model = model_of(kind)
    found = label_rows(session, select(model).where(model.name == clean_name(kind, name)))
    return found[0] if found else None


def list_labels(lib: Library, kind: LabelKind) -> list[Label]:
    """Every speaker or topic of the library, by name."""
    model = model_of(kind)
    with lib.read() as session:
        return [as_label(row) for row in label_rows(session, select(model).order_by(model.name, model.id))]


def transcript_speakers(lib: Library, transcript_id: int) -> list[Label]:
    """The library's speakers as a transcript meets them, the first nine being its number-key shortcuts.

    First those who speak in it, in order of first appearance; then those who
    speak nowhere yet (just made for this transcript, most likely), oldest
    first; last the speakers of other transcripts.
    """
    with lib.read() as session:
        transcript_in(session, transcript_id)
        first = (
            select(Segment.speaker_id, func.min(Segment.position).label("first"))
            .where(Segment.transcript_id == transcript_id, Segment.speaker_id.is_not(None))
            .group_by(Segment.speaker_id)
            .subquery()
        )
        elsewhere = select(Segment.id).where(Segment.speaker_id == Speaker.id).exists()
        rows = session.scalars(
            select(Speaker)
            .outerjoin(first, first.c.speaker_id == Speaker.id)
            .order_by(first.c.first.is_(None), first.c.first, elsewhere, Speaker.id)
        )
        return [as_label(speaker) for speaker in rows]


def topics_of(lib: Library, segment_ids: Iterable[int]) -> dict[int, list[Label]]:
    """The topics of each segment (by name); segments without topics are left out."""
    found: dict[int, list[Label]] = {}
    with lib.read() as session:
        for chunk in chunks(list(segment_ids)):
            rows = session.execute(
                select(SegmentTopic.segment_id, Topic)
                .join(Topic, Topic.id == SegmentTopic.topic_id)
                .where(SegmentTopic.segment_id.in_(chunk))
                .order_by(SegmentTopic.segment_id, Topic.name)
            )
            for segment_id, topic in rows:
                found.setdefault(segment_id, []).append(as_label(topic))
    return found


def topic_positions(lib: Library, transcript_id: int) -> list[tuple[Label, list[int]]]:
    """Each topic of a transcript with the positions of its segments, in order of first appearance."""
    with lib.read() as session:
        transcript_in(session, transcript_id)
        rows = session.execute(
            select(Topic, Segment.position)
            .join(SegmentTopic, SegmentTopic.topic_id == Topic.id)
            .join(Segment, Segment.id == SegmentTopic.segment_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Topic.name)
        )
        found: dict[int, tuple[Label, list[int]]] = {}
        for topic, position in rows:
            found.setdefault(topic.id, (as_label(topic), []))[1].append(position)
        return list(found.values())


def find_label(lib: Library, kind: LabelKind, name: str) -> Label | None:
    with lib.read() as session:
        row = by_name(session, kind, name)
        return None if row is None else as_label(row)


def labelled_segments(
    lib: Library, transcript_id: int, speaker_id: int | None = None, topic_id: int | None = None
) -> list[tuple[int, int]]:
    """(segment id, position) of a transcript's segments with that speaker and/or topic, in order.

    With neither, every segment; for a filtered view.
    """
    with lib.read() as session:
        transcript_in(session, transcript_id)
        query = _labelled(transcript_id, speaker_id, topic_id).order_by(Segment.position, Segment.id)
        return [(segment_id, position) for segment_id, position in session.execute(query)]


def next_labelled(
    lib: Library,
    transcript_id: int,
    position: int,
    speaker_id: int | None = None,
    topic_id: int | None = None,
    backwards: bool = False,
) -> tuple[int, int] | None:
    """The next (or previous) segment after `position` with that speaker and/or topic, or None."""
    query = _labelled(transcript_id, speaker_id, topic_id)
    if backwards:
        query = query.where(Segment.position < position).order_by(Segment.position.desc(), Segment.id.desc())
    else:
        query = query.where(Segment.position > position).order_by(Segment.position, Segment.id)
    with lib.read() as session:
        transcript_in(session, transcript_id)
        found = session.execute(query.limit(1)).first()
        return None if found is None else (found[0], found[1])


def _labelled(transcript_id: int, speaker_id: int | None, topic_id: int | None) -> Select[int, int]:
    query = select(Segment.id, Segment.position).where(Segment.transcript_id == transcript_id)
    if speaker_id is not None:
        query = query.where(Segment.speaker_id == speaker_id)
    if topic_id is not None:
        query = query.join(SegmentTopic, SegmentTopic.segment_id == Segment.id).where(SegmentTopic.topic_id == topic_id)
    return query


def next_speaker(lib: Library, segment_id: int) -> Label:
    """Who speaks after a segment's speaker: the following segment's speaker when it is someone
    else, else the one after it in the transcript's speaker order (from the first again at the end)."""
    with lib.read() as session:
        segment = segment_row(session, segment_id)
        transcript_id, position, current = segment.transcript_id, segment.position, segment.speaker_id
        following = session.scalar(
            select(Segment.speaker_id).where(Segment.transcript_id == transcript_id, Segment.position == position + 1)
        )
    order = transcript_speakers(lib, transcript_id)
    if not order:
        raise UserError("speakers", "there are none yet; create one first")
    if following is not None and following != current:
        return next(label for label in order if label.id == following)
    ids = [label.id for label in order]
    return order[(ids.index(current) + 1) % len(order)] if current in ids else order[0]
