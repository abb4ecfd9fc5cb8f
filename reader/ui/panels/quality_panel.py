"""The Quality Check panel: the open transcript's findings (`qa`), each a click away from its row.

A finding about the transcript as a whole (it looks like another transcript of the
library) has no row: it offers to open the other transcript instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from reader.ui.messages import translated
from reader.ui.panels.list_panel import ListPanel

if TYPE_CHECKING:
    from reader.ui.operations.quality import Finding

FindingRole = Qt.ItemDataRole.UserRole + 1
POS, KIND, DETAIL = range(3)


def kind_name(kind: str) -> str:
    """A finding's kind as the panel names it (the CLI prints the kind's own word)."""
    names = {
        "loop": QCoreApplication.translate("QualityPanel", "loop"),
        "duplicate": QCoreApplication.translate("QualityPanel", "duplicate"),
        "spelling": QCoreApplication.translate("QualityPanel", "spelling"),
        "numbers": QCoreApplication.translate("QualityPanel", "numbers"),
        "long": QCoreApplication.translate("QualityPanel", "long segment"),
        "brackets": QCoreApplication.translate("QualityPanel", "brackets"),
        "suggestion": QCoreApplication.translate("QualityPanel", "suggestion"),
    }
    return names.get(kind, kind)


class QualityPanel(ListPanel):
    activated = Signal(object)  # Finding with a segment: show its row
    open_requested = Signal(int)  # the transcript a duplicate finding names

    def __init__(self, parent: QWidget | None = None):
        super().__init__(3, 1, parent)
        self._findings: list[Finding] = []
        self.tree.setWordWrap(True)
        self.open_button = self.buttons[0]
        self.open_button.setEnabled(False)

        self.tree.itemDoubleClicked.connect(lambda _item, _column: self._open_other())
        self.tree.currentItemChanged.connect(lambda current, _previous: self._current_changed(current))
        self.open_button.clicked.connect(self._open_other)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("#"), self.tr("Kind"), self.tr("Detail")])
        self.open_button.setText(self.tr("&Open the Other Transcript"))
        self.open_button.setToolTip(self.tr("Open the transcript this one looks like"))
        self.set_findings(self._findings)
        super().retranslate()

    def set_findings(self, findings: list[Finding]) -> None:
        current = self.tree.currentIndex().row()
        self._findings = findings
        self.tree.clear()
        items = []
        for f in findings:
            detail = f.detail if f.message is None else translated(f.message)
            item = QTreeWidgetItem(["" if f.position is None else str(f.position), kind_name(f.kind), detail])
            item.setData(POS, FindingRole, f)
            item.setTextAlignment(POS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            items.append(item)
        self.tree.addTopLevelItems(items)
        if 0 <= current < len(items):
            self.tree.setCurrentItem(items[current])
        self._current_changed(self.tree.currentItem())

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def _current(self) -> Finding | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(POS, FindingRole)

    def _current_changed(self, item: QTreeWidgetItem | None) -> None:
        f = None if item is None else item.data(POS, FindingRole)
        self.open_button.setEnabled(f is not None and f.other_transcript_id is not None)

    def _activate(self, item: QTreeWidgetItem | None) -> None:
        f = None if item is None else item.data(POS, FindingRole)
        if f is not None and f.segment_id is not None:
            self.activated.emit(f)

    def _open_other(self) -> None:
        f = self._current()
        if f is not None and f.other_transcript_id is not None:
            self.open_requested.emit(f.other_transcript_id)
