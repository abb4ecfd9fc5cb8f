"""What the reader shows for a segment: the one definition the table, find and replace,
the search index, exports, `show --clean` and merge all use (rules: CLEANING.md).

- text: a person's correction, else the raw text cleaned by every stage that is on;
- mark (`(掌聲)`, `(笑声笑声)`, `(嗯)`): a correction, else the mark in the reader's
  script and otherwise as written. A mark is no speech: fillers, stutters and rules
  are for words said, so `(嗯)` stays `(嗯)` and `(笑聲笑聲)` becomes `(笑声笑声)`;
- image: its address as imported (`![](img/a.png)`). It is no text: nothing cleans,
  searches or corrects it; the app draws a placeholder in its place, and exports
  leave it out unless asked for.

Here, inside `reader.core.text`, a change to these rules changes
`cleaning_fingerprint`, so text cleaned and stored elsewhere (the search index)
is cleaned again.
"""

from __future__ import annotations

from reader.core.kinds import SegmentKind
from reader.core.text.pipeline import Cleaned, Cleaner


def automatic(kind: SegmentKind | str, raw: str, cleaner: Cleaner) -> Cleaned:
    """What the reader shows for a segment no one corrected, with the edits that made it from `raw`.

    `cleaner` carries the reader's settings and the transcript's rules."""
    kind = SegmentKind(kind)
    if kind is SegmentKind.IMAGE:
        return Cleaned(raw, raw)
    if kind is SegmentKind.MARK:
        return cleaner.clean_mark(raw)
    return cleaner.clean(raw)


def shown_text(kind: SegmentKind | str, raw: str, correction: str | None, cleaner: Cleaner) -> str:
    """What the reader shows for a segment: its correction, else `automatic`."""
    if correction is not None:
        return correction
    return automatic(kind, raw, cleaner).text
