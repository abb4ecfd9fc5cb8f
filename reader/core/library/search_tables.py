"""The search index's tables, shared by its SQLite (`search.py`) and PostgreSQL (`search_pg.py`) sides."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.kinds import SegmentKind

INDEX = "segment_search"
# SQLite: which segment an index entry is, and its effective text (search_sqlite.py).
ENTRIES = "segment_search_entries"
PENDING = "search_pending"
# Segments indexed per transaction.
CHUNK = 2000
# What a segment's index entry reads: the segment and, as the reader shows it between its
# neighbours (`reader.core.text.shown`), the ones either side. So indexing queued segments
# ({chosen}: the SQL that picks them) indexes their neighbours again too (distance 1: a change
# to a segment can change what they show), reading one more either side as their context.
REACH = 2  # how far either side of a queued segment its neighbourhood goes
NEIGHBOURHOOD = (
    "SELECT s.id, s.transcript_id, s.kind, s.raw, s.correction, s.position, MIN(ABS(s.position - q.position)) "
    "FROM segments q JOIN segments s ON s.transcript_id = q.transcript_id "
    f"AND s.position BETWEEN q.position - {REACH} AND q.position + {REACH} "
    "WHERE q.id {chosen} GROUP BY s.id ORDER BY s.transcript_id, s.position"
)
# What the index stores for one segment: its id, the tokens of its raw and of its effective text, and that text.
Entry = tuple[int, list[str], list[str], str]
# An entry's tokens from its raw and effective text, as one side stores them (`search.sqlite_tokens`, `search.postgres_tokens`).
Tokenize = Callable[[str, str], tuple[list[str], list[str]]]

# The segments a rule's text reaches ({row}: the rule's row in a trigger).
RULE_SCOPE = (
    f"correction IS NULL AND kind = '{SegmentKind.TEXT}' AND ({{row}}.transcript_id IS NULL OR transcript_id = {{row}}.transcript_id)"
)


def is_search_table(name: str) -> bool:
    """Tables the search index keeps beside the models (FTS5 makes shadow tables `segment_search_*`)."""
    return name in (PENDING, INDEX) or name.startswith(INDEX + "_")  # ENTRIES too
