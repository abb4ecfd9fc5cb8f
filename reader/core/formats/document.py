"""What every reader produces: plain data, independent of the database.

The same shape is what the JSON export will write, so a transcript can go
library → JSON → library without losing a correction, a time or a speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reader.core.kinds import SegmentKind


@dataclass(frozen=True)
class ParsedRevision:
    """One change of a segment's correction, as the JSON export writes it under "edits"."""

    old: str | None
    new: str | None
    origin: str
    author: str
    at: datetime


@dataclass(frozen=True)
class ParsedSegment:
    raw: str
    kind: SegmentKind = SegmentKind.TEXT
    start_ms: int | None = None
    end_ms: int | None = None
    speaker: str | None = None
    # Only the project's own JSON carries these; plain files never do.
    correction: str | None = None
    topics: tuple[str, ...] = ()
    history: tuple[ParsedRevision, ...] = ()


@dataclass(frozen=True)
class ParsedTranscript:
    title: str
    segments: list[ParsedSegment] = field(default_factory=list)


@dataclass(frozen=True)
class ParsedFile:
    path: str
    format: str
    encoding: str
    # sha256 of the decoded, normalised text: the same transcript saved in
    # another encoding or with other line ends is the same content.
    content_hash: str
    transcripts: list[ParsedTranscript]

    @property
    def segment_count(self) -> int:
        return sum(len(t.segments) for t in self.transcripts)
