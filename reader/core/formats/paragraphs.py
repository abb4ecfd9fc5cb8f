"""Paragraph layout shared by the readers: joining wrapped lines, splitting walls of text.

Splitting rule (ASR output often arrives as one enormous line):
a paragraph longer than `LONG_PARAGRAPH` characters is cut into pieces of at
most `PIECE` characters. Cuts fall after a sentence end (。！？!?… and any
closing quotes/brackets after it), packing whole sentences greedily. Only a
single sentence that is itself longer than `PIECE` is cut inside, after a
clause mark (，、；：,;:), and only a clause longer than `PIECE` is cut at
whitespace or, failing that, at exactly `PIECE` characters. Paragraphs up to
`LONG_PARAGRAPH` characters are never touched, so ordinary transcripts import
one segment per paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.core.kinds import SegmentKind

LONG_PARAGRAPH = 600
PIECE = 300

_SENTENCE = re.compile(r".*?(?:[。！？!?…]+[”’」』）)\"']*|$)", re.S)
_CLAUSE = re.compile(r".*?(?:[，、；：,;:]+|$)", re.S)
# A paragraph made only of parenthesised marks: (掌声), （笑）, (英文)(掌聲).
_MARKS = re.compile(r"^(?:[(（][^()（）]{1,12}[)）]\s*)+[。.，,！!？?]?$")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def join_lines(lines: list[str]) -> str:
    """One paragraph from wrapped lines: no space between Chinese, one between words."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out


def split_long(text: str) -> list[str]:
    """`text` as readable pieces (see the module docstring for the rule)."""
    if len(text) <= LONG_PARAGRAPH:
        return [text]
    return [piece.strip() for piece in _pack(_units(text, _SENTENCE, _split_sentence)) if piece.strip()]


def _units(text: str, pattern: re.Pattern[str], too_long: Callable[[str], list[str]]) -> list[str]:
    units: list[str] = []
    for match in pattern.finditer(text):
        unit = match.group(0)
        if not unit:
            continue
        units.extend(too_long(unit) if len(unit) > PIECE else [unit])
    return units


def _split_sentence(sentence: str) -> list[str]:
    return _units(sentence, _CLAUSE, _split_clause)


def _split_clause(clause: str) -> list[str]:
    pieces = []
    while len(clause) > PIECE:
        cut = clause.rfind(" ", PIECE // 2, PIECE)
        cut = cut + 1 if cut > 0 else PIECE
        pieces.append(clause[:cut])
        clause = clause[cut:]
    return [*pieces, clause] if clause else pieces


def _pack(units: list[str]) -> list[str]:
    pieces: list[str] = []
    current = ""
    for unit in units:
        if current and len(current) + len(unit) > PIECE:
            pieces.append(current)
            current = ""
        current += unit
    if current:
        pieces.append(current)
    return pieces


def paragraph_kind(text: str) -> SegmentKind:
    """A paragraph or cue made only of non-speech marks is a mark; marks inside a sentence stay text."""
    return SegmentKind.MARK if _MARKS.match(text) else SegmentKind.TEXT
