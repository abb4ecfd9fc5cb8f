"""Shared by the benchmarks: they print figures, they never assert on them."""

import time


def best_of(runs: int, action) -> float:
    """The fastest of `runs` timings of `action()`, in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best
