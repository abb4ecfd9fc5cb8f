"""Command-line start-up: whole-process wall time of `transcript-reader --version` and
`transcript-reader list` on the seed library, as a ratio to a bare `python -c pass`
(the aim is at most 5x), the runs interleaved so that a busy machine slows all alike."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import reader
from reader.core.library import import_path, open_library
from reader.core.paths import seeds_dir

RUNS = 15
CHECKOUT = Path(reader.__file__).resolve().parents[1]
# `transcript-reader` as pip writes the console script. Run from this checkout, so it
# times this code: the installed script of a shared or editable venv may import another copy.
ENTRY_POINT = [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main())"]


def _wall_ms(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=CHECKOUT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "seeds.sqlite3")
        with open_library(db) as lib:
            transcripts = sum(len(r.transcripts) for r in import_path(lib, sorted(seeds_dir().glob("*.txt"))))
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "transcript-reader --version": [*ENTRY_POINT, "--version"],
            f"transcript-reader list ({transcripts} transcripts)": [*ENTRY_POINT, "--db", db, "list"],
            "for scale: python -c 'import sqlalchemy'": [sys.executable, "-c", "import sqlalchemy"],
        }
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # one untimed run each: files into the page cache
            _wall_ms(command)
        for _ in range(RUNS):
            for name, command in commands.items():
                samples[name].append(_wall_ms(command))
    base = statistics.median(samples["python -c pass"])
    width = max(map(len, commands))
    print(f"whole process, median of {RUNS} interleaved runs (aim: at most 5x python -c pass)")
    for name, taken in samples.items():
        median = statistics.median(taken)
        print(f"{name:<{width}}  {median:6.1f} ms  {median / base:4.1f}x")
