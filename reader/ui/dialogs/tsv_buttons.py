"""What the rules and glossary dialogs share: the Remove / Import / Export … Close row.

The dialogs keep their own words (button texts go through their own
tr(), so their translations keep their context); only the plumbing is here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton


@dataclass(frozen=True)
class TsvButtons:
    remove: QPushButton
    import_: QPushButton
    export: QPushButton
    close: QPushButton
    row: QHBoxLayout


def tsv_buttons(dialog: QDialog) -> TsvButtons:
    """Remove, Import, Export on the left, Close (which closes `dialog`) on the right; texts are the dialog's to set."""
    remove, import_, export, close = (QPushButton(dialog) for _ in range(4))
    row = QHBoxLayout()
    for button in (remove, import_, export):
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(close)
    close.clicked.connect(dialog.close)
    return TsvButtons(remove, import_, export, close, row)

