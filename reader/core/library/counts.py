"""Each transcript's segment and correction counts, stored and kept by triggers.

The library panel lists every transcript with these counts, at start-up and
after every change; counting them from `segments` reads the whole library
each time (about 1M rows for a thousand talks). The triggers keep one row per
transcript in step with every insert, delete and correction, bulk statements
included, on SQLite and PostgreSQL alike. A migration that copies `segments`
(Alembic batch mode on SQLite) drops its triggers: it must call `install`
again, which also counts everything afresh.
"""

from __future__ import annotations

from sqlalchemy import Connection

TABLE = "transcript_counts"

_COUNT_ALL = (
    f"INSERT INTO {TABLE}(transcript_id, segments, corrected) "
    "SELECT t.id, count(s.id), count(s.correction) FROM transcripts t LEFT JOIN segments s ON s.transcript_id = t.id "
    "WHERE true GROUP BY t.id "
    "ON CONFLICT (transcript_id) DO UPDATE SET segments = excluded.segments, corrected = excluded.corrected"
)


def _add(row: str, sign: str) -> str:
    """SQL adding (sign '+') or taking away ('-') a segment row's counts."""
    corrected = f"(CASE WHEN {row}.correction IS NULL THEN 0 ELSE 1 END)"
    return (
        f"INSERT INTO {TABLE}(transcript_id, segments, corrected) VALUES ({row}.transcript_id, {sign}1, {sign}{corrected}) "
        f"ON CONFLICT (transcript_id) DO UPDATE SET segments = {TABLE}.segments + excluded.segments, "
        f"corrected = {TABLE}.corrected + excluded.corrected;"
    )


_SQLITE_TRIGGERS = {
    "counts_segment_added": f"AFTER INSERT ON segments BEGIN {_add('NEW', '+')} END",
    # The transcript may be going too (a cascade): then its row is gone, or soon is.
    "counts_segment_removed": (
        f"AFTER DELETE ON segments BEGIN UPDATE {TABLE} SET segments = segments - 1, "
        "corrected = corrected - (CASE WHEN OLD.correction IS NULL THEN 0 ELSE 1 END) WHERE transcript_id = OLD.transcript_id; END"
    ),
    "counts_segment_changed": (
        "AFTER UPDATE OF correction, transcript_id ON segments "
        "WHEN (OLD.correction IS NULL) != (NEW.correction IS NULL) OR OLD.transcript_id != NEW.transcript_id "
        f"BEGIN {_add('OLD', '-')} {_add('NEW', '+')} END"
    ),
}
TRIGGER_NAMES = tuple(_SQLITE_TRIGGERS)

_POSTGRES = f"""
CREATE OR REPLACE FUNCTION counts_segments() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE {TABLE} SET segments = segments - 1, corrected = corrected - (CASE WHEN OLD.correction IS NULL THEN 0 ELSE 1 END)
    WHERE transcript_id = OLD.transcript_id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.correction IS NULL) = (NEW.correction IS NULL) AND OLD.transcript_id = NEW.transcript_id THEN RETURN NULL; END IF;
    {_add('OLD', '-')}
  END IF;
  {_add('NEW', '+')}
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER counts_segments AFTER INSERT OR DELETE OR UPDATE OF correction, transcript_id ON segments
  FOR EACH ROW EXECUTE FUNCTION counts_segments();
"""


def install(conn: Connection) -> None:
    """Create the triggers where missing and count every transcript afresh."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_POSTGRES)
    else:
        for name, body in _SQLITE_TRIGGERS.items():
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    conn.exec_driver_sql(_COUNT_ALL)


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS counts_segments CASCADE")
    else:
        for name in TRIGGER_NAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
