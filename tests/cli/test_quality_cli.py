"""glossary, suggest, qa and rules suggest on the command line."""

from reader.core.paths import seeds_dir
from tests.cli.conftest import import_text

TALK = "我们几个模台是不是要合在一起做。\n视觉encoder与训练啊，用chat gpt。\n今天我们讲对齐的问题。\n"


def test_glossary_add_list_remove_and_tsv_round_trip(run, tmp_path):
    tid = import_text(run, tmp_path, TALK)
    assert run("glossary", "add", "大语言模型", "--alias", "大圆模型", "--alias", "大元模型")[0] == 0
    assert run("glossary", "add", "模态", "--transcript", tid)[0] == 0
    code, out, _ = run("glossary", "list")
    assert out == ["大语言模型\t大圆模型,大元模型\tglobal", f"模态\t\ttranscript {tid}"]
    assert run("glossary", "export", "-")[1] == ["大语言模型\t大圆模型,大元模型"]
    tsv = tmp_path / "g.tsv"
    tsv.write_text("ChatGPT\tCHRGBT\n预训练\n大语言模型\t大圆模型\n", encoding="utf-8")
    assert run("glossary", "import", tsv)[1] == ["2"]  # the third line adds nothing new
    assert run("glossary", "remove", "预训练")[0] == 0
    code, _, err = run("glossary", "remove", "预训练")
    assert code == 1 and "not in the global glossary" in err[0]
    out_file = tmp_path / "out.tsv"
    assert run("glossary", "export", out_file, "--transcript", tid)[0] == 0
    assert out_file.read_text(encoding="utf-8") == "模态\t\n"


def test_suggest_prints_pos_found_suggestion_context(run, tmp_path):
    tid = import_text(run, tmp_path, TALK)
    for term in ("模态", "预训练", "ChatGPT", "对齐"):
        run("glossary", "add", term)
    code, out, err = run("suggest", tid)
    assert code == 0, err
    assert [line.split("\t")[:3] for line in out] == [
        ["1", "模台", "模态"], ["2", "与训练", "预训练"], ["2", "chat gpt", "ChatGPT"],
    ]
    assert out[0].split("\t")[3] == "我们几个[模台]是不是要合在一起做。"


def test_suggest_with_a_glossary_file_instead_of_the_librarys(run, tmp_path):
    tid = import_text(run, tmp_path, TALK)
    tsv = tmp_path / "g.tsv"
    tsv.write_text("模态\n", encoding="utf-8")
    assert [line.split("\t")[1] for line in run("suggest", tid, "--glossary", tsv)[1]] == ["模台"]


def test_qa_is_silent_for_a_clean_transcript_and_lists_findings_otherwise(run, tmp_path):
    clean = import_text(run, tmp_path, "今天天气很好。\n我们去公园散步。\n", "clean.txt")
    assert run("qa", clean) == (0, [], [])
    messy = import_text(run, tmp_path, "我们来讲二十一个问题（第一个。\n一共有21个。\n今天讲模台，也讲模态。\n", "messy.txt")
    run("glossary", "add", "模态")
    code, out, _ = run("qa", messy)
    kinds = [line.split("\t")[:2] for line in out]
    assert code == 0
    assert ["1", "brackets"] in kinds and ["1", "numbers"] in kinds
    assert ["3", "spelling"] in kinds and ["3", "suggestion"] in kinds


def test_qa_finds_the_same_talk_recognised_twice(run):
    code, out, _ = run("import", seeds_dir() / "002_31e3d2a98f80fa1d.txt", seeds_dir() / "003_0bb9eea8fe887261.txt")
    assert code == 0
    ids = [line.split("\t")[0] for line in out]
    roundtable, third_talk = ids[0], ids[3]
    _code, out, _ = run("qa", roundtable)
    duplicates = [line for line in out if line.split("\t")[1] == "duplicate"]
    assert len(duplicates) == 1 and f"transcript {third_talk} " in duplicates[0]


def test_rules_suggest_lists_each_changed_span_with_its_counts(run, tmp_path):
    tid = import_text(run, tmp_path, "我们用大圆模型和微信来做。\n大圆模型很大。\n还有微信的模型。\n大圆模型好。\n")
    run("glossary", "add", "大语言模型")
    assert run("correct", tid, 1, "我们用大语言模型和vision来做。")[0] == 0
    _code, out, _ = run("rules", "suggest")
    assert out == [f"{tid}\t1\t大圆模型\t大语言模型\t2\t2", f"{tid}\t1\t微信\tvision\t1\t1"]


def test_glossary_terms_are_whole_words_of_show_clean_and_export(run, tmp_path):
    """A fresh process knows the term only from the library: the stutter stage would make 琪琪娅 琪娅."""
    import subprocess
    import sys

    from tests.cli.test_startup import CHECKOUT, SCRIPT

    tid = import_text(run, tmp_path, "今天那个琪琪娅来了。\n")
    run("glossary", "add", "琪琪娅", "--transcript", tid)

    def fresh(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, "--db", run.db, *args],
            cwd=CHECKOUT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        )
        return done.stdout

    assert "琪琪娅" in fresh("show", tid, "--clean")
    assert "琪琪娅" in fresh("export", tid, "--format", "txt", "-o", "-")
    run("glossary", "remove", "琪琪娅", "--transcript", tid)
    assert "那个琪娅来了" in fresh("show", tid, "--clean")
