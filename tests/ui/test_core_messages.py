"""The core's messages in the Chinese UI: every core template is listed for the translators, has a
Chinese translation keeping its placeholders, and what a person sees of a core refusal is Chinese."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from reader.ui import i18n
from tests.ui.test_i18n import CATALOGUE, messages
from tools import core_messages

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def chinese():
    i18n.install(QApplication.instance(), "zh_CN")
    yield
    i18n.install(QApplication.instance(), "en")


def english_words(template: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", PLACEHOLDER.sub(" ", template))}


def test_the_generated_list_of_core_messages_is_up_to_date():
    templates, as_f_strings = core_messages.scan()
    assert as_f_strings == [], "a core message template is an f-string: put its values in fields"
    assert core_messages.TARGET.read_text(encoding="utf-8") == core_messages.render(templates), (
        "core messages changed: run tools/core_messages.py, then lupdate and translate"
    )


def test_every_core_template_has_a_chinese_translation_with_its_placeholders():
    templates, _ = core_messages.scan()
    catalogue = messages(CATALOGUE)
    missing, unfinished, placeholders = [], [], []
    for template in templates:
        message = catalogue.get(("errors", template))
        if message is None:
            missing.append(template)
            continue
        translation = message.find("translation")
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            unfinished.append(template)
        elif set(PLACEHOLDER.findall(translation.text)) != set(PLACEHOLDER.findall(template)):
            placeholders.append(template)
        elif english_words(template) and not re.search("[\u4e00-\u9fff]", translation.text):
            unfinished.append(template)  # words left in English
    assert missing == [], "run tools/core_messages.py and lupdate"
    assert unfinished == []
    assert placeholders == []


def test_a_bad_file_dropped_on_the_chinese_window_is_refused_in_chinese(qtbot, window, tmp_path, chinese):
    from tests.ui.test_window import _drop

    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    bad = tmp_path / "broken.srt"
    bad.write_text("1\n00:00:05,000 --> 00:00:01,000\n倒着的时间\n", encoding="utf-8")
    _drop(window, [bad])
    qtbot.waitUntil(lambda: getattr(window, "_last_error_box", None) is not None)
    shown = window._last_error_box.text()
    assert "broken.srt" in shown and "字幕的结束早于开始" in shown
    said = shown.replace(str(bad), "")
    template = "line {line}: the cue ends before it starts"
    assert not english_words(template) & {w.lower() for w in re.findall(r"[A-Za-z]+", said)}, said


def test_a_refused_edit_in_the_chinese_window_is_said_in_chinese(qtbot, window, chinese):
    from reader.ui.operations import edits

    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    image_row = next(r for r in range(window.model.rowCount()) if window.model.row_at(r).kind == "image")
    image = window.model.row_at(image_row)
    edits.split(window.ops, window.transcript_id, image.id, image.position, 1)
    qtbot.waitUntil(lambda: getattr(window, "_last_error_box", None) is not None)
    shown = window._last_error_box.text()
    assert shown == f"转写稿 {window.transcript_id} 的第 {image.position} 段：图片不能拆分"
    assert window.statusBar().currentMessage() == shown


def test_quality_check_details_and_the_compare_count_follow_the_chinese_ui(qtbot, window, chinese):
    from reader.core.errors import Msg
    from reader.core.library.quality import LOOP, Finding

    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    panel = window.quality.findings
    detail = Msg("repeats the segment before ({count} segments in a row, to {position})", count=3, position=7)
    panel.set_findings([Finding(5, LOOP, str(detail), None, None, detail)])
    item: QTreeWidgetItem = panel.tree.topLevelItem(0)
    assert item.text(2) == "重复上一段（连续 3 段，到第 7 段）"

    from reader.ui.compare.view import CompareView

    assert CompareView.tr("1 difference") == "1 处不同"
    assert CompareView.tr("%1 differences") == "%1 处不同"
