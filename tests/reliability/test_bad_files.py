"""Every kind of bad file the importer has met, with what must happen to it.

Each row is a file as it arrived and its outcome: the segments stored (raw
text, in order) or the refusal, one line naming the problem, with the
library left exactly as it was. New troublemakers get a row here.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from reader.core.errors import UserError
from reader.core.library import check_library, import_file, transcript_segments
from reader.core.library.models import Revision, Segment, Source, Transcript


@dataclass(frozen=True)
class Stored:
    segments: tuple[str, ...]


@dataclass(frozen=True)
class Refused:
    because: str


TWO = "第一段，大家好。\n\n第二段，谢谢。\n"
TWO_STORED = Stored(("第一段，大家好。", "第二段，谢谢。"))
RARE = "今天我们讨论一下这个问题，大家都知道这个事情很重要。生僻字𠀀和𪚥偶尔出现，价格是5€。"
CANTONESE = "佢哋啲嘢係咁㗎喇，唔該晒你哋。我哋聽日再傾，好唔好呀？"
JSON_HEAD = b'{"format": "transcript-reader", "version": 1, "transcripts": [{"title": "t", "segments": ['

CASES = [
    # encodings and byte-order marks
    ("utf8-bom-then-nothing.txt", codecs.BOM_UTF8, Refused("only whitespace")),
    ("utf16-bom-only.txt", codecs.BOM_UTF16_LE, Refused("only whitespace")),
    ("utf16-bom-whitespace.txt", codecs.BOM_UTF16_BE + " \n\n\t".encode("utf-16-be"), Refused("only whitespace")),
    ("utf32-le-bom.txt", codecs.BOM_UTF32_LE + TWO.encode("utf-32-le"), TWO_STORED),
    ("utf32-be-no-bom.txt", TWO.encode("utf-32-be"), TWO_STORED),
    ("utf16-le-no-bom.txt", TWO.encode("utf-16-le"), TWO_STORED),
    ("utf16-bom-lying.txt", codecs.BOM_UTF16_LE + TWO.encode("utf-8"), Refused("as utf-16-le it is mostly unassigned")),
    ("utf16-lone-surrogate.txt", codecs.BOM_UTF16_LE + "你好".encode("utf-16-le") + b"\x00\xd8" + "世界".encode("utf-16-le"),
     Refused("utf-16-le")),
    ("utf8-cut-mid-character.txt", "你好世界。\n\n再见朋友们。".encode()[:-2], Refused("cannot decode")),
    ("gb18030-four-byte.txt", (RARE + "\n\n" + RARE).encode("gb18030"), Stored((RARE, RARE))),
    ("big5-hkscs.txt", (CANTONESE + "\n").encode("big5hkscs"), Stored((CANTONESE,))),
    pytest.param(
        "latin-1.txt", "café, naïve résumé, déjà vu.\n".encode("latin-1"), Stored(("café, naïve résumé, déjà vu.",)),
        id="latin-1.txt",
    ),
    # control characters, invisible characters, line ends
    ("nul-in-text.txt", "你好\x00世界。".encode(), Refused("binary")),
    ("mixed-crlf-cr.txt", "第一段。\r\n\r\n第二段。\r\r第三段。\n".encode(), Stored(("第一段。", "第二段。", "第三段。"))),
    ("unicode-line-separators.txt", "第一段。\u2028\u2028第二段。\x85\x85第三段。".encode(), Stored(("第一段。", "第二段。", "第三段。"))),
    ("zero-width-junk.txt", "你\u200b好\u200d。\ufeff\n\n再\u2060见\u00ad。\n".encode(), Stored(("你好。", "再见。"))),
    ("bidi-override.txt", "\u202e你好世界\u202c。\n\n\u200f再见\u200e，\u2067朋友\u2069。\n".encode(),
     Stored(("你好世界。", "再见，朋友。"))),
    # not text at all
    ("picture.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, Refused("binary")),
    ("archive.zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8, Refused("binary")),
    ("elf", b"\x7fELF\x02\x01\x01\x00" + bytes(512), Refused("binary")),
    ("empty.srt", b"", Refused("empty")),
    # broken subtitles
    ("srt-missing-index.srt", "00:00:01,000 --> 00:00:02,000\n你好\n".encode(), Stored(("你好",))),
    ("srt-bad-arrow.srt", "1\n00:00:01,000 -> 00:00:02,000\n你好\n".encode(), Refused("line 2")),
    ("srt-bad-digit.srt", "1\n00:00:01,000 --> 00:00:0x,000\n你好\n".encode(), Refused("line 2: malformed timing")),
    ("srt-end-before-start.srt", "1\n00:00:05,000 --> 00:00:02,000\n你好\n".encode(), Refused("line 2: the cue ends before it starts")),
    ("srt-overlapping.srt", "1\n00:00:01,000 --> 00:00:05,000\n你好\n\n2\n00:00:02,000 --> 00:00:03,000\n再见\n".encode(),
     Stored(("你好", "再见"))),
    ("srt-styling.srt", '1\n00:00:01,000 --> 00:00:02,000\n<font color="red">你好</font>{\\an8}\n'.encode(), Stored(("你好",))),
    ("plain-text-named.srt", TWO.encode(), Refused("line 1")),
    ("vtt-without-header.vtt", "00:00:01.000 --> 00:00:02.000\n你好\n".encode(), Refused("must start with WEBVTT")),
    ("vtt-stray-text.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n你好\n\n迷路的一行\n".encode(), Refused("text outside any cue")),
    ("vtt-only-empty-cues.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n", Refused("no transcript text")),
    # markup is text: stored as written, never interpreted
    ("markup.txt", '<script>alert(1)</script>\n\n<img src="http://127.0.0.1:9/x.png" onerror="alert(2)">看图\n'.encode(),
     Stored(("<script>alert(1)</script>", '<img src="http://127.0.0.1:9/x.png" onerror="alert(2)">看图'))),
    ("vtt-markup.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&lt;b&gt;你好&lt;/b&gt;\n".encode(),
     Stored(("<b>你好</b>",))),
    # the project's JSON, damaged or hostile
    ("json-nested-deep.json", b"[" * 100_000, Refused("nested too deeply")),
    ("json-huge-number.json", JSON_HEAD + b'{"raw": "x", "start_ms": 1' + b"0" * 5000 + b"}]}]}", Refused("not valid JSON")),
    ("json-time-out-of-range.json", JSON_HEAD + b'{"raw": "x", "start_ms": 1' + b"0" * 30 + b"}]}]}",
     Refused('"start_ms" is out of range')),
    ("json-nul-escape.json", JSON_HEAD + b'{"raw": "a\\u0000b"}]}]}', Refused("NUL")),
    ("json-lone-surrogate.json", JSON_HEAD + b'{"raw": "a\\ud800b"}]}]}', Refused("lone surrogate")),
    ("json-blank-segment.json", JSON_HEAD + b'{"raw": "  "}]}]}', Refused('"raw" is empty')),
    ("json-not-ours.json", b'{"not": "ours"}', Refused("not a transcript-reader JSON export")),
    # hostile input (issue 13): times no recording has, controls that act on a terminal,
    # UTF-16 that no NUL byte gives away
    ("srt-hour-overflow.srt", "1\n9999999999999999999999:00:01,000 --> 9999999999999999999999:00:02,000\n你好\n".encode(),
     Refused("line 2: time out of range")),
    ("srt-hour-huge.srt", "1\n00:00:01,000 --> 99999999:00:02,000\n你好\n".encode(), Refused("line 2: time out of range")),
    ("srt-101-hours.srt", "1\n00:00:01,000 --> 00:00:02,000\n你好\n\n2\n101:00:00,000 --> 101:00:01,000\n再见\n".encode(),
     Refused("line 6: time out of range")),
    ("vtt-101-hours.vtt", "WEBVTT\n\n101:00:01.000 --> 101:00:02.000\n你好\n".encode(), Refused("line 3: time out of range")),
    ("json-escape-controls.json", JSON_HEAD + b'{"raw": "\\u001b[2J\\u0007\\u009b\\u4f60\\t\\u597d"}]}]}',
     Stored(("\ufffd[2J\ufffd\ufffd\u4f60\t\u597d",))),
    ("escape-controls.txt", "你好\x1b[31m红。\x7f\n\n再见\x0c朋友。\n".encode(), Stored(("你好\ufffd[31m红。\ufffd", "再见朋友。"))),
    ("utf16-le-no-bom-no-newline.txt", "你好".encode("utf-16-le"), Stored(("你好",))),
    ("utf16-be-no-bom-no-newline.txt", "大家好，谢谢。".encode("utf-16-be"), Stored(("大家好，谢谢。",))),
    ("ascii-word.txt", b"note", Stored(("note",))),
]


def snapshot(lib) -> tuple[int, ...]:
    with lib.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Source, Transcript, Segment, Revision))


@pytest.mark.parametrize(("name", "data", "outcome"), CASES, ids=[c[0] if isinstance(c, tuple) else None for c in CASES])
def test_bad_file(library, tmp_path, name, data, outcome):
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(library)
    if isinstance(outcome, Refused):
        with pytest.raises(UserError) as raised:
            import_file(library, path)
        message = str(raised.value)
        assert outcome.because in message and message.startswith(f"{path}: ") and "\n" not in message
        assert snapshot(library) == before
    else:
        result = import_file(library, path)
        assert [s.raw for s in transcript_segments(library, result.transcripts[0].id)[1]] == list(outcome.segments)
    assert check_library(library) == []


def test_a_five_megabyte_line_imports_every_character_in_readable_segments(library, tmp_path):
    sentence = "这是一句很长的话，没有换行也没有句号"
    path = tmp_path / "one-line.txt"
    path.write_text(sentence * (5 * 1024 * 1024 // len(sentence.encode())), encoding="utf-8")
    result = import_file(library, path)
    segments = transcript_segments(library, result.transcripts[0].id)[1]
    assert "".join(s.raw for s in segments) == path.read_text(encoding="utf-8")
    assert len(segments) > 100 and max(len(s.raw) for s in segments) <= 2000
