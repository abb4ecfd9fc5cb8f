"""A segment's shown text reads its neighbours (the next one for its sentence end, the previous
one for a repeat): merge, the search index and exports follow that."""

import csv
import io
import json

import pytest

from reader.core.formats.writers import ExportOptions
from reader.core.library import edits, import_file, splitting
from reader.core.library import search as library_search
from reader.core.library.export import render_transcript

LOOP = "我们学习标记的方式也改变了。"
TALK = f"""# 循环

大家刚刚都已经这个。

听过他们的精彩的报告了。

{LOOP}

{LOOP}

今天就到这里。
"""


@pytest.fixture
def talk(library, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(TALK, encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def exported(library, transcript_id, fmt, **options):
    return render_transcript(library, transcript_id, fmt, options=ExportOptions(**options)).decode("utf-8")


def test_merge_takes_the_join_the_reader_saw(library, talk):
    splitting.merge_segments(library, edits.segment_at(library, talk, 1))
    merged = edits.segment_at(library, talk, 1)
    with library.read() as session:
        from reader.core.library.models import Segment

        segment = session.get(Segment, merged)
        # The raw text stays the join of the imported ones; the reader's text has no 。 in the middle.
        assert segment.raw == "大家刚刚都已经这个。听过他们的精彩的报告了。"
        assert segment.correction == "大家刚刚都已经这个，听过他们的精彩的报告了。"


def test_merge_keeps_a_real_sentence_end_and_needs_no_correction(library, talk):
    splitting.merge_segments(library, edits.segment_at(library, talk, 4))
    with library.read() as session:
        from reader.core.library.models import Segment

        segment = session.get(Segment, edits.segment_at(library, talk, 4))
        assert segment.raw == LOOP + "今天就到这里。" and segment.correction is None


def shown_hits(library, query):
    """Positions of hits in the text the reader reads (a hit in the raw text only is left out)."""
    return sorted(h.position for h in library_search.search(library, query) if h.column == "effective")


def test_the_index_holds_what_the_reader_reads_and_follows_a_neighbours_change(library, talk):
    assert shown_hits(library, "改变") == [3]  # the repeat (segment 4) shows nothing, so nothing is found in it...
    assert shown_hits(library, "这个，") == [1]
    # ...until the segment before it reads differently: then segment 4 is no repeat any more.
    edits.set_correction(library, edits.segment_at(library, talk, 3), "我们换了一种说法。")
    assert shown_hits(library, "改变") == [4]


def test_exports_leave_a_repeat_out_of_reading_formats_and_name_it_in_data_formats(library, talk):
    assert LOOP + LOOP not in exported(library, talk, "txt")
    assert exported(library, talk, "txt", paragraphs="segments").split("\n\n") == [
        "大家刚刚都已经这个，", "听过他们的精彩的报告了。", LOOP, "今天就到这里。\n",
    ]
    segments = json.loads(exported(library, talk, "json"))["transcripts"][0]["segments"]
    assert [s.get("repeat_of") for s in segments] == [None, None, None, 3, None]
    assert segments[3]["raw"] == LOOP and segments[3]["cleaned"] == ""
    rows = list(csv.DictReader(io.StringIO(exported(library, talk, "csv"))))
    assert [r["repeat_of"] for r in rows] == ["", "", "", "3", ""]


def test_a_turn_is_one_paragraph_in_reading_formats(library, talk):
    assert exported(library, talk, "txt") == "大家刚刚都已经这个，听过他们的精彩的报告了。" + LOOP + "今天就到这里。\n"
