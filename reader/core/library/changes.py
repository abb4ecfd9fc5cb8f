"""Noticing what other people (other copies of the app, the CLI) changed in a shared library.

Database triggers write every change into `change_log`, so every operation is
covered, the importer's bulk inserts and split's bulk renumbering included, on
SQLite and PostgreSQL alike. An app polls `changes_since` with the token it got
last time and refreshes what it is told. Writers take the library's write lock
(BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) and keep it until
they commit, so log ids become visible in order and a token never skips one.

A run of identical entries is kept once: a trigger about to repeat the newest
entry deletes it and writes it again, under a new id (a reader may have seen
the old one); on PostgreSQL one the same transaction wrote is simply kept.
Importing 10,000 segments leaves one line, not 10,000.

Like the search triggers, these live in the database: a later migration that
copies `segments` (Alembic batch mode on SQLite) must call `install` again.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, func, select

from reader.core.library.db import Library
from reader.core.library.models import ChangeLogEntry, Transcript

LOG = "change_log"


class LogChanges(NamedTuple):
    token: int
    # Segments whose own content (text, correction, speaker, topics, times) changed.
    segment_ids: frozenset[int]
    # Transcripts to reload whole: rows added, removed or renumbered, title or
    # rules changed; removed transcripts are named too.
    transcript_ids: frozenset[int]


def changes_since(lib: Library, token: int | None) -> LogChanges:
    """What changed after `token` (None: nothing yet; just get a token to start from).

    Cheap when nothing changed (one indexed lookup): meant to be polled every second or two.
    """
    with lib.read() as session:
        if token is None:
            return LogChanges(session.scalar(select(func.max(ChangeLogEntry.id))) or 0, frozenset(), frozenset())
        rows = session.execute(
            select(ChangeLogEntry.id, ChangeLogEntry.transcript_id, ChangeLogEntry.segment_id)
            .where(ChangeLogEntry.id > token)
            .order_by(ChangeLogEntry.id)
        ).all()
        if not rows:
            return LogChanges(token, frozenset(), frozenset())
        segments = {s for _, _, s in rows if s is not None}
        transcripts = {t for _, t, s in rows if s is None and t is not None}
        if any(t is None and s is None for _, t, s in rows):
            transcripts |= set(session.scalars(select(Transcript.id)))
    return LogChanges(rows[-1][0], frozenset(segments), frozenset(transcripts))


# ----------------------------------------------------------------- triggers

_SQLITE_LOG = (
    "DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log) AND transcript_id IS {t} AND segment_id IS {s}; "
    "INSERT INTO change_log(transcript_id, segment_id) VALUES ({t}, {s});"
)
_TOPIC_TRANSCRIPT = "(SELECT transcript_id FROM segments WHERE id = {row}.segment_id)"
_RULE_TEXT = "pattern, replacement, is_regex, case_sensitive, enabled, transcript_id"


def _log(t: str, s: str) -> str:
    return _SQLITE_LOG.format(t=t, s=s)


_SQLITE_TRIGGERS = {
    "change_segment_added": "AFTER INSERT ON segments BEGIN " + _log("NEW.transcript_id", "NULL") + " END",
    "change_segment_removed": "AFTER DELETE ON segments BEGIN " + _log("OLD.transcript_id", "NULL") + " END",
    "change_segment_moved": (
        "AFTER UPDATE OF position, transcript_id ON segments BEGIN "
        + _log("OLD.transcript_id", "NULL") + " " + _log("NEW.transcript_id", "NULL") + " END"
    ),
    "change_segment_edited": (
        "AFTER UPDATE OF raw, correction, kind, speaker_id, start_ms, end_ms, version ON segments "
        "WHEN NEW.position = OLD.position AND NEW.transcript_id = OLD.transcript_id BEGIN "
        + _log("NEW.transcript_id", "NEW.id") + " END"
    ),
    "change_topic_added": "AFTER INSERT ON segment_topics BEGIN " + _log(_TOPIC_TRANSCRIPT.format(row="NEW"), "NEW.segment_id") + " END",
    "change_topic_removed": "AFTER DELETE ON segment_topics BEGIN " + _log(_TOPIC_TRANSCRIPT.format(row="OLD"), "OLD.segment_id") + " END",
    "change_transcript_added": "AFTER INSERT ON transcripts BEGIN " + _log("NEW.id", "NULL") + " END",
    "change_transcript_edited": "AFTER UPDATE ON transcripts BEGIN " + _log("NEW.id", "NULL") + " END",
    "change_transcript_removed": "AFTER DELETE ON transcripts BEGIN " + _log("OLD.id", "NULL") + " END",
    # A global rule (transcript_id NULL) logs "anything may have changed".
    "change_rule_added": "AFTER INSERT ON rules BEGIN " + _log("NEW.transcript_id", "NULL") + " END",
    "change_rule_edited": (
        f"AFTER UPDATE OF {_RULE_TEXT} ON rules BEGIN "
        + _log("OLD.transcript_id", "NULL") + " " + _log("NEW.transcript_id", "NULL") + " END"
    ),
    "change_rule_removed": "AFTER DELETE ON rules BEGIN " + _log("OLD.transcript_id", "NULL") + " END",
    "change_speaker_edited": "AFTER UPDATE OF name, color ON speakers BEGIN " + _log("NULL", "NULL") + " END",
    "change_topic_edited": "AFTER UPDATE OF name, color ON topics BEGIN " + _log("NULL", "NULL") + " END",
}
TRIGGER_NAMES = tuple(_SQLITE_TRIGGERS)

_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION change_log_add(t integer, s integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE newest change_log;
BEGIN
  SELECT * INTO newest FROM change_log ORDER BY id DESC LIMIT 1;
  IF newest.transcript_id IS NOT DISTINCT FROM t AND newest.segment_id IS NOT DISTINCT FROM s THEN
    -- Written by this very transaction (xmin is its 32-bit id): nobody has seen it yet.
    IF (SELECT xmin::text FROM change_log WHERE id = newest.id) = (pg_current_xact_id()::text::bigint & 4294967295)::text THEN
      RETURN;
    END IF;
    DELETE FROM change_log WHERE id = newest.id;
  END IF;
  INSERT INTO change_log(transcript_id, segment_id) VALUES (t, s);
END $$;
CREATE OR REPLACE FUNCTION change_log_segments_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM change_log_add(t, NULL) FROM (SELECT DISTINCT transcript_id AS t FROM new_rows) AS added;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION change_log_segments_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM change_log_add(t, NULL) FROM (SELECT DISTINCT transcript_id AS t FROM old_rows) AS removed;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION change_log_segments_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM change_log_add(t, s) FROM (
    WITH pairs AS (
      SELECT o.transcript_id AS old_t, n.transcript_id AS new_t, n.id,
        n.position <> o.position OR n.transcript_id <> o.transcript_id AS moved,
        (n.raw, n.correction, n.kind, n.speaker_id, n.start_ms, n.end_ms, n.version)
          IS DISTINCT FROM (o.raw, o.correction, o.kind, o.speaker_id, o.start_ms, o.end_ms, o.version) AS edited
      FROM new_rows n JOIN old_rows o ON o.id = n.id
    )
    SELECT DISTINCT t, s FROM (
      SELECT old_t AS t, NULL::integer AS s FROM pairs WHERE moved
      UNION ALL SELECT new_t, NULL FROM pairs WHERE moved
      UNION ALL SELECT new_t, id FROM pairs WHERE edited AND NOT moved
    ) AS entries ORDER BY s NULLS FIRST, t
  ) AS changed;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION change_log_segment_topics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE link segment_topics;
BEGIN
  link := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  PERFORM change_log_add((SELECT transcript_id FROM segments WHERE id = link.segment_id), link.segment_id);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION change_log_transcripts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM change_log_add(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, NULL);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION change_log_rules() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM change_log_add(OLD.transcript_id, NULL); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM change_log_add(NEW.transcript_id, NULL); END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION change_log_anything() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  PERFORM change_log_add(NULL, NULL);
  RETURN NULL;
END $$;
"""
# Per statement on segments: an import or a renumbering touches thousands of rows at once.
_PG_TRIGGERS = {
    "change_log_segments_added": (
        "AFTER INSERT ON segments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_segments_added()"
    ),
    "change_log_segments_removed": (
        "AFTER DELETE ON segments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_segments_removed()"
    ),
    "change_log_segments_updated": (
        "AFTER UPDATE ON segments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION change_log_segments_updated()"
    ),
    "change_log_segment_topics": "AFTER INSERT OR DELETE ON segment_topics FOR EACH ROW EXECUTE FUNCTION change_log_segment_topics()",
    "change_log_transcripts": "AFTER INSERT OR UPDATE OR DELETE ON transcripts FOR EACH ROW EXECUTE FUNCTION change_log_transcripts()",
    "change_log_rules": f"AFTER INSERT OR DELETE OR UPDATE OF {_RULE_TEXT} ON rules FOR EACH ROW EXECUTE FUNCTION change_log_rules()",
    "change_log_speakers": "AFTER UPDATE OF name, color ON speakers FOR EACH ROW EXECUTE FUNCTION change_log_anything()",
    "change_log_topics": "AFTER UPDATE OF name, color ON topics FOR EACH ROW EXECUTE FUNCTION change_log_anything()",
}


def install(conn: Connection) -> None:
    """Create the change triggers where missing (the table itself is a model, made by its migration)."""
    if conn.dialect.name == "sqlite":
        for name, body in _SQLITE_TRIGGERS.items():
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        return
    conn.exec_driver_sql(_PG_FUNCTIONS)
    for name, body in _PG_TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE OR REPLACE TRIGGER {name} {body}")
