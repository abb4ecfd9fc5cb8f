"""Stage 4, loops: a recognizer stuck in a loop writes one clause again and again.

A clause said three or more times in a row keeps one copy (`对，对，对` -> `对`); a clause
of six or more characters said twice in a row keeps one (nobody repeats a whole sentence
on purpose, but `谢谢，谢谢` and `是啊，是啊` are said twice by people). Clauses are compared
as the stages before left them, ignoring the separators and spaces between them. The last
copy stays, with the punctuation after it; the others go with their separators.

A whole segment that only repeats the segment before is the library's to judge (it needs
the previous segment): `repeats_previous` gives the decision.
"""

from __future__ import annotations

import re

from reader.core.text import segmenter
from reader.core.text.edits import Edit, apply_edits
from reader.core.text.punctuation import END_MARKS, SEPARATORS

STAGE = "loops"
# Twice is a loop from this length on; shorter clauses need a third copy.
LONG_CLAUSE = 6
LOOP_COPIES = 3
# What may stand between two copies: separators, end marks and spaces, nothing else
# (`(英文)，(英文)` are marks, not clauses).
_GAP = re.compile(f"[\\s{SEPARATORS}{END_MARKS}]*")
# A whole clause, the punctuation after it, and the same clause again, whole.
_P = segmenter.PUNCTUATION
# The first clause, or one after a mark: beginning with a character class, the search
# skips to the marks without trying every offset.
_FIRST_REPEATED = re.compile(f"([^{_P}]++)[{_P}]++\\1(?![^{_P}])")
_REPEATED_CLAUSE = re.compile(f"[{_P}]{_FIRST_REPEATED.pattern}")
_SPACE = re.compile(r"\s")
# The spaces a clause may hold (a tab or a line break ends one).
_INNER_SPACE = re.compile(f"{segmenter.INNER_SPACE}+")
# The one letter that lowers by its context (a final sigma): the text lowered whole and
# clause by clause could differ there.
_CONTEXT_CASED = "\u03a3"


def _key(clause: str) -> str:
    return "".join(clause.split()).lower()


def collapse_loops(text: str) -> tuple[str, list[Edit]]:
    if _CONTEXT_CASED not in text:
        # The text without the spaces inside clauses, lowered, is every clause's key in turn
        # (a clause of spaces alone disappears, which can only join two others): one
        # search tells whether a clause may follow a copy of itself.
        folded = text.lower()
        if _SPACE.search(folded):
            folded = _INNER_SPACE.sub("", folded)
        if not (_FIRST_REPEATED.match(folded) or _REPEATED_CLAUSE.search(folded)):
            return text, []
    else:
        keys = [_key(clause) for clause in segmenter.CLAUSE.findall(text)]
        if not any(map(str.__eq__, keys, keys[1:])):
            return text, []  # no clause follows a copy of itself
    spans = segmenter.clause_spans(text)
    edits = []
    i = 0
    while i < len(spans):
        key = _key(text[slice(*spans[i])])
        j = i + 1
        while (
            j < len(spans)
            and _GAP.fullmatch(text, spans[j - 1][1], spans[j][0])
            and _key(text[slice(*spans[j])]) == key
        ):
            j += 1
        copies = j - i
        if key and (copies >= LOOP_COPIES or (copies == 2 and len(key) >= LONG_CLAUSE)):
            edits.append(Edit(spans[i][0], spans[j - 1][0], "", STAGE))
        i = j
    if not edits:
        return text, []
    return apply_edits(text, edits), edits


def _clauses(text: str) -> list[str]:
    return [key for start, end in segmenter.clause_spans(text) if (key := _key(text[start:end]))]


def repeats_previous(cleaned_text: str, previous_cleaned_text: str) -> bool:
    """Whether a segment's cleaned text only says again what the previous segment's did:
    its clauses, in order, are a run of the previous segment's clauses (a loop across the
    segment boundary). Short replies (`是啊。` after `是啊。`) are said twice by people, so
    the repeat must hold at least a long clause's worth of text."""
    current = _clauses(cleaned_text)
    previous = _clauses(previous_cleaned_text)
    if not current or sum(map(len, current)) < LONG_CLAUSE:
        return False
    n = len(current)
    return any(previous[k : k + n] == current for k in range(len(previous) - n + 1))
