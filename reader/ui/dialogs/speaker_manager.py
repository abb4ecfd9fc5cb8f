"""The library's speakers with their colours: create, rename, recolour, merge, delete.

Every change is an undo step (reader.ui.operations.labels); the list reloads itself
from the library after each change notice, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.operations import OpChanges, Operations, labels
from reader.ui.operations.reads import Label

LabelRole = Qt.ItemDataRole.UserRole
SWATCH = 14


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class SpeakerManager(QDialog):
    kind = labels.LabelKind.SPEAKER

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Speakers"))
        self.labels: list[Label] = []

        self.list = QListWidget()
        self.list.setEditTriggers(QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._renamed_in_place)
        self.list.currentRowChanged.connect(self._update_buttons)

        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("New speaker's name"))
        self.new_name.returnPressed.connect(self._create_typed)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._create_typed)

        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.clicked.connect(lambda: self.list.editItem(self.list.currentItem()))
        self.color_button = QPushButton(self.tr("Colour…"))
        self.color_button.clicked.connect(self._choose_color)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Its segments become unlabelled"))
        self.delete_button.clicked.connect(lambda: self.delete(self.current()))
        self.merge_target = QComboBox()
        self.merge_button = QPushButton(self.tr("Merge into"))
        self.merge_button.setToolTip(self.tr("Its segments move to the chosen speaker, and it goes"))
        self.merge_button.clicked.connect(self._merge_chosen)

        adding = QHBoxLayout()
        adding.addWidget(self.new_name)
        adding.addWidget(self.add_button)
        actions = QHBoxLayout()
        for button in (self.rename_button, self.color_button, self.delete_button):
            actions.addWidget(button)
        merging = QHBoxLayout()
        merging.addWidget(self.merge_button)
        merging.addWidget(self.merge_target, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Double-click a name to rename it.")))
        layout.addWidget(self.list)
        layout.addLayout(adding)
        layout.addLayout(actions)
        layout.addLayout(merging)
        layout.addWidget(buttons)

        # A bound method, not a lambda: Qt drops the connection when the dialog is destroyed.
        ops.changed.connect(self._on_changed)
        self.reload()

    # showing
    def reload(self) -> None:
        labels.load_labels(self.ops, self.kind, self.set_labels)

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.labels or changes.library:
            self.reload()

    def set_labels(self, labels: list[Label]) -> None:
        current = self.current()
        self.labels = list(labels)
        self.list.blockSignals(True)
        self.list.clear()
        for label in self.labels:
            item = QListWidgetItem(swatch(label.color), label.name)
            item.setData(LabelRole, label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
            if current is not None and label.id == current.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_buttons()

    def current(self) -> Label | None:
        item = self.list.currentItem()
        return None if item is None else item.data(LabelRole)

    def select(self, label_id: int) -> None:
        for row, label in enumerate(self.labels):
            if label.id == label_id:
                self.list.setCurrentRow(row)

    def _update_buttons(self) -> None:
        current = self.current()
        for button in (self.rename_button, self.color_button, self.delete_button):
            button.setEnabled(current is not None)
        self.merge_target.clear()
        for label in self.labels:
            if current is not None and label.id != current.id:
                self.merge_target.addItem(swatch(label.color), label.name, label.id)
        self.merge_button.setEnabled(self.merge_target.count() > 0)

    # changing
    def create(self, name: str) -> None:  # type: ignore[override]  # hides QWidget.create (native window), which nothing here calls
        if name.strip():
            labels.create_label(self.ops, self.kind, name)

    def rename(self, label: Label, name: str) -> None:
        if name.strip() and name != label.name:
            labels.rename_label(self.ops, self.kind, label.id, name=name)

    def recolor(self, label: Label, color: str) -> None:
        if color.lower() != label.color.lower():
            labels.rename_label(self.ops, self.kind, label.id, color=color)

    def merge(self, source: Label, target_id: int) -> None:
        labels.merge_labels(self.ops, self.kind, source.id, target_id)

    def delete(self, label: Label | None) -> None:
        if label is not None:
            labels.delete_label(self.ops, self.kind, label.id)

    def _create_typed(self) -> None:
        self.create(self.new_name.text())
        self.new_name.clear()

    def _renamed_in_place(self, item: QListWidgetItem) -> None:
        label = item.data(LabelRole)
        if label is not None:
            self.rename(label, item.text())

    def _choose_color(self) -> None:
        label = self.current()
        if label is None:
            return
        color = QColorDialog.getColor(QColor(label.color), self, self.tr("Colour of %1").replace("%1", label.name))
        if color.isValid():
            self.recolor(label, color.name())

    def _merge_chosen(self) -> None:
        label = self.current()
        if label is not None and self.merge_target.currentData() is not None:
            self.merge(label, self.merge_target.currentData())
