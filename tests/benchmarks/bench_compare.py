"""`compare`: aligning two recognitions of one talk, beside difflib's SequenceMatcher on the same text.

Two cases: the two longest seed transcripts (through the library, cleaning included), and two
20,000-segment transcripts built from the seeds (the second in traditional script, chunked
differently, with segments dropped and words changed), aligned by `align_segments` alone.
SequenceMatcher gets the same comparable character streams; it is stopped after a time limit
(it runs in a child process) when it has not finished.
"""

from __future__ import annotations

import multiprocessing
import random
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

from reader.core.library import import_path, list_transcripts, open_library
from reader.core.library.compare import compare_transcripts
from reader.core.paths import seeds_dir
from reader.core.text import Cleaner
from reader.core.text.align import align_segments, comparable
from reader.core.text.script import converter

SEGMENTS = 20_000
DIFFLIB_LIMIT = 60.0


def _difflib(a: str, b: str) -> int:
    return len(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def difflib_seconds(a: str, b: str, limit: float = DIFFLIB_LIMIT) -> str:
    """SequenceMatcher's time on the two texts, or `> limit` when it had not finished by then."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        started = time.perf_counter()
        job = pool.apply_async(_difflib, (a, b))
        try:
            job.get(timeout=limit)
        except multiprocessing.TimeoutError:
            pool.terminate()
            return f"> {limit:.0f} s (stopped)"
        return f"{time.perf_counter() - started:.2f} s"


def stream(shown: list[str]) -> str:
    return "".join(comparable(s).text for s in shown)


def longest_seeds() -> None:
    with tempfile.TemporaryDirectory() as folder:
        lib = open_library(str(Path(folder) / "bench.sqlite3"))
        try:
            import_path(lib, [seeds_dir()])
            Cleaner().warm_up()
            longest = sorted(list_transcripts(lib), key=lambda t: t.segments)[-2:]
            a, b = (t.id for t in longest)
            started = time.perf_counter()
            comparison = compare_transcripts(lib, a, b)
            whole = time.perf_counter() - started
            started = time.perf_counter()
            align_segments(comparison.a.compared(), comparison.b.compared())
            aligning = time.perf_counter() - started
            a_text, b_text = stream(comparison.a.compared()), stream(comparison.b.compared())
            print(
                f"two longest seed transcripts ({len(comparison.a.segments)} and {len(comparison.b.segments)} segments, "
                f"{len(a_text)} and {len(b_text)} characters compared):"
            )
            print(f"  compare_transcripts (cleaning both, aligning): {whole:.2f} s (aim < 1 s)")
            print(f"  align_segments alone:                          {aligning:.2f} s")
            print(f"  difflib SequenceMatcher, same characters:      {difflib_seconds(a_text, b_text)}")
        finally:
            lib.close()


def second_recognition(a: list[str], rng: random.Random) -> list[str]:
    """`a` as another recognizer might give it: traditional script, other chunking, drops and changed words."""
    to_traditional = converter("traditional").convert
    out: list[str] = []
    carry = ""
    for text in a:
        roll = rng.random()
        if roll < 0.02:
            continue  # dropped
        if roll < 0.05 and len(text) > 6:
            k = rng.randrange(1, len(text) - 2)
            text = text[:k] + "不同说法" + text[k + 2:]
        if roll > 0.7:
            carry += text  # joined with the next one
            continue
        text = carry + text
        carry = ""
        if len(text) > 40 and rng.random() < 0.3:
            cut = len(text) // 2
            out += [to_traditional(text[:cut]), to_traditional(text[cut:])]
        else:
            out.append(to_traditional(text))
    if carry:
        out.append(to_traditional(carry))
    return out


def first_recognition(rng: random.Random) -> list[str]:
    """20,000 segments of seed text, each pass over the seeds with other characters changed
    (about one in six), so that the long text does not repeat itself as no talk does."""
    lines = [
        line
        for path in sorted(seeds_dir().glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "!"))
    ]
    common = "的是我们在了有这个那就不也人说要会可以和对学习模型图像数据训练视频生成语言规模"
    out = []
    while len(out) < SEGMENTS:
        for line in lines:
            out.append("".join(rng.choice(common) if rng.random() < 0.16 else c for c in line))
    return out[:SEGMENTS]


def twenty_thousand() -> None:
    rng = random.Random(16)
    a = first_recognition(rng)
    b = second_recognition(a, rng)
    started = time.perf_counter()
    groups = align_segments(a, b)
    seconds = time.perf_counter() - started
    a_text, b_text = stream(a), stream(b)
    print(
        f"two {SEGMENTS}-segment transcripts ({len(b)} segments on the other side, {len(a_text)} and {len(b_text)} "
        f"characters; {len(groups)} groups):"
    )
    print(f"  align_segments:                    {seconds:.2f} s (aim < 10 s)")
    print(f"  difflib SequenceMatcher, same text: {difflib_seconds(a_text, b_text)}")


def seeds_000_001() -> None:
    with tempfile.TemporaryDirectory() as folder:
        lib = open_library(str(Path(folder) / "bench.sqlite3"))
        try:
            seeds = seeds_dir()
            names = ("000_3259e7fbd51321e0.txt", "001_39abc5761bc525e8.txt")
            [a], [b] = (import_path(lib, [seeds / name])[0].transcripts for name in names)
            Cleaner().warm_up()
            started = time.perf_counter()
            comparison = compare_transcripts(lib, a.id, b.id)
            whole = time.perf_counter() - started
            a_text, b_text = stream(comparison.a.compared()), stream(comparison.b.compared())
            print(f"seeds/000 against seeds/001, one talk ({len(a_text)} and {len(b_text)} characters compared):")
            print(f"  compare_transcripts (cleaning both, aligning): {whole:.2f} s")
            print(f"  difflib SequenceMatcher, same characters:      {difflib_seconds(a_text, b_text)}")
        finally:
            lib.close()


def main() -> None:
    longest_seeds()
    seeds_000_001()
    twenty_thousand()


if __name__ == "__main__":
    main()
