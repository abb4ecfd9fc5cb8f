"""Every command of the command line on a shared PostgreSQL library, and two annotators at once."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from reader.cli import main
from reader.core.paths import seeds_dir
from tests.cli.conftest import cli_runner, import_text

TALK = "# 讲座\n\n大家好，我们用CHRGBT做实验。\n\n大圆模型很好。\n\n谢谢大家。\n\n下次再见。\n\n再见。\n"


@pytest.fixture
def run(pg_url, capsys):
    return cli_runner(pg_url, capsys)


@pytest.fixture
def talk(run, tmp_path):
    return import_text(run, tmp_path, TALK)


def cli(pg_url: str, *args, author: str | None = None) -> subprocess.CompletedProcess:
    """The command line in its own process, as a second person at another computer runs it."""
    env = dict(os.environ)
    if author is not None:
        env["TRANSCRIPT_READER_AUTHOR"] = author
    command = [sys.executable, "-m", "reader", "--db", pg_url, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def column(out: list[str], index: int = -1) -> list[str]:
    return [line.split("\t")[index] for line in out]


def test_every_command_on_a_shared_library(run, tmp_path):
    code, out, err = run("import", seeds_dir())
    # Nothing goes wrong; the seeds hold two talks twice (000/001, 002 and 003's third), which import notices.
    assert code == 0 and len(out) >= 5
    assert [line.split(" (compare ")[1] for line in err] == ["2 1)", "6 3)"]
    assert all(line.startswith("transcript-reader: warning: transcript ") for line in err)
    code, listed, _ = run("list")
    ids = column(listed, 0)
    assert code == 0 and len(ids) == len(out)
    first = ids[0]
    code, raw, _ = run("show", first)
    assert code == 0 and len(raw) > 10

    assert run("correct", first, 2, "第二段改好了。")[0] == 0
    code, cleaned, _ = run("show", first, "--clean")
    assert cleaned[1].split("\t")[-1] == "第二段改好了。"
    assert run("revert", first, 2)[0] == 0
    assert run("split", first, 1, 3)[0] == 0
    code, after_split, _ = run("show", first)
    assert len(after_split) == len(raw) + 1
    assert column(after_split)[0] + column(after_split)[1] == column(raw)[0]
    assert run("merge", first, 1)[0] == 0
    assert column(run("show", first)[1]) == column(raw)

    code, out, _ = run("rules", "add", "所以说", "所以", "--transcript", first)
    assert code == 0
    assert column(run("rules", "list")[1], 0) == out
    rules_file = tmp_path / "rules.tsv"
    assert run("rules", "export", rules_file, "--transcript", first)[0] == 0
    assert run("rules", "remove", out[0])[0] == 0
    assert run("rules", "import", rules_file, "--transcript", first)[1] == ["1"]

    assert run("tag", first, "1-3", "--speaker", "主持人")[0] == 0
    assert run("tag", first, "2-4", "--topic", "开场")[0] == 0
    assert column(run("speakers", first)[1], 0)[0] == "主持人"
    assert run("topics", first)[1] == ["开场\t3\t2-4"]
    assert run("untag", first, "2-4", "--topic", "开场")[0] == 0
    assert run("topics", first)[1] == []

    code, hits, err = run("search", "大模型")
    assert code == 0 and err == [] and hits
    assert all("大模型" in h.split("\t")[-1] for h in hits)

    code, text, _ = run("export", first, "--format", "txt", "-o", "-")
    assert code == 0 and text
    folder = tmp_path / "all"
    folder.mkdir()
    assert run("export", "all", "--format", "md", "-o", folder)[0] == 0
    assert len(list(folder.iterdir())) == len(ids)

    assert run("delete", ids[-1])[0] == 0
    assert len(run("list")[1]) == len(ids) - 1
    assert run("check") == (0, ["ok"], [])


def test_search_finds_the_same_segments_as_on_sqlite(run, pg_url, tmp_path, capsys):
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    sqlite = str(tmp_path / "same.sqlite3")
    assert main(["--db", sqlite, "import", str(seed)]) == 0
    assert run("import", seed)[0] == 0
    capsys.readouterr()
    for query in ("模型", "發展", "OpenAI", "openai 视频", "的", "不在这里的词语"):
        assert main(["--db", sqlite, "search", query, "--limit", "500"]) == 0
        on_sqlite = sorted(capsys.readouterr().out.splitlines())
        code, on_postgres, _ = run("search", query, "--limit", "500")
        assert code == 0 and sorted(on_postgres) == on_sqlite, query
    assert on_sqlite == []


def test_a_correction_is_found_by_search_at_once(run, talk):
    assert run("correct", talk, 2, "大语言模型很好。")[0] == 0
    code, hits, _ = run("search", "大语言模型")
    assert code == 0 and hits == [f"{talk}\t2\t大语言模型很好。"]


def test_two_annotators_correct_different_segments_at_once_and_nothing_is_lost(pg_url, talk):
    def annotate(name: str, positions: list[int]) -> list[subprocess.CompletedProcess]:
        return [cli(pg_url, "correct", talk, p, f"{name} 第{round_}遍 {p}", author=name) for round_ in (1, 2) for p in positions]

    with ThreadPoolExecutor(2) as pool:
        alice = pool.submit(annotate, "alice", [1, 3, 5])
        bob = pool.submit(annotate, "bob", [2, 4])
        done = alice.result() + bob.result()
    assert [(d.returncode, d.stderr) for d in done] == [(0, "")] * len(done)
    shown = cli(pg_url, "show", talk, "--clean", "--versions").stdout.splitlines()
    assert [line.split("\t")[2:] for line in shown] == [
        ["alice 第2遍 1", "3"], ["bob 第2遍 2", "3"], ["alice 第2遍 3", "3"], ["bob 第2遍 4", "3"], ["alice 第2遍 5", "3"],
    ]


def test_two_annotators_saving_one_segment_the_second_sees_the_first_text(pg_url, talk):
    version = cli(pg_url, "show", talk, "--versions").stdout.splitlines()[1].split("\t")[-1]
    texts = {"alice": "大语言模型很好。", "bob": "大元模型很好。"}
    with ThreadPoolExecutor(2) as pool:
        saves = pool.map(lambda name: cli(pg_url, "correct", talk, 2, texts[name], "--expect-version", version, author=name), texts)
        done = dict(zip(texts, saves, strict=True))
    winners = [name for name, d in done.items() if d.returncode == 0]
    assert len(winners) == 1
    winner = winners[0]
    loser = next(name for name in texts if name != winner)
    message = done[loser].stderr
    assert done[loser].returncode == 1 and message.count("\n") == 1
    assert f"{winner} saved version 2 of it, which reads: {texts[winner]}; your text was not saved" in message
    assert "--expect-version 2" in message
    assert cli(pg_url, "show", talk, "--clean").stdout.splitlines()[1].endswith(texts[winner])

    # The second person chooses to replace it, knowingly.
    assert cli(pg_url, "correct", talk, 2, texts[loser], "--expect-version", 2, author=loser).returncode == 0
    assert cli(pg_url, "show", talk, "--clean").stdout.splitlines()[1].endswith(texts[loser])


def test_another_authors_correction_is_not_replaced_without_saying_so(pg_url, talk):
    assert cli(pg_url, "correct", talk, 3, "谢谢各位。", author="alice").returncode == 0
    refused = cli(pg_url, "correct", talk, 3, "谢谢大家！", author="bob")
    assert refused.returncode == 1 and "alice saved version 2 of it, which reads: 谢谢各位。" in refused.stderr
    assert cli(pg_url, "revert", talk, 3, author="bob").returncode == 1
    # Her own correction she changes freely.
    assert cli(pg_url, "correct", talk, 3, "谢谢大家各位。", author="alice").returncode == 0


def test_revisions_record_who_made_them(run, talk, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_READER_AUTHOR", "carol")
    assert run("correct", talk, 1, "各位好，我们用ChatGPT做实验。")[0] == 0
    assert run("--author", "dave", "correct", talk, 2, "大语言模型很好。")[0] == 0
    monkeypatch.delenv("TRANSCRIPT_READER_AUTHOR")
    assert run("correct", talk, 3, "谢谢各位。")[0] == 0
    _, out, _ = run("export", talk, "--format", "json", "-o", "-")
    segments = json.loads("\n".join(out))["transcripts"][0]["segments"]
    assert [[e["author"] for e in s["edits"]] for s in segments[:3]] == [["carol"], ["dave"], [getpass.getuser()]]
