"""Cleaning a ~10 MB corpus built from the seeds, against one plain `jieba.lcut` pass over
the same text, measured side by side in one run. Start-up (dictionary, converters) is
done once before either clock starts."""

from __future__ import annotations

import time

import jieba

from reader.core.paths import seeds_dir
from reader.core.text import Cleaner

TARGET_BYTES = 10 * 1024 * 1024


def build_corpus(target_bytes: int = TARGET_BYTES) -> list[str]:
    seed_lines = [
        line
        for path in sorted(seeds_dir().glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    seed_bytes = sum(len(line.encode("utf-8")) + 1 for line in seed_lines)
    return seed_lines * max(1, round(target_bytes / seed_bytes))


def main() -> None:
    lines = build_corpus()
    text = "\n".join(lines)
    cleaner = Cleaner()
    cleaner.warm_up()
    jieba.initialize()

    # Wall time and CPU time (process_time: this single-threaded process), both. The machine is shared and loaded: other
    # processes stretch wall time unevenly between the two runs, so the wall-clock ratio
    # drifts; the CPU time of one thread counts only the work done, the fair comparison.
    started, started_cpu = time.perf_counter(), time.process_time()
    # Each line with the next, as the view and `clean` give it: the sentences stage reads ahead.
    following = [*lines[1:], ""]
    cleaned_chars = sum(len(cleaner.clean(line, next_raw=after).text) for line, after in zip(lines, following, strict=True))
    clean_seconds, clean_cpu = time.perf_counter() - started, time.process_time() - started_cpu

    started, started_cpu = time.perf_counter(), time.process_time()
    tokens = jieba.lcut(text)
    lcut_seconds, lcut_cpu = time.perf_counter() - started, time.process_time() - started_cpu

    megabytes = len(text.encode("utf-8")) / 1024 / 1024
    print(f"corpus: {megabytes:.1f} MB, {len(lines)} lines, {len(text)} characters (seeds repeated)")
    print(f"clean (all default stages): {clean_seconds:.2f} s wall, {clean_cpu:.2f} s CPU -> {cleaned_chars} characters kept")
    print(f"jieba.lcut, one pass:       {lcut_seconds:.2f} s wall, {lcut_cpu:.2f} s CPU -> {len(tokens)} tokens")
    print(f"ratio clean / jieba.lcut:   {clean_seconds / lcut_seconds:.2f} wall, {clean_cpu / lcut_cpu:.2f} CPU (aim <= 0.5)")
