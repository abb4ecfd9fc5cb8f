"""The window's docks: made hidden, named (so the window's saved layout finds them again), in their area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


def add_dock(
    window: QMainWindow,
    name: str,
    widget: QWidget | None = None,
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
) -> QDockWidget:
    """A hidden dock of `window` holding `widget` (or nothing yet), its object name `name`; titles are the caller's."""
    dock = QDockWidget(window)
    dock.setObjectName(name)
    if widget is not None:
        dock.setWidget(widget)
    window.addDockWidget(area, dock)
    dock.hide()
    return dock
