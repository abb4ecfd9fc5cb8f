"""The library: a database of transcripts, their segments and everything people add to them.

The names below are imported on first use (PEP 562): `transcript-reader list`
then loads only db and listing, not SQLAlchemy's ORM, the importer or jieba.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the type checker sees; at run time __getattr__ below imports each on first use
    from .db import Library as Library
    from .db import open_library as open_library
    from .importer import ImportCancelled as ImportCancelled
    from .importer import ImportedTranscript as ImportedTranscript
    from .importer import ImportResult as ImportResult
    from .importer import import_file as import_file
    from .importer import import_path as import_path
    from .importer import import_seeds_if_new as import_seeds_if_new
    from .listing import TranscriptSummary as TranscriptSummary
    from .listing import list_transcripts as list_transcripts
    from .queries import SegmentRow as SegmentRow
    from .queries import check_library as check_library
    from .queries import delete_transcript as delete_transcript
    from .queries import transcript_segments as transcript_segments

_WHERE = {
    "Library": "db",
    "open_library": "db",
    "ImportCancelled": "importer",
    "ImportedTranscript": "importer",
    "ImportResult": "importer",
    "import_file": "importer",
    "import_path": "importer",
    "import_seeds_if_new": "importer",
    "TranscriptSummary": "listing",
    "list_transcripts": "listing",
    "SegmentRow": "queries",
    "check_library": "queries",
    "delete_transcript": "queries",
    "transcript_segments": "queries",
}

__all__ = list(_WHERE)


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
