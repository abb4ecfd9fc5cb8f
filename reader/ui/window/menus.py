"""The main window's menus: which action sits where."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def make_menus(window: MainWindow) -> None:
    """The menu bar over the window's actions; titles are set by `MainWindow.retranslate`."""
    bar = window.menuBar()
    window.menu_file = bar.addMenu("")
    window.menu_file.addAction(window.act_import)
    window.menu_file.addAction(window.act_export)
    window.menu_file.addSeparator()
    window.menu_file.addAction(window.act_open_library)
    window.menu_file.addAction(window.act_open_shared)
    window.menu_recent = window.menu_file.addMenu("")
    window.menu_recent.aboutToShow.connect(lambda: window.library_actions.fill_recent(window.menu_recent))
    window.menu_file.addSeparator()
    window.menu_file.addAction(window.act_backup)
    window.menu_file.addAction(window.act_restore)
    window.menu_file.addSeparator()
    window.menu_file.addAction(window.act_quit)
    window.menu_edit = bar.addMenu("")
    window.menu_edit.addAction(window.act_undo)
    window.menu_edit.addAction(window.act_redo)
    window.menu_edit.addSeparator()
    window.menu_edit.addAction(window.act_edit)
    window.menu_edit.addAction(window.act_revert)
    window.menu_edit.addAction(window.act_split)
    window.menu_edit.addAction(window.act_merge)
    window.menu_edit.addAction(window.act_make_rule)
    window.menu_edit.addSeparator()
    window.menu_edit.addAction(window.act_find)
    window.menu_edit.addAction(window.act_replace)
    window.menu_edit.addAction(window.act_find_next)
    window.menu_edit.addAction(window.act_find_previous)
    window.menu_labels = bar.addMenu("")
    for act in (window.act_speaker, window.act_split_turn, window.act_topic, window.act_untag):
        window.menu_labels.addAction(act)
    window.menu_labels.addSeparator()
    for act in (window.act_next_speaker, window.act_previous_speaker, window.act_next_topic, window.act_previous_topic):
        window.menu_labels.addAction(act)
    window.menu_labels.addSeparator()
    window.menu_labels.addAction(window.act_show_labels)
    window.menu_view = bar.addMenu("")
    window.menu_stages = window.menu_view.addMenu("")
    for act in window.act_stages.values():
        window.menu_stages.addAction(act)
    window.menu_view.addAction(window.search_dock.toggleViewAction())
    window.menu_view.addAction(window.quality.suggestions_dock.toggleViewAction())
    window.menu_view.addAction(window.quality.findings_dock.toggleViewAction())
    window.menu_script = window.menu_view.addMenu("")
    for act in window.act_scripts.values():
        window.menu_script.addAction(act)
    window.menu_tools = bar.addMenu("")
    window.menu_tools.addAction(window.act_rules)
    window.menu_tools.addAction(window.quality.act_glossary)
    window.menu_tools.addAction(window.act_speakers)
    window.menu_tools.addAction(window.act_overview)
    window.menu_tools.addSeparator()
    window.menu_tools.addAction(window.act_author)
    window.menu_language = window.menu_tools.addMenu("")
    for act in window.act_languages.values():
        window.menu_language.addAction(act)
    window.menu_help = bar.addMenu("")
    window.menu_help.addAction(window.act_about)

