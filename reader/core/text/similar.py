"""Whether two transcripts are recognitions of one talk: small pure functions, reusable by
`import` (a likely second recognition) and by quality checks ("looks like another transcript").

Two steps, the cheap one first: `bigram_signature` / `signature_overlap` compare the sets of
character pairs (one script, no punctuation) and let through only the pairs worth aligning;
`aligned_share` aligns them (`reader.core.text.align`) and measures how much of each side
lies in groups of modest size, the ones an alignment of one talk is made of. Two unrelated
talks align as one huge group (no cut is confident), so their share is about 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.text.align import align_segments, comparable_text

# Character pairs two recognitions of one talk share, even when two recognizers word it differently
# (seeds/000 and seeds/001: 0.20); unrelated talks of one conference reach 0.18, so this only prefilters.
MIN_SIGNATURE_OVERLAP = 0.12
# A group longer than this on either side is where no confident cut was found, not an alignment.
MAX_GROUP_CHARS = 1_500
# "Most of its length": the share of either transcript's words that align. Measured on the seeds:
# 000/001 0.36 and 0.54 (two recognizers, one of them looping for a third of the talk), 002 and the
# third talk of 003 1.0; every unrelated pair 0.06 at most.
SECOND_RECOGNITION_SHARE = 0.35


def bigram_signature(texts: Sequence[str]) -> frozenset[str]:
    """The character pairs of a transcript's words, in one script, without punctuation.

    The transcript is made comparable in one piece (its segments a line each: no mark or phrase
    spans two), not a segment at a time: an import compares a new talk with every talk of a
    similar length in the library, and that was most of its time."""
    chars = comparable_text("\n".join(texts))
    return frozenset(map(str.__add__, chars, chars[1:]))


def signature_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two signatures (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def aligned_share(a_texts: Sequence[str], b_texts: Sequence[str]) -> tuple[float, float]:
    """The share of A's and of B's words that align with the other side in groups of modest size."""
    a_lengths = [len(comparable_text(t)) for t in a_texts]
    b_lengths = [len(comparable_text(t)) for t in b_texts]
    a_total, b_total = sum(a_lengths), sum(b_lengths)
    if not a_total or not b_total:
        return 0.0, 0.0
    a_aligned = b_aligned = 0
    for group in align_segments(a_texts, b_texts):
        if not group.a or not group.b:
            continue
        a_chars = sum(a_lengths[i] for i in group.a)
        b_chars = sum(b_lengths[i] for i in group.b)
        if max(a_chars, b_chars) <= MAX_GROUP_CHARS:
            a_aligned += a_chars
            b_aligned += b_chars
    return a_aligned / a_total, b_aligned / b_total


def recognition_share(a_texts: Sequence[str], b_texts: Sequence[str]) -> float:
    """The larger of the two aligned shares, 0 when the signatures already tell the talks apart."""
    if signature_overlap(bigram_signature(a_texts), bigram_signature(b_texts)) < MIN_SIGNATURE_OVERLAP:
        return 0.0
    return max(aligned_share(a_texts, b_texts))


def looks_like_second_recognition(
    new_texts: Sequence[str], other_texts: Sequence[str], *, share: float = SECOND_RECOGNITION_SHARE
) -> bool:
    """Whether one transcript aligns with the other over most of its length (texts: its segments).

    `share`: how much must align; quality checks ask for more than import's warning does."""
    return recognition_share(new_texts, other_texts) >= share
