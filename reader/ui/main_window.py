"""The main window: library panel | side-by-side transcript, menus, status bar.

Layout only plus wiring: every action asks the controller (which calls the
core off the GUI thread) and views refresh on its `changed` notice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import UserError
from reader.ui import i18n
from reader.ui.change_watcher import ChangeWatcher
from reader.ui.cleaning import CleanService
from reader.ui.commands import Changes
from reader.ui.controller import Controller
from reader.ui.delegates import CellEditor
from reader.ui.find_bar import FindBar
from reader.ui.label_bar import LabelBar
from reader.ui.library_panel import LibraryPanel
from reader.ui.search_panel import SearchPanel
from reader.ui.segment_model import PAGE, SegmentIdRole, SegmentTableModel
from reader.ui.segment_view import SegmentView
from reader.ui.settings import LANGUAGES, SCRIPTS, STAGES, Settings
from reader.ui.i18n import Retranslating


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, controller: Controller, clean: CleanService, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.controller = controller
        self.clean = clean
        self.settings = settings
        self.transcript_id: int | None = None
        self.transcript_title = ""
        self._pending_library: str | None = None  # asked for, added to the recent list once open
        self.library_db = ""  # the open library as the person named it (a path, not the engine's URL)
        self._infos: dict = {}  # transcript id -> TranscriptSummary
        self.rules_dialog = None
        self.speaker_manager = None
        self._filter: tuple[int | None, int | None] = (None, None)  # speaker id, topic id shown
        self._keys_transcript: int | None = None  # whose speakers the number keys hold
        # Others' changes that arrived while a cell editor was open: (segment ids, transcript ids).
        self._held_changes: tuple[frozenset, frozenset] = (frozenset(), frozenset())
        self.setAcceptDrops(True)

        self.library_panel = LibraryPanel(self)
        self.model = SegmentTableModel(clean, self)
        self.model.set_fetcher(controller.load_rows_by_id)
        self.view = SegmentView(self)
        self.view.setModel(self.model)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.label_bar = LabelBar(self)
        right_layout.addWidget(self.label_bar)
        right_layout.addWidget(self.view, 1)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        right_layout.addWidget(self.find_bar)
        self._found: list = []
        self._searching = False  # a search ran and its bar is still open
        self._pending_match = None
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 1000])
        self.setCentralWidget(self.splitter)

        self.search_panel = SearchPanel(controller.runner, lambda: controller.library, self)
        self.search_dock = QDockWidget(self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_panel)
        self.search_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self._pending_search = None

        self.watcher = ChangeWatcher(controller.runner, lambda: controller.library, self)
        controller.set_author(settings.author() or None)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self._connect()
        self.retranslate()
        self._restore_layout()

    # construction
    def _action(self, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_import = self._action(self.choose_import, S.Open)
        self.act_open_library = self._action(self.choose_library, "Ctrl+Shift+O")
        self.act_open_shared = self._action(self.open_shared_library)
        self.act_author = self._action(self.choose_author)
        self.act_export = self._action(self.show_export, "Ctrl+E")
        self.act_backup = self._action(self.choose_backup_file)
        self.act_restore = self._action(self.choose_restore_file)
        for act in (self.act_backup, self.act_restore):
            act.setEnabled(False)  # until an SQLite library is open
        self.act_quit = self._action(self.close, S.Quit)
        stack = self.controller.undo_stack
        self.act_undo = stack.createUndoAction(self)
        self.act_undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.act_redo = stack.createRedoAction(self)
        self.act_redo.setShortcuts(QKeySequence.keyBindings(S.Redo))
        self.act_edit = self._action(self.edit_current, "F2")
        self.act_revert = self._action(self.revert_current, "Ctrl+Shift+R")
        # Ctrl+K and Ctrl+J belong to the text editor (delete to end of line, new line).
        self.act_split = self._action(self.split_at_cursor, "Ctrl+Shift+K")
        self.act_merge = self._action(self.merge_with_next, "Ctrl+Shift+J")
        self.act_make_rule = self._action(self.make_rule_from_current, "Ctrl+Shift+E")
        self.act_speaker = self._action(self.choose_speaker, "Ctrl+Shift+P")
        self.act_topic = self._action(self.choose_topic, "Ctrl+T")
        self.act_untag = self._action(self.remove_topics, "Ctrl+Shift+T")
        self.act_split_turn = self._action(self.split_turn_at_cursor, "Ctrl+Shift+Return")
        self.act_next_speaker = self._action(lambda: self.jump("speaker", backwards=False), "Alt+Down")
        self.act_previous_speaker = self._action(lambda: self.jump("speaker", backwards=True), "Alt+Up")
        self.act_next_topic = self._action(lambda: self.jump("topic", backwards=False), "Alt+Shift+Down")
        self.act_previous_topic = self._action(lambda: self.jump("topic", backwards=True), "Alt+Shift+Up")
        self.act_show_labels = self._action(None, checkable=True)
        self.act_show_labels.setChecked(self.settings.labels_shown())
        self.act_show_labels.toggled.connect(self._show_labels_toggled)
        self.act_rules = self._action(self.show_rules, "Ctrl+Shift+L")
        self.act_speakers = self._action(self.show_speakers)
        self.act_overview = self._action(self.show_overview)
        self.act_find = self._action(lambda: self.find_bar.open_bar(replace=False), S.Find)
        self.act_replace = self._action(lambda: self.find_bar.open_bar(replace=True), [QKeySequence("Ctrl+H")])
        self.act_find_next = self._action(lambda: self.find_bar.step(1), S.FindNext)
        self.act_find_previous = self._action(lambda: self.find_bar.step(-1), S.FindPrevious)
        self.act_stages = {}
        for stage in STAGES:
            act = self._action(None, checkable=True)
            act.setChecked(self.settings.stage(stage))
            act.toggled.connect(lambda on, s=stage: self._stage_toggled(s, on))
            self.act_stages[stage] = act
        self.script_group = QActionGroup(self)
        self.act_scripts = {}
        for script in SCRIPTS:
            act = self._action(None, checkable=True)
            act.setData(script)
            act.setChecked(script == self.settings.script())
            self.script_group.addAction(act)
            self.act_scripts[script] = act
        self.script_group.triggered.connect(lambda act: self.set_script(act.data()))
        self.language_group = QActionGroup(self)
        self.act_languages = {}
        for language in LANGUAGES:
            act = self._action(None, checkable=True)
            act.setData(language)
            act.setChecked(language == self.settings.language())
            self.language_group.addAction(act)
            self.act_languages[language] = act
        self.language_group.triggered.connect(lambda act: self.set_language(act.data()))
        self.act_about = self._action(self.about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_import)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_open_library)
        self.menu_file.addAction(self.act_open_shared)
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_backup)
        self.menu_file.addAction(self.act_restore)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_edit)
        self.menu_edit.addAction(self.act_revert)
        self.menu_edit.addAction(self.act_split)
        self.menu_edit.addAction(self.act_merge)
        self.menu_edit.addAction(self.act_make_rule)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_find)
        self.menu_edit.addAction(self.act_replace)
        self.menu_edit.addAction(self.act_find_next)
        self.menu_edit.addAction(self.act_find_previous)
        self.menu_labels = bar.addMenu("")
        for act in (self.act_speaker, self.act_split_turn, self.act_topic, self.act_untag):
            self.menu_labels.addAction(act)
        self.menu_labels.addSeparator()
        for act in (self.act_next_speaker, self.act_previous_speaker, self.act_next_topic, self.act_previous_topic):
            self.menu_labels.addAction(act)
        self.menu_labels.addSeparator()
        self.menu_labels.addAction(self.act_show_labels)
        self.menu_view = bar.addMenu("")
        self.menu_stages = self.menu_view.addMenu("")
        for act in self.act_stages.values():
            self.menu_stages.addAction(act)
        self.menu_view.addAction(self.search_dock.toggleViewAction())
        self.menu_script = self.menu_view.addMenu("")
        for act in self.act_scripts.values():
            self.menu_script.addAction(act)
        self.menu_tools = bar.addMenu("")
        self.menu_tools.addAction(self.act_rules)
        self.menu_tools.addAction(self.act_speakers)
        self.menu_tools.addAction(self.act_overview)
        self.menu_tools.addSeparator()
        self.menu_tools.addAction(self.act_author)
        self.menu_language = self.menu_tools.addMenu("")
        for act in self.act_languages.values():
            self.menu_language.addAction(act)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _make_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("cleaningToolbar")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.act_stages.values():
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.script_label = QLabel(self)
        self.toolbar.addWidget(self.script_label)
        self.script_box = QComboBox(self)
        for script in SCRIPTS:
            self.script_box.addItem("", script)
        self.script_box.setCurrentIndex(SCRIPTS.index(self.settings.script()))
        self.script_box.currentIndexChanged.connect(lambda i: self.set_script(SCRIPTS[i]))
        self.toolbar.addWidget(self.script_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.hide()
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._import_task = None

    def _connect(self) -> None:
        c = self.controller
        c.changed.connect(self.on_changed)
        c.failed.connect(self.show_error)
        c.library_opened.connect(self._library_opened)
        c.conflict.connect(self.show_conflict)
        c.damaged.connect(self.offer_backup)
        c.restored.connect(self._restored)
        c.backed_up.connect(
            lambda path: self.statusBar().showMessage(self.tr("Library backed up to %1").replace("%1", path), 8000)
        )
        self.watcher.changed.connect(self._others_changed)
        self.watcher.failed.connect(lambda message: self.statusBar().showMessage(message, 5000))
        # After the view has closed the editor (it handles closeEditor first), catch up with what was held.
        self.view.itemDelegate().closeEditor.connect(lambda *_: QTimer.singleShot(0, self._release_held_changes))
        c.import_started.connect(self._import_started)
        c.import_finished.connect(self._import_finished)
        self.library_panel.transcript_selected.connect(self.open_transcript)
        self.clean.ready.connect(lambda: self.statusBar().showMessage(self.tr("Segmenter ready"), 3000))
        self.cancel_button.clicked.connect(self._cancel_import)
        self.model.correction_requested.connect(self._correction_requested)
        self.model.speaker_requested.connect(self._speaker_requested)
        self.view.speaker_key.connect(self.speaker_key)
        self.label_bar.filter_changed.connect(self.set_filter)
        self.find_bar.search_requested.connect(self.run_find)
        self.find_bar.replace_one_requested.connect(self.replace_one)
        self.find_bar.replace_all_requested.connect(self.replace_all)
        self.find_bar.result_activated.connect(self.show_match)
        self.find_bar.closed.connect(self._find_closed)
        self.search_panel.segment_requested.connect(self.show_search_hit)

    # texts (again on every language change)
    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.act_import.setText(self.tr("&Import Files…"))
        self.act_open_library.setText(self.tr("&Open Library…"))
        self.act_open_shared.setText(self.tr("Open &Shared Library…"))
        self.act_author.setText(self.tr("Your &Name in Revisions…"))
        self.act_export.setText(self.tr("&Export…"))
        self.act_backup.setText(self.tr("&Back Up Library…"))
        self.act_restore.setText(self.tr("Restore from Bac&kup…"))
        self.act_speakers.setText(self.tr("&Speakers…"))
        self.act_overview.setText(self.tr("&Overview…"))
        self.search_dock.setWindowTitle(self.tr("Library Search"))
        self.search_dock.toggleViewAction().setText(self.tr("Library &Search"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.act_edit.setText(self.tr("&Edit Segment"))
        self.act_revert.setText(self.tr("Re&vert to Automatic Text"))
        self.act_split.setText(self.tr("&Split at Cursor"))
        self.act_merge.setText(self.tr("&Merge with Next"))
        self.act_make_rule.setText(self.tr("Apply Correction &Everywhere"))
        self.act_make_rule.setToolTip(self.tr("Make a rule from this segment's correction, for every transcript"))
        self.act_rules.setText(self.tr("Correction &Rules…"))
        self.act_speaker.setText(self.tr("Set S&peaker…"))
        self.act_topic.setText(self.tr("Tag &Topic…"))
        self.act_untag.setText(self.tr("&Remove Topics"))
        self.act_split_turn.setText(self.tr("Split Here for the &Next Speaker"))
        self.act_split_turn.setToolTip(self.tr("Split the segment at the cursor and give the rest to the next speaker"))
        self.act_next_speaker.setText(self.tr("Next Segment of This Speaker"))
        self.act_previous_speaker.setText(self.tr("Previous Segment of This Speaker"))
        self.act_next_topic.setText(self.tr("Next Segment of This Topic"))
        self.act_previous_topic.setText(self.tr("Previous Segment of This Topic"))
        self.act_show_labels.setText(self.tr("Always Show Speaker and Topic &Columns"))
        self.menu_labels.setTitle(self.tr("&Labels"))
        self.act_find.setText(self.tr("&Find…"))
        self.act_replace.setText(self.tr("Find and &Replace…"))
        self.act_find_next.setText(self.tr("Find &Next"))
        self.act_find_previous.setText(self.tr("Find Pre&vious"))
        stage_names = {
            "fillers": self.tr("Fillers"),
            "stutters": self.tr("Stutters"),
            "rules": self.tr("Rules"),
            "punctuation": self.tr("Punctuation"),
            "spacing": self.tr("Spacing"),
        }
        stage_tips = {
            "fillers": self.tr("Remove hesitation sounds (呃, 嗯)"),
            "stutters": self.tr("Collapse immediate repetitions (我我我 → 我)"),
            "rules": self.tr("Apply your correction rules"),
            "punctuation": self.tr("Tidy punctuation left by removals"),
            "spacing": self.tr("Space between Chinese and Latin letters or digits"),
        }
        for stage, act in self.act_stages.items():
            act.setText(stage_names[stage])
            act.setToolTip(stage_tips[stage])
        script_names = {
            "simplified": self.tr("Simplified"),
            "traditional": self.tr("Traditional"),
            "keep": self.tr("Keep as is"),
        }
        for script, act in self.act_scripts.items():
            act.setText(script_names[script])
        for i, script in enumerate(SCRIPTS):
            self.script_box.setItemText(i, script_names[script])
        language_names = {"system": self.tr("System Default"), "en": "English", "zh_CN": "中文（简体）"}
        for language, act in self.act_languages.items():
            act.setText(language_names[language])
        self.act_about.setText(self.tr("&About transcript-reader"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Recent &Libraries"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_stages.setTitle(self.tr("Cleaning &Stages"))
        self.menu_script.setTitle(self.tr("&Script"))
        self.menu_tools.setTitle(self.tr("&Tools"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Cleaning"))
        self.script_label.setText(self.tr("Script:") + " ")
        self.cancel_button.setText(self.tr("Cancel"))
        self.library_panel.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_counts()

    def _title(self) -> str:
        if self.transcript_title:
            return f"{self.transcript_title} — transcript-reader"
        return "transcript-reader"

    # library
    def choose_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Open or Create Library"),
            "",
            self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_library(path)

    def open_library(self, db: str, import_seeds: bool = False) -> None:
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", db))
        self._pending_library = db
        self.controller.open_library(db, import_seeds=import_seeds)

    def _library_opened(self, location: str) -> None:
        db = self._pending_library
        if db:
            self.settings.add_recent_library(db)
        self.library_db = db or location
        self.transcript_id = None
        self._keys_transcript = None  # another library's speakers
        self.model.set_rows(None, [])
        self._held_changes = (frozenset(), frozenset())
        self.watcher.start()
        for act in (self.act_backup, self.act_restore):
            act.setEnabled(self.controller.library.is_sqlite)  # a server's database is backed up by its own tools
        self.statusBar().showMessage(self.tr("Library: %1").replace("%1", location), 5000)

    # backups
    def offer_backup(self, damaged) -> None:
        """A library that failed its check stays closed; offer its newest good backup."""
        def left_closed():
            self.statusBar().showMessage(self.tr("%1 is damaged and was not opened").replace("%1", damaged.location))

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Library Damaged"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # SQLite's report and file names
        text = self.tr("The library %1 is damaged; nothing will be written into it.\n\nSQLite found: %2").replace(
            "%1", damaged.location
        ).replace("%2", damaged.report)
        if damaged.backup is None:
            text += "\n\n" + self.tr("There is no good backup of it. Open or create another library from the File menu.")
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            box.finished.connect(left_closed)
            self.damage_restore_button = None
        else:
            text += "\n\n" + self.tr(
                "Its newest good backup was made %1:\n%2\n\n"
                "Restore it? The damaged file is kept aside, renamed %3.damaged-<time>, for anyone who wants to rescue more."
            ).replace("%1", QLocale().toString(damaged.backup_made, QLocale.FormatType.ShortFormat)).replace(
                "%2", str(damaged.backup)
            ).replace("%3", Path(damaged.location).name)
            self.damage_restore_button = box.addButton(self.tr("Restore Backup"), QMessageBox.ButtonRole.AcceptRole)
            keep_closed = box.addButton(self.tr("Leave It Closed"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(self.damage_restore_button)
            box.setEscapeButton(keep_closed)
            keep_closed.clicked.connect(left_closed)
            self.damage_restore_button.clicked.connect(lambda: self.restore_from(str(damaged.backup), damaged.location))
        box.setText(text)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self.damage_box = box

    def choose_backup_file(self) -> None:
        from datetime import date

        name = f"{Path(self.library_db).stem}-backup-{date.today().isoformat()}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back Up Library"), str(Path.home() / name), self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)")
        )
        if path:
            self.back_up_to(path)

    def back_up_to(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Backing up to %1…").replace("%1", path))
        self.controller.back_up(path)

    def choose_restore_file(self) -> None:
        from reader.core.library.backup import backups_dir

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from Backup"),
            str(backups_dir(self.library_db)),
            self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)"),
        )
        if path:
            self.confirm_restore(path)

    def confirm_restore(self, path: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from Backup"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Replace the library %1 with the backup %2?\n\n"
                "The library as it is now is first added to its automatic backups, so you can go back to it."
            ).replace("%1", self.library_db).replace("%2", path)
        )
        self.confirm_restore_button = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_restore_button.clicked.connect(lambda: self.restore_from(path))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self.restore_box = box

    def restore_from(self, path: str, db: str | None = None) -> None:
        """Restore `path` into the library `db` (default: the open one), which then opens afresh."""
        db = db or self.library_db
        self.watcher.stop()  # the restore rewrites the change log it reads; it starts again on the reopened library
        self.statusBar().showMessage(self.tr("Restoring %1…").replace("%1", path))
        self._pending_library = db
        self.controller.restore_backup(path, db)

    def _restored(self, restored) -> None:
        self.statusBar().showMessage(self.tr("Library restored: %1").replace("%1", str(restored.library)), 8000)
        if restored.set_aside is not None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Library Restored"), "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(
                self.tr("The library was restored from its backup. The damaged file was kept as:\n%1").replace(
                    "%1", str(restored.set_aside)
                )
            )
            box.show()
            self.restored_box = box

    def open_shared_library(self) -> None:
        from reader.ui.open_shared_dialog import OpenSharedDialog

        dialog = OpenSharedDialog(self.controller.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.open_library)
        dialog.open()
        self.open_shared_dialog = dialog

    # others' changes
    def _others_changed(self, segments: frozenset, transcripts: frozenset) -> None:
        held_segments, held_transcripts = self._held_changes
        segments, transcripts = segments | held_segments, transcripts | held_transcripts
        if self.view.state() == QAbstractItemView.State.EditingState:
            # A reload would close or rewrite the editor under the person's fingers; their save
            # is checked against the version they started from, so nothing is lost by waiting.
            self._held_changes = (segments, transcripts)
            return
        self._held_changes = (frozenset(), frozenset())
        if segments or transcripts:
            whole = bool(transcripts)
            self.controller.changed.emit(
                Changes(transcripts, segments, structure=whole, rules=whole, library=whole, remote=True)
            )

    def _release_held_changes(self) -> None:
        if self.view.state() != QAbstractItemView.State.EditingState:
            self._others_changed(frozenset(), frozenset())

    # who revisions name
    def choose_author(self) -> None:
        from reader.core.library.models import current_user

        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Your Name in Revisions"))
        dialog.setLabelText(self.tr("Your corrections are saved under this name (empty: your login name):"))
        dialog.setTextValue(self.settings.author() or current_user())
        dialog.textValueSelected.connect(self.set_author)
        dialog.open()
        self.author_dialog = dialog

    def set_author(self, name: str) -> None:
        self.settings.set_author(name)
        self.controller.set_author(self.settings.author() or None)
        shown = self.settings.author() or self.tr("your login name")
        self.statusBar().showMessage(self.tr("Revisions now name %1").replace("%1", shown), 5000)

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        for db in self.settings.recent_libraries():
            act = self.menu_recent.addAction(db)
            act.triggered.connect(lambda _checked=False, d=db: self.open_library(d))
        if self.menu_recent.isEmpty():
            self.menu_recent.addAction(self.tr("(none)")).setEnabled(False)

    def on_changed(self, changes: Changes) -> None:
        self.controller.load_transcripts(self._transcripts_loaded)
        if changes.rules:
            self.controller.load_text_rules(self.transcript_id, self._text_rules_loaded)
        if self.find_bar.isVisible() and self._searching:
            self.run_find()  # hits move or vanish with the change
        tid = self.transcript_id
        if tid is None:
            return
        self._load_labels()
        touched = not changes.transcripts or tid in changes.transcripts
        # A filtered view drops the rows a change took its label from.
        if touched and (changes.structure or self._filter != (None, None)):
            self._load_transcript(tid, self.view.visible_rows().start, keep_same_rows=changes.remote)
        elif changes.segments:
            self.controller.load_rows_by_id(changes.segments, self.model.update_rows)

    def _transcripts_loaded(self, infos) -> None:
        self.library_panel.set_transcripts(infos, self.transcript_id)
        if self.transcript_id is None:
            # Back where the person left this library, unless that transcript is gone.
            last = self.settings.last_transcript(self.library_db)
            wanted = last if any(info.id == last for info in infos) else self.library_panel.first_transcript()
            if wanted is not None:
                self.library_panel.select(wanted)
        self._infos = {info.id: info for info in infos}
        self._update_counts()

    def open_transcript(self, transcript_id: int) -> None:
        if transcript_id == self.transcript_id:
            return
        self.transcript_id = transcript_id
        self.settings.set_last_transcript(self.library_db, transcript_id)
        self._filter = (None, None)  # a new transcript starts unfiltered
        self.label_bar.set_filter(None, None)
        # Same lane, in order: the rules are in place before the rows are cleaned.
        self.controller.load_text_rules(transcript_id, self._text_rules_loaded)
        self._load_transcript(transcript_id, 0)
        self._load_labels()

    def _load_transcript(self, transcript_id: int, first_row: int, keep_same_rows: bool = False) -> None:
        """With `keep_same_rows`, a transcript still made of the same segments only refreshes their rows."""
        self.controller.load_transcript(
            transcript_id,
            max(0, first_row - PAGE // 4),
            PAGE,
            lambda result: self._rows_loaded(result, keep_same_rows),
            *self._filter,
        )

    def _text_rules_loaded(self, result) -> None:
        transcript_id, rules = result
        if transcript_id == self.transcript_id:
            self.clean.set_rules(rules)

    def _rows_loaded(self, result, keep_same_rows: bool = False) -> None:
        transcript_id, title, ids, rows = result
        if transcript_id != self.transcript_id:
            return  # the user has moved on to another transcript meanwhile
        if keep_same_rows and self.model.shows(transcript_id, ids):
            self.model.update_rows(rows)
            self.transcript_title = title
            self.setWindowTitle(self._title())
            self._update_counts()
            return
        same = self.model.transcript_id == transcript_id
        top = self.view.verticalScrollBar().value() if same else 0
        current = self.view.currentIndex()
        current_id = current.data(SegmentIdRole) if current.isValid() else None
        selected = self.view.selected_cells() if same else []
        self.model.set_transcript(transcript_id, ids, rows)
        self.transcript_title = title
        self.setWindowTitle(self._title())
        if same:
            self.view.fit_visible_rows()
            self.view.verticalScrollBar().setValue(top)
            # The same segment stays current, else the same row; what was selected stays selected.
            row = self.model.row_of(current_id) if current_id is not None else None
            if row is None and current.isValid() and current.row() < len(ids):
                row = current.row()
            self.view.select_cells(selected, self.model.index(row, current.column()) if row is not None else QModelIndex())
        self._show_hits()
        if self._pending_search is not None:
            self._apply_search_hit()
        if self._pending_match is not None:
            match, self._pending_match = self._pending_match, None
            self.show_match(match)
        self._update_counts()

    def _update_counts(self) -> None:
        info = self._infos.get(self.transcript_id)
        if info is None:
            self.counts_label.setText("")
            return
        if self._filter != (None, None) and self.model.transcript_id == self.transcript_id:
            text = self.tr("%1 of %2 segments shown").replace("%1", str(self.model.rowCount())).replace("%2", str(info.segments))
        else:
            text = self.tr("%1 segments, %2 corrected").replace("%1", str(info.segments)).replace("%2", str(info.corrected))
        self.counts_label.setText(text)

    # importing
    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import Transcripts"),
            "",
            self.tr("Transcripts (*.txt *.md *.srt *.vtt *.json);;All Files (*)"),
        )
        if files:
            self.controller.import_files(files)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.controller.import_files(paths)

    def _import_started(self, task) -> None:
        self._import_task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(self.tr("Importing…"))
        task.progressed.connect(self._import_progress)

    def _import_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _import_finished(self, made: int) -> None:
        self._import_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().showMessage(self.tr("Imported %1 transcript(s)").replace("%1", str(made)), 5000)

    def _cancel_import(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()
            self.statusBar().showMessage(self.tr("Cancelling…"))

    # cleaning options
    def _stage_toggled(self, stage: str, on: bool) -> None:
        self.settings.set_stage(stage, on)
        self.apply_clean_settings()

    def set_script(self, script: str) -> None:
        if script not in SCRIPTS:
            return
        self.settings.set_script(script)
        self.act_scripts[script].setChecked(True)
        if self.script_box.currentIndex() != SCRIPTS.index(script):
            self.script_box.setCurrentIndex(SCRIPTS.index(script))
        self.apply_clean_settings()

    def apply_clean_settings(self) -> None:
        self.clean.set_settings(clean_settings_from(self.settings))

    def set_language(self, language: str) -> None:
        self.settings.set_language(language)
        i18n.install(QApplication.instance(), language)

    # editing
    def edit_current(self) -> None:
        self.view.edit_current_cell()

    def _current_text_row(self):
        """The current row, if there is one and its segment is loaded."""
        row = self.view.current_row()
        if row < 0 or self.transcript_id is None or self.model.row_at(row) is None:
            self.statusBar().showMessage(self.tr("Select a segment first"), 4000)
            return None
        return row

    def _correction_requested(self, segment_id: int, old, new: str, automatic, based_on) -> None:
        row = self.model.row_of(segment_id)
        position = self.model.row_at(row).position if row is not None else 0
        self.controller.set_correction(self.transcript_id, segment_id, position, old, new, automatic, based_on)

    def revert_current(self) -> None:
        row = self._current_text_row()
        if row is None:
            return
        r = self.model.row_at(row)
        if r.correction is None:
            self.statusBar().showMessage(self.tr("Segment %1 has no correction").replace("%1", str(r.position)), 4000)
            return
        self.controller.revert_correction(self.transcript_id, r.id, r.position, r.correction, r.version)

    def split_at_cursor(self) -> None:
        self._split_at_cursor(self.controller.split)

    def split_turn_at_cursor(self) -> None:
        """Split where the speaker changes mid-segment; the rest goes to the next speaker, one undo step."""
        from reader.ui import label_steps

        self._split_at_cursor(lambda *where: label_steps.split_turn(self.controller, *where))

    def _split_at_cursor(self, split) -> None:
        """`split(transcript id, segment id, position, raw offset)` at the open editor's cursor.

        Without an editor, the current segment's opens, for the cursor to be put where the split goes.
        """
        editor = self.view.current_editor()
        if not isinstance(editor, CellEditor):
            row = self._current_text_row()
            if row is not None and self.view.edit_row(row):
                self.statusBar().showMessage(
                    self.tr("Put the cursor where the segment should be split, then split again"), 6000
                )
            return
        row = self.view.current_row()
        cursor = editor.textCursor().position()
        self.view.commit_editor(editor)  # what was typed is saved first, and split with the rest
        r = self.model.row_at(row)
        split(self.transcript_id, r.id, r.position, self.model.raw_offset(row, cursor))

    def merge_with_next(self) -> None:
        editor = self.view.current_editor()
        if editor is not None:
            self.view.commit_editor(editor)
        row = self._current_text_row()
        if row is None:
            return
        r = self.model.row_at(row)
        self.controller.merge(self.transcript_id, r.id, r.position, self.clean.text_of())

    def make_rule_from_current(self) -> None:
        row = self._current_text_row()
        if row is None:
            return
        r = self.model.row_at(row)
        automatic = self.model.automatic_text(row)
        if r.correction is None or automatic is None:
            self.statusBar().showMessage(self.tr("Correct the segment first; its correction becomes the rule"), 5000)
            return
        self.controller.rule_from_correction(automatic, r.correction)

    def selected_segment_ids(self) -> list[int]:
        """The segments of the selected rows, else of the current row."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.current_row() >= 0:
            rows = [self.view.current_row()]
        return [self.model.index(row, 0).data(SegmentIdRole) for row in rows]

    def _segment_ids_to_label(self) -> list[int]:
        """`selected_segment_ids()`; when there are none, the status bar says to select one."""
        ids = self.selected_segment_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select a segment first"), 4000)
        return ids

    # speakers and topics
    def _load_labels(self) -> None:
        """The transcript's speakers (number-key order) and the library's topics, for the bar and the cells."""
        from reader.core.library import tagging

        tid = self.transcript_id
        if tid is None:
            return
        self.controller.read(
            lambda lib: (tid, tagging.transcript_speakers(lib, tid), tagging.list_labels(lib, "topic")),
            self._labels_loaded,
        )

    def _labels_loaded(self, result) -> None:
        transcript_id, speakers, topics = result
        if transcript_id != self.transcript_id:
            return
        self.label_bar.set_labels(speakers, topics, keep_keys=self._keys_transcript == transcript_id)
        self._keys_transcript = transcript_id
        self.view.set_speaker_names([label.name for label in speakers])
        self._show_label_columns()

    def _show_labels_toggled(self, on: bool) -> None:
        self.settings.set_labels_shown(on)
        self._show_label_columns()

    def _show_label_columns(self) -> None:
        # A library with speakers gets the columns on every transcript, so a fresh one can be labelled there.
        self.view.set_labels_wanted(self.act_show_labels.isChecked() or bool(self.label_bar.key_speakers()))

    def speaker_key(self, number: int) -> None:
        """Number key on the table: 1..9 give the selected rows the transcript's n-th speaker, 0 clears them."""
        from reader.ui import label_steps

        ids = self._segment_ids_to_label()
        if not ids:
            return
        if number == 0:
            label_steps.assign_speaker(self.controller, ids, None)
            return
        speakers = self.label_bar.key_speakers()
        if number > len(speakers):
            self.statusBar().showMessage(
                self.tr("No speaker on key %1: type a name in a Speaker cell to make one").replace("%1", str(number)),
                5000,
            )
            return
        label_steps.assign_speaker(self.controller, ids, speakers[number - 1].id, speakers[number - 1].name)

    def _speaker_requested(self, segment_id: int, name: str) -> None:
        """A name typed or picked in a speaker cell: for every selected row when that row is one of them."""
        from reader.ui import label_steps

        ids = self.selected_segment_ids()
        if segment_id not in ids:
            ids = [segment_id]
        label_steps.assign_speaker(self.controller, ids, name or None, name)

    def remove_topics(self) -> None:
        from reader.ui import label_steps

        ids = self._segment_ids_to_label()
        if not ids:
            return
        label_steps.untag_topic(self.controller, ids)

    def set_filter(self, speaker_id: int | None, topic_id: int | None) -> None:
        """Show only the segments with that speaker and/or topic (None: any)."""
        if (speaker_id, topic_id) == self._filter:
            return
        self._filter = (speaker_id, topic_id)
        if self.transcript_id is not None:
            self._load_transcript(self.transcript_id, 0)

    def jump(self, kind: str, backwards: bool) -> None:
        """To the next (or previous) segment with the current row's speaker or topic, within the filter."""
        from reader.core.library import tagging

        row = self._current_text_row()
        if row is None:
            return
        r = self.model.row_at(row)
        speaker_id, topic_id = self._filter
        if kind == "speaker":
            speaker_id, name = r.speaker_id, r.speaker
            missing = self.tr("This segment has no speaker")
        else:
            # With a topic filter, that topic; else the row's first.
            topic = next((t for t in r.topics if t.id == topic_id), r.topics[0] if r.topics else None)
            topic_id, name = (topic.id, topic.name) if topic else (None, None)
            missing = self.tr("This segment has no topic")
        if name is None:
            self.statusBar().showMessage(missing, 4000)
            return
        tid, position = self.transcript_id, r.position
        self.controller.read(
            lambda lib: tagging.next_labelled(lib, tid, position, speaker_id, topic_id, backwards=backwards),
            lambda found: self._jumped(tid, found, name),
        )

    def _jumped(self, transcript_id: int, found, name: str) -> None:
        if transcript_id != self.transcript_id:
            return
        row = None if found is None else self.model.row_of(found[0])
        if row is None:
            self.statusBar().showMessage(self.tr("No further segment of %1").replace("%1", name), 4000)
            return
        self.view.scroll_to_row(row, max(self.view.currentIndex().column(), 0))

    def choose_speaker(self) -> None:
        from reader.core.library import tagging

        ids = self._segment_ids_to_label()
        if not ids:
            return
        self.controller.read(
            lambda lib: [label.name for label in tagging.list_labels(lib, "speaker")],
            lambda names: self._ask_speaker(ids, names),
        )

    def _ask_speaker(self, ids: list[int], names: list[str]) -> None:
        from reader.ui import label_steps

        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Set Speaker"))
        dialog.setLabelText(self.tr("Speaker of %n segment(s) (a new name makes a new speaker):", "", len(ids)))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(True)
        dialog.setTextValue("")
        dialog.textValueSelected.connect(
            lambda name: label_steps.assign_speaker(self.controller, ids, " ".join(name.split()) or None, name)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.speaker_dialog = dialog

    def choose_topic(self) -> None:
        from reader.ui import label_steps
        from reader.ui.topic_picker import TopicPicker, load_suggestions, load_topics

        ids = self._segment_ids_to_label()
        if not ids:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Tag Topic"))
        picker = TopicPicker(dialog)
        QVBoxLayout(dialog).addWidget(picker)
        picker.chosen.connect(lambda name: label_steps.tag_topic(self.controller, ids, name, name))
        picker.chosen.connect(dialog.accept)
        load_topics(self.controller, picker)
        load_suggestions(self.controller, picker, self.transcript_id, ids)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        picker.edit.setFocus()
        self.topic_dialog = dialog

    def show_export(self) -> None:
        from reader.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.controller.runner, lambda: self.controller.library, self.transcript_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.export_dialog = dialog

    def show_speakers(self) -> None:
        from reader.ui.speaker_manager import SpeakerManager

        if self.speaker_manager is None:
            self.speaker_manager = SpeakerManager(self.controller, self)
        self.speaker_manager.show()
        self.speaker_manager.raise_()

    def show_overview(self) -> None:
        from reader.ui.overview import OverviewDialog

        if self.transcript_id is None:
            self.statusBar().showMessage(self.tr("Open a transcript first"), 4000)
            return
        dialog = OverviewDialog(self.controller, self.transcript_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.overview_dialog = dialog

    def show_search_hit(self, transcript_id: int, segment_id: int, query: str) -> None:
        """A library search hit: open its transcript, show the segment, highlight the query in both columns."""
        self._pending_search = (transcript_id, segment_id, query)
        if transcript_id != self.transcript_id:
            self.library_panel.select(transcript_id)
        else:
            self._apply_search_hit()

    def _apply_search_hit(self) -> None:
        transcript_id, segment_id, query = self._pending_search
        row = self.model.row_of(segment_id) if transcript_id == self.transcript_id else None
        if row is None or self.model.row_at(row) is None:
            return
        self._pending_search = None
        self.view.scroll_to_row(row)
        segment, text_of = self.model.row_at(row), self.clean.text_of()

        def spans(task):
            from reader.core.library.search import find_spans

            return find_spans(text_of(segment), query)

        # text_of may have to clean the segment first: the segmenter's lane, not the GUI thread.
        self.controller.runner.submit("clean", spans, on_done=lambda found: self.model.set_hits({segment_id: found}))

    def show_rules(self) -> None:
        from reader.ui.rules_dialog import RulesDialog

        if self.rules_dialog is None:
            self.rules_dialog = RulesDialog(self)
        self.rules_dialog.show()
        self.rules_dialog.raise_()

    # find and replace
    def _find_scope(self) -> int | None:
        return None if self.find_bar.whole_library() else self.transcript_id

    def run_find(self) -> None:
        bar = self.find_bar
        if not bar.pattern():
            self._set_found([])
            return
        if self.transcript_id is None and not bar.whole_library():
            return
        self.controller.find(
            bar.pattern(), bar.regex(), bar.case_sensitive(), self._find_scope(), self.clean.text_of(), self._set_found
        )

    def _set_found(self, found) -> None:
        self._found = found
        self._searching = bool(self.find_bar.pattern())
        titles = {i.id: i.title for i in self._infos.values()}
        self.find_bar.set_results(found, titles)
        self._show_hits()

    def _show_hits(self, current=None) -> None:
        hits: dict[int, list[tuple[int, int]]] = {}
        for match, _text, _correction in self._found:
            if match.transcript_id == self.transcript_id:
                hits.setdefault(match.segment_id, []).append((match.start, match.end))
        where = None if current is None else (current.segment_id, current.start, current.end)
        self.model.set_hits(hits, where)

    def _find_closed(self) -> None:
        self._found = []
        self._searching = False
        self._show_hits()
        self.view.setFocus()

    def show_match(self, match) -> None:
        if match.transcript_id != self.transcript_id:
            self._pending_match = match
            self.library_panel.select(match.transcript_id)
            return
        row = self.model.row_of(match.segment_id)
        if row is not None:
            self.view.scroll_to_row(row)
        self._show_hits(current=match)

    def _current_result(self):
        match = self.find_bar.current_match() or (self._found[0][0] if self._found else None)
        for found in self._found:
            if found[0] == match:
                return found
        return None

    def replace_one(self) -> None:
        found = self._current_result()
        if found is None:
            return
        match, text, correction = found
        bar = self.find_bar
        try:
            self.controller.replace_one(
                match, text, bar.pattern(), bar.replacement(), bar.regex(), bar.case_sensitive(), correction,
                None if correction is not None else text,
            )
        except UserError as exc:
            self.show_error(str(exc))

    def replace_all(self) -> None:
        bar = self.find_bar
        if not bar.pattern():
            return
        self.controller.replace_all(
            bar.pattern(), bar.replacement(), bar.regex(), bar.case_sensitive(), self._find_scope(), self.clean.text_of()
        )

    # messages
    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message.splitlines()[0], 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("transcript-reader"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and transcript text
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self._last_error_box = box

    def show_conflict(self, conflict) -> None:
        """Someone else saved the segment first: both texts side by side, and the person chooses."""
        from reader.ui.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(conflict, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.chosen.connect(lambda choice: self._resolve_conflict(conflict, choice))
        dialog.open()
        self.conflict_dialog = dialog

    def _resolve_conflict(self, conflict, choice: str) -> None:
        from reader.ui.conflict_dialog import EDIT_MINE, USE_MINE

        c = conflict
        row = self.model.row_of(c.segment_id) if self.model.transcript_id == c.transcript_id else None
        if choice == USE_MINE:
            if c.attempted is None:
                self.controller.revert_correction(c.transcript_id, c.segment_id, c.position, c.text, c.version)
            else:
                automatic = self.model.automatic_text(row) if row is not None else None
                self.controller.set_correction(c.transcript_id, c.segment_id, c.position, c.text, c.attempted, automatic, c.version)
        elif choice == EDIT_MINE:
            if row is None or not self.view.edit_row(row):
                self.statusBar().showMessage(self.tr("Segment %1 is not shown here").replace("%1", str(c.position)), 5000)
                return
            editor = self.view.current_editor()
            if isinstance(editor, CellEditor):
                editor.setPlainText(c.attempted if c.attempted is not None else self.model.automatic_text(row) or "")
                editor.based_on = c.version  # their text is seen now: saving replaces it knowingly

    def about(self) -> None:
        from reader import __version__

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About transcript-reader"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("transcript-reader %1\nRead, clean and correct Chinese speech-recognition transcripts.").replace(
                "%1", __version__
            )
        )
        box.show()

    # layout
    def _restore_layout(self) -> None:
        geometry, state, splitter = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:
        self.watcher.stop()
        self.controller.close(backup=True)  # on the write lane: the window hides while it runs
        self.settings.set_window_state(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)


def clean_settings_from(settings: Settings):
    from reader.core.text import CleanSettings

    return CleanSettings(script=settings.script(), **{stage: settings.stage(stage) for stage in STAGES})
