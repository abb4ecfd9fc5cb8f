"""A full disk during import, correct and split: one line saying nothing was saved, and the library as it was.

The disk is a 2 MB tmpfs where the machine lets the test mount one (root, no
container refusing it), and in any case a file size limit (RLIMIT_FSIZE, with
SIGXFSZ ignored so that the write fails with EFBIG instead of killing the
process), which is how a full disk looks to SQLite on any machine.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library import check_library, import_file, list_transcripts, open_library, transcript_segments
from reader.core.paths import seeds_dir
from tests.reliability.conftest import ROOT

SEEDS = sorted(seeds_dir().glob("*.txt"))


def cli(db: Path, *args: str, file_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "reader", "--db", str(db), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, preexec_fn=limit, timeout=120)


def state(db: Path) -> tuple:
    with open_library(str(db)) as lib:
        assert check_library(lib) == []
        return [t.title for t in list_transcripts(lib)], [(s.raw, s.correction) for s in transcript_segments(lib, 1)[1]]


@pytest.fixture(params=["tmpfs", "file size limit"])
def full_disk(request, tmp_path):
    """(library with one transcript, how to run a command on a disk with no room left)."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"\n\n".join(p.read_bytes() for p in SEEDS) * 4)
    if request.param == "file size limit":
        db = tmp_path / "library.sqlite3"
        with open_library(str(db)) as lib:
            import_file(lib, SEEDS[0])
        before = state(db)
        # Room for SQLite's 32 KB -shm and a few pages of -wal: any write of more runs out.
        yield db, big, lambda *args: cli(db, *args, file_limit=32768), before, lambda: None
        return
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                                           capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here; the file size limit stands in for it")
    try:
        db = mount / "library.sqlite3"
        with open_library(str(db)) as lib:
            import_file(lib, SEEDS[0])
        before = state(db)
        filler = mount / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # take every block left
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        yield db, big, lambda *args: cli(db, *args), before, filler.unlink
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_full_disk_is_one_line_and_changes_nothing(full_disk, figures, request):
    db, big, run, before, make_room = full_disk
    failures = 0
    for args in (["import", str(big)], ["correct", "1", "1", "磁盘满了" * 8000], ["split", "1", "2", "1"]):
        done = run(*args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert "disk is full" in done.stderr or "disk refused" in done.stderr or "could not be read or written" in done.stderr, done.stderr
        failures += 1
    make_room()
    assert state(db) == before
    figures(disk=request.node.callspec.params["full_disk"], refused_writes=failures, lost=0)
