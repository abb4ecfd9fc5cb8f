"""Aligning two recognitions of one talk: groups in order, different chunking, dropped segments, differences."""

import random

import pytest

from reader.core.text import align
from reader.core.text.align import Group, align_segments, comparable

TALK = [
    "大家好，我是视频生成的负责人。",
    "今天我想谈谈一些观察，关于生成建模在过去几年里的发展。",
    "我们在二零二一年发布了一篇博客文章，",
    "规模很大的自回归变压器，文本与图像联合训练。",
    "最后效果还不错，模型能够将标题作为输入。",
    "把它转换成量化的图像补丁。",
    "谢谢大家。",
]


def spans(groups: list[Group]) -> list[tuple[list[int], list[int], str]]:
    return [(list(g.a), list(g.b), g.status) for g in groups]


def test_the_same_text_in_the_other_script_and_other_punctuation_is_the_same():
    traditional = ["大家好 我是視頻生成的負責人", "今天我想談談一些觀察 關於生成建模在過去幾年裏的發展"]
    groups = align_segments(TALK[:2], traditional)
    assert spans(groups) == [([0], [0], "same"), ([1], [1], "same")]


def test_variant_characters_of_the_two_scripts_are_no_difference():
    # OpenCC writes 想象 as 想像 in traditional, and 想像 back in simplified stays 想像.
    groups = align_segments(["然后我们要想象一下。"], ["然後我們要想像一下"])
    assert spans(groups) == [([0], [0], "same")]


def test_one_segment_meets_the_several_it_was_chunked_into():
    b = [TALK[0] + TALK[1], TALK[2], TALK[3][:6], TALK[3][6:], *TALK[4:]]
    assert spans(align_segments(TALK, b)) == [
        ([0, 1], [0], "same"), ([2], [1], "same"), ([3], [2, 3], "same"),
        ([4], [4], "same"), ([5], [5], "same"), ([6], [6], "same"),
    ]


def test_a_dropped_segment_is_one_sides_only():
    b = TALK[:3] + TALK[4:]
    assert spans(align_segments(TALK, b)) == [
        ([0], [0], "same"), ([1], [1], "same"), ([2], [2], "same"),
        ([3], [], "only"),
        ([4], [3], "same"), ([5], [4], "same"), ([6], [5], "same"),
    ]


def test_an_inserted_segment_at_the_start_is_the_other_sides_only():
    b = ["主持人：下面请欢迎我们的嘉宾上台", *TALK]
    groups = spans(align_segments(TALK, b))
    assert groups[0] == ([], [0], "only")
    assert groups[1:] == [([k], [k + 1], "same") for k in range(len(TALK))]


def test_a_planted_wording_difference_is_shown_as_both_wordings():
    b = list(TALK)
    b[3] = "规模很大的自回归转换器，文本与图像联合训练。"
    groups = align_segments(TALK, b)
    diff = [g for g in groups if g.status == "diff"]
    assert [(list(g.a), list(g.b)) for g in diff] == [([3], [3])]
    [difference] = diff[0].differences
    # The spans are the shown text's characters, ready to mark and to copy into a correction.
    assert (difference.a_text, difference.b_text) == ("变压", "转换")
    [a_span] = difference.a_spans
    assert TALK[3][a_span.start:a_span.end] == "变压"
    [b_span] = difference.b_spans
    assert (b_span.segment, b[3][b_span.start:b_span.end]) == (3, "转换")


def test_segments_with_no_words_join_the_group_before_them():
    a = [TALK[0], "![](img/1.png)", TALK[1], "(掌声)", TALK[2]]
    groups = align_segments(a, TALK[:3])
    assert spans(groups) == [([0, 1], [0], "same"), ([2, 3], [1], "same"), ([4], [2], "same")]


def test_inline_marks_and_latin_case_are_not_disagreements():
    assert comparable("(英文)，我是OpenAI的。").text == comparable("我是openai的").text


def test_every_segment_is_in_exactly_one_group_in_order():
    rng = random.Random(7)
    a = [rng.choice(TALK)[: rng.randint(3, 20)] for _ in range(60)]
    b = [s for s in a if rng.random() > 0.2]
    groups = align_segments(a, b)
    assert [k for g in groups for k in g.a] == list(range(len(a)))
    assert [k for g in groups for k in g.b] == list(range(len(b)))


@pytest.fixture
def lectures():
    """A long talk and its second recognition, chunked differently with a few words changed."""
    rng = random.Random(16)
    alphabet = "的是我们模型图像数据训练大家好这个那个什么语言视频生成规模学习"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4))) for _ in range(3000)]
    a, b = [], []
    k = 0
    while k < len(words):
        n = rng.randint(4, 12)
        a.append("，".join(words[k:k + n]))
        k += n
    text = "".join(a)
    k = 0
    while k < len(text):
        n = rng.randint(10, 60)
        b.append(text[k:k + n])
        k += n
    return a, b


def test_long_texts_are_aligned_between_anchors_with_the_same_groups(lectures, monkeypatch):
    a, b = lectures
    direct = align_segments(a, b)
    monkeypatch.setattr(align, "DIRECT_LIMIT", 2000 * 2000)
    monkeypatch.setattr(align, "ANCHOR_SPACING", 300)
    assert align.anchors(comparable("".join(a)).text, comparable("".join(b)).text)
    assert align_segments(a, b) == direct
    assert all(g.status == "same" for g in direct)
