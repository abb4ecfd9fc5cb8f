"""Readers of transcript files (the writers are in `writers`); encoding detection.

`read_file(path)` is the one entry point: it picks the reader from the file
name, or from the content when the name says nothing, and returns a
`ParsedFile` or raises `UserError(path, why)`.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from reader.core.errors import UserError
from reader.core.formats.document import ParsedFile, ParsedSegment, ParsedTranscript
from reader.core.formats.encoding import decode
from reader.core.formats.jsonfile import read_json
from reader.core.formats.subtitles import read_srt, read_vtt
from reader.core.formats.textfile import read_text

__all__ = ["TRANSCRIPT_SUFFIXES", "ParsedFile", "ParsedSegment", "ParsedTranscript", "read_bytes", "read_file"]

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".srt", ".vtt", ".json")

# A file larger than this is not a transcript (a day of speech is ~1 MB).
MAX_BYTES = 64 * 1024 * 1024


def read_file(path: str | Path) -> ParsedFile:
    path = Path(path)
    what = str(path)
    try:
        if path.is_dir():
            raise UserError(what, "is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(what, f"too large for a transcript ({size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(what, exc.strerror or str(exc)) from None
    parsed = read_bytes(data, what, path.name)
    # Messages name the file as the user wrote it; the library keeps where it really is.
    return replace(parsed, path=str(path.resolve()))


def read_bytes(data: bytes, what: str, name: str) -> ParsedFile:
    """Parse a file's content; `name` (its file name) picks the reader."""
    decoded = decode(data, what)
    text = decoded.text
    stem = Path(name).stem or name
    kind = _format_of(Path(name).suffix.lower(), text)
    if kind == "srt":
        transcripts = [read_srt(text, what, stem)]
    elif kind == "vtt":
        transcripts = [read_vtt(text, what, stem)]
    elif kind == "json":
        transcripts = read_json(text, what)
    else:
        kind, transcripts = read_text(text, stem)
    transcripts = [t for t in transcripts if t.segments]
    if not transcripts:
        raise UserError(what, "no transcript text in it (only headings or empty cues)")
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ParsedFile(path=what, format=kind, encoding=decoded.encoding, content_hash=content_hash, transcripts=transcripts)


def _format_of(suffix: str, text: str) -> str:
    if suffix in (".srt", ".vtt", ".json"):
        return suffix[1:]
    if suffix in TRANSCRIPT_SUFFIXES:
        return "text"
    head = text.lstrip()[:200]
    if head.startswith("WEBVTT"):
        return "vtt"
    if head.startswith("{"):
        return "json"
    lines = head.split("\n")
    if len(lines) > 1 and lines[0].strip().isdigit() and "-->" in lines[1]:
        return "srt"
    return "text"
