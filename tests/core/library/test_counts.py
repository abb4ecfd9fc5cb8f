"""The library list's counts (stored, kept by triggers) always equal counting the segments."""

from sqlalchemy import text

from reader.core.library import delete_transcript, edits, import_file, list_transcripts, replacing, splitting

TALK = "# 讲座\n\n第一段。\n\n第二段很长，可以分开。\n\n第三段。\n\n![](a.png)\n\n第五段。\n"


def counted(lib):
    with lib.read() as session:
        rows = session.execute(
            text("SELECT transcript_id, count(*), count(correction) FROM segments GROUP BY transcript_id")
        ).all()
    return {tid: (n, c) for tid, n, c in rows}


def listed(lib):
    return {t.id: (t.segments, t.corrected) for t in list_transcripts(lib) if t.segments}


def test_counts_follow_imports_corrections_splits_merges_undo_and_deletes(library, tmp_path):
    ids = []
    for n in range(2):
        path = tmp_path / f"t{n}.txt"
        path.write_text(TALK.replace("讲座", f"讲座{n}"), encoding="utf-8")
        ids.append(import_file(library, path).transcripts[0].id)
    assert listed(library) == counted(library) == {ids[0]: (5, 0), ids[1]: (5, 0)}

    first = edits.segment_at(library, ids[0], 1)
    edits.set_correction(library, first, "改过的第一段。")
    edits.set_correction(library, first, "再改一次。")  # still one corrected segment
    assert listed(library)[ids[0]] == (5, 1)

    split = splitting.split_segment(library, edits.segment_at(library, ids[0], 2), 3)
    assert listed(library)[ids[0]] == (6, 1) and listed(library) == counted(library)
    splitting.undo_split(library, split)
    assert listed(library) == counted(library)

    merged = splitting.merge_segments(library, first)
    assert listed(library) == counted(library)
    splitting.undo_merge(library, merged)
    assert listed(library) == counted(library)

    batch = replacing.replace_all(library, "段", "节")
    assert listed(library) == counted(library) and listed(library)[ids[1]][1] > 0
    replacing.apply_batch(library, batch, reverse=True)
    edits.revert_correction(library, first)
    assert listed(library) == counted(library) == {ids[0]: (5, 0), ids[1]: (5, 0)}

    delete_transcript(library, ids[0])
    assert listed(library) == counted(library) == {ids[1]: (5, 0)}


def test_a_library_from_before_the_stored_counts_is_counted_and_searchable_after_the_upgrade(tmp_path):
    from sqlalchemy import create_engine

    from reader.core.library import migrations, open_library, search

    older = tmp_path / "older.sqlite3"
    engine = create_engine(f"sqlite:///{older}")
    with engine.begin() as conn:
        migrations.upgrade(conn, "0003")
        run = conn.exec_driver_sql
        run(
            "INSERT INTO sources(id, path, content_hash, encoding, format, imported_at) "
            "VALUES (1, 'a.txt', 'h', 'utf-8', 'text', '2024-01-01')"
        )
        run("INSERT INTO transcripts(id, source_id, title, \"order\", created_at) VALUES (7, 1, '旧的', 1, '2024-01-01')")
        for position, raw in enumerate(["大家好。", "我们讲语言模型。", "谢谢。"], 1):
            run(f"INSERT INTO segments(transcript_id, position, kind, raw, version) VALUES (7, {position}, 'text', '{raw}', 1)")
        run("UPDATE segments SET correction = '谢谢大家。' WHERE position = 3")
    engine.dispose()
    with open_library(str(older)) as lib:
        assert [(t.id, t.segments, t.corrected) for t in list_transcripts(lib)] == [(7, 3, 1)]
        assert [h.position for h in search.search(lib, "语言模型")] == [2]
        assert [h.position for h in search.search(lib, "谢谢大家")] == [3]


def test_check_says_when_the_stored_counts_disagree_with_the_segments(library, tmp_path):
    from reader.core.library import check_library

    path = tmp_path / "t.txt"
    path.write_text(TALK, encoding="utf-8")
    transcript_id = import_file(library, path).transcripts[0].id
    assert check_library(library) == []
    with library.write() as session:
        session.connection().exec_driver_sql("DROP TRIGGER counts_segment_added")  # as a careless migration would
    splitting.split_segment(library, edits.segment_at(library, transcript_id, 2), 3)
    assert check_library(library) == [f"transcript {transcript_id}: the library list says 4 segments, it has 6"]
