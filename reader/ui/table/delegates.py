"""Painting and editing segment cells.

Transcript text is laid out with QTextLayout as plain text, so markup in a
transcript (`<img src=...>`, `<b>`, links) is drawn as the characters it is and
never interpreted or fetched. Marks from the model become format ranges: what
cleaning removed is faint and struck through in the raw column, what it
replaced is underlined in the cleaned column, find hits get a background. A row that only
repeats the row before shows a faint note in its cleaned cell, not text.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QInputMethodEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.kinds import SegmentKind
from reader.ui.table.segment_model import (
    CLEAN,
    POS,
    SPEAKER,
    TOPICS,
    EditedText,
    KindRole,
    LabelsRole,
    MarksRole,
    NotesRole,
    RepeatRole,
    StateRole,
    VersionRole,
)

# What Qt hands a delegate's overrides.
Index = QModelIndex | QPersistentModelIndex

PADDING = 4
CORRECTED_BAR = 3
CHIP_GAP = 4
LAYOUTS_KEPT = 512  # laid-out cells remembered: the rows on a few screens, both text columns


# Built once, not per mark per paint: (light palette, dark palette).
_COLOURS = {
    "removed": (QColor("#a0a0a0"), QColor("#8a8a8a")),
    "changed": (QColor("#c05a00"), QColor("#e8a13a")),
    "hit": (QColor("#fff3a0"), QColor("#6b5d00")),
    "current": (QColor("#ffc44d"), QColor("#b36b00")),
    "corrected": (QColor("#3fa34d"), QColor("#3fa34d")),
}


def _colour(name: str, palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return _COLOURS[name][dark]


def _formats(marks: list[tuple[int, int, str]], palette: QPalette) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, end, what in marks:
        if end <= start:
            continue
        fmt = QTextCharFormat()
        if what == "removed":
            fmt.setForeground(_colour("removed", palette))
            fmt.setFontStrikeOut(True)
        elif what == "changed":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(_colour("changed", palette))
            fmt.setForeground(_colour("changed", palette))
        else:  # a find hit
            fmt.setBackground(_colour(what, palette))
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, end - start, fmt
        ranges.append(r)
    return ranges


def layout_text(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    """Word-wrapped plain-text layout of `text` at `width`; returns it and its height."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    leading = QFontMetricsF(font).leading()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 10.0))
        height += leading
        line.setPosition(QPointF(0.0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class SegmentDelegate(QStyledItemDelegate):
    """Paints segment text as plain text with marks, speakers and topics as chips; edits the
    cleaned column in a CellEditor and the speaker column in a SpeakerEditor."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.speaker_names: list[str] = []  # offered by the speaker cell's editor
        self._layouts: dict[tuple[str, str, int], tuple[QTextLayout, float]] = {}

    def _layout(self, text: str, font: QFont, width: int) -> tuple[QTextLayout, float]:
        """`layout_text`, remembered (least recently used goes first).

        The view fits a row (several passes) and then paints it, and repaints it on
        every scroll and hover: the text is laid out once, not each time.
        """
        key = (text, font.key(), width)
        found = self._layouts.pop(key, None)
        if found is None:
            found = layout_text(text, font, width)
            if len(self._layouts) >= LAYOUTS_KEPT:
                del self._layouts[next(iter(self._layouts))]
        self._layouts[key] = found
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            # Background, selection and focus only; the text is ours to draw.
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        font = QFont(opt.font)
        state = index.data(StateRole) if index.column() == CLEAN else None
        if index.data(KindRole) == SegmentKind.IMAGE and index.column() != POS:
            font.setItalic(True)
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        elif state == "pending":
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        elif state == "corrected":
            painter.fillRect(
                opt.rect.x(), opt.rect.y(), CORRECTED_BAR, opt.rect.height(), _colour("corrected", palette)
            )
        if index.column() in (SPEAKER, TOPICS):
            self._paint_labels(painter, rect, font, index.data(LabelsRole) or [])
            painter.restore()
            return
        if index.column() == POS:
            painter.setFont(font)
            reviewed, comments = index.data(NotesRole) or (False, 0)
            # Markers on the left, the number on the right: a reviewed row and a row with open comments stand out.
            marker = ("✓" if reviewed else "") + ("•" if comments else "")
            if marker:
                painter.setPen(_colour("corrected", palette))
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, marker)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, shown)
            painter.restore()
            return
        repeat_of = index.data(RepeatRole) if index.column() == CLEAN else None
        if repeat_of is not None and not text:
            font.setItalic(True)
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
            text = self.tr("repeat of #%1").replace("%1", str(repeat_of))
        layout, _height = self._layout(text, font, rect.width())
        marks = index.data(MarksRole) or [] if repeat_of is None else []
        painter.setPen(colour)
        painter.setClipRect(opt.rect)
        layout.draw(painter, rect.topLeft(), _formats(marks, palette) if state != "pending" else [])
        painter.restore()

    @staticmethod
    def _paint_labels(painter: QPainter, rect: QRect, font: QFont, labels: list[tuple[str, str]]) -> None:
        """A speaker or topics as chips in their colours, as many as fit, names elided.

        Names are drawn with drawText on plain strings: never interpreted as markup.
        """
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(font)
        x, right = float(rect.left()), float(rect.right())
        for name, colour in labels:
            width = min(metrics.horizontalAdvance(name) + 2 * PADDING, right - x)
            if width < 2 * PADDING + metrics.horizontalAdvance("…"):
                break
            chip = QRectF(x, float(rect.top()), width, metrics.height())
            background = QColor(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(QColor("#000000") if background.lightness() > 140 else QColor("#ffffff"))
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - 2 * PADDING)
            painter.drawText(chip.adjusted(PADDING, 0, -PADDING, 0), Qt.AlignmentFlag.AlignVCenter, shown)
            x += width + CHIP_GAP

    def height_for(self, index: Index, font: QFont, width: int) -> int:
        if index.column() in (POS, SPEAKER, TOPICS):
            return int(QFontMetricsF(font).height()) + 2 * PADDING
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        _layout, height = self._layout(text, font, width - 2 * PADDING)
        return int(height + 0.999) + 2 * PADDING

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 300
        return QSize(width, self.height_for(index, option.font, width))

    # editing
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == SPEAKER:
            speaker = SpeakerEditor(self.speaker_names, parent)
            speaker.commit_requested.connect(lambda: self._commit_and_close(speaker))
            return speaker
        editor = CellEditor(parent)
        editor.setFont(option.font)
        editor.commit_requested.connect(lambda: self._commit_and_close(editor))
        editor.cancel_requested.connect(
            lambda: self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.RevertModelCache)
        )
        return editor

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, SpeakerEditor):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.name_edit.selectAll()
        elif isinstance(editor, CellEditor) and not editor.toPlainText():
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.based_on = index.data(VersionRole)
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, SpeakerEditor):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, CellEditor):
            model.setData(index, EditedText(editor.toPlainText(), editor.based_on), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        if isinstance(editor, SpeakerEditor):
            editor.setGeometry(rect.x(), rect.y(), max(rect.width(), editor.sizeHint().width()), editor.sizeHint().height())
            return
        # Grow downwards to fit the text, so nothing being edited is hidden.
        needed = self.height_for(index, option.font, rect.width()) + 2 * PADDING
        rect.setHeight(max(rect.height(), needed))
        editor.setGeometry(rect)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Enter, Tab and Escape are the editor's own business (see CellEditor).
        if isinstance(obj, CellEditor) and event.type() == QEvent.Type.KeyPress:
            return False
        # A speaker editor being destroyed after its commit loses the focus last, and arrives
        # here as a bare QWidget: that focus-out must not save it a second time.
        if event.type() == QEvent.Type.FocusOut and not isinstance(obj, (CellEditor, SpeakerEditor)):
            return False
        # Enter in a speaker cell is the editor's own business too: it knows about input methods.
        if (
            isinstance(obj, SpeakerEditor)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            return False
        return super().eventFilter(obj, event)


class _ClaimsKeysWhileComposing:
    """Mixed into an editor with `composing()`: no window shortcut may fire mid-composition."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.composing():  # type: ignore[attr-defined]
            # Claim every key: the input method owns them until the composition ends.
            event.accept()
            return True
        return super().event(event)  # type: ignore[misc]  # a mixin: the Qt widget after it in the MRO has it


class SpeakerEditor(_ClaimsKeysWhileComposing, QComboBox):
    """The speaker cell's editor: the library's speakers to pick from, or a new name to type.

    Completion matches anywhere in a name (typing 李 finds 李博士); an empty
    name leaves the segments unlabelled. Enter commits, except while an input
    method composes: then Enter and every shortcut belong to the input method.
    The combo box has the focus and hands keys and compositions to its line edit.
    """

    commit_requested = Signal()

    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.name_edit = _NameEdit(self)
        self.setLineEdit(self.name_edit)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(names)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._committed = False
        self.name_edit.returnPressed.connect(self._commit)

    def composing(self) -> bool:
        return self.name_edit.composing()

    def _commit(self) -> None:
        # The line edit and its completer can both report one Enter; the cell is saved once.
        if not self._committed:
            self._committed = True
            self.commit_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (popup is not None and popup.isVisible()):
            if not self.composing():
                self._commit()
            event.accept()
            return
        super().keyPressEvent(event)


class _TracksComposition:
    """Mixed into an editor: whether an input method is composing in it (pinyin typed, nothing chosen yet)."""

    _preedit = ""

    def composing(self) -> bool:
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)  # type: ignore[misc]  # a mixin: the Qt editor after it in the MRO has it


class _NameEdit(_TracksComposition, QLineEdit):
    """The speaker editor's line edit; it knows whether an input method is composing in it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.composing() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


class CellEditor(_ClaimsKeysWhileComposing, _TracksComposition, QPlainTextEdit):
    """Plain-text cell editor that never cuts an input-method composition short.

    While a composition is open (pinyin typed, not yet chosen) Enter belongs to
    the input method and no shortcut may fire; afterwards Enter commits,
    Shift+Enter is ignored (a segment is one paragraph) and Escape cancels.
    """

    commit_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The segment's version when the editor took its text (see segment_model.EditedText).
        self.based_on: int | None = None
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        is_enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if self.composing():
            # Input methods normally keep keys to themselves while composing; if
            # Enter gets through, it neither commits nor breaks the line.
            if is_enter:
                event.accept()
            else:
                super().keyPressEvent(event)
            return
        if is_enter:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                event.accept()
                return
            self.commit_requested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
