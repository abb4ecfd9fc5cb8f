"""Chinese and English UI: follows the system locale, switches at once, every string in the catalogue."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from reader.ui import i18n
from reader.ui.table.segment_model import RAW

UI = Path(i18n.__file__).parent
CATALOGUE = i18n.TRANSLATIONS / "transcript_reader_zh_CN.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture
def english_afterwards():
    yield
    i18n.install(QApplication.instance(), "en")


def test_system_locale_decides_unless_the_user_chose(english_afterwards):
    assert i18n.resolve("system", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert i18n.resolve("system", QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert i18n.resolve("system", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "en"
    assert i18n.resolve("en", QLocale(QLocale.Language.Chinese)) == "en"


def test_switching_language_retranslates_the_open_window(qtbot, window, english_afterwards):
    assert window.menu_file.title() == "&File"
    window.act_languages["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")  # Qt posts the LanguageChange
    assert window.model.headerData(RAW, Qt.Orientation.Horizontal) == "原文"
    assert window.find_bar.find_button.text() == "查找"
    assert window.settings.language() == "zh_CN"  # and remembered
    window.act_languages["en"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")


def test_every_ui_string_is_in_the_chinese_catalogue_and_translated(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed, cannot collect the UI strings")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *map(str, sorted(UI.rglob("*.py"))), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = set(messages(fresh))
    have = messages(CATALOGUE)
    assert wanted - set(have) == set(), "run pyside6-lupdate and translate the new strings"
    unfinished = [key for key in wanted if have[key].find("translation").get("type") == "unfinished"]
    assert unfinished == []
    # An empty translation is no translation: Qt shows the English source (a plural's
    # <numerusform /> left empty did just that for "%n suggestion(s)").
    empty = [key for key in wanted if not _translated(have[key].find("translation"))]
    assert empty == []


def _translated(translation: ET.Element) -> bool:
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def _shown_texts(window) -> set[str]:
    """Every text the window's widgets, actions and menus show now (menus and docks included, shown or not)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDockWidget, QLabel, QLineEdit, QMenu

    texts = {window.windowTitle()}
    for action in window.findChildren(QAction):
        texts |= {action.text(), action.toolTip()}
    for widget in window.findChildren(QMenu):
        texts.add(widget.title())
    for widget in window.findChildren(QLabel):
        texts.add(widget.text())
    for widget in window.findChildren(QAbstractButton):
        texts |= {widget.text(), widget.toolTip()}
    for widget in window.findChildren(QLineEdit):
        texts.add(widget.placeholderText())
    for widget in window.findChildren(QDockWidget):
        texts.add(widget.windowTitle())
    for widget in window.findChildren(QComboBox):
        texts |= {widget.itemText(i) for i in range(widget.count())}
    return {text for text in texts if text}


def test_after_a_switch_no_widget_shows_a_string_of_the_other_language(qtbot, window, english_afterwards):
    pairs = {
        (message.findtext("source"), message.findtext("translation"))
        for message in messages(CATALOGUE).values()
        if message.findtext("translation") and message.findtext("source") != message.findtext("translation")
    }
    english = {source for source, _ in pairs}
    chinese = {translation for _, translation in pairs}
    # Texts set from results, not only from labels: a find's count, the review count.
    window.act_find.trigger()
    window.find_bar.find_edit.setText("大圆")
    window.find_bar.find_button.click()
    window.view.setCurrentIndex(window.model.index(0, 2))
    window.reviewing.act_review.trigger()
    qtbot.waitUntil(lambda: window.reviewing.count_label.text() != "")
    for dock in (window.search_dock, window.reviewing.history_dock, window.reviewing.comments_dock):
        dock.show()

    window.act_languages["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    left = sorted(_shown_texts(window) & english)
    assert left == [], "still in English after switching to Chinese"
    assert "已审阅" in window.reviewing.count_label.text()

    window.act_languages["en"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    left = sorted(_shown_texts(window) & chinese)
    assert left == [], "still in Chinese after switching back"
    assert "result" in window.find_bar.count_label.text()


def test_the_rename_dialog_and_about_box_speak_chinese(qtbot, window, english_afterwards):
    """Their strings went through a wrapper pyside6-lupdate does not read, so the catalogue lacked them."""
    window.act_languages["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    window.act_rename.trigger()
    dialog = window.rename_dialog
    assert (dialog.windowTitle(), dialog.labelText()) == ("重命名转写稿", "标题：")
    dialog.reject()


def test_open_and_save_dialogs_label_their_fields_in_chinese(qapp, english_afterwards):
    """Qt's own catalogue lacks two labels of its file dialog; ours carries them."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    i18n.install(qapp, "zh_CN")
    dialog = QFileDialog(None, "打开")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    dialog.deleteLater()
    # A Chinese label keeps its shortcut letter after it: `查找范围(&L)：`.
    english = [text for text in labels if re.search("[A-Za-z]", re.sub(r"\(&\w\)", "", text))]
    assert labels and not english, labels


def test_after_a_switch_the_boxes_are_wide_enough_for_their_new_words(qapp, qtbot, make_window, english_afterwards):
    """A combo box sizes itself once, when first shown: a window shown in Chinese cut `Simplified`
    to `Simplifie` after a switch to English."""
    i18n.install(qapp, "zh_CN")
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.act_languages["en"].trigger()
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    for box in (window.options.script_box, window.find_replace.bar.scope_box):
        words = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        # No layout may make the box narrower than its words (the toolbar gave it its first-show width).
        assert box.minimumWidth() > words, box.currentText()
