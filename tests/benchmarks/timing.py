"""Shared by the benchmarks: they print figures, they never assert on them."""

import statistics
import time


def timings(runs: int, action) -> list[float]:
    """`runs` timings of `action()`, in seconds, in the order taken."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def best_of(runs: int, action) -> float:
    """The fastest of `runs` timings of `action()`, in seconds: the least disturbed by other work."""
    return min(timings(runs, action))


def latency(runs: int, action) -> tuple[float, float]:
    """Median and 95th percentile of `runs` timings of `action()`, in ms, after one untimed run (it reads the pages from disk)."""
    action()
    samples = sorted(t * 1000 for t in timings(runs, action))
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def timed(action) -> float:
    """One timing of `action()`, in seconds."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def wait_until(app, condition, timeout: float = 60.0) -> None:
    """Run `app`'s events until `condition()` holds (a window's step done), or raise after `timeout` s."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step did not finish")
        app.processEvents()
        time.sleep(0.0005)
