"""`media` and `time`: attach, refuse, find again, detach; times typed in, estimated, exported as SRT."""

import itertools
import os

import srt

from tests.cli.conftest import import_text
from tests.media_files import write_tone

TEXT = "第一段话，大家好。\n\n第二段，今天讲语音识别。\n\n短。\n\n第四段，讲完了，谢谢大家。\n"


def test_media_attaches_prints_finds_again_and_detaches(run, tmp_path):
    tid = import_text(run, tmp_path, TEXT)
    tone = write_tone(tmp_path / "talk.wav")
    assert run("media", tid, tone)[:2] == (0, [str(tone)])
    assert run("media", tid)[:2] == (0, [str(tone)])
    moved = tmp_path / "elsewhere.wav"
    os.rename(tone, moved)
    code, out, err = run("media", tid)
    assert code == 0 and "not there any more" in err[0]
    code, out, err = run("media", tid, moved)
    assert code == 0 and out == [str(moved)] and "found again" in err[0]
    assert run("media", tid, "--detach")[0] == 0
    code, _out, err = run("media", tid)
    assert code == 1 and err == [f"transcript-reader: error: transcript {tid}: has no recording; attach one with `media {tid} FILE`"]


def test_media_refuses_a_missing_file_or_one_that_is_not_a_recording(run, tmp_path):
    tid = import_text(run, tmp_path, TEXT)
    (tmp_path / "broken.mp4").write_bytes(b"\x00" * 300)
    for name, why in [("gone.wav", "no such file"), ("broken.mp4", "not an audio or video file"), ("talk.txt", "not an audio")]:
        code, out, err = run("media", tid, tmp_path / name)
        assert code == 1 and out == [] and len(err) == 1 and why in err[0]
    assert run("media", tid)[0] == 1


def test_time_sets_starts_estimates_between_and_srt_reads_back(run, tmp_path):
    tid = import_text(run, tmp_path, TEXT)
    assert run("time", tid, 1, "0")[0] == 0
    code, _out, err = run("time", tid, 4, "0:00:09.5", "12")
    assert code == 0 and "2 segments" in err[0]
    _code, shown, _err = run("show", tid, "--times")
    starts = [line.split("\t")[3] for line in shown]
    assert starts[0] == "0:00:00.000" and starts[1].startswith("~") and starts[3] == "0:00:09.500"
    code, out, _err = run("export", tid, "--format", "srt", "-o", "-")
    cues = list(srt.parse("\n".join(out)))
    assert [c.content for c in cues] == ["第一段话，大家好。", "第二段，今天讲语音识别。", "短。", "第四段，讲完了，谢谢大家。"]
    assert cues[0].start.total_seconds() == 0 and cues[-1].end.total_seconds() == 12
    assert all(a.end == b.start for a, b in itertools.pairwise(cues))


def test_time_refuses_a_bad_time_in_one_line(run, tmp_path):
    tid = import_text(run, tmp_path, TEXT)
    code, _out, err = run("time", tid, 1, "ten")
    assert code == 1 and len(err) == 1 and "h:mm:ss.mmm" in err[0]
    assert run("time", tid, 1, "5", "4")[0] == 1
    assert run("time", tid, 1)[0] == 1
    assert run("time", tid, 1, "3")[0] == 0 and run("time", tid, 1, "--clear")[0] == 0
    assert run("show", tid, "--times")[1][0].split("\t")[3:] == ["", ""]
