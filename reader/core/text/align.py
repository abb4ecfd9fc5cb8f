"""Aligning two recognitions of one talk, segment by segment (issue 16).

Each side is a list of segment texts as the reader shows them. They are compared as
`comparable` text: one script (simplified), no punctuation, spaces or marks, Latin
letters in one case, so that a script or punctuation difference is never a disagreement.

How: each side's comparable text is concatenated with its segment boundaries recorded,
the two character streams are aligned by rapidfuzz (Levenshtein opcodes, C speed; long
texts are first cut at anchors, character n-grams found once on each side), and each
side's boundaries are projected through the alignment onto the other. A boundary of A
and one of B that land close together (closer than half of the segments beside them)
can end a group; the best monotone chain of such cuts is kept. A group is the run of
consecutive segments on each side between two cuts: one segment may meet several
(different chunking), and a segment whose characters meet nothing on the other side
becomes a group of its own (`only`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, pairwise

from rapidfuzz.distance import Levenshtein

from reader.core.text import script

SAME, DIFF, ONLY = "same", "diff", "only"
# A cut lands within this share of the shorter segment beside it, on both sides.
CUT_TOLERANCE = 0.5
# A cut needs the texts to agree on one side of it: at least this share of the characters
# within CONFIDENCE_WINDOW before it (or after it) equal on both sides. Where one side is
# a recognizer's hallucinated loop, nothing agrees and no cut is made up: one big group.
MIN_CONFIDENCE = 0.25
CONFIDENCE_WINDOW = 40
# Above this many character pairs (len A x len B) the texts are first cut at anchors.
DIRECT_LIMIT = 40_000 * 40_000
ANCHOR_LENGTH = 8
# Aligned pieces between anchors are about this long: rapidfuzz's time grows with the square.
ANCHOR_SPACING = 4_000
# Equal runs shorter than this between two differences do not split them.
MIN_EQUAL = 2
# Marks the recognizer wrote inside the text ((英文), （掌声）): no words said.
_MARK = re.compile(r"[(（][^()（）\n]{1,12}[)）]")  # within a line: `bigram_signature` joins segments with breaks
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class Comparable:
    """`text` as compared: `offsets[k]` is where its character k stands in the shown text."""

    text: str
    offsets: tuple[int, ...]


def _one_script(text: str) -> str:
    """Simplified, through traditional: both scripts land on the same characters (想象 and 想像
    alike become 想像, where converting the traditional side alone keeps 想像 against 想象)."""
    simplified: str = script.converter("simplified").convert(script.converter("traditional").convert(text))
    return simplified


@cache
def _one_script_char(char: str) -> str:
    converted = _one_script(char)
    return converted if len(converted) == 1 else char


def comparable(shown: str) -> Comparable:
    """The characters of `shown` that are words said, in one script and case."""
    converted = _one_script_same_length(shown)
    kept = [(k, c) for k, c in enumerate(converted) if c.isalnum()]
    return Comparable("".join(c for _, c in kept), tuple(k for k, _ in kept))


def comparable_text(shown: str) -> str:
    """`comparable(shown).text`, without the offsets: the filter runs in C, for whole transcripts."""
    return "".join(filter(str.isalnum, _one_script_same_length(shown)))


def _one_script_same_length(shown: str) -> str:
    masked = _MARK.sub(lambda m: " " * len(m.group()), shown)
    converted = _one_script(masked)
    if len(converted) != len(masked):
        # A phrase conversion changed the length: convert character by character to keep offsets.
        converted = "".join(_one_script_char(c) for c in masked)
    return converted.translate(_FULLWIDTH).lower()


@dataclass(frozen=True)
class Span:
    """Characters `start:end` of the shown text of segment `segment` (an index into its side)."""

    segment: int
    start: int
    end: int


@dataclass(frozen=True)
class Difference:
    """Where the two sides say different things; an empty side has one empty span (where it would go)."""

    a_text: str
    b_text: str
    a_spans: tuple[Span, ...]
    b_spans: tuple[Span, ...]


@dataclass(frozen=True)
class Group:
    """Segments `a` of side A and `b` of side B that say the same stretch of the talk (indices from 0)."""

    a: range
    b: range
    status: str
    differences: tuple[Difference, ...] = ()


def align_segments(a_shown: Sequence[str], b_shown: Sequence[str]) -> list[Group]:
    """Groups of consecutive segments, in order, covering every segment of both sides once."""
    return _Aligner(a_shown, b_shown).groups()


def character_opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """Levenshtein opcodes of `a` against `b`; long texts are aligned piece by piece between anchors."""
    if len(a) * len(b) <= DIRECT_LIMIT:
        return _opcodes(a, b, 0, 0)
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, bj in anchors(a, b):
        ops += _opcodes(a[i:ai], b[j:bj], i, j)
        ops.append(("equal", ai, ai + ANCHOR_LENGTH, bj, bj + ANCHOR_LENGTH))
        i, j = ai + ANCHOR_LENGTH, bj + ANCHOR_LENGTH
    ops += _opcodes(a[i:], b[j:], i, j)
    return ops


def _opcodes(a: str, b: str, i0: int, j0: int) -> list[tuple[str, int, int, int, int]]:
    if not a and not b:
        return []
    if len(a) * len(b) > DIRECT_LIMIT:
        # No anchor in a long stretch (one side loops, or the text repeats itself): align it
        # in proportional pieces rather than spend minutes on one quadratic alignment.
        pieces = -(-max(len(a), len(b)) // ANCHOR_SPACING)
        ops: list[tuple[str, int, int, int, int]] = []
        for k in range(pieces):
            a1, a2 = len(a) * k // pieces, len(a) * (k + 1) // pieces
            b1, b2 = len(b) * k // pieces, len(b) * (k + 1) // pieces
            ops += _opcodes(a[a1:a2], b[b1:b2], i0 + a1, j0 + b1)
        return ops
    return [
        (op.tag, op.src_start + i0, op.src_end + i0, op.dest_start + j0, op.dest_end + j0)
        for op in Levenshtein.opcodes(a, b)
    ]


def anchors(a: str, b: str, spacing: int = ANCHOR_SPACING) -> list[tuple[int, int]]:
    """(position in a, position in b) of n-grams found once in each, in order on both sides,
    about `spacing` characters apart: the longest increasing chain of them, thinned."""
    n = ANCHOR_LENGTH
    once_a = _unique_grams(a, n)
    once_b = _unique_grams(b, n)
    pairs = sorted((i, once_b[g]) for g, i in once_a.items() if g in once_b)
    chain = _longest_increasing(pairs)
    kept: list[tuple[int, int]] = []
    last_i = last_j = -n
    for i, j in chain:
        if i >= last_i + max(n, spacing) and j >= last_j + n:
            kept.append((i, j))
            last_i, last_j = i, j
    return kept


def _unique_grams(text: str, n: int) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for k in range(len(text) - n + 1):
        gram = text[k:k + n]
        if gram in seen:
            repeated.add(gram)
        else:
            seen[gram] = k
    for gram in repeated:
        del seen[gram]
    return seen


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        t = bisect.bisect_left(tails, j)
        if t == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[t] = j
            tail_at[t] = k
        back[k] = tail_at[t - 1] if t else -1
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


class _Side:
    """One side's segments as one character stream."""

    def __init__(self, shown: Sequence[str]):
        self.shown = list(shown)
        self.parts = [comparable(s) for s in self.shown]
        # Segments with no words (images, marks) take no part in the alignment.
        self.kept = [k for k, p in enumerate(self.parts) if p.text]
        self.text = "".join(self.parts[k].text for k in self.kept)
        self.bounds = [0]
        for k in self.kept:
            self.bounds.append(self.bounds[-1] + len(self.parts[k].text))

    def note_equal(self, ops: list[tuple[str, int, int, int, int]], is_a: bool) -> None:
        """Keep how many characters before each position the alignment found equal on the other side."""
        equal = bytearray(len(self.text))
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                lo, hi = (i1, i2) if is_a else (j1, j2)
                equal[lo:hi] = b"\x01" * (hi - lo)
        self.equal_before = [0, *accumulate(equal)]

    def agreement(self, pos: int) -> tuple[float, float]:
        """Share of equal characters in the window before `pos` and in the one after it."""
        w, end = CONFIDENCE_WINDOW, len(self.text)
        lo, hi = max(0, pos - w), min(end, pos + w)
        before = (self.equal_before[pos] - self.equal_before[lo]) / (pos - lo) if pos > lo else 1.0
        after = (self.equal_before[hi] - self.equal_before[pos]) / (hi - pos) if hi > pos else 1.0
        return before, after

    def length(self, i: int) -> int:
        """Length of kept segment i (0 outside)."""
        if 0 <= i < len(self.kept):
            return self.bounds[i + 1] - self.bounds[i]
        return 0

    def tolerance(self, boundary: int, offset: float) -> float:
        """How far a cut may land from this boundary: `offset` > 0 puts the end of the segment
        before it in the next group, < 0 the start of the one after it in the group before;
        less than half of that segment keeps most of it where it belongs."""
        return CUT_TOLERANCE * self.length(boundary - 1 if offset > 0 else boundary)

    def locate(self, pos: int) -> tuple[int, int]:
        """Stream position -> (kept segment, character index in its comparable text)."""
        i = bisect.bisect_right(self.bounds, pos) - 1
        i = min(i, len(self.kept) - 1)
        return i, pos - self.bounds[i]

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """Stream characters start:end as spans of shown text, one per segment touched."""
        if start == end:
            if start > 0:
                i, c = self.locate(start - 1)
                part = self.parts[self.kept[i]]
                return (Span(self.kept[i], part.offsets[c] + 1, part.offsets[c] + 1),)
            i, c = self.locate(start)
            part = self.parts[self.kept[i]]
            return (Span(self.kept[i], part.offsets[c], part.offsets[c]),)
        spans = []
        first, _ = self.locate(start)
        last, _ = self.locate(end - 1)
        for i in range(first, last + 1):
            lo = max(start, self.bounds[i]) - self.bounds[i]
            hi = min(end, self.bounds[i + 1]) - self.bounds[i]
            part = self.parts[self.kept[i]]
            spans.append(Span(self.kept[i], part.offsets[lo], part.offsets[hi - 1] + 1))
        return tuple(spans)

    def text_of(self, spans: tuple[Span, ...]) -> str:
        return "".join(self.shown[s.segment][s.start:s.end] for s in spans)


class _Projection:
    """Where a position of one stream lands on the other, through the opcodes."""

    def __init__(self, ops: list[tuple[str, int, int, int, int]], source_is_a: bool):
        if source_is_a:
            self.ops = [(i1, i2, j1, j2) for _, i1, i2, j1, j2 in ops]
        else:
            self.ops = [(j1, j2, i1, i2) for _, i1, i2, j1, j2 in ops]
        self.starts = [op[0] for op in self.ops]

    def __call__(self, pos: int) -> tuple[float, float]:
        """The interval of target positions `pos` may stand for (wide where the target has extra text)."""
        lo, hi = float("inf"), float("-inf")
        k = bisect.bisect_right(self.starts, pos) - 1
        while k >= 0 and self.ops[k][1] >= pos:
            s1, s2, t1, t2 = self.ops[k]
            if s1 == s2:
                lo, hi = min(lo, t1), max(hi, t2)
            else:
                t = t1 + (pos - s1) * (t2 - t1) / (s2 - s1)
                lo, hi = min(lo, t), max(hi, t)
            k -= 1
        if lo > hi:
            return 0.0, 0.0
        return lo, hi


def _offset(x: float, interval: tuple[float, float]) -> float:
    """How far `x` lies after (> 0) or before (< 0) the interval; 0 inside it."""
    lo, hi = interval
    return x - hi if x > hi else x - lo if x < lo else 0.0


class _Aligner:
    def __init__(self, a_shown: Sequence[str], b_shown: Sequence[str]):
        self.a = _Side(a_shown)
        self.b = _Side(b_shown)

    def groups(self) -> list[Group]:
        a, b = self.a, self.b
        if not a.kept or not b.kept:
            return self._one_sided()
        ops = character_opcodes(a.text, b.text)
        a.note_equal(ops, True)
        b.note_equal(ops, False)
        cuts = self._cuts(_Projection(ops, True), _Projection(ops, False))
        return self._with_wordless(self._grouped(cuts, ops))

    def _cuts(self, a_to_b: _Projection, b_to_a: _Projection) -> list[tuple[int, int]]:
        """The best monotone chain of (A boundary, B boundary) pairs that may end a group."""
        a, b = self.a, self.b
        n, m = len(a.kept), len(b.kept)
        reach = CUT_TOLERANCE * max(a.length(i) for i in range(n))
        candidates: list[tuple[int, int, float]] = []
        # The outer boundaries take part too (tolerance 0): a first or last segment may be one side's only.
        for j in range(m + 1):
            interval = b_to_a(b.bounds[j])
            first = bisect.bisect_left(a.bounds, interval[0] - reach)
            last = bisect.bisect_right(a.bounds, interval[1] + reach)
            for i in range(first, last):
                if (i, j) in ((0, 0), (n, m)):
                    continue
                # Strictly within: two boundaries of one side around a short segment never both meet the same point.
                d_a = _offset(a.bounds[i], interval)
                tol_a = a.tolerance(i, d_a)
                if d_a and abs(d_a) >= tol_a:
                    continue
                d_b = _offset(b.bounds[j], a_to_b(a.bounds[i]))
                tol_b = b.tolerance(j, d_b)
                if d_b and abs(d_b) >= tol_b:
                    continue
                a_before, a_after = a.agreement(a.bounds[i])
                b_before, b_after = b.agreement(b.bounds[j])
                if max(min(a_before, b_before), min(a_after, b_after)) < MIN_CONFIDENCE:
                    continue
                weight = 2.0 - abs(d_a) / max(tol_a, 1e-9) - abs(d_b) / max(tol_b, 1e-9)
                candidates.append((i, j, 0.01 + weight))
        return _best_chain(candidates, n, m)

    def _grouped(self, cuts: list[tuple[int, int]], ops: list[tuple[str, int, int, int, int]]) -> list[Group]:
        """The groups between cuts, each with the differences of the whole alignment that begin in it.

        Differences come from the one alignment of the whole texts, not from each group's
        texts on their own: where the two chunkings end a group a few characters apart,
        those characters are equal on both sides and no disagreement."""
        a, b = self.a, self.b
        pairs = list(pairwise(cuts))
        # Where each group begins in each stream, for the groups that have segments on that side.
        a_at = [(a.bounds[i1], k) for k, ((i1, _), (i2, _)) in enumerate(pairs) if i2 > i1]
        b_at = [(b.bounds[j1], k) for k, ((_, j1), (_, j2)) in enumerate(pairs) if j2 > j1]
        found: list[list[Difference]] = [[] for _ in pairs]
        for s1, s2, t1, t2 in _differing_runs(ops):
            starts, pos = (a_at, s1) if s2 > s1 else (b_at, t1)
            k = starts[max(0, bisect.bisect_right(starts, (pos, len(pairs))) - 1)][1]
            a_spans, b_spans = a.spans(s1, s2), b.spans(t1, t2)
            found[k].append(Difference(a.text_of(a_spans), b.text_of(b_spans), a_spans, b_spans))
        groups = []
        for ((i1, j1), (i2, j2)), differences in zip(pairs, found, strict=True):
            status = ONLY if i1 == i2 or j1 == j2 else DIFF if differences else SAME
            groups.append(Group(range(i1, i2), range(j1, j2), status, tuple(differences)))
        return groups

    def _with_wordless(self, groups: list[Group]) -> list[Group]:
        """Kept-segment ranges -> segment indices, each wordless segment joining the group before it."""
        a_starts = _starts(self.a, [g.a for g in groups])
        b_starts = _starts(self.b, [g.b for g in groups])
        return [
            Group(a_starts[k], b_starts[k], g.status, g.differences)
            for k, g in enumerate(groups)
        ]

    def _one_sided(self) -> list[Group]:
        a, b = len(self.a.shown), len(self.b.shown)
        if not a and not b:
            return []
        return [Group(range(a), range(b), SAME if not (self.a.kept or self.b.kept) else ONLY)]


def _starts(side: _Side, kept_ranges: list[range]) -> list[range]:
    """Each group's range of all segments: from its first kept segment to the next group's."""
    total = len(side.shown)
    firsts = [side.kept[r.start] if r else None for r in kept_ranges]
    out = []
    seen_first = False
    for k, first in enumerate(firsts):
        if first is None:
            out.append(range(0))
            continue
        start = 0 if not seen_first else first
        seen_first = True
        following = next((f for f in firsts[k + 1:] if f is not None), total)
        out.append(range(start, following))
    return out


def _best_chain(candidates: list[tuple[int, int, float]], n: int, m: int) -> list[tuple[int, int]]:
    """(0, 0), the heaviest chain of candidates non-decreasing in both coordinates, (n, m)."""
    candidates.sort()
    size = m + 1
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of prefix maxima over B boundaries: (weight, candidate)

    def query(j: int) -> tuple[float, int]:
        best = (0.0, -1)
        j += 1
        while j > 0:
            best = max(best, tree[j])
            j -= j & -j
        return best

    def update(j: int, value: tuple[float, int]) -> None:
        j += 1
        while j <= size:
            if value > tree[j]:
                tree[j] = value
            j += j & -j

    back = [-1] * len(candidates)
    for k, (_, j, weight) in enumerate(candidates):
        total, previous = query(j)
        back[k] = previous
        update(j, (total + weight, k))
    _, k = query(m)
    chain = []
    while k >= 0:
        chain.append(candidates[k][:2])
        k = back[k]
    return [(0, 0), *reversed([(i, j) for i, j in chain]), (n, m)]


def _differing_runs(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """(a start, a end, b start, b end) of each place the texts differ; tiny agreements inside a difference are absorbed."""
    runs: list[list[int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if runs and i1 - runs[-1][1] < MIN_EQUAL and j1 - runs[-1][3] < MIN_EQUAL:
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    return [(r[0], r[1], r[2], r[3]) for r in runs]
