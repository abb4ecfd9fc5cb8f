"""The quality check of a transcript (`qa ID`, the QA panel): what a reader should look at.

Each finding names a segment position (None: the transcript as a whole) and a kind:

- loop: a clause said again and again, or a segment repeating the one before, that the cleaner left;
- duplicate: the transcript looks like another in the library (the same talk imported
  twice, or two recognitions of one talk), by the measure import's warning uses
  (`reader.core.text.similar`), asking for more of it to align;
- spelling: a glossary term written two ways in the transcript;
- numbers: numbers written both in Chinese numerals (二十一) and in digits (21);
- long: a segment longer than LONG_SEGMENT characters;
- brackets: unbalanced brackets or quotes in a segment;
- suggestion: what `suggest` still offers.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.library.db import Library
from reader.core.library.glossary import load_into_segmenter, text_terms
from reader.core.library.recognitions import likely_second_recognition_of
from reader.core.library.suggestions import SegmentSuggestion, ignored_in, scan, shown_rows
from reader.core.text import segmenter
from reader.core.text.suggest import Glossary

LOOP, DUPLICATE, SPELLING, NUMBERS, LONG, BRACKETS, SUGGESTION = (
    "loop", "duplicate", "spelling", "numbers", "long", "brackets", "suggestion",
)
LONG_SEGMENT = 300
# Share of either transcript that aligns with the other (`recognitions.likely_second_recognition_of`): higher than
# import's SECOND_RECOGNITION_SHARE, a finding to look at being worth more certainty than a hint.
# Seeds/002 and the third talk of seeds/003: 1.0; unrelated talks 0.06 at most.
DUPLICATE_SHARE = 0.5

_PAIRS = (("(", ")"), ("（", "）"), ("[", "]"), ("【", "】"), ("《", "》"), ("「", "」"), ("“", "”"), ("‘", "’"))
# Numbers of ten and more, as a person reads them out (二十一, 三百, 十五); not 十分, 百分之, 千万.
_CN_NUMBER = re.compile(
    r"(?<![零一二三四五六七八九十百千万两])(?:[一二三四五六七八九两][十百千][零一二三四五六七八九十]*|十[一二三四五六七八九])"
)
_DIGITS = re.compile(r"(?<![0-9A-Za-z.])[0-9]{2,3}(?![0-9A-Za-z.%])")
_NOT_WORD = re.compile(r"[\W_]+")
_FILLERS = re.compile("[呃嗯]")


# How each finding's detail reads, by form, %1… its values in order. The app words the same
# forms in its own language (reader/ui/panels/quality_panel.py), so a finding keeps its values.
DETAILS = {
    "repeats": "repeats the segment before",
    "repeats_run": "repeats the segment before (%1 segments in a row, to %2)",
    "clause": "%1 ×%2",
    "long": "%1 characters (more than %2)",
    "brackets": "unbalanced %1",
    "numbers": "numbers in Chinese numerals (%1, %2×) and in digits (%3, %4×)",
    "spelling": "%1 also written %2 (%3×)",
    "duplicate": "looks like transcript %1 (%2): %3 of the wording shared",
    "suggestion": "%1 → %2: %3",
}


def fill(template: str, values: Sequence[str]) -> str:
    """`template` with %1… replaced by `values`, in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)


@dataclass(frozen=True)
class Finding:
    position: int | None
    kind: str
    form: str  # a key of DETAILS
    values: tuple[str, ...]
    segment_id: int | None = None
    other_transcript_id: int | None = None  # a duplicate: the transcript it looks like

    @property
    def detail(self) -> str:
        return fill(DETAILS[self.form], self.values)


def check_transcript(lib: Library, transcript_id: int) -> list[Finding]:
    """Every finding for one transcript, in position order (whole-transcript findings first)."""
    load_into_segmenter(lib)
    rows = shown_rows(lib, transcript_id)
    texts = [(row.position, row.id, text) for row, text in rows]
    findings = [*duplicates(lib, transcript_id)]
    findings += loops(texts)
    findings += long_segments(texts)
    findings += brackets(texts)
    findings += numbers(texts)
    terms = text_terms(lib, transcript_id)
    if terms:
        ignored = ignored_in(lib, transcript_id)
        found = [s for s in scan(rows, Glossary(terms)) if (s.segment_id, s.found, s.suggestion) not in ignored]
        findings += spellings(texts, found)
        findings += [Finding(s.position, SUGGESTION, "suggestion", (s.found, s.suggestion, s.context), s.segment_id) for s in found]
    return sorted(findings, key=lambda f: -1 if f.position is None else f.position)


def loops(texts: Sequence[tuple[int, int, str]]) -> list[Finding]:
    found: list[Finding] = []
    previous = ""
    run: list[int] = []  # positions of the segments repeating the one before, in a row
    for position, segment_id, text in texts:
        key = _NOT_WORD.sub("", text)
        if key and key == previous:
            if not run:
                found.append(Finding(position, LOOP, "repeats", (), segment_id))
            run.append(position)
            if len(run) > 1:
                found[-1] = dataclasses.replace(found[-1], form="repeats_run", values=(str(len(run)), str(position)))
            continue
        run = []
        if key:
            clause = _repeated_clause(text)
            if clause:
                found.append(Finding(position, LOOP, "clause", (clause[0], str(clause[1])), segment_id))
        previous = key or previous
    return found


def _repeated_clause(text: str) -> tuple[str, int] | None:
    """The first clause of four or more characters said two or more times in a row."""
    clauses = [_NOT_WORD.sub("", text[a:b]) for a, b in segmenter.clause_spans(text)]
    run = 1
    for i in range(1, len(clauses) + 1):
        if i < len(clauses) and clauses[i] and clauses[i] == clauses[i - 1]:
            run += 1
            continue
        if run >= 2 and len(clauses[i - 1]) >= 4:
            return clauses[i - 1], run
        run = 1
    m = re.search(r"(\w{4,}?)\1+", text)
    if m:
        return m.group(1), len(m.group()) // len(m.group(1))
    return None


def long_segments(texts: Iterable[tuple[int, int, str]]) -> list[Finding]:
    return [
        Finding(position, LONG, "long", (str(len(text)), str(LONG_SEGMENT)), segment_id)
        for position, segment_id, text in texts
        if len(text) > LONG_SEGMENT
    ]


def brackets(texts: Iterable[tuple[int, int, str]]) -> list[Finding]:
    found = []
    for position, segment_id, text in texts:
        wrong = [f"{o}{c}" for o, c in _PAIRS if not _balanced(text, o, c)]
        if text.count('"') % 2:
            wrong.append('"')
        if wrong:
            found.append(Finding(position, BRACKETS, "brackets", (" ".join(wrong),), segment_id))
    return found


def _balanced(text: str, opening: str, closing: str) -> bool:
    depth = 0
    for ch in text:
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def numbers(texts: Sequence[tuple[int, int, str]]) -> list[Finding]:
    """One finding, at the first number in the rarer style, when both styles occur."""
    chinese: list[tuple[int, int, str]] = []
    digits: list[tuple[int, int, str]] = []
    for position, segment_id, text in texts:
        chinese += [(position, segment_id, m.group()) for m in _CN_NUMBER.finditer(text)]
        digits += [(position, segment_id, m.group()) for m in _DIGITS.finditer(text)]
    if not chinese or not digits:
        return []
    rarer = chinese if len(chinese) <= len(digits) else digits
    position, segment_id, _ = rarer[0]
    return [
        Finding(
            position, NUMBERS, "numbers",
            (_examples(chinese), str(len(chinese)), _examples(digits), str(len(digits))),
            segment_id,
        )
    ]


def _examples(found: list[tuple[int, int, str]]) -> str:
    return ", ".join(w for w, _n in Counter(w for _p, _s, w in found).most_common(3))


def spellings(texts: Sequence[tuple[int, int, str]], found: Sequence[SegmentSuggestion]) -> list[Finding]:
    """A term the transcript holds as written and also otherwise: one finding per other spelling."""
    whole = "\n".join(text for _p, _s, text in texts)
    by_variant: dict[tuple[str, str], list[SegmentSuggestion]] = defaultdict(list)
    for s in found:
        by_variant[(s.suggestion, s.found)].append(s)
    return [
        Finding(hits[0].position, SPELLING, "spelling", (term, variant, str(len(hits))), hits[0].segment_id)
        for (term, variant), hits in by_variant.items()
        if term in whole or term.casefold() in whole.casefold()
    ]


# ----------------------------------------------------------------- duplicates


def duplicates(lib: Library, transcript_id: int) -> list[Finding]:
    """Transcripts of the library that most of this one (or of theirs) aligns with: the same
    search as import's second-recognition warning, asking for a larger share."""
    return [
        Finding(
            None,
            DUPLICATE,
            "duplicate",
            (str(other.transcript_id), other.title, f"{other.share:.0%}"),
            other_transcript_id=other.transcript_id,
        )
        for other in sorted(likely_second_recognition_of(lib, transcript_id, share=DUPLICATE_SHARE), key=lambda o: o.transcript_id)
    ]
