"""The Quality Check panel: the open transcript's findings (`qa`), each a click away from its row.

A finding about the transcript as a whole (it looks like another transcript of the
library) has no row: it offers to open the other transcript instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import Retranslating
from reader.ui.operations import quality

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


def detail_wordings() -> dict[str, str]:
    """Each form of a finding's detail (`quality.detail_forms()`) in the UI's language, %1… its values."""
    return {
        "repeats": QCoreApplication.translate("QualityPanel", "repeats the segment before"),
        "repeats_run": QCoreApplication.translate("QualityPanel", "repeats the segment before (%1 segments in a row, to %2)"),
        "clause": QCoreApplication.translate("QualityPanel", "%1 ×%2"),
        "long": QCoreApplication.translate("QualityPanel", "%1 characters (more than %2)"),
        "brackets": QCoreApplication.translate("QualityPanel", "unbalanced %1"),
        "numbers": QCoreApplication.translate(
            "QualityPanel", "numbers in Chinese numerals (%1, %2×) and in digits (%3, %4×)"
        ),
        "spelling": QCoreApplication.translate("QualityPanel", "%1 also written %2 (%3×)"),
        "duplicate": QCoreApplication.translate("QualityPanel", "looks like transcript %1 (%2): %3 of the wording shared"),
        "suggestion": QCoreApplication.translate("QualityPanel", "%1 → %2: %3"),
    }


def detail_text(finding: Finding) -> str:
    """A finding's detail in the UI's language (the core's English for a form the panel does not know)."""
    template = detail_wordings().get(finding.form)
    return finding.detail if template is None else quality.finding_detail(finding, template)


class QualityPanel(Retranslating, QWidget):
    activated = Signal(object)  # Finding with a segment: show its row
    open_requested = Signal(int)  # the transcript a duplicate finding names

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(3)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(POS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.open_button = QPushButton(self)
        self.open_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self.tree.itemClicked.connect(lambda item, _column: self._activate(item))
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self._open_other())
        self.tree.currentItemChanged.connect(lambda current, _previous: self._current_changed(current))
        self.open_button.clicked.connect(self._open_other)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("#"), self.tr("Kind"), self.tr("Detail")])
        self.open_button.setText(self.tr("&Open the Other Transcript"))
        self.open_button.setToolTip(self.tr("Open the transcript this one looks like"))
        self.set_findings(self._findings)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_findings(self, findings: list[Finding]) -> None:
        current = self.tree.currentIndex().row()
        self._findings = findings
        self.tree.clear()
        items = []
        for f in findings:
            item = QTreeWidgetItem(["" if f.position is None else str(f.position), kind_name(f.kind), detail_text(f)])
            item.setData(POS, FindingRole, f)
            item.setTextAlignment(POS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            items.append(item)
        self.tree.addTopLevelItems(items)
        if 0 <= current < len(items):
            self.tree.setCurrentItem(items[current])
        self._current_changed(self.tree.currentItem())

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def select(self, row: int) -> None:
        """Make row `row` current, as a click would."""
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)
            self._activate(item)

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
