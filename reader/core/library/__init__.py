"""The library: a database of transcripts, their segments and everything people add to them."""

from reader.core.library.db import Library, open_library
from reader.core.library.importer import (
    ImportCancelled,
    ImportedTranscript,
    ImportResult,
    import_file,
    import_path,
    import_seeds_if_new,
)
from reader.core.library.queries import (
    SegmentRow,
    TranscriptSummary,
    check_library,
    delete_transcript,
    list_transcripts,
    transcript_segments,
)

__all__ = [
    "ImportCancelled",
    "ImportResult",
    "ImportedTranscript",
    "Library",
    "SegmentRow",
    "TranscriptSummary",
    "check_library",
    "delete_transcript",
    "import_file",
    "import_path",
    "import_seeds_if_new",
    "list_transcripts",
    "open_library",
    "transcript_segments",
]
