"""The scale series' libraries: about 10, 100 and 250 MB of transcript text made from the seeds.

Text is varied so that the search index is realistic: the seeds' clauses are
shuffled across transcripts and joined into segments of the seeds' lengths, a
few characters in each clause are swapped for others (common ones from the
seeds, now and then a rare one), and a handful of made-up names appear a few
times each (the "rare word" of the queries). Everything comes from one seeded
random generator, so a size always makes the same library.

A library is made once, imported and indexed, into a cache folder
(`$SCALE_CACHE`, else ~/.cache/transcript-reader-bench) and reused; its build
figures (import and index times) are kept beside it in JSON.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

# Bump when the generated text changes: an old cached library is then made again.
# 2: libraries made as 1 carry revision 0007 from before 0004-0006 were chained under it,
# without those tables (the app cannot list them).
GENERATOR = 2
SEED = 19
SEGMENT_BYTES = 240  # the seeds' mean paragraph, in UTF-8 bytes
LARGEST = 20_000  # the first transcript of every library: a long recording
RARE_WORD = "龙虾博士"
RARE_EVERY = 40_000  # segments per occurrence of the rare word


@dataclass
class Built:
    db: str
    megabytes: float
    segments: int
    transcripts: int
    largest_id: int
    import_s: float
    index_s: float
    built_at: str
    # Loading the segmenter's dictionary, before the build (see `fill`); 0 in a library made before.
    dictionary_s: float = 0.0


def cache_root() -> Path:
    return Path(os.environ.get("SCALE_CACHE") or Path.home() / ".cache" / "transcript-reader-bench")


def _clauses() -> list[str]:
    from reader.core import paths

    clauses = []
    for path in sorted(paths.seeds_dir().glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip().replace("\n", "")
            if block and not block.startswith(("#", "![")):
                clauses += [c for c in re.findall(r"[^，。？！；]+[，。？！；]?", block) if c.strip()]
    return clauses


def _common_chars(clauses: list[str]) -> list[str]:
    return sorted({c for clause in clauses for c in clause if "\u4e00" <= c <= "\u9fff"})


class _Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.clauses = _clauses()
        self.common = _common_chars(self.clauses)
        self.made = 0

    def _vary(self, clause: str) -> str:
        rng = self.rng
        chars = list(clause)
        for _ in range(max(1, len(chars) // 12)):
            i = rng.randrange(len(chars))
            if "\u4e00" <= chars[i] <= "\u9fff":
                # Mostly the seeds' own characters (new words of known characters), sometimes any CJK one.
                chars[i] = rng.choice(self.common) if rng.random() < 0.9 else chr(rng.randrange(0x4E00, 0x9FA5))
        return "".join(chars)

    def segment(self) -> str:
        rng = self.rng
        parts: list[str] = []
        size = 0
        target = rng.randrange(SEGMENT_BYTES // 3, SEGMENT_BYTES * 5 // 3)
        while size < target:
            clause = self._vary(rng.choice(self.clauses))
            parts.append(clause)
            size += len(clause.encode("utf-8"))
        self.made += 1
        if self.made % RARE_EVERY == RARE_EVERY // 2:
            parts.insert(rng.randrange(len(parts) + 1), RARE_WORD + "说，")
        return "".join(parts)

    def transcript(self, number: int, segments: int) -> tuple[str, int]:
        title = f"访谈{number:04d}：{self.rng.choice(self.clauses).strip('，。？！；')[:20]}"
        body = "\n\n".join(self.segment() for _ in range(segments))
        text = f"# {title}\n\n{body}\n"
        return text, len(text.encode("utf-8"))


def write_sources(folder: Path, megabytes: int) -> tuple[list[Path], int, int]:
    """Transcript files of about `megabytes` MB in the seed format: (files, bytes, segments)."""
    rng = random.Random(SEED * 1000 + megabytes)
    writer = _Writer(rng)
    target = megabytes * 1024 * 1024
    files, written, segments, number = [], 0, 0, 0
    while written < target:
        count = LARGEST if number == 0 else rng.randrange(300, 2000)
        text, size = writer.transcript(number, count)
        path = folder / f"talk-{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        written += size
        segments += count
        number += 1
    return files, written, segments


def fill(lib, megabytes: int) -> tuple[float, int, int, int, float, float, float]:
    """Make the sources, import them into `lib` and index them: (MB, segments, transcripts,
    largest transcript id, import seconds, index seconds, seconds to load the segmenter).

    The segmenter's dictionary is loaded before the build is timed, as the cleaning rate it is
    compared with is measured with it loaded; its load is timed on its own."""
    from reader.core.library import import_file, search
    from reader.core.text import segmenter

    with tempfile.TemporaryDirectory() as tmp:
        files, size, segments = write_sources(Path(tmp), megabytes)
        import_s = 0.0
        largest_id = None
        for path in files:
            started = time.perf_counter()
            result = import_file(lib, path)
            import_s += time.perf_counter() - started
            if largest_id is None:
                largest_id = result.transcripts[0].id
            path.unlink()
    assert largest_id is not None
    started = time.perf_counter()
    segmenter.warm_up()
    dictionary_s = time.perf_counter() - started
    started = time.perf_counter()
    search.update_index(lib)
    index_s = time.perf_counter() - started
    return size / 1024 / 1024, segments, len(files), largest_id, import_s, index_s, dictionary_s


def import_only(megabytes: int) -> tuple[float, float]:
    """(MB, seconds) to import the sources of the `megabytes` library into a new scratch library, now."""
    from reader.core.library import import_file, open_library

    with tempfile.TemporaryDirectory(dir=cache_root()) as tmp:
        files, size, _segments = write_sources(Path(tmp), megabytes)
        with open_library(str(Path(tmp) / "scratch.sqlite3")) as lib:
            started = time.perf_counter()
            for path in files:
                import_file(lib, path)
            took = time.perf_counter() - started
    return size / 1024 / 1024, took


def build(megabytes: int, log=print) -> Built:
    """The library of about `megabytes` MB, from the cache or made now (imported, then indexed)."""
    from reader.core.library import open_library

    folder = cache_root() / f"scale-g{GENERATOR}-{megabytes}mb"
    figures = folder / "built.json"
    if figures.exists() and os.environ.get("SCALE_REBUILD") != "1":
        return Built(**json.loads(figures.read_text(encoding="utf-8")))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = str(folder / "library.sqlite3")
    log(f"  making the {megabytes} MB library in {folder} (once; later runs reuse it)")
    with open_library(db) as lib:
        made = fill(lib, megabytes)
    built = Built(db, *made[:6], time.strftime("%Y-%m-%d %H:%M"), made[6])
    figures.write_text(json.dumps(asdict(built)), encoding="utf-8")
    return built
