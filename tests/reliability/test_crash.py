"""Kill writers with SIGKILL at random moments; nothing acknowledged may be lost, nothing half written may remain.

Each test starts a crash worker (see crash_worker.py), lets a child write in a
loop and kills it after a random delay, many times over, then reopens the
library: SQLite's integrity_check and the app's `check_library` must pass and
every acknowledged write must be there.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from reader.core.formats import read_file
from reader.core.library import check_library, import_file, list_transcripts, open_library
from reader.core.library.models import Revision, Segment, Source, Transcript
from reader.core.paths import seeds_dir
from tests.reliability.conftest import ROOT

# 25 (with test_crash_commands.py, over 200 kills) keeps the folder near three minutes on two cores;
# RELIABILITY_KILLS=100 for a longer hunt.
KILLS = int(os.environ.get("RELIABILITY_KILLS", "25"))
SEED_FILE = sorted(seeds_dir().glob("*.txt"))[0]


def killed(status: int) -> bool:
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def sound(db: str) -> None:
    # Read only: connecting must not make an empty file where no library was made.
    conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    with open_library(db) as lib:
        assert check_library(lib) == []


def play(worker, rng, low: float, high: float) -> tuple[list[str], int]:
    """KILLS rounds; returns every line the children wrote, and how many were killed (not ended by themselves)."""
    lines, kills = [], 0
    for round_ in range(KILLS):
        result = worker.run_and_kill(round_, rng.uniform(low, high))
        lines += result.lines
        kills += killed(result.status)
    errors = [line for line in lines if line.startswith("error")]
    assert errors == []
    return lines, kills


def test_killed_imports_leave_each_file_whole_or_absent(tmp_path, crash_worker, rng, figures):
    db = str(tmp_path / "library.sqlite3")
    open_library(db).close()
    lines, kills = play(crash_worker("import", db), rng, 0.05, 0.8)
    acknowledged = [line.split()[2] for line in lines if line.startswith("ack import ")]

    sound(db)
    stored: dict[str, list[int]] = defaultdict(list)
    with open_library(db) as lib, lib.read() as session:
        for path, segments in session.execute(
            select(Source.path, func.count(Segment.id))
            .join(Transcript, Transcript.source_id == Source.id)
            .join(Segment, Segment.transcript_id == Transcript.id)
            .group_by(Transcript.id)
            .order_by(Source.path, Transcript.order)
        ):
            stored[path].append(segments)
    # Whole: every stored file has exactly the transcripts and segments the file holds.
    for path, counts in stored.items():
        assert counts == [len(t.segments) for t in read_file(path).transcripts], path
    names = {os.path.basename(path) for path in stored}
    lost = [name for name in acknowledged if name not in names]
    written = sorted(p.name for p in tmp_path.glob("r*k*.txt"))
    assert lost == []
    figures(
        kills=kills,
        imports_acknowledged=len(acknowledged),
        imports_lost=len(lost),
        imports_interrupted_and_absent=len([n for n in written if n not in names]),
        imports_committed_before_their_acknowledgement=len(names) - len(set(acknowledged)),
    )


def order(value: str) -> tuple[int, int]:
    round_, _, k = value[1:].partition("k")
    return int(round_), int(k)


def test_killed_correction_loops_lose_no_acknowledged_correction(tmp_path, crash_worker, rng, figures):
    db = str(tmp_path / "library.sqlite3")
    with open_library(db) as lib:
        import_file(lib, SEED_FILE)
    lines, kills = play(crash_worker("correct", db), rng, 0.02, 0.4)
    acknowledged = [(int(seg), value) for _, seg, value in (line.split() for line in lines if line.startswith("ack "))]

    sound(db)
    with open_library(db) as lib, lib.read() as session:
        current = dict(session.execute(select(Segment.id, Segment.correction).where(Segment.transcript_id == 1)).all())
        history = set(session.execute(select(Revision.segment_id, Revision.new)).all())
    lost = [(seg, value) for seg, value in acknowledged if (seg, f"改正 {value}") not in history]
    newest_acknowledged: dict[int, str] = {}
    for seg, value in acknowledged:
        newest_acknowledged[seg] = max(newest_acknowledged.get(seg, value), value, key=order)
    # The segment shows its newest acknowledged correction, or one made after it whose acknowledgement the kill cut off.
    stale = [
        seg for seg, value in newest_acknowledged.items()
        if current[seg] is None or order(current[seg].removeprefix("改正 ")) < order(value)
    ]
    assert lost == [] and stale == []
    assert len(acknowledged) > KILLS  # the kills landed amid work, not only during start-up
    figures(kills=kills, edits_acknowledged=len(acknowledged), edits_lost=len(lost), segments_showing_older_text=len(stale))


def test_killed_exports_leave_the_old_file_or_the_whole_new_one(tmp_path, crash_worker, rng, figures):
    db = str(tmp_path / "library.sqlite3")
    with open_library(db) as lib:
        import_file(lib, SEED_FILE)
    worker = crash_worker("export", db)
    target = tmp_path / "export.json"
    # What the file may hold: the last acknowledged export, or any export begun since
    # (a kill between the rename and the acknowledgement leaves a whole, unacknowledged file).
    whole: set[str | None] = {None}
    acknowledged, kills, cut = 0, 0, 0
    for round_ in range(KILLS):
        result = worker.run_and_kill(round_, rng.uniform(0.02, 0.4))
        kills += killed(result.status)
        assert not [line for line in result.lines if line.startswith("error")]
        for line in result.lines:
            kind, digest = line.split()
            if kind == "ack":
                whole, acknowledged = {digest}, acknowledged + 1
            else:
                whole.add(digest)
        found = hashlib.sha256(target.read_bytes()).hexdigest() if target.exists() else None
        assert found in whole, f"round {round_}: a file that was never whole"
        if found is not None:
            assert json.loads(target.read_bytes())["transcripts"][0]["segments"]
        # Killed while writing, and the file is still the one before.
        cut += bool(result.lines) and result.lines[-1].startswith("writing") and found != result.lines[-1].split()[1]
    sound(db)
    leftovers = len(list(tmp_path.glob(".export.json.*.part")))
    figures(kills=kills, exports_acknowledged=acknowledged, exports_cut_short_leaving_the_old_file=cut, temporary_files_left=leftovers)


def test_killed_command_line_imports_on_a_fresh_library(tmp_path, rng, figures):
    """The real entry point, killed anywhere from start-up (the first ones mid-migration) to commit."""
    db = str(tmp_path / "library.sqlite3")
    big = sorted(seeds_dir().glob("*.txt"))[3]  # the largest seed: an import long enough to be caught midway
    seed = big.read_bytes()
    def start(library: str, path: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "reader", "--db", library, "import", str(path)], cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    # How long one whole run takes on this machine now (start-up, migration, import, commit):
    # the kills are spread over that, so they land in every phase however fast the machine is.
    began = time.perf_counter()
    assert start(str(tmp_path / "timing.sqlite3"), big).wait() == 0
    whole_run = time.perf_counter() - began
    finished, kills = [], 0
    for round_ in range(6):
        path = tmp_path / f"cli{round_}.txt"
        path.write_bytes(seed + f"\n\n第{round_}份\n".encode())
        proc = start(db, path)
        time.sleep(rng.uniform(0.05, 0.8) * whole_run)
        proc.kill()
        _, err = proc.communicate()
        if proc.returncode == 0:
            finished.append(path.name)
        else:
            kills += 1
            assert proc.returncode == -signal.SIGKILL, err
    if not os.path.exists(db):  # every run was killed before it made the library: nothing was acknowledged
        assert finished == []
        figures(kills=kills, imports_finished=0, imports_stored=0, imports_lost=0)
        return
    sound(db)
    with open_library(db) as lib:
        stored = {os.path.basename(t.source_path) for t in list_transcripts(lib)}
    assert set(finished) <= set(stored)
    whole = sum(len(t.segments) for t in read_file(big).transcripts) + 1
    with open_library(db) as lib, lib.read() as session:
        per_file = session.execute(
            select(Source.path, func.count(Segment.id)).join(Transcript, Transcript.source_id == Source.id)
            .join(Segment, Segment.transcript_id == Transcript.id).group_by(Source.id)
        ).all()
    assert all(count == whole for _, count in per_file)
    figures(kills=kills, imports_finished=len(finished), imports_stored=len(stored), imports_lost=len(set(finished) - set(stored)))
