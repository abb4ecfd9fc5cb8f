"""A person's edits of segments: corrections (split and merge: splitting.py; find and replace-all: replacing.py).

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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Revision, Segment, current_user
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import segment_row, transcript_in
from reader.core.library.review import reopen_if_reviewed

# The texts the reader shows for consecutive segments of one transcript, in order, each read
# between its neighbours in the list as `reader.core.text.shown.shown_run` reads them.
TextOf = Callable[[Sequence[Segment]], list[str]]


class Placed(Protocol):
    """A segment row, or a state of one that split and merge keep."""

    @property
    def transcript_id(self) -> int: ...
    @property
    def position(self) -> int: ...


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


def where(segment: Placed) -> Msg:
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
            where(segment),
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
        segment = segment_row(session, segment_id)
        if segment.kind == SegmentKind.IMAGE:
            raise UserError(where(segment), "an image has no text to correct")
        _check_conflict(session, segment, text, author, expected_version, replace_others)
        return write_correction(session, segment, text, origin, author)


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
        segment = segment_row(session, segment_id)
        _check_conflict(session, segment, None, author, expected_version, replace_others)
        return write_correction(session, segment, None, origin, author)


def write_correction(session: Session, segment: Segment, new: str | None, origin: str, author: str | None) -> Change:
    old = segment.correction
    revision_id = None
    reopened = None
    if new != old:
        segment.correction = new
        segment.version += 1
        revision_id = revise(session, segment.id, old, new, origin, author)
        reopened = reopen_if_reviewed(session, segment.id, author)
    return Change(segment.id, segment.transcript_id, segment.position, old, new, revision_id, segment.version, reopened)


def revise(session: Session, segment_id: int, old: str | None, new: str | None, origin: str, author: str | None) -> int:
    revision = Revision(segment_id=segment_id, old=old, new=new, origin=origin)
    if author is not None:
        revision.author = author
    session.add(revision)
    session.flush()
    return revision.id

def stored_texts(segments: Sequence[Segment]) -> list[str]:
    """The texts as stored, not as shown: the correction, else the raw text."""
    return [stored_text(segment) for segment in segments]


def stored_text(segment: Segment) -> str:
    """The text as stored, not as shown: the correction, else the raw text."""
    return segment.correction if segment.correction is not None else segment.raw
