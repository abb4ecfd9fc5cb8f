"""Find and replace-all over the texts the reader shows, and undoing a replace-all.

Apart from edits.py (corrections, split, merge), whose conventions it keeps:
each function runs in its own transaction and returns what its undo needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any, TypeVar

import regex as regex_module
from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.core.errors import UserError
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.edits import TextOf, stored_texts, where, write_correction
from reader.core.library.models import Segment
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import segment_row, transcript_in

# Python's own `re` cannot be interrupted, so a pattern that backtracks without
# end (`(a|aa)+$`) would hang the app; the `regex` module takes a time limit.
MATCH_TIMEOUT_S = 1.0

_T = TypeVar("_T")


@dataclass(frozen=True)
class Match:
    """`start`/`end` are offsets in the searched text (see `find`'s `text_of`)."""

    segment_id: int
    transcript_id: int
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class BatchItem:
    segment_id: int
    transcript_id: int
    position: int
    old: str | None
    new: str | None


@dataclass(frozen=True)
class BatchChange:
    """Corrections changed together (replace-all): undone and redone as one step."""

    items: tuple[BatchItem, ...]
    origin: str = "replace-all"

    @property
    def segment_ids(self) -> frozenset[int]:
        return frozenset(item.segment_id for item in self.items)

    @property
    def transcript_ids(self) -> frozenset[int]:
        return frozenset(item.transcript_id for item in self.items)

    @property
    def changes(self) -> OpChanges:
        return OpChanges(self.transcript_ids, self.segment_ids)


def compile_pattern(pattern: str, *, is_regex: bool = False, case_sensitive: bool = False) -> regex_module.Pattern:
    """A search pattern, literal unless `is_regex`; `UserError` for an empty or broken one."""
    if not pattern:
        raise UserError("search", "the pattern is empty")
    flags = regex_module.VERSION0 | (0 if case_sensitive else regex_module.IGNORECASE)
    try:
        compiled = regex_module.compile(pattern if is_regex else regex_module.escape(pattern), flags)
    except regex_module.error as exc:
        raise UserError("pattern {pattern!r}", "not a valid regular expression: {error}", pattern=pattern, error=exc) from None
    if timed(pattern, compiled.fullmatch, "") is not None:
        raise UserError("pattern {pattern!r}", "matches empty text, that is between every two characters", pattern=pattern)
    return compiled


def timed(pattern: str, call: Callable[..., _T], *args: Any) -> _T:
    try:
        return call(*args, timeout=MATCH_TIMEOUT_S)
    except TimeoutError:
        raise UserError(
            "pattern {pattern!r}", "takes too long to match (a regular expression like (a|aa)+ backtracks without end)", pattern=pattern
        ) from None


def matches_in(pattern: str, compiled: Any, text: str) -> list[Any]:
    """The matches of `compiled` (of `pattern`) in `text`, under the time limit."""
    return timed(pattern, lambda s, timeout: list(compiled.finditer(s, timeout=timeout)), text)


def replacer(pattern: str, replacement: str, compiled: Any, *, regex: bool) -> Callable[[str], str]:
    """What replace-all makes of a text: with `regex` the replacement may name groups, else it is literal."""
    template = replacement if regex else (lambda _match: replacement)

    def replace(text: str) -> str:
        try:
            replaced: str = timed(pattern, compiled.sub, template, text)
            return replaced
        except (regex_module.error, IndexError) as exc:
            raise UserError(
                "replacement {replacement!r}", "does not fit the pattern: {error}", replacement=replacement, error=exc,
            ) from None

    return replace


def _searched(session: Session, transcript_id: int | None, text_of: TextOf) -> Iterator[tuple[Segment, str]]:
    """Every text segment (of one transcript or all) with its text, in order. The texts are made a
    transcript at a time with the images in place, as the reader reads a segment between its neighbours."""
    query = select(Segment).order_by(Segment.transcript_id, Segment.position)
    if transcript_id is not None:
        transcript_in(session, transcript_id)
        query = query.where(Segment.transcript_id == transcript_id)
    for _transcript, group in groupby(session.scalars(query), key=lambda s: s.transcript_id):
        segments = list(group)
        for segment, text in zip(segments, text_of(segments), strict=True):
            if segment.kind != SegmentKind.IMAGE:
                yield segment, text


def find(
    lib: Library,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    transcript_id: int | None = None,
    text_of: TextOf | None = None,
) -> list[Match]:
    """Every match of `pattern` in the library's (or one transcript's) text segments, in order.

    `text_of(segments)` gives the texts searched, a transcript at a time, and is
    called inside the read transaction; the UI passes the texts the reader shows
    (correction, else cleaned). The default is the correction, else the raw text. Images are
    not searched. `UserError` for an empty, broken or runaway pattern.
    """
    compiled = compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive)
    found = []
    with lib.read() as session:
        for segment, text in _searched(session, transcript_id, text_of or stored_texts):
            for m in matches_in(pattern, compiled, text):
                found.append(Match(segment.id, segment.transcript_id, segment.position, m.start(), m.end()))
    return found


def replace_all(
    lib: Library,
    pattern: str,
    replacement: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    transcript_id: int | None = None,
    text_of: TextOf | None = None,
    author: str | None = None,
) -> BatchChange:
    """Replace every match in one transaction: all segments change, or none do.

    Each changed segment gets the replaced text as its correction, with a
    revision of origin "replace-all". With `regex`, the replacement may name
    groups (`\\1`, `\\g<name>`); otherwise it is taken literally. `text_of` is
    as in `find`: the text that is searched and replaced. A segment whose
    text is replaced by nothing gets no correction, like a blank one typed.
    """
    replace = replacer(pattern, replacement, compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive), regex=regex)
    items = []
    with lib.write() as session:
        # Read whole before the first write: a replaced text may change what its neighbours show.
        for segment, before in list(_searched(session, transcript_id, text_of or stored_texts)):
            after = replace(before)
            if after == before:
                continue
            change = write_correction(session, segment, after if after.strip() else None, "replace-all", author)
            if change.changed:
                items.append(BatchItem(change.segment_id, change.transcript_id, change.position, change.old, change.new))
    return BatchChange(tuple(items))


def apply_batch(lib: Library, batch: BatchChange, reverse: bool = False, author: str | None = None) -> None:
    """Redo (or with `reverse`, undo) a batch of corrections in one transaction.

    Refuses, changing nothing, if a segment's correction is no longer what the
    batch left (or found), so an undo never overwrites someone's later edit.
    """
    origin = f"undo {batch.origin}" if reverse else batch.origin
    with lib.write() as session:
        segments = {s.id: s for s in session.scalars(select(Segment).where(Segment.id.in_(batch.segment_ids)))}
        for item in batch.items:
            expected, wanted = (item.new, item.old) if reverse else (item.old, item.new)
            segment = segments.get(item.segment_id) or segment_row(session, item.segment_id)
            if segment.correction != expected:
                raise UserError(where(segment), "was changed since; this step can no longer be applied")
            write_correction(session, segment, wanted, origin, author)
