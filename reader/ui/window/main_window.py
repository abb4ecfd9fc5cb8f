"""The main window: library panel | side-by-side transcript, menus, status bar.

Layout and wiring. What the window does is done by the objects beside it
(find and replace, library actions, labelling, import progress, change sync),
each owning its state; every change goes through `reader.ui.operations` and
comes back as one `OpChanges` the window refreshes from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.ui import dialogs
from reader.ui.cleaning import CleanService
from reader.ui.i18n import Retranslating
from reader.ui.operations import OpChanges, Operations, edits, library, reads, rules
from reader.ui.operations.labels import LabelKind
from reader.ui.operations.reads import TranscriptSummary, Window
from reader.ui.settings import Settings
from reader.ui.table.segment_model import PAGE, SegmentIdRole, SegmentTableModel
from reader.ui.table.segment_view import SegmentView
from reader.ui.window import small_dialogs
from reader.ui.window.change_sync import ChangeSync
from reader.ui.window.cleaning_options import CleaningOptions
from reader.ui.window.comparing import Comparing
from reader.ui.window.docks import add_dock
from reader.ui.window.editing import Editing
from reader.ui.window.find_bar import FindBar
from reader.ui.window.find_replace import FindReplace
from reader.ui.window.import_progress import ImportProgress
from reader.ui.window.label_bar import LabelBar
from reader.ui.window.labelling import Labelling
from reader.ui.window.library_actions import LibraryActions
from reader.ui.window.library_panel import LibraryPanel
from reader.ui.window.listening import Listening
from reader.ui.window.menus import make_menus, retranslate_menus
from reader.ui.window.quality_docks import QualityDocks
from reader.ui.window.reviewing import Reviewing
from reader.ui.window.search_panel import SearchPanel

if TYPE_CHECKING:
    from reader.ui.dialogs.export_dialog import ExportDialog
    from reader.ui.dialogs.overview import OverviewDialog
    from reader.ui.dialogs.rules_dialog import RulesDialog
    from reader.ui.dialogs.speaker_manager import SpeakerManager


class MainWindow(Retranslating, QMainWindow):
    # Made by window.menus.make_menus, titled by retranslate.
    menu_file: QMenu
    menu_recent: QMenu
    menu_edit: QMenu
    menu_labels: QMenu
    menu_review: QMenu
    menu_view: QMenu
    menu_stages: QMenu
    menu_script: QMenu
    menu_playback: QMenu
    menu_tools: QMenu
    menu_language: QMenu
    menu_help: QMenu

    def __init__(self, ops: Operations, clean: CleanService, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.ops = ops
        self.clean = clean
        self.settings = settings
        self.transcript_id: int | None = None
        self.transcript_title = ""
        self._infos: dict[int, TranscriptSummary] = {}
        self._pending_search: tuple[int, int, str] | None = None  # a library search hit waiting for its rows
        self._open_when_listed: int | None = None
        self._open_at = 0  # the row a transcript being opened shows at the top
        # Dialogs made when first asked for; the last of each kind shown stays here for tests to answer.
        self.rules_dialog: RulesDialog | None = None
        self.speaker_manager: SpeakerManager | None = None
        self.export_dialog: ExportDialog | None = None
        self.overview_dialog: OverviewDialog | None = None
        self.shortcuts_dialog: QWidget | None = None
        self.rename_dialog: QInputDialog | None = None
        self._last_error_box: QMessageBox | None = None
        self.setAcceptDrops(True)

        self.library_panel = LibraryPanel(self)
        self.model = SegmentTableModel(clean, self)
        self.model.set_fetcher(lambda ids, on_done: reads.load_rows(ops, ids, on_done))
        self.view = SegmentView(self)
        self.view.setModel(self.model)
        self.quality = QualityDocks(ops, clean, self, self.model, self.view, self.library_panel.select)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.label_bar = LabelBar(self)
        right_layout.addWidget(self.label_bar)
        right_layout.addWidget(self.quality.offer_bar)
        right_layout.addWidget(self.view, 1)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        right_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 1000])
        self.setCentralWidget(self.splitter)

        self.search_panel = SearchPanel(ops, self)
        self.search_dock = add_dock(self, "searchDock", self.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.search_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+F"))

        self.sync = ChangeSync(ops, self.view, self)
        self.watcher = self.sync.watcher
        self.library_actions = LibraryActions(ops, settings, self, self.watcher.stop)
        self.find_replace = FindReplace(
            ops, clean, self.find_bar, self.model, self.view, lambda: {i.id: i.title for i in self._infos.values()},
            self.library_panel.select, self.show_error, self,
        )
        self.editing = Editing(ops, clean, self, self.model, self.view)
        self.listening = Listening(
            ops, self, self.model, self.view, settings, self.show_error, lambda message: self.statusBar().showMessage(message, 5000)
        )
        right_layout.insertWidget(right_layout.indexOf(self.view) + 1, self.listening.bar)
        self._make_actions()
        self.labelling = Labelling(
            ops, self, self.model, self.view, self.label_bar, self.act_show_labels,
            lambda transcript_id: self._load_transcript(transcript_id, 0),
        )
        self.comparing = Comparing(ops, self)
        self.reviewing = Reviewing(ops, self, self.model, self.view, lambda: self._reload_filtered())
        make_menus(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.options.toolbar)
        self.script_box = self.options.script_box
        self._make_status_bar()
        self._connect()
        library.set_author(ops, settings.author() or None)
        self.retranslate()
        self._restore_layout()

    # construction
    def _action(self, slot: Callable[[], Any] | None, shortcut: Any = None, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        library, editing = self.library_actions, self.editing
        self.act_import = self._action(lambda: self.imports.choose(), S.Open)
        self.act_open_library = self._action(library.choose_library, "Ctrl+Shift+O")
        self.act_open_shared = self._action(library.open_shared_library)
        self.act_author = self._action(library.choose_author)
        self.act_export = self._action(self.show_export, "Ctrl+E")
        self.act_backup = self._action(library.choose_backup_file)
        self.act_restore = self._action(library.choose_restore_file)
        for act in (self.act_backup, self.act_restore):
            act.setEnabled(False)  # until an SQLite library is open
        library.backup_actions = [self.act_backup, self.act_restore]
        self.act_quit = self._action(self.close, S.Quit)
        stack = self.ops.undo_stack
        self.act_undo = stack.createUndoAction(self)
        self.act_undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.act_redo = stack.createRedoAction(self)
        self.act_redo.setShortcuts(QKeySequence.keyBindings(S.Redo))
        self.act_edit = self._action(editing.edit_current, "F2")
        self.act_revert = self._action(editing.revert_current, "Ctrl+Shift+R")
        # Ctrl+K and Ctrl+J belong to the text editor (delete to end of line, new line).
        self.act_split = self._action(editing.split_at_cursor, "Ctrl+Shift+K")
        self.act_merge = self._action(editing.merge_with_next, "Ctrl+Shift+J")
        self.act_make_rule = self._action(editing.make_rule_from_current, "Ctrl+Shift+E")
        self.act_speaker = self._action(lambda: self.labelling.choose_speaker(), "Ctrl+Shift+P")
        self.act_topic = self._action(lambda: self.labelling.choose_topic(), "Ctrl+T")
        self.act_untag = self._action(lambda: self.labelling.remove_topics(), "Ctrl+Shift+T")
        self.act_split_turn = self._action(editing.split_turn_at_cursor, "Ctrl+Shift+Return")
        self.act_next_speaker = self._action(lambda: self.jump(LabelKind.SPEAKER, backwards=False), "Alt+Down")
        self.act_previous_speaker = self._action(lambda: self.jump(LabelKind.SPEAKER, backwards=True), "Alt+Up")
        self.act_next_topic = self._action(lambda: self.jump(LabelKind.TOPIC, backwards=False), "Alt+Shift+Down")
        self.act_previous_topic = self._action(lambda: self.jump(LabelKind.TOPIC, backwards=True), "Alt+Shift+Up")
        self.act_show_labels = self._action(None, checkable=True)
        self.act_show_labels.setChecked(self.settings.labels_shown())
        self.act_show_labels.toggled.connect(self.settings.set_labels_shown)
        self.act_rules = self._action(self.show_rules, "Ctrl+Shift+L")
        self.act_speakers = self._action(self.show_speakers)
        self.act_overview = self._action(self.show_overview)
        self.act_find = self._action(lambda: self.find_bar.open_bar(replace=False), S.Find)
        self.act_replace = self._action(lambda: self.find_bar.open_bar(replace=True), [QKeySequence("Ctrl+H")])
        self.act_find_next = self._action(lambda: self.find_bar.step(1), S.FindNext)
        self.act_find_previous = self._action(lambda: self.find_bar.step(-1), S.FindPrevious)
        self.options = CleaningOptions(self.settings, self.clean, self)
        self.act_stages, self.act_scripts, self.act_languages = self.options.stages, self.options.scripts, self.options.languages
        self.act_about = self._action(lambda: small_dialogs.show_about(self))
        self.act_shortcuts = self._action(lambda: small_dialogs.show_shortcuts(self), QKeySequence.StandardKey.HelpContents)
        self.act_rename = self._action(lambda: small_dialogs.rename_transcript(self), "Ctrl+Alt+R")

    def _make_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.imports = ImportProgress(self.ops, self)
        self.progress, self.cancel_button = self.imports.progress, self.imports.cancel_button

    def _connect(self) -> None:
        self.ops.changed.connect(self.refresh)
        self.ops.failed.connect(self.show_error)
        self.ops.library_opened.connect(self._library_opened)
        self.watcher.failed.connect(lambda message: self.statusBar().showMessage(message, 5000))
        self.library_panel.transcript_selected.connect(self.open_transcript)
        self.clean.ready.connect(lambda: self.statusBar().showMessage(self.tr("Segmenter ready"), 3000))
        self.search_panel.segment_requested.connect(self.show_search_hit)
        self.ops.transcripts_imported.connect(self._imported)

    # texts (again on every language change)
    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        retranslate_menus(self)
        self.listening.retranslate()
        self.comparing.retranslate()
        self.options.retranslate()
        self.reviewing.retranslate()
        self.quality.retranslate()
        self.imports.retranslate()
        self.library_panel.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_counts()

    def _title(self) -> str:
        if self.transcript_title:
            return f"{self.transcript_title} — transcript-reader"
        return "transcript-reader"

    # the library and its transcripts
    def open_library(self, db: str, import_seeds: bool = False) -> None:
        self.library_actions.open_library(db, import_seeds)

    @property
    def library_db(self) -> str:
        return self.library_actions.library_db

    def _library_opened(self, _location: str) -> None:
        self._set_transcript(None)
        self.labelling.library_opened()
        self.model.set_rows(None, [])

    def _set_transcript(self, transcript_id: int | None) -> None:
        self.transcript_id = transcript_id
        self.find_replace.transcript_id = self.editing.transcript_id = transcript_id
        self.listening.transcript_opened(transcript_id)
        self.quality.set_transcript(transcript_id)
        if self.rules_dialog is not None:
            self.rules_dialog.set_transcript(transcript_id)
        self.reviewing.transcript_opened(transcript_id)
        self.comparing.transcript_opened(transcript_id)

    def refresh(self, changes: OpChanges) -> None:
        """Reload what `changes` names, and no more."""
        if changes.library or changes.structure or changes.segments:
            reads.load_transcripts(self.ops, self._transcripts_loaded)  # counts of segments and corrections
        if changes.rules:
            rules.load_text_rules(self.ops, self.transcript_id, self._text_rules_loaded)
        self.find_replace.refresh()
        self.reviewing.refresh(changes)
        tid = self.transcript_id
        if tid is None:
            return
        if changes.labels or changes.library or changes.structure:
            self.labelling.load()
        touched = not changes.transcripts or tid in changes.transcripts
        # A filtered view drops the rows a change took its label from.
        filtered = (self.labelling.filter != (None, None) and (changes.labels or changes.segments)) or (
            self.reviewing.unreviewed_only and bool(changes.segments)
        )
        if touched and (changes.structure or filtered):
            self._load_transcript(tid, self.view.visible_rows().start, keep_same_rows=changes.remote)
        elif changes.segments:
            reads.load_rows(self.ops, changes.segments, self.model.update_rows)

    def _imported(self, ids: list[int]) -> None:
        self._open_when_listed = ids[0]  # a new import is selected and opened once the list shows it

    def _transcripts_loaded(self, infos: list[TranscriptSummary]) -> None:
        self.library_panel.set_transcripts(infos, self.transcript_id)
        wanted, self._open_when_listed = self._open_when_listed, None
        if wanted is not None and any(info.id == wanted for info in infos):
            self.library_panel.select(wanted)
        if self.transcript_id is None:
            # Back where the person left this library, unless that transcript is gone.
            last = self.settings.last_transcript(self.library_db)
            wanted = last if any(info.id == last for info in infos) else self.library_panel.first_transcript()
            if wanted is not None:
                self.library_panel.select(wanted)
        self._infos = {info.id: info for info in infos}
        if self.transcript_id in self._infos:  # renamed, perhaps
            self.transcript_title = self._infos[self.transcript_id].title
            self.setWindowTitle(self._title())
        self._update_counts()

    def open_transcript(self, transcript_id: int) -> None:
        if transcript_id == self.transcript_id:
            return
        self._remember_place()
        self._set_transcript(transcript_id)
        self.settings.set_last_transcript(self.library_db, transcript_id)
        self.labelling.transcript_opened(transcript_id)
        # Same lane, in order: the rules are in place before the rows are cleaned.
        rules.load_text_rules(self.ops, transcript_id, self._text_rules_loaded)
        # Where this transcript was last read, else its top: never the previous one's scroll position.
        self._open_at = self.settings.last_read(self.library_db, transcript_id) or 0
        self._load_transcript(transcript_id, self._open_at)
        self.labelling.load()

    def _remember_place(self) -> None:
        if self.transcript_id is not None and self.model.transcript_id == self.transcript_id:
            self.settings.set_last_read(self.library_db, self.transcript_id, self.view.visible_rows().start)

    def _load_transcript(self, transcript_id: int, first_row: int, keep_same_rows: bool = False) -> None:
        """With `keep_same_rows`, a transcript still made of the same segments only refreshes their rows."""
        reads.load_transcript(
            self.ops, transcript_id, max(0, first_row - PAGE // 4), PAGE,
            lambda result: self._rows_loaded(result, keep_same_rows), *self.labelling.filter,
            unreviewed_only=self.reviewing.unreviewed_only,
        )

    def _reload_filtered(self) -> None:
        if self.transcript_id is not None:
            self._load_transcript(self.transcript_id, self.view.visible_rows().start)

    def _text_rules_loaded(self, result: tuple[int | None, list[Any]]) -> None:
        transcript_id, text_rules = result
        if transcript_id == self.transcript_id:
            self.clean.set_rules(text_rules)

    def _rows_loaded(self, result: Window, keep_same_rows: bool = False) -> None:
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
        if not same:
            at, self._open_at = min(self._open_at, max(0, len(ids) - 1)), 0
            self.view.scroll_to_top_row(at)
        if same:
            self.view.fit_visible_rows()
            self.view.verticalScrollBar().setValue(top)
            # The same segment stays current, else the same row; what was selected stays selected.
            row = self.model.row_of(current_id) if current_id is not None else None
            if row is None and current.isValid() and current.row() < len(ids):
                row = current.row()
            self.view.select_cells(selected, self.model.index(row, current.column()) if row is not None else QModelIndex())
        self.find_replace.rows_loaded()
        if self._pending_search is not None:
            self._apply_search_hit()
        self._update_counts()

    def _update_counts(self) -> None:
        info = None if self.transcript_id is None else self._infos.get(self.transcript_id)
        if info is None:
            self.counts_label.setText("")
            return
        if self.labelling.filter != (None, None) and self.model.transcript_id == self.transcript_id:
            text = self.tr("%1 of %2 segments shown").replace("%1", str(self.model.rowCount())).replace("%2", str(info.segments))
        else:
            text = self.tr("%1 segments, %2 corrected").replace("%1", str(info.segments)).replace("%2", str(info.corrected))
        self.counts_label.setText(text)

    def jump(self, kind: LabelKind, backwards: bool) -> None:
        self.labelling.jump(kind, backwards, self.editing.current_text_row())

    def show_search_hit(self, transcript_id: int, segment_id: int, query: str) -> None:
        """A library search hit: open its transcript, show the segment, highlight the query in both columns."""
        self._pending_search = (transcript_id, segment_id, query)
        if transcript_id != self.transcript_id:
            self.library_panel.select(transcript_id)
        else:
            self._apply_search_hit()

    def _apply_search_hit(self) -> None:
        if self._pending_search is None:
            return
        transcript_id, segment_id, query = self._pending_search
        row = self.model.row_of(segment_id) if transcript_id == self.transcript_id else None
        if row is None or self.model.row_at(row) is None:
            return
        self._pending_search = None
        self.view.scroll_to_row(row)
        (segments, at), text_of = self.model.in_place(row), self.clean.text_of()
        edits.query_spans(self.ops, lambda: text_of(segments)[at], query, lambda found: self.model.set_hits({segment_id: found}))

    # dropping files
    def dragEnterEvent(self, event: QDragMoveEvent) -> None:  # a QDragEnterEvent is one
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # A recording dropped on an open transcript is attached to it, not imported.
            recordings = Listening.media_paths(paths) if self.transcript_id is not None else []
            if recordings:
                self.listening.attach_file(recordings[0])
            rest = [p for p in paths if p not in recordings]
            if rest:
                self.imports.import_paths(rest)

    # dialogs, made when asked for
    def show_export(self) -> None:
        small_dialogs.show_export(self)

    def show_speakers(self) -> None:
        if self.speaker_manager is None:
            self.speaker_manager = dialogs.SpeakerManager(self.ops, self)
        self.speaker_manager.show()
        self.speaker_manager.raise_()

    def show_overview(self) -> None:
        small_dialogs.show_overview(self)

    def show_rules(self) -> None:
        if self.rules_dialog is None:
            self.rules_dialog = dialogs.RulesDialog(self.ops, self.clean, self)
        self.rules_dialog.set_transcript(self.transcript_id)
        self.rules_dialog.show()
        self.rules_dialog.raise_()

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message.splitlines()[0], 8000)
        last = self._last_error_box
        if last is not None and last.isVisible() and last.text() == message:
            return  # the same failure again (every view reading a stopped server): one box is enough
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("transcript-reader"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and transcript text
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self._last_error_box = box

    def transcript_info(self, transcript_id: int) -> TranscriptSummary | None:
        return self._infos.get(transcript_id)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.imports.confirm_quit():
            event.ignore()
            return
        self._remember_place()
        self.watcher.stop()
        self.ops.close(backup=True)  # on the write lane: the window hides while it runs
        self.settings.set_window_state(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
