"""Stage 2, fillers: hesitation sounds go; the same characters inside a word stay."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reader.core.text import segmenter
from reader.core.text.edits import Edit, apply_edits

STAGE = "fillers"
# `啊` is a modal particle that carries meaning, so it is not here.
DEFAULT_FILLERS = ("呃", "嗯", "额", "emm", "umm", "uh")


def _is_latin(word: str) -> bool:
    return word.isascii() and word.isalpha()


def _latin_pattern(word: str) -> str:
    """`emm` matches em, emmm, EMM: speakers stretch the sound, never change it."""
    letters: list[str] = []
    for ch in word:
        if not letters or letters[-1] != ch:
            letters.append(ch)
    return "(?<![A-Za-z])" + "".join(re.escape(ch) + "+" for ch in letters) + "(?![A-Za-z])"


def _ordered(words: tuple[str, ...]) -> list[str]:
    return sorted({w for w in words if w.strip()}, key=len, reverse=True)


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    ordered = _ordered(words)
    if not ordered:
        return None
    alternatives = [_latin_pattern(w) if _is_latin(w) else re.escape(w) for w in ordered]
    return re.compile("|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=16)
def _starts(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The characters a filler can begin with: `_pattern` is slow to try at every offset (its
    lookbehinds), and most text holds none of these. A Latin filler begins no word inside
    another (`use`, `team`), so its first letter after a letter is passed over, unless some
    other filler may begin with it there."""
    ordered = _ordered(words)
    if not ordered:
        return None
    firsts = "".join(re.escape(ch) for ch in dict.fromkeys(w[0] for w in ordered))
    others = [w[0] for w in ordered if not _is_latin(w)]
    latin_only = "".join(
        re.escape(ch)
        for ch in dict.fromkeys(w[0] for w in ordered if _is_latin(w))
        if not any(re.fullmatch(re.escape(ch), other, re.IGNORECASE) for other in others)
    )
    after_letter = f"(?<![A-Za-z][{latin_only}])" if latin_only else ""
    return re.compile(f"[{firsts}]{after_letter}", re.IGNORECASE)


def prepare(words: tuple[str, ...]) -> None:
    """Look up, once, which filler sounds also occur inside dictionary words."""
    for word in words:
        if not _is_latin(word):
            segmenter.in_longer_word(word)


def _is_whole_tokens(text: str, clauses: list[tuple[int, int]], start: int, end: int) -> bool:
    clause_start, clause_end = segmenter.clause_at(clauses, start)
    cuts = set(segmenter.boundaries(segmenter.cut(text[clause_start:clause_end])))
    return start - clause_start in cuts and end - clause_start in cuts


def _matches(text: str, pattern: re.Pattern[str], starts: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying the pattern only where a filler can begin (a filler
    is never empty; the lookbehinds still see the text before each try)."""
    pos = 0
    while (start := starts.search(text, pos)) is not None:
        m = pattern.match(text, start.start())
        if m is None:
            pos = start.start() + 1
        else:
            yield m
            pos = m.end()


def remove_fillers(text: str, words: tuple[str, ...] = DEFAULT_FILLERS) -> tuple[str, list[Edit]]:
    words = tuple(words)
    pattern, starts = _pattern(words), _starts(words)
    if pattern is None or starts is None:
        return text, []
    edits: list[Edit] = []
    clauses = None
    last_end = 0
    for m in _matches(text, pattern, starts):
        start, end = m.span()
        word = m.group()
        if _is_latin(word):
            # Take one neighbouring space with the word so `so uh we` reads `so we`.
            if text[end : end + 1] == " ":
                end += 1
            elif start > last_end and text[start - 1 : start] == " ":
                start -= 1
        elif segmenter.in_longer_word(word):
            if clauses is None:
                clauses = segmenter.clause_spans(text)
            if not _is_whole_tokens(text, clauses, start, end):
                continue
        edits.append(Edit(start, end, "", STAGE))
        last_end = end
    if not edits:
        return text, []
    return apply_edits(text, edits), edits
