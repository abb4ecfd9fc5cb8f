"""Two programs writing one library at once: both wait their turn, neither sees "database is locked", nothing is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import func, select

from reader.core.errors import UserError
from reader.core.library import check_library, import_file, open_library
from reader.core.library import db as db_module
from reader.core.library.models import Revision, Segment, Setting, Source
from reader.core.paths import seeds_dir
from tests.reliability.conftest import ROOT

SEEDS = sorted(seeds_dir().glob("*.txt"))


def test_two_apps_correcting_the_same_segments_and_one_importing_lose_nothing(tmp_path, crash_worker, figures):
    db = str(tmp_path / "library.sqlite3")
    with open_library(db) as lib:
        import_file(lib, SEEDS[0])
    # Writers that never pause would starve the importer (SQLite's lock is not fair), and no
    # person edits like that; 5 ms between edits is still a hundred times faster than anyone types.
    correctors = [crash_worker("correct", db, pause_s=0.005), crash_worker("correct", db, pause_s=0.005)]
    importer = crash_worker("import", db)
    # Distinct round numbers keep every value written unique across the writers.
    running = [(w, w.start(round_)) for w, round_ in ((correctors[0], 0), (correctors[1], 1000), (importer, 2000))]
    # Long enough that even the importer, whose transactions are the longest, gets turns on a loaded machine.
    time.sleep(3)
    results = [w.kill(r) for w, r in running]
    lines = [line for r in results for line in r.lines]

    assert [line for line in lines if line.startswith("error")] == []
    acks = [line.split() for line in lines if line.startswith("ack ") and not line.startswith("ack import")]
    corrections = [(int(seg), f"改正 {value}") for _, seg, value in acks]
    imports = [line.split()[2] for line in lines if line.startswith("ack import ")]
    by_writer = [sum(1 for line in r.lines if line.startswith("ack ")) for r in results]
    assert all(by_writer), by_writer  # each writer got its turns

    with open_library(db) as lib:
        assert check_library(lib) == []
        with lib.read() as session:
            history = set(session.execute(select(Revision.segment_id, Revision.new)).all())
            newest = dict(
                session.execute(
                    select(Revision.segment_id, Revision.new).where(
                        Revision.id.in_(select(func.max(Revision.id)).group_by(Revision.segment_id))
                    )
                ).all()
            )
            current = dict(session.execute(select(Segment.id, Segment.correction).where(Segment.id.in_(newest))).all())
            sources = {os.path.basename(p) for p in session.scalars(select(Source.path))}
    lost = [c for c in corrections if c not in history] + [name for name in imports if name not in sources]
    assert lost == []
    # Interleaved writers still leave each segment with the last correction written to it.
    assert current == newest
    figures(writes_acknowledged=len(corrections) + len(imports), per_writer="/".join(map(str, by_writer)), writes_lost=len(lost))


def test_command_line_writers_at_once_all_succeed_and_all_land(tmp_path, figures):
    db = str(tmp_path / "library.sqlite3")
    with open_library(db) as lib:
        import_file(lib, SEEDS[0])
    rounds = 5
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = f"{sys.executable} -m reader --db {db}"
    scripts = [
        f'for i in $(seq 1 {rounds}); do {cli} correct 1 $i "甲$i" && echo ok; done',
        f'for i in $(seq 1 {rounds}); do {cli} correct 1 $i "乙$i" && echo ok; done',
        f'for f in {" ".join(str(p) for p in SEEDS[1:1 + rounds])}; do {cli} import "$f" >/dev/null && echo ok; done',
    ]
    procs = [
        subprocess.Popen(["bash", "-c", s], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for s in scripts
    ]
    outputs = [p.communicate(timeout=300) for p in procs]

    # No "database is locked", no traceback, no warning but the one the seeds earn: two of them
    # hold second recognitions of talks imported before (seeds/001 of 000, seeds/003 of 002).
    said = [line for _, err in outputs for line in err.splitlines()]
    assert [line for line in said if "looks like a second recognition of" not in line] == []
    acknowledged = sum(out.count("ok") for out, _ in outputs)
    with open_library(db) as lib:
        assert check_library(lib) == []
        with lib.read() as session:
            history = set(session.execute(select(Revision.new)).scalars())
            sources = session.scalar(select(func.count(Source.id)))
    wanted = {f"{who}{i}" for who in "甲乙" for i in range(1, rounds + 1)}
    assert wanted <= history
    assert sources == 1 + len(SEEDS[1:1 + rounds])
    figures(cli_writes_acknowledged=acknowledged, cli_writes_lost=len(wanted - history) + (1 + len(SEEDS[1:1 + rounds]) - sources))


def test_a_writer_kept_waiting_past_the_busy_timeout_tries_again_then_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "library.sqlite3"
    lib = open_library(str(path))
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    # Released after more than one busy timeout but within the attempts: the write goes through.
    threading.Timer(0.35, lambda: other.execute("COMMIT")).start()
    with lib.write() as session:
        session.add(Setting(key="after", value="waiting"))
    other.execute("BEGIN IMMEDIATE")  # and now never released
    with pytest.raises(UserError, match=r"busy .* nothing was changed"), lib.write() as session:
        session.add(Setting(key="never", value="written"))
    other.execute("COMMIT")
    with lib.read() as session:
        assert {s.key for s in session.scalars(select(Setting))} == {"after"}
    lib.close()
    other.close()
