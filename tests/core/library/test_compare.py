"""Comparing two transcripts in the library: what the reader shows is compared, so cleaning and script never disagree."""

from reader.core.library import edits, import_file
from reader.core.library.compare import compare_transcripts, describe, positions

FIRST = """# 第一次识别

大家好，呃，我是视频生成的负责人。

今天我想谈谈谈谈一些观察，关于生成建模的发展。

![](img/a.png)

我们发布了一篇博客文章。
"""

SECOND = """# 第二次识别

大家好，我是視頻生成的負責人。今天我想談談一些觀察，

關於生成建模的發展。

我們發布了一篇部落格文章。
"""


def imported(library, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def lines(comparison):
    return [(positions(g.a), positions(g.b), g.status, describe(g)) for g in comparison.groups]


def test_fillers_stutters_and_script_are_no_disagreement_and_a_wording_is(library, tmp_path):
    a = imported(library, tmp_path, "a.txt", FIRST)
    b = imported(library, tmp_path, "b.txt", SECOND)
    assert lines(compare_transcripts(library, a, b)) == [
        ("1-3", "1-2", "same", ""),  # the image joins the group before it
        ("4", "3", "diff", "博客→部落格"),
    ]


def test_a_correction_is_what_is_compared(library, tmp_path):
    a = imported(library, tmp_path, "a.txt", FIRST)
    b = imported(library, tmp_path, "b.txt", SECOND)
    segment = edits.segment_at(library, a, 4)
    edits.set_correction(library, segment, "我们发布了一篇部落格文章。")
    comparison = compare_transcripts(library, a, b)
    assert [g.status for g in comparison.groups] == ["same", "same"]
    assert comparison.disagreements() == []


def test_the_second_recognition_check_stops_when_cancelled(library):
    """Seeds 002 and the roundtable in 003 are one talk: found, unless the check is cancelled
    first (the app quitting), which must not wait for the alignments."""
    from reader.core import paths
    from reader.core.library.recognitions import likely_second_recognition_of

    import_file(library, paths.seeds_dir() / "002_31e3d2a98f80fa1d.txt")
    newest = import_file(library, paths.seeds_dir() / "003_0bb9eea8fe887261.txt").transcripts[2].id
    found = likely_second_recognition_of(library, newest, earlier_only=True)
    assert [other.transcript_id for other in found] == [1]
    assert likely_second_recognition_of(library, newest, earlier_only=True, cancel=lambda: True) == []
