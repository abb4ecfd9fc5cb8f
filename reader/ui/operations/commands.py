"""Undo steps over core operations (after orange-canvas-core's document/commands.py).

A step holds two functions of the library: one that makes the change and one
that takes it back. Both run on the "write" lane, in push order, so an undo
always runs after the change it undoes has been saved; whatever the first run
learns (the id of a new segment, the batch a replace-all changed) is kept on
the step for its undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from reader.core.library import Library
from reader.core.library.opchanges import OpChanges

if TYPE_CHECKING:  # the rules module brings reader.core.text, which start-up does without
    from reader.core.library.rules import LibraryRule



@dataclass
class StepState:
    """What a step learnt on its first run, for its undo and later redos."""

    value: Any = None  # the record of the first run (or the version a correction saved)
    undone_version: int | None = None  # a correction step: the segment's version its undo saved
    removed_rule: LibraryRule | None = None  # a rule step: the rule its undo removed, for redo to put back
    failed: bool = False  # the core refused the change: nothing to undo


Work = Callable[[Library, StepState], OpChanges]


# Told when the core refused a step's change (not a conflict): the exception and
# whether it was the undo that failed; True when it told the person itself.
Refused = Callable[[BaseException, bool], bool]


class OperationCommand(QUndoCommand):
    def __init__(
        self, text: str, do: Work, undo: Work, submit: Callable[[OperationCommand, Work], None], on_refused: Refused | None = None
    ):
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._submit = submit
        self.on_refused = on_refused
        self.state = StepState()
        # Called once, on the GUI thread, with the record of the first run: what a bulk action reports.
        self.after_first: Callable[[Any], None] | None = None

    def is_undo(self, work: Work) -> bool:
        return work is self._undo

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
