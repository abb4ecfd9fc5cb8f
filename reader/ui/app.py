"""Start the desktop app."""

from __future__ import annotations

import sys


def run_gui(db: str | None = None, files: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("transcript-reader")
    window = QMainWindow()
    window.setWindowTitle("transcript-reader")
    window.setCentralWidget(QLabel("transcript-reader"))
    window.resize(1200, 800)
    window.show()
    return app.exec()


def main() -> int:
    return run_gui()
