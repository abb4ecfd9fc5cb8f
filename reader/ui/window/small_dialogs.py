"""Dialogs the window opens and forgets (export, overview, keyboard shortcuts, about, rename),
kept out of main_window.py, which only lays out and wires.

Their strings stay in the MainWindow translation context, where they always were; each is a
literal QCoreApplication.translate call, the form pyside6-lupdate finds (it missed a wrapper).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from reader import __version__
from reader.ui import dialogs
from reader.ui.operations import review

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def show_shortcuts(window: MainWindow) -> None:
    dialog = dialogs.ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.shortcuts_dialog = dialog


def show_about(window: MainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "About transcript-reader"), "", parent=window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = QCoreApplication.translate(
        "MainWindow", "transcript-reader %1\nRead, clean and correct Chinese speech-recognition transcripts."
    )
    box.setText(text.replace("%1", __version__))
    box.show()


def rename_transcript(window: MainWindow) -> None:
    info = None if window.transcript_id is None else window.transcript_info(window.transcript_id)
    if info is None:
        window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Open a transcript first"), 4000)
        return
    dialog = QInputDialog(window)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Rename Transcript"))
    dialog.setLabelText(QCoreApplication.translate("MainWindow", "Title:"))
    dialog.setTextValue(info.title)
    # QInputDialog sizes its line for a short answer: a 90-character title would show only its end.
    line = dialog.findChild(QLineEdit)
    if line is not None:
        wanted = line.fontMetrics().horizontalAdvance(info.title) + 4 * line.fontMetrics().averageCharWidth()
        line.setMinimumWidth(min(wanted, int(window.width() * 0.8)))

    def chosen(title: str) -> None:
        if title.strip() and title.strip() != info.title:
            review.rename(window.ops, info.id, title)

    dialog.textValueSelected.connect(chosen)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.rename_dialog = dialog


def show_export(window: MainWindow) -> None:
    dialog = dialogs.ExportDialog(window.ops, window.transcript_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.export_dialog = dialog


def show_overview(window: MainWindow) -> None:
    if window.transcript_id is None:
        window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Open a transcript first"), 4000)
        return
    dialog = dialogs.OverviewDialog(window.ops, window.transcript_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.overview_dialog = dialog
