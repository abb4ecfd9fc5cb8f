"""The project's own JSON: the lossless form of a library's transcripts.

    {"format": "transcript-reader", "version": 1,
     "transcripts": [{"title": "...",
                      "segments": [{"kind": "text", "raw": "...",
                                    "correction": null, "start_ms": null,
                                    "end_ms": null, "speaker": null,
                                    "topics": []}]}]}

Only "raw" is required in a segment; the JSON writer (export) emits all keys,
and also "cleaned" (ignored here) and "edits", the segment's history
(`{"old", "new", "origin", "author", "at"}`, oldest first), which is restored.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from reader.core.errors import Msg, UserError
from reader.core.formats.document import ParsedRevision, ParsedSegment, ParsedTranscript
from reader.core.formats.encoding import replace_controls
from reader.core.kinds import SegmentKind

FORMAT_NAME = "transcript-reader"
VERSION = 1


def read_json(text: str, what: str) -> list[ParsedTranscript]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError("{path}", "line {line}: not valid JSON ({error})", path=what, line=exc.lineno, error=exc.msg) from None
    except RecursionError:
        raise UserError("{path}", "not a transcript-reader JSON export (nested too deeply)", path=what) from None
    except ValueError:  # Python refuses to read a number of thousands of digits
        raise UserError("{path}", "not valid JSON (a number too long to read)", path=what) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise UserError("{path}", 'not a transcript-reader JSON export (no "format": "{name}")', path=what, name=FORMAT_NAME)
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise UserError(
            "{path}", "made by a newer transcript-reader (JSON version {version}); this one reads version {known}",
            path=what, version=version, known=VERSION,
        )
    transcripts = _field(data, "transcripts", list, what, Msg("the file"))
    return [_transcript(t, what, n) for n, t in enumerate(transcripts, 1)]


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Times beyond a thousand years are damage, and would not fit SQLite's 64-bit integers either.
# Subtitles are held to a tighter bound (timecode.MAX_MS), so whatever the library
# stored from them, and exported, reads back here.
_MAX_MS = 1000 * 365 * 24 * 3600 * 1000
# The history's columns: revisions.origin and revisions.author.
_MAX_ORIGIN = 20
_MAX_AUTHOR = 100


def _field(obj: Any, key: str, kind: type | tuple[type, ...], what: str, where: Msg, required: bool = True) -> Any:
    if not isinstance(obj, dict):
        raise UserError("{path}", "{where} is not a JSON object", path=what, where=where)
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise UserError("{path}", '{where}: "{key}" is missing or of the wrong type', path=what, where=where, key=key)
    if isinstance(value, int) and not 0 <= value <= _MAX_MS:
        raise UserError("{path}", '{where}: "{key}" is out of range', path=what, where=where, key=key)
    if isinstance(value, str) and not _storable(value):
        # JSON escapes can spell what no text file could carry past the decoder.
        raise UserError("{path}", '{where}: "{key}" holds a NUL character or a lone surrogate', path=what, where=where, key=key)
    if isinstance(value, str):
        # An escape such as \u001b spells a control character that no terminal should be sent.
        return replace_controls(value)
    return value


def _storable(text: str) -> bool:
    return _UNSTORABLE.search(text) is None


def _transcript(obj: Any, what: str, number: int) -> ParsedTranscript:
    where = Msg("transcript {number}", number=number)
    title = _field(obj, "title", str, what, where)
    segments = _field(obj, "segments", list, what, where)
    return ParsedTranscript(title=title, segments=[
        _segment(s, what, Msg("{where}, segment {number}", where=where, number=n)) for n, s in enumerate(segments, 1)
    ])


def _segment(obj: Any, what: str, where: Msg) -> ParsedSegment:
    name = _field(obj, "kind", str, what, where, required=False) or SegmentKind.TEXT
    try:
        kind = SegmentKind(name)
    except ValueError:
        raise UserError("{path}", '{where}: unknown kind "{name}"', path=what, where=where, name=name) from None
    start_ms = _field(obj, "start_ms", int, what, where, required=False)
    end_ms = _field(obj, "end_ms", int, what, where, required=False)
    if start_ms is not None and end_ms is not None and end_ms < start_ms:
        raise UserError("{path}", "{where}: ends before it starts", path=what, where=where)
    topics = _field(obj, "topics", list, what, where, required=False) or []
    if not all(isinstance(t, str) and t.strip() and _storable(t) for t in topics):
        raise UserError("{path}", '{where}: "topics" must be a list of names', path=what, where=where)
    topics = [replace_controls(t) for t in topics]
    raw = _field(obj, "raw", str, what, where)
    if not raw.strip():
        # Every other reader drops empty paragraphs and cues; a blank segment here is damage, not content.
        raise UserError("{path}", '{where}: "raw" is empty', path=what, where=where)
    return ParsedSegment(
        raw=raw,
        kind=kind,
        start_ms=start_ms,
        end_ms=end_ms,
        speaker=_field(obj, "speaker", str, what, where, required=False) or None,
        correction=_field(obj, "correction", str, what, where, required=False),
        topics=tuple(topics),
        history=_history(obj, what, where),
    )


def _history(obj: dict[str, Any], what: str, where: Msg) -> tuple[ParsedRevision, ...]:
    edits = _field(obj, "edits", list, what, where, required=False) or []
    return tuple(_revision(edit, what, Msg("{where}, edit {number}", where=where, number=n)) for n, edit in enumerate(edits, 1))


def _revision(obj: Any, what: str, where: Msg) -> ParsedRevision:
    origin = _field(obj, "origin", str, what, where)
    author = _field(obj, "author", str, what, where)
    if not 0 < len(origin) <= _MAX_ORIGIN or not 0 < len(author) <= _MAX_AUTHOR:
        raise UserError("{path}", '{where}: "origin" or "author" is empty or too long', path=what, where=where)
    at_text = _field(obj, "at", str, what, where)
    try:
        at = datetime.fromisoformat(at_text)
    except ValueError:
        raise UserError("{path}", '{where}: "at" is not a date and time ({at!r})', path=what, where=where, at=at_text[:40]) from None
    return ParsedRevision(
        old=_field(obj, "old", str, what, where, required=False),
        new=_field(obj, "new", str, what, where, required=False),
        origin=origin,
        author=author,
        # The library keeps times in UTC; one written without a zone was UTC when written.
        at=at if at.tzinfo is not None else at.replace(tzinfo=UTC),
    )
