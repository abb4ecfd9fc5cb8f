"""The Suggestions panel: what the glossary finds in the open transcript (POS, FOUND → SUGGESTION, context).

A view with signals: a click (or moving to a row with the keys) asks for the
segment to be shown with the span marked; Accept, Accept All and Ignore ask for
those steps. Reloading keeps the row the person was on and never jumps the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QAbstractItemView, QTreeWidgetItem, QWidget

from reader.ui.panels.list_panel import ListPanel

if TYPE_CHECKING:
    from reader.ui.operations.quality import SegmentSuggestion

SuggestionRole = Qt.ItemDataRole.UserRole + 1
POS, FOUND, SUGGESTION, CONTEXT = range(4)


def _key(s: SegmentSuggestion) -> tuple[int, str, str, int]:
    return (s.segment_id, s.found, s.suggestion, s.start)


class SuggestionsPanel(ListPanel):
    activated = Signal(object)  # SegmentSuggestion: show its segment, the span marked
    accept_requested = Signal(object)  # SegmentSuggestion
    accept_all_requested = Signal(object)  # SegmentSuggestion: every one with its FOUND → SUGGESTION
    ignore_requested = Signal(object)  # SegmentSuggestion

    def __init__(self, parent: QWidget | None = None):
        super().__init__(4, 3, parent)
        self._restoring = False
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accept_button, self.accept_all_button, self.ignore_button = self.buttons

        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self._request(self.accept_requested))
        self.accept_button.clicked.connect(lambda: self._request(self.accept_requested))
        self.accept_all_button.clicked.connect(lambda: self._request(self.accept_all_requested))
        self.ignore_button.clicked.connect(lambda: self._request(self.ignore_requested))
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("#"), self.tr("Found"), self.tr("Suggestion"), self.tr("Context")])
        self.accept_button.setText(self.tr("&Accept"))
        self.accept_button.setToolTip(self.tr("Correct this segment (one undo step)"))
        self.accept_all_button.setText(self.tr("Accept A&ll"))
        self.accept_all_button.setToolTip(self.tr("Make a rule of this transcript that replaces every such spelling"))
        self.ignore_button.setText(self.tr("&Ignore"))
        self.ignore_button.setToolTip(self.tr("Do not suggest this here again"))
        super().retranslate()

    # filling

    def set_suggestions(self, found: list[SegmentSuggestion]) -> None:
        """Show `found`; the row the person was on stays current (or the one after it, once it is gone)."""
        current, item = self.current(), self.tree.currentItem()
        at = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        self._restoring = True
        try:
            self.tree.clear()
            items = []
            for s in found:
                item = QTreeWidgetItem([str(s.position), s.found, s.suggestion, s.context])
                item.setData(POS, SuggestionRole, s)
                item.setTextAlignment(POS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                items.append(item)
            self.tree.addTopLevelItems(items)
            if current is not None and items:
                keys = [_key(s) for s in found]
                row = keys.index(_key(current)) if _key(current) in keys else min(at, len(items) - 1)
                self.tree.setCurrentItem(items[row])
        finally:
            self._restoring = False
        self._update_buttons()

    def suggestions(self) -> list[SegmentSuggestion]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.data(POS, SuggestionRole) for item in items if item is not None]

    def current(self) -> SegmentSuggestion | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(POS, SuggestionRole)

    def drop(self, found: SegmentSuggestion) -> None:
        """Take one suggestion off the list at once (ignored, accepted), before the reload confirms it."""
        keys = [_key(s) for s in self.suggestions()]
        if _key(found) in keys:
            self._restoring = True
            try:
                self.tree.takeTopLevelItem(keys.index(_key(found)))
            finally:
                self._restoring = False
        self._update_buttons()

    # the person's choices
    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._update_buttons()
        if current is not None and not self._restoring and self.tree.hasFocus():
            self._activate(current)  # moving with the keys shows each one in turn

    def _activate(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.activated.emit(item.data(POS, SuggestionRole))

    def _request(self, signal: SignalInstance) -> None:
        found = self.current()
        if found is not None:
            signal.emit(found)

    def _update_buttons(self) -> None:
        has = self.tree.currentItem() is not None
        for button in self.buttons:
            button.setEnabled(has)
