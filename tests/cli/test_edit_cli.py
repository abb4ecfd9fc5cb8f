"""correct / revert / split / merge / rules as a script would use them."""

import pytest

from tests.cli.conftest import import_text

TALK = "# 讲座\n\n大家好，我们用CHRGBT做实验。\n\n大圆模型很好。\n\n谢谢大家。\n"


@pytest.fixture
def talk(run, tmp_path):
    return import_text(run, tmp_path, TALK)


def shown(run, transcript, *options):
    code, out, err = run("show", transcript, *options)
    assert code == 0 and err == []
    return [line.split("\t")[-1] for line in out]


def test_correct_then_revert_changes_what_show_prints(run, talk):
    assert run("correct", talk, 2, "大语言模型很好。") == (0, [], [])
    assert shown(run, talk, "--clean")[1] == "大语言模型很好。"
    assert shown(run, talk)[1] == "大圆模型很好。"  # the raw text stays
    assert run("revert", talk, 2) == (0, [], [])
    assert shown(run, talk, "--clean")[1] == "大圆模型很好。"
    code, _out, err = run("revert", talk, 2)
    assert code == 0 and err == [f"transcript-reader: warning: segment 2 of transcript {talk} has no correction; nothing to revert"]


def test_split_and_merge_renumber_positions(run, talk):
    assert run("split", talk, 1, 4) == (0, [], [])
    assert shown(run, talk) == ["大家好，", "我们用CHRGBT做实验。", "大圆模型很好。", "谢谢大家。"]
    assert run("merge", talk, 2) == (0, [], [])
    assert shown(run, talk) == ["大家好，", "我们用CHRGBT做实验。大圆模型很好。", "谢谢大家。"]
    _code, out, _ = run("show", talk)
    assert [line.split("\t")[0] for line in out] == ["1", "2", "3"]


@pytest.mark.parametrize(
    "args, message",
    [
        (("correct", 99, 1, "x"), "transcript 99: no such transcript"),
        (("correct", "{t}", 4, "x"), "position 4: transcript {t} has segments 1..3"),
        (("revert", "{t}", 0), "position 0: transcript {t} has segments 1..3"),
        (("split", "{t}", 3, 5), "offset 5: segment 3 of transcript {t} splits at 1..4 (it has 5 characters)"),
        (("split", "{t}", 3, 0), "offset 0: segment 3 of transcript {t} splits at 1..4 (it has 5 characters)"),
        (("merge", "{t}", 3), "segment 3 of transcript {t}: is the last segment; there is nothing after it to merge with"),
        (("rules", "remove", 7), "rule 7: no such rule (see `rules list`)"),
        (("rules", "add", "(", "x", "--regex"), "rule '(': not a valid regular expression"),
        (("rules", "add", "x", "y", "--transcript", 99), "transcript 99: no such transcript"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_changes_nothing(run, talk, args, message):
    before = (shown(run, talk), run("rules", "list"), run("list"))
    code, out, err = run(*(a.format(t=talk) if isinstance(a, str) else a for a in args))
    assert code == 1 and out == []
    assert len(err) == 1 and err[0].startswith("transcript-reader: error: " + message.format(t=talk))
    assert (shown(run, talk), run("rules", "list"), run("list")) == before


def test_wrong_usage_exits_2(run, talk):
    with pytest.raises(SystemExit) as exit_:
        run("split", talk, 1, "four")
    assert exit_.value.code == 2


def test_rules_add_list_apply_remove(run, talk):
    code, out, err = run("rules", "add", "CHRGBT", "ChatGPT")
    assert code == 0 and err == [] and out[0].isdigit()
    rule_id = out[0]
    code, out, _ = run("rules", "add", "大圆模型", "大语言模型", "--transcript", talk)
    own_id = out[0]
    code, out, _ = run("rules", "list")
    assert [line.split("\t") for line in out] == [
        [rule_id, "CHRGBT", "ChatGPT", "literal", "global", "on", "1"],
        [own_id, "大圆模型", "大语言模型", "literal", f"transcript {talk}", "on", "1"],
    ]
    assert shown(run, talk, "--clean")[:2] == ["大家好，我们用ChatGPT做实验。", "大语言模型很好。"]
    assert run("rules", "remove", rule_id) == (0, [], [])
    assert [line.split("\t")[0] for line in run("rules", "list")[1]] == [own_id]


def test_rules_export_import_round_trip(run, talk, tmp_path):
    run("rules", "add", "CHRGBT", "ChatGPT")
    run("rules", "add", r"skating\s+low", "scaling law", "--regex")
    run("rules", "add", "dali", "DALL-E", "--ignore-case")
    path = tmp_path / "rules.tsv"
    assert run("rules", "export", path) == (0, [], [])
    assert path.read_text(encoding="utf-8").splitlines() == [
        "CHRGBT\tChatGPT", "skating\\s+low\tscaling law\tregex", "(?i)dali\tDALL-E\tregex"
    ]
    _code, out, _err = run("rules", "export", "-")
    assert out == path.read_text(encoding="utf-8").splitlines()
    for line in run("rules", "list")[1]:
        run("rules", "remove", line.split("\t")[0])
    assert run("rules", "import", path) == (0, ["3"], [])
    assert run("rules", "import", path) == (0, ["0"], [])
    assert [line.split("\t")[1:4] for line in run("rules", "list")[1]] == [
        ["CHRGBT", "ChatGPT", "literal"],
        ["skating\\s+low", "scaling law", "regex"],
        ["(?i)dali", "DALL-E", "regex"],
    ]


def test_merge_joins_an_uncorrected_part_as_show_clean_prints_it(run, tmp_path):
    path = tmp_path / "fillers.txt"
    path.write_text("# 讲座\n\n大圆模型很好。\n\n呃，那个，我们开始吧。\n", encoding="utf-8")
    talk = run("import", path)[1][0].split("\t")[0]
    assert run("correct", talk, 1, "大语言模型很好。") == (0, [], [])
    second = shown(run, talk, "--clean")[1]
    assert "呃" not in second
    assert run("merge", talk, 1) == (0, [], [])
    assert shown(run, talk, "--clean") == ["大语言模型很好。" + second]


LOOPED = "# 循环\n\n大家刚刚都已经这个。\n\n听过他们的精彩的报告了。\n\n我们学习标记的方式也改变了。\n\n我们学习标记的方式也改变了。\n"


def test_show_clean_reads_each_segment_between_its_neighbours_and_merge_keeps_the_join(run, tmp_path):
    talk = import_text(run, tmp_path, LOOPED, "looped.txt")
    # The false chunk end runs on into the next line; the repeat of segment 3 prints empty.
    assert shown(run, talk, "--clean") == ["大家刚刚都已经这个，", "听过他们的精彩的报告了。", "我们学习标记的方式也改变了。", ""]
    assert run("merge", talk, 1)[0] == 0
    assert shown(run, talk, "--clean")[0] == "大家刚刚都已经这个，听过他们的精彩的报告了。"
    assert shown(run, talk)[0] == "大家刚刚都已经这个。听过他们的精彩的报告了。"  # the raw text stays as imported


def test_export_paragraphs_option(run, tmp_path):
    talk = import_text(run, tmp_path, LOOPED, "looped.txt")
    turns = run("export", talk, "--format", "txt", "-o", "-")[1]
    segments = run("export", talk, "--format", "txt", "--paragraphs", "segments", "-o", "-")[1]
    assert turns == ["大家刚刚都已经这个，听过他们的精彩的报告了。我们学习标记的方式也改变了。"]
    assert [line for line in segments if line] == ["大家刚刚都已经这个，", "听过他们的精彩的报告了。", "我们学习标记的方式也改变了。"]
