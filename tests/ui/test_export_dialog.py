"""The Export dialog: writes where the user chose, asks before replacing, reports what went wrong."""

import docx
import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reader.core.library import import_file
from reader.ui.dialogs.export_dialog import ExportDialog
from reader.ui.operations import Operations
from reader.ui.tasks import SyncTaskRunner


@pytest.fixture
def lib(sample_library):
    return sample_library


@pytest.fixture
def dialog(qtbot, lib):
    widget = ExportDialog(Operations.on_library(SyncTaskRunner(), lib), transcript_id=lib.transcript)
    qtbot.addWidget(widget)
    return widget


def choose(dialog, fmt, target, *, whole=False):
    dialog.scope.setCurrentIndex(dialog.scope.findData("all" if whole else "one"))
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.target.setText(str(target))


def press_ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_one_transcript_to_docx(dialog, tmp_path, qtbot):
    target = tmp_path / "out.docx"
    choose(dialog, "docx", target)
    dialog.paragraphs.setCurrentIndex(dialog.paragraphs.findData("segments"))
    with qtbot.waitSignal(dialog.exported) as signal:
        press_ok(dialog)
    assert signal.args == [[target]]
    assert dialog.result() == QDialog.DialogCode.Accepted
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs[0] == "测试转写" and "我们今天讨论大圆模型的发展。" in paragraphs


def test_paragraphs_join_a_turn_by_default_and_only_for_reading_formats(dialog, tmp_path, qtbot):
    target = tmp_path / "turns.docx"
    choose(dialog, "docx", target)
    assert dialog.paragraphs.isEnabled() and dialog.paragraphs.currentData() == "turns"
    with qtbot.waitSignal(dialog.exported):
        press_ok(dialog)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    # The sample's segments have no speaker and no topic: one turn, one paragraph of them.
    assert "我们今天讨论大圆模型的发展。" not in paragraphs
    assert any("我们今天讨论大圆模型的发展。" in p for p in paragraphs)
    choose(dialog, "srt", tmp_path / "out.srt")
    assert not dialog.paragraphs.isEnabled()


def test_traditional_script_and_no_speakers(dialog, tmp_path):
    target = tmp_path / "out.md"
    choose(dialog, "md", target)
    dialog.script.setCurrentIndex(dialog.script.findData("traditional"))
    press_ok(dialog)
    assert "我們今天討論大圓模型的發展。" in target.read_text(encoding="utf-8")


def test_asks_before_replacing_and_keeps_the_file_when_told_no(dialog, tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    asked = []
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda paths: asked.append(paths) or False)
    choose(dialog, "txt", target)
    press_ok(dialog)
    assert asked == [[target]] and target.read_text() == "keep me"
    assert dialog.status.text() and dialog.result() != QDialog.DialogCode.Accepted
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda paths: True)
    press_ok(dialog)
    assert "大圆模型" in target.read_text(encoding="utf-8")


def test_whole_library_into_a_folder_with_progress(dialog, lib, tmp_path, monkeypatch):
    (tmp_path / "second.txt").write_text("# 第二篇\n\n另一个讲座。\n", encoding="utf-8")
    import_file(lib, tmp_path / "second.txt")
    folder = tmp_path / "out"
    folder.mkdir()
    seen = []
    monkeypatch.setattr(dialog, "_progressed", lambda done, total: seen.append((done, total)))
    choose(dialog, "csv", folder, whole=True)
    press_ok(dialog)
    assert sorted(p.name for p in folder.iterdir()) == ["1-测试转写.csv", "2-第二篇.csv"]
    assert seen and seen[-1] == (4, 4)


def test_an_untimed_transcript_as_srt_shows_why_and_writes_nothing(dialog, tmp_path):
    target = tmp_path / "out.srt"
    choose(dialog, "srt", target)
    press_ok(dialog)
    assert "has no times" in dialog.status.text()
    assert not target.exists() and dialog.format.isEnabled()


def test_nothing_happens_without_a_target(dialog):
    press_ok(dialog)
    assert dialog.status.text() and dialog.result() != QDialog.DialogCode.Accepted
