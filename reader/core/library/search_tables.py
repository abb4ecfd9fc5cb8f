"""The search index's tables, shared by its SQLite (`search.py`) and PostgreSQL (`search_pg.py`) sides."""

from __future__ import annotations

from reader.core.kinds import SegmentKind

INDEX = "segment_search"
PENDING = "search_pending"
# Segments indexed per transaction.
CHUNK = 400
SEGMENT_COLUMNS = "id, transcript_id, kind, raw, correction"
# What the index stores for one segment: its id, the tokens of its raw and of its effective text, and that text.
Entry = tuple[int, list[str], list[str], str]

# The segments a rule's text reaches ({row}: the rule's row in a trigger).
RULE_SCOPE = (
    f"correction IS NULL AND kind = '{SegmentKind.TEXT}' AND ({{row}}.transcript_id IS NULL OR transcript_id = {{row}}.transcript_id)"
)


def is_search_table(name: str) -> bool:
    """Tables the search index keeps beside the models (FTS5 makes shadow tables `segment_search_*`)."""
    return name in (PENDING, INDEX) or name.startswith(INDEX + "_")
