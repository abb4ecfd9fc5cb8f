"""Labelling the seed roundtable from the command line: tag, show, speakers, topics, untag; every run a fresh start."""

import pytest

from reader.core import paths

ROUNDTABLE = paths.seeds_dir() / "002_31e3d2a98f80fa1d.txt"


@pytest.fixture
def talk(run):
    code, out, _ = run("import", ROUNDTABLE)
    assert code == 0
    return out[0].split("\t")[0]


def speakers_shown(run, talk):
    code, out, err = run("show", talk)
    assert code == 0 and err == []
    return [line.split("\t")[1] for line in out]


def state(run, talk):
    return run("show", talk), run("speakers", talk), run("topics", talk)


def test_tagged_speakers_appear_in_show_and_speakers_and_survive_a_restart(run, talk):
    assert run("tag", talk, "1-3", "--speaker", "主持人") == (0, [], [])
    assert run("tag", talk, "4", "--speaker", "家辉") == (0, [], [])
    assert run("tag", talk, "6-7", "--speaker", "主持人") == (0, [], [])
    shown = speakers_shown(run, talk)
    assert shown[:8] == ["主持人"] * 3 + ["家辉", "", "主持人", "主持人", ""]
    assert set(shown[8:]) == {""}

    code, out, err = run("speakers", talk)
    assert code == 0 and err == []
    rows = [line.split("\t") for line in out]
    assert [(name, int(segments)) for name, segments, _, _ in rows] == [("主持人", 5), ("家辉", 1), ("", len(shown) - 6)]
    assert sum(float(percent) for *_, percent in rows) == pytest.approx(100, abs=0.2)
    assert all(int(chars) > 0 for _, _, chars, _ in rows)


def test_speaker_chars_are_the_spoken_characters_of_the_segments(run, talk):
    run("tag", talk, "2", "--speaker", "家辉")
    _, out, _ = run("show", talk)
    text = out[1].split("\t")[2]
    spoken = sum(1 for ch in text if ch.isalnum())
    _, rows, _ = run("speakers", talk)
    assert rows[0].split("\t")[:3] == ["家辉", "1", str(spoken)]


def test_topics_span_ranges_and_many_per_segment(run, talk):
    assert run("tag", talk, "1-4", "--topic", "开场") == (0, [], [])
    assert run("tag", talk, "3-5", "--topic", "嘉宾介绍") == (0, [], [])
    assert run("tag", talk, "9", "--topic", "开场") == (0, [], [])
    assert run("topics", talk) == (0, ["开场\t5\t1-4,9", "嘉宾介绍\t3\t3-5"], [])


def test_untag_removes_the_labels_from_show_and_topics(run, talk):
    run("tag", talk, "1-5", "--speaker", "主持人")
    run("tag", talk, "1-5", "--topic", "开场")
    run("tag", talk, "2", "--topic", "嘉宾介绍")
    assert run("untag", talk, "1-2", "--speaker") == (0, [], [])
    assert speakers_shown(run, talk)[:5] == ["", "", "主持人", "主持人", "主持人"]
    assert run("topics", talk)[1] == ["开场\t5\t1-5", "嘉宾介绍\t1\t2"]
    assert run("untag", talk, "4-5", "--topic", "开场") == (0, [], [])
    assert run("topics", talk)[1] == ["开场\t3\t1-3", "嘉宾介绍\t1\t2"]
    assert run("untag", talk, "1-5") == (0, [], [])
    assert set(speakers_shown(run, talk)) == {""}
    assert run("topics", talk) == (0, [], [])
    assert run("speakers", talk)[1][0].split("\t")[0] == ""


def test_untag_with_nothing_to_take_off_warns(run, talk):
    code, out, err = run("untag", talk, "7")
    assert code == 0 and out == []
    assert err == [f"transcript-reader: warning: position 7 of transcript {talk}: no such label; nothing to untag"]


def test_suggested_topics_are_printed_one_a_line(run, talk):
    code, out, err = run("topics", talk, "--suggest")
    assert code == 0 and err == [] and 0 < len(out) <= 8
    _, shown, _ = run("show", talk)
    text = "".join(line.split("\t")[2] for line in shown)
    assert all(word in text and len(word) > 1 for word in out)


@pytest.mark.parametrize(
    "args, message",
    [
        (("tag", 99, "1", "--speaker", "甲"), "transcript 99: no such transcript"),
        (("tag", "{t}", "0-2", "--speaker", "甲"), "positions 0-2: transcript {t} has segments 1.."),
        (("tag", "{t}", "5-3", "--topic", "开场"), "positions 5-3: the range runs backwards"),
        (("tag", "{t}", "9999", "--topic", "开场"), "position 9999: transcript {t} has segments 1.."),
        (("tag", "{t}", "1", "--speaker", "  "), "speaker name: is empty"),
        (("untag", "{t}", "1", "--topic", "没有的"), "topic '没有的': no such topic"),
        (("speakers", 99), "transcript 99: no such transcript"),
        (("topics", 99), "transcript 99: no such transcript"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_changes_nothing(run, talk, args, message):
    run("tag", talk, "1-2", "--speaker", "主持人")
    run("tag", talk, "1", "--topic", "开场")
    before = state(run, talk)
    code, out, err = run(*(a.format(t=talk) if isinstance(a, str) else a for a in args))
    assert code == 1 and out == []
    assert len(err) == 1 and err[0].startswith("transcript-reader: error: " + message.format(t=talk))
    assert state(run, talk) == before


@pytest.mark.parametrize(
    "args",
    [
        ("tag", "1", "3"),
        ("tag", "1", "a-b", "--topic", "x"),
        ("tag", "1", "2", "--speaker", "甲", "--topic", "乙"),
        ("untag", "1", "2", "--speaker", "--topic", "x"),
    ],
)
def test_wrong_usage_exits_2(run, talk, args):
    with pytest.raises(SystemExit) as exit_:
        run(*args)
    assert exit_.value.code == 2
