"""Exporting from the library: effective text, scripts, round trips, whole-library export."""

import json
import os

import docx
import pytest
import srt

from reader.core.errors import UserError
from reader.core.library import edits, import_file, open_library, transcript_segments
from reader.core.library import rules as library_rules
from reader.core.library.export import ExportOptions, export_library, export_transcript, gather, render_transcript

SRT = """1
00:00:01,250 --> 00:00:03,400
大家好，欢迎收看。

2
00:00:03,400 --> 00:01:05,009
今天我们聊聊软件。

3
01:02:03,004 --> 01:02:04,999
再见
"""


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def without_ids(found):
    title, segments = found
    return title, [(s.position, s.kind, s.raw, s.correction, s.speaker, s.start_ms, s.end_ms) for s in segments]


@pytest.fixture
def annotated(library, tmp_path):
    """A transcript with a correction, speakers, topics and times, from the project's JSON."""
    segments = [
        {"raw": "呃大家好，我我我是主持人。", "start_ms": 0, "end_ms": 2000, "speaker": "王老师", "topics": ["开场"]},
        {"raw": "今天讲大圆模型。", "start_ms": 2000, "end_ms": 5000, "speaker": "李博士", "topics": ["开场", "方法"],
         "correction": "今天讲大语言模型。"},
        {"raw": "（掌声）", "kind": "mark", "start_ms": 5000, "end_ms": 6000},
    ]
    data = {"format": "transcript-reader", "version": 1, "transcripts": [{"title": "讲座", "segments": segments}]}
    path = write(tmp_path / "in.json", json.dumps(data, ensure_ascii=False))
    return import_file(library, path).transcripts[0].id


def test_effective_text_is_the_correction_else_the_cleaned_text(library, annotated):
    text = render_transcript(library, annotated, "txt", options=ExportOptions(paragraphs="segments")).decode()
    assert text.split("\n\n")[:2] == ["大家好，我是主持人。", "今天讲大语言模型。"]
    assert "呃" not in text and "大圆" not in text


def test_rules_apply_to_uncorrected_segments(library, tmp_path):
    transcript = import_file(library, write(tmp_path / "t.txt", "我们用了CHRGBT。\n\n还有CHRGBT的插件。")).transcripts[0].id
    library_rules.add_rule(library, "CHRGBT", "ChatGPT")
    per_segment = ExportOptions(paragraphs="segments")
    assert render_transcript(library, transcript, "txt", options=per_segment).decode().split("\n\n") == [
        "我们用了ChatGPT。", "还有ChatGPT的插件。\n",
    ]


def test_json_export_imports_back_as_the_same_transcript(library, annotated, tmp_path):
    edits.set_correction(library, edits.segment_at(library, annotated, 1), "大家好，我是主持人！")
    out = export_transcript(library, annotated, "json", tmp_path / "out.json")
    with open_library(str(tmp_path / "other.sqlite3")) as other:
        copy = import_file(other, out).transcripts[0].id
        assert without_ids(transcript_segments(other, copy)) == without_ids(transcript_segments(library, annotated))
        assert [s.topics for s in gather(other, copy).segments] == [s.topics for s in gather(library, annotated).segments]
    history = json.loads(out.read_text(encoding="utf-8"))["transcripts"][0]["segments"][0]["edits"]
    assert [e["new"] for e in history] == ["大家好，我是主持人！"]


def test_srt_imported_and_exported_keeps_every_time(library, tmp_path):
    transcript = import_file(library, write(tmp_path / "in.srt", SRT)).transcripts[0].id
    before = list(srt.parse(SRT))
    after = list(srt.parse(render_transcript(library, transcript, "srt").decode()))
    assert [(c.start, c.end) for c in after] == [(c.start, c.end) for c in before]
    assert [c.content for c in after] == [c.content for c in before]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("traditional", "今天我們聊聊軟件。"),
        ("taiwan", "今天我們聊聊軟體。"),
        ("hongkong", "今天我們聊聊軟件。"),
        ("simplified", "今天我们聊聊软件。"),
    ],
)
def test_export_in_another_script(library, tmp_path, script, expected):
    transcript = import_file(library, write(tmp_path / "in.srt", SRT)).transcripts[0].id
    cues = list(srt.parse(render_transcript(library, transcript, "srt", script).decode()))
    assert cues[1].content == expected


def test_traditional_source_exports_in_simplified_by_default(library, tmp_path):
    transcript = import_file(library, write(tmp_path / "t.txt", "我們發佈了一篇關於模型的文章。")).transcripts[0].id
    assert render_transcript(library, transcript, "txt").decode().strip() == "我们发布了一篇关于模型的文章。"
    assert render_transcript(library, transcript, "txt", "keep").decode().strip() == "我們發佈了一篇關於模型的文章。"


def test_md_and_docx_carry_speakers_and_topics(library, annotated, tmp_path):
    md = render_transcript(library, annotated, "md").decode()
    assert "## 开场\n\n**王老师**：大家好" in md and "## 开场、方法\n\n**李博士**：今天讲大语言模型。" in md
    assert "**" not in render_transcript(library, annotated, "md", options=ExportOptions(speakers=False)).decode()
    path = export_transcript(library, annotated, "docx", tmp_path / "out.docx")
    bold = [run.text for p in docx.Document(str(path)).paragraphs for run in p.runs if run.bold]
    assert bold == ["王老师：", "李博士："]


def test_export_all_writes_one_file_per_transcript_inside_the_folder(library, tmp_path):
    text = "# ../../escape\n\n第一篇。\n\n# a/b\\c:d\n\n第二篇。\n\n# ...\n\n第三篇。\n"
    import_file(library, write(tmp_path / "many.txt", text))
    folder = tmp_path / "out"
    folder.mkdir()
    written = export_library(library, folder, "md")
    assert sorted(os.listdir(folder)) == sorted(p.name for p in written) and len(written) == 3
    assert all(p.parent == folder.resolve() for p in written)
    assert sorted(p.read_text(encoding="utf-8").split("\n\n")[1].strip() for p in written) == ["第一篇。", "第三篇。", "第二篇。"]
    assert not (tmp_path / "escape.md").exists()


def test_export_all_as_srt_with_an_untimed_transcript_writes_nothing(library, tmp_path):
    import_file(library, write(tmp_path / "in.srt", SRT))
    import_file(library, write(tmp_path / "t.txt", "没有时间。"))
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserError, match="has no times"):
        export_library(library, folder, "srt")
    assert os.listdir(folder) == []


def test_export_all_reports_progress_and_needs_a_folder(library, annotated, tmp_path):
    seen = []
    export_library(library, tmp_path, "csv", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)
    with pytest.raises(UserError, match="no such folder"):
        export_library(library, tmp_path / "missing", "csv")


def test_unknown_transcript_script_and_format(library, annotated, tmp_path):
    with pytest.raises(UserError, match="no such transcript"):
        render_transcript(library, 999, "txt")
    with pytest.raises(UserError, match="choose one of"):
        render_transcript(library, annotated, "txt", "klingon")
    with pytest.raises(UserError, match="choose one of"):
        export_transcript(library, annotated, "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
