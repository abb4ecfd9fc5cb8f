"""A person's edits of segments: corrections, split, merge, find and replace-all.

Every function takes the library first, runs in its own `lib.write()` (or
`lib.read()`) transaction and returns a small frozen record that holds what
its undo needs; the `undo_*`/`redo_*`/`apply_batch` functions are exact
inverses, so an undo stack can go back and forth any number of times.
Every change writes `Revision` rows: who, when, old, new and why (`origin`).
A segment's `version` counts changes of its correction; saving with an
expected version refuses (`ConflictError`) when someone else saved first. It
does not count speaker or topic changes, so a colleague's labelling never
makes a text save conflict. The library's write lock (see `db.py`) makes
the check and the write one step, on PostgreSQL too.

The raw text of a segment row is written once, when the row is inserted, and
never updated. Split and merge therefore do not edit rows: they replace them
by new rows whose raw texts are slices (split) or the join (merge) of the old
ones, so the transcript's raw text, read in position order, stays what was
imported. The replaced rows are kept, whole, in the returned record (undo puts
them back with their ids) and their history moves to the new rows, so no
revision is lost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import groupby
from typing import Any, TypeVar

import regex as regex_module
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Comment, Revision, Segment, SegmentTopic, current_user
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import transcript_in
from reader.core.library.review import reopen_if_reviewed
from reader.core.library.rules import text_rules_in
from reader.core.text import Cleaner, shown_run
from reader.core.text.sentences import COMMA, FULL_STOP

# Python's own `re` cannot be interrupted, so a pattern that backtracks without
# end (`(a|aa)+$`) would hang the app; the `regex` module takes a time limit.
MATCH_TIMEOUT_S = 1.0

# The texts the reader shows for consecutive segments of one transcript, in order, each read
# between its neighbours in the list as `reader.core.text.shown.shown_run` reads them.
TextOf = Callable[[Sequence[Segment]], list[str]]
_T = TypeVar("_T")


# ----------------------------------------------------------------- records


@dataclass(frozen=True)
class Change:
    """A correction set or dropped. `revision_id` is None when nothing changed."""

    segment_id: int
    transcript_id: int
    position: int
    old: str | None
    new: str | None
    revision_id: int | None
    # The segment's version after the change: what the next save expects.
    version: int | None = None
    # The reviewer whose mark this change took back (the segment is todo again), if any.
    reopened: str | None = None

    @property
    def changed(self) -> bool:
        return self.revision_id is not None

    @property
    def changes(self) -> OpChanges:
        return OpChanges.of_segments(self.transcript_id, {self.segment_id})


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


@dataclass(frozen=True)
class Match:
    """`start`/`end` are offsets in the searched text (see `find`'s `text_of`)."""

    segment_id: int
    transcript_id: int
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class BatchItem:
    segment_id: int
    transcript_id: int
    position: int
    old: str | None
    new: str | None


@dataclass(frozen=True)
class BatchChange:
    """Corrections changed together (replace-all): undone and redone as one step."""

    items: tuple[BatchItem, ...]
    origin: str = "replace-all"

    @property
    def segment_ids(self) -> frozenset[int]:
        return frozenset(item.segment_id for item in self.items)

    @property
    def transcript_ids(self) -> frozenset[int]:
        return frozenset(item.transcript_id for item in self.items)

    @property
    def changes(self) -> OpChanges:
        return OpChanges(self.transcript_ids, self.segment_ids)


# ----------------------------------------------------------------- lookups


def segment_at(lib: Library, transcript_id: int, position: int) -> int:
    """The id of the segment at a 1-based position; `UserError` for a wrong id or position."""
    with lib.read() as session:
        count = _segment_count(session, transcript_id)
        if not 1 <= position <= count:
            raise UserError(
                "position {position}", "transcript {transcript} has segments 1..{count}",
                position=position, transcript=transcript_id, count=count,
            )
        found = session.scalars(
            select(Segment.id).where(Segment.transcript_id == transcript_id, Segment.position == position).order_by(Segment.id)
        ).first()
        if found is None:
            raise UserError(
                "position {position}", "transcript {transcript} has no segment there (run `check`)",
                position=position, transcript=transcript_id,
            )
        return found


def _segment_count(session: Session, transcript_id: int) -> int:
    transcript_in(session, transcript_id)
    return session.execute(select(func.count()).select_from(Segment).where(Segment.transcript_id == transcript_id)).scalar_one()


def _segment(session: Session, segment_id: int) -> Segment:
    segment = session.get(Segment, segment_id)
    if segment is None:
        raise UserError("segment {segment}", "no such segment (it may have been split, merged or deleted)", segment=segment_id)
    return segment


def _where(segment: Segment | SegmentState) -> Msg:
    return Msg("segment {position} of transcript {transcript}", position=segment.position, transcript=segment.transcript_id)


# ----------------------------------------------------------------- corrections


class ConflictError(UserError):
    """Someone else changed a segment's correction since the version a save was based on.

    Nothing was saved. Carries what the segment holds now, so the person can
    compare it with their own text and choose: save again expecting `version`,
    or keep the other text.
    """

    def __init__(self, segment: Segment, author: str | None, attempted: str | None):
        self.segment_id = segment.id
        self.transcript_id = segment.transcript_id
        self.position = segment.position
        self.version = segment.version
        self.text = segment.correction
        self.author = author
        self.attempted = attempted
        now = Msg("has no correction") if segment.correction is None else Msg("reads: {text}", text=segment.correction)
        # Only that segment is behind on screen: show the other person's text.
        self.changes = OpChanges.of_segments(segment.transcript_id, {segment.id})
        super().__init__(
            _where(segment),
            Msg(
                "{author} saved version {version} of it, which {now}; your text was not saved",
                author=author or Msg("someone"), version=segment.version, now=now,
            ),
        )


def _check_conflict(
    session: Session, segment: Segment, new: str | None, author: str | None, expected_version: int | None, replace_others: bool
) -> None:
    if new == segment.correction:
        return  # Both people want the same text: nothing to choose.
    # Whose text it is: a colleague's time change (origin "time...") is not a say on the text.
    last_author = session.scalar(
        select(Revision.author)
        .where(Revision.segment_id == segment.id, Revision.origin.not_like("time%"), Revision.origin.not_like("undo time%"))
        .order_by(Revision.id.desc())
        .limit(1)
    )
    if expected_version is not None:
        if segment.version != expected_version:
            raise ConflictError(segment, last_author, new)
    elif not replace_others and segment.correction is not None and last_author != (author or current_user()):
        raise ConflictError(segment, last_author, new)


def set_correction(
    lib: Library,
    segment_id: int,
    text: str | None,
    origin: str = "typed",
    author: str | None = None,
    *,
    automatic: str | None = None,
    expected_version: int | None = None,
    replace_others: bool = True,
) -> Change:
    """Store a person's correction of one segment, with a revision.

    What the reader shows for a segment is its correction, else the automatic
    (cleaned) text. So a correction that says nothing new is not kept: `text`
    None, blank, or equal to `automatic` (pass the cleaned text the reader
    showed) drops the correction as `revert_correction` does, and the segment
    keeps following later changes of the cleaning settings and rules. The same
    text as the current correction changes nothing and writes no revision.
    `author` defaults to `models.current_user()`.

    Several people at once: with `expected_version` (the `version` the person's
    text was based on, e.g. `SegmentRow.version` or the last `Change.version`)
    a segment changed since by anyone raises `ConflictError`, saving nothing.
    With `replace_others` False, a correction whose last revision names another
    author is never replaced unless `expected_version` says it was seen.
    Corrections of different segments never conflict.
    """
    if text is None or not text.strip() or text == automatic:
        return revert_correction(
            lib, segment_id, author, origin="revert" if origin == "typed" else origin,
            expected_version=expected_version, replace_others=replace_others,
        )
    with lib.write() as session:
        segment = _segment(session, segment_id)
        if segment.kind == SegmentKind.IMAGE:
            raise UserError(_where(segment), "an image has no text to correct")
        _check_conflict(session, segment, text, author, expected_version, replace_others)
        return _write_correction(session, segment, text, origin, author)


def revert_correction(
    lib: Library,
    segment_id: int,
    author: str | None = None,
    origin: str = "revert",
    *,
    expected_version: int | None = None,
    replace_others: bool = True,
) -> Change:
    """Drop a segment's correction (the reader shows the cleaned text again), with a revision.

    A segment without a correction is left as it is and no revision is written.
    `expected_version` and `replace_others` as in `set_correction`.
    """
    with lib.write() as session:
        segment = _segment(session, segment_id)
        _check_conflict(session, segment, None, author, expected_version, replace_others)
        return _write_correction(session, segment, None, origin, author)


def _write_correction(session: Session, segment: Segment, new: str | None, origin: str, author: str | None) -> Change:
    old = segment.correction
    revision_id = None
    reopened = None
    if new != old:
        segment.correction = new
        segment.version += 1
        revision_id = _revise(session, segment.id, old, new, origin, author)
        reopened = reopen_if_reviewed(session, segment.id, author)
    return Change(segment.id, segment.transcript_id, segment.position, old, new, revision_id, segment.version, reopened)


def _revise(session: Session, segment_id: int, old: str | None, new: str | None, origin: str, author: str | None) -> int:
    revision = Revision(segment_id=segment_id, old=old, new=new, origin=origin)
    if author is not None:
        revision.author = author
    session.add(revision)
    session.flush()
    return revision.id


# ----------------------------------------------------------------- split and merge


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
        segment = _segment(session, segment_id)
        if segment.kind == SegmentKind.IMAGE:
            raise UserError(_where(segment), "an image cannot be split")
        size = len(segment.raw)
        if not 0 < raw_offset < size:
            if size < 2:
                raise UserError(_where(segment), "has fewer than two characters; nothing to split")
            raise UserError(
                "offset {offset}", "{where} splits at 1..{last} (it has {size} characters)",
                offset=raw_offset, where=_where(segment), last=size - 1, size=size,
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
        segment = _segment(session, segment_id)
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
            raise UserError(_where(segment), "is the last segment; there is nothing after it to merge with")
        for part in (segment, following):
            if part.kind == SegmentKind.IMAGE:
                raise UserError(_where(part), "is an image; only text can be merged")
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


def _stored_texts(segments: Sequence[Segment]) -> list[str]:
    """The texts as stored, not as shown: the correction, else the raw text."""
    return [_stored_text(segment) for segment in segments]


def _stored_text(segment: Segment) -> str:
    """The text as stored, not as shown: the correction, else the raw text."""
    return segment.correction if segment.correction is not None else segment.raw


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
            raise UserError(_where(expected), "was changed since; this step can no longer be applied")
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
    _revise(session, _made(made[0]), "\n".join(s.raw for s in old), "\n".join(s.raw for s in made), origin, author)
    session.expire_all()
    return made


# ----------------------------------------------------------------- find and replace


def compile_pattern(pattern: str, *, is_regex: bool = False, case_sensitive: bool = False) -> regex_module.Pattern:
    """A search pattern, literal unless `is_regex`; `UserError` for an empty or broken one."""
    if not pattern:
        raise UserError("search", "the pattern is empty")
    flags = regex_module.VERSION0 | (0 if case_sensitive else regex_module.IGNORECASE)
    try:
        compiled = regex_module.compile(pattern if is_regex else regex_module.escape(pattern), flags)
    except regex_module.error as exc:
        raise UserError("pattern {pattern!r}", "not a valid regular expression: {error}", pattern=pattern, error=exc) from None
    if _timed(pattern, compiled.fullmatch, "") is not None:
        raise UserError("pattern {pattern!r}", "matches empty text, that is between every two characters", pattern=pattern)
    return compiled


def _timed(pattern: str, call: Callable[..., _T], *args: Any) -> _T:
    try:
        return call(*args, timeout=MATCH_TIMEOUT_S)
    except TimeoutError:
        raise UserError(
            "pattern {pattern!r}", "takes too long to match (a regular expression like (a|aa)+ backtracks without end)", pattern=pattern
        ) from None


def _searched(session: Session, transcript_id: int | None, text_of: TextOf) -> Iterator[tuple[Segment, str]]:
    """Every text segment (of one transcript or all) with its text, in order. The texts are made a
    transcript at a time with the images in place, as the reader reads a segment between its neighbours."""
    query = select(Segment).order_by(Segment.transcript_id, Segment.position)
    if transcript_id is not None:
        transcript_in(session, transcript_id)
        query = query.where(Segment.transcript_id == transcript_id)
    for _transcript, group in groupby(session.scalars(query), key=lambda s: s.transcript_id):
        segments = list(group)
        for segment, text in zip(segments, text_of(segments), strict=True):
            if segment.kind != SegmentKind.IMAGE:
                yield segment, text


def find(
    lib: Library,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    transcript_id: int | None = None,
    text_of: TextOf | None = None,
) -> list[Match]:
    """Every match of `pattern` in the library's (or one transcript's) text segments, in order.

    `text_of(segments)` gives the texts searched, a transcript at a time, and is
    called inside the read transaction; the UI passes the texts the reader shows
    (correction, else cleaned). The default is the correction, else the raw text. Images are
    not searched. `UserError` for an empty, broken or runaway pattern.
    """
    compiled = compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive)
    found = []
    with lib.read() as session:
        for segment, text in _searched(session, transcript_id, text_of or _stored_texts):
            for m in _timed(pattern, lambda s, timeout: list(compiled.finditer(s, timeout=timeout)), text):
                found.append(Match(segment.id, segment.transcript_id, segment.position, m.start(), m.end()))
    return found


def replace_all(
    lib: Library,
    pattern: str,
    replacement: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    transcript_id: int | None = None,
    text_of: TextOf | None = None,
    author: str | None = None,
) -> BatchChange:
    """Replace every match in one transaction: all segments change, or none do.

    Each changed segment gets the replaced text as its correction, with a
    revision of origin "replace-all". With `regex`, the replacement may name
    groups (`\\1`, `\\g<name>`); otherwise it is taken literally. `text_of` is
    as in `find`: the text that is searched and replaced. A segment whose
    text is replaced by nothing gets no correction, like a blank one typed.
    """
    compiled = compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive)
    template = replacement if regex else (lambda _match: replacement)
    items = []
    with lib.write() as session:
        # Read whole before the first write: a replaced text may change what its neighbours show.
        for segment, before in list(_searched(session, transcript_id, text_of or _stored_texts)):
            try:
                after = _timed(pattern, compiled.sub, template, before)
            except (regex_module.error, IndexError) as exc:
                raise UserError(
                    "replacement {replacement!r}", "does not fit the pattern: {error}", replacement=replacement, error=exc,
                ) from None
            if after == before:
                continue
            change = _write_correction(session, segment, after if after.strip() else None, "replace-all", author)
            if change.changed:
                items.append(BatchItem(change.segment_id, change.transcript_id, change.position, change.old, change.new))
    return BatchChange(tuple(items))


def apply_batch(lib: Library, batch: BatchChange, reverse: bool = False, author: str | None = None) -> None:
    """Redo (or with `reverse`, undo) a batch of corrections in one transaction.

    Refuses, changing nothing, if a segment's correction is no longer what the
    batch left (or found), so an undo never overwrites someone's later edit.
    """
    origin = f"undo {batch.origin}" if reverse else batch.origin
    with lib.write() as session:
        segments = {s.id: s for s in session.scalars(select(Segment).where(Segment.id.in_(batch.segment_ids)))}
        for item in batch.items:
            expected, wanted = (item.new, item.old) if reverse else (item.old, item.new)
            segment = segments.get(item.segment_id) or _segment(session, item.segment_id)
            if segment.correction != expected:
                raise UserError(_where(segment), "was changed since; this step can no longer be applied")
            _write_correction(session, segment, wanted, origin, author)
