"""Undo steps over core operations (after orange-canvas-core's document/commands.py).

A step holds two functions of the library: one that makes the change and one
that takes it back. Both run on the "write" lane, in push order, so an undo
always runs after the change it undoes has been saved; whatever the first run
learns (the id of a new segment, the batch a replace-all changed) is kept on
the step for its undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand


@dataclass(frozen=True)
class Changes:
    """What an operation touched; views refresh what concerns them."""

    transcripts: frozenset[int] = frozenset()
    segments: frozenset[int] = frozenset()
    structure: bool = False  # segments added or removed: reload whole transcripts
    rules: bool = False
    library: bool = False  # transcripts added or removed
    # Reported by the change watcher (another app, the CLI, or this app's own saves
    # coming back): a view keeps its rows when the transcript's segments are the same.
    remote: bool = False


@dataclass
class StepState:
    """What a step learnt on its first run, for its undo and later redos."""

    value: Any = None
    extra: dict = field(default_factory=dict)
    failed: bool = False  # the core refused the change: nothing to undo


Work = Callable[[Any, StepState], Changes]


class OperationCommand(QUndoCommand):
    def __init__(self, text: str, do: Work, undo: Work, submit: Callable[["OperationCommand", Work], None]):
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._submit = submit
        self.state = StepState()

    def redo(self) -> None:
        if not self.state.failed:
            self._submit(self, self._do)

    def undo(self) -> None:
        if not self.state.failed:
            self._submit(self, self._undo)

    def refused(self) -> None:
        """The core refused this step: it does nothing from now on and leaves the stack at its next use."""
        self.state.failed = True
        self.setObsolete(True)
