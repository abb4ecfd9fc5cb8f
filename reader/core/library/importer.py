"""Importing files: each file in its own transaction, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from reader.core import paths
from reader.core.errors import Msg, UserError
from reader.core.formats import TRANSCRIPT_SUFFIXES, ParsedFile, ParsedTranscript, not_regular, read_file
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Revision, Segment, SegmentTopic, Setting, Source, Speaker, Topic, Transcript, current_user, utcnow
from reader.core.library.opchanges import OpChanges

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Skipped = Callable[[UserError], None]

SEEDED_KEY = "seeded_at"
# Columns of reader.core.library.models.Segment, in the order `store` gives them.
_SEGMENT_COLUMNS = "transcript_id, position, kind, raw, correction, start_ms, end_ms, speaker_id, version"
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
    lib: Library,
    targets: Iterable[str | Path],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    skipped: Skipped | None = None,
) -> list[ImportResult]:
    """Import files and folders (their transcript files, recursively).

    Every file is read and checked before anything is written, so one bad file
    leaves the library as it was; then each file is stored in its own transaction.
    A folder's entries that are not regular files (FIFOs, devices, sockets) are
    passed over, each named to `skipped`.
    """
    parsed = [read_file(f) for f in transcript_files(targets, skipped)]
    return [store(lib, p, progress, cancel) for p in parsed]


def transcript_files(targets: Iterable[str | Path], skipped: Skipped | None = None) -> list[Path]:
    """The files to import: the targets themselves and the transcript files in target folders.

    A target named on its own is kept whatever it is (reading it says what is wrong);
    in a folder, an entry that is not a regular file goes to `skipped` as a `UserError`.
    """
    files: list[Path] = []
    for target in map(Path, targets):
        if not target.is_dir():
            files.append(target)
            continue
        found = []
        for p in sorted(target.rglob("*")):
            if p.suffix.lower() not in TRANSCRIPT_SUFFIXES or any(part.startswith(".") for part in p.relative_to(target).parts):
                continue
            try:
                refusal = not_regular(p.stat().st_mode)
            except OSError as exc:  # a dangling link, a file deleted meanwhile
                refusal = Msg("{reason}", reason=exc.strerror or exc)
            if refusal is None:
                found.append(p)
            elif not p.is_dir() and skipped is not None:
                skipped(UserError("{path}", "{refusal}; skipped", path=str(p), refusal=refusal))
        if not found:
            raise UserError(
                "{path}", "no transcript files ({suffixes}) in this folder", path=str(target), suffixes=" ".join(TRANSCRIPT_SUFFIXES),
            )
        files.extend(found)
    return files


def store(lib: Library, parsed: ParsedFile, progress: Progress | None = None, cancel: Cancel | None = None) -> ImportResult:
    """Write a parsed file to the library in one transaction (see `import_file`)."""
    total = parsed.segment_count
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
        session.flush()
        # Bulk statements throughout: the number of statements grows with the number of
        # segments / _CHUNK, never with the number of transcripts (a file may have 100,000
        # headings; an ORM object per transcript made that quadratic).
        # Without RETURNING: SQLite cannot promise its order, so SQLAlchemy would insert a row at a time.
        transcript_rows = [{"source_id": source.id, "title": t.title, "order": order} for order, t in enumerate(parsed.transcripts, 1)]
        for start in range(0, len(transcript_rows), _CHUNK):
            session.execute(insert(Transcript), transcript_rows[start:start + _CHUNK])
        transcript_ids = list(session.scalars(select(Transcript.id).where(Transcript.source_id == source.id).order_by(Transcript.order)))
        every = [s for t in parsed.transcripts for s in t.segments]
        speakers = _ids_by_name(session, Speaker, {s.speaker for s in every if s.speaker})
        rows = [
            (
                transcript_id, position, SegmentKind(s.kind).value, s.raw, s.correction, s.start_ms, s.end_ms,
                speakers.get(s.speaker) if s.speaker else None, 1,
            )
            for transcript_id, t in zip(transcript_ids, parsed.transcripts, strict=True)
            for position, s in enumerate(t.segments, 1)
        ]
        # The driver's own executemany: SQLAlchemy's statement layer cost as much per row as SQLite itself.
        mark = "?" if lib.is_sqlite else "%s"
        insert_segments = f"INSERT INTO segments({_SEGMENT_COLUMNS}) VALUES ({', '.join([mark] * 9)})"
        for start in range(0, len(rows), _CHUNK):
            if cancel is not None and cancel():
                raise ImportCancelled(parsed.path)
            chunk = rows[start:start + _CHUNK]
            session.connection().exec_driver_sql(insert_segments, chunk)
            if progress is not None:
                progress(start + len(chunk), total)
        _store_annotations(session, source.id, transcript_ids, parsed.transcripts)
        made = [ImportedTranscript(i, t.title, len(t.segments)) for i, t in zip(transcript_ids, parsed.transcripts, strict=True)]
        return ImportResult(path=parsed.path, source_id=source.id, transcripts=made)


def _store_annotations(session: Session, source_id: int, transcript_ids: list[int], transcripts: list[ParsedTranscript]) -> None:
    """Corrections, their history and topics, which only the project's own JSON carries."""
    annotated = [
        ((transcript_id, position), s)
        for transcript_id, t in zip(transcript_ids, transcripts, strict=True)
        for position, s in enumerate(t.segments, 1)
        if s.correction is not None or s.topics or s.history
    ]
    if not annotated:
        return
    segment_ids = {
        (transcript_id, position): segment_id
        for transcript_id, position, segment_id in session.execute(
            select(Segment.transcript_id, Segment.position, Segment.id)
            .join(Transcript, Transcript.id == Segment.transcript_id)
            .where(Transcript.source_id == source_id)
        )
    }
    topics = _ids_by_name(session, Topic, {name for _, s in annotated for name in s.topics})
    revisions: list[dict[str, object]] = []
    links: list[dict[str, int]] = []
    for key, s in annotated:
        segment_id = segment_ids[key]
        revisions.extend(
            {"segment_id": segment_id, "old": r.old, "new": r.new, "origin": r.origin, "author": r.author, "at": r.at}
            for r in s.history
        )
        if s.correction is not None and (not s.history or s.history[-1].new != s.correction):
            # No history says how the correction came about: the import itself made it.
            revisions.append(
                {"segment_id": segment_id, "old": None, "new": s.correction, "origin": "import", "author": current_user(), "at": utcnow()}
            )
        links.extend({"segment_id": segment_id, "topic_id": topics[name]} for name in dict.fromkeys(s.topics))
    for start in range(0, len(revisions), _CHUNK):
        session.execute(insert(Revision), revisions[start:start + _CHUNK])
    for start in range(0, len(links), _CHUNK):
        session.execute(insert(SegmentTopic), links[start:start + _CHUNK])


def _ids_by_name(session: Session, model: type[Speaker] | type[Topic], names: set[str]) -> dict[str, int]:
    if not names:
        return {}
    def known() -> dict[str, int]:
        ids: dict[str, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            found = session.execute(select(model.name, model.id).where(model.name.in_(wanted[start:start + _CHUNK])))
            ids.update((name, id_) for name, id_ in found)
        return ids

    wanted = sorted(names)
    ids = known()
    new = [{"name": name} for name in wanted if name not in ids]
    if not new:
        return ids
    for start in range(0, len(new), _CHUNK):
        session.execute(insert(model), new[start:start + _CHUNK])
    return known()


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
