"""Full-text search over every segment of the library.

Index: an SQLite FTS5 table (`search_sqlite.py` says how it is stored), one
entry per segment, over the raw text and the effective text (the correction, else the cleaned text
under the default stages and the transcript's rules). Both are folded first
(simplified script, NFKC, lower case, see `fold`) and cut into tokens without
a dictionary: every Chinese character, every two consecutive Chinese
characters (so a query of any length is the bigrams it must hold, the way
CJK search engines index), and each run of letters or digits (SQLite indexes
letters and digits as it does Chinese, each and each two: `index_text`). No
segmenter runs while indexing, so the index builds about as fast as the text is
cleaned; jieba's words cut a query differently from a text in context, where
bigrams cannot. The effective text itself sits beside the tokens, unindexed:
every candidate is folded and checked, so a hit really contains what was
typed, and its snippet shows where.

Order: candidates are read in index order (import order) a chunk at a time
(`CANDIDATE_CHUNK`), so a query matching half the library costs what a rare
one does. SQLite keeps no positions or frequencies (`search_sqlite.py`), so
there is nothing to rank by; PostgreSQL ranks within each chunk, the
effective text's tokens above the raw text's.

Keeping in step: SQL triggers, not calls from each operation, because the
importer bulk-inserts and split/merge renumber and replace rows with bulk
statements that bypass ORM events. A trigger queues a segment in
`search_pending` when it is inserted or its raw text, correction or kind
changes, and when a rule that applies to it changes (its uncorrected
segments, in the rule's scope); deleting a segment (a transcript's cascade
too) removes its entry at once. `update_index` folds, cleans and cuts the queued
segments; `search` runs it first, so a correction saved a moment ago is found
at once, and the GUI calls it in the background after imports and rule
changes so that the next search has nothing left to do.

On PostgreSQL the same tokens go into a `tsvector` with a GIN index, kept
by the same kind of queue and triggers (`search_pg.py`); these functions
dispatch to it, so callers never ask which database they have. The triggers live in the database, so a later migration that
copies the `segments` or `rules` table (Alembic batch mode) drops them:
`update_index` notices and puts them back, queueing every segment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, text

from reader.core.errors import UserError
from reader.core.kinds import SegmentKind
from reader.core.library import search_pg, search_sqlite, search_workers
from reader.core.library.db import Library
from reader.core.library.models import Setting
from reader.core.library.queries import transcript_in
from reader.core.library.rules import text_rules
from reader.core.library.search_tables import PENDING, Entry, Tokenize
from reader.core.text import Cleaner, cleaning_fingerprint, shown
from reader.core.text import script as scripts

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

MAX_QUERY_CHARS = 200
DEFAULT_LIMIT = 50
SNIPPET_CONTEXT = 24
TRIGGER_NAMES = tuple(search_sqlite.TRIGGERS)
# The cleaning the index was last built with (`cleaning_fingerprint`) and `TOKENS`.
CLEANING_KEY = "search_cleaning"
# The tokens' version: a library indexed with other tokens is indexed again. PostgreSQL's
# did not change when SQLite's became trigrams.
TOKENS = "trigrams-1"
POSTGRES_TOKENS = "bigrams-1"
# Candidates read together (see the module's docstring): enough for a page of hits, few
# enough that their texts are read and checked in a few milliseconds.
CANDIDATE_CHUNK = 200


def install_sqlite(conn: Connection) -> None:
    """Create the index, its queue and triggers where missing, and queue every segment.

    Called by the migration that introduced search and whenever a trigger is found missing.
    """
    search_sqlite.install(conn)


# ----------------------------------------------------------------- folding and tokens


def _fold_char(char: str) -> str:
    if unicodedata.category(char) == "Cc":
        return " "
    folded = unicodedata.normalize("NFKC", char).casefold()
    # One character for one: offsets in the folded text are offsets in the original.
    return folded if len(folded) == 1 else char


class _CharFolds(dict[int, str]):
    """`_fold_char` by code point, for `str.translate`: each character is worked out once, then
    looked up in C (the per-character Python call was a fifth of an index build's own work)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 1 << 16:  # bounded: a text of every code point cannot grow it without end
            self[code] = folded
        return folded


_CHAR_FOLDS = _CharFolds()
_SURROGATE = re.compile("[\ud800-\udfff]")


def fold(text: str) -> str:
    """`text` as the index sees it: simplified, full-width forms narrowed, lower case; same length."""
    try:
        simplified: str = scripts.converter("simplified").convert(text)
    except UnicodeEncodeError:  # a lone surrogate (bytes that were not UTF-8, on the command line)
        text = _SURROGATE.sub("\ufffd", text)
        simplified = scripts.converter("simplified").convert(text)
    if len(simplified) != len(text):
        simplified = text
    return simplified.translate(_CHAR_FOLDS)


_HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# A run of Chinese characters, or of other letters and digits.
RUN = re.compile(f"[{_HAN}]+|[^\\W{_HAN}_]+")


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0003ffff"


def _has_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


def tokens(folded: str) -> list[str]:
    """What the index stores for a folded text: each Chinese character and each two
    consecutive ones, and each run of other letters or digits."""
    found: list[str] = []
    for run in RUN.findall(folded):
        if _is_han(run[0]):
            found += run
            found += map(str.__add__, run, run[1:])
        else:
            found.append(run)
    return found


# Where a text may be cut into pieces before folding: characters that separate words both before
# and after `fold` (full-width punctuation folds to ASCII punctuation, still no word).
_PIECE_BREAK = re.compile(r"[\s,.?!;:，。？！、；：…]+")
# Not a word character, and not in the Chinese ranges either: `RUN` takes a character there as
# Chinese (hexagram symbols, code points newer than this Python's Unicode), and so must the index.
_NOT_WORD = re.compile(f"(?:[^\\w{_HAN}]|_)+")
# Put beside every character of the SQLite index's text, so that FTS5's trigram tokenizer
# sees each character and each two consecutive ones as a trigram of their own; `fold` turns
# control characters into spaces, so no text holds it.
MARK = "\x01"


def index_text(raw: str, effective: str) -> str:
    """The SQLite index's text for a segment (see `search_sqlite.py`): its raw and effective text,
    a piece each that the two do not share, folded, every run of word characters
    written with `MARK` before and after each character.

    FTS5's trigram tokenizer then indexes `MARK c MARK` for each character c and `a MARK b` for
    each two consecutive a, b in a run (the tokens `tokens` makes), in C: the index build
    makes no Python string per token. The effective text mostly repeats the raw text, and
    a piece the raw text has already is left out before folding.
    """
    pieces = dict.fromkeys(_PIECE_BREAK.split(raw + "\n" + effective))
    words = _NOT_WORD.sub(" ", fold("\n".join(pieces)))
    return MARK + MARK.join(words) + MARK


def index_terms(tokens_: Iterable[str]) -> list[str]:
    """The SQLite index's terms for `tokens` (or `query_tokens`) of a folded text: a text holding
    the tokens holds these terms (`index_text`). A run of letters is the pairs in it."""
    terms: list[str] = []
    for token in tokens_:
        if len(token) == 1:
            terms.append(MARK + token + MARK)
        else:
            terms += [a + MARK + b for a, b in pairwise(token)]
    return terms


def query_tokens(part: str) -> tuple[list[str], list[str]]:
    """(tokens a hit must hold, prefixes one of its tokens must start with) for a folded query part."""
    words: list[str] = []
    prefixes: list[str] = []
    for run in RUN.findall(part):
        if not _is_han(run[0]):
            # PostgreSQL keeps a run of letters as one token: "open" finds "openai" as its prefix.
            # SQLite asks for the run's pairs (`index_terms`): "gpt" finds "igpt" too.
            prefixes.append(run)
        elif len(run) == 1:
            words.append(run)
        else:
            words += map(str.__add__, run, run[1:])
    return words, prefixes


# ----------------------------------------------------------------- keeping the index


def pending_count(lib: Library) -> int:
    with lib.read() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {PENDING}")).scalar_one())


def update_index(lib: Library, progress: Progress | None = None, cancel: Cancel | None = None, workers: bool = True) -> int:
    """Index the queued segments, a few thousand per transaction; returns how many.

    Cancelling stops between transactions; what is left stays queued. A large queue on
    SQLite or PostgreSQL is cleaned by worker processes on the other cores while this one writes
    (`search_workers`), unless `workers` is False (the app's idle catch-up, a slice at a time).
    Cleans (with jieba): in the GUI, run it on the lane that owns the segmenter.
    A library that cannot be written (read-only, damaged) is searched as indexed.
    """
    if lib.read_only or lib.damage is not None:
        return 0
    if lib.is_sqlite:
        _repair_triggers(lib)
        index_queued = search_sqlite.index_queued
    else:
        index_queued = search_pg.index_queued
    _requeue_if_cleaning_changed(lib)
    if lib.is_sqlite:
        with lib.write() as session:
            search_sqlite.start_afresh_if_most_is_queued(session.connection())
    total = pending_count(lib)
    done = 0
    cleaners: dict[int, Cleaner] = {}
    if workers and total >= search_workers.PARALLEL_MIN:
        done = search_workers.index_in_parallel(
            lib, cleaners, lambda rows: _entries(lib, cleaners, rows), _tokenize(lib), total, progress, cancel
        )
    while total:
        if cancel is not None and cancel():
            break
        with lib.write() as session:
            indexed = index_queued(session.connection(), lambda rows: _entries(lib, cleaners, rows))
        if not indexed:
            break
        done += indexed
        if progress is not None:
            progress(min(done, total), total)
    return done


def _entries(lib: Library, cleaners: dict[int, Cleaner], rows: Iterable[Sequence[Any]]) -> list[Entry]:
    """The index entries of the segments `NEIGHBOURHOOD` picked (a distance of at most one from a
    queued segment), each as the reader shows it between its neighbours; images get none.

    `cleaners` caches one cleaner per transcript across calls.
    """
    rows = list(rows)
    for transcript_id in {row[1] for row in rows} - cleaners.keys():
        cleaners[transcript_id] = Cleaner(rules=text_rules(lib, transcript_id))
    return entries_from(cleaners, rows, _tokenize(lib))


def _tokenize(lib: Library) -> Tokenize:
    return sqlite_tokens if lib.is_sqlite else postgres_tokens


def sqlite_tokens(raw: str, effective: str) -> tuple[list[str], list[str]]:
    """An entry's tokens for SQLite, whose index keeps one column: all of them in one string."""
    return [index_text(raw, effective)], []


def postgres_tokens(raw: str, effective: str) -> tuple[list[str], list[str]]:
    """An entry's tokens for PostgreSQL, which weighs the effective text's above the raw text's."""
    return tokens(fold(raw)), tokens(fold(effective))


def entries_from(cleaners: dict[int, Cleaner], rows: Iterable[Sequence[Any]], tokenize: Tokenize) -> list[Entry]:
    """`_entries` with every transcript's cleaner given: no library is read (a worker process runs it)."""
    entries = []
    for run in neighbour_runs([_Row(*row) for row in rows]):
        cleaner = cleaners[run[0].transcript_id]
        for row, seen in zip(run, shown.shown_run(run, cleaner), strict=True):
            if row.distance <= 1 and row.kind != SegmentKind.IMAGE:
                entries.append((row.id, *tokenize(row.raw, seen.text), seen.text))
    return entries


@dataclass(frozen=True)
class _Row:
    id: int
    transcript_id: int
    kind: str
    raw: str
    correction: str | None
    position: int
    distance: int  # from the nearest queued segment


class _Placed(Protocol):
    @property
    def transcript_id(self) -> int: ...
    @property
    def position(self) -> int: ...


PlacedT = TypeVar("PlacedT", bound=_Placed)


def neighbour_runs(rows: Sequence[PlacedT]) -> list[list[PlacedT]]:
    """Rows (in transcript and position order) cut where they stop being neighbours."""
    runs: list[list[PlacedT]] = []
    for row in rows:
        last = runs[-1][-1] if runs else None
        if last is not None and last.transcript_id == row.transcript_id and last.position + 1 == row.position:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _repair_triggers(lib: Library) -> None:
    with lib.read() as session:
        present = set(
            session.connection().exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'").scalars()
        )
    if present >= search_sqlite.TRIGGERS.keys():
        return
    with lib.write() as session:
        install_sqlite(session.connection())


def _queue_all(lib: Library) -> str:
    return search_sqlite.QUEUE_ALL if lib.is_sqlite else search_pg.QUEUE_ALL


def _requeue_if_cleaning_changed(lib: Library) -> None:
    """The index holds effective text as it was cleaned; a new version of the cleaning
    (an upgrade) would leave it stale, so then every segment is indexed again."""
    now = f"{cleaning_fingerprint()} {TOKENS if lib.is_sqlite else POSTGRES_TOKENS}"
    with lib.read() as session:
        stored = session.get(Setting, CLEANING_KEY)
        if stored is not None and stored.value == now:
            return
    with lib.write() as session:
        session.connection().exec_driver_sql(_queue_all(lib))
        session.merge(Setting(key=CLEANING_KEY, value=now))


def rebuild_index(lib: Library, progress: Progress | None = None, cancel: Cancel | None = None) -> int:
    """Queue every segment again and index them all."""
    with lib.write() as session:
        session.connection().exec_driver_sql(_queue_all(lib))
    return update_index(lib, progress, cancel)


# ----------------------------------------------------------------- searching


@dataclass(frozen=True)
class SearchHit:
    transcript_id: int
    title: str
    segment_id: int
    position: int
    # Where the hit is: "effective" (what the reader shows) or "raw", and its span in
    # that text (`fold` keeps offsets, so they hold in the original).
    column: str
    start: int
    end: int
    snippet: str
    # The hit's span inside `snippet`.
    snippet_start: int
    snippet_end: int


@dataclass(frozen=True)
class _Query:
    parts: tuple[str, ...]
    # Index tokens a hit must all hold (characters and bigrams), and runs of letters (PostgreSQL:
    # prefixes of its tokens; SQLite: the pairs in them).
    words: tuple[str, ...]
    prefixes: tuple[str, ...] = ()


def _quoted(terms: Iterable[str]) -> str:
    """An FTS5 expression: every term a quoted string, all required. Nothing the user types is syntax."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms))


def query_parts(query: str) -> tuple[str, ...]:
    """The folded, whitespace-separated parts of a query that a hit must all hold.

    `UserError` for a query with nothing to look for or too long.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise UserError("search", "the query is too long ({length} characters; at most {limit})", length=len(query), limit=MAX_QUERY_CHARS)
    parts = tuple(dict.fromkeys(p for p in fold(query).split() if _has_word(p)))
    if not parts:
        raise UserError("search", "nothing to search for: type a word, a name or a few characters")
    return parts


def parse_query(query: str) -> _Query:
    """The index tokens for a query (see `query_parts`)."""
    parts = query_parts(query)
    words: list[str] = []
    prefixes: list[str] = []
    for part in parts:
        found, starts = query_tokens(part)
        words += found
        prefixes += starts
    return _Query(parts, tuple(dict.fromkeys(words)), tuple(dict.fromkeys(prefixes)))


def match_expression(lib: Library, tokens_: Iterable[str], prefixes: Iterable[str] = ()) -> str:
    """The index query (FTS5 or tsquery) for segments holding every token and a token starting with each prefix."""
    if lib.is_sqlite:
        return _quoted(index_terms([*tokens_, *prefixes]))
    return search_pg.tsquery(tokens_, prefixes)


def candidates(
    lib: Library, tokens_: Sequence[str], prefixes: Sequence[str] = (), transcript_id: int | None = None
) -> Iterator[Sequence[Any]]:
    """Every segment the index says may hold the tokens, CANDIDATE_CHUNK at a time in index order
    (PostgreSQL: the best of each chunk first): (segment id, raw, effective text, transcript id, position, title).

    Each chunk is read in its own short read transaction, so a caller may stop at any point.
    """
    match = match_expression(lib, tokens_, prefixes)
    # One transcript's candidates are a small part of the library's: read more at a time.
    chunk = CANDIDATE_CHUNK if transcript_id is None else CANDIDATE_CHUNK * 25
    after: int | None = 0
    while after is not None:
        with lib.read() as session:
            if lib.is_sqlite:
                rows, after = search_sqlite.candidate_chunk(session.connection(), match, after, chunk, transcript_id)
            else:
                rows, after = search_pg.candidate_chunk(session.connection(), match, after, chunk, transcript_id)
        yield from rows


def candidate_ids(lib: Library, match: str, after: int, chunk: int) -> tuple[list[tuple[int, int]], int | None]:
    """([(place in the index, segment id)] of segments that may match `match` after place `after`,
    in index order; the place to go on from, None at the end)."""
    with lib.read() as session:
        if lib.is_sqlite:
            return search_sqlite.candidate_ids(session.connection(), match, after, chunk)
        return search_pg.candidate_ids(session.connection(), match, after, chunk)


def search(
    lib: Library, query: str, transcript_id: int | None = None, limit: int = DEFAULT_LIMIT, progress: Progress | None = None
) -> list[SearchHit]:
    """Segments holding every whitespace-separated part of `query`, at most `limit`, in
    index order (see the module's docstring).

    Traditional and simplified script, full and half width, upper and lower case
    all match each other. Any text is a safe query: `UserError` explains an
    empty or overlong one. Brings the index up to date first (`progress` reports
    on that, when there is much to index, e.g. after a large import).
    """
    if limit < 1:
        raise UserError("limit {limit}", "must be at least 1", limit=limit)
    parsed = parse_query(query)
    if transcript_id is not None:
        with lib.read() as session:
            transcript_in(session, transcript_id)
    update_index(lib, progress)
    hits: list[SearchHit] = []
    for row in candidates(lib, parsed.words, parsed.prefixes, transcript_id):
        hit = _verified(row, parsed.parts)
        if hit is not None:
            hits.append(hit)
            if len(hits) == limit:
                break
    return hits


def _verified(row: Sequence[Any], parts: tuple[str, ...]) -> SearchHit | None:
    segment_id, raw, effective, transcript_id, position, title = row
    for column, text_ in (("effective", effective), ("raw", raw)):
        folded = fold(text_)
        spans = [(i, i + len(p)) for p in parts if (i := folded.find(p)) >= 0]
        if len(spans) < len(parts):
            continue
        start, end = min(spans)
        snippet, snippet_start = _snippet(text_, start, end)
        return SearchHit(
            transcript_id, title, segment_id, position, column, start, end, snippet, snippet_start, snippet_start + end - start
        )
    return None


def _snippet(text_: str, start: int, end: int) -> tuple[str, int]:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text_), end + SNIPPET_CONTEXT)
    prefix = "…" if left else ""
    snippet = prefix + text_[left:right] + ("…" if right < len(text_) else "")
    return " ".join(snippet.split("\n")), len(prefix) + start - left


def find_spans(text_: str, query: str) -> list[tuple[int, int]]:
    """Where the parts of `query` occur in `text_`, matched as search matches them, in order.

    For the views: highlight a hit in the raw and the cleaned column alike.
    """
    try:
        parts = query_parts(query)
    except UserError:
        return []
    folded = fold(text_)
    spans = []
    for part in parts:
        start = folded.find(part)
        while start >= 0:
            spans.append((start, start + len(part)))
            start = folded.find(part, start + len(part))
    return sorted(spans)
