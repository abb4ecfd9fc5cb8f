"""Keeping the window in step with the library: this app's own changes and, through the change watcher, others'.

Every change arrives as one `OpChanges` on the operations' `changed` signal;
`refresh` reloads what it names and no more. Others' changes come from the
watcher (which leaves out what this app wrote itself) and are held while a
cell editor is open, so a reload never rewrites text under the person's fingers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

from reader.ui.operations import OpChanges, Operations
from reader.ui.operations.watcher import ChangeWatcher
from reader.ui.table.segment_view import SegmentView


class ChangeSync(QObject):
    def __init__(self, ops: Operations, view: SegmentView, parent: QObject | None = None):
        super().__init__(parent)
        self.ops, self.view = ops, view
        self.watcher = ChangeWatcher(ops, self)
        # Others' changes that arrived while a cell editor was open: (segment ids, transcript ids).
        self._held: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
        ops.library_opened.connect(self._library_opened)
        self.watcher.changed.connect(self.others_changed)
        # After the view has closed the editor (it handles closeEditor first), catch up with what was held.
        view.itemDelegate().closeEditor.connect(lambda *_: QTimer.singleShot(0, self._release_held))

    def _library_opened(self, _location: str) -> None:
        self._held = (frozenset(), frozenset())
        self.watcher.start()

    def others_changed(self, segments: frozenset[int], transcripts: frozenset[int]) -> None:
        held_segments, held_transcripts = self._held
        segments, transcripts = segments | held_segments, transcripts | held_transcripts
        if self.view.state() == QAbstractItemView.State.EditingState:
            # A reload would close or rewrite the editor under the person's fingers; their save
            # is checked against the version they started from, so nothing is lost by waiting.
            self._held = (segments, transcripts)
            return
        self._held = (frozenset(), frozenset())
        if segments or transcripts:
            whole = bool(transcripts)
            self.ops.broadcast(
                OpChanges(transcripts, segments, structure=whole, rules=whole, library=whole, labels=True, remote=True)
            )

    def _release_held(self) -> None:
        if self.view.state() != QAbstractItemView.State.EditingState:
            self.others_changed(frozenset(), frozenset())
