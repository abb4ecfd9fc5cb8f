"""More writers killed at random moments: backups, split and merge, tags, rules, restore.

As in test_crash.py, a crash worker's child writes in a loop and is killed
with SIGKILL; afterwards the library must pass SQLite's integrity_check and
the app's check, and every acknowledged write must be there. Backups must
also clean up after killed backups: a killed backup leaves its temporary copy
(as big as the library), which the next backup removes.
"""

from __future__ import annotations

import os

from reader.core.library import import_file, list_transcripts, open_library, transcript_segments
from reader.core.library.backup import backup, backup_problem, backups_dir, rolling_backup
from reader.core.library.models import Rule, Topic
from tests.reliability.test_crash import KILLS, SEED_FILE, killed, sound

# Two and a half times the other kill tests' rounds: these writes are short, a round is cheap.
ROUNDS = KILLS * 5 // 2
SECOND_SEED = sorted(SEED_FILE.parent.glob("*.txt"))[1]


def leftovers(*folders) -> int:
    return sum(1 for folder in folders if folder.is_dir() for name in os.listdir(folder) if name.endswith(".part"))


def library_with_seed(tmp_path) -> str:
    db = str(tmp_path / "library.sqlite3")
    with open_library(db) as lib:
        import_file(lib, SEED_FILE)
    return db


def test_killed_backups_leave_whole_backups_and_their_leftovers_are_cleaned(tmp_path, crash_worker, rng, figures):
    db = library_with_seed(tmp_path)
    worker = crash_worker("backup", db)
    acknowledged, kills = [], 0
    for round_ in range(ROUNDS):
        result = worker.run_and_kill(round_, rng.uniform(0.02, 0.5))
        kills += killed(result.status)
        assert not [line for line in result.lines if line.startswith("error")], result.lines
        acknowledged += [line.split()[2] for line in result.lines if line.startswith("ack backup ")]
    sound(db)
    folder = tmp_path / "backups"
    lost = [name for name in acknowledged if backup_problem(folder / name) is not None]
    rolling = backups_dir(db)
    for path in rolling.glob("*.sqlite3"):
        assert backup_problem(path) is None
    left_before = leftovers(folder, rolling)
    # The next backups, in a process that did not make them, remove the leftovers of the killed ones.
    with open_library(db) as lib:
        backup(lib, folder)
        rolling_backup(lib)
    left_after = leftovers(folder, rolling)
    assert lost == [] and left_after == 0
    figures(kills=kills, backups_acknowledged=len(acknowledged), backups_lost=len(lost),
            temporary_files_left_by_kills=left_before, temporary_files_after_next_backup=left_after)


def test_killed_splits_merges_tags_and_rules_lose_nothing_acknowledged(tmp_path, crash_worker, rng, figures):
    db = library_with_seed(tmp_path)
    with open_library(db) as lib:
        text_before = "".join(s.raw for s in transcript_segments(lib, 1)[1])
    worker = crash_worker("edit", db)
    lines, kills = [], 0
    for round_ in range(ROUNDS):
        result = worker.run_and_kill(round_, rng.uniform(0.02, 0.4))
        kills += killed(result.status)
        lines += result.lines
    assert not [line for line in lines if line.startswith("error")], lines
    sound(db)
    topics = {line.split()[2] for line in lines if line.startswith("ack topic ")}
    patterns = {line.split()[2] for line in lines if line.startswith("ack rule ")}
    with open_library(db) as lib:
        segments = transcript_segments(lib, 1)[1]
        with lib.read() as session:
            stored_topics = set(session.scalars(Topic.__table__.select().with_only_columns(Topic.name)))
            stored_patterns = set(session.scalars(Rule.__table__.select().with_only_columns(Rule.pattern)))
    lost = len(topics - stored_topics) + len(patterns - stored_patterns)
    # A kill between a split and its merge leaves the split: the text is the same, cut once more.
    assert "".join(s.raw for s in segments) == text_before
    assert lost == 0
    splits = sum(line == "ack split" for line in lines)
    figures(kills=kills, splits_and_merges_acknowledged=splits + sum(line == "ack merge" for line in lines),
            topics_acknowledged=len(topics), rules_acknowledged=len(patterns), lost=lost)


def test_killed_restores_leave_one_backup_or_the_other_whole(tmp_path, crash_worker, rng, figures):
    states = {}
    for which, seeds in (("a", [SEED_FILE]), ("b", [SEED_FILE, SECOND_SEED])):
        path = tmp_path / f"{which}.sqlite3"
        with open_library(str(path)) as lib:
            for seed in seeds:
                import_file(lib, seed)
            states[which] = sorted(t.title for t in list_transcripts(lib))
        backup(open_library(str(path)), path.with_name(f"{which}-copy.sqlite3"))
        os.replace(path.with_name(f"{which}-copy.sqlite3"), path)
    db = str(tmp_path / "library.sqlite3")
    with open_library(db) as lib:
        import_file(lib, SECOND_SEED)
    worker = crash_worker("restore", db)
    acknowledged, kills, torn = 0, 0, 0
    for round_ in range(ROUNDS):
        result = worker.run_and_kill(round_, rng.uniform(0.02, 0.4))
        kills += killed(result.status)
        assert not [line for line in result.lines if line.startswith("error")], result.lines
        acknowledged += sum(line.startswith("ack restore") for line in result.lines)
        if acknowledged:
            with open_library(db) as lib:
                torn += sorted(t.title for t in list_transcripts(lib)) not in states.values()
    sound(db)
    assert torn == 0
    figures(kills=kills, restores_acknowledged=acknowledged, libraries_neither_backup=torn)
