"""What the view needs beside the cleaned string: edits, removed and changed spans, offsets."""

from reader.core.text import Cleaner, Rule


def test_removed_raw_spans_name_their_stage(cleaner):
    raw = "我我我很呃高兴"
    result = cleaner.clean(raw)
    assert result.text == "我很高兴"
    assert result.raw_spans_removed() == [(0, 2, "stutters"), (4, 5, "fillers")]


def test_offsets_travel_both_ways(cleaner):
    raw = "呃，我我很高兴"
    result = cleaner.clean(raw)
    assert result.text == "我很高兴"
    assert [result.to_raw(i) for i in range(len(result.text) + 1)] == [3, 4, 5, 6, 7]
    assert result.to_clean(0) == 0  # removed text maps to where it would have been
    assert result.to_clean(4) == 1
    assert result.to_clean(len(raw)) == len(result.text)


def test_script_conversion_keeps_exact_positions(cleaner):
    result = cleaner.clean("我認為很好")
    assert result.text == "我认为很好"
    assert result.clean_spans_changed() == [(1, 3, "script")]
    assert [result.to_raw(i) for i in range(5)] == [0, 1, 2, 3, 4]


def test_a_rule_replacement_maps_to_the_text_it_replaced():
    result = Cleaner(rules=[Rule("CHRGBT", "ChatGPT")]).clean("用呃CHRGBT写")
    assert result.text == "用ChatGPT写"
    assert result.clean_spans_changed() == [(1, 8, "rules")]
    assert result.to_raw(1) == 2
    assert result.to_raw(8) == 8
    assert result.to_clean(3) == 1
    assert result.rule_hits == {Rule("CHRGBT", "ChatGPT"): 1}


def test_edits_are_given_in_raw_offsets(cleaner):
    result = cleaner.clean("這個呃這個問題")
    assert result.text == "这个问题"
    assert [(e.start, e.end, e.replacement, e.stage) for e in result.edits] == [
        (0, 2, "这个", "script"),
        (3, 7, "这个问题", "script"),
        (2, 3, "", "fillers"),
        (0, 3, "", "stutters"),  # the first copy, as the raw text has it: 這個呃
    ]
    assert result.raw_spans_removed() == [(0, 2, "stutters"), (2, 3, "fillers")]


def test_nothing_to_clean_means_no_edits(cleaner):
    result = cleaner.clean("今天天气很好。")
    assert result.text == "今天天气很好。"
    assert result.edits == [] and result.raw_spans_removed() == [] and result.clean_spans_changed() == []
    assert result.to_raw(3) == 3 and result.to_clean(3) == 3
