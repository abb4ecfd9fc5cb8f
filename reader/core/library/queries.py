"""Read and delete operations behind `show`, `delete` and `check` (`list`: listing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reader.core.errors import UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Segment, Source, Speaker, Transcript, TranscriptCounts


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


def transcript_in(session: Session, transcript_id: int) -> Transcript:
    """The transcript, or the one error every command gives for an id that is not there."""
    transcript = session.get(Transcript, transcript_id)
    if transcript is None:
        raise UserError(f"transcript {transcript_id}", "no such transcript (see `list`)")
    return transcript




def transcript_segments(lib: Library, transcript_id: int) -> tuple[str, list[SegmentRow]]:
    """(title, segments in order) of a transcript; `UserError` if there is none with that id."""
    with lib.read() as session:
        title = transcript_in(session, transcript_id).title
        rows = session.execute(
            select(
                Segment.id, Segment.position, Segment.kind, Segment.raw, Segment.correction, Speaker.name,
                Segment.start_ms, Segment.end_ms, Segment.version,
            )
            .outerjoin(Speaker, Speaker.id == Segment.speaker_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Segment.id)
        )
        return title, [SegmentRow(*row) for row in rows]


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
