"""A library unchanged since it last passed SQLite's check is not read whole again at open, nor copied
again for a backup; anything that writes the file brings both back, and damage the file's stamp does
not show is still never written into."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import UserError
from reader.core.library import edits, file_state, import_file, open_library, transcript_segments
from reader.core.library.backup import (
    close_and_back_up,
    damage_report,
    list_backups,
)
from reader.core.paths import seeds_dir
from tests.reliability.test_backup import damage_a_page

SEED = sorted(seeds_dir().glob("*.txt"))[0]


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "library.sqlite3"
    with open_library(str(path)) as lib:
        import_file(lib, SEED)
    return path


def checks_run(monkeypatch) -> list[str]:
    """The whole-file checks (quick_check, integrity_check) run from now on."""
    from reader.core.library import sqlite_file

    run: list[str] = []
    real = sqlite_file.damage

    def counted(execute, error, pragma="quick_check"):
        run.append(pragma)
        return real(execute, error, pragma)

    monkeypatch.setattr(sqlite_file, "damage", counted)
    return run


def test_a_library_closed_sound_opens_without_reading_it_whole_and_a_change_by_another_program_is_checked(db, monkeypatch):
    run = checks_run(monkeypatch)
    assert damage_report(db, trust_unchanged=True) is None
    open_library(str(db)).close()
    assert run == []
    conn = sqlite3.connect(db)  # another program writes (and folds its -wal into the file)
    conn.execute("UPDATE transcripts SET title = title || '!'")
    conn.commit()
    conn.close()
    assert damage_report(db, trust_unchanged=True) is None
    assert run == ["quick_check"]


def test_a_page_overwritten_after_a_sound_close_is_found_at_open(db):
    damage_a_page(db)
    assert damage_report(db, trust_unchanged=True) is not None
    with pytest.raises(UserError, match="damaged"):
        open_library(str(db))


def test_damage_the_stamp_does_not_show_is_still_never_written_into(db):
    # A failing disk returning other bytes for an untouched file: damaged, yet stamped as it was.
    damage_a_page(db)
    record = file_state._sound_record(db)
    file_state.write(record, file_state.stamp(db))
    damaged = db.read_bytes()
    lib = open_library(str(db))  # opened without the check: the stamp says unchanged
    with pytest.raises(UserError, match="damaged"):
        edits.set_correction(lib, 1, "不该写进去")
    lib.close()
    assert db.read_bytes() == damaged
    assert not file_state.known_sound(db)  # found damaged: closing did not call it sound again


def test_the_check_a_first_write_needs_can_run_ahead_and_says_what_it_found(db, monkeypatch):
    """The app runs it when idle, so a person's first edit does not wait for it."""
    lib = open_library(str(db))
    run = checks_run(monkeypatch)
    lib.check_before_writing()
    edits.set_correction(lib, edits.segment_at(lib, 1, 1), "先检查过了")
    assert run == ["integrity_check"]  # once, ahead of the write
    lib.close()
    damage_a_page(db)
    file_state.write(file_state._sound_record(db), file_state.stamp(db))  # damage the stamp does not show
    lib = open_library(str(db))
    with pytest.raises(UserError, match="damaged"):
        lib.check_before_writing()
    assert lib.damage is not None
    lib.close()


def test_closing_backs_up_a_changed_library_once_and_an_unchanged_one_without_copying_it(db, monkeypatch):
    made = close_and_back_up(open_library(str(db)))
    assert made is not None and list_backups(db) == [made]
    from reader.core.library import backup as backups

    copies: list[object] = []
    real = backups._copy_to_temp
    monkeypatch.setattr(backups, "_copy_to_temp", lambda *a: copies.append(a) or real(*a))
    assert close_and_back_up(open_library(str(db))) is None
    assert copies == []  # unchanged: told by the stamp, not by a copy
    lib = open_library(str(db))
    edits.set_correction(lib, edits.segment_at(lib, 1, 1), "关闭前的改正")
    second = close_and_back_up(lib)
    assert second is not None and list_backups(db) == [second, made]
    with open_library(str(second)) as copy:
        assert transcript_segments(copy, 1)[1][0].correction == "关闭前的改正"


def test_a_file_renamed_over_the_open_library_is_not_called_sound_when_it_closes(db, tmp_path):
    other = tmp_path / "other.sqlite3"
    with open_library(str(other)) as lib:
        import_file(lib, SEED)
    damage_a_page(other)
    lib = open_library(str(db))
    other.replace(db)  # a sync tool puts another version in place while the library is open
    lib.close()
    assert not file_state.known_sound(db)
    assert damage_report(db, trust_unchanged=True) is not None
