"""Dialogs the window opens and forgets (export, overview, keyboard shortcuts, about, rename),
kept out of main_window.py, which only lays out and wires.

Their strings stay in the MainWindow translation context, where they always were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reader import __version__
from reader.ui import dialogs
from reader.ui.operations import review

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def show_shortcuts(window: MainWindow) -> None:
    dialog = dialogs.ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.shortcuts_dialog = dialog


def show_about(window: MainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, _tr("About transcript-reader"), "", parent=window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_tr("transcript-reader %1\nRead, clean and correct Chinese speech-recognition transcripts.").replace("%1", __version__))
    box.show()


def rename_transcript(window: MainWindow) -> None:
    info = None if window.transcript_id is None else window.transcript_info(window.transcript_id)
    if info is None:
        window.statusBar().showMessage(_tr("Open a transcript first"), 4000)
        return
    title, ok = QInputDialog.getText(window, _tr("Rename Transcript"), _tr("Title:"), text=info.title)
    if ok and title.strip() and title.strip() != info.title:
        review.rename(window.ops, info.id, title)


def show_export(window: MainWindow) -> None:
    dialog = dialogs.ExportDialog(window.ops, window.transcript_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.export_dialog = dialog


def show_overview(window: MainWindow) -> None:
    if window.transcript_id is None:
        window.statusBar().showMessage(_tr("Open a transcript first"), 4000)
        return
    dialog = dialogs.OverviewDialog(window.ops, window.transcript_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.overview_dialog = dialog
