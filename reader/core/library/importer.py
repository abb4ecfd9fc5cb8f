"""Importing files: each file in its own transaction, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from reader.core import paths
from reader.core.errors import UserError
from reader.core.formats import TRANSCRIPT_SUFFIXES, ParsedFile, ParsedSegment, read_file
from reader.core.library.db import Library
from reader.core.library.models import Revision, Segment, SegmentTopic, Setting, Source, Speaker, Topic, Transcript, utcnow
from reader.core.library.opchanges import OpChanges

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

SEEDED_KEY = "seeded_at"
_CHUNK = 500


class ImportCancelled(Exception):
    """The user cancelled an import; nothing of that file was written."""


@dataclass(frozen=True)
class ImportedTranscript:
    id: int
    title: str
    segments: int


@dataclass(frozen=True)
class ImportResult:
    path: str
    source_id: int
    transcripts: list[ImportedTranscript] = field(default_factory=list)
    # True: the same content was imported before; `transcripts` are the existing ones.
    already_imported: bool = False

    @property
    def changes(self) -> OpChanges:
        return OpChanges(frozenset(t.id for t in self.transcripts), library=True)


def import_file(lib: Library, path: str | Path, progress: Progress | None = None, cancel: Cancel | None = None) -> ImportResult:
    """Import one file. `UserError(path, why)` on bad input, with nothing written."""
    return store(lib, read_file(path), progress, cancel)


def import_path(
    lib: Library, targets: Iterable[str | Path], progress: Progress | None = None, cancel: Cancel | None = None
) -> list[ImportResult]:
    """Import files and folders (their transcript files, recursively).

    Every file is read and checked before anything is written, so one bad file
    leaves the library as it was; then each file is stored in its own transaction.
    """
    parsed = [read_file(f) for f in transcript_files(targets)]
    return [store(lib, p, progress, cancel) for p in parsed]


def transcript_files(targets: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for target in map(Path, targets):
        if not target.is_dir():
            files.append(target)
            continue
        found = sorted(
            p for p in target.rglob("*")
            if p.suffix.lower() in TRANSCRIPT_SUFFIXES and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(target).parts)
        )
        if not found:
            raise UserError(str(target), f"no transcript files ({' '.join(TRANSCRIPT_SUFFIXES)}) in this folder")
        files.extend(found)
    return files


def store(lib: Library, parsed: ParsedFile, progress: Progress | None = None, cancel: Cancel | None = None) -> ImportResult:
    """Write a parsed file to the library in one transaction (see `import_file`)."""
    total = parsed.segment_count
    done = 0
    with lib.write() as session:
        existing = session.scalar(select(Source).where(Source.content_hash == parsed.content_hash))
        if existing is not None:
            counted = session.execute(
                select(
                    Transcript.id, Transcript.title, select(func.count()).where(Segment.transcript_id == Transcript.id).scalar_subquery()
                )
                .where(Transcript.source_id == existing.id)
                .order_by(Transcript.order)
            )
            return ImportResult(
                path=parsed.path,
                source_id=existing.id,
                transcripts=[ImportedTranscript(*row) for row in counted],
                already_imported=True,
            )
        source = Source(path=parsed.path, content_hash=parsed.content_hash, encoding=parsed.encoding, format=parsed.format)
        session.add(source)
        made = []
        for order, parsed_transcript in enumerate(parsed.transcripts, 1):
            transcript = Transcript(source=source, title=parsed_transcript.title, order=order)
            session.add(transcript)
            session.flush()
            segments = parsed_transcript.segments
            speakers = _ids_by_name(session, Speaker, {s.speaker for s in segments if s.speaker})
            rows = [
                {
                    "transcript_id": transcript.id,
                    "position": position,
                    "kind": s.kind,
                    "raw": s.raw,
                    "correction": s.correction,
                    "start_ms": s.start_ms,
                    "end_ms": s.end_ms,
                    "speaker_id": speakers.get(s.speaker) if s.speaker else None,
                    "version": 1,
                }
                for position, s in enumerate(segments, 1)
            ]
            for start in range(0, len(rows), _CHUNK):
                if cancel is not None and cancel():
                    raise ImportCancelled(parsed.path)
                chunk = rows[start:start + _CHUNK]
                session.execute(insert(Segment), chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            _store_annotations(session, transcript.id, segments)
            made.append(ImportedTranscript(transcript.id, transcript.title, len(segments)))
        return ImportResult(path=parsed.path, source_id=source.id, transcripts=made)


def _store_annotations(session: Session, transcript_id: int, segments: list[ParsedSegment]) -> None:
    """Corrections and topics, which only the project's own JSON carries."""
    annotated = [(position, s) for position, s in enumerate(segments, 1) if s.correction is not None or s.topics]
    if not annotated:
        return
    segment_ids = dict(session.execute(select(Segment.position, Segment.id).where(Segment.transcript_id == transcript_id)).all())
    topics = _ids_by_name(session, Topic, {name for _, s in annotated for name in s.topics})
    for position, s in annotated:
        segment_id = segment_ids[position]
        if s.correction is not None:
            session.add(Revision(segment_id=segment_id, old=None, new=s.correction, origin="import"))
        session.add_all(SegmentTopic(segment_id=segment_id, topic_id=topics[name]) for name in dict.fromkeys(s.topics))


def _ids_by_name(session: Session, model: type[Speaker] | type[Topic], names: set[str]) -> dict[str, int]:
    if not names:
        return {}
    ids = dict(session.execute(select(model.name, model.id).where(model.name.in_(names))).all())
    for name in sorted(names - ids.keys()):
        row = model(name=name)
        session.add(row)
        session.flush()
        ids[name] = row.id
    return ids


def import_seeds_if_new(
    lib: Library, folder: str | Path | None = None, progress: Progress | None = None, cancel: Cancel | None = None
) -> list[ImportResult]:
    """On a new library's first start, import the sample transcripts; afterwards never again.

    The library remembers that it was seeded, so deleting every transcript
    does not bring the samples back. A library that already holds transcripts
    (filled from the command line, or a team's shared one) is nobody's first
    start: it gets no samples. Returns what was imported ([] if nothing).
    """
    with lib.read() as session:
        if session.get(Setting, SEEDED_KEY) is not None:
            return []
        in_use = session.scalar(select(Transcript.id).limit(1)) is not None
    folder = Path(folder) if folder is not None else paths.seeds_dir()
    results = import_path(lib, [folder], progress, cancel) if folder.is_dir() and not in_use else []
    with lib.write() as session:
        session.merge(Setting(key=SEEDED_KEY, value=utcnow().isoformat()))
    return results
