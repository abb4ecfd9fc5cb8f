"""Corrections, split, merge, find and replace-all as a reader of the transcript sees them."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from reader.core.errors import UserError
from reader.core.library import edits, import_file, replacing, splitting, transcript_segments
from reader.core.library.models import Revision, Segment, SegmentTopic, Topic

TEXT = """# 测试讲座

大家好呃，我是DALI的作者。

今天我们讲大圆模型，大圆模型很有用。

谢谢大家。
"""


@pytest.fixture
def transcript(library, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(TEXT, encoding="utf-8")
    return import_file(library, path).transcripts[0].id


@pytest.fixture
def timed(library, tmp_path):
    """Three timed segments with speakers and topics, imported from the project's JSON."""
    segments = [
        {"raw": "我们先看第一张图", "start_ms": 1000, "end_ms": 9000, "speaker": "王老师", "topics": ["开场"]},
        {"raw": "然后是第二部分", "start_ms": 9000, "end_ms": 12000, "speaker": "李博士", "topics": ["方法"]},
        {"raw": "最后总结", "start_ms": 12000, "end_ms": 14000, "speaker": "王老师"},
    ]
    path = tmp_path / "timed.json"
    data = {"format": "transcript-reader", "version": 1, "transcripts": [{"title": "计时", "segments": segments}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def rows(lib, transcript_id):
    return transcript_segments(lib, transcript_id)[1]


def table(lib, transcript_id):
    """What `show` prints, plus what it does not: ids, corrections, times, speakers, topics."""
    with lib.read() as session:
        topics = {
            segment_id: tuple(sorted(names))
            for segment_id, names in _group(session.execute(
                select(SegmentTopic.segment_id, Topic.name).join(Topic, Topic.id == SegmentTopic.topic_id)
            ))
        }
    return [
        (r.id, r.position, r.raw, r.correction, r.start_ms, r.end_ms, r.speaker, topics.get(r.id, ())) for r in rows(lib, transcript_id)
    ]


def _group(pairs):
    grouped = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped.items()


def revisions(lib, segment_id):
    with lib.read() as session:
        found = session.scalars(select(Revision).where(Revision.segment_id == segment_id).order_by(Revision.id))
        return [(r.origin, r.old, r.new) for r in found]


def segment_id(lib, transcript_id, position):
    return edits.segment_at(lib, transcript_id, position)


# ----------------------------------------------------------------- corrections


def test_correction_is_shown_and_recorded_with_author(library, transcript):
    sid = segment_id(library, transcript, 2)
    change = edits.set_correction(library, sid, "今天我们讲大语言模型，大语言模型很有用。", author="校对员")
    assert change.changed and change.old is None and change.position == 2
    assert rows(library, transcript)[1].correction == "今天我们讲大语言模型，大语言模型很有用。"
    assert rows(library, transcript)[1].raw == "今天我们讲大圆模型，大圆模型很有用。"
    with library.read() as session:
        revision = session.scalars(select(Revision).where(Revision.segment_id == sid)).one()
    assert (revision.origin, revision.author, revision.old) == ("typed", "校对员", None)
    assert revision.at is not None


def test_revert_brings_back_the_automatic_text_and_keeps_history(library, transcript):
    sid = segment_id(library, transcript, 3)
    edits.set_correction(library, sid, "谢谢各位。")
    change = edits.revert_correction(library, sid)
    assert (change.old, change.new) == ("谢谢各位。", None)
    assert rows(library, transcript)[2].correction is None
    assert revisions(library, sid) == [("typed", None, "谢谢各位。"), ("revert", "谢谢各位。", None)]


def test_corrections_that_say_nothing_new_are_not_stored(library, transcript):
    sid = segment_id(library, transcript, 1)
    assert not edits.revert_correction(library, sid).changed  # nothing to revert
    assert not edits.set_correction(library, sid, "   ").changed  # blank means no correction
    assert not edits.set_correction(library, sid, "大家好，我是DALI的作者。", automatic="大家好，我是DALI的作者。").changed
    edits.set_correction(library, sid, "大家好，我是DALL-E的作者。")
    assert not edits.set_correction(library, sid, "大家好，我是DALL-E的作者。").changed
    # Typing the text the cleaner shows anyway drops the correction.
    change = edits.set_correction(library, sid, "大家好，我是DALI的作者。", automatic="大家好，我是DALI的作者。")
    assert change.changed and change.new is None
    assert [origin for origin, _, _ in revisions(library, sid)] == ["typed", "revert"]


def test_wrong_ids_and_positions_are_user_errors(library, transcript):
    with pytest.raises(UserError, match="no such segment"):
        edits.set_correction(library, 999, "x")
    with pytest.raises(UserError, match="no such transcript"):
        edits.segment_at(library, 999, 1)
    with pytest.raises(UserError, match=r"1\.\.3"):
        edits.segment_at(library, transcript, 4)
    with pytest.raises(UserError, match=r"1\.\.3"):
        edits.segment_at(library, transcript, 0)


# ----------------------------------------------------------------- split and merge


def test_split_moves_later_segments_down_and_keeps_the_raw_text(library, transcript):
    before = [r.raw for r in rows(library, transcript)]
    result = splitting.split_segment(library, segment_id(library, transcript, 2), 10)
    after = rows(library, transcript)
    assert [(r.position, r.raw) for r in after] == [
        (1, before[0]),
        (2, "今天我们讲大圆模型，"),
        (3, "大圆模型很有用。"),
        (4, before[2]),
    ]
    assert [r.id for r in after[1:3]] == list(result.segment_ids)
    assert "".join(r.raw for r in after) == "".join(before)


def test_split_shares_time_and_keeps_speaker_and_topics(library, timed):
    splitting.split_segment(library, segment_id(library, timed, 1), 2)
    first, second = table(library, timed)[:2]
    assert first[2:] == ("我们", None, 1000, 3000, "王老师", ("开场",))
    assert second[2:] == ("先看第一张图", None, 3000, 9000, "王老师", ("开场",))


def test_split_divides_a_correction_where_it_lines_up_with_the_raw(library, transcript):
    sid = segment_id(library, transcript, 2)
    edits.set_correction(library, sid, "今天我们讲大语言模型，大语言模型很有用！")
    splitting.split_segment(library, sid, 10)
    assert [r.correction for r in rows(library, transcript)[1:3]] == ["今天我们讲大语言模型，", "大语言模型很有用！"]


@pytest.mark.parametrize("offset", [0, 7, -1, 100])
def test_split_outside_the_text_changes_nothing(library, timed, offset):
    before = table(library, timed)
    with pytest.raises(UserError, match=r"1\.\.6 "):
        splitting.split_segment(library, segment_id(library, timed, 2), offset)
    assert table(library, timed) == before


def test_split_undo_redo_round_trips_exactly(library, timed):
    sid = segment_id(library, timed, 2)
    edits.set_correction(library, sid, "然后是第二个部分")
    original = table(library, timed)
    result = splitting.split_segment(library, sid, 3)
    split = table(library, timed)
    for _ in range(3):
        splitting.undo_split(library, result)
        assert table(library, timed) == original
        splitting.redo_split(library, result)
        assert table(library, timed) == split
    # The history of the segment survived every step, on whichever row holds that text now.
    assert revisions(library, result.segment_ids[0])[0] == ("typed", None, "然后是第二个部分")


def test_redo_of_a_split_still_works_after_other_imports(library, timed, tmp_path):
    # Undo frees the split's new rows; segments imported meanwhile must not take their ids.
    sid = segment_id(library, timed, 2)
    result = splitting.split_segment(library, sid, 3)
    split = table(library, timed)
    splitting.undo_split(library, result)
    other = tmp_path / "other.txt"
    other.write_text("又一个讲座的第一段。\n\n第二段。\n\n第三段。\n", encoding="utf-8")
    import_file(library, other)
    splitting.redo_split(library, result)
    assert table(library, timed) == split


def test_merge_joins_with_the_next_segment(library, timed):
    result = splitting.merge_segments(library, segment_id(library, timed, 1))
    merged, last = table(library, timed)
    assert merged[1:] == (1, "我们先看第一张图然后是第二部分", None, 1000, 12000, "王老师", ("开场", "方法"))
    assert merged[0] == result.segment_id
    assert last[1:3] == (2, "最后总结")


def test_merge_puts_a_space_only_between_latin_words(library, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("# t\n\nscaling\n\nlaw 很重要\n\n对吧\n", encoding="utf-8")
    tid = import_file(library, path).transcripts[0].id
    splitting.merge_segments(library, segment_id(library, tid, 1))
    splitting.merge_segments(library, segment_id(library, tid, 1))
    assert [r.raw for r in rows(library, tid)] == ["scaling law 很重要对吧"]


def test_merge_keeps_corrections_of_either_part(library, transcript):
    edits.set_correction(library, segment_id(library, transcript, 2), "今天我们讲大语言模型。")
    shown = {"大家好呃，我是DALI的作者。": "大家好，我是DALI的作者。"}
    splitting.merge_segments(
        library, segment_id(library, transcript, 1), text_of=lambda segments: [s.correction or shown.get(s.raw, s.raw) for s in segments]
    )
    assert rows(library, transcript)[0].correction == "大家好，我是DALI的作者。今天我们讲大语言模型。"


def test_merge_of_the_last_segment_is_refused(library, transcript):
    with pytest.raises(UserError, match="last segment"):
        splitting.merge_segments(library, segment_id(library, transcript, 3))


def test_merge_undo_redo_round_trips_exactly(library, timed):
    first, second = segment_id(library, timed, 1), segment_id(library, timed, 2)
    edits.set_correction(library, second, "然后是第二个部分")
    original = table(library, timed)
    result = splitting.merge_segments(library, first)
    merged = table(library, timed)
    for _ in range(3):
        splitting.undo_merge(library, result)
        assert table(library, timed) == original
        splitting.redo_merge(library, result)
        assert table(library, timed) == merged
    splitting.undo_merge(library, result)
    # Each part has its own history back, and the merge and its undoing are on record.
    assert revisions(library, second)[0] == ("typed", None, "然后是第二个部分")
    assert [origin for origin, _, _ in revisions(library, first)][-2:] == ["merge", "undo merge"]


def test_undo_refuses_when_the_segment_changed_since(library, timed):
    result = splitting.merge_segments(library, segment_id(library, timed, 1))
    edits.set_correction(library, result.segment_id, "别人的修改")
    before = table(library, timed)
    with pytest.raises(UserError, match="changed since"):
        splitting.undo_merge(library, result)
    assert table(library, timed) == before


def test_many_splits_and_merges_never_change_the_transcripts_raw_text(library, tmp_path):
    path = tmp_path / "long.txt"
    paragraphs = ["第一段的内容比较长一些。", "第二段。", "第三段也有一些字。", "第四段结束。"]
    path.write_text("# t\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    tid = import_file(library, path).transcripts[0].id
    for position, offset in [(1, 3), (2, 4), (4, 1), (5, 2)]:
        splitting.split_segment(library, segment_id(library, tid, position), offset)
    for position in (6, 3, 1, 1):
        splitting.merge_segments(library, segment_id(library, tid, position))
    after = rows(library, tid)
    assert [r.position for r in after] == list(range(1, len(after) + 1))
    assert "".join(r.raw for r in after) == "".join(paragraphs)
    with library.read() as session:
        assert session.scalar(select(func.count()).select_from(Segment)) == len(after)


# ----------------------------------------------------------------- find and replace


def test_find_reports_positions_and_offsets(library, transcript):
    matches = replacing.find(library, "大圆模型")
    assert [(m.position, m.start, m.end) for m in matches] == [(2, 5, 9), (2, 10, 14)]
    assert replacing.find(library, "dali", case_sensitive=True) == []
    assert [m.position for m in replacing.find(library, "dali")] == [1]
    assert [(m.start, m.end) for m in replacing.find(library, r"大.模型", regex=True, transcript_id=transcript)] == [(5, 9), (10, 14)]


def test_find_searches_the_text_the_reader_shows(library, transcript):
    assert replacing.find(library, "呃") != []
    assert replacing.find(library, "呃", text_of=lambda segments: [s.raw.replace("呃", "") for s in segments]) == []


@pytest.mark.parametrize("pattern, why", [("(", "not a valid regular expression"), ("a*", "matches empty text"), ("", "empty")])
def test_broken_patterns_are_user_errors(library, transcript, pattern, why):
    with pytest.raises(UserError, match=why):
        replacing.find(library, pattern, regex=True)


def test_runaway_regex_stops_with_a_clear_error(library, tmp_path, monkeypatch):
    monkeypatch.setattr(replacing, "MATCH_TIMEOUT_S", 0.2)
    path = tmp_path / "a.txt"
    path.write_text("# t\n\n" + "a" * 40 + "!\n", encoding="utf-8")
    import_file(library, path)
    with pytest.raises(UserError, match="takes too long"):
        replacing.find(library, "(a|aa)+$", regex=True)
    with pytest.raises(UserError, match="takes too long"):
        replacing.replace_all(library, "(a|aa)+$", "b", regex=True)


def test_replace_all_corrects_every_match_and_undoes_as_one_step(library, transcript):
    original = table(library, transcript)
    batch = replacing.replace_all(library, "大圆模型", "大语言模型", author="校对员")
    assert [(item.position, item.old, item.new) for item in batch.items] == [(2, None, "今天我们讲大语言模型，大语言模型很有用。")]
    assert revisions(library, batch.items[0].segment_id) == [("replace-all", None, "今天我们讲大语言模型，大语言模型很有用。")]
    replaced = table(library, transcript)
    for _ in range(2):
        replacing.apply_batch(library, batch, reverse=True)
        assert table(library, transcript) == original
        replacing.apply_batch(library, batch)
        assert table(library, transcript) == replaced


def test_replace_all_regex_groups_and_literal_backslashes(library, transcript):
    replacing.replace_all(library, r"大(.)模型", r"大\1\1模型", regex=True)
    assert rows(library, transcript)[1].correction == "今天我们讲大圆圆模型，大圆圆模型很有用。"
    replacing.replace_all(library, "DALI", r"\1")
    assert rows(library, transcript)[0].correction == r"大家好呃，我是\1的作者。"
    with pytest.raises(UserError, match="does not fit"):
        replacing.replace_all(library, "谢谢", r"\2", regex=True)


def test_replace_all_failing_midway_changes_nothing(library, transcript):
    before = table(library, transcript)
    seen = []

    def text_of(segments):
        for segment in segments:
            seen.append(segment.position)
            if len(seen) == 3:
                raise RuntimeError("the cleaner failed")
        return [segment.raw for segment in segments]

    with pytest.raises(RuntimeError):
        replacing.replace_all(library, "。", "！", text_of=text_of)
    assert seen == [1, 2, 3]
    assert table(library, transcript) == before
    with library.read() as session:
        assert session.scalar(select(func.count()).select_from(Revision)) == 0


def test_undoing_a_replace_all_refuses_to_overwrite_a_later_edit(library, transcript):
    batch = replacing.replace_all(library, "大圆模型", "大语言模型")
    edits.set_correction(library, batch.items[0].segment_id, "后来的修改")
    with pytest.raises(UserError, match="changed since"):
        replacing.apply_batch(library, batch, reverse=True)
    assert rows(library, transcript)[1].correction == "后来的修改"


def test_undo_stack_order_correct_part_then_undo_both(library, timed):
    """An undo stack undoes a correction of a part before the split itself."""
    original = table(library, timed)
    result = splitting.split_segment(library, segment_id(library, timed, 2), 3)
    change = edits.set_correction(library, result.segment_ids[1], "第二部分！")
    edits.set_correction(library, change.segment_id, change.old, origin="undo")
    splitting.undo_split(library, result)
    assert table(library, timed) == original


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.booleans(), st.integers(1, 20), st.integers(1, 20)), min_size=1, max_size=6))
def test_any_run_of_splits_and_merges_undoes_back_to_the_import(library, timed, steps):
    """Undoing every step, newest first, restores the transcript exactly; redoing them, oldest first, too."""
    original = table(library, timed)
    raw_text = "".join(r[2] for r in original)
    done = []
    for is_split, position, offset in steps:
        current = rows(library, timed)
        segment = current[(position - 1) % len(current)]
        if is_split and len(segment.raw) > 1:
            result = splitting.split_segment(library, segment.id, 1 + offset % (len(segment.raw) - 1))
            done.append((splitting.undo_split, splitting.redo_split, result))
        elif not is_split and segment.position < len(current):
            done.append((splitting.undo_merge, splitting.redo_merge, splitting.merge_segments(library, segment.id)))
        assert "".join(r.raw for r in rows(library, timed)) == raw_text
    final = table(library, timed)
    for undo, _, result in reversed(done):
        undo(library, result)
    assert table(library, timed) == original
    for _, redo, result in done:
        redo(library, result)
    assert table(library, timed) == final
    for undo, _, result in reversed(done):
        undo(library, result)
