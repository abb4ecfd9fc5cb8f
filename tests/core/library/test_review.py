"""Review status, history and comments of segments, as the core keeps them."""

import io

import docx
import pytest

from reader.core.errors import UserError
from reader.core.library import edits, export, list_transcripts, review, splitting
from reader.core.library.queries import rename_transcript, transcript_segments


@pytest.fixture
def talk(roundtable, library):
    """(transcript id, segment ids in order) of seeds/002."""
    _title, rows = transcript_segments(library, roundtable)
    return roundtable, [row.id for row in rows]


def test_marked_segments_count_as_reviewed_and_undo_puts_back_what_was(library, talk):
    transcript_id, ids = talk
    change = review.set_reviewed(library, ids[:3], author="li")
    assert change.count == 3
    assert review.review_count(library, transcript_id) == (3, len(ids))
    assert [t.reviewed for t in list_transcripts(library) if t.id == transcript_id] == [3]
    # Marking again changes nothing and says so.
    assert review.set_reviewed(library, ids[:3], author="li").count == 0

    review.apply_review(library, change, reverse=True)
    assert review.review_count(library, transcript_id) == (0, len(ids))
    review.apply_review(library, change)
    assert review.notes_of(library, [ids[0]])[ids[0]].review.author == "li"


def test_an_edit_by_someone_else_sends_a_reviewed_segment_back_and_names_the_editor(library, talk):
    _transcript_id, ids = talk
    review.set_reviewed(library, ids[:2], author="li")
    own = edits.set_correction(library, ids[0], "李自己改的", author="li")
    other = edits.set_correction(library, ids[1], "王改的", author="wang")
    assert own.reopened is None and other.reopened == "li"
    notes = review.notes_of(library, ids[:2])
    assert notes[ids[0]].reviewed
    assert not notes[ids[1]].reviewed and notes[ids[1]].review.author == "wang"


def test_history_lists_every_revision_oldest_first(library, talk):
    _transcript_id, ids = talk
    edits.set_correction(library, ids[0], "第一稿", author="li")
    edits.set_correction(library, ids[0], "第二稿", author="wang", origin="replace-all")
    found = review.history(library, ids[0])
    assert [(r.author, r.origin, r.new) for r in found] == [("li", "typed", "第一稿"), ("wang", "replace-all", "第二稿")]
    assert found[1].old == "第一稿"


def test_comments_are_kept_resolved_and_follow_a_split(library, talk):
    transcript_id, ids = talk
    note = review.add_comment(library, ids[1], "  这个名字对吗？ ", author="li")
    assert note.text == "这个名字对吗？" and not note.resolved
    assert review.notes_of(library, [ids[1]])[ids[1]].open_comments == 1
    review.set_resolved(library, note.id)
    assert review.notes_of(library, [ids[1]])[ids[1]].open_comments == 0
    with pytest.raises(UserError):
        review.add_comment(library, ids[1], "   ")

    result = splitting.split_segment(library, ids[1], 2)
    assert [c.segment_id for c in review.comments_of(library, transcript_id)] == [result.segment_ids[0]]
    splitting.undo_split(library, result)
    assert [c.segment_id for c in review.comments_of(library, transcript_id)] == [ids[1]]

    review.delete_comment(library, note.id)
    assert review.comments_of(library, transcript_id) == []
    review.restore_comment(library, note)
    assert [c.id for c in review.comments_of(library, transcript_id)] == [note.id]


def test_export_carries_review_and_comments(library, talk):
    transcript_id, ids = talk
    review.set_reviewed(library, ids[:1], author="li")
    review.add_comment(library, ids[0], "核对发言人", author="wang")
    doc = export.gather(library, transcript_id)
    assert doc.segments[0].review.status == "reviewed" and doc.segments[0].review.author == "li"
    assert [c.text for c in doc.segments[0].comments] == ["核对发言人"]
    data = export.render_transcript(library, transcript_id, "json")
    assert b'"review"' in data and "核对发言人".encode() in data

    with_comments = docx.Document(io.BytesIO(
        export.render_transcript(library, transcript_id, "docx", options=export.ExportOptions(comments=True))
    ))
    assert [c.text for c in with_comments.comments] == ["核对发言人"]
    assert [c.author for c in with_comments.comments] == ["wang"]
    plain = docx.Document(io.BytesIO(export.render_transcript(library, transcript_id, "docx")))
    assert len(plain.comments) == 0


def test_rename_keeps_the_text_and_refuses_a_blank_title(library, talk):
    transcript_id, _ids = talk
    renamed = rename_transcript(library, transcript_id, "  圆桌\n对话 P4 ")
    assert (renamed.new, [t.title for t in list_transcripts(library) if t.id == transcript_id]) == ("圆桌 对话 P4", ["圆桌 对话 P4"])
    with pytest.raises(UserError):
        rename_transcript(library, transcript_id, " \n")
