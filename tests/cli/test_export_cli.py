"""`transcript-reader export` as a script uses it."""

import json
import os

import docx
import pytest
import srt

from reader.cli import main
from tests.cli.conftest import cli_runner

SRT = """1
00:00:01,250 --> 00:00:03,400
大家好，欢迎收看。

2
00:00:03,400 --> 00:01:05,009
今天我们聊聊软件。
"""


@pytest.fixture
def run(tmp_path, capsysbinary):
    return cli_runner(str(tmp_path / "cli.sqlite3"), capsysbinary)


@pytest.fixture
def timed(run, tmp_path):
    path = tmp_path / "talk.srt"
    path.write_text(SRT, encoding="utf-8")
    return run("import", path)[1].decode().split("\t")[0]


def test_text_formats_go_to_standard_output(run, timed):
    code, out, err = run("export", timed, "--format", "srt", "-o", "-")
    assert code == 0 and err == []
    cues = list(srt.parse(out.decode("utf-8")))
    assert [c.start.total_seconds() for c in cues] == [1.25, 3.4] and cues[1].content == "今天我们聊聊软件。"


def test_taiwan_script_with_phrases(run, timed):
    out = run("export", timed, "--format", "txt", "--script", "taiwan", "-o", "-")[1].decode()
    assert "軟體" in out


def test_a_file_is_written_and_readable_by_its_library(run, timed, tmp_path):
    target = tmp_path / "talk.docx"
    code, out, _err = run("export", timed, "--format", "docx", "--paragraphs", "segments", "-o", target)
    assert code == 0 and out == b""
    assert "今天我们聊聊软件。" in [p.text for p in docx.Document(str(target)).paragraphs]


def test_json_export_imports_again_into_another_library(run, timed, tmp_path, capsysbinary):
    target = tmp_path / "talk.json"
    run("export", timed, "--format", "json", "-o", target)
    other = str(tmp_path / "other.sqlite3")
    assert main(["--db", other, "import", str(target)]) == 0
    capsysbinary.readouterr()
    main(["--db", other, "export", "1", "--format", "json", "-o", "-"])
    again = json.loads(capsysbinary.readouterr().out)["transcripts"][0]
    first = json.loads(target.read_text(encoding="utf-8"))["transcripts"][0]
    assert again["segments"] == first["segments"] and again["title"] == first["title"]


def test_export_all_into_a_folder(run, timed, tmp_path):
    (tmp_path / "notes.txt").write_text("# a/../b\n\n第一篇。\n", encoding="utf-8")
    run("import", tmp_path / "notes.txt")
    folder = tmp_path / "out"
    folder.mkdir()
    code, _out, err = run("export", "all", "--format", "md", "-o", folder)
    assert code == 0 and err == []
    assert len(os.listdir(folder)) == 2 and all(name.endswith(".md") and "/" not in name for name in os.listdir(folder))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "1", "--format", "docx", "-o", "-"], "docx is not a text format"),
        (["export", "all", "--format", "txt", "-o", "-"], "give a folder"),
        (["export", "99", "--format", "txt", "-o", "-"], "no such transcript"),
        (["export", "one", "--format", "txt", "-o", "-"], "give a transcript id"),
        (["export", "1", "--format", "txt", "-o", "/nonexistent/dir/x.txt"], "does not exist"),
    ],
)
def test_bad_requests_get_one_clear_line(run, timed, args, message):
    code, out, err = run(*args)
    assert code == 1 and out == b""
    assert len(err) == 1 and err[0].startswith("transcript-reader: error: ") and message in err[0]


def test_untimed_transcript_as_srt_is_refused_and_nothing_written(run, tmp_path):
    (tmp_path / "notes.txt").write_text("没有时间的讲话。", encoding="utf-8")
    run("import", tmp_path / "notes.txt")
    code, _, err = run("export", "1", "--format", "vtt", "-o", tmp_path / "x.vtt")
    assert code == 1 and "has no times" in err[0]
    assert not (tmp_path / "x.vtt").exists()


def test_unknown_format_is_wrong_usage(run):
    with pytest.raises(SystemExit) as exc:
        run("export", "1", "--format", "pdf", "-o", "-")
    assert exc.value.code == 2


@pytest.mark.parametrize(
    "args",
    [["1", "--format", "docx", "-o", "-"], ["all", "--format", "txt", "-o", "-"], ["one", "--format", "txt", "-o", "-"]],
)
def test_a_bad_request_is_refused_before_a_library_is_made(tmp_path, capsys, args):
    db = tmp_path / "typo.sqlite3"
    assert main(["--db", str(db), "export", *args]) == 1
    assert capsys.readouterr().err.startswith("transcript-reader: error: ")
    assert not db.exists()
