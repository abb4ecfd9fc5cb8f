"""The library's tables as typed SQLAlchemy 2.0 models.

Schema changes go through a new Alembic migration in `migrations/versions`;
these classes describe the newest schema and must match it
(tests/core/library/test_open.py compares the two).
"""

from __future__ import annotations

import getpass
import os
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from reader.core.kinds import SegmentKind

# Stable constraint names let batch migrations on SQLite alter them later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class _SegmentKindColumn(TypeDecorator[SegmentKind]):
    """The kind stored as its plain string, as it always was, and read back as a SegmentKind."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: SegmentKind | str | None, dialect: Dialect) -> str | None:
        return None if value is None else SegmentKind(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> SegmentKind | None:
        return None if value is None else SegmentKind(value)


def utcnow() -> datetime:
    return datetime.now(UTC)


AUTHOR_ENV = "TRANSCRIPT_READER_AUTHOR"
_author: str | None = None


def set_author(name: str | None) -> None:
    """Who this program's revisions name from now on (None: back to the default).

    The CLI's `--author` and the app's setting call this; an empty name is refused
    by the callers, so a revision always says who made it.
    """
    global _author
    _author = name.strip() if name and name.strip() else None


def current_user() -> str:
    """The author of revisions: `set_author`, else $TRANSCRIPT_READER_AUTHOR, else the OS user."""
    if _author:
        return _author
    if os.environ.get(AUTHOR_ENV, "").strip():
        return os.environ[AUTHOR_ENV].strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Small facts about the library itself, e.g. that the samples were imported once."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    encoding: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(20))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    transcripts: Mapped[list[Transcript]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True, order_by="Transcript.order"
    )


class Speaker(Base):
    __tablename__ = "speakers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str | None] = mapped_column(String(20))


class Topic(Base):
    __tablename__ = "topics"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str | None] = mapped_column(String(20))


class Transcript(Base):
    __tablename__ = "transcripts"
    # Ids are what scripts hold on to: never hand a deleted one out again.
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    order: Mapped[int] = mapped_column("order", Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    source: Mapped[Source] = relationship(back_populates="transcripts")
    segments: Mapped[list[Segment]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", passive_deletes=True, order_by="Segment.position"
    )
    rules: Mapped[list[Rule]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", passive_deletes=True
    )


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (
        # Not unique: split and merge renumber a transcript with one UPDATE,
        # which would collide midway under a unique index.
        Index("ix_segments_transcript_position", "transcript_id", "position"),
        CheckConstraint(f"kind IN ({', '.join(repr(str(kind)) for kind in SegmentKind)})", name="kind"),
        # Undo/redo of split and merge puts rows back under their old ids:
        # an id once used must never be handed to another segment.
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[SegmentKind] = mapped_column(_SegmentKindColumn, default=SegmentKind.TEXT)
    raw: Mapped[str] = mapped_column(Text)
    correction: Mapped[str | None] = mapped_column(Text)
    start_ms: Mapped[int | None] = mapped_column(Integer)
    end_ms: Mapped[int | None] = mapped_column(Integer)
    # The start was interpolated between two times a person gave (tap to time), not given.
    time_estimated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    transcript: Mapped[Transcript] = relationship(back_populates="segments")
    speaker: Mapped[Speaker | None] = relationship()
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="segment", cascade="all, delete-orphan", passive_deletes=True, order_by="Revision.id"
    )
    topics: Mapped[list[Topic]] = relationship(secondary="segment_topics", passive_deletes=True)


class Recording(Base):
    """The audio or video a transcript was made from. Only its place and fingerprint are kept
    (the size and a hash of the first MiB), so a moved file can be recognised when pointed at."""

    __tablename__ = "recordings"
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    head_hash: Mapped[str] = mapped_column(String(64))
    attached_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TranscriptCounts(Base):
    """A transcript's segments and corrected segments, kept by triggers (`counts.py`): the library panel's figures."""

    __tablename__ = "transcript_counts"
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"), primary_key=True)
    segments: Mapped[int] = mapped_column(Integer)
    corrected: Mapped[int] = mapped_column(Integer)


class SegmentTopic(Base):
    __tablename__ = "segment_topics"
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True)


class Revision(Base):
    __tablename__ = "revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), index=True)
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    # typed, replace-all, rule, revert, split, merge, import ...
    origin: Mapped[str] = mapped_column(String(20))
    author: Mapped[str] = mapped_column(String(100), default=current_user)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    segment: Mapped[Segment] = relationship(back_populates="revisions")


class Rule(Base):
    __tablename__ = "rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    pattern: Mapped[str] = mapped_column(Text)
    replacement: Mapped[str] = mapped_column(Text)
    is_regex: Mapped[bool] = mapped_column(default=False)
    case_sensitive: Mapped[bool] = mapped_column(default=True)
    # None: applies to every transcript.
    transcript_id: Mapped[int | None] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"), index=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    transcript: Mapped[Transcript | None] = relationship(back_populates="rules")


class ChangeLogEntry(Base):
    """What changed, for other copies of the app to refresh (see `changes.py`).

    Written by triggers only. `segment_id` set: that row's text, speaker or topics
    changed. Only `transcript_id`: the transcript's rows were added, removed or
    renumbered, or its title or rules changed. Neither: anything may have changed
    (a global rule, a speaker's or topic's name).
    """

    __tablename__ = "change_log"
    # Readers hold the last id they saw: ids must only grow.
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int | None] = mapped_column(Integer)
    segment_id: Mapped[int | None] = mapped_column(Integer)


class GlossaryTerm(Base):
    """A word the talks should contain (`模态`, `ChatGPT`), global or for one transcript.

    Unlike a rule it rewrites nothing: it goes into the segmenter (never split) and
    the suggestions look for what sounds like it or is one of its known misspellings.
    """

    __tablename__ = "glossary"
    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(Text)
    # Known misspellings, one a line (a TSV field joins them with commas).
    aliases: Mapped[str] = mapped_column(Text, default="")
    # None: for every transcript.
    transcript_id: Mapped[int | None] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IgnoredSuggestion(Base):
    """A suggestion a person dismissed: FOUND -> SUGGESTION in one segment is not offered again."""

    __tablename__ = "ignored_suggestions"
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), index=True)
    found: Mapped[str] = mapped_column(Text)
    suggestion: Mapped[str] = mapped_column(Text)


class SegmentReview(Base):
    """Where a segment stands in review. No row: never reviewed (todo).

    `status` "reviewed": `author` marked it at `at`. "todo" with a row: it was
    reviewed, then `author` sent it back (an edit by someone other than the
    reviewer, or an undone review) at `at`, so the person reviewing sees who.
    Deleted with its segment: split and merge make new rows, which start as todo.
    """

    __tablename__ = "segment_reviews"
    __table_args__ = (CheckConstraint("status IN ('todo', 'reviewed')", name="status"),)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    author: Mapped[str] = mapped_column(String(100), default=current_user)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Comment(Base):
    """A note on a segment (a question for the speaker, a doubt about a name), resolved or not.

    Split and merge move a segment's comments to the row that replaces it, as they move revisions.
    """

    __tablename__ = "segment_comments"
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(100), default=current_user)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(default=False)
