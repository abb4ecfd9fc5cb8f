"""The main window's menus: which action sits where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def make_menus(window: MainWindow) -> None:
    """The menu bar over the window's actions; titles are set by `MainWindow.retranslate`."""
    bar = window.menuBar()
    window.menu_file = bar.addMenu("")
    window.menu_file.addAction(window.act_import)
    window.menu_file.addAction(window.act_export)
    window.menu_file.addAction(window.act_rename)
    window.menu_file.addSeparator()
    window.menu_file.addAction(window.listening.act_attach)
    window.menu_file.addAction(window.listening.act_detach)
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
    window.menu_review = bar.addMenu("")
    reviewing = window.reviewing
    for act in (reviewing.act_review, reviewing.act_todo, reviewing.act_unreviewed_only, reviewing.act_comment):
        window.menu_review.addAction(act)
    window.menu_review.addSeparator()
    window.menu_review.addAction(reviewing.history_dock.toggleViewAction())
    window.menu_review.addAction(reviewing.comments_dock.toggleViewAction())
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
    window.menu_script = window.menu_view.addMenu("")
    for act in window.act_scripts.values():
        window.menu_script.addAction(act)
    window.menu_playback = bar.addMenu("")
    for act in window.listening.actions():
        window.menu_playback.addAction(act)
    window.menu_playback.addAction(window.listening.act_video)
    window.menu_tools = bar.addMenu("")
    window.menu_tools.addAction(window.act_rules)
    window.menu_tools.addAction(window.act_speakers)
    window.menu_tools.addAction(window.act_overview)
    window.menu_tools.addAction(window.comparing.act_compare)
    window.menu_tools.addSeparator()
    window.menu_tools.addAction(window.act_author)
    window.menu_language = window.menu_tools.addMenu("")
    for act in window.act_languages.values():
        window.menu_language.addAction(act)
    window.menu_help = bar.addMenu("")
    window.menu_help.addAction(window.act_shortcuts)
    window.menu_help.addAction(window.act_about)


def retranslate_menus(window: MainWindow) -> None:
    """The window's action and menu texts, again on every language change (in MainWindow's context)."""
    window.act_import.setText(QCoreApplication.translate("MainWindow", "&Import Files…"))
    window.act_open_library.setText(QCoreApplication.translate("MainWindow", "&Open Library…"))
    window.act_open_shared.setText(QCoreApplication.translate("MainWindow", "Open &Shared Library…"))
    window.act_author.setText(QCoreApplication.translate("MainWindow", "Your &Name in Revisions…"))
    window.act_export.setText(QCoreApplication.translate("MainWindow", "&Export…"))
    window.act_backup.setText(QCoreApplication.translate("MainWindow", "&Back Up Library…"))
    window.act_restore.setText(QCoreApplication.translate("MainWindow", "Restore from Bac&kup…"))
    window.act_speakers.setText(QCoreApplication.translate("MainWindow", "&Speakers…"))
    window.act_overview.setText(QCoreApplication.translate("MainWindow", "&Overview…"))
    window.search_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Library Search"))
    window.search_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "Library &Search"))
    window.act_quit.setText(QCoreApplication.translate("MainWindow", "&Quit"))
    window.act_undo.setText(QCoreApplication.translate("MainWindow", "&Undo"))
    window.act_redo.setText(QCoreApplication.translate("MainWindow", "&Redo"))
    window.act_edit.setText(QCoreApplication.translate("MainWindow", "&Edit Segment"))
    window.act_revert.setText(QCoreApplication.translate("MainWindow", "Re&vert to Automatic Text"))
    window.act_split.setText(QCoreApplication.translate("MainWindow", "&Split at Cursor"))
    window.act_merge.setText(QCoreApplication.translate("MainWindow", "&Merge with Next"))
    window.act_make_rule.setText(QCoreApplication.translate("MainWindow", "Apply Correction &Everywhere"))
    window.act_make_rule.setToolTip(
        QCoreApplication.translate("MainWindow", "Make a rule from this segment's correction, for every transcript")
    )
    window.act_rules.setText(QCoreApplication.translate("MainWindow", "Correction &Rules…"))
    window.act_speaker.setText(QCoreApplication.translate("MainWindow", "Set S&peaker…"))
    window.act_topic.setText(QCoreApplication.translate("MainWindow", "Tag &Topic…"))
    window.act_untag.setText(QCoreApplication.translate("MainWindow", "&Remove Topics"))
    window.act_split_turn.setText(QCoreApplication.translate("MainWindow", "Split Here for the &Next Speaker"))
    window.act_split_turn.setToolTip(
        QCoreApplication.translate("MainWindow", "Split the segment at the cursor and give the rest to the next speaker")
    )
    window.act_next_speaker.setText(QCoreApplication.translate("MainWindow", "Next Segment of This Speaker"))
    window.act_previous_speaker.setText(QCoreApplication.translate("MainWindow", "Previous Segment of This Speaker"))
    window.act_next_topic.setText(QCoreApplication.translate("MainWindow", "Next Segment of This Topic"))
    window.act_previous_topic.setText(QCoreApplication.translate("MainWindow", "Previous Segment of This Topic"))
    window.act_show_labels.setText(QCoreApplication.translate("MainWindow", "Always Show Speaker and Topic &Columns"))
    window.menu_labels.setTitle(QCoreApplication.translate("MainWindow", "&Labels"))
    window.menu_review.setTitle(QCoreApplication.translate("MainWindow", "Re&view"))
    window.act_find.setText(QCoreApplication.translate("MainWindow", "&Find…"))
    window.act_replace.setText(QCoreApplication.translate("MainWindow", "Find and &Replace…"))
    window.act_find_next.setText(QCoreApplication.translate("MainWindow", "Find &Next"))
    window.act_find_previous.setText(QCoreApplication.translate("MainWindow", "Find Pre&vious"))
    window.act_about.setText(QCoreApplication.translate("MainWindow", "&About transcript-reader"))
    window.act_shortcuts.setText(QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"))
    window.act_rename.setText(QCoreApplication.translate("MainWindow", "&Rename Transcript…"))
    window.menu_file.setTitle(QCoreApplication.translate("MainWindow", "&File"))
    window.menu_recent.setTitle(QCoreApplication.translate("MainWindow", "Recent &Libraries"))
    window.menu_edit.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
    window.menu_view.setTitle(QCoreApplication.translate("MainWindow", "&View"))
    window.menu_stages.setTitle(QCoreApplication.translate("MainWindow", "Cleaning &Stages"))
    window.menu_script.setTitle(QCoreApplication.translate("MainWindow", "&Script"))
    window.menu_tools.setTitle(QCoreApplication.translate("MainWindow", "&Tools"))
    window.menu_language.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
    window.menu_help.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
