"""Correction memory: a fix a person typed, offered as a rule where it would fix more.

`changed_spans` finds the smallest changed spans of a correction, each on its own
and widened to whole words (`大圆模型和微信` -> `大语言模型和vision` is two spans,
`大圆模型` -> `大语言模型` and `微信` -> `vision`). `count_elsewhere` says how many
other segments a rule made of a span would change, in the transcript and in the
library; `rule_offers` lists them for the corrections already made (`rules suggest`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import select

from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Segment
from reader.core.library.queries import transcript_in
from reader.core.library.rules import list_rules, text_rules
from reader.core.text import Cleaner, CleanSettings, automatic, segmenter
from reader.core.text import script as scripts


@dataclass(frozen=True)
class Span:
    before: str
    after: str


@dataclass(frozen=True)
class RuleOffer:
    transcript_id: int
    position: int
    segment_id: int
    before: str
    after: str
    in_transcript: int  # other segments of the transcript a rule would change
    in_library: int  # segments of the whole library (this transcript's included) a global rule would change


def changed_spans(before: str, after: str) -> list[Span]:
    """The smallest changed spans of `before` -> `after`, each widened to whole words.

    Words are the corrected text's first (`模台的` -> `模态的` is the word `模态`, and with
    大语言模型 in the glossary `大圆模型` -> `大语言模型`), else `before`'s. A change inside a
    one-character word, or a pure insertion, takes the words on either side too; a span
    still of one character would match nearly everywhere, so it is left out. Spans that
    overlap, touch or stand apart by spaces only (`skating low`) become one. Loads the segmenter."""
    if before == after:
        return []
    opcodes = [op for op in SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if op[0] != "equal"]
    b_bounds = segmenter.boundaries(segmenter.cut(before))
    a_bounds = segmenter.boundaries(segmenter.cut(after))
    widened: list[list[int]] = []  # [start, end, start in after, end in after]
    for _tag, i1, i2, j1, j2 in opcodes:
        # Around a change both texts read the same, so a widening applies to both alike.
        left = min(j1 - max(b for b in a_bounds if b <= j1), i1)
        right = min(min(b for b in a_bounds if b >= j2) - j2, len(before) - i2)
        start, end = i1 - left, i2 + right
        if end - start < 2 or i1 == i2:
            start = min(start, max(b for b in b_bounds if b <= i1))
            end = max(end, min(b for b in b_bounds if b >= i2))
        if end - start < 2 or i1 == i2:
            start = max((b for b in b_bounds if b < start), default=start)
            end = min((b for b in b_bounds if b > end), default=end)
        a_start, a_end = j1 - (i1 - start), j2 + (end - i2)
        if widened and not before[widened[-1][1]:start].strip():
            if end >= widened[-1][1]:
                widened[-1][1], widened[-1][3] = end, a_end
        else:
            widened.append([start, end, a_start, a_end])
    spans = []
    for start, end, a_start, a_end in widened:
        pattern = before[start:end]
        if len(pattern.strip()) >= 2:
            spans.append(Span(pattern.strip(), after[max(0, a_start):a_end].strip()))
    return spans


def _counter(lib: Library, settings: CleanSettings) -> Callable[[int, str, int | None], int]:
    """count(transcript, pattern, leave out segment) -> segments whose automatic text holds it.

    Corrected segments are left out: a rule does not reach a person's correction.
    A raw text without every character of the pattern is not cleaned (cleaning only deletes)."""
    cleaners: dict[int, Cleaner] = {}
    raws: dict[int, list[tuple[int, str]]] = {}

    def count(transcript_id: int, pattern: str, leave_out: int | None) -> int:
        if transcript_id not in raws:
            cleaners[transcript_id] = Cleaner(settings, text_rules(lib, transcript_id))
            with lib.read() as session:
                raws[transcript_id] = [
                    (segment_id, raw)
                    for segment_id, raw in session.execute(
                        select(Segment.id, Segment.raw).where(
                            Segment.transcript_id == transcript_id, Segment.kind == SegmentKind.TEXT, Segment.correction.is_(None)
                        )
                    )
                ]
        needed = set(pattern)
        n = 0
        for segment_id, raw in raws[transcript_id]:
            if segment_id == leave_out or not needed <= set(scripts.convert(raw, settings.script)[0]):
                continue
            if pattern in automatic(SegmentKind.TEXT, raw, cleaners[transcript_id]).text:
                n += 1
        return n

    return count


def count_elsewhere(
    lib: Library, transcript_id: int, pattern: str, segment_id: int | None = None, settings: CleanSettings | None = None
) -> tuple[int, int]:
    """(segments of this transcript, segments of the library) that a rule `pattern` -> ... would change,
    `segment_id` (the one just corrected) left out."""
    settings = settings or CleanSettings()
    count = _counter(lib, settings)
    with lib.read() as session:
        transcript_in(session, transcript_id)
        transcripts = list(session.scalars(select(Segment.transcript_id).distinct()))
    here = count(transcript_id, pattern, segment_id)
    return here, here + sum(count(tid, pattern, None) for tid in transcripts if tid != transcript_id)


def rule_offers(lib: Library, transcript_id: int | None = None, settings: CleanSettings | None = None) -> list[RuleOffer]:
    """Spans of the corrections already made (of one transcript, or all) that occur in other
    segments still, with their counts; spans an existing rule already has as its pattern are left out."""
    settings = settings or CleanSettings()
    count = _counter(lib, settings)
    patterns = {r.pattern for r in list_rules(lib)}
    query = select(Segment.transcript_id, Segment.position, Segment.id, Segment.raw, Segment.correction).where(
        Segment.correction.is_not(None), Segment.kind == SegmentKind.TEXT
    )
    with lib.read() as session:
        if transcript_id is not None:
            transcript_in(session, transcript_id)
            query = query.where(Segment.transcript_id == transcript_id)
        corrected: list[tuple[int, int, int, str, str | None]] = [
            (tid, position, sid, raw, correction)
            for tid, position, sid, raw, correction in session.execute(query.order_by(Segment.transcript_id, Segment.position))
        ]
        transcripts = list(session.scalars(select(Segment.transcript_id).distinct()))
    offers = []
    cleaners: dict[int, Cleaner] = {}
    for tid, position, segment_id, raw, correction in corrected:
        cleaner = cleaners.setdefault(tid, Cleaner(settings, text_rules(lib, tid)))
        before = automatic(SegmentKind.TEXT, raw, cleaner).text
        for span in changed_spans(before, correction or ""):
            if span.before in patterns:
                continue
            here = count(tid, span.before, segment_id)
            everywhere = here + sum(count(other, span.before, None) for other in transcripts if other != tid)
            if everywhere:
                offers.append(RuleOffer(tid, position, segment_id, span.before, span.after, here, everywhere))
    return offers
