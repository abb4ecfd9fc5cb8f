"""Whole-library find through the search index finds what reading every segment finds, a page at a time."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import UserError
from reader.core.library import edits, import_file, replacing, search
from reader.core.library import find_pages as pages
from reader.core.text import Cleaner, shown_run

TALKS = [
    """# 第一讲

今天我们讲大语言模型，这是一个很大的话题。

呃，我我我们先看 OpenAI 的 GPT-4 模型。

![](figure.png)

大家好，大家好。

谢谢大家，模型就讲到这里。
""",
    """# 第二讲

我們發佈了一篇關於深度學習的文章，視頻在網上。

介介介绍一下 ChatGPT 和 gpt4o，还有 C++ 代码。

语言模型的训练数据，嗯，很多很多。

最后一段：语言，模型，分开写。
""",
]


@pytest.fixture
def talks(library, tmp_path):
    for n, body in enumerate(TALKS):
        path = tmp_path / f"talk{n}.txt"
        path.write_text(body, encoding="utf-8")
        import_file(library, path)
    search.update_index(library)
    return library


def queue_everything(lib):
    with lib.write() as session:
        session.connection().exec_driver_sql("INSERT OR IGNORE INTO search_pending(segment_id) SELECT id FROM segments")


_cleaner = Cleaner()


def shown(segments):
    return [s.text for s in shown_run(segments, _cleaner)]


def as_set(matches):
    return {(m.segment_id, m.start, m.end) for m in matches}


PATTERNS = ["模型", "大", "语言模型", "語言", "视频", "GPT", "gpt", "penai", "openai", "T-4", "4o", "C++", "，", "大家好，大家",
            "我们", "很多很多", "不存在", "介绍", "呃", "模型，"]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text_of", [None, shown], ids=["stored", "shown"])
@pytest.mark.parametrize("queued", [False, True], ids=["indexed", "queued"])
def test_find_through_the_index_finds_what_a_full_read_finds(talks, pattern, text_of, queued):
    if queued:
        queue_everything(talks)
    every = replacing.find(talks, pattern, text_of=text_of)
    found = pages.find_all(talks, pattern, text_of=text_of)
    assert as_set(f.match for f in found) == as_set(every)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_piece_of_any_segment_is_found_as_a_full_read_finds_it(talks, data):
    segment_texts = {f.match.segment_id: f.text for f in pages.find_all(talks, ".", regex=True, text_of=shown)}
    text = data.draw(st.sampled_from(sorted(segment_texts.values())))
    start = data.draw(st.integers(0, len(text) - 1))
    pattern = text[start : start + data.draw(st.integers(1, 6))]
    case_sensitive = data.draw(st.booleans())
    every = replacing.find(talks, pattern, case_sensitive=case_sensitive, text_of=shown)
    found = pages.find_all(talks, pattern, case_sensitive=case_sensitive, text_of=shown)
    assert as_set(f.match for f in found) == as_set(every)


def test_pages_go_on_from_their_cursor_without_gaps_or_repeats(talks):
    every = as_set(replacing.find(talks, "大", text_of=shown))
    seen = []
    cursor = None
    while True:
        page = pages.find_page(talks, "大", limit=2, cursor=cursor, text_of=shown)
        assert page.used_index
        seen += [(m.segment_id, m.start, m.end) for m in page.matches]
        if page.next is None:
            break
        assert len(page.matches) >= 2
        cursor = page.next
    assert len(seen) == len(set(seen)) and set(seen) == every


def test_a_regular_expression_reads_every_segment_and_pages_by_transcript(talks):
    first = pages.find_page(talks, "模.", regex=True, limit=1, text_of=shown)
    assert not first.used_index and first.next is not None
    rest = pages.find_page(talks, "模.", regex=True, cursor=first.next, text_of=shown)
    assert rest.next is None
    assert as_set(first.matches + rest.matches) == as_set(replacing.find(talks, "模.", regex=True, text_of=shown))


def test_a_fresh_correction_is_found_at_once_and_its_old_text_no_more(talks):
    segment_id = edits.segment_at(talks, 1, 1)
    edits.set_correction(talks, segment_id, "新的校对文字")
    assert search.pending_count(talks) > 0  # find only reads: the index is not brought up to date by it
    page = pages.find_page(talks, "校对")
    assert [m.segment_id for m in page.matches] == [segment_id]
    assert page.found[0].correction == "新的校对文字"
    assert pages.find_page(talks, "今天我们").matches == []
    search.update_index(talks)
    assert [m.segment_id for m in pages.find_page(talks, "校对").matches] == [segment_id]
    assert pages.find_page(talks, "今天我们").matches == []


def test_pages_of_queued_segments_then_the_index_go_on_without_gaps(talks):
    queue_everything(talks)  # as after an import, before the index has caught up
    every = as_set(replacing.find(talks, "大", text_of=shown))
    seen = []
    cursor = None
    while True:
        page = pages.find_page(talks, "大", limit=1, cursor=cursor, text_of=shown)
        seen += [(m.segment_id, m.start, m.end) for m in page.matches]
        if page.next is None:
            break
        cursor = page.next
    assert len(seen) == len(set(seen)) and set(seen) == every


def test_replace_preview_shows_what_replace_all_would_write(talks):
    preview = pages.replace_preview(talks, "模型", "大模型", text_of=shown)
    batch = replacing.replace_all(talks, "模型", "大模型", text_of=shown)
    assert {(p.segment_id, p.after) for p in preview.previews} == {(i.segment_id, i.new) for i in batch.items}


def test_a_bad_pattern_says_why(talks):
    with pytest.raises(UserError):
        pages.find_page(talks, "")
    with pytest.raises(UserError):
        pages.find_page(talks, "(", regex=True)


@pytest.mark.parametrize("pattern,regex,queued", [("大", False, False), ("大", False, True), ("大.", True, False)])
def test_a_cancelled_find_stops_early_and_its_cursor_goes_on_without_gaps(talks, pattern, regex, queued):
    if queued:
        queue_everything(talks)
    every = as_set(replacing.find(talks, pattern, regex=regex, text_of=shown))
    asked = []

    def cancel_at_once():
        asked.append(1)
        return True

    stopped = pages.find_page(talks, pattern, regex=regex, text_of=shown, cancel=cancel_at_once)
    assert asked and stopped.matches == [] and stopped.next is not None
    rest = pages.find_all(talks, pattern, regex=regex, text_of=shown)
    again = pages.find_page(talks, pattern, regex=regex, text_of=shown, cursor=stopped.next, limit=1000)
    assert as_set(again.matches) == as_set(f.match for f in rest) == every
