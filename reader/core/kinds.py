"""The kinds of things the library stores, named once.

StrEnums: a member is equal to its value, so the strings stored in the
database and written to files ("text", "speaker"...) stay what they were.
"""

from __future__ import annotations

from enum import StrEnum


class SegmentKind(StrEnum):
    """What a segment holds."""

    TEXT = "text"  # speech, cleaned in the reader
    IMAGE = "image"  # a Markdown image line: its address only, never fetched
    MARK = "mark"  # a non-speech mark on its own line: (掌声), (笑聲), (英文)


class LabelKind(StrEnum):
    """The two kinds of label a segment can carry."""

    SPEAKER = "speaker"
    TOPIC = "topic"
