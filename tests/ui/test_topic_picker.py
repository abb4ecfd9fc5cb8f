"""The topic picker: completion, new names, suggestions taken with one key, input methods left alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.library import labels, tagging
from reader.ui.dialogs.topic_picker import TopicPicker, load_suggestions, load_topics
from reader.ui.operations import labels as label_steps
from tests.ui.conftest import type_committed


@pytest.fixture
def picker(qtbot):
    made = TopicPicker()
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    made.edit.setFocus()
    made.set_topics(["多模态", "开场", "嘉宾介绍"])
    made.set_suggestions(["模态", "model", "learning"])
    chosen = []
    made.chosen.connect(chosen.append)
    made.chosen_names = chosen
    return made


def test_completion_finds_topics_containing_the_typed_text(qtbot, qtlog, picker):
    # The offscreen platform cannot give the completion popup the keyboard, and says so.
    with qtlog.disabled():
        type_committed(picker.edit, "模")
        qtbot.waitUntil(picker.completer.popup().isVisible)
        assert picker.completer.completionCount() == 1
        qtbot.keyClick(picker.completer.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(picker.completer.popup(), Qt.Key.Key_Return)
    assert picker.chosen_names == ["多模态"]
    assert picker.edit.text() == ""


def test_enter_on_a_new_name_chooses_it(qtbot, picker):
    type_committed(picker.edit, "  新 话题 ")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.chosen_names == ["新 话题"]


def test_enter_with_nothing_typed_takes_the_highlighted_suggestion(qtbot, picker):
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.chosen_names == ["模态"]
    assert picker.suggested() == ["model", "learning"]  # taken ones leave the list
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.chosen_names == ["模态", "learning"]


def test_alt_number_takes_that_suggestion_and_plain_numbers_stay_text(qtbot, picker):
    qtbot.keyClick(picker.edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert picker.chosen_names == ["model"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_1)
    assert picker.edit.text() == "1" and picker.chosen_names == ["model"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)  # no ninth suggestion
    assert picker.chosen_names == ["model"]


def test_no_suggestions_hides_the_list(picker):
    picker.set_suggestions([])
    assert not picker.suggestions.isVisible()
    assert picker.suggested() == []


@pytest.fixture
def controller(roundtable_controller):
    return roundtable_controller


def test_picker_over_the_library_tags_a_selection_and_undo_takes_it_off(qtbot, controller):
    lib, transcript = controller.library, controller.transcript
    selection = tagging.segment_ids_between(lib, transcript, 30, 45)
    picker = TopicPicker()
    qtbot.addWidget(picker)
    picker.chosen.connect(lambda name: label_steps.tag_topic(controller, selection, name))
    load_topics(controller, picker)
    load_suggestions(controller, picker, segment_ids=selection)
    words = picker.suggested()
    assert words
    picker.edit.setFocus()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    [(topic, positions)] = labels.topic_positions(lib, transcript)
    assert (topic.name, positions) == (words[0], list(range(30, 46)))
    load_topics(controller, picker)
    assert picker.names.stringList() == [words[0]]
    controller.undo_stack.undo()
    assert labels.topic_positions(lib, transcript) == []
    controller.undo_stack.redo()
    assert labels.topic_positions(lib, transcript)[0][1] == list(range(30, 46))
