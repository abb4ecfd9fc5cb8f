"""The library: a database of transcripts, their segments and everything people add to them.

The names below are imported on first use (PEP 562): `transcript-reader list`
then loads only db and listing, not SQLAlchemy's ORM, the importer or jieba.
"""

import importlib

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
