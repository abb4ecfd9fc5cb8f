"""Stage 4, loops (CLEANING.md): a clause written again and again keeps one copy."""

import pytest

from reader.core.text import Cleaner, CleanSettings
from reader.core.text.loops import collapse_loops, repeats_previous

SEVEN_TIMES = "我们学习标记的方式也改变了，" * 7


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("对，对，对", "对"),
        ("好。好。好。", "好。"),
        ("是啊，是啊，是啊，是啊，我想是的。", "是啊，我想是的。"),
        ("我们看到了视觉和现实的变化，我们看到了视觉和现实的变化。", "我们看到了视觉和现实的变化。"),
        (SEVEN_TIMES, "我们学习标记的方式也改变了，"),
        ("你可以用图片，来做出一些改变，来做出一些改变，来做出一些改变，在DALL-E里", "你可以用图片，来做出一些改变，在DALL-E里"),
        ("the model works，The model works，", "The model works，"),
    ],
)
def test_loops_keep_one_copy(raw, expected):
    assert collapse_loops(raw)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "谢谢，谢谢",
        "是啊，是啊",
        "好的，好的",
        "我们做了数据，我们做了模型",
        "(英文)，(英文)，(英文)，好",
        "对，不对，对",
    ],
)
def test_what_people_say_twice_stays(text):
    assert collapse_loops(text) == (text, [])


def test_loops_in_the_pipeline_are_marked_and_can_be_switched_off(cleaner):
    result = cleaner.clean("嗯对，对，对，这个问题")
    assert result.text == "对，这个问题"
    assert [(start, end, stage) for start, end, stage in result.raw_spans_removed()] == [(0, 1, "fillers"), (1, 5, "loops")]
    assert Cleaner(CleanSettings(loops=False)).clean("对，对，对").text == "对，对，对"


def test_cleaned_text_of_a_loop_is_stable(cleaner):
    once = cleaner.clean(SEVEN_TIMES).text
    assert cleaner.clean(once).text == once


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        ("我们学习标记的方式也改变了，", SEVEN_TIMES, True),
        ("我们学习标记的方式也改变了。", "我们学习标记的方式也改变了，", True),
        ("我们看到了视觉和现实的变化。", "是的，我们看到了视觉和现实的变化，然后呢", True),
        ("我们学习标记的方式也改变了，然后呢", "我们学习标记的方式也改变了，", False),
        ("是啊。", "是啊。", False),
        ("", "我们学习标记的方式也改变了", False),
        ("我们学习标记的方式", "", False),
    ],
)
def test_a_segment_that_only_repeats_the_previous_one(text, previous, expected):
    assert repeats_previous(text, previous) is expected
