"""Import cost grows with the segments, never with the number of transcripts in a file.

A file of 100,000 headings is 100,000 transcripts; one ORM object per transcript
made the import quadratic (2k headings 3.8 s, 10k 174 s) under the write lock.
Counted in SQL statements, which a loaded machine cannot blur (`make bench` has the times).
"""

from __future__ import annotations

from sqlalchemy import event

from reader.core.library import import_file, transcript_segments


def _statements_to_import(library, tmp_path, headings: int, annotated: bool = False) -> int:
    if annotated:
        import json

        edit = {"old": None, "origin": "typed", "author": "小王", "at": "2026-01-01T00:00:00+00:00"}
        transcripts = [
            {
                "title": f"标题{i}",
                "segments": [
                    {
                        "raw": f"第{i}段。",
                        "speaker": f"讲者{headings}-{i % 7}",
                        "topics": [f"话题{headings}"],
                        "correction": f"第{i}段！",
                        "edits": [{**edit, "new": f"第{i}段！"}],
                    }
                ],
            }
            for i in range(headings)
        ]
        path = tmp_path / f"h{headings}.json"
        path.write_text(json.dumps({"format": "transcript-reader", "version": 1, "transcripts": transcripts}), encoding="utf-8")
    else:
        path = tmp_path / f"h{headings}.md"
        path.write_text("".join(f"# 标题{i}\n\n第{i}段，大家好。\n\n" for i in range(headings)), encoding="utf-8")
    count = 0

    def counted(*_args) -> None:
        nonlocal count
        count += 1

    engine = library.engine
    event.listen(engine, "before_cursor_execute", counted)
    try:
        result = import_file(library, path)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    assert len(result.transcripts) == headings
    last = transcript_segments(library, result.transcripts[-1].id)[1]
    assert last[0].raw.startswith(f"第{headings - 1}段")
    return count


def _warm_up(library, tmp_path) -> None:
    """A first import, so that opening connections (PRAGMAs) is not counted."""
    (tmp_path / "warm.txt").write_text("你好。\n", encoding="utf-8")
    import_file(library, tmp_path / "warm.txt")


def test_statements_do_not_grow_with_the_number_of_headings(library, tmp_path):
    _warm_up(library, tmp_path)
    few = _statements_to_import(library, tmp_path, 10)
    many = _statements_to_import(library, tmp_path, 400)  # 400 segments: still one chunk
    assert many == few, (few, many)


def test_statements_for_annotated_json_do_not_grow_with_the_transcripts(library, tmp_path):
    _warm_up(library, tmp_path)
    few = _statements_to_import(library, tmp_path, 10, annotated=True)
    many = _statements_to_import(library, tmp_path, 400, annotated=True)
    assert many == few, (few, many)
