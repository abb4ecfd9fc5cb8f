"""Speakers and topics as undo steps on the controller's stack.

Each function pushes one step whose first run calls a `reader.core.library.tagging`
operation on the "write" lane and keeps the `TagChange` it returns; undo and
redo replay that record. Views learn about it from the controller's one
`changed` notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication

from reader.core.library import tagging
from reader.core.library.tagging import TagChange
from reader.ui.commands import Changes, OperationCommand


def _kind(kind: str) -> str:
    return QCoreApplication.translate("label_steps", "speaker") if kind == "speaker" else QCoreApplication.translate("label_steps", "topic")


def label_changes(change: TagChange) -> Changes:
    # A renamed, merged or deleted label shows in rows the change does not list: reload those transcripts.
    relabelled = bool(change.speakers or change.topics) and bool(change.transcript_ids)
    return Changes(change.transcript_ids, change.segment_ids, structure=relabelled)


def push(controller, text: str, operation: Callable[[object], TagChange]) -> OperationCommand:
    """One undo step around `operation(lib) -> TagChange`."""
    return controller.push_recorded(text, operation, tagging.redo, tagging.undo, label_changes)


def assign_speaker(controller, segment_ids: Iterable[int], speaker: int | str | None, shown_name: str = "") -> OperationCommand:
    """`speaker` by id, by name (made when new) or None (unlabelled)."""
    ids = list(segment_ids)
    text = QCoreApplication.translate("label_steps", "Speaker %1 for %2 segment(s)").replace("%2", str(len(ids))).replace("%1", shown_name or str(speaker))
    if speaker is None:
        text = QCoreApplication.translate("label_steps", "Clear the speaker of %1 segment(s)").replace("%1", str(len(ids)))
    return push(controller, text, lambda lib: tagging.assign_speaker(lib, ids, speaker))


def tag_topic(controller, segment_ids: Iterable[int], topic: int | str, shown_name: str = "") -> OperationCommand:
    ids = list(segment_ids)
    text = QCoreApplication.translate("label_steps", "Topic %1 for %2 segment(s)").replace("%2", str(len(ids))).replace("%1", shown_name or str(topic))
    return push(controller, text, lambda lib: tagging.tag_topic(lib, ids, topic))


def untag_topic(controller, segment_ids: Iterable[int], topic: int | str | None = None) -> OperationCommand:
    ids = list(segment_ids)
    return push(controller, QCoreApplication.translate("label_steps", "Remove topics from %1 segment(s)").replace("%1", str(len(ids))), lambda lib: tagging.untag_topic(lib, ids, topic))


def create_label(controller, kind: str, name: str, color: str | None = None) -> OperationCommand:
    return push(controller, QCoreApplication.translate("label_steps", "New %1 %2").replace("%1", _kind(kind)).replace("%2", name), lambda lib: tagging.create_label(lib, kind, name, color))


def rename_label(controller, kind: str, label_id: int, name: str | None = None, color: str | None = None) -> OperationCommand:
    text = QCoreApplication.translate("label_steps", "Rename %1 to %2").replace("%1", _kind(kind)).replace("%2", name) if name else QCoreApplication.translate("label_steps", "Recolour %1").replace("%1", _kind(kind))
    return push(controller, text, lambda lib: tagging.rename_label(lib, kind, label_id, name, color))


def merge_labels(controller, kind: str, source_id: int, target_id: int) -> OperationCommand:
    return push(controller, QCoreApplication.translate("label_steps", "Merge %1 into another").replace("%1", _kind(kind)), lambda lib: tagging.merge_labels(lib, kind, source_id, target_id))


def delete_label(controller, kind: str, label_id: int) -> OperationCommand:
    return push(controller, QCoreApplication.translate("label_steps", "Delete %1").replace("%1", _kind(kind)), lambda lib: tagging.delete_label(lib, kind, label_id))


def split_turn(controller, transcript_id: int, segment_id: int, position: int, raw_offset: int) -> OperationCommand:
    """Split a segment where the speaker changes and give the rest to the next speaker: one step."""

    return controller.push_recorded(
        QCoreApplication.translate("label_steps", "Split segment %1 for the next speaker").replace("%1", str(position)),
        lambda lib: tagging.split_to_next_speaker(lib, segment_id, raw_offset),
        tagging.redo_split_turn,
        tagging.undo_split_turn,
        lambda _record: Changes(frozenset({transcript_id}), structure=True),
    )
