"""Damaged, foreign and read-only libraries: nothing is written into them, reading works where it can,
and every refusal is one line."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.errors import UserError
from reader.core.library import edits, import_file, open_library, transcript_segments
from reader.core.library.backup import rolling_backup
from reader.core.paths import seeds_dir

SEED = sorted(seeds_dir().glob("*.txt"))[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("transcript-reader: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "library.sqlite3"
    with open_library(str(path)) as lib:
        import_file(lib, SEED)
        rolling_backup(lib)
    return path


def settle(path: Path) -> None:
    """Fold the -wal into the file, as the last program to close a library does."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def break_an_index(path: Path) -> None:
    """Rows the unique index of segment positions does not know: quick_check passes, integrity_check does not."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema=ON")
    name, sql = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'segments' AND sql LIKE '%position%'"
    ).fetchone()
    rootpage = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    conn.execute("DELETE FROM sqlite_master WHERE name = ?", (name,))
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE segments SET position = position + 1000 WHERE transcript_id = 1 AND position <= 3")
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("INSERT INTO sqlite_master VALUES ('index', ?, 'segments', ?, ?)", (name, rootpage, sql))
    conn.close()
    settle(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    check.close()


def test_a_library_whose_check_fails_is_never_written_and_points_at_restore(db, capsys):
    break_an_index(db)
    before = digest(db)
    assert main(["--db", str(db), "check"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db), "correct", "1", "5", "不该写进去"]) == 1
    err = one_line_error(capsys)
    assert "damaged" in err and "restore" in err
    for command in (["rules", "add", "x", "y"], ["tag", "1", "5", "--speaker", "甲"], ["import", str(SEED.with_name("nope.txt"))]):
        main(["--db", str(db), *command])
        capsys.readouterr()
    settle(db)
    assert digest(db) == before


def test_a_byte_that_is_not_utf8_reads_as_a_replacement_character_and_check_names_it(db, tmp_path, capsys):
    conn = sqlite3.connect(db)
    conn.execute("UPDATE segments SET raw = CAST(X'e4bda0ffe5a5bd' AS TEXT) WHERE transcript_id = 1 AND position = 2")
    conn.commit()
    conn.close()
    assert main(["--db", str(db), "check"]) == 1
    out = capsys.readouterr().out
    assert "segments row" in out and "raw is not valid UTF-8" in out
    assert main(["--db", str(db), "show", "1"]) == 0
    assert "你\ufffd好" in capsys.readouterr().out
    assert main(["--db", str(db), "list"]) == 0
    assert main(["--db", str(db), "search", "你"]) == 0
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert main(["--db", str(db), "export", "all", "--format", "txt", "-o", str(out_dir)]) == 0
    assert any("你\ufffd好" in p.read_text(encoding="utf-8") for p in out_dir.iterdir())
    with open_library(str(db)) as lib:
        assert transcript_segments(lib, 1)[1][1].raw == "你\ufffd好"


def test_an_empty_file_is_refused_and_left_empty(tmp_path, capsys):
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    assert main(["--db", str(path), "import", str(SEED)]) == 1
    assert "empty" in one_line_error(capsys)
    assert path.read_bytes() == b""
    assert sorted(os.listdir(tmp_path)) == ["empty.sqlite3"]


@pytest.mark.parametrize("tables", [True, False], ids=["with tables", "empty"])
def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path, capsys, tables):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # an empty database still has a header
    if tables:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert main(["--db", str(path), "import", str(SEED)]) == 1
    assert "not a transcript-reader library" in one_line_error(capsys)
    assert path.read_bytes() == before  # the header too: not switched to WAL
    assert main(["--db", str(path), "list"]) == 1
    capsys.readouterr()
    assert path.read_bytes() == before


def test_a_new_library_is_made_whole_and_with_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        path = tmp_path / "new.sqlite3"
        with open_library(str(path)) as lib:
            import_file(lib, SEED)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]


def test_a_deleted_wal_under_a_running_writer_stops_the_next_write(db):
    with open_library(str(db)) as lib:
        edits.set_correction(lib, edits.segment_at(lib, 1, 1), "第一次")
        for end in ("-wal", "-shm"):
            db.with_name(db.name + end).unlink()
        with pytest.raises(UserError, match="-wal file was deleted"):
            edits.set_correction(lib, edits.segment_at(lib, 1, 2), "写进被删的文件就丢了")
        with pytest.raises(UserError, match="-wal file was deleted"):
            edits.set_correction(lib, edits.segment_at(lib, 1, 3), "还是不写")


@pytest.fixture
def read_only_db(db, tmp_path):
    """The library on a read-only mount where the machine allows one, else a read-only file and folder."""
    settle(db)
    mount = tmp_path / "ro"
    mount.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)]).returncode == 0
    target = mount / db.name
    target.write_bytes(db.read_bytes())
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    else:
        if os.geteuid() == 0:
            pytest.skip("running as root without a mount: permissions cannot make a file read-only")
        target.chmod(0o444)
        mount.chmod(0o555)
    yield target
    if mounted:
        subprocess.run(["umount", "-l", str(mount)], check=True)
    else:
        mount.chmod(0o755)


def test_a_read_only_library_can_be_read_and_refuses_writes_in_one_line(read_only_db, tmp_path, capsys):
    db = str(read_only_db)
    before = digest(read_only_db)
    assert main(["--db", db, "list"]) == 0
    assert main(["--db", db, "show", "1"]) == 0
    assert main(["--db", db, "search", "的"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", db, "export", "all", "--format", "md", "-o", str(out)]) == 0
    assert main(["--db", db, "check"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "correct", "1", "1", "改不了"]) == 1
    assert "the library is read-only" in one_line_error(capsys)
    assert main(["--db", db, "import", str(SEED)]) == 1
    assert "read-only" in one_line_error(capsys)
    assert digest(read_only_db) == before
