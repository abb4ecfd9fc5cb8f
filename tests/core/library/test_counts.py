"""The library list's counts (stored, kept by triggers) always equal counting the segments."""

from sqlalchemy import text

from reader.core.library import delete_transcript, edits, import_file, list_transcripts

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

    split = edits.split_segment(library, edits.segment_at(library, ids[0], 2), 3)
    assert listed(library)[ids[0]] == (6, 1) and listed(library) == counted(library)
    edits.undo_split(library, split)
    assert listed(library) == counted(library)

    merged = edits.merge_segments(library, first)
    assert listed(library) == counted(library)
    edits.undo_merge(library, merged)
    assert listed(library) == counted(library)

    batch = edits.replace_all(library, "段", "节")
    assert listed(library) == counted(library) and listed(library)[ids[1]][1] > 0
    edits.apply_batch(library, batch, reverse=True)
    edits.revert_correction(library, first)
    assert listed(library) == counted(library) == {ids[0]: (5, 0), ids[1]: (5, 0)}

    delete_transcript(library, ids[0])
    assert listed(library) == counted(library) == {ids[1]: (5, 0)}
