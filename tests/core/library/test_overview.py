"""Speaker shares, topic counts and keyword suggestions as the overview shows them."""

import pytest

from reader.core.errors import UserError
from reader.core.library import edits, import_file, tagging, transcript_segments
from reader.core.library.overview import CONVERSATION_NOUNS, spoken_chars, suggest_topics, transcript_overview
from reader.core.text import fillers

TALK = """# 小会

大家好，我是主持人。

嗯，我来讲讲语音识别。

![](img/a.png)

语音识别的错误很多。

谢谢！
"""


@pytest.fixture
def talk(library, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(TALK, encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def ids(lib, transcript, first, last=None):
    return tagging.segment_ids_between(lib, transcript, first, last)


def test_spoken_characters_leave_out_punctuation_and_spaces():
    assert spoken_chars("大家好， 我是 AI。") == 7


def test_shares_count_spoken_characters_per_speaker_in_order_of_appearance(library, talk):
    # Segments: 1 大家好，我是主持人。 2 嗯，我来讲讲语音识别。 3 image 4 语音识别的错误很多。 5 谢谢！
    tagging.assign_speaker(library, ids(library, talk, 2, 4), "王老师")
    tagging.assign_speaker(library, ids(library, talk, 1), "主持人")
    found = transcript_overview(library, talk)
    rows = [(s.speaker.name if s.speaker else None, s.segments, s.chars) for s in found.speakers]
    assert rows == [("主持人", 1, 8), ("王老师", 2, 9 + 9), (None, 1, 2)]
    assert found.chars == 8 + 18 + 2 and found.segments == 4  # the image is no talk
    assert [round(s.percent, 1) for s in found.speakers] == [round(100 * 8 / 28, 1), round(100 * 18 / 28, 1), round(100 * 2 / 28, 1)]


def test_a_correction_counts_instead_of_the_raw_text(library, talk):
    tagging.assign_speaker(library, ids(library, talk, 1), "主持人")
    edits.set_correction(library, ids(library, talk, 1)[0], "大家好。")
    assert transcript_overview(library, talk).speakers[0].chars == 3


def test_topics_count_their_segments(library, roundtable):
    tagging.tag_topic(library, ids(library, roundtable, 1, 4), "开场")
    tagging.tag_topic(library, ids(library, roundtable, 3, 10), "嘉宾介绍")
    found = transcript_overview(library, roundtable)
    assert [(t.topic.name, t.segments) for t in found.topics] == [("开场", 4), ("嘉宾介绍", 8)]


def test_unlabelled_roundtable_is_all_one_share_and_shares_add_up(library, roundtable):
    assert [(s.speaker, round(s.percent)) for s in transcript_overview(library, roundtable).speakers] == [(None, 100)]
    for index, name in enumerate(("甲", "乙", "丙")):
        tagging.assign_speaker(library, ids(library, roundtable, 1 + 20 * index, 10 + 20 * index), name)
    shares = transcript_overview(library, roundtable).speakers
    assert sum(s.percent for s in shares) == pytest.approx(100)
    assert sum(s.segments for s in shares) == len([r for r in transcript_segments(library, roundtable)[1] if r.kind == "text"])


def test_overview_of_a_missing_transcript_is_a_user_error(library):
    with pytest.raises(UserError, match="transcript 42: no such transcript"):
        transcript_overview(library, 42)


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_suggestions_are_topic_words_not_fillers_numbers_or_single_characters(library, roundtable, method):
    found = suggest_topics(library, transcript_id=roundtable, method=method)
    assert 0 < len(found) <= 8
    text = "".join(r.raw for r in transcript_segments(library, roundtable)[1])
    for word in found:
        assert word in text
        assert len(word) > 1 and not word.isdigit()
        assert word not in CONVERSATION_NOUNS
        assert not any(f in word for f in fillers.DEFAULT_FILLERS)


def test_suggestions_for_a_selection_come_from_its_text_and_skip_topics_it_has(library, roundtable):
    selection = ids(library, roundtable, 40, 60)
    found = suggest_topics(library, segment_ids=selection, limit=5)
    text = "".join(r.raw for r in transcript_segments(library, roundtable)[1][39:60])
    assert found and all(word in text for word in found)
    tagging.tag_topic(library, selection, found[0])
    assert found[0] not in suggest_topics(library, segment_ids=selection, limit=5)


def test_suggestions_of_a_transcript_without_text_are_empty(library, tmp_path):
    path = tmp_path / "pictures.txt"
    path.write_text("# 图\n\n![](img/a.png)\n", encoding="utf-8")
    transcript = import_file(library, path).transcripts[0].id
    assert suggest_topics(library, transcript_id=transcript) == []
