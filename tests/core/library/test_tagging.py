"""Speakers and topics as someone labelling a roundtable sees them: in the library, undone, redone, reopened."""

from pathlib import Path

import pytest

from reader.core.errors import UserError
from reader.core.library import import_file, labels, open_library, tagging, transcript_segments
from reader.core.library.labels import Label


def speakers_shown(lib, transcript_id):
    return [row.speaker for row in transcript_segments(lib, transcript_id)[1]]


def ids(lib, transcript_id, first, last=None):
    return tagging.segment_ids_between(lib, transcript_id, first, last)


def topic_names(lib, transcript_id):
    rows = transcript_segments(lib, transcript_id)[1]
    found = labels.topics_of(lib, [r.id for r in rows])
    return [tuple(label.name for label in found.get(r.id, [])) for r in rows]


def snapshot(lib, transcript_id):
    every = labels.list_labels(lib, "speaker"), labels.list_labels(lib, "topic")
    return speakers_shown(lib, transcript_id), topic_names(lib, transcript_id), *every


def test_assigning_a_new_name_makes_the_speaker_and_labels_only_that_range(library, roundtable):
    change = tagging.assign_speaker(library, ids(library, roundtable, 2, 4), "主持人")
    shown = speakers_shown(library, roundtable)
    assert shown[:5] == [None, "主持人", "主持人", "主持人", None]
    assert change.created("speaker").name == "主持人"
    assert change.transcript_ids == {roundtable}
    assert labels.list_labels(library, "speaker") == [change.created("speaker")]


def test_new_speakers_get_distinct_colours(library):
    colours = [tagging.create_label(library, "speaker", f"嘉宾{i}").created("speaker").color for i in range(14)]
    assert len(set(colours)) == 14
    assert all(c.startswith("#") and len(c) == 7 for c in colours)


def test_undo_and_redo_put_labels_back_exactly_any_number_of_times(library, roundtable):
    before = snapshot(library, roundtable)
    speaker = tagging.assign_speaker(library, ids(library, roundtable, 1, 3), "主持人")
    topic = tagging.tag_topic(library, ids(library, roundtable, 2, 6), "多模态")
    after = snapshot(library, roundtable)
    assert after != before
    for _ in range(2):
        tagging.undo(library, topic)
        tagging.undo(library, speaker)
        assert snapshot(library, roundtable) == before
        tagging.redo(library, speaker)
        tagging.redo(library, topic)
        assert snapshot(library, roundtable) == after


@pytest.mark.parametrize(
    "first, then, then_position",
    [("甲", "乙", 1), ("主持人", "主持人", 2)],
    ids=["the segment was relabelled since", "the new speaker was given to others since"],
)
def test_undo_refuses_when_the_labels_changed_since(library, roundtable, first, then, then_position):
    change = tagging.assign_speaker(library, ids(library, roundtable, 1), first)
    tagging.assign_speaker(library, ids(library, roundtable, then_position), then)
    before = snapshot(library, roundtable)
    with pytest.raises(UserError, match="changed since"):
        tagging.undo(library, change)
    assert snapshot(library, roundtable) == before


def test_many_topics_per_segment_and_untagging_one_or_all(library, roundtable):
    tagging.tag_topic(library, ids(library, roundtable, 1, 3), "开场")
    tagging.tag_topic(library, ids(library, roundtable, 3, 4), "嘉宾介绍")
    assert topic_names(library, roundtable)[:5] == [("开场",), ("开场",), ("嘉宾介绍", "开场"), ("嘉宾介绍",), ()]
    tagging.untag_topic(library, ids(library, roundtable, 3), "开场")
    assert topic_names(library, roundtable)[2] == ("嘉宾介绍",)
    tagging.untag_topic(library, ids(library, roundtable, 1, 4))
    assert set(topic_names(library, roundtable)) == {()}
    assert [t.name for t in labels.list_labels(library, "topic")] == ["嘉宾介绍", "开场"]  # the topics stay


def test_tagging_twice_changes_nothing_the_second_time(library, roundtable):
    tagging.tag_topic(library, ids(library, roundtable, 1, 2), "开场")
    again = tagging.tag_topic(library, ids(library, roundtable, 1, 2), "开场")
    assert not again.changed


def test_rename_keeps_the_labels_and_refuses_a_taken_name(library, roundtable):
    host = tagging.assign_speaker(library, ids(library, roundtable, 1), "主持人").created("speaker")
    tagging.create_label(library, "speaker", "沈春华")
    change = tagging.rename_label(library, "speaker", host.id, name="李老师", color="#123456")
    assert speakers_shown(library, roundtable)[0] == "李老师"
    assert change.transcript_ids == {roundtable}
    with pytest.raises(UserError, match="'沈春华': already exists"):
        tagging.rename_label(library, "speaker", host.id, name=" 沈春华 ")
    tagging.undo(library, change)
    assert labels.find_label(library, "speaker", "主持人") == host


def test_merge_moves_segments_and_undo_brings_the_speaker_back(library, roundtable):
    a = tagging.assign_speaker(library, ids(library, roundtable, 1, 2), "家辉").created("speaker")
    b = tagging.assign_speaker(library, ids(library, roundtable, 3), "佳辉").created("speaker")
    before = snapshot(library, roundtable)
    change = tagging.merge_labels(library, "speaker", b.id, a.id)
    assert speakers_shown(library, roundtable)[:3] == ["家辉"] * 3
    assert labels.list_labels(library, "speaker") == [a]
    tagging.undo(library, change)
    assert snapshot(library, roundtable) == before


def test_merging_topics_keeps_one_link_per_segment(library, roundtable):
    tagging.tag_topic(library, ids(library, roundtable, 1, 2), "多模态")
    source = tagging.tag_topic(library, ids(library, roundtable, 2, 3), "multimodal").created("topic")
    target = labels.find_label(library, "topic", "多模态")
    before = snapshot(library, roundtable)
    change = tagging.merge_labels(library, "topic", source.id, target.id)
    assert topic_names(library, roundtable)[:4] == [("多模态",)] * 3 + [()]
    tagging.undo(library, change)
    assert snapshot(library, roundtable) == before


def test_delete_speaker_leaves_segments_unlabelled_and_undo_relabels_them(library, roundtable):
    host = tagging.assign_speaker(library, ids(library, roundtable, 1, 4), "主持人").created("speaker")
    before = snapshot(library, roundtable)
    change = tagging.delete_label(library, "speaker", host.id)
    assert set(speakers_shown(library, roundtable)) == {None}
    tagging.undo(library, change)
    assert snapshot(library, roundtable) == before


def test_transcript_speakers_in_order_of_first_appearance_then_fresh_ones_then_other_transcripts(library, roundtable, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("# 另一场\n\n你好。\n", encoding="utf-8")
    elsewhere = import_file(library, other).transcripts[0].id
    tagging.assign_speaker(library, ids(library, elsewhere, 1), "别场嘉宾")
    for name in ("未出场", "沈春华", "家辉", "也未出场"):
        tagging.create_label(library, "speaker", name)
    tagging.assign_speaker(library, ids(library, roundtable, 5), "家辉")
    tagging.assign_speaker(library, ids(library, roundtable, 7), "沈春华")
    tagging.assign_speaker(library, ids(library, roundtable, 9), "家辉")
    assert [s.name for s in labels.transcript_speakers(library, roundtable)] == ["家辉", "沈春华", "未出场", "也未出场", "别场嘉宾"]


def test_filter_and_jump_by_speaker_and_topic(library, roundtable):
    host = tagging.assign_speaker(library, ids(library, roundtable, 2, 3) + ids(library, roundtable, 8), "主持人").created("speaker")
    topic = tagging.tag_topic(library, ids(library, roundtable, 3, 5), "开场").created("topic")
    assert [p for _, p in labels.labelled_segments(library, roundtable, speaker_id=host.id)] == [2, 3, 8]
    assert [p for _, p in labels.labelled_segments(library, roundtable, speaker_id=host.id, topic_id=topic.id)] == [3]
    assert labels.next_labelled(library, roundtable, 3, speaker_id=host.id)[1] == 8
    assert labels.next_labelled(library, roundtable, 3, speaker_id=host.id, backwards=True)[1] == 2
    assert labels.next_labelled(library, roundtable, 8, speaker_id=host.id) is None


def test_split_turn_gives_the_rest_to_the_next_speaker_as_one_undoable_step(library, roundtable):
    tagging.assign_speaker(library, ids(library, roundtable, 1, 2), "主持人")
    tagging.assign_speaker(library, ids(library, roundtable, 3), "家辉")
    before = snapshot(library, roundtable)
    first_raw = transcript_segments(library, roundtable)[1][1].raw
    turn = tagging.split_to_next_speaker(library, ids(library, roundtable, 2)[0], 5)
    rows = transcript_segments(library, roundtable)[1]
    assert [(r.raw, r.speaker) for r in rows[1:4]] == [(first_raw[:5], "主持人"), (first_raw[5:], "家辉"), (rows[3].raw, "家辉")]
    tagging.undo_split_turn(library, turn)
    assert snapshot(library, roundtable) == before
    tagging.redo_split_turn(library, turn)
    assert [r.speaker for r in transcript_segments(library, roundtable)[1][1:3]] == ["主持人", "家辉"]


def test_next_speaker_goes_round_the_transcript_order(library, roundtable):
    for name in ("主持人", "家辉", "沈春华"):
        tagging.create_label(library, "speaker", name)
    tagging.assign_speaker(library, ids(library, roundtable, 1), "沈春华")
    # Nobody labelled after segment 1: the next in order (沈春华 first appeared, then by age), round to the start.
    assert labels.next_speaker(library, ids(library, roundtable, 1)[0]).name == "主持人"
    tagging.assign_speaker(library, ids(library, roundtable, 1), "家辉")
    assert labels.next_speaker(library, ids(library, roundtable, 1)[0]).name == "主持人"


def test_split_turn_with_no_speakers_is_refused_and_changes_nothing(library, roundtable):
    before = transcript_segments(library, roundtable)[1]
    with pytest.raises(UserError, match="speakers: there are none yet"):
        tagging.split_to_next_speaker(library, ids(library, roundtable, 2)[0], 5)
    assert transcript_segments(library, roundtable)[1] == before


@pytest.mark.parametrize(
    "first, last, message",
    [
        (0, 2, "positions 0-2: transcript {t} has segments 1..{n}"),
        (5, 3, "positions 5-3: the range runs backwards"),
        (9999, None, "position 9999: transcript {t} has segments 1..{n}"),
    ],
)
def test_bad_ranges_say_what_is_wrong(library, roundtable, first, last, message):
    count = len(transcript_segments(library, roundtable)[1])
    with pytest.raises(UserError) as error:
        tagging.segment_ids_between(library, roundtable, first, last)
    assert str(error.value).startswith(message.format(t=roundtable, n=count))


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_bad_names_are_refused(library, name):
    with pytest.raises(UserError, match="speaker name"):
        tagging.create_label(library, "speaker", name)
    assert labels.list_labels(library, "speaker") == []


def test_bad_colour_is_refused(library):
    with pytest.raises(UserError, match="give it as #rrggbb"):
        tagging.create_label(library, "topic", "开场", color="red")


def test_labels_survive_reopening_the_library(library, roundtable):
    tagging.assign_speaker(library, ids(library, roundtable, 1, 2), "主持人")
    tagging.tag_topic(library, ids(library, roundtable, 2), "开场")
    before = snapshot(library, roundtable)
    location = library.engine.url.database
    library.close()
    reopened = open_library(location)
    try:
        assert snapshot(reopened, roundtable) == before
    finally:
        reopened.close()


def test_vtt_voices_become_speakers_that_can_be_renamed(library, tmp_path: Path):
    vtt = tmp_path / "talk.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 王老师>大家好\n\n00:00:02.000 --> 00:00:03.000\n<v 李博士>谢谢\n",
        encoding="utf-8",
    )
    transcript = import_file(library, vtt).transcripts[0].id
    order = labels.transcript_speakers(library, transcript)
    assert [s.name for s in order] == ["王老师", "李博士"]
    assert all(isinstance(s, Label) and s.color.startswith("#") for s in order)
    tagging.rename_label(library, "speaker", order[0].id, name="王明")
    assert speakers_shown(library, transcript) == ["王明", "李博士"]
