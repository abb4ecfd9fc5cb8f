"""Two copies of the app on one library (SQLite file or PostgreSQL): versions, conflicts, change notices."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from reader.core.library import edits, import_file, labels, rules, splitting, tagging, transcript_segments
from reader.core.library.changes import changes_since
from reader.core.library.edits import ConflictError
from reader.core.library.models import ChangeLogEntry


def rows(lib, transcript_id):
    return transcript_segments(lib, transcript_id)[1]


def test_a_save_based_on_an_old_version_is_refused_with_the_other_text(apps):
    mine, theirs, transcript = apps
    seen = rows(mine, transcript)[1]
    assert seen.version == 1
    saved = edits.set_correction(theirs, seen.id, "大语言模型很好。", author="bob", expected_version=seen.version)
    assert saved.version == 2
    with pytest.raises(ConflictError) as conflict:
        edits.set_correction(mine, seen.id, "大元模型很好。", author="alice", expected_version=seen.version)
    assert (conflict.value.text, conflict.value.version, conflict.value.author) == ("大语言模型很好。", 2, "bob")
    assert conflict.value.attempted == "大元模型很好。"
    assert rows(mine, transcript)[1].correction == "大语言模型很好。"
    # Choosing to keep one's own text: save again, now expecting what was seen.
    assert edits.set_correction(mine, seen.id, "大元模型很好。", author="alice", expected_version=conflict.value.version).changed
    assert rows(theirs, transcript)[1].correction == "大元模型很好。"


def test_same_text_or_other_segments_never_conflict(apps):
    mine, theirs, transcript = apps
    first, second = rows(mine, transcript)[:2]
    edits.set_correction(theirs, second.id, "大语言模型很好。", expected_version=1)
    assert edits.set_correction(mine, first.id, "各位好。", expected_version=first.version).changed
    same = edits.set_correction(mine, second.id, "大语言模型很好。", expected_version=1)
    assert not same.changed and same.version == 2


def test_reverting_someone_elses_newer_text_is_a_conflict_too(apps):
    mine, theirs, transcript = apps
    seen = rows(mine, transcript)[0]
    edits.set_correction(theirs, seen.id, "各位好。")
    with pytest.raises(ConflictError):
        edits.revert_correction(mine, seen.id, expected_version=seen.version)
    assert rows(mine, transcript)[0].correction == "各位好。"


def test_each_app_notices_what_the_other_changed(apps, tmp_path):
    watcher, editor, transcript = apps
    token = changes_since(watcher, None).token
    assert changes_since(watcher, token) == (token, frozenset(), frozenset())

    segment = rows(editor, transcript)[1].id
    edits.set_correction(editor, segment, "大语言模型很好。")
    token, segments, transcripts = changes_since(watcher, token)
    assert (segments, transcripts) == ({segment}, set())

    tagging.assign_speaker(editor, [segment], "主持人")
    tagging.tag_topic(editor, [segment], "开场")
    token, segments, transcripts = changes_since(watcher, token)
    assert (segments, transcripts) == ({segment}, set())

    splitting.split_segment(editor, rows(editor, transcript)[0].id, 4)
    token, segments, transcripts = changes_since(watcher, token)
    assert transcripts == {transcript}

    rules.add_rule(editor, "大家", "各位", transcript_id=transcript)
    token, _, transcripts = changes_since(watcher, token)
    assert transcripts == {transcript}

    # A global rule or a renamed speaker can change what any transcript shows.
    second = tmp_path / "second.txt"
    second.write_text("# 二\n\n第二个。\n", encoding="utf-8")
    other = import_file(editor, second).transcripts[0].id
    token = changes_since(watcher, token).token
    label = labels.find_label(editor, "speaker", "主持人")
    tagging.rename_label(editor, "speaker", label.id, "嘉宾")
    token, _, transcripts = changes_since(watcher, token)
    assert transcripts == {transcript, other}
    assert changes_since(watcher, token) == (token, frozenset(), frozenset())


def test_an_import_of_many_segments_is_one_notice(apps):
    watcher, editor, _ = apps
    token = changes_since(watcher, None).token
    from reader.core.paths import seeds_dir

    imported = import_file(editor, sorted(seeds_dir().glob("*.txt"))[3])
    _, segments, transcripts = changes_since(watcher, token)
    assert transcripts == {t.id for t in imported.transcripts} and segments == set()
    # The log holds one line per transcript, not one per segment.
    with watcher.read() as session:
        logged = session.scalar(select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.id > token))
    assert logged <= 2 * len(imported.transcripts)
