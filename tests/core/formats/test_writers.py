"""Every export format, read back by the format's own library."""

import csv
import io
import json
import os
from datetime import timedelta

import docx
import pytest
import srt
import webvtt

from reader.core.errors import UserError
from reader.core.formats import read_bytes
from reader.core.formats.atomic import write_atomic
from reader.core.formats.writers import CSV_COLUMNS, ExportOptions, ExportSegment, ExportTranscript, render


def seg(position, text, *, raw=None, kind="text", start=None, end=None, speaker=None, topics=(), correction=None):
    return ExportSegment(
        position=position, kind=kind, raw=raw if raw is not None else text, cleaned=text, text=correction or text,
        correction=correction, start_ms=start, end_ms=end, speaker=speaker, topics=tuple(topics),
    )


@pytest.fixture
def talk():
    return ExportTranscript(
        id=7,
        title="测试 / 讲座",
        segments=[
            seg(1, "大家好，我是主持人。", raw="呃大家好，我是主持人。", start=0, end=2500, speaker="王老师", topics=["开场"]),
            seg(2, "今天讲 a*b 和 <i>标签</i> & 符号。", start=2500, end=7000, speaker="李博士", topics=["开场"]),
            seg(3, "![](img/slide.png)", kind="image"),
            seg(4, "第二部分。", start=7000, end=3_725_042, speaker="王老师", topics=["方法"], correction="第二部分开始。"),
        ],
    )


def text_of(doc, fmt, **options):
    return render(doc, fmt, ExportOptions(**options)).decode("utf-8")


def test_txt_is_the_effective_text_one_paragraph_per_segment(talk):
    paragraphs = text_of(talk, "txt", paragraphs="segments").strip().split("\n\n")
    assert paragraphs == ["大家好，我是主持人。", "今天讲 a*b 和 <i>标签</i> & 符号。", "第二部分开始。"]


def test_txt_keeps_images_only_when_asked(talk):
    assert "![](img/slide.png)" in text_of(talk, "txt", images=True)


def test_md_has_title_speaker_labels_and_a_heading_where_the_topic_changes(talk):
    lines = text_of(talk, "md").strip().split("\n\n")
    assert lines[0] == "# 测试 / 讲座"
    assert lines[1] == "## 开场"
    assert lines[2] == "**王老师**：大家好，我是主持人。"
    assert lines[3].startswith("**李博士**：")
    assert lines[4] == "## 方法"
    assert lines[5] == "**王老师**：第二部分开始。"
    assert "slide.png" not in "\n".join(lines)


def test_md_escapes_markup_in_transcript_text(talk):
    body = text_of(talk, "md")
    assert r"a\*b" in body and r"\<i\>" in body and "<i>" not in body


def test_md_without_speakers_and_with_images(talk):
    body = text_of(talk, "md", speakers=False, images=True)
    assert "**" not in body
    assert "\n\n![](img/slide.png)\n\n" in body


def test_docx_opens_with_bold_speakers_and_headings(talk):
    document = docx.Document(io.BytesIO(render(talk, "docx")))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].text == "测试 / 讲座" and paragraphs[0].style.name.startswith("Heading")
    assert paragraphs[1].text == "开场" and paragraphs[1].style.name == "Heading 2"
    first = paragraphs[2]
    assert first.text == "王老师：大家好，我是主持人。"
    assert first.runs[0].bold and first.runs[0].text == "王老师：" and not first.runs[1].bold
    assert paragraphs[-1].text == "王老师：第二部分开始。"


def test_docx_survives_control_characters():
    doc = ExportTranscript(1, "标题\x07", [seg(1, "有\x00控制\x1b字符")])
    document = docx.Document(io.BytesIO(render(doc, "docx")))
    assert [p.text for p in document.paragraphs if p.text][1] == "有控制字符"


def test_srt_reads_back_with_the_same_times_and_text(talk):
    cues = list(srt.parse(text_of(talk, "srt")))
    assert [(c.start, c.end) for c in cues] == [
        (timedelta(0), timedelta(milliseconds=2500)),
        (timedelta(milliseconds=2500), timedelta(seconds=7)),
        (timedelta(seconds=7), timedelta(milliseconds=3_725_042)),
    ]
    assert [c.content for c in cues] == ["大家好，我是主持人。", "今天讲 a*b 和 <i>标签</i> & 符号。", "第二部分开始。"]


def test_vtt_has_voices_and_escaped_text(talk):
    body = text_of(talk, "vtt")
    captions = webvtt.from_buffer(io.StringIO(body)).captions
    assert [c.voice for c in captions] == ["王老师", "李博士", "王老师"]
    assert captions[2].end == "01:02:05.042"
    assert "&lt;i&gt;" in captions[1].text
    # Our own reader gives back the words as written.
    parsed = read_bytes(body.encode(), "talk.vtt", "talk.vtt").transcripts[0]
    assert parsed.segments[1].raw == "今天讲 a*b 和 <i>标签</i> & 符号。"
    assert [s.speaker for s in parsed.segments] == ["王老师", "李博士", "王老师"]


def test_vtt_without_speakers(talk):
    assert all(c.voice is None for c in webvtt.from_buffer(io.StringIO(text_of(talk, "vtt", speakers=False))).captions)


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_untimed_transcripts_get_a_clear_error(fmt):
    doc = ExportTranscript(3, "口述", [seg(1, "没有时间"), seg(2, "也没有")])
    with pytest.raises(UserError, match="has no times"):
        render(doc, fmt)


def test_one_untimed_segment_is_named():
    doc = ExportTranscript(3, "口述", [seg(1, "有时间", start=0, end=10), seg(2, "没有", start=10)])
    with pytest.raises(UserError, match="segment 2 has no start or end time"):
        render(doc, "srt")


def test_json_is_read_back_by_the_importer(talk):
    data = render(talk, "json")
    parsed = read_bytes(data, "talk.json", "talk.json").transcripts[0]
    assert parsed.title == talk.title
    assert [(s.raw, s.kind, s.correction, s.start_ms, s.end_ms, s.speaker, s.topics) for s in parsed.segments] == [
        (s.raw, s.kind, s.correction, s.start_ms, s.end_ms, s.speaker, s.topics) for s in talk.segments
    ]
    segment = json.loads(data)["transcripts"][0]["segments"][0]
    assert segment["cleaned"] == "大家好，我是主持人。" and segment["edits"] == []


def test_csv_has_one_row_per_segment(talk):
    rows = list(csv.DictReader(io.StringIO(text_of(talk, "csv"), newline="")))
    assert len(rows) == len(talk.segments) and tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["raw"] == "呃大家好，我是主持人。" and rows[0]["text"] == "大家好，我是主持人。"
    assert rows[3]["correction"] == "第二部分开始。" and rows[3]["end_ms"] == "3725042"
    assert rows[1]["speaker"] == "李博士" and rows[0]["topics"] == "开场"
    assert rows[2]["kind"] == "image" and rows[2]["start_ms"] == ""


def test_names_follow_the_export_script():
    doc = ExportTranscript(1, "软件讲座", [seg(1, "內容", speaker="张老师", topics=["软件"])], script="taiwan")
    body = text_of(doc, "md")
    assert "# 軟體講座" in body and "**張老師**" in body and "## 軟體" in body


def test_unknown_format_is_refused(talk):
    with pytest.raises(UserError, match="choose one of"):
        render(talk, "pdf")


# ----------------------------------------------------------------- atomic writes


def test_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    write_atomic(target, "新的".encode())
    assert target.read_text(encoding="utf-8") == "新的"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(UserError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_atomic_write_into_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "out.txt", b"x")


# ----------------------------------------------------------------- paragraphs for publishing


@pytest.fixture
def roundtable():
    """Two speakers taking turns, the host's first turn long enough to need two paragraphs."""
    long = "我们今天讨论的是一个很长的话题，" * 10 + "这是第一段的结尾。"  # about 170 characters
    return ExportTranscript(
        id=3,
        title="圆桌",
        segments=[
            seg(1, long, speaker="主持人", topics=["开场"]),
            seg(2, long, speaker="主持人", topics=["开场"]),
            seg(3, "接着说，", speaker="主持人", topics=["开场"]),
            seg(4, "还没说完。", speaker="主持人", topics=["开场"]),
            seg(5, "我同意，", speaker="嘉宾", topics=["开场"]),
            seg(6, "补充一点。", speaker="嘉宾", topics=["开场"]),
            seg(7, "", raw="补充一点。", speaker="嘉宾", topics=["开场"]),  # a repeat: nothing to show
            seg(8, "下一个问题。", speaker="主持人", topics=["方法"]),
        ],
    )


def test_md_joins_a_turn_into_paragraphs_and_names_the_speaker_once(roundtable):
    long = roundtable.segments[0].text
    lines = text_of(roundtable, "md").strip().split("\n\n")
    assert lines == [
        "# 圆桌",
        "## 开场",
        f"**主持人**：{long}{long}",  # past 300 characters at a sentence end: the paragraph breaks...
        "接着说，还没说完。",  # ...and goes on without the name again
        "**嘉宾**：我同意，补充一点。",
        "## 方法",
        "**主持人**：下一个问题。",
    ]


def test_txt_and_docx_name_the_speaker_once_per_turn(roundtable):
    paragraphs = text_of(roundtable, "txt").strip().split("\n\n")
    assert [p.split("：")[0] for p in paragraphs if "：" in p] == ["主持人", "嘉宾", "主持人"]
    assert "嘉宾：我同意，补充一点。" in paragraphs
    document = docx.Document(io.BytesIO(render(roundtable, "docx")))
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert bold == ["主持人：", "嘉宾：", "主持人："]


def test_paragraphs_segments_keeps_one_paragraph_and_label_per_segment(roundtable):
    lines = text_of(roundtable, "md", paragraphs="segments").strip().split("\n\n")
    assert lines[-3:] == ["**嘉宾**：补充一点。", "## 方法", "**主持人**：下一个问题。"]
    assert sum(line.startswith("**主持人**") for line in lines) == 5


def test_subtitles_and_data_formats_stay_one_record_per_segment(roundtable):
    assert len(list(csv.DictReader(io.StringIO(text_of(roundtable, "csv"), newline="")))) == len(roundtable.segments)


def test_an_unknown_paragraph_layout_is_refused():
    with pytest.raises(UserError, match="turns, segments"):
        ExportOptions(paragraphs="pages")
