"""The library's list of transcripts: plain SQL through `Library.read_rows`, so that
`transcript-reader list` imports neither SQLAlchemy nor the models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.library.db import Library


@dataclass(frozen=True)
class TranscriptSummary:
    id: int
    title: str
    segments: int
    corrected: int
    source_path: str
    reviewed: int = 0


# Tables and columns as reader.core.library.models declares them. The counts are stored
# (counts.py keeps them): listing a thousand talks reads a thousand rows, not their segments;
# only the reviewed share is counted, from the (few) review rows.
_LIST = """
SELECT transcripts.id, transcripts.title, counts.segments, counts.corrected, sources.path, reviews.reviewed
FROM transcripts
JOIN sources ON sources.id = transcripts.source_id
LEFT OUTER JOIN transcript_counts AS counts ON counts.transcript_id = transcripts.id
LEFT OUTER JOIN (
    SELECT segments.transcript_id, count(*) AS reviewed
    FROM segment_reviews JOIN segments ON segments.id = segment_reviews.segment_id
    WHERE segment_reviews.status = 'reviewed' GROUP BY segments.transcript_id
) AS reviews ON reviews.transcript_id = transcripts.id
ORDER BY transcripts.id
"""


def list_transcripts(lib: Library) -> list[TranscriptSummary]:
    return [
        TranscriptSummary(id, title, segments or 0, corrected or 0, path, reviewed or 0)
        for id, title, segments, corrected, path, reviewed in lib.read_rows(_LIST)
    ]
