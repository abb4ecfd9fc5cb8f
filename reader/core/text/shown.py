"""What the reader shows for a segment: the one definition the table, find and replace,
the search index, exports, `show --clean` and merge all use (rules: CLEANING.md).

- text: a person's correction, else the raw text cleaned by every stage that is on;
- mark (`(掌聲)`, `(笑声笑声)`, `(嗯)`): a correction, else the mark in the reader's
  script and otherwise as written. A mark is no speech: fillers, stutters and rules
  are for words said, so `(嗯)` stays `(嗯)` and `(笑聲笑聲)` becomes `(笑声笑声)`;
- image: its address as imported (`![](img/a.png)`). It is no text: nothing cleans,
  searches or corrects it; the app draws a placeholder in its place, and exports
  leave it out unless asked for.

A segment is read in its place, between its neighbours:
- the sentences stage reads the next segment's raw text (`next_raw_of`) to tell a
  chunk-final `。` that ends a sentence from one that cuts it ("" after the last);
- a speech segment no one corrected whose cleaned text only says again what the
  previous segment reads (its correction, else its cleaned text) is a recognizer's loop
  across the boundary: it shows nothing (`Shown.repeat`; the app writes "repeat of #N").
So a segment's shown text depends on the segment before it and the one after it, and
on nothing further away: `shown_run` reads consecutive segments together.

Here, inside `reader.core.text`, a change to these rules changes
`cleaning_fingerprint`, so text cleaned and stored elsewhere (the search index)
is cleaned again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.core.kinds import SegmentKind
from reader.core.text import loops
from reader.core.text.pipeline import Cleaned, Cleaner


class SegmentLike(Protocol):
    """What `shown_run` reads of a segment: a library row, a `SegmentRow`, an export row."""

    @property
    def kind(self) -> str: ...
    @property
    def raw(self) -> str: ...
    @property
    def correction(self) -> str | None: ...


@dataclass(frozen=True)
class Shown:
    """A segment as the reader sees it: `text` ("" for a repeat), the `cleaned` text it
    came from (None for a corrected segment), and whether it only repeats the previous one."""

    text: str
    cleaned: Cleaned | None = None
    repeat: bool = False


# (segment, what the sentences stage reads of the next one) -> its Cleaned; a view passes its cache.
CleanOf = Callable[[SegmentLike, "str | None"], Cleaned]


def automatic(kind: SegmentKind | str, raw: str, cleaner: Cleaner, next_raw: str | None = None) -> Cleaned:
    """What the reader shows for a segment no one corrected, with the edits that made it from `raw`.

    `cleaner` carries the reader's settings and the transcript's rules; `next_raw` as in
    `Cleaner.clean` (None: not known, so a chunk-final `。` stays)."""
    kind = SegmentKind(kind)
    if kind is SegmentKind.IMAGE:
        return Cleaned(raw, raw)
    if kind is SegmentKind.MARK:
        return cleaner.clean_mark(raw)
    return cleaner.clean(raw, next_raw)


def next_context(following: SegmentLike | None) -> str:
    """What the sentences stage is given of the next segment: its raw text ("" when none follows),
    of which it reads the first words (`pipeline.NEXT_LOOKAHEAD`). A view keys its cache by it: a raw
    text is never edited, only replaced by a split or merge, which the view reads again anyway."""
    return "" if following is None else following.raw


def repeats(text: str, previous_read: str | None) -> bool:
    """Whether cleaned `text` only repeats `previous_read` (`read_before` of the previous segment)."""
    return bool(previous_read) and loops.repeats_previous(text, previous_read or "")


def read_before(segment: SegmentLike, cleaned: Cleaned | None) -> str:
    """What the next segment is compared with to find a repeat: the segment's correction, else its
    cleaned text (a repeat's too, so a loop over many segments empties all but the first); an image none."""
    if segment.kind == SegmentKind.IMAGE:
        return ""
    if segment.correction is not None:
        return segment.correction
    return cleaned.text if cleaned is not None else ""


def shown_run(segments: Sequence[SegmentLike], cleaner: Cleaner, clean: CleanOf | None = None) -> list[Shown]:
    """What the reader shows for consecutive segments of one transcript, in order.

    Each is read between its neighbours in the list, as if the list were the whole transcript:
    the first has none before it, the last none after it. A caller that wants one segment in
    its place passes it with the segment before and the one after. `cleaner` carries the
    settings (no repeats with the loops stage off); `clean(segment, next context)` gives a
    segment's Cleaned under them (a view's cache), by default `cleaner` cleans it.
    """
    if clean is None:

        def clean(segment: SegmentLike, following: str | None) -> Cleaned:
            return automatic(segment.kind, segment.raw, cleaner, following)

    loops_on = cleaner.settings.loops
    shown = []
    previous_read: str | None = None
    for i, segment in enumerate(segments):
        if segment.correction is not None and segment.kind != SegmentKind.IMAGE:
            shown.append(Shown(segment.correction))
            previous_read = segment.correction
            continue
        following = segments[i + 1] if i + 1 < len(segments) else None
        cleaned = clean(segment, next_context(following))
        repeat = loops_on and segment.kind == SegmentKind.TEXT and repeats(cleaned.text, previous_read)
        shown.append(Shown("" if repeat else cleaned.text, cleaned, repeat))
        previous_read = read_before(segment, cleaned)
    return shown


def shown_text(kind: SegmentKind | str, raw: str, correction: str | None, cleaner: Cleaner) -> str:
    """What the reader shows for a segment read on its own, with no neighbours known:
    its correction, else `automatic` (a chunk-final `。` kept). In a transcript use `shown_run`."""
    if correction is not None:
        return correction
    return automatic(kind, raw, cleaner).text
