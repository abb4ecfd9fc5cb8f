"""Chinese and English UI: follows the system locale, switches at once, every string in the catalogue."""

from __future__ import annotations

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
