"""Finding the errors in the open transcript: the Suggestions and Quality Check docks, correction
memory's bar above the table, and Tools › Glossary…; the open transcript's glossary terms go to
the CleanService (whole words of its segmenter), as its rules do.

Suggestions and findings are read on the "clean" lane, only while their dock is shown (a
hidden dock is marked stale and reads when it opens); a change that may move them (a
correction, a rule, a glossary term, an ignored suggestion) reads them again. Spans are marked
in the table as find marks them, in the text the table shows (`locate`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from reader.ui import dialogs
from reader.ui.cleaning import CleanService
from reader.ui.operations import OpChanges, Operations, glossary, quality
from reader.ui.panels.quality_panel import QualityPanel
from reader.ui.panels.suggestions_panel import SuggestionsPanel
from reader.ui.table.segment_model import CLEAN, SegmentTableModel, StateRole
from reader.ui.table.segment_view import SegmentView
from reader.ui.window.docks import add_dock
from reader.ui.window.rule_offer_bar import Offer, RuleOfferBar

if TYPE_CHECKING:
    from reader.ui.dialogs.glossary_dialog import GlossaryDialog
    from reader.ui.operations.quality import Finding, SegmentSuggestion, Span


def locate(text: str, found: str, near: int) -> int | None:
    """Where `found` starts in `text`, the occurrence nearest `near`; None if it is not there."""
    starts = []
    at = text.find(found)
    while at >= 0 and found:
        starts.append(at)
        at = text.find(found, at + 1)
    return min(starts, key=lambda start: abs(start - near)) if starts else None


class QualityDocks(QObject):
    """The window tells it the open transcript (`set_transcript`)."""

    def __init__(
        self,
        ops: Operations,
        clean: CleanService,
        window: QMainWindow,
        model: SegmentTableModel,
        view: SegmentView,
        open_transcript: Callable[[int], None],
    ):
        super().__init__(window)
        self.ops, self.clean, self.window, self.model, self.view = ops, clean, window, model, view
        self._open_transcript = open_transcript
        self.transcript_id: int | None = None
        self.glossary_dialog: GlossaryDialog | None = None
        # A read overtaken by a newer one (or by another transcript) is dropped.
        self._generation = {"suggestions": 0, "findings": 0}
        self._stale = {"suggestions": True, "findings": True}

        self.suggestions = SuggestionsPanel(window)
        self.suggestions_dock = self._dock(self.suggestions, "suggestionsDock", "Ctrl+Shift+G")
        self.findings = QualityPanel(window)
        self.findings_dock = self._dock(self.findings, "qualityDock", "Ctrl+Shift+Q")
        self.offer_bar = RuleOfferBar(window)
        self.offer_bar.focus_after = view
        self.act_glossary = QAction(window)
        self.act_glossary.triggered.connect(self.show_glossary)

        self.suggestions.activated.connect(self.show_suggestion)
        self.suggestions.accept_requested.connect(self.accept)
        self.suggestions.accept_all_requested.connect(self.accept_all)
        self.suggestions.ignore_requested.connect(self.ignore)
        self.findings.activated.connect(self.show_finding)
        self.findings.open_requested.connect(open_transcript)
        self.offer_bar.chosen.connect(self.make_rule)
        model.correction_requested.connect(self._correction_saved)
        ops.changed.connect(self.refresh)
        self.retranslate()

    def _dock(self, panel: QWidget, name: str, shortcut: str) -> QDockWidget:
        dock = add_dock(self.window, name, panel)
        dock.toggleViewAction().setShortcut(QKeySequence(shortcut))
        dock.visibilityChanged.connect(self._dock_shown)
        return dock

    def _dock_shown(self, shown: bool) -> None:
        if shown:
            self._load_if_stale()

    def retranslate(self) -> None:
        self.suggestions_dock.setWindowTitle(self.tr("Suggestions"))
        self.suggestions_dock.toggleViewAction().setText(self.tr("S&uggestions"))
        self.findings_dock.setWindowTitle(self.tr("Quality Check"))
        self.findings_dock.toggleViewAction().setText(self.tr("&Quality Check"))
        self.act_glossary.setText(self.tr("&Glossary…"))
        self.offer_bar.retranslate()

    def _status(self, text: str, timeout: int = 6000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    # the open transcript
    def set_transcript(self, transcript_id: int | None) -> None:
        if transcript_id == self.transcript_id:
            return
        self.transcript_id = transcript_id
        self.offer_bar.clear()
        self.suggestions.set_suggestions([])
        self.findings.set_findings([])
        if self.glossary_dialog is not None:
            self.glossary_dialog.set_transcript(transcript_id)
        self._stale = {"suggestions": True, "findings": True}
        if transcript_id is not None:
            # Before the rows are read (same lane, in order): they are cleaned with the terms as words.
            glossary.load_words(self.ops, transcript_id, self._glossary_loaded)
        self._load_if_stale()

    def _glossary_loaded(self, result: tuple[int | None, tuple[str, ...]]) -> None:
        if result[0] == self.transcript_id:
            self.clean.set_glossary(result[1])

    def refresh(self, changes: OpChanges) -> None:
        """Suggestions and findings move with the text, the rules and the glossary; labels do not touch them."""
        tid = self.transcript_id
        if tid is None:
            return
        concerns = not changes.transcripts or tid in changes.transcripts
        if changes.glossary and concerns:
            glossary.load_words(self.ops, tid, self._glossary_loaded)
        text_or_terms = changes.segments or changes.structure or changes.rules or changes.glossary or changes.library
        ignored = changes.transcripts and not (text_or_terms or changes.labels)  # an ignored suggestion, or its undo
        if concerns and (text_or_terms or ignored):
            self._stale = {"suggestions": True, "findings": True}
            self._load_if_stale()

    def _load_if_stale(self) -> None:
        tid = self.transcript_id
        if tid is None:
            return
        if self._stale["suggestions"] and self.suggestions_dock.isVisible():
            self._stale["suggestions"] = False
            generation = self._next("suggestions")
            self.suggestions.set_status(lambda: self.tr("Looking for suggestions…"))
            quality.load_suggestions(self.ops, tid, lambda found: self._suggestions_loaded(tid, generation, found))
        if self._stale["findings"] and self.findings_dock.isVisible():
            self._stale["findings"] = False
            generation = self._next("findings")
            self.findings.set_status(lambda: self.tr("Checking…"))
            quality.load_findings(self.ops, tid, lambda found: self._findings_loaded(tid, generation, found))

    def _next(self, what: str) -> int:
        self._generation[what] += 1
        return self._generation[what]

    def _suggestions_loaded(self, tid: int, generation: int, found: list[SegmentSuggestion]) -> None:
        if tid != self.transcript_id or generation != self._generation["suggestions"]:
            return
        self.suggestions.set_suggestions(found)

        def status() -> str:
            if found:
                return self.tr("%n suggestion(s)", "", len(found))
            return self.tr("Nothing to suggest. Suggestions come from the glossary (Tools › Glossary…): "
                           "words that sound like a term but are written otherwise, and its known misspellings.")

        self.suggestions.set_status(status)

    def _findings_loaded(self, tid: int, generation: int, found: list[Finding]) -> None:
        if tid != self.transcript_id or generation != self._generation["findings"]:
            return
        self.findings.set_findings(found)

        def status() -> str:
            if found:
                return self.tr("%n finding(s)", "", len(found))
            return self.tr("Nothing found: the transcript looks clean.")

        self.findings.set_status(status)

    # going to a row
    def _go_to(self, segment_id: int, position: int) -> int | None:
        row = self.model.row_of(segment_id)
        if row is None:
            self._status(self.tr("Segment %1 is not shown (a speaker or topic filter is on)").replace("%1", str(position)))
            return None
        self.view.scroll_to_row(row)
        return row

    def _shown_span(self, row: int, s: SegmentSuggestion) -> tuple[str, int] | None:
        """(the text the table shows for the row, where the span starts in it), once the row is in and cleaned."""
        index = self.model.index(row, CLEAN)
        if self.model.row_at(row) is None or index.data(StateRole) == "pending":
            return None
        text = index.data()
        start = locate(text, s.found, s.start)
        return None if start is None else (text, start)

    def show_suggestion(self, s: SegmentSuggestion) -> None:
        row = self._go_to(s.segment_id, s.position)
        if row is None:
            return
        shown = self._shown_span(row, s)
        start = shown[1] if shown is not None else s.start  # the row is on its way: the scan's offsets
        span = (start, start + len(s.found))
        self.model.set_hits({s.segment_id: [span]}, (s.segment_id, *span))

    def show_finding(self, f: Finding) -> None:
        if f.segment_id is not None and f.position is not None:
            self._go_to(f.segment_id, f.position)

    # the person's choices
    def accept(self, s: SegmentSuggestion) -> None:
        row = self._go_to(s.segment_id, s.position)
        if row is None or self.transcript_id is None:
            return
        shown = self._shown_span(row, s)
        r = self.model.row_at(row)
        if shown is None or r is None:
            self._status(self.tr("Segment %1 reads otherwise now: look again").replace("%1", str(s.position)))
            self._stale["suggestions"] = True
            self._load_if_stale()
            return
        text, start = shown
        self.model.set_hits({})
        self.suggestions.drop(s)
        quality.accept(self.ops, self.transcript_id, s, text, start, r.correction, self.model.automatic_text(row), r.version)

    def accept_all(self, s: SegmentSuggestion) -> None:
        if self.transcript_id is None:
            return
        found, suggestion = s.found, s.suggestion

        def done(changed: int) -> None:
            self._status(
                self.tr("Rule added for this transcript: %1 → %2, %n segment(s) changed", "", changed)
                .replace("%1", found).replace("%2", suggestion)
            )

        self.model.set_hits({})
        quality.accept_all(self.ops, self.transcript_id, found, suggestion, done)

    def ignore(self, s: SegmentSuggestion) -> None:
        if self.transcript_id is None:
            return
        self.suggestions.drop(s)
        self.model.set_hits({})
        quality.ignore(self.ops, self.transcript_id, s)

    # correction memory
    def _correction_saved(self, segment_id: int, old: str | None, new: str, automatic: str | None, _based_on: int | None) -> None:
        tid = self.transcript_id
        before = old if old is not None else automatic
        if tid is None or before is None or not new.strip() or before == new:
            return

        def offered(offers: list[Offer]) -> None:
            if tid == self.transcript_id:
                self.offer_bar.set_offers(offers)

        quality.rule_offers(self.ops, tid, segment_id, before, new, offered)

    def make_rule(self, span: Span, changed: int, everywhere: bool) -> None:
        if not everywhere and self.transcript_id is None:
            return
        quality.make_rule(self.ops, span, None if everywhere else self.transcript_id)
        if everywhere:
            text = self.tr("Rule added for every transcript: %1 → %2, %n segment(s) changed", "", changed)
        else:
            text = self.tr("Rule added for this transcript: %1 → %2, %n segment(s) changed", "", changed)
        self._status(text.replace("%1", span.before).replace("%2", span.after))

    # the glossary
    def show_glossary(self) -> None:
        if self.glossary_dialog is None:
            self.glossary_dialog = dialogs.GlossaryDialog(self.ops, self.window)
        self.glossary_dialog.set_transcript(self.transcript_id)
        self.glossary_dialog.show()
        self.glossary_dialog.raise_()
