"""Full-text search as a reader of the library uses it, and the index kept in step with every change."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import UserError
from reader.core.library import delete_transcript, edits, import_file, search, splitting
from reader.core.library import rules as library_rules
from reader.core.library.search import find_spans, fold
from reader.core.library.search import search as find

TALK = """# 讲座

今天我们讲大圆模型，这是一个很大的话题。

我們發佈了一篇關於深度學習的文章。

OpenAI 的 C++ 代码和 "AND" 关键字。

(掌声)

谢谢大家。
"""

HOSTILE = [
    "AND", "OR", "NOT", '"', '""', "c++", "*", "(", ")", "-", ":", "^", "NEAR", "NEAR(a b)", "", " ", "\t\n",
    "a" * 5000, "\x00", "\x01\x02模型", "模型 OR", 'segment_search:"x"', "raw:大", "{raw effective}: 模", "'; DROP TABLE segments; --",
    "\udcff模型",  # a byte that was not UTF-8, as the command line passes it
]


@pytest.fixture
def talk(library, tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(TALK, encoding="utf-8")
    return import_file(library, path).transcripts[0].id


def positions(hits):
    return [h.position for h in hits]


def test_a_word_inside_a_longer_word_is_found(library, talk):
    hits = find(library, "深度")
    assert positions(hits) == [2] and hits[0].transcript_id == talk


def test_a_single_character_finds_the_words_holding_it(library, talk):
    assert positions(find(library, "圆")) == [1]
    assert sorted(positions(find(library, "大"))) == [1, 5]


def test_traditional_query_finds_simplified_text_and_back(library, talk):
    assert positions(find(library, "話題")) == [1]
    assert positions(find(library, "发布")) == [2]
    assert positions(find(library, "ＯＰＥＮＡＩ")) == [3]


def test_every_part_must_match_and_a_straddling_query_still_finds(library, talk):
    assert positions(find(library, "深度 文章")) == [2]
    assert find(library, "深度 谢谢") == []
    # Not a jieba word of the text: 学习的文 straddles three.
    assert positions(find(library, "学习的文")) == [2]


def test_hit_carries_a_snippet_with_the_hit_marked(library, talk):
    hit = find(library, "話題")[0]
    assert hit.snippet[hit.snippet_start:hit.snippet_end] == "话题"
    assert hit.column == "effective" and hit.title == "讲座"


def test_a_fresh_correction_is_found_at_once(library, talk):
    segment = edits.segment_at(library, talk, 5)
    assert find(library, "感谢") == []
    edits.set_correction(library, segment, "非常感谢各位。")
    hits = find(library, "感谢")
    assert [(h.segment_id, h.column) for h in hits] == [(segment, "effective")]
    # The raw text stays searchable; the old effective text is gone from the index.
    assert [h.column for h in find(library, "谢谢")] == ["raw"]
    edits.revert_correction(library, segment)
    assert find(library, "感谢") == []


def test_split_merge_and_their_undo_keep_the_index_in_step(library, talk):
    segment = edits.segment_at(library, talk, 1)
    split = splitting.split_segment(library, segment, 6)
    assert [(h.segment_id, h.position) for h in find(library, "话题")] == [(split.segment_ids[1], 2)]
    assert positions(find(library, "谢谢")) == [6]
    splitting.undo_split(library, split)
    assert [(h.segment_id, h.position) for h in find(library, "话题")] == [(segment, 1)]
    merged = splitting.merge_segments(library, segment)
    assert [h.segment_id for h in find(library, "深度")] == [merged.segment_id]
    assert positions(find(library, "谢谢")) == [4]


def test_deleting_a_transcript_removes_its_hits(library, talk, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("深度学习的另一讲。", encoding="utf-8")
    second = import_file(library, other).transcripts[0].id
    assert {h.transcript_id for h in find(library, "深度")} == {talk, second}
    delete_transcript(library, talk)
    assert {h.transcript_id for h in find(library, "深度")} == {second}


def test_rules_change_what_is_found_in_the_effective_text(library, talk):
    assert find(library, "大语言模型") == []
    rule = library_rules.add_rule(library, "大圆模型", "大语言模型")
    assert [(h.position, h.column) for h in find(library, "大语言模型")] == [(1, "effective")]
    library_rules.remove_rule(library, rule)
    assert find(library, "大语言模型") == []


def test_search_within_one_transcript_and_a_limit(library, talk, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("大家好。\n\n大家再见。", encoding="utf-8")
    second = import_file(library, other).transcripts[0].id
    assert {h.transcript_id for h in find(library, "大家", transcript_id=second)} == {second}
    assert len(find(library, "大家", limit=1)) == 1
    with pytest.raises(UserError, match="no such transcript"):
        find(library, "大家", transcript_id=999)


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_results_or_a_clear_message(library, talk, query):
    try:
        hits = find(library, query)
    except UserError as exc:
        assert str(exc).startswith("search: ")
    else:
        assert isinstance(hits, list)


def test_operators_are_words_not_syntax(library, talk):
    assert positions(find(library, "AND")) == [3]
    assert positions(find(library, "c++")) == [3]
    assert positions(find(library, '"and"')) == [3]


def test_empty_and_punctuation_only_queries_explain_themselves(library, talk):
    for query in ("", "   ", '"', "*", "(", "^"):
        with pytest.raises(UserError, match="nothing to search for"):
            find(library, query)
    with pytest.raises(UserError, match="too long"):
        find(library, "模" * 500)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_text_is_a_safe_query(library, talk, query):
    try:
        hits = find(library, query)
    except UserError:
        return
    assert all(h.snippet for h in hits)


def test_indexing_reports_progress_can_be_cancelled_and_repairs_lost_triggers(library, talk):
    search.rebuild_index(library, cancel=lambda: True)
    assert search.pending_count(library) == 5
    seen = []
    assert search.update_index(library, progress=lambda done, total: seen.append((done, total))) == 5
    assert seen[-1] == (5, 5) and search.pending_count(library) == 0
    # A migration that copies the segments table drops its triggers: the index notices.
    with library.write() as session:
        session.connection().exec_driver_sql("DROP TRIGGER search_segment_changed")
    search.update_index(library)
    edits.set_correction(library, edits.segment_at(library, talk, 5), "非常感谢。")
    assert positions(find(library, "感谢")) == [5]


# Chinese in both scripts, letters in both widths and cases, digits, letters that only fold into
# letters (Ⓐ), punctuation that breaks a text into pieces, marks, spaces and control characters;
# Chinese-range characters Python does not count as letters (a hexagram, a code point newer than
# its Unicode) too.
PIECES = st.text(alphabet="模型數据语言我们大圆aAbＢc1２Ⓐⓑ_，。,.!？ \t\n\x01\x7f-+䷀\U00031350", max_size=16)


@settings(max_examples=300, deadline=None)
@given(raw=PIECES, effective=PIECES, data=st.data())
def test_the_index_holds_every_term_a_query_of_its_text_asks_for(raw, effective, data):
    """An entry is a candidate for any piece of its raw or effective text: the tokenizer's terms
    of `index_text` hold what `index_terms` asks of every query that piece makes."""
    import sqlite3

    from reader.core.library import search_sqlite

    text = data.draw(st.sampled_from([raw, effective]))
    start = data.draw(st.integers(0, len(text)))
    piece = text[start:data.draw(st.integers(start, len(text)))]
    try:
        parsed = search.parse_query(piece)
    except UserError:
        return  # nothing to look for: search says so
    conn = sqlite3.connect(":memory:")
    conn.execute(search_sqlite.CREATE_INDEX)
    conn.execute(f"INSERT INTO {search_sqlite.INDEX}(rowid, tokens) VALUES (1, ?)", (search.index_text(raw, effective),))
    match = search._quoted(search.index_terms([*parsed.words, *parsed.prefixes]))
    assert conn.execute(f"SELECT rowid FROM {search_sqlite.INDEX} WHERE {search_sqlite.INDEX} MATCH ?", (match,)).fetchall() == [(1,)]


def test_fold_keeps_offsets():
    text = "我們ＡＢＣ發佈\x00了"
    assert len(fold(text)) == len(text)
    assert fold(text) == "我们abc发布 了"


def test_find_spans_marks_the_query_in_either_script():
    assert find_spans("我們發佈了，我們", "我们") == [(0, 2), (6, 8)]
    assert find_spans("无关", "(") == []


def test_a_new_version_of_the_cleaning_reindexes_what_it_cleans_differently(library, talk, monkeypatch):
    assert positions(find(library, "深度")) == [2]
    assert search.pending_count(library) == 0
    # An upgrade: the cleaning now reads the text differently, and says so by its fingerprint.
    from reader.core.text import shown

    cleaned_before = shown.shown_run
    monkeypatch.setattr(
        shown, "shown_run", lambda *args: [shown.Shown(s.text + "升级后", s.cleaned, s.repeat) for s in cleaned_before(*args)]
    )
    assert find(library, "升级后") == []  # same fingerprint: the index is trusted as it is
    monkeypatch.setattr(search, "cleaning_fingerprint", lambda: "next version")
    assert sorted(positions(find(library, "升级后"))) == [1, 2, 3, 4, 5]


def test_a_build_stopped_half_way_goes_on_where_it_stopped(library, tmp_path, monkeypatch):
    """The app indexes a slice at a time while idle, and a search can be cancelled: going on
    must not throw away what was indexed and start over (a big library would never be done)."""
    from reader.core.library import search_sqlite

    monkeypatch.setattr(search_sqlite, "CHUNK", 4)  # so that a small talk spans several chunks
    path = tmp_path / "long.txt"
    path.write_text("# 长讲座\n\n" + "\n\n".join(f"第{i}段讲的是模型和数据。" for i in range(40)), encoding="utf-8")
    import_file(library, path)
    stop_after_first = iter([False, True])
    first = search.update_index(library, cancel=lambda: next(stop_after_first, True))
    assert 0 < first < 40 and search.pending_count(library) == 40 - first
    assert search.update_index(library) == 40 - first  # only what was left
    assert len(find(library, "模型", limit=100)) == 40
    # Queued again while indexed (a new version of the cleaning): this is started afresh.
    search.rebuild_index(library, cancel=lambda: True)
    assert search.update_index(library) == 40


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_a_large_build_with_worker_processes_indexes_exactly_what_one_process_does(library, tmp_path, monkeypatch, caplog, start):
    """Worker processes clean the next chunks while this one writes (search_workers): the index
    they make must be the one the sequential build makes, entry for entry. Forked from this
    process (the command line's way) or from the fork server (the app's, which has threads)."""
    import os

    from reader.core.library import open_library, search_sqlite, search_workers

    if search_workers.worker_count() == 0:
        pytest.skip("one core: a build never starts workers here")
    if start == "fork" and len(os.listdir("/proc/self/task")) > 1:
        pytest.skip("this test process runs other threads, so no build here forks (the fork server's case runs)")
    monkeypatch.setattr(search_workers, "_only_thread", lambda: start == "fork")
    monkeypatch.setattr(search_sqlite, "CHUNK", 50)
    monkeypatch.setattr(search_workers, "CHUNK", 50)
    monkeypatch.setattr(search_workers, "PARALLEL_MIN", 100)
    path = tmp_path / "long.txt"
    paragraphs = (f"呃第{i}段讲的是大圆模型和数据，数据数据很重要吗。" for i in range(400))
    path.write_text("# 长讲座\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    sequential = open_library(str(tmp_path / "second.sqlite3"))
    for lib in (library, sequential):
        import_file(lib, path)
        library_rules.add_rule(lib, "大圆模型", "大语言模型")

    def index_of(lib) -> list:
        with lib.read() as session:
            conn = session.connection()
            return [
                *conn.exec_driver_sql("SELECT segment_id, effective_text FROM segment_search_entries ORDER BY segment_id").all(),
                *[(q, [h.segment_id for h in find(lib, q, limit=1000)]) for q in ("大语言模型", "数据很重要吗？", "呃")],
            ]

    assert search.update_index(library) == 400  # with workers
    assert not [r for r in caplog.records if r.name == search_workers.__name__], "the workers did not run"
    assert search.update_index(sequential, workers=False) == 400
    assert index_of(library) == index_of(sequential)
    sequential.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_neighbourhood_read_a_run_at_a_time_is_the_one_the_query_picks(library, tmp_path, data):
    """What an index chunk reads (the queued segments, their neighbours and context, with the
    distance of each): read run by run, it is row for row what `NEIGHBOURHOOD` picks."""
    from reader.core.library import search_sqlite, search_tables

    if not list(tmp_path.glob("*.txt")):
        for name, count in (("a", 30), ("b", 12), ("c", 1)):
            path = tmp_path / f"{name}.txt"
            path.write_text(f"# {name}\n\n" + "\n\n".join(f"{name}第{i}段。" for i in range(count)), encoding="utf-8")
            import_file(library, path)
    with library.read() as session:
        conn = session.connection()
        every = conn.exec_driver_sql("SELECT id FROM segments ORDER BY id").scalars().all()
        chosen = sorted(data.draw(st.sets(st.sampled_from(every), min_size=1)))
        query = search_tables.NEIGHBOURHOOD.format(chosen=f"IN ({','.join('?' * len(chosen))})")
        expected = [tuple(row) for row in conn.exec_driver_sql(query, tuple(chosen))]
        assert search_sqlite.neighbourhood(conn, chosen) == expected


def test_a_chunk_changed_after_the_workers_read_it_is_cleaned_again_here():
    from reader.core.library.search_workers import _taking

    cleaned = ((1, 1, "text", "旧的", None, 1, 0),)
    made = [(1, ["旧"], [], "旧的")]
    again = []
    entries_of = _taking(cleaned, made, lambda rows: again.append(rows) or [(1, ["新"], [], "新的")])
    assert entries_of([list(cleaned[0])]) == made and again == []
    changed = ((1, 1, "text", "旧的", "新的", 1, 0),)  # corrected in between
    assert entries_of(changed) == [(1, ["新"], [], "新的")] and again == [changed]
