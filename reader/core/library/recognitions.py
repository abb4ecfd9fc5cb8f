"""After an import: is a new transcript a second recognition of one already in the library?

Cheap for a big library: only transcripts of a similar length are read (one SQL aggregate picks
them), their character-pair signatures filter them, and at most a few are aligned
(`reader.core.text.similar`). Raw text is compared (in one script, without punctuation): no
cleaning, so no segmenter is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Segment, Transcript
from reader.core.text.similar import (
    MIN_SIGNATURE_OVERLAP,
    SECOND_RECOGNITION_SHARE,
    aligned_share,
    bigram_signature,
    signature_overlap,
)

# Two recognitions of one talk differ in length by a recognizer's loops and drops, not by threefold.
LENGTH_RATIO = 3.0
MAX_ALIGNED = 5


@dataclass(frozen=True)
class OtherRecognition:
    transcript_id: int
    title: str
    share: float  # the larger of the two sides' aligned shares


def likely_second_recognition_of(
    lib: Library,
    transcript_id: int,
    *,
    earlier_only: bool = False,
    share: float = SECOND_RECOGNITION_SHARE,
    cancel: Callable[[], bool] | None = None,
) -> list[OtherRecognition]:
    """The other transcripts that `transcript_id` looks like a second recognition of, best first.

    `earlier_only`: only those imported before it (an import names the one it met, not the ones after);
    `share`: how much must align (the quality check asks for more than import's warning);
    `cancel`: asked before each candidate's signature and each alignment (seconds each for talks of
    20,000 segments): true, and what was found so far is returned (nothing, before all signatures)."""
    with lib.read() as session:
        lengths: dict[int, int | None] = dict(
            session.execute(
                select(Segment.transcript_id, func.sum(func.length(Segment.raw)))
                .where(Segment.kind == SegmentKind.TEXT.value)
                .group_by(Segment.transcript_id)
            ).all()
        )
        own = lengths.pop(transcript_id, 0) or 0
        if not own:
            return []
        candidates = [
            tid for tid, n in lengths.items()
            if n and own / LENGTH_RATIO <= n <= own * LENGTH_RATIO and not (earlier_only and tid > transcript_id)
        ]
        titles = dict(session.execute(select(Transcript.id, Transcript.title).where(Transcript.id.in_(candidates))).all())
        texts = _texts(session, transcript_id)
    signature = bigram_signature(texts)
    overlaps = []
    # One candidate's text at a time, each in a read of its own: a large library's would not fit
    # in memory at once, and a cancel between them stops the check within one talk's time.
    for tid in candidates:
        if cancel is not None and cancel():
            return []  # not all were compared: the best may be among the rest
        with lib.read() as session:
            overlaps.append((signature_overlap(signature, bigram_signature(_texts(session, tid))), tid))
    overlaps.sort(reverse=True)
    found = []
    for overlap, tid in overlaps[:MAX_ALIGNED]:
        # The same test as `looks_like_second_recognition`, the signatures made once.
        if overlap < MIN_SIGNATURE_OVERLAP:
            break  # best first: the rest overlap less
        if cancel is not None and cancel():
            break
        with lib.read() as session:
            other = _texts(session, tid)
        aligned = max(aligned_share(texts, other))
        if aligned >= share:
            found.append(OtherRecognition(tid, titles[tid], aligned))
    return found


def _texts(session: Session, transcript_id: int) -> list[str]:
    rows = session.execute(
        select(Segment.kind, Segment.raw).where(Segment.transcript_id == transcript_id).order_by(Segment.position, Segment.id)
    )
    return [raw if kind == SegmentKind.TEXT else "" for kind, raw in rows]
