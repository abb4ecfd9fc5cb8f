"""Subtitle cues wrapped as style guides ask: two lines at most, 21 Chinese characters or 42 Latin a line."""

import io
import itertools

import srt
import webvtt

from reader.core.formats.cues import LINE_COLUMNS, columns, cue_texts, split_cue
from reader.core.formats.writers import ExportSegment, ExportTranscript, render

LONG = (
    "今天我们来谈一谈大语言模型在语音识别后处理当中的应用，以及它带来的问题和机会。"
    "还有很多很多别的事情要说，比如说数据、算力、人才，还有整个行业的生态。最后我们再讲讲未来。"
)


def _fits(cue: str) -> bool:
    return cue.count("\n") <= 1 and all(columns(line) <= LINE_COLUMNS for line in cue.split("\n"))


def test_a_short_line_stays_one_line():
    assert cue_texts("大家好，我是主持人。") == ["大家好，我是主持人。"]


def test_a_long_chinese_segment_becomes_cues_of_two_lines_of_21_characters():
    cues = cue_texts(LONG)
    assert len(cues) > 1 and all(_fits(c) for c in cues)
    assert "".join(c.replace("\n", "") for c in cues) == LONG


def test_latin_words_are_never_cut_and_lines_hold_42_letters():
    text = "This is a fairly long English sentence that should be wrapped into two lines nicely, without breaking any words at all."
    cues = cue_texts(text)
    assert all(_fits(c) for c in cues)
    assert " ".join(" ".join(c.split("\n")) for c in cues).split() == text.split()


def test_the_time_is_shared_by_the_cues_characters():
    cues = split_cue(LONG, 1000, 21000)
    assert cues[0][0] == 1000 and cues[-1][1] == 21000
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cues))
    durations = [end - start for start, end, _ in cues]
    widths = [columns(text) for _, _, text in cues]
    assert max(durations) == durations[widths.index(max(widths))]


def test_srt_and_vtt_export_wrap_long_segments():
    doc = ExportTranscript(1, "长", [ExportSegment(1, "text", LONG, LONG, LONG, start_ms=0, end_ms=20000, speaker="主持人")])
    subtitles = list(srt.parse(render(doc, "srt").decode()))
    assert len(subtitles) > 1 and all(_fits(s.content) for s in subtitles)
    assert subtitles[-1].end.total_seconds() == 20
    captions = webvtt.from_buffer(io.StringIO(render(doc, "vtt").decode())).captions
    assert len(captions) == len(subtitles) and all(c.voice == "主持人" for c in captions)


def test_a_tapped_start_ends_where_the_next_segment_starts():
    doc = ExportTranscript(1, "听", [
        ExportSegment(1, "text", "一", "一", "一", start_ms=0),
        ExportSegment(2, "text", "二", "二", "二", start_ms=1500, end_ms=3000),
    ])
    subtitles = list(srt.parse(render(doc, "srt").decode()))
    assert [(s.start.total_seconds(), s.end.total_seconds()) for s in subtitles] == [(0, 1.5), (1.5, 3)]
