"""Input made to hang, flood or break the library (issue 13): FIFOs and devices, files
that are not what their size says, file names no terminal can print, hostile rules,
and the app's own JSON coming back with its history.

Each attack ends in one line naming what was refused, or in the input stored as it
should be; never a hang, a traceback or a library that cannot be used afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import formats
from reader.core.errors import UserError
from reader.core.formats import read_file
from reader.core.library import check_library, import_file, transcript_segments
from reader.core.library import rules as library_rules
from reader.core.text import Cleaner, Rule
from reader.core.text import rules as text_rules
from tests.cli.conftest import cli_runner

ROOT = Path(__file__).resolve().parents[2]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def run(tmp_path, capsys):
    return cli_runner(str(tmp_path / "hostile.sqlite3"), capsys)


def _cli(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command line in its own process: a hang shows as a timeout, not a stuck test run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env
    )


def _release(fifo: Path) -> None:
    """Let a reader stuck on `fifo` go (it gets end of file), should one be stuck there."""
    with contextlib.suppress(OSError):  # nobody is reading it
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


# ----------------------------------------------------------------- not regular files


@needs_fifo
def test_a_fifo_or_a_device_is_refused_at_once_with_one_line(tmp_path, figures):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    targets = [fifo, *(Path(p) for p in ("/dev/zero", "/dev/urandom", "/dev/null") if Path(p).exists())]
    refused, hung = 0, 0
    try:
        for target in targets:
            try:
                done = _cli(tmp_path / "lib.sqlite3", "import", str(target), timeout=30)
            except subprocess.TimeoutExpired:
                hung += 1
                _release(fifo)
                continue
            lines = done.stderr.splitlines()
            assert done.returncode == 1 and len(lines) == 1, done.stderr
            assert lines[0].startswith(f"transcript-reader: error: {target}: is ") and "not a regular file" in lines[0]
            refused += 1
    finally:
        _release(fifo)
    figures(tries=len(targets), refused=refused, hung=hung)
    assert hung == 0 and refused == len(targets)


def test_reading_stops_at_the_limit_counted_in_bytes_read_not_the_size_the_file_claims(tmp_path, monkeypatch):
    # /proc files say they are 0 bytes long and are not; so may a file growing while read.
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    assert status.stat().st_size == 0
    monkeypatch.setattr(formats, "MAX_BYTES", 100)
    with pytest.raises(UserError, match="too large for a transcript"):
        read_file(status)


@needs_fifo
def test_a_folder_import_skips_and_names_what_is_not_a_regular_file(run, tmp_path):
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "good.txt").write_text("第一段。\n\n第二段。\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    try:
        code, out, err = run("import", folder)
    finally:
        _release(folder / "pipe.txt")
    assert code == 0 and [line.split("\t")[1:] for line in out] == [["good", "2"]]
    why = "is a named pipe (FIFO), not a regular file; nothing was read; skipped"
    assert err == [f"transcript-reader: warning: {folder / 'pipe.txt'}: {why}"]


# ----------------------------------------------------------------- file names


def test_a_file_name_that_is_not_utf8_imports_with_the_others_and_messages_stay_one_line(run, tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "a.txt").write_text("你好。\n", encoding="utf-8")
    odd = os.fsdecode(b"b\xff.txt")
    (folder / odd).write_text("再见。\n", encoding="utf-8")
    code, out, err = run("import", folder)
    assert code == 0 and err == []
    assert sorted(line.split("\t")[1] for line in out) == ["a", "b\ufffd"]
    code, out, err = run("import", folder / odd)  # again: the warning names the file as stored, printable
    assert code == 0 and err == [f"transcript-reader: warning: {folder}/b\ufffd.txt: already imported (transcripts 2); nothing added"]
    code, out, err = run("import", folder / os.fsdecode(b"c\xff.txt"))  # an error names the bytes
    assert code == 1 and err == [f"transcript-reader: error: {folder}/c\\xff.txt: No such file or directory"]
    assert check_library_at(run.db) == []


def test_a_line_break_in_a_file_name_does_not_split_the_warning(run, tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_text("你好。\n", encoding="utf-8")
    assert run("import", path)[0] == 0
    code, _out, err = run("import", path)
    assert code == 0 and err == [f"transcript-reader: warning: {tmp_path}/two\\nlines.txt: already imported (transcripts 1); nothing added"]


def check_library_at(db: str) -> list[str]:
    from reader.core.library import open_library

    with open_library(db) as lib:
        return check_library(lib)


# ----------------------------------------------------------------- control characters


def test_control_characters_never_reach_the_terminal(run, tmp_path):
    path = tmp_path / "esc.json"
    segment = {"raw": "清屏\u001b[2J标题\u001b]0;pwned\u0007。", "speaker": "A\u001b[31m"}
    transcript = {"title": "T\u001b[1m", "segments": [segment]}
    path.write_text(json.dumps({"format": "transcript-reader", "version": 1, "transcripts": [transcript]}))
    code, out, _ = run("import", path)
    assert code == 0
    code, shown, _ = run("show", "1")
    code, listed, _ = run("list")
    printed = "\n".join([*out, *shown, *listed])
    assert "\x1b" not in printed and "\x07" not in printed
    assert "清屏\ufffd[2J标题\ufffd]0;pwned\ufffd。" in printed and "A\ufffd[31m" in printed and "T\ufffd[1m" in printed


# ----------------------------------------------------------------- round trips


def test_json_export_brings_back_the_whole_history(run, tmp_path):
    source = tmp_path / "talk.txt"
    source.write_text("第一段，大家好。\n\n第二段，谢谢。\n", encoding="utf-8")
    run("import", source)
    assert main(["--db", run.db, "--author", "小王", "correct", "1", "1", "第一段，大家好！"]) == 0
    assert main(["--db", run.db, "--author", "小李", "correct", "--expect-version", "2", "1", "1", "第一段：大家好！"]) == 0
    assert main(["--db", run.db, "revert", "1", "2"]) == 0  # a revert of nothing is no revision
    exported = tmp_path / "talk.json"
    assert run("export", "1", "--format", "json", "-o", exported)[0] == 0
    assert main(["--db", str(tmp_path / "other.sqlite3"), "import", str(exported)]) == 0

    def history(db: str) -> list[tuple]:
        with sqlite3.connect(db) as conn:
            return conn.execute(
                "SELECT s.position, r.old, r.new, r.origin, r.author, r.at"
                " FROM revisions r JOIN segments s ON s.id = r.segment_id ORDER BY r.id"
            ).fetchall()

    before, after = history(run.db), history(str(tmp_path / "other.sqlite3"))
    assert [row[:5] for row in before] == [
        (1, None, "第一段，大家好！", "typed", "小王"),
        (1, "第一段，大家好！", "第一段：大家好！", "typed", "小李"),
    ]
    assert after == before  # times too, to the microsecond


def test_a_subtitle_time_the_library_takes_comes_back_through_json(run, tmp_path):
    late = tmp_path / "late.srt"
    late.write_text("1\n99:59:59,000 --> 100:00:00,000\n最后一句。\n", encoding="utf-8")
    assert run("import", late)[0] == 0
    exported = tmp_path / "late.json"
    assert run("export", "1", "--format", "json", "-o", exported)[0] == 0
    assert main(["--db", str(tmp_path / "other.sqlite3"), "import", str(exported)]) == 0


# ----------------------------------------------------------------- rules

BACKTRACKING = "(a|aa)+$"
HOSTILE_TEXT = "\n\n".join("a" * 40 + "!" for _ in range(200))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rules", "add", BACKTRACKING, "x", "--regex"), "the regular expression takes too long"),
        (("rules", "add", "^(好|好好)+$", "x", "--regex"), "the regular expression takes too long"),
        (("rules", "add", "好", "y" * 1_000_000), "the replacement is 1,000,000 characters long"),
        (("rules", "add", "好" * 1001, "y"), "the pattern is 1,001 characters long"),
        (("rules", "add", "(好)", "\\1" * 600, "--regex"), "the replacement is 1,200 characters long"),
    ],
    ids=["backtracking", "backtracking-on-its-own-words", "huge-replacement", "huge-pattern", "growing-template"],
)
def test_a_rule_that_would_make_the_library_unusable_is_refused_when_added(run, args, message):
    code, out, err = run(*args)
    assert code == 1 and out == [] and len(err) == 1 and message in err[0]
    assert run("rules", "list")[1] == []


def test_rules_import_and_clean_refuse_the_same_rules(run, tmp_path):
    tsv = tmp_path / "rules.tsv"
    tsv.write_text(f"好\t很好\n{BACKTRACKING}\tx\tregex\n", encoding="utf-8")
    code, _, err = run("rules", "import", tsv)
    assert code == 1 and len(err) == 1 and f"{tsv}: line 2" in err[0] and "takes too long" in err[0]
    assert run("rules", "list")[1] == []  # all or none


def test_a_sane_regex_passes_the_check():
    for pattern in ("(?i)chat\\s*gpt", "[0-9]+年", "大(语言|圆)模型", "^嗯+", "(a+)b"):
        text_rules.check_rule(Rule(pattern, "x", is_regex=True))


def test_a_rule_that_runs_out_of_time_is_tried_once_per_cleaner_not_per_segment():
    cleaner = Cleaner(rules=[Rule(BACKTRACKING, "x", is_regex=True), Rule("谢谢", "多谢")])
    rule_set = cleaner._rule_set
    tries = []

    class Slow:
        """Stands in for the compiled pattern: runs out of time on every text, counting the tries."""

        def finditer(self, text, timeout):
            tries.append(text)
            raise TimeoutError

    rule_set._compiled[0] = Slow()
    texts = [f"第{i}段，谢谢。" for i in range(200)]
    cleaned = [cleaner.clean(text).text for text in texts]
    assert len(tries) == 1
    assert all("多谢" in text for text in cleaned)  # the other rule still works everywhere
    assert list(cleaner.misbehaved_rules) == [Rule(BACKTRACKING, "x", is_regex=True)]


def _smuggle_rule(db: str, pattern: str, replacement: str, is_regex: bool) -> None:
    """A rule stored by an older version or another program, past today's checks."""
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO rules (pattern, replacement, is_regex, case_sensitive, enabled, hits, created_at)"
            " VALUES (?, ?, ?, 1, 1, 0, '2026-01-01')",
            (pattern, replacement, is_regex),
        )


def test_a_stored_hostile_rule_is_skipped_by_show_and_turned_off_by_rules_list(run, tmp_path, figures):
    path = tmp_path / "aaa.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    assert run("import", path)[0] == 0
    _smuggle_rule(run.db, BACKTRACKING, "x", True)
    _smuggle_rule(run.db, "a", "y" * 1_000_000, False)

    code, shown, err = run("show", "--clean", "1")
    assert code == 0 and len(shown) == 200 and max(map(len, shown)) < 100  # the 1 MB replacement was left out
    assert err == [
        "transcript-reader: warning: rule '(a|aa)+$' was skipped: its regular expression took over 0.5 s on a text of 41 characters; "
        "`rules list` turns it off"
    ]
    code, listed, err = run("rules", "list")
    assert code == 0 and [line.split("\t")[5] for line in listed] == ["off", "off"]
    assert len(err) == 2 and all("is now off" in line for line in err)
    code, _, err = run("show", "--clean", "1")
    assert code == 0 and err == []  # off for good: nothing to skip any more
    # Turning it on again goes through the same check as adding it.
    with pytest.raises(UserError, match="takes too long"):
        from reader.core.library import open_library

        with open_library(run.db) as lib:
            library_rules.update_rule(lib, 1, enabled=True)
    figures(segments=200, rules=2, timeouts_paid=1)


def test_hit_counting_takes_no_write_lock_while_it_cleans(library, tmp_path, monkeypatch):
    path = tmp_path / "talk.txt"
    path.write_text("第一段，谢谢。\n\n第二段，谢谢。\n", encoding="utf-8")
    import_file(library, path)
    library_rules.add_rule(library, "谢谢", "多谢")
    writing = []
    real_write = type(library).write

    def write(self):
        writing.append(True)
        return real_write(self)

    real_clean = Cleaner.clean

    def clean(self, raw, next_raw=None):
        assert not writing, "cleaned inside a write transaction"
        return real_clean(self, raw, next_raw)

    monkeypatch.setattr(type(library), "write", write)
    monkeypatch.setattr(Cleaner, "clean", clean)
    assert library_rules.count_hits(library) == {1: 2}
    assert transcript_segments(library, 1)[1]
