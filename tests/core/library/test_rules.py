"""Correction rules in the library: checked on entry, scoped, counted, shared as TSV."""

import pytest

from reader.core.errors import UserError
from reader.core.library import import_file, rules
from reader.core.text import Cleaner, CleanSettings


@pytest.fixture
def transcript(library, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text("# 讲座\n\n我们用CHRGBT和大圆模型做实验。\n\n大圆模型很好。\n", encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def summary(lib, transcript_id=None):
    return [
        (r.pattern, r.replacement, r.is_regex, r.case_sensitive, r.transcript_id, r.enabled) for r in rules.list_rules(lib, transcript_id)
    ]


def cleaned(lib, transcript_id, raw):
    return Cleaner(CleanSettings(), rules.text_rules(lib, transcript_id)).clean(raw)


def test_added_rules_are_listed_and_change_the_cleaned_text(library, transcript):
    rules.add_rule(library, "CHRGBT", "ChatGPT")
    rules.add_rule(library, "大圆模型", "大语言模型", transcript_id=transcript)
    assert summary(library) == [("CHRGBT", "ChatGPT", False, True, None, True), ("大圆模型", "大语言模型", False, True, transcript, True)]
    assert cleaned(library, transcript, "我们用CHRGBT和大圆模型做实验。").text == "我们用ChatGPT和大语言模型做实验。"
    # The transcript's own rule stays with it.
    assert [r.pattern for r in rules.text_rules(library, None)] == ["CHRGBT"]


def test_a_transcripts_own_rule_wins_over_a_global_one(library, transcript):
    rules.add_rule(library, "大圆模型", "大模型")
    rules.add_rule(library, "大圆模型", "大语言模型", transcript_id=transcript)
    assert cleaned(library, transcript, "大圆模型很好。").text == "大语言模型很好。"


def test_disabled_rules_are_not_applied(library, transcript):
    rule_id = rules.add_rule(library, "CHRGBT", "ChatGPT")
    rules.update_rule(library, rule_id, enabled=False)
    assert cleaned(library, transcript, "CHRGBT").text == "CHRGBT"
    rules.update_rule(library, rule_id, enabled=True)
    assert cleaned(library, transcript, "CHRGBT").text == "ChatGPT"


@pytest.mark.parametrize(
    "pattern, replacement, options, why",
    [
        ("", "x", {}, "empty"),
        ("(", "x", {"regex": True}, "not a valid regular expression"),
        ("a*", "x", {"regex": True}, "matches empty text"),
        ("(a)", r"\2", {"regex": True}, "bad replacement"),
        ("a\tb", "x", {}, "one line"),
        ("x", "y", {"transcript_id": 99}, "no such transcript"),
    ],
)
def test_unusable_rules_are_refused_and_nothing_is_stored(library, transcript, pattern, replacement, options, why):
    with pytest.raises(UserError, match=why):
        rules.add_rule(library, pattern, replacement, **options)
    assert rules.list_rules(library) == []


def test_a_second_rule_with_the_same_pattern_is_refused(library, transcript):
    first = rules.add_rule(library, "CHRGBT", "ChatGPT")
    with pytest.raises(UserError, match=f"rule {first} already"):
        rules.add_rule(library, "CHRGBT", "GPT")
    rules.add_rule(library, "CHRGBT", "GPT-4", transcript_id=transcript)  # another scope is fine


def test_update_checks_like_add(library, transcript):
    rule_id = rules.add_rule(library, "CHRGBT", "ChatGPT")
    assert rules.update_rule(library, rule_id, replacement="GPT").replacement == "GPT"
    with pytest.raises(UserError, match="not a valid regular expression"):
        rules.update_rule(library, rule_id, pattern="(", is_regex=True)
    assert summary(library) == [("CHRGBT", "GPT", False, True, None, True)]
    with pytest.raises(UserError, match="no such rule"):
        rules.update_rule(library, 99, replacement="x")


def test_remove_and_restore(library, transcript):
    rule_id = rules.add_rule(library, "CHRGBT", "ChatGPT")
    rules.count_hits(library)
    removed = rules.remove_rule(library, rule_id)
    assert removed.hits == 1
    assert rules.list_rules(library) == []
    rules.restore_rule(library, removed)
    assert rules.list_rules(library) == [removed]
    with pytest.raises(UserError, match="no such rule"):
        rules.remove_rule(library, 99)


def test_hits_count_where_each_rule_changes_the_automatic_text(library, transcript, tmp_path):
    own = rules.add_rule(library, "大圆模型", "大语言模型", transcript_id=transcript)
    shadowed = rules.add_rule(library, "大圆模型", "大模型")
    other = rules.add_rule(library, "CHRGBT", "ChatGPT")
    off = rules.add_rule(library, "实验", "试验")
    rules.update_rule(library, off, enabled=False)
    elsewhere = tmp_path / "other.txt"
    # In traditional script the raw text does not hold the pattern; the view (simplified) does.
    elsewhere.write_text("# 另一场\n\n大圆模型和大圓模型。\n", encoding="utf-8")
    import_file(library, elsewhere)
    # The transcript's own rule hits it twice; the global one hits the other talk twice.
    assert rules.count_hits(library) == {own: 2, shadowed: 2, other: 1, off: 0}
    assert {r.id: r.hits for r in rules.list_rules(library)} == {own: 2, shadowed: 2, other: 1, off: 0}
    # A correction replaces the automatic text: rules no longer reach that segment.
    from reader.core.library import edits, transcript_segments

    first = transcript_segments(library, transcript)[1][0]
    edits.set_correction(library, first.id, "我们用ChatGPT和大语言模型做实验。")
    assert rules.count_hits(library) == {own: 1, shadowed: 2, other: 0, off: 0}


def test_tsv_round_trip_into_another_library(library, transcript, tmp_path):
    from reader.core.library import open_library

    rules.add_rule(library, "CHRGBT", "ChatGPT")
    rules.add_rule(library, r"skating\s+low", "scaling law", regex=True)
    rules.add_rule(library, "dali", r"DALL\E", case_sensitive=False)
    rules.update_rule(library, rules.add_rule(library, "关掉的", "规则"), enabled=False)
    rules.add_rule(library, "大圆模型", "大语言模型", transcript_id=transcript)
    path = tmp_path / "rules.tsv"
    assert rules.export_tsv(library, path) == 1  # the disabled rule is left out
    other = open_library(str(tmp_path / "other.sqlite3"))
    try:
        assert rules.import_tsv(other, path) == 3
        assert rules.import_tsv(other, path) == 0  # nothing new the second time
        text = "我用chrgbt、CHRGBT和Dali，还有skating  low。"
        assert cleaned(other, None, text).text == cleaned(library, None, text).text == "我用chrgbt、ChatGPT和DALL\\E，还有scaling law。"
    finally:
        other.close()


def test_import_of_a_bad_file_changes_nothing(library, transcript, tmp_path):
    rules.add_rule(library, "CHRGBT", "ChatGPT")
    path = tmp_path / "bad.tsv"
    path.write_text("CHRGBT\tGPT\nskating low\tscaling law\n(\tx\tregex\n", encoding="utf-8")
    with pytest.raises(UserError, match="line 3"):
        rules.import_tsv(library, path)
    assert summary(library) == [("CHRGBT", "ChatGPT", False, True, None, True)]
    with pytest.raises(UserError, match="no such file"):
        rules.import_tsv(library, tmp_path / "missing.tsv")


def test_export_to_a_missing_folder_is_a_user_error(library, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        rules.export_tsv(library, tmp_path / "no" / "rules.tsv")


@pytest.mark.parametrize(
    "before, after, rule",
    [
        ("他说skating low很重要", "他说scaling law很重要", ("skating low", "scaling law")),
        ("我们用CHRGBT写代码", "我们用ChatGPT写代码", ("CHRGBT", "ChatGPT")),
        ("我们用大圆模型做的", "我们用大语言模型做的", ("大圆", "大语言")),
        ("一样的话", "一样的话", None),
        ("好", "好的", None),
    ],
)
def test_rule_from_correction_takes_whole_words(before, after, rule):
    assert rules.rule_from_correction(before, after) == rule


def test_a_rule_from_a_correction_makes_the_same_fix(library, transcript):
    pattern, replacement = rules.rule_from_correction("我们用CHRGBT和大圆模型做实验。", "我们用ChatGPT和大圆模型做实验。")
    rules.add_rule(library, pattern, replacement)
    assert cleaned(library, transcript, "CHRGBT真好用").text == "ChatGPT真好用"
