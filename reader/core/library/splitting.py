"""Split and merge: a segment cut in two, two neighbours joined into one.

Apart from edits.py (corrections), whose conventions it keeps (see its
docstring): the raw text of a row is never updated, so split and merge replace
rows by new ones and return the replaced rows, whole, for their undo.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from reader.core.errors import UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.edits import TextOf, revise, where
from reader.core.library.models import Comment, Revision, Segment, SegmentTopic
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import segment_row
from reader.core.library.rules import text_rules_in
from reader.core.text import Cleaner, shown_run
from reader.core.text.sentences import COMMA, FULL_STOP


@dataclass(frozen=True)
class SegmentState:
    """Everything a segment row holds, so that undo can put it back exactly."""

    id: int | None  # None only for a segment about to be made
    transcript_id: int
    position: int
    kind: SegmentKind
    raw: str
    correction: str | None
    start_ms: int | None
    end_ms: int | None
    speaker_id: int | None
    version: int
    topic_ids: tuple[int, ...] = ()
    time_estimated: bool = False


@dataclass(frozen=True)
class SplitResult:
    original: SegmentState
    parts: tuple[SegmentState, SegmentState]
    # (revision id, segment id) of the original's history, which moved to the first part.
    revision_owners: tuple[tuple[int, int], ...] = ()

    @property
    def transcript_id(self) -> int:
        return self.original.transcript_id

    @property
    def segment_ids(self) -> tuple[int, int]:
        return _made(self.parts[0]), _made(self.parts[1])

    @property
    def changes(self) -> OpChanges:
        return OpChanges.restructured(self.transcript_id)


@dataclass(frozen=True)
class MergeResult:
    parts: tuple[SegmentState, SegmentState]
    merged: SegmentState
    # (revision id, segment id) of both parts' history, which moved to the merged segment.
    revision_owners: tuple[tuple[int, int], ...] = ()

    @property
    def transcript_id(self) -> int:
        return self.merged.transcript_id

    @property
    def segment_id(self) -> int:
        return _made(self.merged)


    @property
    def changes(self) -> OpChanges:
        return OpChanges.restructured(self.transcript_id)


def _made(state: SegmentState) -> int:
    """The id of a segment that is in the library (every state a result holds)."""
    assert state.id is not None
    return state.id


def split_segment(lib: Library, segment_id: int, raw_offset: int, author: str | None = None) -> SplitResult:
    """Split a segment in two at a character offset of its raw text.

    The first part gets `raw[:offset]`, the second `raw[offset:]` and the
    position after it; later segments move down by one. Both parts keep the
    kind, speaker and topics. Times, when known, are shared in proportion to
    the characters. A correction is split where its text lines up with the raw
    offset (difflib's alignment of raw and correction), so each part keeps the
    corrected words of its own raw text; a part left with an empty correction
    has none and shows its cleaned text.
    """
    with lib.write() as session:
        segment = segment_row(session, segment_id)
        if segment.kind == SegmentKind.IMAGE:
            raise UserError(where(segment), "an image cannot be split")
        size = len(segment.raw)
        if not 0 < raw_offset < size:
            if size < 2:
                raise UserError(where(segment), "has fewer than two characters; nothing to split")
            raise UserError(
                "offset {offset}", "{where} splits at 1..{last} (it has {size} characters)",
                offset=raw_offset, where=where(segment), last=size - 1, size=size,
            )
        original = _state(session, segment)
        next_start = None
        if original.end_ms is None:  # a tapped time's end is where the next segment starts
            next_start = session.scalar(
                select(Segment.start_ms).where(Segment.transcript_id == segment.transcript_id, Segment.position == segment.position + 1)
            )
        first, second = _split_state(original, raw_offset, next_start)
        owners = _revision_owners(session, [original])
        made = _replace(session, [original], [first, second], "split", author)
        return SplitResult(original, (made[0], made[1]), owners)


def _split_state(state: SegmentState, offset: int, next_start: int | None = None) -> tuple[SegmentState, SegmentState]:
    raw = state.raw
    start, end = state.start_ms, state.end_ms if state.end_ms is not None else next_start
    # With one end unknown, each part keeps the end it touches.
    cut_ms = start + round((end - start) * offset / len(raw)) if start is not None and end is not None else None
    first_correction = second_correction = None
    if state.correction is not None:
        cut = map_offset(raw, state.correction, offset)
        first_correction = state.correction[:cut] if state.correction[:cut].strip() else None
        second_correction = state.correction[cut:] if state.correction[cut:].strip() else None
    base = dataclasses.replace(state, id=None, version=1)
    first = dataclasses.replace(base, raw=raw[:offset], correction=first_correction, end_ms=cut_ms if state.end_ms is not None else None)
    # The second start is a share of the time, not a time anyone gave: estimated until tapped or edited.
    second = dataclasses.replace(
        base, position=state.position + 1, raw=raw[offset:], correction=second_correction, start_ms=cut_ms,
        time_estimated=state.time_estimated or cut_ms is not None,
    )
    return first, second


def map_offset(source: str, target: str, offset: int) -> int:
    """Where `offset` of `source` falls in `target`, following difflib's alignment of the two."""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, source, target, autojunk=False).get_opcodes():
        if i1 <= offset < i2:
            if tag == "equal":
                return j1 + offset - i1
            return j1 + round((offset - i1) * (j2 - j1) / (i2 - i1))
    return len(target)


def merge_segments(lib: Library, segment_id: int, author: str | None = None, text_of: TextOf | None = None) -> MergeResult:
    """Merge a segment with the next one into one new segment.

    The raw texts are joined with nothing between them (Chinese has no spaces
    between words), or one space where two Latin letters or digits would
    otherwise run into each other. The merged segment takes the first part's
    speaker (else the second's), both parts' topics, the first start and the
    last end. If either part was corrected, the merged correction joins the
    parts' texts as the reader showed them: `text_of(segments)`, by default
    `shown_run` under the default cleaning and the transcript's rules (the UI
    passes the same under its own settings). So does a join the reader saw
    repaired: the first part's chunk-final `。` shown as `，` (its sentence runs on),
    which cleaning the joined raw text would keep as a `。` in the middle. A `。`
    that ends a sentence stays, and then the merged segment needs no correction.
    """
    with lib.write() as session:
        segment = segment_row(session, segment_id)
        around = {
            s.position: s
            for s in session.scalars(
                select(Segment).where(
                    Segment.transcript_id == segment.transcript_id,
                    Segment.position.between(segment.position - 1, segment.position + 2),
                )
            )
        }
        following = around.get(segment.position + 1)
        if following is None:
            raise UserError(where(segment), "is the last segment; there is nothing after it to merge with")
        for part in (segment, following):
            if part.kind == SegmentKind.IMAGE:
                raise UserError(where(part), "is an image; only text can be merged")
        parts = (_state(session, segment), _state(session, following))
        # Each part as the reader showed it, between its neighbours.
        window = [around[p] for p in sorted(around)]
        shown = dict(zip((s.id for s in window), (text_of or _shown_in(session, segment.transcript_id))(window), strict=True))
        first, second = shown[segment.id], shown[following.id]
        correction = None
        if segment.correction is not None or following.correction is not None or _join_repaired(segment, first):
            correction = _join(first, second)
        a, b = parts
        merged = SegmentState(
            id=None,
            transcript_id=a.transcript_id,
            position=a.position,
            kind=SegmentKind.TEXT if SegmentKind.TEXT in (a.kind, b.kind) else a.kind,
            raw=_join(a.raw, b.raw),
            correction=correction or None,
            start_ms=a.start_ms if a.start_ms is not None else b.start_ms,
            # The last end: the second part's, also when it is "where the next one starts" (None).
            end_ms=b.end_ms if b.end_ms is not None or b.start_ms is not None else a.end_ms,
            time_estimated=a.time_estimated if a.start_ms is not None else b.time_estimated,
            speaker_id=a.speaker_id if a.speaker_id is not None else b.speaker_id,
            version=1,
            topic_ids=tuple(dict.fromkeys(a.topic_ids + b.topic_ids)),
        )
        owners = _revision_owners(session, parts)
        made = _replace(session, parts, [merged], "merge", author)
        return MergeResult(parts, made[0], owners)


def _join(left: str, right: str) -> str:
    latin = left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum()
    return left + (" " if latin else "") + right


def _join_repaired(segment: Segment, shown: str) -> bool:
    """Whether the reader saw the segment's chunk-final `。` as a `，`: the sentence ran on into the
    next. Merged, that `。` would sit inside the text, where cleaning keeps it; the merged segment
    keeps the repaired join as its correction instead."""
    return segment.correction is None and segment.raw.rstrip().endswith(FULL_STOP) and shown.rstrip().endswith(COMMA)


def _shown_in(session: Session, transcript_id: int) -> TextOf:
    """What the reader shows for segments, under the default cleaning and the transcript's rules."""
    cleaner = Cleaner(rules=text_rules_in(session, transcript_id))
    return lambda segments: [shown.text for shown in shown_run(segments, cleaner)]



def undo_split(lib: Library, result: SplitResult, author: str | None = None) -> None:
    """Put the split segment back: its id, position, correction, times, speaker and topics."""
    with lib.write() as session:
        _replace(session, result.parts, [result.original], "undo split", author, dict(result.revision_owners))


def redo_split(lib: Library, result: SplitResult, author: str | None = None) -> SplitResult:
    """Split again exactly as `result` did, with the same ids, after `undo_split`."""
    with lib.write() as session:
        _replace(session, [result.original], result.parts, "split", author)
    return result


def undo_merge(lib: Library, result: MergeResult, author: str | None = None) -> None:
    """Put the two merged segments back as they were, each with its own history."""
    with lib.write() as session:
        _replace(session, [result.merged], result.parts, "undo merge", author, dict(result.revision_owners))


def redo_merge(lib: Library, result: MergeResult, author: str | None = None) -> MergeResult:
    """Merge again exactly as `result` did, with the same id, after `undo_merge`."""
    with lib.write() as session:
        _replace(session, result.parts, [result.merged], "merge", author)
    return result


def _state(session: Session, segment: Segment) -> SegmentState:
    topics = session.scalars(select(SegmentTopic.topic_id).where(SegmentTopic.segment_id == segment.id).order_by(SegmentTopic.topic_id))
    return SegmentState(
        segment.id, segment.transcript_id, segment.position, segment.kind, segment.raw, segment.correction,
        segment.start_ms, segment.end_ms, segment.speaker_id, segment.version, tuple(topics),
        time_estimated=segment.time_estimated,
    )


def _revision_owners(session: Session, states: Sequence[SegmentState]) -> tuple[tuple[int, int], ...]:
    rows = session.execute(select(Revision.id, Revision.segment_id).where(Revision.segment_id.in_([s.id for s in states])))
    return tuple(sorted((rid, sid) for rid, sid in rows))


def _same_content(found: SegmentState, expected: SegmentState) -> bool:
    """Equal but for position and version: a correction made and undone leaves the text as it was."""
    return dataclasses.replace(found, position=0, version=0) == dataclasses.replace(expected, position=0, version=0)


def _replace(
    session: Session,
    old: Sequence[SegmentState],
    new: Sequence[SegmentState],
    origin: str,
    author: str | None,
    owners: Mapping[int, int] | None = None,
) -> list[SegmentState]:
    """Replace the consecutive segments `old` by `new` in one transaction.

    `new` states with an id are rows put back as they were; without one, new
    rows. The old rows' revisions move to the new row named in `owners`
    (revision id -> segment id), else to the first new row, and one revision
    records the change (old and new raw texts, a line break between segments).
    Refuses, changing nothing, when the old rows are no longer as recorded
    (someone else edited them) or an id to restore has been taken.
    """
    rows = session.scalars(select(Segment).where(Segment.id.in_([s.id for s in old])))
    current = {s.id: s for s in (_state(session, row) for row in rows)}
    first = current.get(old[0].id)
    for index, expected in enumerate(old):
        found = current.get(expected.id)
        if (
            found is None
            or first is None
            or found.position != first.position + index
            or not _same_content(found, expected)
        ):
            raise UserError(where(expected), "was changed since; this step can no longer be applied")
    assert first is not None  # `old` is never empty
    taken = [s.id for s in new if s.id is not None and session.get(Segment, s.id) is not None]
    if taken:
        raise UserError("segment {segment}", "its id is in use again; this step can no longer be applied", segment=taken[0])

    transcript_id, position = first.transcript_id, first.position
    shift = len(new) - len(old)
    if shift:
        session.execute(
            update(Segment)
            .where(Segment.transcript_id == transcript_id, Segment.position > position + len(old) - 1)
            .values(position=Segment.position + shift)
            .execution_options(synchronize_session=False)
        )
    made = []
    for index, state in enumerate(new):
        values = dataclasses.asdict(state)
        topic_ids = values.pop("topic_ids")
        if state.id is None:
            values.pop("id")
        values["position"] = position + index
        segment_id = session.scalar(insert(Segment).values(**values).returning(Segment.id))
        if topic_ids:
            session.execute(insert(SegmentTopic), [{"segment_id": segment_id, "topic_id": t} for t in topic_ids])
        made.append(dataclasses.replace(state, id=segment_id, position=position + index))

    made_ids = {s.id for s in made}
    owners = owners or {}
    for revision_id, _segment_id in session.execute(select(Revision.id, Revision.segment_id).where(Revision.segment_id.in_(list(current)))):
        owner = owners.get(revision_id)
        session.execute(
            update(Revision)
            .where(Revision.id == revision_id)
            .values(segment_id=owner if owner in made_ids else made[0].id)
            .execution_options(synchronize_session=False)
        )
    # Comments follow the text they are about, like revisions; review marks go with the old rows (new rows are todo).
    session.execute(
        update(Comment)
        .where(Comment.segment_id.in_(list(current)))
        .values(segment_id=made[0].id)
        .execution_options(synchronize_session=False)
    )
    session.execute(delete(Segment).where(Segment.id.in_(list(current))).execution_options(synchronize_session=False))
    revise(session, _made(made[0]), "\n".join(s.raw for s in old), "\n".join(s.raw for s in made), origin, author)
    session.expire_all()
    return made
