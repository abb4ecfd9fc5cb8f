"""`transcript-reader search`: ID POS SNIPPET per hit, any input safe."""

import pytest

from tests.cli.conftest import import_text


@pytest.fixture
def run(run, tmp_path):
    """The runner, on a library holding one talk (transcript 1)."""
    import_text(run, tmp_path, "# 讲座\n\n我們發佈了深度學習的文章。\n\n今天讲模型\t和数据。\n\n深度模型很大。\n")
    return run


def test_hits_are_tab_separated_records(run):
    code, out, err = run("search", "深度")
    assert code == 0 and err == []
    records = [line.split("\t") for line in out]
    assert sorted((r[0], r[1]) for r in records) == [("1", "1"), ("1", "3")]
    assert all(len(r) == 3 and "深度" in r[2] for r in records)


def test_a_tab_in_the_text_does_not_split_the_record(run):
    out = run("search", "数据")[1]
    assert len(out) == 1 and out[0].split("\t")[:2] == ["1", "2"] and len(out[0].split("\t")) == 3


def test_limit_and_transcript(run):
    assert len(run("search", "深度", "--limit", "1")[1]) == 1
    code, _out, err = run("search", "深度", "--transcript", "5")
    assert code == 1 and "no such transcript" in err[0]


def test_a_correction_is_found_by_the_next_command(run):
    run("correct", "1", "2", "今天讲语言模型和数据集。")
    out = run("search", "数据集")[1]
    assert [line.split("\t")[:2] for line in out] == [["1", "2"]]


@pytest.mark.parametrize(
    "query", ["AND", "OR", "NOT", '"', '""', "c++", "*", "(", ")", "-", ":", "^", "NEAR", "", " ", "\x01", "模" * 1000]
)
def test_hostile_queries_never_crash(run, query):
    code, out, err = run("search", query)
    assert code in (0, 1)
    if code == 1:
        assert out == [] and len(err) == 1 and err[0].startswith("transcript-reader: error: search: ")


def test_a_search_that_must_index_much_first_says_so_once(run, monkeypatch):
    """After a large import the first search indexes it all (a minute and more for a million
    segments): it says so on stderr, once, rather than sit silent; the hits are unchanged."""
    from reader import cli
    from reader.core.library import open_library, search

    with open_library(run.db) as lib:
        search.rebuild_index(lib, cancel=lambda: True)  # everything queued again, nothing indexed
    monkeypatch.setattr(cli, "INDEXING_NOTE_MIN", 3)
    code, out, err = run("search", "深度")
    assert code == 0 and len(out) == 2
    assert err == ["transcript-reader: indexing 3 segments for search first (once, after an import); this takes a while"]
    assert run("search", "深度")[2] == []  # nothing left to index
