"""The rough edges a new user hit (issue 18), each as a user would notice it."""

from __future__ import annotations

from reader.core.paths import seeds_dir
from reader.ui.operations.reads import TranscriptSummary
from reader.ui.window.library_panel import LibraryPanel, TitleRole, distinguishing


def _seed_titles(name: str) -> list[str]:
    text = (seeds_dir() / name).read_text(encoding="utf-8")
    # The file's first heading names the collection; each later one starts a transcript.
    return [line[2:].strip() for line in text.splitlines() if line.startswith("# ")][1:]


def test_titles_of_one_file_show_what_tells_them_apart(qtbot):
    titles = _seed_titles("003_0bb9eea8fe887261.txt")
    shared, shown = distinguishing(titles)
    assert shared == "2024北京智源大会"
    # Every shown title starts with its distinguishing part (P4, P5 ...), no two alike.
    assert len(set(shown)) == len(shown)
    assert [s.startswith("…多模态模型 - P4：") for s in shown] == [True, False, False, False, False, False]

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_transcripts([TranscriptSummary(i, t, 10, 0, "/seeds/003_0bb9eea8fe887261.txt", 5) for i, t in enumerate(titles, 1)], None)
    group = panel.proxy.index(0, 0)
    assert group.data() == "2024北京智源大会"  # not the hash file name
    child = panel.proxy.index(1, 0, group)
    assert "P5" in child.data() and child.data(TitleRole) == titles[1]
    assert titles[1] in child.data(0x03)  # the whole title on hover (ToolTipRole)
    assert panel.proxy.index(1, 3, group).data() == "50%"
    # Filtering still matches the whole title.
    panel.filter.setText("北京智源大会-多模态模型 - P5")
    assert panel.proxy.rowCount(panel.proxy.index(0, 0)) == 1


def test_a_lone_title_or_titles_sharing_little_stay_whole():
    assert distinguishing(["开幕式"]) == ("", ["开幕式"])
    assert distinguishing(["主题报告", "圆桌对话"]) == ("", ["主题报告", "圆桌对话"])
    assert distinguishing(["会议 A", "会议 AB"]) == ("", ["会议 A", "会议 AB"])
