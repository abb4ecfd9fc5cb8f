"""Plain text and the seed format (Markdown-ish transcripts).

Seed format: a line `# TITLE` starts a transcript; text before the first
heading (if any) forms a transcript named after the file. A heading with
nothing under it (a series title) makes no transcript. Paragraphs are
separated by blank lines and each becomes one segment; a line `![alt](url)`
is an image segment; a paragraph made only of parenthesised marks such as
`(掌声)` or `（笑）` is a mark segment. Marks inside a sentence stay text.

Plain text is the same without headings; a file (or section) with no blank
lines at all is read one segment per line, the usual ASR line output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.core.formats.document import ParsedSegment, ParsedTranscript
from reader.core.formats.paragraphs import join_lines, paragraph_kind, split_long
from reader.core.kinds import SegmentKind

_HEADING = re.compile(r"^# +(\S.*?)(?:\s+#+)?\s*$")
_IMAGE = re.compile(r"^\s*!\[[^\]\n]*\]\([^)\n]*\)\s*$")


def read_text(text: str, fallback_title: str) -> tuple[str, list[ParsedTranscript]]:
    """(format name, transcripts) of a plain-text or seed-format document."""
    sections = list(_sections(text.split("\n"), fallback_title))
    has_headings = any(titled for _, _, titled in sections)
    transcripts = []
    for title, body, _ in sections:
        segments = [seg for block in _blocks(body) for seg in _segments(block)]
        if segments:
            transcripts.append(ParsedTranscript(title=title, segments=segments))
    return ("markdown" if has_headings else "text"), transcripts


def _sections(lines: list[str], fallback_title: str) -> Iterator[tuple[str, list[str], bool]]:
    title, titled, body = fallback_title, False, list[str]()
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            yield title, body, titled
            title, titled, body = heading.group(1), True, []
        else:
            body.append(line)
    yield title, body, titled


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) == 1 and len(blocks[0]) > 1:
        # No blank lines anywhere: ASR tools write one utterance per line.
        return [[line] for line in blocks[0]]
    return blocks


def _segments(block: list[str]) -> Iterator[ParsedSegment]:
    pending: list[str] = []
    for line in block:
        if _IMAGE.match(line):
            yield from _text_segments(pending)
            pending = []
            yield ParsedSegment(raw=line.strip(), kind=SegmentKind.IMAGE)
        else:
            pending.append(line)
    yield from _text_segments(pending)


def _text_segments(lines: list[str]) -> Iterator[ParsedSegment]:
    text = join_lines(lines)
    if not text:
        return
    if paragraph_kind(text) is SegmentKind.MARK:
        yield ParsedSegment(raw=text, kind=SegmentKind.MARK)
        return
    for piece in split_long(text):
        yield ParsedSegment(raw=piece)
