"""Backups: online copies, the rolling set, restore, and never writing into a damaged library."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.errors import UserError
from reader.core.library import edits, import_file, open_library, transcript_segments
from reader.core.library.backup import (
    KEEP_DAYS,
    KEEP_NEWEST,
    backup,
    backup_problem,
    backups_dir,
    damage_report,
    list_backups,
    newest_good_backup,
    restore,
    rolling_backup,
    thin,
)
from reader.core.paths import seeds_dir

SEED = sorted(seeds_dir().glob("*.txt"))[0]


def corrections(db: str) -> list[str | None]:
    with open_library(db) as lib:
        return [s.correction for s in transcript_segments(lib, 1)[1][:3]]


def correct(db: str, position: int, text: str) -> None:
    with open_library(db) as lib:
        edits.set_correction(lib, edits.segment_at(lib, 1, position), text)


def damage_a_page(path, page: int = 3) -> None:
    with open(path, "r+b") as f:
        f.seek(4096 * page)
        f.write(b"\xff" * 4096)


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "library.sqlite3")
    with open_library(path) as lib:
        import_file(lib, SEED)
    correct(path, 1, "第一处改正")
    return path


def test_backup_and_restore_bring_back_exactly_the_saved_state(db, tmp_path, capsys):
    assert main(["--db", db, "backup", str(tmp_path / "saved.sqlite3")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "saved.sqlite3")
    correct(db, 2, "备份之后的改正")
    assert main(["--db", db, "restore", str(tmp_path / "saved.sqlite3")]) == 0
    assert corrections(db) == ["第一处改正", None, None]
    # The state replaced by the restore went to the rolling backups first: a restore can be undone.
    assert main(["--db", db, "restore", str(newest_good_backup(db))]) == 0
    assert corrections(db) == ["第一处改正", "备份之后的改正", None]
    assert main(["--db", db, "check"]) == 0


def test_backup_to_a_folder_makes_a_dated_file_and_never_overwrites_the_library(db, tmp_path):
    with open_library(db) as lib:
        made = backup(lib, tmp_path)
        assert made.parent == tmp_path and made.name.startswith("library-") and backup_problem(made) is None
        with pytest.raises(UserError, match="the library itself"):
            backup(lib, db)
        with pytest.raises(UserError, match="does not exist"):
            backup(lib, tmp_path / "no" / "such.sqlite3")


def test_a_damaged_or_foreign_backup_is_refused_and_the_library_is_left_alone(db, tmp_path, capsys):
    with open_library(db) as lib:
        bad = backup(lib, tmp_path / "bad.sqlite3")
    damage_a_page(bad)
    text = tmp_path / "notes.sqlite3"
    text.write_text("不是数据库", encoding="utf-8")
    before = corrections(db)
    for candidate in (bad, text, tmp_path / "missing.sqlite3"):
        assert main(["--db", db, "restore", str(candidate)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("transcript-reader: error: ") and "nothing was changed" in err and err.count("\n") == 1
    assert corrections(db) == before


def test_a_damaged_library_is_never_written_and_points_at_the_newest_good_backup(db, capsys):
    with open_library(db) as lib:
        good = rolling_backup(lib)
    damage_a_page(db)
    damaged = Path(db).read_bytes()
    assert damage_report(db) is not None

    assert main(["--db", db, "correct", "1", "2", "不该写进去"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and str(good) in err and "restore" in err
    with pytest.raises(UserError, match="damaged"):
        open_library(db)
    assert Path(db).read_bytes() == damaged

    assert main(["--db", db, "check"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("integrity:") and str(good) in err
    assert Path(db).read_bytes() == damaged

    assert main(["--db", db, "restore", str(good)]) == 0
    set_aside = capsys.readouterr().err.split("moved to ")[1].strip()
    assert Path(set_aside).read_bytes() == damaged
    assert damage_report(db) is None
    assert corrections(db) == ["第一处改正", None, None]


def test_a_library_wiped_to_nul_bytes_names_its_backup_and_can_be_restored(db, capsys):
    with open_library(db) as lib:
        good = rolling_backup(lib)
    size = len(Path(db).read_bytes())
    with open(db, "wb") as f:
        f.write(b"\0" * size)
    assert damage_report(db) is not None
    assert main(["--db", db, "list"]) == 1
    assert str(good) in capsys.readouterr().err
    assert main(["--db", db, "restore", str(newest_good_backup(db))]) == 0
    assert corrections(db) == ["第一处改正", None, None]


def test_rolling_backups_are_made_only_when_something_changed_even_by_another_program(db):
    with open_library(db) as lib:
        first = rolling_backup(lib)
        assert first is not None and backup_problem(first) is None
        assert rolling_backup(lib) is None  # nothing changed
    correct(db, 3, "另一个程序的改正")  # another program, its own connection
    with open_library(db) as lib:
        second = rolling_backup(lib)
    assert second is not None and list_backups(db) == [second, first]
    assert damage_report(second) is None


def test_thinning_keeps_the_newest_and_one_a_day_for_a_week(db):
    now = datetime(2026, 3, 20, 12, tzinfo=UTC)
    made = []
    with open_library(db) as lib:
        # Thirty backups, one every 9 hours going back about 11 days.
        for i in range(30):
            correct(db, 1, f"第{i}版")
            made.append(rolling_backup(lib, now=now - timedelta(hours=9 * (29 - i))))
    kept = list_backups(db)
    assert kept[:KEEP_NEWEST] == made[::-1][:KEEP_NEWEST]
    stamps = [datetime.strptime(p.stem.rpartition("-")[2], "%Y%m%dT%H%M%S%fZ") for p in kept]
    days = [s.date() for s in stamps]
    assert len(kept) <= KEEP_NEWEST + KEEP_DAYS
    assert {d for d in days} == {(now - timedelta(days=k)).date() for k in range(KEEP_DAYS)} | set(days[:KEEP_NEWEST])
    assert min(days) >= (now - timedelta(days=KEEP_DAYS - 1)).date()
    assert thin(backups_dir(db), now) == []  # thinning again changes nothing


def test_restore_to_a_library_that_does_not_exist_yet_makes_it(db, tmp_path):
    with open_library(db) as lib:
        saved = backup(lib, tmp_path / "saved.sqlite3")
    fresh = str(tmp_path / "elsewhere" / "new.sqlite3")
    (tmp_path / "elsewhere").mkdir()
    assert restore(saved, fresh).set_aside is None
    assert corrections(fresh) == ["第一处改正", None, None]


def test_backups_remove_what_killed_backups_left_and_keep_what_living_ones_write(db, tmp_path):
    import os
    import subprocess
    import time

    dead = subprocess.Popen(["true"])
    dead.wait()
    alive = subprocess.Popen(["sleep", "30"])
    try:
        with open_library(db) as lib:
            folder = rolling_backup(lib).parent
        killed = folder / f".tr-{dead.pid}-abcdef.part"
        living = folder / f".tr-{alive.pid}-abcdef.part"
        old_style = folder / ".backup-x1y2z3.part"  # named before pids were: removed once a minute old
        for path in (killed, living, old_style):
            path.write_bytes(b"\0" * 4096)
        long_ago = time.time() - 120
        os.utime(old_style, (long_ago, long_ago))
        correct(db, 2, "又改了一处")
        with open_library(db) as lib:
            rolling_backup(lib)
            backup(lib, tmp_path)
        assert not killed.exists() and not old_style.exists()
        assert living.exists()
    finally:
        alive.kill()
        alive.wait()
