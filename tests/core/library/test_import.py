"""Importing into the library: seeds counted paragraph by paragraph, bad files change nothing."""

import json
import re

import pytest
from sqlalchemy import func, select, text

from reader.core.errors import UserError
from reader.core.library import (
    ImportCancelled,
    check_library,
    delete_transcript,
    import_file,
    import_path,
    import_seeds_if_new,
    list_transcripts,
    transcript_segments,
)
from reader.core.library.models import Base, Revision, Rule, Segment, SegmentTopic, Speaker
from reader.core.paths import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


def expected_sections(path):
    """(title, paragraphs) per `# ` heading, counted without the importer's code."""
    sections = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
        block = block.strip()
        if block.startswith("# "):
            sections.append((block[2:].strip(), []))
        elif block:
            sections[-1][1].append(block)
    return [(title, paragraphs) for title, paragraphs in sections if paragraphs]


def snapshot(lib):
    """Every row count and every transcript as `list` shows it."""
    with lib.read() as session:
        counts = {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
    return counts, list_transcripts(lib)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_seed_paragraph_becomes_one_segment(library, seed):
    result = import_file(library, seed)
    expected = expected_sections(seed)
    assert [(t.title, t.segments) for t in result.transcripts] == [(title, len(p)) for title, p in expected]
    for made, (_title, paragraphs) in zip(result.transcripts, expected, strict=True):
        _, segments = transcript_segments(library, made.id)
        assert [s.raw for s in segments] == paragraphs
        assert [s.position for s in segments] == list(range(1, len(paragraphs) + 1))
        assert [s.kind for s in segments] == ["image" if p.startswith("![") else "text" for p in paragraphs]
    assert check_library(library) == []


def test_the_series_file_makes_six_transcripts_and_twin_headings_both_import(library):
    results = import_path(library, SEEDS)
    assert len(results[3].transcripts) == 6
    assert results[0].transcripts[0].title == results[1].transcripts[0].title
    assert not any(r.already_imported for r in results)
    assert len(list_transcripts(library)) == 10


def test_the_same_content_in_another_encoding_is_recognised_as_already_imported(library, tmp_path):
    seed = SEEDS[2]
    first = import_file(library, seed)
    legacy = tmp_path / "copy.txt"
    legacy.write_bytes(seed.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    before = snapshot(library)
    again = import_file(library, legacy)
    assert again.already_imported
    assert [t.id for t in again.transcripts] == [t.id for t in first.transcripts]
    assert again.transcripts == first.transcripts  # titles and segment counts too
    assert snapshot(library) == before


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_legacy_encodings_import_exactly(library, tmp_path, encoding):
    seed = SEEDS[1]
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(seed.read_text(encoding="utf-8").encode(encoding))
    (made,) = import_file(library, path).transcripts
    _, segments = transcript_segments(library, made.id)
    assert [s.raw for s in segments] == expected_sections(seed)[0][1]


def test_big5_imports_exactly(library, tmp_path):
    paragraphs = [p for p in expected_sections(SEEDS[0])[0][1] if _big5_ok(p)][:40]
    path = tmp_path / "big5.txt"
    path.write_bytes("\n\n".join(paragraphs).encode("big5"))
    (made,) = import_file(library, path).transcripts
    assert [s.raw for s in transcript_segments(library, made.id)[1]] == paragraphs


def _big5_ok(paragraph):
    try:
        paragraph.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


BAD_FILES = {
    "empty.txt": b"",
    "blank.txt": b"  \r\n\t\n   \n",
    "picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 16,
    "noise.md": bytes((i * 7919 + 13) % 251 + 5 for i in range(4000)),
    "broken.srt": "1\n00:00:01,000 --> 00:00:02,000\n你好\n\n2\n00:00:03,000 --> 00:00:0x,000\n再见\n".encode(),
    "backwards.srt": "1\n00:00:05,000 --> 00:00:02,000\n你好\n".encode(),
    "broken.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n你好\n\n00:00:03 --> 00:00:04.000\n再见\n".encode(),
    "headless.vtt": "00:00:01.000 --> 00:00:02.000\n你好\n".encode(),
    "only-headings.md": "# 系列\n\n# 另一个系列\n".encode(),
    "foreign.json": b'{"not": "ours"}',
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gives_one_clear_error_and_changes_nothing(library, tmp_path, name):
    import_file(library, SEEDS[0])
    before = snapshot(library)
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    with pytest.raises(UserError) as raised:
        import_file(library, path)
    assert raised.value.what == str(path)
    assert raised.value.why and "\n" not in raised.value.why
    assert snapshot(library) == before
    assert check_library(library) == []


def test_one_bad_file_in_a_batch_stops_the_whole_batch_before_writing(library, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("第一段。\n\n第二段。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    before = snapshot(library)
    with pytest.raises(UserError, match=r"bad\.txt"):
        import_path(library, [good, bad])
    assert snapshot(library) == before


def test_a_folder_imports_its_transcript_files(library, tmp_path):
    (tmp_path / "a.txt").write_text("甲。\n\n乙。\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\n丙\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / "library.sqlite3").touch()
    results = import_path(library, [tmp_path])
    assert [(t.title, t.segments) for r in results for t in r.transcripts] == [("a", 2), ("b", 1)]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UserError, match="no transcript files"):
        import_path(library, [empty])


def test_markup_is_stored_as_written(library, tmp_path):
    path = tmp_path / "markup.txt"
    lines = ['<img src="http://example.com/track.png">', "<script>alert('x')</script>", "a &lt; b"]
    path.write_text("\n\n".join(lines), encoding="utf-8")
    (made,) = import_file(library, path).transcripts
    assert [s.raw for s in transcript_segments(library, made.id)[1]] == lines


def test_one_enormous_line_imports_as_readable_segments(library, tmp_path):
    line = "".join(f"第{i}句，我们继续讨论模型的规模和数据的质量。" for i in range(20000))
    path = tmp_path / "asr.txt"
    path.write_text(line, encoding="utf-8")
    (made,) = import_file(library, path).transcripts
    _, segments = transcript_segments(library, made.id)
    assert made.segments == len(segments) > 1000
    assert "".join(s.raw for s in segments) == line
    assert max(len(s.raw) for s in segments) <= 300
    assert check_library(library) == []


def test_progress_is_reported_and_cancel_writes_nothing(library, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n".join(f"第{i}行。" for i in range(1200)), encoding="utf-8")
    seen = []
    import_file(library, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1200, 1200) and len(seen) > 1
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    other = tmp_path / "other.txt"
    other.write_text("\n".join(f"另{i}行。" for i in range(1200)), encoding="utf-8")
    before = snapshot(library)
    with pytest.raises(ImportCancelled):
        import_file(library, other, cancel=lambda: True)
    assert snapshot(library) == before


def test_subtitle_speakers_and_times_are_stored(library, tmp_path):
    path = tmp_path / "panel.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 主持人>欢迎\n\n00:00:02.500 --> 00:00:04.000\n<v 嘉宾>谢谢\n\n"
        "00:00:05.000 --> 00:00:06.000\n<v 主持人>开始吧\n",
        encoding="utf-8",
    )
    (made,) = import_file(library, path).transcripts
    rows = transcript_segments(library, made.id)[1]
    assert [(s.speaker, s.start_ms, s.end_ms) for s in rows] == [("主持人", 1000, 2000), ("嘉宾", 2500, 4000), ("主持人", 5000, 6000)]
    with library.read() as session:
        assert sorted(session.scalars(select(Speaker.name))) == ["主持人", "嘉宾"]


def _json_library_file(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps(
            {
                "format": "transcript-reader",
                "version": 1,
                "transcripts": [
                    {
                        "title": "甲",
                        "segments": [{"raw": "呃你好", "correction": "你好", "topics": ["开场"], "speaker": "张三"}, {"raw": "再见"}],
                    },
                    {"title": "乙", "segments": [{"raw": "第二篇", "topics": ["开场"]}]},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def test_json_brings_back_corrections_with_their_revision_and_topics(library, tmp_path):
    first, _second = import_file(library, _json_library_file(tmp_path)).transcripts
    rows = transcript_segments(library, first.id)[1]
    assert [(s.raw, s.correction, s.speaker) for s in rows] == [("呃你好", "你好", "张三"), ("再见", None, None)]
    assert list_transcripts(library)[0].corrected == 1
    with library.read() as session:
        assert [(r.old, r.new, r.origin) for r in session.scalars(select(Revision))] == [(None, "你好", "import")]
        assert session.scalar(select(func.count()).select_from(SegmentTopic)) == 2


def test_delete_removes_a_transcript_and_everything_hanging_on_it(library, tmp_path):
    first, second = import_file(library, _json_library_file(tmp_path)).transcripts
    with library.write() as session:
        session.add(Rule(pattern="呃", replacement="", transcript_id=first.id))
        session.add(Rule(pattern="嗯", replacement=""))
    delete_transcript(library, first.id)
    with library.read() as session:
        assert session.scalar(select(func.count()).select_from(Segment).where(Segment.transcript_id == first.id)) == 0
        assert session.scalar(select(func.count()).select_from(Revision)) == 0
        assert session.scalar(select(func.count()).select_from(SegmentTopic)) == 1
        assert [r.pattern for r in session.scalars(select(Rule))] == ["嗯"]
    assert [t.id for t in list_transcripts(library)] == [second.id]
    assert check_library(library) == []
    with pytest.raises(UserError, match="no such transcript"):
        delete_transcript(library, first.id)


def test_deleting_every_transcript_of_a_file_allows_importing_it_again(library):
    (made,) = import_file(library, SEEDS[0]).transcripts
    delete_transcript(library, made.id)
    again = import_file(library, SEEDS[0])
    assert not again.already_imported
    assert again.transcripts[0].id != made.id  # ids are never reused


def test_seeds_are_imported_once_and_never_come_back(library):
    results = import_seeds_if_new(library)
    assert sum(len(r.transcripts) for r in results) == 10
    for t in list_transcripts(library):
        delete_transcript(library, t.id)
    assert import_seeds_if_new(library) == []
    assert list_transcripts(library) == []


def test_a_library_already_in_use_gets_no_samples(library, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("我自己的转写，第一段。\n\n第二段。\n", encoding="utf-8")
    import_file(library, own)
    assert import_seeds_if_new(library) == []
    assert [t.title for t in list_transcripts(library)] == ["mine"]
    # Nor later, once it is emptied.
    for t in list_transcripts(library):
        delete_transcript(library, t.id)
    assert import_seeds_if_new(library) == []


def test_check_finds_position_gaps_and_duplicates(library):
    (made,) = import_file(library, SEEDS[0]).transcripts
    assert check_library(library) == []
    with library.write() as session:
        session.execute(text("UPDATE segments SET position = 1 WHERE transcript_id = :t AND position = 2"), {"t": made.id})
    problems = check_library(library)
    assert any("duplicate" in p for p in problems)
    assert any("gaps" in p for p in problems)


def test_two_apps_importing_the_same_file_at_once_make_one_copy(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.library import open_library

    db = str(tmp_path / "shared.sqlite3")
    first, second = open_library(db), open_library(db)
    try:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda lib: import_file(lib, SEEDS[3]), [first, second]))
        assert sorted(r.already_imported for r in results) == [False, True]
        assert len(list_transcripts(first)) == 6
        assert check_library(second) == []
    finally:
        first.close()
        second.close()
