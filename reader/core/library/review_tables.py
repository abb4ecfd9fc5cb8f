"""The change-log triggers of the review and comment tables (revision 0006).

A review mark or a comment changes what another copy of the app shows for that
segment (its marker, the reviewed count), so they log the segment like a text
edit does (see `changes.py`). Kept apart from `changes.install`, which the
older revisions call before these tables exist.
"""

from __future__ import annotations

from sqlalchemy import Connection

TABLES = ("segment_reviews", "segment_comments")
_TRANSCRIPT = "(SELECT transcript_id FROM segments WHERE id = {row}.segment_id)"
_SQLITE_LOG = (
    "DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log) AND transcript_id IS {t} AND segment_id IS {s}; "
    "INSERT INTO change_log(transcript_id, segment_id) VALUES ({t}, {s});"
)


def _sqlite_triggers() -> dict[str, str]:
    triggers = {}
    for table in TABLES:
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            log = _SQLITE_LOG.format(t=_TRANSCRIPT.format(row=row), s=f"{row}.segment_id")
            triggers[f"change_{table}_{event.lower()}"] = f"AFTER {event} ON {table} BEGIN {log} END"
    return triggers


TRIGGER_NAMES = tuple(_sqlite_triggers())

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION change_log_segment_notes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE seg integer;
BEGIN
  seg := CASE WHEN TG_OP = 'DELETE' THEN OLD.segment_id ELSE NEW.segment_id END;
  PERFORM change_log_add((SELECT transcript_id FROM segments WHERE id = seg), seg);
  RETURN NULL;
END $$;
"""


def install(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name, body in _sqlite_triggers().items():
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        return
    conn.exec_driver_sql(_PG_FUNCTION)
    for table in TABLES:
        conn.exec_driver_sql(
            f"CREATE OR REPLACE TRIGGER change_log_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION change_log_segment_notes()"
        )


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in TRIGGER_NAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        return
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS change_log_segment_notes CASCADE")
