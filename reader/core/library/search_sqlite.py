"""The search index on SQLite: a contentless FTS5 table of tokens and a table of entries.

The tokens are each character and each two consecutive ones (Chinese as in
`search.tokens`; letters and digits the same way, not as whole runs), made by
FTS5's trigram tokenizer (SQLite 3.34 or newer) in C from `search.index_text`:
every character written between two marks, so `mark c mark` is the character c
and `a mark b` the pair ab (`search.index_terms` asks for them). Making one
Python string per token cost an index build more than writing them.

FTS5 keeps a copy of every column it indexes unless told not to; that copy made
a library of 100 MB of transcripts a 1.5 GB file. So the FTS5 table is
contentless (`content=''`), stores no positions (`detail=none`: candidates are
checked against the text anyway) and has one column, the raw and the effective
text together. Its rowid is an entry id; `ENTRIES` maps an entry to its segment
and holds the effective text that search checks and shows.

A contentless table of this SQLite cannot delete a row without its tokens,
so re-indexing a segment drops its entry and adds a new one: the old tokens
stay behind, dead, and a candidate without an entry is passed over. Indexing
a queue as large as half the index starts the index afresh (`delete-all`),
which also clears what is dead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from reader.core.library.queries import chunks
from reader.core.library.search_tables import CHUNK, ENTRIES, INDEX, PENDING, REACH, RULE_SCOPE, Entry

_QUEUE_SCOPE = f"INSERT OR IGNORE INTO {PENDING}(segment_id) SELECT id FROM segments WHERE " + RULE_SCOPE + ";"
TRIGGERS = {
    "search_segment_added": f"AFTER INSERT ON segments BEGIN INSERT OR IGNORE INTO {PENDING}(segment_id) VALUES (NEW.id); END",
    "search_segment_changed": (
        f"AFTER UPDATE OF raw, correction, kind ON segments BEGIN INSERT OR IGNORE INTO {PENDING}(segment_id) VALUES (NEW.id); END"
    ),
    "search_segment_deleted": (
        f"AFTER DELETE ON segments BEGIN DELETE FROM {ENTRIES} WHERE segment_id = OLD.id; "
        f"DELETE FROM {PENDING} WHERE segment_id = OLD.id; END"
    ),
    "search_rule_added": "AFTER INSERT ON rules BEGIN " + _QUEUE_SCOPE.format(row="NEW") + " END",
    # Not on `hits`: counting a rule's hits changes no text.
    "search_rule_changed": (
        "AFTER UPDATE OF pattern, replacement, is_regex, case_sensitive, enabled, transcript_id ON rules BEGIN "
        + _QUEUE_SCOPE.format(row="OLD") + " " + _QUEUE_SCOPE.format(row="NEW") + " END"
    ),
    "search_rule_removed": "AFTER DELETE ON rules BEGIN " + _QUEUE_SCOPE.format(row="OLD") + " END",
}
CREATE_INDEX = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5(tokens, content='', detail=none, columnsize=0, "
    "tokenize='trigram case_sensitive 1')"
)
QUEUE_ALL = f"INSERT OR IGNORE INTO {PENDING}(segment_id) SELECT id FROM segments"


def install(conn: Connection) -> None:
    """Create the index, its entries, queue and triggers where missing, and queue every segment."""
    conn.exec_driver_sql(CREATE_INDEX)
    # AUTOINCREMENT: an entry id is never handed out twice, as dead tokens may still carry it.
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {ENTRIES} (entry_id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "segment_id INTEGER NOT NULL UNIQUE, effective_text TEXT NOT NULL)"
    )
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {PENDING} (segment_id INTEGER PRIMARY KEY)")
    for name, body in TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    conn.exec_driver_sql(QUEUE_ALL)


def uninstall(conn: Connection) -> None:
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for table in (PENDING, ENTRIES, INDEX):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def start_afresh_if_most_is_queued(conn: Connection) -> None:
    """Empty the index when at least half of it is queued again anyway: nothing dead is left behind.

    Only a segment queued while it holds an entry leaves dead tokens; counting those (not every
    queued segment) keeps a build that was stopped half way (cancelled, or run a slice at a
    time while the app is idle) from starting over each time it goes on."""
    queued = conn.exec_driver_sql(f"SELECT count(*) FROM {PENDING}").scalar_one()
    if queued < CHUNK:
        return
    requeued = conn.exec_driver_sql(f"SELECT count(*) FROM {PENDING} JOIN {ENTRIES} USING (segment_id)").scalar_one()
    live = conn.exec_driver_sql(f"SELECT count(*) FROM {ENTRIES}").scalar_one()
    if requeued and requeued * 2 >= live:
        conn.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('delete-all')")
        conn.exec_driver_sql(f"DELETE FROM {ENTRIES}")
        conn.exec_driver_sql(QUEUE_ALL)


def index_queued(conn: Connection, entries_of: Callable[[Iterable[Sequence[Any]]], list[Entry]], size: int | None = None) -> int:
    """Index up to `size` (CHUNK) queued segments (and their neighbours) and take them off the queue; returns how many."""
    # In id order: a build with workers reads the next chunks ahead in that order (search_workers).
    ids = next_queued(conn, 0, size or CHUNK)  # ids start at 1
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    entries = entries_of(neighbourhood(conn, ids))
    gone = sorted({*ids, *(entry[0] for entry in entries)})
    conn.exec_driver_sql(f"DELETE FROM {ENTRIES} WHERE segment_id IN ({','.join('?' * len(gone))})", tuple(gone))
    if entries:
        # Every index row's id came from the entries' sequence, which never goes back (AUTOINCREMENT),
        # even when entries are deleted: a dead row's id is never reused.
        last = conn.exec_driver_sql(f"SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{ENTRIES}'), 0)").scalar_one()
        numbered = [(last + n, entry) for n, entry in enumerate(entries, 1)]
        conn.exec_driver_sql(
            f"INSERT INTO {ENTRIES}(entry_id, segment_id, effective_text) VALUES (?, ?, ?)",
            [(entry_id, segment_id, shown) for entry_id, (segment_id, _, _, shown) in numbered],
        )
        conn.exec_driver_sql(
            f"INSERT INTO {INDEX}(rowid, tokens) VALUES (?, ?)",
            [(entry_id, " ".join([*raw, *effective])) for entry_id, (_, raw, effective, _) in numbered],
        )
    conn.exec_driver_sql(f"DELETE FROM {PENDING} WHERE segment_id IN ({marks})", tuple(ids))
    return len(ids)


def next_queued(conn: Connection, after: int, size: int) -> list[int]:
    """Up to `size` queued segment ids after `after`, in order (as `index_queued` picks them)."""
    found = conn.exec_driver_sql(f"SELECT segment_id FROM {PENDING} WHERE segment_id > ? ORDER BY segment_id LIMIT ?", (after, size))
    return list(found.scalars().all())


def neighbourhood(conn: Connection, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The rows `NEIGHBOURHOOD` picks for the segments `ids`, read a run of positions at a time.

    The same rows in the same order as that query, which joins every segment with the chosen
    ones and groups them: a third of a build's reading, twice per chunk with workers (read
    ahead, then again to check). Here the chosen segments' places are read, cut into runs
    whose reach (two either side) touches, and each run's rows read by the index on
    (transcript, position); the distance to the nearest chosen segment is found by bisection.
    """
    raw = conn.connection.driver_connection
    assert raw is not None
    places: dict[int, list[int]] = {}
    for part in chunks(ids):
        found = raw.execute(f"SELECT transcript_id, position FROM segments WHERE id IN ({','.join('?' * len(part))})", part)
        for transcript_id, position in found:
            places.setdefault(transcript_id, []).append(position)
    rows: list[tuple[Any, ...]] = []
    for transcript_id in sorted(places):
        chosen = sorted(places[transcript_id])
        first = last = chosen[0]
        for position in [*chosen[1:], None]:
            if position is not None and position - last <= 2 * REACH + 1:
                last = position
                continue
            for row in raw.execute(_RUN_OF_ROWS, (transcript_id, first - REACH, last + REACH)):
                at = bisect_left(chosen, row[5])
                distance = min(abs(row[5] - chosen[i]) for i in (at - 1, at) if 0 <= i < len(chosen))
                rows.append((*row, distance))
            if position is not None:
                first = last = position
    return rows


_RUN_OF_ROWS = (
    "SELECT id, transcript_id, kind, raw, correction, position FROM segments "
    "WHERE transcript_id = ? AND position BETWEEN ? AND ? ORDER BY position"
)


def candidate_chunk(
    conn: Connection, match: str, after: int, chunk: int, transcript_id: int | None
) -> tuple[list[Sequence[Any]], int | None]:
    """(candidates after entry `after`, in index order, as search reads them; the entry to go on from, None at the end).

    A candidate is (segment id, raw, effective text, transcript id, position, title).
    The chunk is read in rowid order: FTS5 stops after it, however many rows match. No rank:
    bm25 reads every match of a term (its document frequency), which grows with the library.
    """
    found = conn.exec_driver_sql(
        f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH ? AND rowid > ? ORDER BY rowid LIMIT {chunk}", (match, after)
    ).scalars().all()
    if not found:
        return [], None
    scope = "AND s.transcript_id = ?" if transcript_id is not None else ""
    rows = list(conn.exec_driver_sql(
        f"SELECT e.entry_id, e.segment_id, s.raw, e.effective_text, s.transcript_id, s.position, t.title "
        f"FROM {ENTRIES} e JOIN segments s ON s.id = e.segment_id JOIN transcripts t ON t.id = s.transcript_id "
        f"WHERE e.entry_id IN ({','.join('?' * len(found))}) {scope} ORDER BY e.entry_id",
        (*found, *(() if transcript_id is None else (transcript_id,))),
    ))
    return [row[1:] for row in rows], (found[-1] if len(found) == chunk else None)


def candidate_ids(conn: Connection, match: str, after: int, chunk: int) -> tuple[list[tuple[int, int]], int | None]:
    """([(entry id, segment id)] after entry `after`, in index order; the entry to go on from, None at the end)."""
    found = conn.exec_driver_sql(
        f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH ? AND rowid > ? ORDER BY rowid LIMIT {chunk}", (match, after)
    ).scalars().all()
    if not found:
        return [], None
    pairs = conn.exec_driver_sql(
        f"SELECT entry_id, segment_id FROM {ENTRIES} WHERE entry_id IN ({','.join('?' * len(found))}) ORDER BY entry_id", tuple(found)
    ).all()
    return [(e, s) for e, s in pairs], (found[-1] if len(found) == chunk else None)
