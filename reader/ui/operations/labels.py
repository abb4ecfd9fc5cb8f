"""Speakers and topics: undo steps on the operations' stack, and the reads the views need.

Each step's first run calls a `reader.core.library.tagging` operation on the
"write" lane and keeps the `TagChange` it returns; undo and redo replay that
record, whose `changes` every view hears about once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication

from reader.core.kinds import LabelKind as LabelKind  # re-exported: the views name it
from reader.core.library import Library, tagging
from reader.core.library import labels as stored_labels
from reader.core.library.labels import Label
from reader.core.library.tagging import TagChange
from reader.ui.operations.base import Operations
from reader.ui.operations.commands import OperationCommand


def _kind(kind: LabelKind) -> str:
    if kind == LabelKind.SPEAKER:
        return QCoreApplication.translate("label_steps", "speaker")
    return QCoreApplication.translate("label_steps", "topic")


def push(ops: Operations, text: str, operation: Callable[[Library], TagChange]) -> OperationCommand:
    """One undo step around `operation(lib) -> TagChange`."""
    return ops.push_recorded(text, operation, tagging.redo, tagging.undo)


def assign_speaker(ops: Operations, segment_ids: Iterable[int], speaker: int | str | None, shown_name: str = "") -> OperationCommand:
    """`speaker` by id, by name (made when new) or None (unlabelled)."""
    ids = list(segment_ids)
    text = (
        QCoreApplication.translate("label_steps", "Speaker %1 for %2 segment(s)")
        .replace("%2", str(len(ids)))
        .replace("%1", shown_name or str(speaker))
    )
    if speaker is None:
        text = QCoreApplication.translate("label_steps", "Clear the speaker of %1 segment(s)").replace("%1", str(len(ids)))
    return push(ops, text, lambda lib: tagging.assign_speaker(lib, ids, speaker))


def tag_topic(ops: Operations, segment_ids: Iterable[int], topic: int | str, shown_name: str = "") -> OperationCommand:
    ids = list(segment_ids)
    text = (
        QCoreApplication.translate("label_steps", "Topic %1 for %2 segment(s)")
        .replace("%2", str(len(ids)))
        .replace("%1", shown_name or str(topic))
    )
    return push(ops, text, lambda lib: tagging.tag_topic(lib, ids, topic))


def untag_topic(ops: Operations, segment_ids: Iterable[int], topic: int | str | None = None) -> OperationCommand:
    ids = list(segment_ids)
    text = QCoreApplication.translate("label_steps", "Remove topics from %1 segment(s)").replace("%1", str(len(ids)))
    return push(ops, text, lambda lib: tagging.untag_topic(lib, ids, topic))


def create_label(ops: Operations, kind: LabelKind, name: str, color: str | None = None) -> OperationCommand:
    text = QCoreApplication.translate("label_steps", "New %1 %2").replace("%1", _kind(kind)).replace("%2", name)
    return push(ops, text, lambda lib: tagging.create_label(lib, kind, name, color))


def rename_label(ops: Operations, kind: LabelKind, label_id: int, name: str | None = None, color: str | None = None) -> OperationCommand:
    if name:
        text = QCoreApplication.translate("label_steps", "Rename %1 to %2").replace("%1", _kind(kind)).replace("%2", name)
    else:
        text = QCoreApplication.translate("label_steps", "Recolour %1").replace("%1", _kind(kind))
    return push(ops, text, lambda lib: tagging.rename_label(lib, kind, label_id, name, color))


def merge_labels(ops: Operations, kind: LabelKind, source_id: int, target_id: int) -> OperationCommand:
    text = QCoreApplication.translate("label_steps", "Merge %1 into another").replace("%1", _kind(kind))
    return push(ops, text, lambda lib: tagging.merge_labels(lib, kind, source_id, target_id))


def delete_label(ops: Operations, kind: LabelKind, label_id: int) -> OperationCommand:
    text = QCoreApplication.translate("label_steps", "Delete %1").replace("%1", _kind(kind))
    return push(ops, text, lambda lib: tagging.delete_label(lib, kind, label_id))


def split_turn(ops: Operations, transcript_id: int, segment_id: int, position: int, raw_offset: int) -> OperationCommand:
    """Split a segment where the speaker changes and give the rest to the next speaker: one step."""

    return ops.push_recorded(
        QCoreApplication.translate("label_steps", "Split segment %1 for the next speaker").replace("%1", str(position)),
        lambda lib: tagging.split_to_next_speaker(lib, segment_id, raw_offset),
        tagging.redo_split_turn,
        tagging.undo_split_turn,
    )


# reads
def load_labels(ops: Operations, kind: LabelKind, on_done: Callable[[list[Label]], None]) -> None:
    """Every speaker or topic of the library."""
    ops.read(lambda lib: stored_labels.list_labels(lib, kind), on_done)


def load_names(ops: Operations, kind: LabelKind, on_done: Callable[[list[str]], None]) -> None:
    ops.read(lambda lib: [label.name for label in stored_labels.list_labels(lib, kind)], on_done)


def load_transcript_labels(
    ops: Operations, transcript_id: int, on_done: Callable[[tuple[int, list[Label], list[Label]]], None]
) -> None:
    """on_done((transcript id, its speakers in number-key order, the library's topics))."""
    def read(lib: Library) -> tuple[int, list[Label], list[Label]]:
        return transcript_id, stored_labels.transcript_speakers(lib, transcript_id), stored_labels.list_labels(lib, LabelKind.TOPIC)

    ops.read(read, on_done)


def find_next_labelled(
    ops: Operations,
    transcript_id: int,
    position: int,
    speaker_id: int | None,
    topic_id: int | None,
    backwards: bool,
    on_done: Callable[[tuple[int, int] | None], None],
) -> None:
    """on_done((segment id, position) of the next segment with that speaker and/or topic, or None)."""
    ops.read(lambda lib: stored_labels.next_labelled(lib, transcript_id, position, speaker_id, topic_id, backwards=backwards), on_done)


def suggest(
    ops: Operations, transcript_id: int | None, segment_ids: Iterable[int] | None, limit: int, on_done: Callable[[list[str]], None]
) -> None:
    """Suggested topics for a selection, then for its whole transcript when both are given,
    worked out on the lane that owns jieba."""
    ids = None if segment_ids is None else list(segment_ids)

    def work(lib: Library) -> list[str]:
        # reader.core.library.overview brings jieba's keyword tools: not loaded at start-up, where the window paints.
        from reader.core.library.overview import suggest_topics

        found = [] if ids is None else suggest_topics(lib, segment_ids=ids)
        if transcript_id is not None:
            found += [word for word in suggest_topics(lib, transcript_id=transcript_id) if word not in found]
        return found[:limit]

    ops.read(work, on_done, lane="clean")
