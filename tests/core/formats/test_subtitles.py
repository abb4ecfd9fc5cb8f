"""SRT and WebVTT: one cue a segment, times and voices kept, broken timing named by line."""

import pytest

from reader.core.errors import UserError
from reader.core.formats import read_bytes

SRT = """1
00:00:01,000 --> 00:00:02,500
大家好，<i>欢迎</i>

2
00:00:03,000 --> 00:01:04,250
今天的主题是
多模态模型

"""

VTT = """WEBVTT

NOTE 会议录音

intro
00:00:01.000 --> 00:00:02.500 align:start
<v 张三>大家好</v>

00:00:03.000 --> 00:00:04.000
<v.loud 李四>你好<b>呀</b> &amp; 再见

00:00:05.000 --> 00:00:06.000
没有说话人
"""


def parse(text: str, name: str):
    return read_bytes(text.encode("utf-8"), name, name)


def test_srt_cues_become_segments_with_times():
    parsed = parse(SRT, "talk.srt")
    segments = parsed.transcripts[0].segments
    assert [(s.raw, s.start_ms, s.end_ms) for s in segments] == [
        ("大家好，欢迎", 1000, 2500),
        ("今天的主题是多模态模型", 3000, 64250),
    ]
    assert parsed.transcripts[0].title == "talk"
    assert parsed.format == "srt"


def test_vtt_voice_tag_becomes_the_speaker():
    segments = parse(VTT, "talk.vtt").transcripts[0].segments
    assert [(s.raw, s.speaker, s.start_ms, s.end_ms) for s in segments] == [
        ("大家好", "张三", 1000, 2500),
        ("你好呀 & 再见", "李四", 3000, 4000),
        ("没有说话人", None, 5000, 6000),
    ]


def test_subtitles_are_recognised_by_content_without_a_telling_name():
    assert parse(SRT, "download").format == "srt"
    assert parse(VTT, "download").format == "vtt"


@pytest.mark.parametrize(
    ("text", "name", "line"),
    [
        (SRT.replace("00:01:04,250", "00:01:0x,250"), "a.srt", 6),
        (SRT.replace("00:00:03,000 -->", "00:00:03,000 ->"), "a.srt", 6),
        (SRT.replace("00:00:01,000 --> 00:00:02,500", "00:00:09,000 --> 00:00:02,500"), "a.srt", 2),
        ("1\n00:00:01,000\n没有箭头\n", "a.srt", 2),
        (VTT.replace("00:00:04.000", "00:00:4.000"), "a.vtt", 9),
        (VTT.replace("00:00:05.000 --> 00:00:06.000\n", ""), "a.vtt", 12),
        (VTT.replace("00:00:03.000 --> 00:00:04.000", "00:00:05.000 --> 00:00:04.000"), "a.vtt", 9),
        (VTT.replace("WEBVTT", "WEBVT"), "a.vtt", 1),
        ("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:05,000 --> 00:00:03,000\n你好\n", "a.srt", 5),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<b></b>\n\n00:00:05.000 --> 00:00:03.000\n你好\n", "a.vtt", 6),
    ],
)
def test_malformed_timing_names_the_line(text, name, line):
    with pytest.raises(UserError) as raised:
        parse(text, name)
    assert raised.value.why.startswith(f"line {line}:"), raised.value.why


def test_subtitles_without_any_text_are_an_error():
    with pytest.raises(UserError, match="no transcript text"):
        parse("WEBVTT\n\nNOTE nothing here\n", "empty.vtt")
