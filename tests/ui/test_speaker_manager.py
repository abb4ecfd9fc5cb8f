"""The speaker manager and speaker steps: what the library holds after each action, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.core.library import labels, tagging, transcript_segments
from reader.ui.dialogs.speaker_manager import LabelRole, SpeakerManager
from reader.ui.operations import labels as label_steps


@pytest.fixture
def controller(roundtable_controller):
    return roundtable_controller


@pytest.fixture
def manager(qtbot, controller):
    dialog = SpeakerManager(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown(manager):
    return [(manager.list.item(row).text(), manager.list.item(row).data(LabelRole).color) for row in range(manager.list.count())]


def speakers_of(controller, first, last):
    rows = transcript_segments(controller.library, controller.transcript)[1]
    return [r.speaker for r in rows[first - 1 : last]]


def ids(controller, first, last=None):
    return tagging.segment_ids_between(controller.library, controller.transcript, first, last)


def test_added_speakers_are_listed_with_their_own_colour_swatches(qtbot, manager):
    for name in ("主持人", "家辉", "沈春华"):
        manager.new_name.setText(name)
        qtbot.keyClick(manager.new_name, Qt.Key.Key_Return)
    assert [name for name, _ in shown(manager)] == sorted(["主持人", "家辉", "沈春华"])
    colours = [color for _, color in shown(manager)]
    assert len(set(colours)) == 3
    icon = manager.list.item(0).icon().pixmap(8, 8).toImage()
    assert QColor(icon.pixel(4, 4)).name() == colours[0]
    assert manager.new_name.text() == ""


def test_rename_in_place_relabels_segments_and_undo_restores(qtbot, controller, manager):
    label_steps.assign_speaker(controller, ids(controller, 1, 3), "主持人")
    manager.select(labels.find_label(controller.library, "speaker", "主持人").id)
    manager.list.currentItem().setText("李老师")
    assert speakers_of(controller, 1, 3) == ["李老师"] * 3
    assert [name for name, _ in shown(manager)] == ["李老师"]
    controller.undo_stack.undo()
    assert speakers_of(controller, 1, 3) == ["主持人"] * 3
    assert [name for name, _ in shown(manager)] == ["主持人"]


def test_renaming_to_a_taken_name_is_refused_and_the_list_shows_the_truth(controller, manager):
    manager.create("主持人")
    manager.create("家辉")
    manager.select(labels.find_label(controller.library, "speaker", "家辉").id)
    manager.list.currentItem().setText("主持人")
    assert controller.failures and "already exists" in controller.failures[-1]
    assert [name for name, _ in shown(manager)] == ["主持人", "家辉"]
    assert controller.undo_stack.count() == 2  # the refused step left the stack


def test_recolour_changes_the_swatch(controller, manager):
    manager.create("主持人")
    manager.select(labels.find_label(controller.library, "speaker", "主持人").id)
    manager.recolor(manager.current(), "#123456")
    assert shown(manager) == [("主持人", "#123456")]


def test_merge_moves_the_segments_and_undo_brings_both_back(controller, manager):
    label_steps.assign_speaker(controller, ids(controller, 1, 2), "家辉")
    label_steps.assign_speaker(controller, ids(controller, 3, 4), "佳辉")
    manager.select(labels.find_label(controller.library, "speaker", "佳辉").id)
    assert [manager.merge_target.itemText(i) for i in range(manager.merge_target.count())] == ["家辉"]
    manager.merge_button.click()
    assert speakers_of(controller, 1, 4) == ["家辉"] * 4
    assert [name for name, _ in shown(manager)] == ["家辉"]
    controller.undo_stack.undo()
    assert speakers_of(controller, 1, 4) == ["家辉", "家辉", "佳辉", "佳辉"]


def test_delete_leaves_segments_unlabelled_until_undone(controller, manager):
    label_steps.assign_speaker(controller, ids(controller, 1, 2), "主持人")
    manager.select(labels.find_label(controller.library, "speaker", "主持人").id)
    manager.delete_button.click()
    assert speakers_of(controller, 1, 2) == [None, None] and shown(manager) == []
    controller.undo_stack.undo()
    assert speakers_of(controller, 1, 2) == ["主持人"] * 2


def test_buttons_need_a_chosen_speaker(manager):
    assert not manager.delete_button.isEnabled() and not manager.merge_button.isEnabled()
    manager.create("主持人")
    manager.list.setCurrentRow(0)
    assert manager.delete_button.isEnabled()
    assert not manager.merge_button.isEnabled()  # nobody to merge into


def test_split_turn_is_one_undo_step(controller):
    label_steps.assign_speaker(controller, ids(controller, 1, 2), "主持人")
    label_steps.assign_speaker(controller, ids(controller, 3), "家辉")
    before = transcript_segments(controller.library, controller.transcript)[1]
    label_steps.split_turn(controller, controller.transcript, ids(controller, 2)[0], 2, 6)
    assert speakers_of(controller, 2, 4) == ["主持人", "家辉", "家辉"]
    controller.undo_stack.undo()
    assert transcript_segments(controller.library, controller.transcript)[1] == before
    controller.undo_stack.redo()
    assert speakers_of(controller, 2, 3) == ["主持人", "家辉"]


def test_a_closed_manager_no_longer_listens_for_changes(qtbot, controller):
    from PySide6.QtCore import QCoreApplication, QEvent

    from reader.ui.operations import OpChanges as Changes

    dialog = SpeakerManager(controller)
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    controller.changed.emit(Changes(library=True))  # would reach a deleted widget if still connected
    label_steps.create_label(controller, "speaker", "主持人")
    assert [s.name for s in labels.list_labels(controller.library, "speaker")] == ["主持人"]
