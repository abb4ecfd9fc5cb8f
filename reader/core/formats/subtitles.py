"""SRT (via `srt`) and WebVTT (via `webvtt-py`) readers: one cue, one segment, times kept."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.vtt import WebVTTCueBlock

from reader.core.errors import Msg, UserError
from reader.core.formats.document import ParsedSegment, ParsedTranscript
from reader.core.formats.paragraphs import join_lines, paragraph_kind
from reader.core.timecode import MAX_HOURS, MAX_MS

# SRT players honour a handful of HTML-like and ASS styling tags; they are
# formatting, not words. Anything else in a cue stays as written.
_SRT_STYLING = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}", re.I)


def _ms(delta: timedelta) -> int:
    return round(delta.total_seconds() * 1000)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _arrow_lines(lines: list[str]) -> list[int]:
    return [n for n, line in enumerate(lines, 1) if "-->" in line]


def _check_order(what: str, times: list[tuple[int, int]], text: str) -> None:
    """Every cue, empty or not, against its timing line (the n-th line with an arrow)."""
    for (start_ms, end_ms), line in zip(times, _arrow_lines(text.split("\n")), strict=False):
        if end_ms > MAX_MS:
            raise UserError("{path}", "line {line}: time out of range (over {limit} hours)", path=what, line=line, limit=MAX_HOURS)
        if end_ms < start_ms:
            raise UserError("{path}", "line {line}: the cue ends before it starts", path=what, line=line)


_HOURS = re.compile(r"(\d+):\d{1,2}:\d{1,2}")


def _check_hours(what: str, text: str) -> None:
    """Refuse a timing line whose hours are out of range before any library turns
    them into a timedelta (an hour of 10**22 overflows it)."""
    for number, line in enumerate(text.split("\n"), 1):
        if "-->" in line and any(int(hours) > MAX_HOURS for hours in _HOURS.findall(line)):
            raise UserError("{path}", "line {line}: time out of range (over {limit} hours)", path=what, line=number, limit=MAX_HOURS)


# `srt` reads "00:01:0x,250" as 00:01:00 followed by proprietary data "x,250";
# a timing line must be two whole timestamps, then optional settings.
_SRT_TIMING = re.compile(r"\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}(?:\s.*)?")


def read_srt(text: str, what: str, title: str) -> ParsedTranscript:
    for number, line in enumerate(text.split("\n"), 1):
        if "-->" in line and not _SRT_TIMING.fullmatch(line):
            raise UserError(
                "{path}", "line {line}: malformed timing {timing!r}, expected 00:00:01,000 --> 00:00:02,000",
                path=what, line=number, timing=line.strip()[:80],
            )
    _check_hours(what, text)
    try:
        cues = list(srt.parse(text, ignore_errors=False))
    except OverflowError:
        raise UserError("{path}", "a time out of range (over {limit} hours)", path=what, limit=MAX_HOURS) from None
    except srt.SRTParseError as exc:
        raise UserError(
            "{path}",
            "line {line}: malformed subtitle block, expected a number then a timing line like 00:00:01,000 --> 00:00:02,000",
            path=what, line=_srt_error_line(text, exc),
        ) from None
    _check_order(what, [(_ms(cue.start), _ms(cue.end)) for cue in cues], text)
    segments = []
    for cue in cues:
        raw = join_lines(_SRT_STYLING.sub("", cue.content).split("\n"))
        if raw:
            segments.append(ParsedSegment(raw=raw, kind=paragraph_kind(raw), start_ms=_ms(cue.start), end_ms=_ms(cue.end)))
    return ParsedTranscript(title=title, segments=segments)


def _srt_error_line(text: str, exc: srt.SRTParseError) -> int:
    # The library reports where the unparsable block starts; the timing line
    # (the usual culprit) is the first line there with an arrow, else the one
    # after the cue number.
    start = exc.expected_start
    while start < len(text) and text[start] in " \t\n":
        start += 1
    first = _line_of(text, start)
    block = text[start:].split("\n")[:3]
    for n, line in enumerate(block):
        if "-->" in line:
            return first + n
    return first + 1 if len(block) > 1 and block[0].strip().isdigit() else first


def read_vtt(text: str, what: str, title: str) -> ParsedTranscript:
    _check_hours(what, text)
    try:
        captions = webvtt.from_string(text, strict=True).captions
    except MalformedFileError:
        raise UserError("{path}", "line 1: a WebVTT file must start with WEBVTT", path=what) from None
    except MalformedCaptionError as exc:
        raise UserError("{path}", _vtt_bad_timing(text) or Msg("malformed cue: {error}", error=exc), path=what) from None
    stray = _vtt_stray_block(text)
    if stray:
        raise UserError(
            "{path}", "line {line}: text outside any cue, expected a timing line like 00:00:01.000 --> 00:00:02.000", path=what, line=stray,
        )
    _check_order(what, [(c.start_time.in_milliseconds(), c.end_time.in_milliseconds()) for c in captions], text)
    segments = []
    for caption in captions:
        raw = join_lines(html.unescape(caption.text).split("\n"))
        if raw:
            segments.append(
                ParsedSegment(
                    raw=raw,
                    kind=paragraph_kind(raw),
                    start_ms=caption.start_time.in_milliseconds(),
                    end_ms=caption.end_time.in_milliseconds(),
                    speaker=caption.voice,
                )
            )
    return ParsedTranscript(title=title, segments=segments)


def _vtt_bad_timing(text: str) -> Msg | None:
    for n, line in enumerate(text.split("\n"), 1):
        if "-->" in line and not WebVTTCueBlock.STRICT_CUE_TIMINGS_PATTERN.match(line):
            return Msg("line {line}: malformed cue timing {timing!r}, expected 00:00:01.000 --> 00:00:02.000", line=n, timing=line.strip())
    return None


def _vtt_stray_block(text: str) -> int | None:
    """First line of a block that is neither header, cue, NOTE, STYLE nor REGION.

    webvtt-py skips such blocks silently, even when strict; for a transcript
    that would be words lost without a word said.
    """
    blocks = re.finditer(r"(?:^|\n\n)\n*([^\n].*?)(?=\n\n|\Z)", text, re.S)
    for index, block in enumerate(blocks):
        body = block.group(1)
        if index == 0 or "-->" in body or re.match(r"(NOTE|STYLE|REGION)(\s|$)", body):
            continue
        return _line_of(text, block.start(1))
    return None
