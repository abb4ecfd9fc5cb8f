"""The cleaning stages, the script and the language: toolbar and menu actions, remembered in the settings."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMainWindow, QToolBar

from reader.ui import i18n
from reader.ui.cleaning import CleanService, clean_settings_from
from reader.ui.settings import LANGUAGES, SCRIPTS, STAGES, Settings


def _choice_group(window: QMainWindow, values: Iterable[str], current: str) -> tuple[QActionGroup, dict[str, QAction]]:
    """One checkable action per value, exclusive, `current` checked; each action's data is its value."""
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for value in values:
        act = QAction(window)
        act.setCheckable(True)
        act.setData(value)
        act.setChecked(value == current)
        group.addAction(act)
        actions[value] = act
    return group, actions


class CleaningOptions(QObject):
    def __init__(self, settings: Settings, clean: CleanService, window: QMainWindow):
        super().__init__(window)
        self.settings, self.clean = settings, clean
        self.stages: dict[str, QAction] = {}
        for stage in STAGES:
            act = QAction(window)
            act.setCheckable(True)
            act.setChecked(settings.stage(stage))
            act.toggled.connect(lambda on, s=stage: self._stage_toggled(s, on))
            self.stages[stage] = act
        self.script_group, self.scripts = _choice_group(window, SCRIPTS, settings.script())
        self.script_group.triggered.connect(lambda act: self.set_script(act.data()))
        self.language_group, self.languages = _choice_group(window, LANGUAGES, settings.language())
        self.language_group.triggered.connect(lambda act: self.set_language(act.data()))

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("cleaningToolbar")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.stages.values():
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.script_label = QLabel(window)
        self.script_label.setTextFormat(Qt.TextFormat.PlainText)
        self.toolbar.addWidget(self.script_label)
        self.script_box = QComboBox(window)
        for script in SCRIPTS:
            self.script_box.addItem("", script)
        self.script_box.setCurrentIndex(SCRIPTS.index(settings.script()))
        self.script_box.currentIndexChanged.connect(lambda i: self.set_script(SCRIPTS[i]))
        self.toolbar.addWidget(self.script_box)

    def retranslate(self) -> None:
        stage_names = {
            "fillers": self.tr("Fillers"),
            "stutters": self.tr("Stutters"),
            "loops": self.tr("Loops"),
            "rules": self.tr("Rules"),
            "punctuation": self.tr("Punctuation"),
            "sentences": self.tr("Sentences"),
            "spacing": self.tr("Spacing"),
        }
        stage_tips = {
            "fillers": self.tr("Remove hesitation sounds (呃, 嗯)"),
            "stutters": self.tr("Collapse immediate repetitions (我我我 → 我)"),
            "loops": self.tr(
                "Keep one copy of a clause the recognizer repeated in a loop; a segment that only repeats the one before is left empty"
            ),
            "rules": self.tr("Apply your correction rules"),
            "punctuation": self.tr("Tidy punctuation left by removals"),
            "sentences": self.tr(
                "A chunk-final 。 inside a running sentence becomes ， (reads the next segment); questions get ？"
            ),
            "spacing": self.tr("Space between Chinese and Latin letters or digits"),
        }
        for stage, act in self.stages.items():
            act.setText(stage_names[stage])
            act.setToolTip(stage_tips[stage])
        script_names = {
            "simplified": self.tr("Simplified"),
            "traditional": self.tr("Traditional"),
            "keep": self.tr("Keep as is"),
        }
        for script, act in self.scripts.items():
            act.setText(script_names[script])
        for i, script in enumerate(SCRIPTS):
            self.script_box.setItemText(i, script_names[script])
        i18n.fit_to_items(self.script_box)
        language_names = {"system": self.tr("System Default"), "en": "English", "zh_CN": "中文（简体）"}
        for language, act in self.languages.items():
            act.setText(language_names[language])
        self.toolbar.setWindowTitle(self.tr("Cleaning"))
        self.script_label.setText(self.tr("Script:") + " ")

    def _stage_toggled(self, stage: str, on: bool) -> None:
        self.settings.set_stage(stage, on)
        self.apply()

    def set_script(self, script: str) -> None:
        if script not in SCRIPTS:
            return
        self.settings.set_script(script)
        self.scripts[script].setChecked(True)
        if self.script_box.currentIndex() != SCRIPTS.index(script):
            self.script_box.setCurrentIndex(SCRIPTS.index(script))
        self.apply()

    def apply(self) -> None:
        self.clean.set_settings(clean_settings_from(self.settings))

    def set_language(self, language: str) -> None:
        self.settings.set_language(language)
        app = QApplication.instance()
        assert app is not None, "a widget exists, so the application does"
        i18n.install(app, language)
