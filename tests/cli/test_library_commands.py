"""import / list / show / delete / check as a script would use them."""

import io
import json
import sqlite3
import subprocess
import sys

import pytest

from reader.cli import main
from reader.core.library import open_library
from reader.core.library.models import Rule
from reader.core.paths import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def test_import_prints_one_record_per_transcript(run):
    code, out, err = run("import", SEEDS[3])
    assert code == 0 and err == []
    records = [line.split("\t") for line in out]
    assert len(records) == 6
    headings = [line[2:] for line in SEEDS[3].read_text(encoding="utf-8").splitlines() if line.startswith("# ")][1:]
    assert [r[1] for r in records] == headings
    assert all(r[0].isdigit() and int(r[2]) > 0 for r in records)


def test_importing_again_warns_and_adds_nothing(run):
    run("import", SEEDS[0])
    code, out, err = run("import", SEEDS[0])
    assert code == 0 and out == []
    assert len(err) == 1 and err[0].startswith("transcript-reader: warning: ") and "already imported" in err[0]
    assert len(run("list")[1]) == 1


def test_list_shows_counts_and_source(run):
    run("import", *SEEDS[:2])
    code, out, _ = run("list")
    assert code == 0
    rows = [line.split("\t") for line in out]
    # Issue 18 added REVIEWED as a sixth column; the first five stay where they were.
    assert [len(r) for r in rows] == [6, 6]
    assert [r[4] for r in rows] == [str(p.resolve()) for p in SEEDS[:2]]
    assert all(r[3] == "0" for r in rows)


def test_show_prints_positions_speakers_and_text(run, tmp_path):
    vtt = tmp_path / "panel.vtt"
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 主持人>欢迎\n\n00:00:03.000 --> 00:00:04.000\n谢谢\n", encoding="utf-8")
    (record,) = run("import", vtt)[1]
    code, out, _ = run("show", record.split("\t")[0])
    assert code == 0
    assert out == ["1\t主持人\t欢迎", "2\t\t谢谢"]


def test_show_clean_prints_corrections_else_cleaned_text_with_the_rules(run, tmp_path):
    export = tmp_path / "export.json"
    segments = [
        {"raw": "呃我我我觉得不对", "correction": "我认为不对"},
        {"raw": "嗯，我们发布了大理一号"},
        {"raw": "![](img/1.png)", "kind": "image"},
    ]
    export.write_text(
        json.dumps(
            {"format": "transcript-reader", "version": 1, "transcripts": [{"title": "t", "segments": segments}]}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    (record,) = run("import", export)[1]
    tid = int(record.split("\t")[0])
    with open_library(run.db) as lib, lib.write() as session:
        session.add(Rule(pattern="大理一号", replacement="DALL·E 1"))
        session.add(Rule(pattern="发布", replacement="不该用", enabled=False))
    code, out, _ = run("show", tid, "--clean")
    assert code == 0
    assert out == ["1\t\t我认为不对", "2\t\t我们发布了DALL·E 1", "3\t\t![](img/1.png)"]
    assert run("show", tid)[1][0] == "1\t\t呃我我我觉得不对"


def test_tabs_in_titles_do_not_break_the_columns(run, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("# 标题\t带制表符\n\n正文。\n", encoding="utf-8")
    (record,) = run("import", path)[1]
    assert record.split("\t")[1] == "标题 带制表符"


def test_delete_removes_from_list(run):
    out = run("import", SEEDS[3])[1]
    victim = out[0].split("\t")[0]
    assert run("delete", victim)[0] == 0
    listed = [line.split("\t")[0] for line in run("list")[1]]
    assert victim not in listed and len(listed) == 5
    assert run("check")[:2] == (0, ["ok"])


@pytest.mark.parametrize("args", [("show", "4242"), ("delete", "4242")])
def test_unknown_ids_are_one_clean_error(run, args):
    code, out, err = run(*args)
    assert code == 1 and out == []
    assert err == ["transcript-reader: error: transcript 4242: no such transcript (see `list`)"]


BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 10,
    "broken.srt": "1\n00:00:01,000 --> 00:00:0x,000\n你好\n".encode(),
    "latin.vtt": b"WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nhello\n",
}


@pytest.mark.parametrize("name", BAD)
def test_bad_files_give_one_error_line_and_leave_the_library_alone(run, tmp_path, name):
    run("import", SEEDS[0])
    before = run("list")[1]
    path = tmp_path / name
    path.write_bytes(BAD[name])
    code, out, err = run("import", SEEDS[1], path)
    assert code == 1 and out == []
    assert len(err) == 1 and err[0].startswith(f"transcript-reader: error: {path}: ")
    assert run("list")[1] == before
    assert run("check")[:2] == (0, ["ok"])


def test_missing_file_and_wrong_usage(run, tmp_path):
    code, _, err = run("import", tmp_path / "nope.txt")
    assert code == 1 and len(err) == 1 and "nope.txt" in err[0]
    with pytest.raises(SystemExit) as usage:
        run("show", "not-a-number")
    assert usage.value.code == 2


def test_check_reports_damage_and_fails(run):
    run("import", SEEDS[0])
    with sqlite3.connect(run.db) as conn:
        conn.execute("DELETE FROM segments WHERE position = 3")
    conn.close()
    code, out, _ = run("check")
    assert code == 1
    assert out and all("transcript" in line for line in out)


def test_a_newer_library_is_refused(run):
    run("list")
    with sqlite3.connect(run.db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.close()
    code, _, err = run("list")
    assert code == 1 and len(err) == 1 and "newer version" in err[0]


def test_the_installed_command_runs_end_to_end(tmp_path):
    db = str(tmp_path / "e2e.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", db, "import", str(SEEDS[4])],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_records_are_utf8_whatever_the_locale_encoding(run, tmp_path, monkeypatch):
    """A pipe on Windows gets the ANSI code page (GBK on a Chinese system); the contract says UTF-8."""
    path = tmp_path / "t.txt"
    path.write_text("# 讲座\n\n正文。\n", encoding="utf-8")
    run("import", path)
    sink = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(sink, encoding="gbk"))
    assert main(["--db", run.db, "list"]) == 0
    sys.stdout.flush()
    assert sink.getvalue().decode("utf-8").split("\t")[1] == "讲座"
