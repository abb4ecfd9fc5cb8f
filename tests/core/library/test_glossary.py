"""The glossary in the library, correction memory's spans and counts."""

import pytest

from reader.core.errors import UserError
from reader.core.library import edits, glossary, import_file, memory
from reader.core.library.edits import segment_at
from reader.core.text import segmenter


def test_terms_are_global_or_for_one_transcript_and_gain_aliases(library, roundtable):
    glossary.add_term(library, "模态", ["模台"])
    glossary.add_term(library, "模态", ["莫泰", "模台"])
    glossary.add_term(library, "智源", transcript_id=roundtable)
    assert [(e.term, e.aliases, e.transcript_id) for e in glossary.list_terms(library)] == [
        ("模态", ("模台", "莫泰"), None), ("智源", (), roundtable),
    ]
    assert [t.text for t in glossary.text_terms(library)] == ["模态"]
    assert [t.text for t in glossary.text_terms(library, roundtable)] == ["智源", "模态"]
    with pytest.raises(UserError):
        glossary.add_term(library, "a,b")
    removed = glossary.remove_term(library, "模态")
    glossary.restore_term(library, removed)
    assert glossary.text_terms(library)[0].aliases == ("模台", "莫泰")


def test_a_term_is_never_split_by_the_segmenter(library):
    assert "智源研究院" not in segmenter.cut("北京智源研究院发布")
    glossary.add_term(library, "智源研究院")
    assert "智源研究院" in segmenter.cut("北京智源研究院发布")


def test_each_changed_span_of_a_correction_on_its_own():
    segmenter.add_glossary(["大语言模型"])
    assert memory.changed_spans("我们用大圆模型和微信来做", "我们用大语言模型和vision来做") == [
        memory.Span("大圆模型", "大语言模型"), memory.Span("微信", "vision"),
    ]
    assert memory.changed_spans("skating low很重要", "scaling law很重要") == [memory.Span("skating low", "scaling law")]
    assert memory.changed_spans("我们做了个模台的事", "我们做了个模态的事") == [memory.Span("模台", "模态")]
    assert memory.changed_spans("一样", "一样") == []


def test_counts_leave_out_the_corrected_segment_and_corrected_ones(library, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("大圆模型一。\n大圆模型二。\n大圆模型三。\n", encoding="utf-8")
    first = import_file(library, path).transcripts[0].id
    other = tmp_path / "b.txt"
    other.write_text("还是大圆模型。\n", encoding="utf-8")
    import_file(library, other)
    edits.set_correction(library, segment_at(library, first, 3), "大语言模型三。")
    assert memory.count_elsewhere(library, first, "大圆模型", segment_at(library, first, 1)) == (1, 2)
