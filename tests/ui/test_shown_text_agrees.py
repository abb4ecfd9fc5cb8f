"""What the reader shows for a segment is the same everywhere: the app's cleaned column,
find and replace, the search index, `show --clean` and every export (CLEANING.md).

One file holds every kind of segment: speech with fillers and stutters, an image, marks
(one in traditional script, one that looks like a stutter, one that looks like a filler),
traditional-script speech, a segment a rule changes and one a person corrected, a chunk
whose final 。 cuts its sentence (the next segment decides) and a segment that only repeats
the one before (a recognizer's loop: shown empty, "repeat of #N" in the app).
"""

from __future__ import annotations

import csv
import io
import json

import docx
import pytest
import srt
import webvtt

from reader.core.formats.writers import ExportOptions
from reader.core.library import edits, import_file, open_library, transcript_segments
from reader.core.library import rules as library_rules
from reader.core.library.export import render_transcript
from reader.core.library.search import update_index
from reader.core.library.search_tables import ENTRIES
from reader.ui.table.segment_model import CLEAN, RepeatRole, StateRole
from tests.cli.conftest import cli_runner

SEED = """# 一致性

呃，大家好，我我我是今天的讲者。

(掌声)

(笑聲笑聲)

(嗯)

![](img/slide1.png)

這個這個問題很重要，我們下一個下一個問題。

今天讲大圆模型，呃，很有用。

我们用了CHRGBT。

大家刚刚都已经这个。

听过他们的精彩的报告了。

听过他们的精彩的报告了。
"""

IMAGE = "![](img/slide1.png)"
CORRECTED = "今天讲大语言模型，很有用。"
# What the reader shows, segment by segment: the decisions this test holds everyone to.
SHOWN = [
    "大家好，我是今天的讲者。",  # fillers and stutters go
    "(掌声)",
    "(笑声笑声)",  # a mark: the reader's script, otherwise as written (no stutter collapsed)
    "(嗯)",  # a mark, not a filler
    IMAGE,  # an image is its address; the app draws a placeholder instead
    "这个问题很重要，我们下一个问题。",
    CORRECTED,  # a correction is shown as typed
    "我们用了ChatGPT。",  # the transcript's rules apply
    "大家刚刚都已经这个，",  # the sentence runs on into the next segment
    "听过他们的精彩的报告了。",
    "",  # only repeats the segment before
]

SRT = "".join(
    f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{text}\n\n"
    for n, text in enumerate(
        ["呃，大家好，我我我是今天的讲者。", "(掌声)", "(笑聲笑聲)", "(嗯)", "這個這個問題很重要，我們下一個下一個問題。",
         "今天讲大圆模型，呃，很有用。", "我们用了CHRGBT。", "大家刚刚都已经这个。", "听过他们的精彩的报告了。",
         "听过他们的精彩的报告了。"],
        1,
    )
)
SHOWN_TIMED = [s for s in SHOWN if s != IMAGE]


@pytest.fixture
def imported(tmp_path, db_path):
    """The seed file and its timed twin (SRT), one segment of each corrected, a rule for CHRGBT."""
    (tmp_path / "kinds.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "kinds.srt").write_text(SRT, encoding="utf-8")
    with open_library(db_path) as lib:
        ids = [import_file(lib, tmp_path / name).transcripts[0].id for name in ("kinds.txt", "kinds.srt")]
        library_rules.add_rule(lib, "CHRGBT", "ChatGPT")
        for tid in ids:
            edits.set_correction(lib, edits.segment_at(lib, tid, 7 if tid == ids[0] else 6), CORRECTED)
    return ids


def app_column(qtbot, window, transcript_id) -> list[str]:
    window.open_transcript(transcript_id)
    model = window.model
    qtbot.waitUntil(lambda: model.transcript_id == transcript_id and model.rowCount() > 0, timeout=10000)
    model.prefetch(0, model.rowCount() - 1)
    qtbot.waitUntil(
        lambda: all(model.index(r, CLEAN).data(StateRole) not in ("pending", "loading") for r in range(model.rowCount())),
        timeout=10000,
    )
    return [model.index(r, CLEAN).data() for r in range(model.rowCount())]


def show_clean(db_path, capsys, transcript_id) -> list[str]:
    code, out, err = cli_runner(db_path, capsys)("show", transcript_id, "--clean")
    assert code == 0, err
    return [line.split("\t")[2] for line in out]


def exported(db_path, transcript_id, fmt, images=False, paragraphs="turns") -> str | bytes:
    with open_library(db_path) as lib:
        data = render_transcript(lib, transcript_id, fmt, options=ExportOptions(images=images, paragraphs=paragraphs))
    return data if fmt == "docx" else data.decode("utf-8")


def test_every_kind_of_segment_reads_the_same_in_the_app_the_cli_and_every_export(qtbot, make_window, db_path, capsys, imported):
    plain, timed = imported
    window = make_window()
    window.show()
    window.open_library(db_path)

    # The app: the cleaned column, and the text find and replace search.
    column = app_column(qtbot, window, plain)
    assert column[:4] + column[5:] == SHOWN[:4] + SHOWN[5:]
    assert column[4] == window.model.tr("[image]")  # the placeholder drawn for the image
    repeat = window.model.index(len(SHOWN) - 1, CLEAN)
    assert repeat.data(RepeatRole) == len(SHOWN) - 1  # the note names the segment it repeats
    text_of = window.clean.text_of()
    with open_library(db_path) as lib:
        rows = transcript_segments(lib, plain)[1]
    assert text_of(rows) == SHOWN
    assert app_column(qtbot, window, timed) == SHOWN_TIMED

    # The command line.
    assert show_clean(db_path, capsys, plain) == SHOWN
    assert show_clean(db_path, capsys, timed) == SHOWN_TIMED

    # The search index keeps the same text beside its tokens (images have no entry).
    with open_library(db_path) as lib:
        update_index(lib)
        with lib.read() as session:
            indexed = dict(session.connection().exec_driver_sql(f"SELECT segment_id, effective_text FROM {ENTRIES}").all())
    assert [indexed.get(r.id) for r in rows] == [s if s != IMAGE else None for s in SHOWN]

    # Reading formats: one paragraph per segment (a repeat left out), the image only when asked for.
    said = [s for s in SHOWN_TIMED if s]
    written = [s for s in SHOWN if s]
    segments = "segments"
    assert exported(db_path, plain, "txt", paragraphs=segments).split("\n\n") == [*said[:-1], said[-1] + "\n"]
    assert exported(db_path, plain, "txt", images=True, paragraphs=segments).split("\n\n") == [*written[:-1], written[-1] + "\n"]
    md = exported(db_path, plain, "md", images=True, paragraphs=segments)
    assert md.split("\n\n") == ["# 一致性", *written[:-1], written[-1] + "\n"]
    document = docx.Document(io.BytesIO(exported(db_path, plain, "docx", images=True, paragraphs=segments)))
    assert [p.text for p in document.paragraphs] == ["一致性", *written]
    # In turns (the default) the same texts, joined: the image breaks the paragraph.
    assert exported(db_path, plain, "txt", images=True).split("\n\n") == [
        "".join(written[:4]), IMAGE, "".join(written[5:]) + "\n",
    ]

    # Data formats: every segment, its text (JSON: the correction, else the cleaned text).
    for transcript_id, shown in ((plain, SHOWN), (timed, SHOWN_TIMED)):
        assert [row["text"] for row in csv.DictReader(io.StringIO(exported(db_path, transcript_id, "csv")))] == shown
        segments = json.loads(exported(db_path, transcript_id, "json"))["transcripts"][0]["segments"]
        assert [s["correction"] if s["correction"] is not None else s["cleaned"] for s in segments] == shown

    # Subtitles, from the timed twin: one cue per segment.
    assert [cue.content for cue in srt.parse(exported(db_path, timed, "srt"))] == said
    assert [caption.text for caption in webvtt.from_buffer(io.StringIO(exported(db_path, timed, "vtt")))] == said
