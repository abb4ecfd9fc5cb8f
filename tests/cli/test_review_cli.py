"""review, history, comment, comments, rename and list's REVIEWED column on the command line."""

from reader.core.paths import seeds_dir


def _roundtable(run) -> str:
    code, out, err = run("import", seeds_dir() / "002_31e3d2a98f80fa1d.txt")
    assert code == 0, err
    return out[0].split("\t")[0]


def test_review_a_range_shows_in_list_and_undo_takes_it_back(run):
    tid = _roundtable(run)
    assert run("review", tid, "2-4")[0] == 0
    code, out, _ = run("list")
    fields = out[0].split("\t")
    # The first five columns are where they were; REVIEWED comes last.
    assert fields[0] == tid and fields[4].endswith("002_31e3d2a98f80fa1d.txt") and fields[5] == "3"
    assert run("review", tid, "3", "--undo")[0] == 0
    assert run("list")[1][0].split("\t")[5] == "2"
    code, _out, err = run("review", tid, "2")
    assert code == 0 and "already reviewed" in err[0]


def test_a_correction_by_another_author_reopens_a_reviewed_segment(run):
    tid = _roundtable(run)
    run("--author", "li", "review", tid, "1")
    run("--author", "wang", "correct", tid, "1", "王的改正")
    assert run("list")[1][0].split("\t")[5] == "0"


def test_history_prints_each_revision_oldest_first(run):
    tid = _roundtable(run)
    run("--author", "li", "correct", tid, "2", "第一稿")
    run("--author", "li", "correct", tid, "2", "第二\t稿")
    run("--author", "li", "revert", tid, "2")
    code, out, _ = run("history", tid, "2")
    rows = [line.split("\t") for line in out]
    assert code == 0 and [r[1:] for r in rows] == [["li", "typed", "第一稿"], ["li", "typed", "第二 稿"], ["li", "revert", ""]]
    assert rows[0][0] <= rows[1][0] <= rows[2][0] and "T" in rows[0][0]


def test_comments_are_added_listed_and_resolved(run):
    tid = _roundtable(run)
    code, out, _ = run("--author", "wang", "comment", tid, "5", "这里是谁在说话？")
    comment_id = out[0]
    code, out, _ = run("comments", tid)
    assert code == 0 and [line.split("\t")[:2] + line.split("\t")[3:] for line in out] == [
        [comment_id, "5", "wang", "open", "这里是谁在说话？"]
    ]
    assert run("comment", tid, "5", "--resolve", comment_id)[0] == 0
    assert run("comments", tid)[1] == []
    assert run("comments", tid, "--all")[1][0].split("\t")[4] == "resolved"
    code, _out, err = run("comment", tid, "5")
    assert code == 1 and "TEXT" in err[0]


def test_rename(run):
    tid = _roundtable(run)
    assert run("rename", tid, "圆桌 P4")[0] == 0
    assert run("list")[1][0].split("\t")[1] == "圆桌 P4"
    code, _out, err = run("rename", "999", "x")
    assert code == 1 and "no such transcript" in err[0]


def test_docx_export_with_comments(run, tmp_path):
    import docx

    tid = _roundtable(run)
    run("--author", "wang", "comment", tid, "3", "核对")
    out = tmp_path / "talk.docx"
    assert run("export", tid, "--format", "docx", "--comments", "-o", out)[0] == 0
    assert [c.text for c in docx.Document(str(out)).comments] == ["核对"]
