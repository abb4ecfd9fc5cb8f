"""Chinese and English UI: Qt translators chosen from the system locale or the user's setting.

Strings are marked with `self.tr()` / `QCoreApplication.translate()` and
collected with `pyside6-lupdate` into resources/translations/*.ts; the
compiled .qm files sit next to them (see resources/translations/README.md).
English is the source language, so it needs no file.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QSize, QTranslator
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from reader.core import paths

TRANSLATIONS = paths.translations_dir()
CATALOGUE = "transcript_reader"

_installed: list[QTranslator] = []
# Qt's own catalogue (qtbase_zh_CN) lacks these labels of its file dialog as the dialog asks for
# them (with their shortcut marks), so every Open and Save dialog said "Look in:" in the Chinese UI.
# Ours carries them: Qt asks its own catalogue first, then ours.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def resolve(language: str, system: QLocale | None = None) -> str:
    """The UI language to use: "en" or "zh_CN" ("system" follows the locale)."""
    if language != "system":
        return language
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install(app: QCoreApplication, language: str) -> str:
    """Swap in the translators for `language`; returns the language now in use.

    Installing a translator sends every widget a LanguageChange event, on
    which they set their texts again, so switching needs no restart.
    """
    chosen = resolve(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen == "en":
        return chosen
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{chosen}", str(TRANSLATIONS)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    # Qt's own strings (standard buttons, file dialogs), when Qt ships them.
    if qt.load(QLocale(chosen), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return chosen


class Retranslating:
    """For a widget whose texts follow the UI language: it defines `retranslate()`, which
    runs whenever a translator is installed (see `install`). List it before the Qt class."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # a mixin: the Qt class after it in the MRO has it


def fit_to_items(box: QComboBox) -> None:
    """Wide enough for its longest item as drawn: call it after (re)wording the items, as a box
    sizes itself once, on first show, for the language of then. QComboBox sizes itself by the items' bounding
    boxes, which for characters drawn from a fallback font (CJK under DejaVu: `（全部）` 32 px,
    drawn 48 px) are too narrow, so its text was cut off."""
    metrics = box.fontMetrics()
    widest = max((metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0)
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    needed = box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(widest, metrics.height()), box)
    box.setMinimumWidth(needed.width())
