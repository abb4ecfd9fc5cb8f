"""Restarts across a separator (CLEANING.md stage 3): the false start goes, deliberate repeats stay."""

import pytest

from reader.core.text.restarts import collapse_restarts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("结果，结果是很顺利的", "结果是很顺利的"),
        ("我，我，我觉得", "我觉得"),
        ("大大，大家", "大家"),
        ("叫叫叫叫，叫做", "叫做"),
        ("我们用了一个大模，大模型来做", "我们用了一个大模型来做"),
        ("就是在这个训练，训练的过程中", "就是在这个训练的过程中"),
        ("我觉得可能应该大大，大家可能并不愿意", "我觉得可能应该大家可能并不愿意"),
        ("如果真的要做做，做到说是在同一时刻", "如果真的要做到说是在同一时刻"),
        ("是一个相对比较小规模的语言模，语言模型。", "是一个相对比较小规模的语言模型。"),
        ("我，呃，我觉得".replace("呃", ""), "我觉得"),  # the run a removed filler leaves
        ("the，the model", "the model"),
        ("然后，然后呢", "然后呢"),
        # Broken off on a word that waits for its noun (seeds/002), said again.
        ("通往AGI路上的一个，一个这个critical path", "通往AGI路上的一个这个critical path"),
        ("我觉得这是一个，一个很好的问题", "我觉得这是一个很好的问题"),
    ],
)
def test_false_starts_go(raw, expected):
    assert collapse_restarts(raw)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "谢谢，谢谢",
        "好，好",
        "对，对",
        "我们做了数据，我们做了模型",
        "我们先说数据，数据是一切的基础",
        "我们在做数据，数据是一切的基础",
        "他这个动态的，动态的数据就会往前去增加",
        "然后结，结果刚打了一两场",  # one character again is too often a coincidence
        "我们看到了中国，国家的发展",
        "哈哈，哈",
        "the，them",
        "100，1000",
        "Can make babies that，Can make babies。",
    ],
)
def test_repeats_that_are_meant_stay(text):
    assert collapse_restarts(text) == (text, [])


def test_the_false_start_and_its_separator_are_one_removal():
    _text, edits = collapse_restarts("结果，结果是很顺利的")
    assert [(e.start, e.end, e.replacement, e.stage) for e in edits] == [(0, 3, "", "stutters")]
    _text, edits = collapse_restarts("我们用了一个大模，大模型来做")
    assert [(e.start, e.end, e.replacement, e.stage) for e in edits] == [(6, 9, "", "stutters")]


def test_restarts_in_the_pipeline(cleaner):
    assert cleaner.clean("就说有有有一类叫叫叫叫，叫做是explicit这个memory啊，").text == "就说有一类叫做是explicit这个memory啊，"
    assert cleaner.clean("所所所所，所所以呢你只管压缩").text == "所以呢你只管压缩"
    # The stutter goes first, then the restart it hid.
    assert cleaner.clean("我我们，我们觉得").text == "我们觉得"
    result = cleaner.clean("大大，大家好")
    assert result.text == "大家好"
    assert result.raw_spans_removed() == [(0, 3, "stutters")]
