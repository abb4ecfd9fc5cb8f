"""The seed format and plain text: headings, paragraphs, images, marks, walls of text."""

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import UserError
from reader.core.formats import read_bytes, read_file
from reader.core.formats.paragraphs import LONG_PARAGRAPH, PIECE, split_long


def parse(text: str, name: str = "talk.txt"):
    return read_bytes(text.encode("utf-8"), name, name)


def test_heading_titles_keep_their_hashes_but_lose_closing_ones():
    parsed = parse("# 讲 C# 的一场 ##\n\n内容。\n\n#话题 不是标题\n")
    assert parsed.transcripts[0].title == "讲 C# 的一场"
    assert [s.raw for s in parsed.transcripts[0].segments] == ["内容。", "#话题 不是标题"]


def test_headings_start_transcripts_and_a_lone_series_heading_makes_none():
    parsed = parse("# 系列（三）\n\n\n\n# 第一场\n\n你好。\n\n谢谢。\n\n# 第二场\n\n再见。\n")
    assert [(t.title, [s.raw for s in t.segments]) for t in parsed.transcripts] == [
        ("第一场", ["你好。", "谢谢。"]),
        ("第二场", ["再见。"]),
    ]
    assert parsed.format == "markdown"


def test_images_and_marks_get_their_own_kind_and_marks_inside_text_stay_text():
    parsed = parse(
        "# 演讲\n\n(英文)，大家好。\n\n![](img/a_1.png)\n\n(掌声)\n\n（笑）\n\n"
        "好的(掌声)谢谢。\n\n![图](https://example.com/b.png)\n"
    )
    kinds = [(s.kind, s.raw) for s in parsed.transcripts[0].segments]
    assert kinds == [
        ("text", "(英文)，大家好。"),
        ("image", "![](img/a_1.png)"),
        ("mark", "(掌声)"),
        ("mark", "（笑）"),
        ("text", "好的(掌声)谢谢。"),
        ("image", "![图](https://example.com/b.png)"),
    ]


def test_markup_is_kept_as_text():
    markup = '<img src="http://evil.example/x.png" onerror="alert(1)">'
    script = "<script>fetch('http://evil.example')</script>"
    parsed = parse(f"{markup}\n\n{script}\n\n<b>粗体</b>&amp;\n", "evil.txt")
    assert [s.raw for s in parsed.transcripts[0].segments] == [markup, script, "<b>粗体</b>&amp;"]
    assert all(s.kind == "text" for s in parsed.transcripts[0].segments)


def test_plain_text_paragraphs_and_title_from_file_name():
    parsed = parse("第一段第一行\n第一段第二行\n\n第二段 with English\nwords here\n", "会议记录.txt")
    (transcript,) = parsed.transcripts
    assert transcript.title == "会议记录"
    assert [s.raw for s in transcript.segments] == ["第一段第一行第一段第二行", "第二段 with English words here"]
    assert parsed.format == "text"


def test_plain_text_without_blank_lines_is_one_segment_per_line():
    parsed = parse("第一句\n第二句\n\n" .replace("\n\n", "\n") + "第三句\n")
    assert [s.raw for s in parsed.transcripts[0].segments] == ["第一句", "第二句", "第三句"]


def test_crlf_and_cr_files_parse_like_lf_files():
    lf = "# 标题\n\n第一段。\n\n第二段。\n"
    results = [parse(lf.replace("\n", end)) for end in ("\n", "\r\n", "\r")]
    assert [r.transcripts for r in results] == [results[0].transcripts] * 3
    assert len({r.content_hash for r in results}) == 1


def test_one_enormous_line_is_split_at_sentence_ends_into_readable_segments():
    sentences = [f"这是第{i}句话，我们在讨论模型的训练和推理成本。" for i in range(400)]
    text = "".join(sentences)
    segments = parse(text).transcripts[0].segments
    assert len(segments) > 1
    assert "".join(s.raw for s in segments) == text
    assert all(len(s.raw) <= PIECE for s in segments)
    assert all(s.raw.endswith("。") for s in segments)


def test_enormous_line_without_sentence_ends_is_split_at_commas_then_hard():
    commas = "，".join(f"第{i}个分句没有句号" for i in range(300))
    pieces = parse(commas).transcripts[0].segments
    assert "".join(s.raw for s in pieces) == commas
    assert all(len(s.raw) <= PIECE for s in pieces)
    assert all(s.raw.endswith("，") for s in pieces[:-1])
    nothing = "字" * (LONG_PARAGRAPH * 3)
    pieces = parse(nothing).transcripts[0].segments
    assert "".join(s.raw for s in pieces) == nothing and max(len(s.raw) for s in pieces) <= PIECE


def test_ordinary_paragraphs_are_never_split():
    paragraph = "好" * LONG_PARAGRAPH
    assert [s.raw for s in parse(paragraph).transcripts[0].segments] == [paragraph]


def test_only_headings_is_an_error():
    with pytest.raises(UserError, match="no transcript text"):
        parse("# 只有标题\n\n# 还是标题\n")


def test_unreadable_paths_give_one_clean_error(tmp_path):
    with pytest.raises(UserError, match="No such file"):
        read_file(tmp_path / "missing.txt")
    with pytest.raises(UserError, match="folder"):
        read_file(tmp_path)
    plain = tmp_path / "plain.txt"
    plain.write_text("你好", encoding="utf-8")
    with pytest.raises(UserError, match="Not a directory"):
        read_file(plain / "inside.txt")


def test_a_file_without_read_permission_gives_one_clean_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("你好", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:
        # Root reads any file (CI runs as root): make the open fail as it does for a user.
        real_open = os.open

        def denied(path, flags, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", denied)
    with pytest.raises(UserError, match="Permission denied"):
        read_file(locked)


def test_a_path_the_system_refuses_gives_one_clean_error(tmp_path):
    with pytest.raises(UserError, match="too long"):
        read_file(tmp_path / ("长" * 200 + ".txt"))


@given(st.text(alphabet=st.sampled_from("我们的模型数据，。！？ ab\u3000"), min_size=0, max_size=3000))
@settings(max_examples=60, deadline=None)
def test_splitting_keeps_every_character_and_bounds_the_pieces(text):
    pieces = split_long(text)
    if len(text) <= LONG_PARAGRAPH:
        assert pieces == [text]
    else:
        # Only whitespace at a cut may go; every other character stays, in order.
        assert "".join("".join(pieces).split()) == "".join(text.split())
        assert all(0 < len(p) <= PIECE and p == p.strip() for p in pieces)
