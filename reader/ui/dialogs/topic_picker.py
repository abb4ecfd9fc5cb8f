"""A quick topic picker: type with completion, or take a suggested keyword with one key.

Enter applies the typed topic (a new name makes a new topic). With nothing
typed, Enter takes the highlighted suggestion (Up/Down move it), and Alt+1..9
take suggestion 1..9 at once: Alt chords are never text, so an input method
composing Chinese keeps every key it needs.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from reader.ui.operations import Operations, labels

SHORTCUT_KEYS = {Qt.Key.Key_1 + n: n for n in range(9)}


class TopicPicker(QWidget):
    chosen = Signal(str)  # a topic name, old or new

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Topic: type, or Enter for the highlighted suggestion"))
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # Not QLineEdit.setCompleter: that writes the chosen completion back into the
        # line edit after the choice, when the picker has already cleared it for the next topic.
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._accept)
        self.edit.textEdited.connect(self._complete)
        self.edit.returnPressed.connect(self._accept_typed)
        self.edit.installEventFilter(self)

        self.suggestions = QListWidget()
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions.itemActivated.connect(lambda item: self._accept(item.data(Qt.ItemDataRole.UserRole)))
        self.hint = QLabel(self.tr("Suggested (Alt+1…9):"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.suggestions)
        # Wide enough for the whole placeholder: it is the only instruction the picker shows.
        metrics = self.edit.fontMetrics()
        margins = self.edit.textMargins()
        self.edit.setMinimumWidth(
            metrics.horizontalAdvance(self.edit.placeholderText()) + margins.left() + margins.right() + 4 * metrics.averageCharWidth()
        )
        self.set_suggestions([])

    def set_topics(self, names: Iterable[str]) -> None:
        """The library's topic names, for completion."""
        self.names.setStringList(sorted(names))

    def set_suggestions(self, words: Iterable[str]) -> None:
        self.suggestions.clear()
        for number, word in enumerate(words, start=1):
            # Plain text: a keyword comes from the transcript.
            shown = f"{number}  {word}" if number <= len(SHORTCUT_KEYS) else word
            self.suggestions.addItem(shown)
            self.suggestions.item(self.suggestions.count() - 1).setData(Qt.ItemDataRole.UserRole, word)
        if self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        has_any = self.suggestions.count() > 0
        self.hint.setVisible(has_any)
        self.suggestions.setVisible(has_any)
        if has_any:
            # Every suggestion a shortcut reaches shows without scrolling.
            rows = min(self.suggestions.count(), len(SHORTCUT_KEYS))
            frame = 2 * self.suggestions.frameWidth()
            self.suggestions.setMinimumHeight(rows * self.suggestions.sizeHintForRow(0) + frame)
            window = self.window()
            if window is not self and window.isVisible():
                window.adjustSize()

    def suggested(self) -> list[str]:
        return [self.suggestions.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.suggestions.count())]

    def take_suggestion(self, index: int) -> bool:
        if not 0 <= index < self.suggestions.count():
            return False
        self._accept(self.suggestions.item(index).data(Qt.ItemDataRole.UserRole))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        if modifiers == Qt.KeyboardModifier.AltModifier and key in SHORTCUT_KEYS:
            return self.take_suggestion(SHORTCUT_KEYS[key])
        popup_open = self._popup_open()
        if not self.edit.text() and not popup_open and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.suggestions.count():
            step = 1 if key == Qt.Key.Key_Down else -1
            self.suggestions.setCurrentRow(max(0, min(self.suggestions.count() - 1, self.suggestions.currentRow() + step)))
            return True
        return False

    def _accept_typed(self) -> None:
        if self._popup_open():
            return  # the completer's own activation follows
        text = self.edit.text()
        if text.strip():
            self._accept(text)
        elif self.suggestions.currentRow() >= 0:
            self.take_suggestion(self.suggestions.currentRow())

    def _complete(self, text: str) -> None:
        self.completer.setCompletionPrefix(text.strip())
        if text.strip() and self.completer.completionCount():
            self.completer.complete()
        elif (popup := self.completer.popup()) is not None:
            popup.hide()

    def _popup_open(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    def _accept(self, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            return
        for row in range(self.suggestions.count()):
            if self.suggestions.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.set_suggestions([w for w in self.suggested() if w != name])
                break
        # Cleared after the completer has written its choice into the line edit.
        self.edit.clear()
        self.chosen.emit(name)


def load_topics(ops: Operations, picker: TopicPicker) -> None:
    """Fill the completion with the library's topic names, read off the GUI thread."""
    labels.load_names(ops, labels.LabelKind.TOPIC, picker.set_topics)


def load_suggestions(
    ops: Operations, picker: TopicPicker, transcript_id: int | None = None, segment_ids: Iterable[int] | None = None
) -> None:
    """Suggested topics for a selection, then for its whole transcript when both are given."""
    labels.suggest(ops, transcript_id, segment_ids, len(SHORTCUT_KEYS), picker.set_suggestions)
