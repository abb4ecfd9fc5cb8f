"""Speakers and topics: who says a segment, and what it is about.

Every operation runs in one `lib.write()` transaction and returns a
`TagChange`: the rows and links it changed, before and after. `undo(lib,
change)` and `redo(lib, change)` replay it backwards and forwards any number
of times, and refuse, changing nothing, when the library no longer looks as
the change left it (someone relabelled those segments since).

Tags get no revision rows: revisions record the text of a segment, and a
label is not text. The undo stack holds the history of a session; the
library holds the current labels, saved at once.
"""

from __future__ import annotations

import colorsys
import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import delete, func, insert, select, text, tuple_, update
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.kinds import LabelKind
from reader.core.library import splitting
from reader.core.library.db import Library
from reader.core.library.labels import (
    PALETTE,
    Label,
    LabelModel,
    as_label,
    by_name,
    clean_name,
    label_color,
    label_rows,
    model_of,
    next_speaker,
)
from reader.core.library.models import Segment, SegmentTopic, Speaker, Topic
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import chunks, transcript_in

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


# ----------------------------------------------------------------- records


LabelPair = tuple[Label | None, Label | None]  # (before, after): None before = created, None after = deleted


@dataclass(frozen=True)
class TagChange:
    """What one tagging operation changed, enough to undo and redo it exactly.

    `transcript_ids` are the transcripts whose shown labels changed (a
    renamed speaker changes every transcript it speaks in).
    """

    speakers: tuple[LabelPair, ...] = ()
    topics: tuple[LabelPair, ...] = ()
    segment_speakers: tuple[tuple[int, int | None, int | None], ...] = ()  # (segment, before, after)
    links_added: tuple[tuple[int, int], ...] = ()  # (segment, topic)
    links_removed: tuple[tuple[int, int], ...] = ()
    transcript_ids: frozenset[int] = frozenset()

    @property
    def changed(self) -> bool:
        return bool(self.speakers or self.topics or self.segment_speakers or self.links_added or self.links_removed)

    @property
    def segment_ids(self) -> frozenset[int]:
        return frozenset(
            [s for s, _, _ in self.segment_speakers] + [s for s, _ in self.links_added] + [s for s, _ in self.links_removed]
        )

    def reversed(self) -> TagChange:
        return TagChange(
            speakers=tuple((after, before) for before, after in self.speakers),
            topics=tuple((after, before) for before, after in self.topics),
            segment_speakers=tuple((s, after, before) for s, before, after in self.segment_speakers),
            links_added=self.links_removed,
            links_removed=self.links_added,
            transcript_ids=self.transcript_ids,
        )

    @property
    def changes(self) -> OpChanges:
        # A renamed, merged or deleted label shows in rows the change does not list: reload those transcripts.
        relabelled = bool(self.speakers or self.topics) and bool(self.transcript_ids)
        return OpChanges(self.transcript_ids, self.segment_ids, structure=relabelled, labels=True)

    def created(self, kind: LabelKind) -> Label | None:
        """The speaker or topic (`kind`) this change created, if any."""
        pairs = self.speakers if kind == LabelKind.SPEAKER else self.topics
        return next((after for before, after in pairs if before is None), None)


@dataclass(frozen=True)
class SplitTurn:
    """A segment split where the speaker changes, the second part given to the next speaker."""

    split: splitting.SplitResult
    labels: TagChange

    @property
    def changes(self) -> OpChanges:
        return self.split.changes | self.labels.changes


# ----------------------------------------------------------------- undo and redo


def undo(lib: Library, change: TagChange) -> None:
    with lib.write() as session:
        _apply(session, change.reversed())


def redo(lib: Library, change: TagChange) -> None:
    with lib.write() as session:
        _apply(session, change)


def _apply(session: Session, change: TagChange) -> None:
    """Check that the library is as `change` found it, then make it as `change` left it."""
    _check(session, change)
    for model, pairs in _by_model(change):
        for before, after in pairs:
            if after is None:
                continue
            values = {"name": after.name, "color": after.color}
            if before is None:
                session.execute(insert(model).values(id=after.id, **values))
                _advance_sequence(session, model)
            else:
                session.execute(update(model).where(model.id == after.id).values(**values))
    by_speaker: dict[int | None, list[int]] = {}
    for segment_id, _, speaker_after in change.segment_speakers:
        by_speaker.setdefault(speaker_after, []).append(segment_id)
    for speaker_id, segment_ids in by_speaker.items():
        for chunk in chunks(segment_ids):
            session.execute(update(Segment).where(Segment.id.in_(chunk)).values(speaker_id=speaker_id))
    if change.links_added:
        session.execute(insert(SegmentTopic), [{"segment_id": s, "topic_id": t} for s, t in change.links_added])
    for pairs_chunk in chunks(change.links_removed):
        session.execute(delete(SegmentTopic).where(tuple_(SegmentTopic.segment_id, SegmentTopic.topic_id).in_(pairs_chunk)))
    for model, pairs in _by_model(change):
        gone = [before.id for before, after in pairs if after is None and before is not None]
        if gone:
            # Labelled since by someone else: deleting would quietly unlabel their segments.
            if model is Speaker:
                used = select(Segment.id).where(Segment.speaker_id.in_(gone))
            else:
                used = select(SegmentTopic.segment_id).where(SegmentTopic.topic_id.in_(gone))
            if session.scalar(select(used.exists())):
                raise _stale()
            session.execute(delete(model).where(model.id.in_(gone)))
    session.expire_all()


def _advance_sequence(session: Session, model: LabelModel) -> None:
    # PostgreSQL's id sequence does not see ids written explicitly; the importer's next speaker would collide.
    if session.get_bind().dialect.name == "postgresql":
        table = model.__tablename__
        session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))


def _stale() -> UserError:
    return UserError("labels", "were changed since; this step can no longer be applied")


def _check(session: Session, change: TagChange) -> None:
    stale = _stale()
    for model, pairs in _by_model(change):
        for before, after in pairs:
            label = before or after
            assert label is not None  # a pair is a creation, a change or a deletion
            label_id = label.id
            row = _row(session, model, label_id)
            found = None if row is None else Label(row.id, row.name, label_color(row))
            if found != before:
                raise stale
            if after is not None and (before is None or before.name != after.name):
                _check_name_free(session, model, after.name, label_id)
    segment_ids = [s for s, _, _ in change.segment_speakers]
    speakers: dict[int, int | None] = {}
    for chunk in chunks(segment_ids):
        speakers.update((row[0], row[1]) for row in session.execute(select(Segment.id, Segment.speaker_id).where(Segment.id.in_(chunk))))
    if any(speakers.get(s, "missing") != before for s, before, _ in change.segment_speakers):
        raise stale
    links = set(change.links_added) | set(change.links_removed)
    present: set[tuple[int, int]] = set()
    for links_chunk in chunks(links):
        present.update(
            (row[0], row[1]) for row in session.execute(
                select(SegmentTopic.segment_id, SegmentTopic.topic_id).where(
                    tuple_(SegmentTopic.segment_id, SegmentTopic.topic_id).in_(links_chunk)
                )
            )
        )
    if present & set(change.links_added) or set(change.links_removed) - present:
        raise stale
    linked_segments = {s for s, _ in change.links_added}
    existing: set[int] = set()
    for chunk in chunks(list(linked_segments)):
        existing.update(session.scalars(select(Segment.id).where(Segment.id.in_(chunk))))
    if linked_segments - existing:
        raise stale


def _by_model(change: TagChange) -> tuple[tuple[LabelModel, tuple[LabelPair, ...]], ...]:
    return ((Speaker, change.speakers), (Topic, change.topics))


def _row(session: Session, model: LabelModel, label_id: int) -> Speaker | Topic | None:
    return cast("Speaker | Topic | None", session.get(model, label_id))


# ----------------------------------------------------------------- names and colours


def _check_name_free(session: Session, model: LabelModel, name: str, own_id: int | None = None) -> None:
    other = session.scalar(select(model.id).where(model.name == name))
    if other is not None and other != own_id:
        kind = LabelKind.SPEAKER if model is Speaker else LabelKind.TOPIC
        raise UserError(
            "{kind} {name!r}", "already exists (merge the two to make them one)",
            kind=Msg("speaker") if kind == LabelKind.SPEAKER else Msg("topic"), name=name,
        )


def _check_color(color: str) -> str:
    if not _COLOR.fullmatch(color):
        raise UserError("colour {color!r}", "give it as #rrggbb", color=color)
    return color.lower()


def next_color(used: Iterable[str]) -> str:
    """The first palette colour not in `used`; past the palette, hues a golden angle apart."""
    taken = {c.lower() for c in used if c}
    for color in PALETTE:
        if color not in taken:
            return color
    for step in range(len(taken) + 1):
        red, green, blue = colorsys.hls_to_rgb((step * 0.381966) % 1.0, 0.55, 0.55)
        color = f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
        if color not in taken:
            return color
    raise AssertionError("unreachable: more steps than colours taken")


def _new_label(session: Session, kind: LabelKind, name: str, color: str | None) -> Label:
    """A label row not yet written, with the id it will get."""
    model = model_of(kind)
    name = clean_name(kind, name)
    _check_name_free(session, model, name)
    color = next_color(label_color(row) for row in label_rows(session, select(model))) if color is None else _check_color(color)
    # Chosen here, under the write lock, because the change records it for redo.
    new_id = (session.scalar(select(func.max(model.id))) or 0) + 1
    return Label(new_id, name, color)


def _get(session: Session, kind: LabelKind, label_id: int) -> Speaker | Topic:
    row = _row(session, model_of(kind), label_id)
    if row is None:
        raise UserError(
            "{kind} {label}", Msg("no such speaker") if kind == LabelKind.SPEAKER else Msg("no such topic"),
            kind=Msg("speaker") if kind == LabelKind.SPEAKER else Msg("topic"), label=label_id,
        )
    return row


def _transcripts_of(session: Session, segment_ids: Iterable[int]) -> frozenset[int]:
    found: set[int] = set()
    for chunk in chunks(list(segment_ids)):
        found.update(session.scalars(select(Segment.transcript_id).distinct().where(Segment.id.in_(chunk))))
    return frozenset(found)


def _transcripts_using(session: Session, kind: LabelKind, label_id: int) -> frozenset[int]:
    if kind == LabelKind.SPEAKER:
        query = select(Segment.transcript_id).distinct().where(Segment.speaker_id == label_id)
    else:
        query = (
            select(Segment.transcript_id).distinct()
            .join(SegmentTopic, SegmentTopic.segment_id == Segment.id)
            .where(SegmentTopic.topic_id == label_id)
        )
    return frozenset(session.scalars(query))


def _run(lib: Library, make: Callable[[Session], TagChange]) -> TagChange:
    """Work out a change from the current library and make it, in one transaction."""
    with lib.write() as session:
        change = make(session)
        _apply(session, change)
        return change


def _label_change(kind: LabelKind, pair: LabelPair, transcript_ids: frozenset[int] = frozenset()) -> TagChange:
    if kind == LabelKind.SPEAKER:
        return TagChange(speakers=(pair,), transcript_ids=transcript_ids)
    return TagChange(topics=(pair,), transcript_ids=transcript_ids)


# ----------------------------------------------------------------- speakers and topics themselves


def create_label(lib: Library, kind: LabelKind, name: str, color: str | None = None) -> TagChange:
    """A new speaker or topic (`kind`), with the first colour no other one has unless `color` is given.

    `change.created(kind)` is the new label.
    """
    return _run(lib, lambda session: _label_change(kind, (None, _new_label(session, kind, name, color))))


def rename_label(lib: Library, kind: LabelKind, label_id: int, name: str | None = None, color: str | None = None) -> TagChange:
    """Give a speaker or topic a new name and/or colour. A name another one has is refused: merge instead."""

    def make(session: Session) -> TagChange:
        before = as_label(_get(session, kind, label_id))
        after = dataclasses.replace(
            before,
            name=before.name if name is None else clean_name(kind, name),
            color=before.color if color is None else _check_color(color),
        )
        if after == before:
            return TagChange()
        return _label_change(kind, (before, after), _transcripts_using(session, kind, label_id))

    return _run(lib, make)


def delete_label(lib: Library, kind: LabelKind, label_id: int) -> TagChange:
    """Remove a speaker (its segments become unlabelled) or a topic (its segments lose it)."""
    return _run(lib, lambda session: _moved_away(session, kind, label_id, None))


def merge_labels(lib: Library, kind: LabelKind, source_id: int, target_id: int) -> TagChange:
    """Make `source` one with `target`: its segments move to `target` and `source` goes."""
    if source_id == target_id:
        raise UserError(
            "{kind} {label}", "cannot be merged into itself",
            kind=Msg("speaker") if kind == LabelKind.SPEAKER else Msg("topic"), label=source_id,
        )
    return _run(lib, lambda session: _moved_away(session, kind, source_id, as_label(_get(session, kind, target_id))))


def _moved_away(session: Session, kind: LabelKind, label_id: int, target: Label | None) -> TagChange:
    gone = as_label(_get(session, kind, label_id))
    transcripts = _transcripts_using(session, kind, label_id)
    to = None if target is None else target.id
    if kind == LabelKind.SPEAKER:
        speaking = session.scalars(select(Segment.id).where(Segment.speaker_id == label_id).order_by(Segment.id))
        return TagChange(
            speakers=((gone, None),),
            segment_speakers=tuple((s, label_id, to) for s in speaking),
            transcript_ids=transcripts,
        )
    segment_ids = list(
        session.scalars(select(SegmentTopic.segment_id).where(SegmentTopic.topic_id == label_id).order_by(SegmentTopic.segment_id))
    )
    added: tuple[tuple[int, int], ...] = ()
    if to is not None:
        already = set(session.scalars(select(SegmentTopic.segment_id).where(SegmentTopic.topic_id == to)))
        added = tuple((s, to) for s in segment_ids if s not in already)
    return TagChange(
        topics=((gone, None),),
        links_added=added,
        links_removed=tuple((s, label_id) for s in segment_ids),
        transcript_ids=transcripts,
    )


# ----------------------------------------------------------------- labelling segments


def segment_ids_between(lib: Library, transcript_id: int, first: int, last: int | None = None) -> list[int]:
    """The ids of the segments at positions `first`..`last` (1-based, inclusive); `UserError` for a bad range."""
    last = first if last is None else last
    with lib.read() as session:
        transcript_in(session, transcript_id)
        count = session.execute(select(func.count()).select_from(Segment).where(Segment.transcript_id == transcript_id)).scalar_one()
        if first > last:
            raise UserError("positions {first}-{last}", "the range runs backwards; give the smaller position first", first=first, last=last)
        if not (first >= 1 and last <= count):
            shown = Msg("position {position}", position=first) if first == last else Msg("positions {first}-{last}", first=first, last=last)
            raise UserError(shown, Msg("transcript {transcript} has segments 1..{count}", transcript=transcript_id, count=count))
        return list(
            session.scalars(
                select(Segment.id)
                .where(Segment.transcript_id == transcript_id, Segment.position.between(first, last))
                .order_by(Segment.position, Segment.id)
            )
        )


def _existing_segments(session: Session, segment_ids: Iterable[int]) -> list[tuple[int, int | None]]:
    ids = list(dict.fromkeys(segment_ids))
    found: dict[int, int | None] = {}
    for chunk in chunks(ids):
        found.update(session.execute(select(Segment.id, Segment.speaker_id).where(Segment.id.in_(chunk))).all())
    missing = [s for s in ids if s not in found]
    if missing:
        raise UserError("segment {segment}", "no such segment (it may have been split, merged or deleted)", segment=missing[0])
    return [(s, found[s]) for s in ids]


def _label_for(session: Session, kind: LabelKind, label: int | str) -> tuple[Label, tuple[LabelPair, ...]]:
    """A label by id, or by name, made when new; with the pair that records its making."""
    if isinstance(label, int):
        return as_label(_get(session, kind, label)), ()
    row = by_name(session, kind, label)
    if row is not None:
        return as_label(row), ()
    made = _new_label(session, kind, label, None)
    return made, ((None, made),)


def assign_speaker(lib: Library, segment_ids: Iterable[int], speaker: int | str | None) -> TagChange:
    """Give segments a speaker: by id, by name (made when new), or None to leave them unlabelled."""

    def make(session: Session) -> TagChange:
        segments = _existing_segments(session, segment_ids)
        made: tuple[LabelPair, ...] = ()
        speaker_id = None
        if speaker is not None:
            label, made = _label_for(session, LabelKind.SPEAKER, speaker)
            speaker_id = label.id
        moves = tuple((s, old, speaker_id) for s, old in segments if old != speaker_id)
        return TagChange(speakers=made, segment_speakers=moves, transcript_ids=_transcripts_of(session, [s for s, _, _ in moves]))

    return _run(lib, make)


def tag_topic(lib: Library, segment_ids: Iterable[int], topic: int | str) -> TagChange:
    """Add a topic (by id, or by name, made when new) to segments; the topics they had stay."""

    def make(session: Session) -> TagChange:
        ids = [s for s, _ in _existing_segments(session, segment_ids)]
        label, made = _label_for(session, LabelKind.TOPIC, topic)
        linked: set[int] = set()
        for chunk in chunks(ids):
            linked.update(
                session.scalars(
                    select(SegmentTopic.segment_id).where(SegmentTopic.topic_id == label.id, SegmentTopic.segment_id.in_(chunk))
                )
            )
        added = tuple((s, label.id) for s in ids if s not in linked)
        return TagChange(topics=made, links_added=added, transcript_ids=_transcripts_of(session, [s for s, _ in added]))

    return _run(lib, make)


def untag_topic(lib: Library, segment_ids: Iterable[int], topic: int | str | None = None) -> TagChange:
    """Take a topic (by id or name), or with None every topic, off segments. The topic itself stays."""

    def make(session: Session) -> TagChange:
        ids = [s for s, _ in _existing_segments(session, segment_ids)]
        query = select(SegmentTopic.segment_id, SegmentTopic.topic_id)
        if topic is not None:
            if isinstance(topic, int):
                topic_id = _get(session, LabelKind.TOPIC, topic).id
            else:
                row = by_name(session, LabelKind.TOPIC, topic)
                if row is None:
                    raise UserError("topic {topic!r}", "no such topic", topic=topic)
                topic_id = row.id
            query = query.where(SegmentTopic.topic_id == topic_id)
        removed: list[tuple[int, int]] = []
        for chunk in chunks(ids):
            removed += session.execute(query.where(SegmentTopic.segment_id.in_(chunk))).all()
        removed.sort()
        return TagChange(links_removed=tuple(removed), transcript_ids=_transcripts_of(session, [s for s, _ in removed]))

    return _run(lib, make)


# ----------------------------------------------------------------- filter and jump


# ----------------------------------------------------------------- a turn that changes mid-segment


def split_to_next_speaker(lib: Library, segment_id: int, raw_offset: int) -> SplitTurn:
    """Split a segment at a raw-text offset and give the second part to `next_speaker`.
    Undo with `undo_split_turn`: one step."""
    target = next_speaker(lib, segment_id).id
    split = splitting.split_segment(lib, segment_id, raw_offset)
    try:
        labels = assign_speaker(lib, [split.segment_ids[1]], target)
    except BaseException:
        splitting.undo_split(lib, split)
        raise
    return SplitTurn(split, labels)


def undo_split_turn(lib: Library, turn: SplitTurn) -> None:
    undo(lib, turn.labels)
    splitting.undo_split(lib, turn.split)


def redo_split_turn(lib: Library, turn: SplitTurn) -> None:
    splitting.redo_split(lib, turn.split)
    redo(lib, turn.labels)
