"""`compare A B`: one line per aligned group, the differing spans as A→B."""

from tests.cli.conftest import import_text

FIRST = """# 第一次

大家好，呃，我是视频生成的负责人。

今天我想谈谈一些观察。

关于生成建模在过去几年的发展。

我们发布了一篇博客文章。

谢谢大家。
"""

SECOND = """# 第二次

大家好，我是視頻生成的負責人。今天我想談談一些觀察，

關於生成建模在過去幾年的發展。

这段话两边完全不同。

謝謝大家。
"""


def test_compare_prints_groups_in_order_with_positions_status_and_differences(run, tmp_path):
    a = import_text(run, tmp_path, FIRST, "a.txt")
    b = import_text(run, tmp_path, SECOND, "b.txt")
    code, out, err = run("compare", a, b)
    assert code == 0, err
    assert out == [
        "1-2\t1\tsame\t",
        "3\t2\tsame\t",
        "4\t3\tdiff\t我们发布了一篇博客文章→这段话两边完全不同",
        "5\t4\tsame\t",
    ]
    code, out, err = run("compare", a, b, "--differences")
    assert code == 0, err
    assert out == ["4\t3\tdiff\t我们发布了一篇博客文章→这段话两边完全不同"]


def test_a_segment_one_side_lacks_is_only(run, tmp_path):
    a = import_text(run, tmp_path, FIRST, "a.txt")
    b = import_text(run, tmp_path, FIRST.replace("我们发布了一篇博客文章。\n\n", ""), "b.txt")
    code, out, err = run("compare", b, a, "--differences")
    assert code == 0, err
    assert out == ["-\t4\tonly\t→我们发布了一篇博客文章"]


def test_an_unknown_transcript_is_one_error_line(run, tmp_path):
    a = import_text(run, tmp_path, FIRST, "a.txt")
    code, out, err = run("compare", a, 99)
    assert code == 1 and out == []
    assert err == ["transcript-reader: error: transcript 99: no such transcript (see `list`)"]


def test_import_warns_when_a_transcript_looks_like_a_second_recognition(run):
    from reader.core.paths import seeds_dir

    seeds = seeds_dir()
    code, out, err = run("import", seeds / "000_3259e7fbd51321e0.txt", seeds / "004_e48bd789d310c5cd.txt")
    assert code == 0 and err == []  # two different talks
    code, out, err = run("import", seeds / "001_39abc5761bc525e8.txt")
    assert code == 0 and out[0].startswith("3\t")
    assert err == [
        'transcript-reader: warning: transcript 3 looks like a second recognition of 1 "2024北京智源大会-开幕式及全体大会 - '
        'P2：主题报告：多模态大模型-主旨演讲：Aditya Rameah-对话嘉宾：谢赛宁 - 智源社区 - BV1uH4y1w77V" (compare 3 1)'
    ]


def test_the_second_recognition_check_of_an_import_stops_in_time_and_says_how_far_it_got(run, monkeypatch):
    """Its cost grows with the library: an import of many talks into a large library must not wait
    on it for minutes. Out of time, it says so; everything is imported all the same."""
    from reader import cli_compare
    from reader.core.paths import seeds_dir

    seeds = seeds_dir()
    monkeypatch.setattr(cli_compare, "RECOGNITION_CHECK_S", 0.0)
    code, out, err = run("import", seeds / "000_3259e7fbd51321e0.txt", seeds / "001_39abc5761bc525e8.txt")
    assert code == 0 and [line.split("\t")[0] for line in out] == ["1", "2"]
    assert err == [
        "transcript-reader: warning: the check for second recognitions stopped after 0 s: 1 of 2 new transcripts "
        "checked (`qa ID` checks one, `compare A B` two)"
    ]
    code, out, err = run("list")
    assert len(out) == 2
