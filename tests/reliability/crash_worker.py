"""A process that writes to a library in a loop, to be killed at random moments by the crash tests.

    python -m tests.reliability.crash_worker MODE DB WORKDIR [PAUSE_S]

It imports everything once and then, for each `run ROUND` line on standard
input, forks a child that opens the library and works until it is killed,
writing one line to standard output after every write that returned: the
acknowledgement a user would have seen. The parent reports `pid PID` when a
child starts and `exit PID STATUS` when it is gone. Forking keeps a round
at a few milliseconds instead of a second of interpreter start-up, so a test
can afford many kills; the killed process is still a real process that
SQLite sees die mid-write. MODE is one of:

- import:  imports new transcript files, `ack import NAME` after each commit
- correct: sets corrections of transcript 1's segments in turn, `ack SEGMENT VALUE`, pausing
           PAUSE_S (default 0) after each: a person, however fast, leaves gaps between edits
- export:  changes a correction, then exports transcript 1 as JSON to WORKDIR/export.json,
           `writing SHA256` before the file is written and `ack SHA256` after
- backup:  a correction, then a backup into WORKDIR/backups (`ack backup FILE`) and a rolling
           backup (`ack rolling FILE`, or `ack rolling -` when nothing changed)
- edit:    in turn splits segment 1 of transcript 1 and merges it back (`ack split` / `ack merge`),
           tags segment 2 with a new topic (`ack topic NAME`) and adds a rule (`ack rule PATTERN`)
- restore: restores WORKDIR/a.sqlite3 and WORKDIR/b.sqlite3 into the library in turn, `ack restore A|B`
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sys
import time
from pathlib import Path

from reader.core.errors import UserError
from reader.core.formats.atomic import write_atomic
from reader.core.library import edits, import_file, open_library, rules, splitting, tagging, transcript_segments
from reader.core.library.backup import backup, restore, rolling_backup
from reader.core.library.export import render_transcript
from reader.core.paths import seeds_dir
from reader.core.text import Cleaner

LIMIT = 100_000  # a child not killed by then stops by itself


def say(line: str) -> None:
    # One write() per line: a kill can cut the stream between lines, never inside one.
    os.write(1, (line + "\n").encode("utf-8"))


def import_loop(db: str, workdir: Path, round_: int) -> None:
    seeds = [p.read_bytes() for p in sorted(seeds_dir().glob("*.txt"))]
    with open_library(db) as lib:
        for k in range(LIMIT):
            name = f"r{round_}k{k}.txt"
            path = workdir / name
            path.write_bytes(seeds[k % len(seeds)] + f"\n\n第{round_}轮第{k}份\n".encode())
            import_file(lib, path)
            say(f"ack import {name}")


def correct_loop(db: str, round_: int, pause_s: float) -> None:
    with open_library(db) as lib:
        segment_ids = [s.id for s in transcript_segments(lib, 1)[1] if s.kind == "text"]
        for k, segment_id in zip(range(LIMIT), itertools.cycle(segment_ids)):
            value = f"r{round_}k{k}"
            edits.set_correction(lib, segment_id, f"改正 {value}")
            say(f"ack {segment_id} {value}")
            time.sleep(pause_s)


def export_loop(db: str, workdir: Path, round_: int) -> None:
    with open_library(db) as lib:
        segment_ids = [s.id for s in transcript_segments(lib, 1)[1] if s.kind == "text"]
        for k, segment_id in zip(range(LIMIT), itertools.cycle(segment_ids)):
            edits.set_correction(lib, segment_id, f"导出前 r{round_}k{k}")
            data = render_transcript(lib, 1, "json")
            digest = hashlib.sha256(data).hexdigest()
            say(f"writing {digest}")
            write_atomic(workdir / "export.json", data)
            say(f"ack {digest}")


def backup_loop(db: str, workdir: Path, round_: int) -> None:
    folder = workdir / "backups"
    folder.mkdir(exist_ok=True)
    with open_library(db) as lib:
        segment_ids = [s.id for s in transcript_segments(lib, 1)[1] if s.kind == "text"]
        for k, segment_id in zip(range(LIMIT), itertools.cycle(segment_ids)):
            edits.set_correction(lib, segment_id, f"备份前 r{round_}k{k}")
            say(f"ack backup {backup(lib, folder).name}")
            made = rolling_backup(lib)
            say(f"ack rolling {made.name if made else '-'}")


def edit_loop(db: str, round_: int) -> None:
    with open_library(db) as lib:
        if len(transcript_segments(lib, 1)[1][0].raw) <= 2:  # a kill fell between a split and its merge
            splitting.merge_segments(lib, edits.segment_at(lib, 1, 1))
            say("ack merge")
        for k in range(LIMIT):
            first = edits.segment_at(lib, 1, 1)
            splitting.split_segment(lib, first, 2)
            say("ack split")
            splitting.merge_segments(lib, edits.segment_at(lib, 1, 1))  # the split made new segments
            say("ack merge")
            name = f"r{round_}k{k}"
            tagging.tag_topic(lib, [edits.segment_at(lib, 1, 2)], name)
            say(f"ack topic {name}")
            rules.add_rule(lib, f"规则{name}", "替换")
            say(f"ack rule 规则{name}")


def restore_loop(db: str, workdir: Path) -> None:
    for k in range(LIMIT):
        which = "ab"[k % 2]
        restore(workdir / f"{which}.sqlite3", db)
        say(f"ack restore {which}")


def child(mode: str, db: str, workdir: Path, round_: int, pause_s: float) -> None:
    try:
        if mode == "import":
            import_loop(db, workdir, round_)
        elif mode == "correct":
            correct_loop(db, round_, pause_s)
        elif mode == "backup":
            backup_loop(db, workdir, round_)
        elif mode == "edit":
            edit_loop(db, round_)
        elif mode == "restore":
            restore_loop(db, workdir)
        else:
            export_loop(db, workdir, round_)
    except UserError as exc:
        say(f"error {exc}")
    except BaseException as exc:  # reported to the test, which fails on it
        say(f"error {type(exc).__name__}: {' '.join(str(exc).split())}")
    finally:
        os._exit(0)


def main() -> None:
    mode, db, workdir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    pause_s = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    if mode == "export":
        # The app has its segmenter loaded long before anyone exports; so do the children.
        Cleaner().clean("预热")
    for line in sys.stdin:
        command, round_ = line.split()
        assert command == "run"
        pid = os.fork()
        if pid == 0:
            child(mode, db, workdir, int(round_), pause_s)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


if __name__ == "__main__":
    main()
