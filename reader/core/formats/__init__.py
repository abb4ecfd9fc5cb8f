"""Readers of transcript files (the writers are in `writers`); encoding detection.

`read_file(path)` is the one entry point: it picks the reader from the file
name, or from the content when the name says nothing, and returns a
`ParsedFile` or raises `UserError(path, why)`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from reader.core.errors import Msg, UserError
from reader.core.formats.document import ParsedFile, ParsedSegment, ParsedTranscript
from reader.core.formats.encoding import decode
from reader.core.formats.jsonfile import read_json
from reader.core.formats.subtitles import read_srt, read_vtt
from reader.core.formats.textfile import read_text

__all__ = [
    "TRANSCRIPT_SUFFIXES", "ParsedFile", "ParsedSegment", "ParsedTranscript", "not_regular", "read_bytes", "read_file", "storable_name",
]

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".srt", ".vtt", ".json")

# A file larger than this is not a transcript (a day of speech is ~1 MB).
MAX_BYTES = 64 * 1024 * 1024


def read_file(path: str | Path) -> ParsedFile:
    path = Path(path)
    what = str(path)
    try:
        refusal = not_regular(path.stat().st_mode)
        if refusal:
            raise UserError("{path}", refusal, path=what)
        data = _read_bounded(path, what)
    except OSError as exc:
        raise UserError("{path}", "{reason}", path=what, reason=exc.strerror or exc) from None
    parsed = read_bytes(data, what, storable_name(path.name))
    # Messages name the file as the user wrote it; the library keeps where it really is.
    return replace(parsed, path=storable_name(str(path.resolve())))


def not_regular(mode: int) -> Msg | None:
    """Why a file of this `st_mode` cannot be a transcript, or None for a regular file.

    A FIFO blocks the reader until someone writes to it, and a device such as
    /dev/zero never ends: only a regular file is read at all.
    """
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Msg("is a folder, not a file")
    kinds = (
        (stat.S_ISFIFO, Msg("a named pipe (FIFO)")), (stat.S_ISCHR, Msg("a device")), (stat.S_ISBLK, Msg("a device")),
        (stat.S_ISSOCK, Msg("a socket")),
    )
    kind = next((name for test, name in kinds if test(mode)), Msg("not a file"))
    return Msg("is {kind}, not a regular file; nothing was read", kind=kind)


def _read_bounded(path: Path, what: str) -> bytes:
    """At most `MAX_BYTES` from a regular file, counted as read: `st_size` is 0 for
    /proc files and may change under us, so it decides nothing."""
    # O_NONBLOCK: should the path have become a FIFO since the check, opening it must not wait.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        refusal = not_regular(os.fstat(fd).st_mode)
        if refusal:
            raise UserError("{path}", refusal, path=what)
        chunks: list[bytes] = []
        got = 0
        while got <= MAX_BYTES and (chunk := handle.read(min(1024 * 1024, MAX_BYTES + 1 - got))):
            chunks.append(chunk)
            got += len(chunk)
    if got > MAX_BYTES:
        raise UserError("{path}", "too large for a transcript (over {limit} MB)", path=what, limit=MAX_BYTES // (1024 * 1024))
    return b"".join(chunks)


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_name(name: str) -> str:
    """A file name or path as text a database can hold: bytes that were not UTF-8 (which
    Python keeps as lone surrogates) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", name)


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
        raise UserError("{path}", "no transcript text in it (only headings or empty cues)", path=what)
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
