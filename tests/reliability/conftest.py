"""Shared pieces of the reliability tests: the crash-worker driver and the figures summary."""

from __future__ import annotations

import contextlib
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Same kills on every run unless asked otherwise; the seed is printed with the figures.
SEED = int(os.environ.get("RELIABILITY_SEED", "20261122"))

_figures_key = pytest.StashKey[list]()


@dataclass
class Round:
    pid: int
    lines: list[str] = field(default_factory=list)
    status: int | None = None


class CrashWorker:
    """Drives `tests.reliability.crash_worker`: start a writing child, kill it, collect what it acknowledged."""

    def __init__(self, mode: str, db: str, workdir: Path, pause_s: float = 0.0):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_worker", mode, db, str(workdir), str(pause_s)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")  # the worker itself ended

    def _next(self, timeout: float = 60) -> str:
        line = self.lines.get(timeout=timeout)
        if line == "":
            raise RuntimeError(f"crash worker ended: {self.proc.stderr.read()}")
        return line

    def start(self, round_: int) -> Round:
        """Start round `round_`: a child that writes until it is killed."""
        self.proc.stdin.write(f"run {round_}\n")
        self.proc.stdin.flush()
        early = []
        while not (line := self._next()).startswith("pid "):
            early.append(line)
        return Round(int(line.split()[1]), early)

    def kill(self, running: Round) -> Round:
        """SIGKILL the round's child and collect everything it wrote."""
        with contextlib.suppress(ProcessLookupError):  # it ended by itself (an error line says why)
            os.kill(running.pid, signal.SIGKILL)
        while not (line := self._next()).startswith(f"exit {running.pid} "):
            running.lines.append(line)
        running.status = int(line.split()[2])
        return running

    def run_and_kill(self, round_: int, after_s: float) -> Round:
        running = self.start(round_)
        time.sleep(after_s)
        return self.kill(running)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def crash_worker(tmp_path):
    made = []

    def start(mode: str, db: str, pause_s: float = 0.0) -> CrashWorker:
        worker = CrashWorker(mode, db, tmp_path, pause_s)
        made.append(worker)
        return worker

    yield start
    for worker in made:
        worker.close()


@pytest.fixture
def rng(request) -> random.Random:
    return random.Random(f"{SEED}:{request.node.name}")


@pytest.fixture
def figures(request, record_property):
    """Record a test's measured figures: shown in the terminal summary (with or without -s) and in JUnit XML."""

    def record(**values) -> None:
        for key, value in values.items():
            record_property(key, value)
        request.config.stash.setdefault(_figures_key, []).append((request.node.name, values))

    return record


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    rows = config.stash.get(_figures_key, [])
    if not rows:
        return
    terminalreporter.section(f"reliability figures (RELIABILITY_SEED={SEED})")
    for name, values in rows:
        terminalreporter.write_line(f"{name}: " + ", ".join(f"{k}={v}" for k, v in values.items()))
