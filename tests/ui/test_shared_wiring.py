"""The app on a library several people use: others' changes appear, the same segment saved twice is a choice, never a loss.

Every test runs on one SQLite file and again on PostgreSQL (skipped, with the
reason, where no server binaries exist). "Someone else" is a second window
on the same library, or a plain connection as the CLI would make.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from reader.core.library import edits, open_library, splitting
from reader.core.library.models import Revision, current_user, set_author
from reader.ui.operations import edits as edit_ops
from reader.ui.operations import library as library_ops
from reader.ui.operations import reads
from reader.ui.table.segment_model import CLEAN, StateRole
from tests.ui.test_editing import open_editor, save_in_cell, stored, type_committed
from tests.ui.test_window import wait_cleaned

POLL_MS = 50
WAIT_MS = 5_000


@pytest.fixture
def db_path(shared_url):
    return shared_url


@pytest.fixture(autouse=True)
def _default_author():
    """The author is one setting for the whole process: every test starts and ends with the default."""
    set_author(None)
    yield
    set_author(None)


@pytest.fixture
def someone(db_path):
    """Another person's connection to the library."""
    lib = open_library(db_path)
    yield lib
    lib.close()


def polling(window):
    window.watcher.timer.setInterval(POLL_MS)
    return window


@pytest.fixture
def second(make_window, window, db_path):
    """A second window on the same library, showing the same transcript as `window`."""
    other = make_window()
    other.show()
    other.open_library(db_path)
    assert other.transcript_id == window.transcript_id
    return other


def segment_id(window, row: int) -> int:
    return window.model.row_at(row).id


def authors(db_path, segment: int) -> list[tuple[str, str | None]]:
    lib = open_library(db_path)
    try:
        with lib.read() as session:
            return list(session.execute(select(Revision.author, Revision.new).where(Revision.segment_id == segment).order_by(Revision.id)))
    finally:
        lib.close()


def conflict_dialog(qtbot, window):
    def shown() -> bool:
        return getattr(window.editing, "conflict_dialog", None) is not None and window.editing.conflict_dialog.isVisible()

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return window.editing.conflict_dialog


def test_a_correction_saved_elsewhere_appears_in_the_open_window_with_the_counts(qtbot, window, someone):
    polling(window)
    wait_cleaned(qtbot, window)
    assert "0 corrected" in window.counts_label.text()
    edits.set_correction(someone, segment_id(window, 1), "我们今天讨论大语言模型的发展。", author="bob")

    qtbot.waitUntil(lambda: window.model.index(1, CLEAN).data() == "我们今天讨论大语言模型的发展。", timeout=WAIT_MS)
    assert window.model.index(1, CLEAN).data(StateRole) == "corrected"
    qtbot.waitUntil(lambda: "1 corrected" in window.counts_label.text(), timeout=WAIT_MS)


def test_this_windows_own_changes_are_not_reported_back_by_the_watcher_nor_reloaded(qtbot, window):
    wait_cleaned(qtbot, window)
    polling(window)
    qtbot.waitUntil(lambda: window.watcher.token is not None, timeout=WAIT_MS)
    token = window.watcher.token
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型的发展。")
    window.view.setCurrentIndex(window.model.index(2, CLEAN))
    edit_ops.split(window.ops, window.transcript_id, segment_id(window, 3), 4, 5)
    wait_cleaned(qtbot, window)  # the new rows' cleaned text is painted once, as it arrives
    with (
        qtbot.assertNotEmitted(window.model.modelReset),
        qtbot.assertNotEmitted(window.model.dataChanged),
        qtbot.assertNotEmitted(window.watcher.changed, wait=POLL_MS * 8),
    ):
        pass
    assert window.watcher.token > token  # the watcher did read past both saves


def test_one_edit_loads_its_row_and_the_transcript_list_once_even_when_the_watcher_sees_it(qtbot, window, monkeypatch):
    wait_cleaned(qtbot, window)
    polling(window)
    qtbot.waitUntil(lambda: window.watcher.token is not None, timeout=WAIT_MS)
    loads = {"rows": 0, "transcripts": 0, "window": 0}

    def counting(name, real):
        def counted(*args, **kwargs):
            loads[name] += 1
            return real(*args, **kwargs)

        return counted

    monkeypatch.setattr(reads, "load_rows", counting("rows", reads.load_rows))
    monkeypatch.setattr(reads, "load_transcripts", counting("transcripts", reads.load_transcripts))
    monkeypatch.setattr(reads, "load_transcript", counting("window", reads.load_transcript))
    token = window.watcher.token
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型的发展。")
    qtbot.waitUntil(lambda: window.watcher.token > token, timeout=WAIT_MS)  # the watcher has seen the save
    qtbot.wait(POLL_MS * 4)
    assert loads == {"rows": 1, "transcripts": 1, "window": 0}
    assert "1 corrected" in window.counts_label.text()


def test_a_split_made_elsewhere_reloads_the_transcript(qtbot, window, someone):
    polling(window)
    rows = window.model.rowCount()
    splitting.split_segment(someone, segment_id(window, 1), 4)
    qtbot.waitUntil(lambda: window.model.rowCount() == rows + 1, timeout=WAIT_MS)
    assert window.model.row_at(1).raw == "我们今天"


def test_an_open_editor_is_left_alone_by_others_changes_and_its_save_becomes_a_choice(qtbot, window, someone, db_path):
    polling(window)
    wait_cleaned(qtbot, window)
    editor = open_editor(qtbot, window, 1)
    editor.selectAll()
    type_committed(editor, "我们今天讨论大元模型。")
    edits.set_correction(someone, segment_id(window, 1), "我们今天讨论大语言模型的发展。", author="bob")
    edits.set_correction(someone, segment_id(window, 0), "大家好，我是今天的讲者。", author="bob")
    rows = window.model.rowCount()
    splitting.split_segment(someone, segment_id(window, rows - 1), 4)
    qtbot.wait(POLL_MS * 6)  # several polls have seen these changes

    assert window.view.current_editor() is editor
    assert editor.toPlainText() == "我们今天讨论大元模型。"
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    dialog = conflict_dialog(qtbot, window)
    assert dialog.theirs.toPlainText() == "我们今天讨论大语言模型的发展。"
    assert "bob" in dialog.theirs_label.text()
    assert dialog.mine.toPlainText() == "我们今天讨论大元模型。"
    assert stored(window, db_path)[1].correction == "我们今天讨论大语言模型的发展。"  # nothing overwritten
    dialog.keep_button.click()
    # The held change to the other row arrives once the editor is closed.
    qtbot.waitUntil(lambda: window.model.index(0, CLEAN).data() == "大家好，我是今天的讲者。", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.model.rowCount() == rows + 1, timeout=WAIT_MS)
    assert window.model.index(1, CLEAN).data() == "我们今天讨论大语言模型的发展。"
    assert stored(window, db_path)[1].correction == "我们今天讨论大语言模型的发展。"


def test_the_same_segment_saved_in_two_windows_asks_the_second_and_use_mine_keeps_both_in_history(qtbot, window, second, db_path):
    wait_cleaned(qtbot, window)
    wait_cleaned(qtbot, second)
    second.watcher.stop()  # the second person has not seen the first one's save yet
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型。")
    save_in_cell(qtbot, second, 1, "我们今天讨论大型语言模型。")

    dialog = conflict_dialog(qtbot, second)
    assert dialog.theirs.toPlainText() == "我们今天讨论大语言模型。"
    assert stored(window, db_path)[1].correction == "我们今天讨论大语言模型。"
    dialog.mine_button.click()

    assert stored(window, db_path)[1].correction == "我们今天讨论大型语言模型。"
    history = [new for _author, new in authors(db_path, segment_id(window, 1))]
    assert history == ["我们今天讨论大语言模型。", "我们今天讨论大型语言模型。"]
    polling(window)  # its watcher has run all along, at the default pace
    qtbot.waitUntil(lambda: window.model.index(1, CLEAN).data() == "我们今天讨论大型语言模型。", timeout=WAIT_MS)


def test_edit_mine_reopens_the_editor_with_my_text_and_saves_over_theirs_knowingly(qtbot, window, second, db_path):
    wait_cleaned(qtbot, window)
    wait_cleaned(qtbot, second)
    second.watcher.stop()
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型。")
    save_in_cell(qtbot, second, 1, "我们今天讨论大型语言模型。")

    conflict_dialog(qtbot, second).edit_button.click()
    editor = second.view.current_editor()
    assert editor is not None and editor.toPlainText() == "我们今天讨论大型语言模型。"
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_committed(editor, "（合并）")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert stored(window, db_path)[1].correction == "我们今天讨论大型语言模型。（合并）"


def test_undo_after_someone_else_saved_the_segment_asks_instead_of_overwriting(qtbot, window, second, db_path):
    wait_cleaned(qtbot, window)
    wait_cleaned(qtbot, second)
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型。")
    polling(second)
    qtbot.waitUntil(lambda: second.model.index(1, CLEAN).data() == "我们今天讨论大语言模型。", timeout=WAIT_MS)
    save_in_cell(qtbot, second, 1, "我们今天讨论大型语言模型。")  # based on the first save: no conflict
    assert stored(window, db_path)[1].correction == "我们今天讨论大型语言模型。"

    window.act_undo.trigger()
    dialog = conflict_dialog(qtbot, window)
    assert dialog.theirs.toPlainText() == "我们今天讨论大型语言模型。"
    dialog.keep_button.click()
    assert stored(window, db_path)[1].correction == "我们今天讨论大型语言模型。"


def test_undo_and_redo_of_my_own_quick_edits_never_conflict_with_myself(qtbot, window, db_path):
    wait_cleaned(qtbot, window)
    save_in_cell(qtbot, window, 1, "第一次。")
    save_in_cell(qtbot, window, 1, "第二次。")
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert stored(window, db_path)[1].correction is None
    window.act_redo.trigger()
    window.act_redo.trigger()
    assert stored(window, db_path)[1].correction == "第二次。"
    assert getattr(window.editing, "conflict_dialog", None) is None


def test_the_name_chosen_for_revisions_is_recorded_remembered_and_applied_at_start(qtbot, window, make_window, settings, db_path):
    wait_cleaned(qtbot, window)
    window.act_author.trigger()
    dialog = window.library_actions.author_dialog
    assert dialog.textValue() == current_user()  # the login name until one is chosen
    dialog.setTextValue("  王校对 ")
    dialog.accept()
    save_in_cell(qtbot, window, 1, "我们今天讨论大语言模型的发展。")
    assert authors(db_path, segment_id(window, 1)) == [("王校对", "我们今天讨论大语言模型的发展。")]
    assert settings.author() == "王校对"

    set_author(None)  # as a new run of the app starts
    make_window()
    assert current_user() == "王校对"


def test_open_shared_library_asks_for_the_server_and_opens_its_url_without_the_password(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(library_ops, "open", lambda ops, db, import_seeds=False: opened.append(db))
    window.act_open_shared.trigger()
    dialog = window.library_actions.open_shared_dialog
    assert dialog.isVisible()
    dialog.host.setText("db.example.org")
    dialog.database.setText("team")
    dialog.user.setText("ann")
    dialog.password.setText("s3cret")
    dialog.buttons.button(dialog.buttons.StandardButton.Open).click()
    assert opened == ["postgresql+psycopg://ann@db.example.org/team"]


@pytest.mark.parametrize("shared_url", ["postgresql"], indirect=True)
def test_a_server_library_chosen_in_the_dialog_opens_and_is_remembered_without_its_password(
    qtbot, make_window, settings, shared_url, tmp_path
):
    from sqlalchemy.engine import make_url

    server = make_url(shared_url)
    window = make_window()
    window.show()
    window.act_open_shared.trigger()
    dialog = window.library_actions.open_shared_dialog
    dialog.host.setText(server.query["host"])  # the folder of the throwaway server's socket
    dialog.database.setText(server.database)
    dialog.user.setText(server.username)
    dialog.password.setText("pw-never-stored")
    dialog.buttons.button(dialog.buttons.StandardButton.Open).click()

    qtbot.waitUntil(lambda: window.ops.library is not None, timeout=WAIT_MS)
    assert window.ops.location.startswith("postgresql+psycopg://")
    recent = settings.recent_libraries()
    assert len(recent) == 1 and make_url(recent[0]).database == server.database
    settings.sync()
    assert "pw-never-stored" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert window.watcher.timer.isActive()  # others' changes are watched on the server too
