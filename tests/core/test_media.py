"""What a recording is (the header check), its fingerprint, and times as people write them."""

import os

import pytest

from reader.core import media
from reader.core.errors import UserError
from reader.core.timecode import format_time, parse_time
from tests.media_files import write_tone


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "wav"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "mp3"),
        (b"\xff\xfb\x90\x64\x00\x00", "mp3"),  # an MPEG-1 layer III frame, no tag
        (b"\xff\xf1\x50\x80\x02\x1f", "aac"),  # ADTS
        (b"fLaC\x00\x00\x00\x22", "flac"),
        (b"OggS\x00\x02\x00\x00", "ogg"),
        (b"\x00\x00\x00\x20ftypM4A \x00\x00", "mp4"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00", "mp4"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", "matroska"),
    ],
)
def test_recordings_are_known_by_their_first_bytes(head, kind):
    assert media.container(head) == kind


@pytest.mark.parametrize("head", [b"# \xe6\xa0\x87\xe9\xa2\x98\n", b"\x89PNG\r\n\x1a\n", b"1\n00:00:01,000 --> ", b"\xff\xff\xff\xff", b""])
def test_other_files_are_not_recordings(head):
    assert media.container(head) is None


def test_a_missing_empty_or_wrong_file_is_refused_in_one_line(tmp_path):
    (tmp_path / "empty.wav").write_bytes(b"")
    (tmp_path / "talk.wav").write_text("第一段。", encoding="utf-8")
    for name, why in [("nope.wav", "no such file"), ("empty.wav", "is empty"), ("talk.wav", "not an audio or video file")]:
        with pytest.raises(UserError, match=why) as caught:
            media.check_recording(tmp_path / name)
        assert "\n" not in str(caught.value)
    with pytest.raises(UserError, match="folder"):
        media.check_recording(tmp_path)
    assert media.check_recording(write_tone(tmp_path / "tone.wav")) == "wav"


def test_the_fingerprint_follows_a_moved_file_and_tells_another_apart(tmp_path):
    first = media.fingerprint(write_tone(tmp_path / "a.wav", frequency=440))
    os.rename(tmp_path / "a.wav", tmp_path / "b.wav")
    assert media.fingerprint(tmp_path / "b.wav") == first
    assert media.fingerprint(write_tone(tmp_path / "c.wav", frequency=660)) != first
    assert first.size == os.path.getsize(tmp_path / "b.wav")


@pytest.mark.parametrize(
    ("text", "ms"),
    [("0", 0), ("83.45", 83_450), ("1:23.5", 83_500), ("0:01:23.450", 83_450), ("1:00:00", 3_600_000), ("2,5", 2_500)],
)
def test_times_are_read_as_people_write_them(text, ms):
    assert parse_time(text) == ms


@pytest.mark.parametrize("text", ["", "abc", "1:75", "-3", "1:2:3:4", "100:00:00"])
def test_a_wrong_time_is_refused(text):
    with pytest.raises(UserError):
        parse_time(text)


def test_times_are_written_back():
    assert format_time(83_450) == "0:01:23.450"
    assert format_time(3_723_000, short=True) == "1:02:03"
    assert format_time(83_450, short=True) == "1:23"
    assert parse_time(format_time(4_000_001)) == 4_000_001
