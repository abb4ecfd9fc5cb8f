"""Review: whether each segment is done, its history as a person reads it, and comments on it.

A segment is "todo" until someone marks it "reviewed". An edit of a reviewed
segment's correction by anyone but its reviewer sends it back to todo, naming
the editor (`reopen_if_reviewed`, called where every correction is written), so
a finished transcript never hides a change nobody looked at.

Like `edits`, every function runs in its own transaction and returns a frozen
record holding what its undo needs (`ReviewChange` is undone by `apply_review`
with `reverse`, a comment added by `delete_comment`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reader.core.errors import UserError
from reader.core.library.db import Library
from reader.core.library.models import Comment, Revision, Segment, SegmentReview, current_user, utcnow
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import chunks, segment_row, transcript_in

REVIEWED = "reviewed"
TODO = "todo"


@dataclass(frozen=True)
class ReviewMark:
    """A segment's stored review state; a segment without one is todo, never reviewed."""

    status: str
    author: str
    at: datetime

    @property
    def reviewed(self) -> bool:
        return self.status == REVIEWED


@dataclass(frozen=True)
class ReviewItem:
    segment_id: int
    before: ReviewMark | None
    after: ReviewMark | None


@dataclass(frozen=True)
class ReviewChange:
    transcript_id: int
    items: tuple[ReviewItem, ...]

    @property
    def count(self) -> int:
        """How many segments changed status."""
        return sum(1 for item in self.items if _status(item.before) != _status(item.after))

    @property
    def changes(self) -> OpChanges:
        return OpChanges.of_segments(self.transcript_id, {item.segment_id for item in self.items})


@dataclass(frozen=True)
class RevisionRecord:
    id: int
    at: datetime
    author: str
    origin: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class CommentRecord:
    id: int
    segment_id: int
    transcript_id: int
    position: int
    author: str
    at: datetime
    text: str
    resolved: bool

    @property
    def changes(self) -> OpChanges:
        return OpChanges.of_segments(self.transcript_id, {self.segment_id})


@dataclass(frozen=True)
class SegmentNotes:
    """What a table row shows of review and comments."""

    review: ReviewMark | None = None
    open_comments: int = 0
    comments: int = 0

    @property
    def reviewed(self) -> bool:
        return self.review is not None and self.review.reviewed


def _status(mark: ReviewMark | None) -> str:
    return TODO if mark is None else mark.status


def _mark_of(row: SegmentReview | None) -> ReviewMark | None:
    return None if row is None else ReviewMark(row.status, row.author, row.at)


def _put(session: Session, segment_id: int, row: SegmentReview | None, mark: ReviewMark | None) -> None:
    """Store `mark` where `row` (the segment's stored one, if any) is."""
    if mark is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(SegmentReview(segment_id=segment_id, status=mark.status, author=mark.author, at=mark.at))
    else:
        row.status, row.author, row.at = mark.status, mark.author, mark.at


def _stored_marks(session: Session, segment_ids: Iterable[int]) -> dict[int, SegmentReview]:
    """The stored review rows of segments, read a chunk at a time rather than one query a segment."""
    return {
        row.segment_id: row
        for chunk in chunks(segment_ids)
        for row in session.scalars(select(SegmentReview).where(SegmentReview.segment_id.in_(chunk)))
    }


# ----------------------------------------------------------------- review status


def set_reviewed(lib: Library, segment_ids: Sequence[int], reviewed: bool = True, author: str | None = None) -> ReviewChange:
    """Mark segments reviewed (or back to todo), in one transaction; segments already so are left as they are."""
    who = author or current_user()
    now = utcnow()
    wanted = REVIEWED if reviewed else TODO
    items = []
    with lib.write() as session:
        segments = _segments(session, dict.fromkeys(segment_ids))
        transcripts = {s.transcript_id for s in segments}
        if len(transcripts) > 1:
            raise UserError("review", "segments of one transcript at a time")
        stored = _stored_marks(session, (s.id for s in segments))
        for segment in segments:
            row = stored.get(segment.id)
            before = _mark_of(row)
            if _status(before) == wanted:
                continue
            after = ReviewMark(wanted, who, now)
            _put(session, segment.id, row, after)
            items.append(ReviewItem(segment.id, before, after))
        transcript_id = transcripts.pop() if transcripts else 0
    return ReviewChange(transcript_id, tuple(items))


def apply_review(lib: Library, change: ReviewChange, reverse: bool = False) -> None:
    """Redo (or with `reverse`, undo) a `set_reviewed` exactly, the marks it replaced put back."""
    with lib.write() as session:
        for item in change.items:
            if session.get(Segment, item.segment_id) is None:
                continue  # split or merged since: its replacement starts as todo
            _put(session, item.segment_id, session.get(SegmentReview, item.segment_id), item.before if reverse else item.after)


def reopen_if_reviewed(session: Session, segment_id: int, author: str | None) -> str | None:
    """Send a reviewed segment back to todo when someone other than its reviewer changes it.

    Returns the reviewer whose mark was taken back, else None. Called by every writer of a correction.
    """
    row = session.get(SegmentReview, segment_id)
    editor = author or current_user()
    if row is None or row.status != REVIEWED or row.author == editor:
        return None
    reviewer = row.author
    row.status, row.author, row.at = TODO, editor, utcnow()
    return reviewer


def notes_of(lib: Library, segment_ids: Iterable[int]) -> dict[int, SegmentNotes]:
    """Review marks and comment counts of segments (those with neither are left out)."""
    ids = list(segment_ids)
    found: dict[int, SegmentNotes] = {}
    with lib.read() as session:
        for segment_id, row in _stored_marks(session, ids).items():
            found[segment_id] = SegmentNotes(_mark_of(row))
        for chunk in chunks(ids):
            counts = session.execute(
                select(Comment.segment_id, func.count(), func.count().filter(Comment.resolved.is_(False)))
                .where(Comment.segment_id.in_(chunk))
                .group_by(Comment.segment_id)
            )
            for segment_id, total, open_ in counts:
                found[segment_id] = SegmentNotes(found.get(segment_id, SegmentNotes()).review, open_, total)
    return found


def review_count(lib: Library, transcript_id: int) -> tuple[int, int]:
    """(reviewed, segments) of a transcript."""
    with lib.read() as session:
        transcript_in(session, transcript_id)
        total = session.scalar(select(func.count()).select_from(Segment).where(Segment.transcript_id == transcript_id)) or 0
        reviewed = session.scalar(
            select(func.count())
            .select_from(SegmentReview)
            .join(Segment, Segment.id == SegmentReview.segment_id)
            .where(Segment.transcript_id == transcript_id, SegmentReview.status == REVIEWED)
        ) or 0
    return reviewed, total


def review_marks(lib: Library, transcript_id: int) -> dict[int, ReviewMark]:
    """Every stored review mark of a transcript, by segment id."""
    with lib.read() as session:
        rows = session.scalars(
            select(SegmentReview).join(Segment, Segment.id == SegmentReview.segment_id).where(Segment.transcript_id == transcript_id)
        )
        return {row.segment_id: ReviewMark(row.status, row.author, row.at) for row in rows}


# ----------------------------------------------------------------- history


def history(lib: Library, segment_id: int) -> list[RevisionRecord]:
    """Every revision of a segment, oldest first (split and merge carry a segment's history along)."""
    with lib.read() as session:
        segment_row(session, segment_id)
        rows = session.scalars(select(Revision).where(Revision.segment_id == segment_id).order_by(Revision.at, Revision.id))
        return [RevisionRecord(r.id, r.at, r.author, r.origin, r.old, r.new) for r in rows]


# ----------------------------------------------------------------- comments


def add_comment(lib: Library, segment_id: int, text: str, author: str | None = None) -> CommentRecord:
    if not text.strip():
        raise UserError("comment", "the text is empty")
    with lib.write() as session:
        segment = segment_row(session, segment_id)
        comment = Comment(segment_id=segment.id, text=text.strip())
        if author is not None:
            comment.author = author
        session.add(comment)
        session.flush()
        return _record(comment, segment)


def set_resolved(lib: Library, comment_id: int, resolved: bool = True) -> CommentRecord:
    with lib.write() as session:
        comment = _comment(session, comment_id)
        comment.resolved = resolved
        session.flush()
        return _record(comment, segment_row(session, comment.segment_id))


def delete_comment(lib: Library, comment_id: int) -> None:
    """Take a comment away (the undo of adding it)."""
    with lib.write() as session:
        _comment(session, comment_id)
        session.execute(delete(Comment).where(Comment.id == comment_id))


def restore_comment(lib: Library, record: CommentRecord) -> CommentRecord:
    """Put a deleted comment back under its id (the redo of adding it)."""
    with lib.write() as session:
        segment = segment_row(session, record.segment_id)
        comment = Comment(
            id=record.id, segment_id=segment.id, author=record.author, at=record.at, text=record.text, resolved=record.resolved
        )
        session.add(comment)
        session.flush()
        return _record(comment, segment)


def comments_of(lib: Library, transcript_id: int, segment_id: int | None = None) -> list[CommentRecord]:
    """A transcript's comments (or one segment's) in segment order, then oldest first."""
    with lib.read() as session:
        transcript_in(session, transcript_id)
        query = (
            select(Comment, Segment)
            .join(Segment, Segment.id == Comment.segment_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Comment.at, Comment.id)
        )
        if segment_id is not None:
            query = query.where(Segment.id == segment_id)
        return [_record(comment, segment) for comment, segment in session.execute(query)]


def _record(comment: Comment, segment: Segment) -> CommentRecord:
    return CommentRecord(
        comment.id, segment.id, segment.transcript_id, segment.position, comment.author, comment.at, comment.text, comment.resolved
    )


def _comment(session: Session, comment_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise UserError("comment {comment}", "no such comment", comment=comment_id)
    return comment


def _segments(session: Session, segment_ids: Iterable[int]) -> list[Segment]:
    ids = list(segment_ids)
    found: dict[int, Segment] = {}
    for chunk in chunks(ids):
        found.update((s.id, s) for s in session.scalars(select(Segment).where(Segment.id.in_(chunk))))
    for segment_id in ids:
        if segment_id not in found:
            segment_row(session, segment_id)  # raises the one "no such segment" error
    return [found[segment_id] for segment_id in ids]
