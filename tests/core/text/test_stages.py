"""Each stage on its own and switched off, to the examples of CLEANING.md."""

import pytest

from reader.core.errors import UserError
from reader.core.text import Cleaner, CleanSettings, Rule, format_rules_tsv, parse_rules_tsv
from reader.core.text.fillers import remove_fillers
from reader.core.text.punctuation import tidy
from reader.core.text.script import convert, converter
from reader.core.text.spacing import space
from reader.core.text.stutters import HAN_CHAR, _is_han, collapse_stutters


def only(stage: str, **settings) -> Cleaner:
    """A cleaner with every stage but `stage` off."""
    flags = dict(fillers=False, stutters=False, rules=False, punctuation=False, spacing=False, script="keep")
    flags.update({stage: True} if stage != "script" else {}, **settings)
    return Cleaner(CleanSettings(**flags))


# script


def test_traditional_becomes_simplified_by_default(cleaner):
    assert cleaner.clean("這是一個好問題，謝謝你的精彩資訊").text == "这是一个好问题，谢谢你的精彩资讯"


@pytest.mark.parametrize(
    ("target", "raw", "expected"),
    [("traditional", "这是一个问题", "這是一個問題"), ("taiwan", "为什么", "為什麼"), ("hongkong", "里面", "裏面")],
)
def test_other_targets(target, raw, expected):
    assert convert(raw, target)[0] == expected


def test_text_already_in_target_script_is_unchanged():
    assert convert("这是一个问题", "simplified") == ("这是一个问题", [])
    assert convert("這是一個問題", "traditional") == ("這是一個問題", [])


def test_keep_leaves_the_script_alone():
    assert only("script", script="keep").clean("這是").text == "這是"


def test_converters_are_built_once():
    assert converter("simplified") is converter("simplified")


def test_script_edits_cover_only_changed_characters():
    _text, edits = convert("我認為OK", "simplified")
    assert [(e.start, e.end, e.replacement) for e in edits] == [(1, 3, "认为")]


# fillers


def test_hesitation_sounds_go_and_particles_stay():
    assert remove_fillers("然后呃整个领域嗯进展也非常快啊")[0] == "然后整个领域进展也非常快啊"


@pytest.mark.parametrize("word", ["额外", "金额", "名额", "余额"])
def test_e_inside_a_word_stays(word):
    assert remove_fillers(f"在{word}的计算方面")[0] == f"在{word}的计算方面"


def test_e_on_its_own_goes():
    assert remove_fillers("就是这个额视觉肯定是AI的")[0] == "就是这个视觉肯定是AI的"


def test_latin_hesitations_go_as_whole_words_only():
    assert remove_fillers("so uh we tried, Emmm, an umbrella, umm")[0] == "so we tried,, an umbrella,"
    assert remove_fillers("uhura umami")[0] == "uhura umami"


def test_latin_hesitation_leaves_tidy_punctuation(cleaner):
    assert cleaner.clean("so uh we tried, Emmm, an umbrella").text == "so we tried, an umbrella"


def test_filler_list_is_the_users():
    settings = CleanSettings(filler_words=("那个",), punctuation=False)
    assert Cleaner(settings).clean("呃那个模型").text == "呃模型"


def test_fillers_off(cleaner):
    assert only("stutters").clean("我呃我").text == "我呃我"


# stutters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("我我我", "我"),
        ("介介介绍", "介绍"),
        ("这个这个", "这个"),
        ("下一个下一个问题", "下一个问题"),
        ("是的是的是的", "是的"),
        ("我我们这这我们这个", "我们这个"),
        ("谢谢谢谢大家", "谢谢大家"),
        ("可可以", "可以"),
        ("研究研究员", "研究员"),
        ("觉得觉得", "觉得"),
        ("就是就是", "就是"),
        ("然后然后", "然后"),
        ("所以所以", "所以"),
        ("因为因为", "因为"),
        ("评估一个一个系统", "评估一个系统"),
        ("叫叫叫叫，叫做", "叫，叫做"),
        # A doubled verb never describes a noun: before 的 + noun it is a stutter.
        ("训练训练的成本很高", "训练的成本很高"),
        # A verb after a word ending in it: a stutter where no doubling can stand.
        ("他说说得很好", "他说得很好"),
        ("我们就是说说，", "我们就是说，"),
        ("两者还是是有区别", "两者还是有区别"),
        ("只有有一些人来了", "只有一些人来了"),
    ],
)
def test_stutters_collapse(raw, expected):
    assert collapse_stutters(raw)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "谢谢你",
        "你看看这个",
        "他常常来",
        "刚刚到",
        "仅仅是",
        "等等",
        "哈哈，好",
        "往往如此",
        "渐渐明白",
        "很多很多人",
        "非常非常好",
        "特别特别快",
        "好多好多书",
        "切切实实",
        "许许多多",
        "研究研究",
        "考虑考虑吧",
        "一个一个去做",
        "一步一步地",
        "谢谢，谢谢",
        "客客气气地说",
        "中国国家博物馆",
        "我们会发现现在的问题",
        "我只是随便说说的",
        "再说说你的看法",
        "但是是的，我同意",
        "只有有的人才能做到",
        "然后打不了了，",
    ],
)
def test_words_and_deliberate_doubling_stay(text):
    assert collapse_stutters(text) == (text, [])


def test_stutters_keep_the_last_copy():
    _text, edits = collapse_stutters("介介介绍")
    assert [(e.start, e.end, e.replacement) for e in edits] == [(0, 2, "")]


def test_latin_and_digits_are_not_stutters():
    assert collapse_stutters("2020年 bye bye")[0] == "2020年 bye bye"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the the model", "the model"),
        ("The the model", "The model"),
        ("for for你的每一个任务", "for你的每一个任务"),
        ("deployed in in in in the current", "deployed in the current"),
        ("我 我 我觉得", "我觉得"),
        ("这个 这个模型", "这个模型"),
        ("我 我们", "我们"),
        # A reduplicated word survives its own stutter: the word once, never half of it.
        ("等等等等的", "等等的"),
        ("做安防等等等等的", "做安防等等的"),
        ("谢谢谢谢谢谢", "谢谢"),
    ],
)
def test_latin_spaced_and_reduplicated_stutters(raw, expected):
    assert collapse_stutters(raw)[0] == expected


@pytest.mark.parametrize(
    "text", ["bye bye", "papa", "so so", "the theme", "p s given y p p y given x", "中国 国家", "intern v l"]
)
def test_latin_and_spaced_words_that_stay(text):
    assert collapse_stutters(text) == (text, [])


def test_stutters_off():
    assert only("fillers").clean("我我我").text == "我我我"


# rules


def test_rules_literal_and_regex_longest_match_wins():
    rules = [
        Rule("CHRGBT", "ChatGPT"),
        Rule("大圆模型", "大语言模型"),
        Rule("大圆", "大元"),
        Rule(r"skating\s+low", "scaling law", is_regex=True),
    ]
    result = Cleaner(rules=rules).clean("CHRGBT和大圆模型的skating  low")
    assert result.text == "ChatGPT和大语言模型的scaling law"
    assert result.rule_hits == {rules[0]: 1, rules[1]: 1, rules[3]: 1}


def test_regex_rule_groups_and_case():
    rule = Rule(r"(\d+)B", r"\1 billion", is_regex=True, case_sensitive=False)
    assert Cleaner(rules=[rule]).clean("7b和13B").text == "7 billion和13 billion"


def test_rules_see_text_after_stutters():
    cleaner = Cleaner(rules=[Rule("大圆模型", "大语言模型")])
    assert cleaner.clean("能力的大圆模大圆模型啊").text == "能力的大语言模型啊"


def test_glossary_terms_are_never_collapsed():
    assert Cleaner().clean("今天那个莉莉娅来了").text == "今天那个莉娅来了"
    with_term = Cleaner(rules=[Rule("莉丽娅", "莉莉娅")])
    assert with_term.clean("今天那个莉莉娅来了").text == "今天那个莉莉娅来了"


def test_a_runaway_regex_rule_cannot_hang_the_view(monkeypatch):
    monkeypatch.setattr("reader.core.text.rules.MATCH_TIMEOUT_S", 0.05)
    runaway = Rule(r"(a|aa)+$", "x", is_regex=True)
    cleaner = Cleaner(rules=[runaway, Rule("CHRGBT", "ChatGPT")])
    # The other rules still apply; the runaway one is skipped on this text.
    assert cleaner.clean("CHRGBT" + "a" * 60 + "!").text == "ChatGPT" + "a" * 60 + "!"


def test_rules_off():
    rules = [Rule("CHRGBT", "ChatGPT")]
    assert Cleaner(CleanSettings(rules=False), rules).clean("CHRGBT").text == "CHRGBT"


@pytest.mark.parametrize(
    ("pattern", "is_regex"), [("", False), ("(", True), ("a*", True)]
)
def test_bad_rules_are_refused_with_a_message(pattern, is_regex):
    with pytest.raises(UserError):
        Rule(pattern, "x", is_regex=is_regex)


def test_bad_regex_replacement_is_refused():
    with pytest.raises(UserError, match="replacement"):
        Rule("(a)", r"\2", is_regex=True)


# punctuation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("，我们", "我们"),
        ("然后，，我们", "然后，我们"),
        ("可能是，。", "可能是。"),
        ("好。，我们", "好。我们"),
        ("然后，", "然后，"),
        ("，。", ""),
        ("1,000 个", "1,000 个"),
        ("我。，。", "我。"),  # the full stop the run kept would follow the first one
        ("对？，。。好", "对？好"),
    ],
)
def test_punctuation_tidy(raw, expected):
    assert tidy(raw)[0] == expected


def test_punctuation_after_removals(cleaner):
    assert cleaner.clean("呃，我们").text == "我们"
    assert cleaner.clean("你能想出，嗯，").text == "你能想出，"
    assert cleaner.clean("嗯。").text == ""
    once = cleaner.clean("我。嗯，嗯。").text
    assert once == "我。" and cleaner.clean(once).text == once


def test_punctuation_off():
    assert only("fillers").clean("呃，我们").text == "，我们"


# spacing


def test_spacing_is_off_by_default(cleaner):
    assert cleaner.clean("用GPT4模型").text == "用GPT4模型"


def test_spacing_between_cjk_and_latin_or_digits():
    assert space("用GPT4模型和2个A100")[0] == "用 GPT4 模型和 2 个 A100"
    assert space("用 GPT4 模型") == ("用 GPT4 模型", [])


# settings


def test_settings_are_hashable_and_checked():
    assert hash(CleanSettings()) == hash(CleanSettings())
    with pytest.raises(UserError):
        CleanSettings(script="klingon")


def test_rules_tsv_round_trip():
    rules = [Rule("CHRGBT", "ChatGPT"), Rule(r"(\d+)B", r"\1 billion", is_regex=True)]
    text = format_rules_tsv(rules)
    assert text == "CHRGBT\tChatGPT\n(\\d+)B\t\\1 billion\tregex\n"
    assert parse_rules_tsv(text.splitlines(keepends=True)) == rules


def test_rules_tsv_refuses_what_it_cannot_hold():
    with pytest.raises(UserError, match="tab or line break"):
        format_rules_tsv([Rule("a\tb", "c")])


def test_traditional_target_is_a_fixed_point():
    once = convert("为了解释这个问题", "traditional")[0]
    assert convert(once, "traditional") == (once, [])


def test_a_mark_takes_the_readers_script_and_nothing_else():
    assert Cleaner().clean_mark("(掌聲)").text == "(掌声)"
    assert Cleaner(CleanSettings(script="traditional")).clean_mark("(掌声)").text == "(掌聲)"
    assert Cleaner(CleanSettings(script="keep")).clean_mark("(掌聲)").text == "(掌聲)"
    # No speech in it: fillers, stutters and rules leave it alone.
    assert Cleaner(rules=[Rule("英文", "English")]).clean_mark("(嗯嗯，英文)").text == "(嗯嗯，英文)"


def test_the_quick_chinese_character_test_agrees_with_the_pattern():
    # stutters tests each unit's last character by comparisons, for speed: the same ranges as HAN.
    assert all(_is_han(ch) == bool(HAN_CHAR.match(ch)) for ch in map(chr, range(0x10000)))
