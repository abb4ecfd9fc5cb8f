"""Whole-library find a page at a time: the search index picks the segments, the pattern decides.

`replacing.find` reads every segment of the library and asks for its text (the
reader's cleaned text, which the UI cleans), which took tens of seconds on a
large library. Here a literal pattern's index tokens (`search.tokens`: its
characters, bigrams and runs of letters) give the candidates, in index
order; only they are read, with their neighbours (what the reader shows for a
segment depends on them), handed to `text_of` and matched exactly, so a page
costs what its candidates cost. A page ends after `limit` matches (the segment
holding the last one finishes), with a `FindCursor` to go on from.

The index holds the raw text and the text under the default cleaning, folded;
the text the view searches is one of the two, or the raw text with only some
stages applied, whose characters and neighbouring pairs come from one of them.
A pattern with no token to look for (a regular expression, punctuation only,
a fragment of a Latin word at both ends) is matched against every segment in
library order instead, a whole transcript at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from reader.core.kinds import SegmentKind
from reader.core.library import search
from reader.core.library.db import Library
from reader.core.library.edits import TextOf, stored_texts
from reader.core.library.models import Segment, Transcript
from reader.core.library.replacing import Match, compile_pattern, matches_in, replacer
from reader.core.library.search_tables import PENDING

DEFAULT_PAGE = 100
# Candidates read and matched together.
_BATCH = 200


@dataclass(frozen=True)
class FindCursor:
    """Where the next page starts: among the segments queued for the index, after this segment id
    (None: past them), then after this place in the index; or at this transcript id (scan)."""

    after_queued: int | None = 0
    after_place: int = 0
    from_transcript: int = 0


@dataclass(frozen=True)
class Found:
    match: Match
    text: str  # the text searched (what `text_of` gave), where match.start/end point
    correction: str | None  # the segment's correction when read, for a replacement's conflict check


@dataclass(frozen=True)
class FindPage:
    found: tuple[Found, ...]
    # None: there is nothing more to find.
    next: FindCursor | None
    used_index: bool

    @property
    def matches(self) -> list[Match]:
        return [f.match for f in self.found]


@dataclass(frozen=True)
class Preview:
    """What replace-all would make of one segment's text."""

    segment_id: int
    transcript_id: int
    position: int
    before: str
    after: str


@dataclass(frozen=True)
class PreviewPage:
    previews: tuple[Preview, ...]
    next: FindCursor | None


# Forms of a pattern, each as (tokens, prefixes): a text holding the pattern holds one form's all.
Alternatives = list[tuple[list[str], list[str]]]


def index_query(pattern: str, regex: bool) -> Alternatives | None:
    """What the index is asked for a literal pattern; None when the index cannot narrow it down.

    The folded pattern and the pattern only lower-cased: script folding converts phrases,
    so a pattern may fold unlike the same characters inside a text."""
    if regex:
        return None
    alternatives: Alternatives = []
    for form in dict.fromkeys((search.fold(pattern), pattern.casefold())):
        words, prefixes = _tokens(form)
        if not words and not prefixes:
            return None  # this form could be anywhere
        alternatives.append((words, prefixes))
    return alternatives


def _tokens(pattern: str) -> tuple[list[str], list[str]]:
    """Tokens every text holding `pattern` holds, and prefixes of its tokens.

    A run of letters or digits touching the pattern's start may be the end of a longer
    token, so it says nothing; one touching only its end is a token's beginning. (So on
    PostgreSQL, whose tokens are whole runs; SQLite asks for the pairs in each run, which a
    run touching the start holds too, but this is kept the same for both.)
    """
    words: list[str] = []
    prefixes: list[str] = []
    for run in search.RUN.finditer(pattern):
        found, _ = search.query_tokens(run.group())
        if found:
            words += found
        elif run.start() == 0:
            continue
        elif run.end() == len(pattern):
            prefixes.append(run.group())
        else:
            words.append(run.group())
    return words, prefixes


def _match(lib: Library, alternatives: Alternatives) -> str:
    parts = [search.match_expression(lib, words, prefixes) for words, prefixes in alternatives]
    if len(parts) == 1:
        return parts[0]
    return (" OR " if lib.is_sqlite else " | ").join(f"({p})" for p in parts)


def find_page(
    lib: Library,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    limit: int = DEFAULT_PAGE,
    cursor: FindCursor | None = None,
    text_of: TextOf | None = None,
    cancel: Callable[[], bool] | None = None,
) -> FindPage:
    """The next `limit` (or a few more) matches of `pattern` in the whole library, from `cursor`.

    `text_of` as in `replacing.find` (called in read transactions, on consecutive segments of one
    transcript). With the index: in index order (import order; a segment re-indexed after a
    change comes later); otherwise in library order. Only reads: the segments still queued for
    the index (a correction of a moment ago) are candidates too, checked first.
    `UserError` for an empty, broken or runaway pattern. `cancel()` is asked between batches: when it
    says yes the page ends early, with a cursor to go on from where it stopped (a find a newer one
    overtook stops at once, rather than reading the rest of a large library).
    """
    stop = cancel or (lambda: False)
    compiled = compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive)
    cursor = cursor or FindCursor()
    text_of = text_of or stored_texts
    query = index_query(pattern, regex)
    found: list[Found] = []
    if query is not None:
        if cursor.after_queued is not None:
            last_queued = cursor.after_queued
            for queued_ids in _queued_batches(lib, cursor.after_queued):
                if stop():
                    return FindPage(tuple(found), FindCursor(after_queued=last_queued), True)
                with lib.read() as session:
                    texts = _with_texts(session, queued_ids, text_of)
                for segment_id in queued_ids:
                    found += _matches_of(pattern, compiled, texts.get(segment_id))
                    if len(found) >= limit:
                        return FindPage(tuple(found), FindCursor(after_queued=segment_id), True)
                last_queued = queued_ids[-1]
        last_place = cursor.after_place
        for batch in _candidate_batches(lib, _match(lib, query), cursor.after_place):
            if stop():
                return FindPage(tuple(found), FindCursor(after_queued=None, after_place=last_place), True)
            with lib.read() as session:
                queued = _queued_among(session, [segment_id for _, segment_id in batch])
                texts = _with_texts(session, [segment_id for _, segment_id in batch if segment_id not in queued], text_of)
            for place, segment_id in batch:
                found += _matches_of(pattern, compiled, texts.get(segment_id))
                if len(found) >= limit:
                    return FindPage(tuple(found), FindCursor(after_queued=None, after_place=place), True)
            last_place = batch[-1][0]
        return FindPage(tuple(found), None, True)
    with lib.read() as session:
        transcripts = session.scalars(select(Transcript.id).where(Transcript.id >= cursor.from_transcript).order_by(Transcript.id)).all()
    for n, transcript_id in enumerate(transcripts):
        if stop():
            return FindPage(tuple(found), FindCursor(from_transcript=transcript_id), False)
        with lib.read() as session:
            # Not replacing._searched: a transcript deleted since the list above is skipped, not an error.
            segments = session.scalars(select(Segment).where(Segment.transcript_id == transcript_id).order_by(Segment.position)).all()
            for segment, text in zip(segments, text_of(segments), strict=True):
                if segment.kind != SegmentKind.IMAGE:
                    found += _matches(pattern, compiled, segment, text)
        if len(found) >= limit and n + 1 < len(transcripts):
            return FindPage(tuple(found), FindCursor(from_transcript=transcripts[n + 1]), False)
    return FindPage(tuple(found), None, False)


def find_all(
    lib: Library, pattern: str, *, regex: bool = False, case_sensitive: bool = False, text_of: TextOf | None = None
) -> list[Found]:
    """Every page of `find_page`, for callers that want them all at once."""
    found: list[Found] = []
    cursor: FindCursor | None = FindCursor()
    while cursor is not None:
        page = find_page(lib, pattern, regex=regex, case_sensitive=case_sensitive, cursor=cursor, text_of=text_of)
        found += page.found
        cursor = page.next
    return found


def replace_preview(
    lib: Library,
    pattern: str,
    replacement: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    limit: int = DEFAULT_PAGE,
    cursor: FindCursor | None = None,
    text_of: TextOf | None = None,
) -> PreviewPage:
    """What `replacing.replace_all` would write, a page of segments at a time (as `find_page`)."""
    replace = replacer(pattern, replacement, compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive), regex=regex)
    page = find_page(lib, pattern, regex=regex, case_sensitive=case_sensitive, limit=limit, cursor=cursor, text_of=text_of)
    previews = []
    for segment_id, group in groupby(page.found, key=lambda f: f.match.segment_id):
        first = next(group)
        previews.append(Preview(segment_id, first.match.transcript_id, first.match.position, first.text, replace(first.text)))
    return PreviewPage(tuple(previews), page.next)


def _queued_batches(lib: Library, after: int) -> Iterator[list[int]]:
    """Ids of the segments queued for the index (their entries may be out of date), after `after`, a batch at a time."""
    while True:
        with lib.read() as session:
            ids = list(
                session.connection().exec_driver_sql(
                    f"SELECT segment_id FROM {PENDING} WHERE segment_id > {int(after)} ORDER BY segment_id LIMIT {_BATCH}"
                ).scalars()
            )
        if ids:
            yield ids
        if len(ids) < _BATCH:
            return
        after = ids[-1]


def _queued_among(session: Session, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    marks = ",".join(str(int(i)) for i in ids)
    return set(session.connection().exec_driver_sql(f"SELECT segment_id FROM {PENDING} WHERE segment_id IN ({marks})").scalars())


def _candidate_batches(lib: Library, match: str, after: int) -> Iterator[list[tuple[int, int]]]:
    """[(place in the index, segment id)] of the segments the index says may match, after place `after`,
    in index order, a batch at a time."""
    place: int | None = after
    while place is not None:
        batch, place = search.candidate_ids(lib, match, place, _BATCH)
        if batch:
            yield batch


def _with_texts(session: Session, ids: Sequence[int], text_of: TextOf) -> dict[int, tuple[Segment, str]]:
    """{id: (segment, its text read between its neighbours)} of the segments `ids` that are text."""
    wanted = set(ids)
    chosen = aliased(Segment)
    rows = session.scalars(
        select(Segment)
        .join(
            chosen,
            and_(chosen.transcript_id == Segment.transcript_id, Segment.position.between(chosen.position - 1, chosen.position + 1)),
        )
        .where(chosen.id.in_(ids))
        .group_by(Segment.id)
        .order_by(Segment.transcript_id, Segment.position)
    ).all()
    texts: dict[int, tuple[Segment, str]] = {}
    for run in search.neighbour_runs(rows):
        for segment, text in zip(run, text_of(run), strict=True):
            if segment.id in wanted and segment.kind != SegmentKind.IMAGE:
                texts[segment.id] = (segment, text)
    return texts


def _matches_of(pattern: str, compiled: Any, read: tuple[Segment, str] | None) -> list[Found]:
    """The matches in a segment read by `_with_texts`; none for one it did not read (an image, a queued one)."""
    return [] if read is None else _matches(pattern, compiled, *read)


def _matches(pattern: str, compiled: Any, segment: Segment, text: str) -> list[Found]:
    hits = matches_in(pattern, compiled, text)
    return [Found(Match(segment.id, segment.transcript_id, segment.position, m.start(), m.end()), text, segment.correction) for m in hits]
