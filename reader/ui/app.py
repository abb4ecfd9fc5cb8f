"""Start the desktop app.

The window shows at once; opening the library (and importing the samples on
its first start), loading the segmenter and importing files given on the
command line all happen in the background afterwards.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reader import APP_NAME

if TYPE_CHECKING:
    from reader.ui.cleaning import CleanerFactory
    from reader.ui.settings import Settings
    from reader.ui.tasks import TaskRunner
    from reader.ui.window.main_window import MainWindow

SWITCH_INTERVAL = 0.001


def build_window(
    runner: TaskRunner | None = None, settings: Settings | None = None, cleaner_factory: CleanerFactory | None = None
) -> MainWindow:
    """The main window with its operations and cleaning service, not yet shown or opened."""
    # Imported here, not at the top: `transcript-reader` starts the CLI, which never needs Qt.
    from reader.ui.cleaning import CleanService, clean_settings_from, default_cleaner_factory
    from reader.ui.operations import Operations
    from reader.ui.settings import Settings
    from reader.ui.tasks import TaskRunner
    from reader.ui.window.main_window import MainWindow

    # Painting calls back into Python for every cell; with a worker busy cleaning,
    # each call could wait the default 5 ms for the GIL. 1 ms keeps paint fast.
    sys.setswitchinterval(SWITCH_INTERVAL)
    runner = runner or TaskRunner()
    settings = settings or Settings()
    ops = Operations(runner)
    clean = CleanService(runner, clean_settings_from(settings), cleaner_factory or default_cleaner_factory)
    window = MainWindow(ops, clean, settings)
    runner.setParent(window)
    ops.setParent(window)
    clean.setParent(window)
    return window


def start(window: MainWindow, db: str | None, files: list[str]) -> None:
    """Open the library (importing the samples into a new one) and the given files, in the background."""
    from reader.core import paths
    from reader.ui.operations import library

    ops = window.ops
    if files:
        def import_once(_location: str) -> None:
            ops.library_opened.disconnect(import_once)
            library.import_files(ops, files)

        ops.library_opened.connect(import_once)
    window.clean.warm_up()
    window.open_library(db or paths.default_db(), import_seeds=True)


def run_gui(db: str | None = None, files: list[str] | None = None) -> int:
    from reader.ui.platform_check import report_unusable_xcb

    if report_unusable_xcb():  # before Qt aborts with a message naming no package
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui import i18n
    from reader.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_NAME)  # a QGuiApplication static; `app` may be typed as the core one
    settings = Settings()
    i18n.install(app, settings.language())
    window = build_window(settings=settings)
    window.show()
    QTimer.singleShot(0, lambda: start(window, db, list(files or [])))
    code = app.exec()
    # Closing the window has queued the closing backup; a quit that closed no window
    # (the session ending) queues it here. Either way it is waited for, the window already gone.
    window.ops.close(backup=True)
    window.ops.runner.shutdown()
    return code


def main() -> int:
    return run_gui()
