"""Backups in the app: a rolling backup when it opens and closes a changed library, the newest good
backup offered for a damaged one (which is never written), and Back Up / Restore in the File menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core import paths
from reader.core.library import import_file, open_library, transcript_segments
from reader.core.library.backup import damage_report, list_backups
from reader.ui.table.segment_model import CLEAN
from tests.reliability.test_backup import damage_a_page
from tests.ui.conftest import write_sample
from tests.ui.test_editing import save_in_cell
from tests.ui.test_window import wait_cleaned


def correct_in_cell(qtbot, window, row: int, text: str) -> None:
    wait_cleaned(qtbot, window)
    save_in_cell(qtbot, window, row, text)


def corrections(db: str) -> list[str | None]:
    with open_library(db) as lib:
        return [segment.correction for segment in transcript_segments(lib, 1)[1]]


def titles(window) -> list[str]:
    panel = window.library_panel.proxy
    return [panel.index(0, 0, panel.index(row, 0)).data() for row in range(panel.rowCount())]


def test_opening_makes_one_rolling_backup_and_closing_makes_another_only_after_a_change(qtbot, window, db_path):
    # The window fixture opened it once: backed up once the window is idle, not during the start.
    assert list_backups(db_path) == []
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=5000)
    correct_in_cell(qtbot, window, 1, "我们今天讨论大语言模型的发展。")
    window.close()
    backups = list_backups(db_path)
    assert len(backups) == 2
    with open_library(str(backups[0])) as lib:  # the newest holds the correction
        assert transcript_segments(lib, 1)[1][1].correction == "我们今天讨论大语言模型的发展。"


def test_closing_without_a_change_adds_no_backup(make_window, window, db_path):
    window.close()
    again = make_window()
    again.show()
    again.open_library(db_path)
    again.close()
    assert len(list_backups(db_path)) == 1


@pytest.fixture
def damaged_db(make_window, window, db_path):
    """The sample library with one rolling backup, then a page overwritten so that quick_check fails."""
    window.close()
    damage_a_page(db_path)
    assert damage_report(db_path) is not None, "the overwritten page did not damage the library"
    return db_path


def open_damaged(make_window, db: str):
    window = make_window()
    window.show()
    window.open_library(db)
    return window


def test_a_damaged_library_is_not_opened_and_its_newest_good_backup_is_offered(make_window, damaged_db):
    window = open_damaged(make_window, damaged_db)
    assert window.ops.library is None
    box = window.library_actions.damage_box
    assert box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert damage_report(damaged_db) in box.text()
    assert str(list_backups(damaged_db)[0]) in box.text()
    assert window.library_actions.damage_restore_button is not None


def test_accepting_the_offer_restores_the_backup_and_keeps_the_damaged_file_aside(qtbot, make_window, damaged_db):
    damaged = Path(damaged_db).read_bytes()
    window = open_damaged(make_window, damaged_db)
    window.library_actions.damage_restore_button.click()

    assert window.ops.library is not None
    assert titles(window) == ["测试转写"]
    assert window.model.rowCount() > 0  # its transcript is open again
    assert damage_report(damaged_db) is None
    kept = window.library_actions.restored_box.text().splitlines()[-1]
    assert Path(kept).read_bytes() == damaged
    assert window.watcher.timer.isActive()
    correct_in_cell(qtbot, window, 1, "修好以后还能改。")  # writable again
    assert corrections(damaged_db)[1] == "修好以后还能改。"


def test_declining_the_offer_leaves_the_damaged_file_untouched_and_the_window_usable(
    make_window, damaged_db, tmp_path
):
    damaged = Path(damaged_db).read_bytes()
    window = open_damaged(make_window, damaged_db)
    window.library_actions.damage_box.escapeButton().click()
    assert not window.library_actions.damage_box.isVisible()
    assert not window.act_restore.isEnabled()

    other = str(tmp_path / "other.sqlite3")
    with open_library(other) as lib:
        import_file(lib, write_sample(tmp_path, name="other.txt"))
    window.open_library(other)
    assert window.ops.library is not None and titles(window) == ["测试转写"]
    window.close()
    assert Path(damaged_db).read_bytes() == damaged
    assert not list(Path(damaged_db).parent.glob("library.sqlite3.damaged-*"))


def test_a_damaged_library_chosen_while_another_is_open_leaves_that_one_open_and_backed_up(
    make_window, damaged_db, tmp_path
):
    other = str(tmp_path / "other.sqlite3")
    with open_library(other) as lib:
        import_file(lib, write_sample(tmp_path, name="other.txt"))
    window = make_window()
    window.show()
    window.open_library(other)
    window.open_library(damaged_db)
    assert window.library_actions.damage_box.isVisible()
    window.library_actions.damage_box.escapeButton().click()
    assert damaged_db in window.statusBar().currentMessage()
    assert window.ops.library is not None and window.library_db == other
    window.library_actions.back_up_to(str(tmp_path / "copy.sqlite3"))
    assert (tmp_path / "copy.sqlite3").is_file()


def test_a_damaged_library_without_a_good_backup_says_so_and_offers_nothing(make_window, damaged_db):
    for backup in list_backups(damaged_db):
        backup.unlink()
    damaged = Path(damaged_db).read_bytes()
    window = open_damaged(make_window, damaged_db)
    assert window.library_actions.damage_restore_button is None
    assert "no good backup" in window.library_actions.damage_box.text()
    window.library_actions.damage_box.close()
    window.close()
    assert Path(damaged_db).read_bytes() == damaged


def test_back_up_and_restore_from_the_file_menu(qtbot, window, db_path, tmp_path):
    assert window.act_backup.isEnabled() and window.act_restore.isEnabled()
    correct_in_cell(qtbot, window, 1, "备份里的改正。")
    saved = tmp_path / "saved.sqlite3"
    window.library_actions.back_up_to(str(saved))
    assert str(saved) in window.statusBar().currentMessage()

    correct_in_cell(qtbot, window, 1, "备份以后的改正。")
    window.library_actions.confirm_restore(str(saved))
    assert str(saved) in window.library_actions.restore_box.text()
    window.library_actions.confirm_restore_button.click()

    assert corrections(db_path)[1] == "备份里的改正。"
    wait_cleaned(qtbot, window)
    assert window.model.index(1, CLEAN).data() == "备份里的改正。"  # the window shows the restored text
    # What the restore replaced is kept among the rolling backups, so it can be undone.
    held = set()
    for backup in list_backups(db_path):
        with open_library(str(backup)) as lib:
            held.add(transcript_segments(lib, 1)[1][1].correction)
    assert "备份以后的改正。" in held
    assert not window.act_undo.isEnabled()  # the undo steps were about the replaced library


def test_a_refused_backup_is_reported_and_the_library_stays_open_as_it_was(qtbot, window, db_path, tmp_path):
    not_a_library = tmp_path / "notes.sqlite3"
    not_a_library.write_text("just some notes", encoding="utf-8")
    window.library_actions.restore_from(str(not_a_library))
    assert "cannot restore" in window._last_error_box.text()
    assert window.ops.library is not None and titles(window) == ["测试转写"]


def test_backing_up_onto_the_library_itself_is_refused_with_a_message(window, db_path):
    before = Path(db_path).read_bytes()
    window.library_actions.back_up_to(db_path)
    assert "library itself" in window._last_error_box.text()
    assert Path(db_path).read_bytes() == before


@pytest.mark.parametrize("shared_url", ["postgresql"], indirect=True)
def test_a_server_library_opens_and_closes_without_rolling_backups_or_errors(make_window, shared_url):
    window = make_window()
    window.show()
    window.open_library(shared_url)
    assert window.ops.library is not None
    assert not window.act_backup.isEnabled() and not window.act_restore.isEnabled()
    window.close()
    assert window._last_error_box is None
    backups = paths.data_dir() / "backups"
    assert not backups.exists() or not any(backups.iterdir())
