"""Subtitle cues the way style guides ask: at most two lines, each at most 42 columns
(21 Chinese characters, 42 Latin), lines broken at punctuation or spaces where a
good place is near, never inside a Latin word; a longer text becomes several cues
sharing the segment's time by their share of the characters."""

from __future__ import annotations

import re
import unicodedata

LINE_COLUMNS = 42  # Netflix's and the BBC's limit for Latin text; a Chinese character takes two
LINES = 2
# Where a line may end well: after a pause mark, or at a space.
_PAUSE = set("，。！？；：、,.!?;:…）)」』”’")
# A Latin word (letters, digits, what joins them) stays whole; anything wide is a token of its own.
_TOKENS = re.compile(r"\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|.")


def columns(text: str) -> int:
    """How wide `text` is on screen: two columns for a wide (CJK) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for token in _TOKENS.findall(" ".join(text.split())):
        while columns(token) > LINE_COLUMNS:  # a URL or a long code: cut where it must
            out.append(token[:LINE_COLUMNS])
            token = token[LINE_COLUMNS:]
        out.append(token)
    return out


def _lines(tokens: list[str]) -> list[tuple[int, int]]:
    """Greedy lines of at most LINE_COLUMNS as token ranges, ending after a pause mark when one is in
    the second half; the spaces where a line breaks stay at the end of the line before."""
    lines: list[tuple[int, int]] = []
    begin = 0
    for i, token in enumerate(tokens):
        if i > begin and not token.isspace() and columns("".join(tokens[begin : i + 1]).rstrip()) > LINE_COLUMNS:
            cut = begin + _good_cut(tokens[begin:i])
            lines.append((begin, cut))
            begin = cut
    lines.append((begin, len(tokens)))
    return lines


def _good_cut(line: list[str]) -> int:
    """Where to end a full line: after the last pause mark or space past its middle, else at its end."""
    width = 0
    best = len(line)
    for i, token in enumerate(line):
        width += columns(token)
        if width * 2 >= LINE_COLUMNS and (token.isspace() or token[-1] in _PAUSE) and i + 1 < len(line):
            best = i + 1
    return best


def _two_lines(tokens: list[str]) -> str:
    """Text that fits two lines, broken where the two are most even, a pause mark or space preferred."""
    text = "".join(tokens).strip()
    if columns(text) <= LINE_COLUMNS:
        return text
    total = columns(text)
    best: tuple[float, int] | None = None
    width = 0
    for i, token in enumerate(tokens[:-1]):
        width += columns(token)
        if width > LINE_COLUMNS or total - width > LINE_COLUMNS:
            continue
        score = abs(total - 2 * width) - (12 if token.isspace() or token[-1] in _PAUSE else 0)
        if best is None or score < best[0]:
            best = (score, i + 1)
    cut = best[1] if best else len(tokens) // 2
    return "".join(tokens[:cut]).strip() + "\n" + "".join(tokens[cut:]).strip()


def cue_texts(text: str) -> list[str]:
    """`text` as one or more cue texts of at most two lines (lines joined by a line break)."""
    tokens = _tokens(text)
    if not tokens:
        return [""]
    lines = _lines(tokens)
    cues = [(lines[i][0], lines[min(i + LINES, len(lines)) - 1][1]) for i in range(0, len(lines), LINES)]
    return [_two_lines(tokens[begin:end]) for begin, end in cues]


def split_cue(text: str, start_ms: int, end_ms: int) -> list[tuple[int, int, str]]:
    """(start, end, text) cues for one segment: its time shared by the cues' columns."""
    texts = cue_texts(text)
    if len(texts) == 1:
        return [(start_ms, end_ms, texts[0])]
    weights = [max(1, columns(t)) for t in texts]
    total, done, out = sum(weights), 0, []
    for cue, weight in zip(texts, weights, strict=True):
        begin = start_ms + (end_ms - start_ms) * done // total
        done += weight
        out.append((begin, start_ms + (end_ms - start_ms) * done // total, cue))
    return out
