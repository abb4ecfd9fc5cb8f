"""Read and delete operations behind `show`, `delete` and `check` (`list`: listing.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import String, delete, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reader.core.errors import UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Segment, Source, Speaker, Transcript, TranscriptCounts
from reader.core.library.opchanges import OpChanges

# SQLite allows 32766 bound parameters; stay far below for older builds.
CHUNK = 900
_T = TypeVar("_T")


@dataclass(frozen=True)
class SegmentRow:
    id: int
    position: int
    kind: SegmentKind
    raw: str
    correction: str | None
    speaker: str | None
    start_ms: int | None
    end_ms: int | None
    # What a save of this row's correction expects (see `edits.set_correction`).
    version: int = 1
    # The start was estimated between times a person gave (timing.py), not given.
    time_estimated: bool = False


def transcript_in(session: Session, transcript_id: int) -> Transcript:
    """The transcript, or the one error every command gives for an id that is not there."""
    transcript = session.get(Transcript, transcript_id)
    if transcript is None:
        raise UserError("transcript {transcript}", "no such transcript (see `list`)", transcript=transcript_id)
    return transcript


def chunks(items: Iterable[_T]) -> Iterator[list[_T]]:
    """`items` CHUNK at a time, for an IN (...) that stays under the bound-parameter limit."""
    listed = list(items)
    for start in range(0, len(listed), CHUNK):
        yield listed[start : start + CHUNK]


def segment_row(session: Session, segment_id: int) -> Segment:
    """The segment, or the one error every command gives for an id that is not there (any more)."""
    segment = session.get(Segment, segment_id)
    if segment is None:
        raise UserError("segment {segment}", "no such segment (it may have been split, merged or deleted)", segment=segment_id)
    return segment


def transcript_segments(lib: Library, transcript_id: int) -> tuple[str, list[SegmentRow]]:
    """(title, segments in order) of a transcript; `UserError` if there is none with that id."""
    with lib.read() as session:
        title = transcript_in(session, transcript_id).title
        rows = session.execute(
            select(
                Segment.id, Segment.position, Segment.kind, Segment.raw, Segment.correction, Speaker.name,
                Segment.start_ms, Segment.end_ms, Segment.version, Segment.time_estimated,
            )
            .outerjoin(Speaker, Speaker.id == Segment.speaker_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Segment.id)
        )
        # Ten columns: past the typed overloads of select(), so the row's tuple is spelled out.
        return title, [SegmentRow(*tuple(row)) for row in rows]


@dataclass(frozen=True)
class Renamed:
    transcript_id: int
    old: str
    new: str

    @property
    def changes(self) -> OpChanges:
        return OpChanges(frozenset({self.transcript_id}), library=True)


def rename_transcript(lib: Library, transcript_id: int, title: str) -> Renamed:
    """Give a transcript another title (line breaks and surrounding spaces dropped); `UserError` for a blank one."""
    new = " ".join(title.split())
    if not new:
        raise UserError("title", "give a title with some text in it")
    with lib.write() as session:
        transcript = transcript_in(session, transcript_id)
        old = transcript.title
        transcript.title = new
        return Renamed(transcript_id, old, new)


def delete_transcript(lib: Library, transcript_id: int) -> None:
    """Remove a transcript with its segments, revisions, topic links and own rules.

    A source left without transcripts goes too, so the same file can be imported again.
    """
    with lib.write() as session:
        transcript = transcript_in(session, transcript_id)
        source_id = transcript.source_id
        session.delete(transcript)
        session.flush()
        if not session.scalar(select(func.count()).select_from(Transcript).where(Transcript.source_id == source_id)):
            session.execute(delete(Source).where(Source.id == source_id))


def _undecodable_text(session: Session) -> list[str]:
    """Text values whose bytes are not UTF-8 (a flipped bit): reads show them with U+FFFD, check names them.

    SQLite stores text unchecked (it has no test for valid UTF-8), so the
    bytes are read as blobs and decoded here: about 10 ms per 10 MB of text.
    """
    from reader.core.library.models import Base

    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, String):
                continue
            rows = session.connection().exec_driver_sql(
                f'SELECT rowid, CAST("{column.name}" AS BLOB) FROM "{table.name}" WHERE typeof("{column.name}") = \'text\''
            )
            for rowid, data in rows:
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    found.append(f"{table.name} row {rowid}: {column.name} is not valid UTF-8 (shown with \ufffd)")
    return found


def check_library(lib: Library) -> list[str]:
    """Problems found in the library; [] means it is sound."""
    problems: list[str] = []
    try:
        with lib.read() as session:
            conn = session.connection()
            if lib.is_sqlite:
                integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
                if integrity != ["ok"]:
                    problems += [f"integrity: {line}" for line in integrity]
                for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(f"foreign key: {table} row {rowid} points to a missing {parent} row")
                problems += _undecodable_text(session)
            positions = session.execute(
                select(
                    Segment.transcript_id,
                    func.count(),
                    func.count(Segment.position.distinct()),
                    func.min(Segment.position),
                    func.max(Segment.position),
                ).group_by(Segment.transcript_id)
            )
            counted = {}
            for transcript_id, count, distinct, low, high in positions:
                counted[transcript_id] = count
                if distinct != count:
                    problems.append(f"transcript {transcript_id}: {count - distinct} duplicate segment positions")
                if low != 1 or high != distinct:
                    problems.append(f"transcript {transcript_id}: segment positions run {low}..{high} for {distinct} positions (gaps)")
            empty = session.scalars(select(Transcript.id).where(~select(Segment.id).where(Segment.transcript_id == Transcript.id).exists()))
            problems += [f"transcript {tid}: has no segments" for tid in empty]
            orphans = session.scalar(text("SELECT count(*) FROM sources WHERE id NOT IN (SELECT source_id FROM transcripts)"))
            if orphans:
                problems.append(f"{orphans} imported files have no transcripts left (they would block re-importing)")
            stored = session.execute(select(TranscriptCounts.transcript_id, TranscriptCounts.segments))
            # The library list shows these; a migration that dropped their triggers leaves them behind.
            problems += [
                f"transcript {tid}: the library list says {n} segments, it has {counted.get(tid, 0)}"
                for tid, n in stored
                if n != counted.get(tid, 0)
            ]
    except DBAPIError as exc:
        # A damaged file can stop SQLite midway through the checks: that is the finding.
        problems.append(f"integrity: SQLite cannot read it: {' '.join(str(exc.orig).split())}")
    return problems


def transcript_is_timed(lib: Library, transcript_id: int) -> bool:
    """Whether every text segment has its times, as srt and vtt read them: a start, and an end
    of its own or the next start after it (a tapped or estimated row ends where the next begins)."""
    with lib.read() as session:
        transcript_in(session, transcript_id)
        rows = session.execute(
            select(Segment.kind, Segment.start_ms, Segment.end_ms)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Segment.id)
        ).all()
    later_start: int | None = None
    for kind, start_ms, end_ms in reversed(rows):
        if kind != SegmentKind.IMAGE and (start_ms is None or (end_ms is None and later_start is None)):
            return False
        if start_ms is not None:
            later_start = start_ms
    return True
