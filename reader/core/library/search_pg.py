"""The search index on PostgreSQL: `search.py`'s tokens in a tsvector with a GIN index.

The same folded jieba tokens as the SQLite FTS5 index, stored as lexemes
exactly (`array_to_tsvector`, no text-search parser or dictionary in between),
and queries made of those tokens as quoted lexemes joined by `&`, so both
databases find the same segments. `search.py` dispatches here; its queue
(`search_pending`) and trigger rules are the same, written for PostgreSQL
(the names both share are in `search_tables.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, TextClause, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Integer, Text

from reader.core.library.search_tables import CHUNK, INDEX, NEIGHBOURHOOD, PENDING, RULE_SCOPE, Entry

_RULE_TEXT = "pattern, replacement, is_regex, case_sensitive, enabled, transcript_id"
_QUEUE_SCOPE = f"INSERT INTO {PENDING}(segment_id) SELECT id FROM segments WHERE {RULE_SCOPE} ON CONFLICT DO NOTHING;"

QUEUE_ALL = f"INSERT INTO {PENDING}(segment_id) SELECT id FROM segments ON CONFLICT DO NOTHING"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {INDEX} (
  segment_id integer PRIMARY KEY REFERENCES segments(id) ON DELETE CASCADE,
  tokens tsvector NOT NULL,
  effective_text text NOT NULL
);
CREATE INDEX IF NOT EXISTS {INDEX}_tokens ON {INDEX} USING gin (tokens);
CREATE TABLE IF NOT EXISTS {PENDING} (segment_id integer PRIMARY KEY REFERENCES segments(id) ON DELETE CASCADE);
CREATE OR REPLACE FUNCTION search_queue_segment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO {PENDING}(segment_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION search_queue_rule_scope() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN {_QUEUE_SCOPE.format(row="OLD")} END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN {_QUEUE_SCOPE.format(row="NEW")} END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER search_segment_added AFTER INSERT ON segments
  FOR EACH ROW EXECUTE FUNCTION search_queue_segment();
CREATE OR REPLACE TRIGGER search_segment_changed AFTER UPDATE OF raw, correction, kind ON segments
  FOR EACH ROW EXECUTE FUNCTION search_queue_segment();
-- Not on `hits`: counting a rule's hits changes no text.
CREATE OR REPLACE TRIGGER search_rule_changed AFTER INSERT OR DELETE OR UPDATE OF {_RULE_TEXT} ON rules
  FOR EACH ROW EXECUTE FUNCTION search_queue_rule_scope();
{QUEUE_ALL};
"""

# The effective text weighs more than the raw text in the ranking.
_WRITE = text(
    f"INSERT INTO {INDEX}(segment_id, tokens, effective_text) VALUES "
    "(:segment_id, setweight(array_to_tsvector(:effective), 'A') || setweight(array_to_tsvector(:raw), 'B'), :text) "
    "ON CONFLICT (segment_id) DO UPDATE SET tokens = EXCLUDED.tokens, effective_text = EXCLUDED.effective_text"
).bindparams(bindparam("effective", type_=ARRAY(Text)), bindparam("raw", type_=ARRAY(Text)))


def install(conn: Connection) -> None:
    """Create the index, its queue and triggers where missing, and queue every segment."""
    conn.exec_driver_sql(_SCHEMA)


def index_queued(conn: Connection, entries_of: Callable[[Iterable[Sequence[Any]]], list[Entry]], size: int | None = None) -> int:
    """As `search_sqlite.index_queued`: index up to `size` queued segments (and their neighbours) and take them off the queue."""
    ids = next_queued(conn, 0, size or CHUNK)  # ids start at 1
    if not ids:
        return 0
    made = entries_of(neighbourhood(conn, ids))
    entries = [{"segment_id": segment_id, "raw": raw, "effective": effective, "text": shown} for segment_id, raw, effective, shown in made]
    gone = sorted({*ids, *(entry[0] for entry in made)})
    conn.execute(text(f"DELETE FROM {INDEX} WHERE segment_id = ANY(:ids)").bindparams(bindparam("ids", gone, type_=ARRAY(Integer))))
    if entries:
        conn.execute(_WRITE, entries)
    conn.execute(text(f"DELETE FROM {PENDING} WHERE segment_id = ANY(:ids)").bindparams(bindparam("ids", ids, type_=ARRAY(Integer))))
    return len(ids)


def neighbourhood(conn: Connection, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The rows `NEIGHBOURHOOD` picks for the segments `ids` (as `search_sqlite.neighbourhood`)."""
    chosen = bindparam("ids", list(ids), type_=ARRAY(Integer))
    return [tuple(row) for row in conn.execute(text(NEIGHBOURHOOD.format(chosen="= ANY(:ids)")).bindparams(chosen))]


def next_queued(conn: Connection, after: int, size: int) -> list[int]:
    """Up to `size` queued segment ids after `after`, in order (as `index_queued` picks them)."""
    found = conn.execute(text(f"SELECT segment_id FROM {PENDING} WHERE segment_id > :after ORDER BY segment_id LIMIT :size"),
                         {"after": after, "size": size})
    return list(found.scalars().all())


def tsquery(tokens_: Iterable[str], prefixes: Iterable[str] = ()) -> str:
    """A tsquery of lexemes that must all be present (and lexemes starting with each prefix); quoted, so nothing typed is syntax."""

    def quoted(t: str) -> str:
        return "'" + t.replace("\\", "\\\\").replace("'", "''") + "'"

    return " & ".join([quoted(t) for t in dict.fromkeys(tokens_)] + [quoted(p) + ":*" for p in dict.fromkeys(prefixes)])


def chunk_sql(scoped: bool, chunk: int) -> TextClause:
    """As `search.candidate_sql`: candidates `chunk` at a time after segment id `:after`, ranked within the chunk."""
    scope = "JOIN segments q ON q.id = f.segment_id AND q.transcript_id = :transcript" if scoped else ""
    return text(
        f"SELECT c.segment_id, s.raw, c.effective_text, s.transcript_id, s.position, t.title FROM ("
        f"SELECT f.segment_id, f.effective_text, ts_rank(f.tokens, CAST(:match AS tsquery)) AS rank FROM {INDEX} f {scope} "
        f"WHERE f.tokens @@ CAST(:match AS tsquery) AND f.segment_id > :after ORDER BY f.segment_id LIMIT {chunk}"
        f") c JOIN segments s ON s.id = c.segment_id JOIN transcripts t ON t.id = s.transcript_id "
        f"ORDER BY c.rank DESC, c.segment_id"
    )


def candidate_chunk(
    conn: Connection, match: str, after: int, chunk: int, transcript_id: int | None
) -> tuple[list[Sequence[Any]], int | None]:
    """As `search_sqlite.candidate_chunk`; here the place in the index is the segment id."""
    rows = conn.execute(chunk_sql(transcript_id is not None, chunk), {"match": match, "after": after, "transcript": transcript_id}).all()
    return list(rows), (max(row[0] for row in rows) if len(rows) == chunk else None)


def candidate_ids(conn: Connection, match: str, after: int, chunk: int) -> tuple[list[tuple[int, int]], int | None]:
    """As `search_sqlite.candidate_ids`; here the place in the index is the segment id."""
    ids = conn.execute(
        text(
            f"SELECT segment_id FROM {INDEX} WHERE tokens @@ CAST(:match AS tsquery) AND segment_id > :after "
            f"ORDER BY segment_id LIMIT {chunk}"
        ),
        {"match": match, "after": after},
    ).scalars().all()
    return [(i, i) for i in ids], (ids[-1] if len(ids) == chunk else None)
