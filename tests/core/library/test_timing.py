"""Times given, tapped and estimated; split and merge keep them sensible; recordings attached and found again."""

import itertools
import os

import pytest
from sqlalchemy import select

from reader.core.errors import UserError
from reader.core.library import edits, import_file, recordings, splitting, timing, transcript_segments
from reader.core.library.models import Revision
from tests.media_files import write_tone

TEXT = "第一段话，大家好。\n\n第二段，今天讲语音识别。\n\n短。\n\n第四段，讲完了，谢谢大家。\n\n第五段最后。\n"


@pytest.fixture
def untimed(library, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(TEXT, encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def _ids(library, transcript_id):
    return [s.id for s in transcript_segments(library, transcript_id)[1]]


def _times(library, transcript_id):
    return [(s.start_ms, s.end_ms, s.time_estimated) for s in transcript_segments(library, transcript_id)[1]]


def test_rows_between_two_tapped_rows_are_estimated_by_their_characters(library, untimed):
    ids = _ids(library, untimed)
    timing.set_time(library, ids[0], 0)
    change = timing.set_time(library, ids[4], 10_000)
    times = _times(library, untimed)
    assert times[0] == (0, None, False) and times[4] == (10_000, None, False)
    assert all(estimated for _, _, estimated in times[1:4])
    starts = [start for start, _, _ in times]
    assert starts == sorted(starts)
    # The one-character row gets the shortest share of the time.
    shares = [b - a for a, b in itertools.pairwise(starts)]
    assert shares[2] == min(shares)
    assert {item.segment_id for item in change.items} == set(ids[1:5])


def test_tapping_an_estimated_row_makes_it_given_and_estimates_again_around_it(library, untimed):
    ids = _ids(library, untimed)
    timing.set_time(library, ids[0], 0)
    timing.set_time(library, ids[4], 10_000)
    timing.set_time(library, ids[2], 8_000)
    times = _times(library, untimed)
    assert times[2] == (8_000, None, False)
    assert times[1][2] and 0 < times[1][0] < 8_000 and times[3][2] and 8_000 < times[3][0] < 10_000


def test_every_time_change_is_a_revision_and_undoes_exactly(library, untimed):
    ids = _ids(library, untimed)
    before = _times(library, untimed)
    first = timing.set_time(library, ids[0], 500)
    second = timing.set_time(library, ids[3], 6_000)
    after = _times(library, untimed)
    with library.read() as session:
        origins = session.scalars(select(Revision.origin).where(Revision.segment_id.in_(ids))).all()
    assert origins.count("time") == 2 and origins.count("time-estimated") == 2
    timing.apply_times(library, second, reverse=True)
    timing.apply_times(library, first, reverse=True)
    assert _times(library, untimed) == before
    timing.apply_times(library, first)
    timing.apply_times(library, second)
    assert _times(library, untimed) == after
    with pytest.raises(UserError, match="changed since"):
        timing.apply_times(library, first)


def test_times_go_in_order(library, untimed):
    ids = _ids(library, untimed)
    timing.set_time(library, ids[2], 5_000)
    with pytest.raises(UserError, match="segment 3 starts later"):
        timing.set_time(library, ids[4], 4_000)
    with pytest.raises(UserError, match="must come after the start"):
        timing.set_time(library, ids[0], 3_000, 2_000)


def test_moving_a_start_moves_the_end_before_it_that_ended_there(library, tmp_path):
    path = tmp_path / "talk.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\n甲。\n\n2\n00:00:03,000 --> 00:00:05,000\n乙。\n", encoding="utf-8")
    transcript_id = import_file(library, path).transcripts[0].id
    ids = _ids(library, transcript_id)
    timing.set_time(library, ids[1], 3_400)
    assert _times(library, transcript_id) == [(1_000, 3_400, False), (3_400, 5_000, False)]


def test_split_shares_a_tapped_time_by_characters_and_merge_keeps_first_start_and_last_end(library, untimed):
    ids = _ids(library, untimed)
    timing.set_time(library, ids[0], 0)
    timing.set_time(library, ids[1], 9_000)  # row 1 ends where row 2 starts: 0..9 s over 9 characters
    result = splitting.split_segment(library, ids[0], 3)
    times = _times(library, untimed)
    assert times[0] == (0, None, False) and times[1] == (3_000, None, True)
    splitting.undo_split(library, result)
    merged = splitting.merge_segments(library, ids[0])
    assert _times(library, untimed)[0] == (0, None, False)  # ends where row 3 starts, as row 2 did
    splitting.undo_merge(library, merged)
    assert _times(library, untimed)[:2] == [(0, None, False), (9_000, None, False)]


def test_a_time_change_by_someone_else_does_not_make_their_text(library, untimed):
    ids = _ids(library, untimed)
    edits.set_correction(library, ids[0], "第一段，大家好。", author="alice")
    timing.set_time(library, ids[0], 100, author="bob")
    change = edits.set_correction(library, ids[0], "第一段：大家好。", author="alice", replace_others=False)
    assert change.changed


def test_a_recording_is_attached_found_again_after_a_move_and_detached(library, untimed, tmp_path):
    tone = write_tone(tmp_path / "talk.wav")
    assert recordings.attach(library, untimed, tone).outcome == "attached"
    os.rename(tone, tmp_path / "moved.wav")
    stored = recordings.recording_of(library, untimed)
    assert stored is not None and stored.missing
    again = recordings.attach(library, untimed, tmp_path / "moved.wav")
    assert again.outcome == "found again" and not again.missing
    other = write_tone(tmp_path / "other.wav", frequency=880)
    assert recordings.attach(library, untimed, other).outcome == "replaced"
    assert recordings.detach(library, untimed) is not None
    assert recordings.recording_of(library, untimed) is None
    assert other.exists()


def test_what_is_not_a_recording_is_refused_and_nothing_is_stored(library, untimed, tmp_path):
    (tmp_path / "notes.mp3").write_text("不是录音", encoding="utf-8")
    with pytest.raises(UserError, match="not an audio or video file"):
        recordings.attach(library, untimed, tmp_path / "notes.mp3")
    with pytest.raises(UserError, match="no such file"):
        recordings.attach(library, untimed, tmp_path / "gone.wav")
    assert recordings.recording_of(library, untimed) is None
