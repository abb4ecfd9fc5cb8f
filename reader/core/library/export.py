"""Export: gather a transcript from the library (effective text, speakers, topics,
times, history) and write it through `reader.core.formats.writers`.

The effective text of a segment is what the reader shows for it
(`reader.core.text.shown`: the person's correction where there is one, else
the cleaned text under the default stages and the transcript's enabled rules;
a mark as written), each read between its neighbours (`shown_run`): a segment that only
repeats the one before is empty, and its `repeat_of` names that one. For any script but "keep" it is shown in simplified first
and then converted, so a traditional-script source comes out consistent too;
an image's address is never converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reader.core.errors import UserError
from reader.core.formats.atomic import write_atomic
from reader.core.formats.writers import (
    EXPORT_SCRIPTS,
    FORMATS,
    TEXT_FORMATS,
    ExportComment,
    ExportOptions,
    ExportReview,
    ExportRevision,
    ExportSegment,
    ExportTranscript,
    render,
)
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.glossary import words as glossary_words
from reader.core.library.models import Comment, Revision, Segment, SegmentReview, SegmentTopic, Speaker, Topic, Transcript
from reader.core.library.queries import transcript_in
from reader.core.library.rules import text_rules
from reader.core.text import Cleaned, Cleaner, CleanSettings, automatic, shown_run
from reader.core.text import script as scripts
from reader.core.text.shown import next_context

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# Longest title part of a file name, in characters; the whole name is then held to
# the 255 bytes most file systems allow (a title of emoji takes 4 bytes a character).
_NAME_CHARS = 60
_NAME_BYTES = 255
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class ExportCancelled(Exception):
    """The user stopped an export; files already written stay, none is half written."""


def check_choice(fmt: str, script: str) -> None:
    if fmt not in FORMATS:
        raise UserError("format {format!r}", "choose one of {choices}", format=fmt, choices=", ".join(FORMATS))
    _check_script(script)


def _check_script(script: str) -> None:
    if script not in EXPORT_SCRIPTS:
        raise UserError("script {script!r}", "choose one of {choices}", script=script, choices=", ".join(EXPORT_SCRIPTS))


def gather(lib: Library, transcript_id: int, script: str = "simplified") -> ExportTranscript:
    """A transcript as the writers take it; `UserError` if there is no such transcript."""
    _check_script(script)
    with lib.read() as session:
        transcript = transcript_in(session, transcript_id)
        title = transcript.title
        rows = session.execute(
            select(
                Segment.id, Segment.position, Segment.kind, Segment.raw, Segment.correction, Segment.start_ms, Segment.end_ms, Speaker.name
            )
            .outerjoin(Speaker, Speaker.id == Segment.speaker_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Segment.position, Segment.id)
        ).all()
        topics: dict[int, list[str]] = {}
        for segment_id, name in session.execute(
            select(SegmentTopic.segment_id, Topic.name)
            .join(Topic, Topic.id == SegmentTopic.topic_id)
            .join(Segment, Segment.id == SegmentTopic.segment_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(SegmentTopic.segment_id, Topic.id)
        ):
            topics.setdefault(segment_id, []).append(name)
        revisions: dict[int, list[ExportRevision]] = {}
        for revision in session.scalars(
            select(Revision)
            .join(Segment, Segment.id == Revision.segment_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Revision.id)
        ):
            revisions.setdefault(revision.segment_id, []).append(
                ExportRevision(revision.old, revision.new, revision.origin, revision.author, revision.at.isoformat())
            )
        reviews = {
            row.segment_id: ExportReview(row.status, row.author, row.at.isoformat())
            for row in session.scalars(
                select(SegmentReview).join(Segment, Segment.id == SegmentReview.segment_id).where(Segment.transcript_id == transcript_id)
            )
        }
        comments: dict[int, list[ExportComment]] = {}
        for comment in session.scalars(
            select(Comment)
            .join(Segment, Segment.id == Comment.segment_id)
            .where(Segment.transcript_id == transcript_id)
            .order_by(Comment.at, Comment.id)
        ):
            comments.setdefault(comment.segment_id, []).append(
                ExportComment(comment.author, comment.at.isoformat(), comment.text, comment.resolved)
            )
    cleaner = Cleaner(
        CleanSettings(script=scripts.KEEP if script == scripts.KEEP else "simplified"),
        text_rules(lib, transcript_id),
        glossary_words(lib, transcript_id),
    )
    convert = scripts.export_converter(script)
    cleaned_of: dict[int, Cleaned] = {}

    def clean(row: Any, following: str | None) -> Cleaned:
        found = cleaned_of[row.id] = automatic(row.kind, row.raw, cleaner, following)
        return found

    shown = shown_run(rows, cleaner, clean)
    segments = []
    for i, (segment_id, position, kind, raw, correction, start_ms, end_ms, speaker) in enumerate(rows):
        # A corrected segment's cleaned text too: the data formats keep both.
        made = cleaned_of.get(segment_id) or clean(rows[i], next_context(rows[i + 1] if i + 1 < len(rows) else None))
        automatic_text = shown[i].text if correction is None else made.text
        cleaned = automatic_text if kind == SegmentKind.IMAGE else convert(automatic_text)
        segments.append(
            ExportSegment(
                position=position,
                kind=kind,
                raw=raw,
                cleaned=cleaned,
                text=convert(correction) if correction is not None else cleaned,
                correction=correction,
                start_ms=start_ms,
                end_ms=end_ms,
                speaker=speaker,
                topics=tuple(topics.get(segment_id, ())),
                revisions=tuple(revisions.get(segment_id, ())),
                repeat_of=rows[i - 1].position if shown[i].repeat else None,
                review=reviews.get(segment_id),
                comments=tuple(comments.get(segment_id, ())),
            )
        )
    return ExportTranscript(id=transcript_id, title=title, segments=segments, script=script)


def render_transcript(
    lib: Library, transcript_id: int, fmt: str, script: str = "simplified", options: ExportOptions = ExportOptions()
) -> bytes:
    check_choice(fmt, script)
    return render(gather(lib, transcript_id, script), fmt, options)


def export_transcript(
    lib: Library,
    transcript_id: int,
    fmt: str,
    path: str | Path,
    script: str = "simplified",
    options: ExportOptions = ExportOptions(),
    overwrite: bool = False,
) -> Path:
    """Write one transcript to `path`, atomically: the old file stays whole if anything fails.

    An existing `path` is replaced only with `overwrite` (the app asks first).
    """
    data = render_transcript(lib, transcript_id, fmt, script, options)
    if not overwrite:
        _refuse_existing([Path(path)], str(path))
    return write_atomic(path, data)


def _refuse_existing(targets: list[Path], what: str) -> None:
    """Export never replaces a file of the user's unasked: the name may be a document of theirs."""
    there = [target for target in targets if target.exists() or target.is_symlink()]
    if not there:
        return
    if len(targets) == 1:
        raise UserError("{path}", "exists; nothing was written (give --overwrite to replace it)", path=what)
    names = ", ".join(target.name for target in there[:3]) + (", …" if len(there) > 3 else "")
    raise UserError(
        "{path}", "{count} of the files exist ({names}); nothing was written (give --overwrite to replace them)",
        path=what, count=len(there), names=names,
    )


def safe_file_name(transcript_id: int, title: str, fmt: str) -> str:
    """`ID-title.fmt` with nothing in it that could leave the folder or upset a file system.

    At most 255 bytes in UTF-8: the title is cut, the id and the extension kept.
    """
    name = _UNSAFE_NAME.sub("_", title).strip(" ._")[:_NAME_CHARS].rstrip(" .")
    room = _NAME_BYTES - len(f"{transcript_id}-.{fmt}".encode())
    while len(name.encode("utf-8")) > room:
        name = name[:-1].rstrip(" .")
    return f"{transcript_id}-{name}.{fmt}" if name else f"{transcript_id}.{fmt}"


def export_library(
    lib: Library,
    folder: str | Path,
    fmt: str,
    script: str = "simplified",
    options: ExportOptions = ExportOptions(),
    transcript_ids: list[int] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    overwrite: bool = False,
) -> list[Path]:
    """Every transcript (or those of `transcript_ids`) into `folder`, one file each, each written atomically.

    Everything is rendered before the first file is written, so a transcript
    that cannot be written in this format (an untimed one as SRT) stops the
    export with nothing written; so does a file of the same name already in
    the folder, unless `overwrite`. Returns the files written, in id order.
    """
    check_choice(fmt, script)
    root = Path(folder)
    if not root.is_dir():
        raise UserError("{path}", "no such folder; export all writes one file per transcript into a folder", path=str(folder))
    root = root.resolve()
    if transcript_ids is None:
        with lib.read() as session:
            transcript_ids = list(session.scalars(select(Transcript.id).order_by(Transcript.id)))
    rendered: list[tuple[Path, bytes]] = []
    total = len(transcript_ids) * 2
    for done, transcript_id in enumerate(transcript_ids, 1):
        if cancel is not None and cancel():
            raise ExportCancelled(str(folder))
        doc = gather(lib, transcript_id, script)
        target = (root / safe_file_name(doc.id, doc.title, fmt)).resolve()
        if target.parent != root:
            raise UserError("{title}", "its file name would leave {folder}", title=doc.title, folder=root)
        rendered.append((target, render(doc, fmt, options)))
        if progress is not None:
            progress(done, total)
    if not overwrite:
        _refuse_existing([target for target, _ in rendered], str(folder))
    written = []
    for done, (target, data) in enumerate(rendered, len(rendered) + 1):
        if cancel is not None and cancel():
            raise ExportCancelled(str(folder))
        written.append(write_atomic(target, data))
        if progress is not None:
            progress(done, total)
    return written


__all__ = [
    "TEXT_FORMATS",
    "ExportCancelled",
    "ExportOptions",
    "check_choice",
    "export_library",
    "export_transcript",
    "gather",
    "render_transcript",
    "safe_file_name",
]
