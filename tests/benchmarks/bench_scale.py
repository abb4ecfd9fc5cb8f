"""A library of a thousand talks: how each operation's cost grows with the library.

Sizes (MB of transcript text; about 4,200 segments per MB): $SCALE_SIZES, e.g.
`SCALE_SIZES=10,100`; by default 10 and 100, and 250 when it has been made once
(`SCALE_SIZES=10,100,250 make bench` makes it: ~1M segments, a long build).
Libraries are made once into a cache folder and reused (`scale_library.py`), so
import and index build are the figures of the run that made them; delete the
folder, or set SCALE_REBUILD=1, to measure them again.

For each size: import and index build (beside cleaning the same text; both with
the segmenter's dictionary loaded, its load printed on its own), the
index kept up to date after one correction, import again into a scratch
library (this run's code; up to 100 MB unless SCALE_FULL=1), the app opened on
the library (usable: painted with every transcript listed; in a process of its
own) twice, first as after another program changed the file (the app reads it
whole with SQLite's quick_check) then unchanged since that check passed (the
usual start: not read again, see reader/core/library/file_state.py), and its
largest transcript opened, peak memory of that process, library search per
query (median and 95th percentile, a plain LIKE on the raw column beside it),
whole-library find (first page of hits, as the find bar asks for it) and a
replace preview of that page, export of everything as txt, `check`, a backup.
Each figure is printed beside the smallest size's, with the ratio. Export all
above 100 MB only with SCALE_FULL=1 (it cleans everything again: minutes).
Nothing is asserted; the targets are printed beside the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import scale_library
from tests.benchmarks.bench_search_export import like_scan
from tests.benchmarks.timing import latency, timed

RUNS = 30
QUERIES = {
    "common word": "我们",
    "rare word": scale_library.RARE_WORD,
    "one character": "大",
    "two words": "语言 模型",
    "traditional": "視頻",
}
FIND = "模型"
REPLACEMENT = "大模型"
FIND_PAGE = 100
# Export cleans every segment (linear, about 1-2 MB/s here): larger libraries only with SCALE_FULL=1,
# which keeps the default `make bench` within about 15 minutes.
EXPORT_UP_TO = 100
TARGETS = {
    "search median": 30.0,
    "search p95": 100.0,
    "find first page": 1.0,
    "usable": 1.5,
    "memory": 600.0,
    "import MB/s": 10.0,
}


def _sizes() -> tuple[list[int], list[str]]:
    wanted = os.environ.get("SCALE_SIZES")
    if wanted:
        return [int(s) for s in wanted.split(",") if s.strip()], []
    sizes, skipped = [10, 100], []
    made = scale_library.cache_root() / f"scale-g{scale_library.GENERATOR}-250mb" / "built.json"
    if made.exists():
        sizes.append(250)
    else:
        skipped.append("250 MB (about 1M segments): not made yet; SCALE_SIZES=10,100,250 makes it once (takes long), later runs include it")
    return sizes, skipped


def _clean_rate(lib, megabytes_wanted: float = 2.0) -> float:
    """MB/s of cleaning (as the reader shows segments, between neighbours) over the first segments of the library."""
    from reader.core.library.models import Segment
    from reader.core.text import Cleaner, shown_run

    with lib.read() as session:
        rows = list(session.query(Segment).order_by(Segment.transcript_id, Segment.position).limit(int(megabytes_wanted * 4300)))
        size = sum(len(r.raw.encode("utf-8")) for r in rows) / 1024 / 1024
        cleaner = Cleaner()
        shown_run(rows[:50], cleaner)  # loads the segmenter's dictionary: not part of the rate
        took = timed(lambda: shown_run(rows, cleaner))
    return size / took


def _incremental(lib, largest_id: int) -> tuple[float, int]:
    """(seconds, segments re-indexed) to bring the index up to date after one correction."""
    from reader.core.library import edits, search

    # A cached library indexed by an older version of the cleaning is indexed anew first (the
    # index re-queues everything when the cleaning changes): not the cost of one correction.
    search.update_index(lib)
    segment_id = edits.segment_at(lib, largest_id, 10)
    edits.set_correction(lib, segment_id, f"改正的文字{time.time()}", author="bench")
    started = time.perf_counter()
    count = search.update_index(lib)
    return time.perf_counter() - started, count


def _find_page(lib, text_of):
    from reader.core.library import find_pages

    return find_pages.find_page(lib, FIND, limit=FIND_PAGE, text_of=text_of)


def _app(built: scale_library.Built) -> dict[str, float]:
    arguments = [built.db, str(built.largest_id), str(built.transcripts), str(time.time())]
    command = [sys.executable, "-m", "tests.benchmarks.scale_app", *arguments]
    checkout = Path(__file__).resolve().parents[2]
    out = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=True, timeout=900)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(megabytes: int) -> dict[str, float]:
    from reader.core.library import backup, open_library

    built = scale_library.build(megabytes)
    print(f"-- {built.megabytes:.0f} MB: {built.segments:,} segments in {built.transcripts} transcripts "
          f"(largest {scale_library.LARGEST:,}); made {built.built_at}", flush=True)
    f: dict[str, float] = {
        "import s": built.import_s,
        "import MB/s": built.megabytes / built.import_s,
        "index s": built.index_s,
        "index MB/s": built.megabytes / built.index_s,
    }
    if built.dictionary_s:
        f["dictionary s"] = built.dictionary_s
        f["index cold MB/s"] = built.megabytes / (built.index_s + built.dictionary_s)
    if megabytes <= EXPORT_UP_TO or os.environ.get("SCALE_FULL") == "1":
        size, took = scale_library.import_only(megabytes)
        f["import now s"], f["import now MB/s"] = took, size / took
    from reader.core.library import file_state

    file_state.forget_sound(Path(built.db))  # as after another program's change: checked at open
    f["usable checked"] = _app(built)["usable"]
    app = _app(built)  # the check passed and was recorded: the usual start
    f["painted"] = app["painted"]
    f["usable"] = app["usable"]
    f["open largest"] = app["open_largest"]
    f["memory"] = app["peak_rss_mb"]
    lib = open_library(built.db)
    try:
        _operations(lib, built.largest_id, f, megabytes)
        with tempfile.TemporaryDirectory() as tmp:
            f["backup s"] = timed(lambda: backup.backup(lib, Path(tmp) / "copy.sqlite3"))
        f["db MB"] = Path(built.db).stat().st_size / 1024 / 1024
    finally:
        lib.close()
    return f


def _operations(lib, largest_id: int, f: dict[str, float], megabytes: int) -> None:
    """The figures every database gives: cleaning rate, index after an edit, search, find, replace preview, export, check."""
    from reader.core.library import check_library, search
    from reader.core.library.export import export_library
    from reader.core.text import Cleaner, shown_run

    f["clean MB/s"] = _clean_rate(lib)
    f["incremental s"], f["incremental segments"] = _incremental(lib, largest_id)
    for name, query in QUERIES.items():
        f[f"{name} hits"] = len(search.search(lib, query))
        f[f"{name} median"], f[f"{name} p95"] = latency(RUNS, lambda q=query: search.search(lib, q))
        f[f"{name} LIKE median"], f[f"{name} LIKE p95"] = latency(RUNS, lambda q=query: like_scan(lib, q))
    cleaner = Cleaner()

    def text_of(segments):  # what the app's find bar searches: the texts the reader shows
        return [s.text for s in shown_run(segments, cleaner)]

    page = _find_page(lib, text_of)
    f["find hits"] = len(page.matches)
    f["find first page"] = min(timed(lambda: _find_page(lib, text_of)) for _ in range(3))
    f["replace preview"] = min(timed(lambda: _replace_preview(lib, text_of)) for _ in range(3))
    if megabytes <= EXPORT_UP_TO or os.environ.get("SCALE_FULL") == "1":
        with tempfile.TemporaryDirectory() as tmp:
            f["export txt s"] = timed(lambda: export_library(lib, Path(tmp), "txt"))
    else:
        print(f"  skipped: export all as txt at {megabytes} MB (cleans everything, about 4 minutes; SCALE_FULL=1 runs it)")
    f["check s"] = timed(lambda: check_library(lib))


def _replace_preview(lib, text_of):
    from reader.core.library import find_pages

    return find_pages.replace_preview(lib, FIND, REPLACEMENT, limit=FIND_PAGE, text_of=text_of)


ROWS = [
    ("import (when the library was made)", "import s", "s"),
    ("  import rate", "import MB/s", "MB/s"),
    ("import again, this run, into a scratch library", "import now s", "s"),
    ("  import rate (target >= 10 MB/s)", "import now MB/s", "MB/s"),
    ("index build (the segmenter's dictionary loaded before)", "index s", "s"),
    ("  index rate", "index MB/s", "MB/s"),
    ("  cleaning rate, same text (target: index rate >= this)", "clean MB/s", "MB/s"),
    ("  loading the dictionary (once per process: in neither rate)", "dictionary s", "s"),
    ("  index rate counting that load", "index cold MB/s", "MB/s"),
    ("index after one correction", "incremental s", "s"),
    ("  segments re-indexed (queued; +2 neighbours)", "incremental segments", ""),
    ("app window painted after start", "painted", "s"),
    ("app usable after start (target <= 1.5 s)", "usable", "s"),
    ("  first start after another program changed it (checked)", "usable checked", "s"),
    ("open the largest transcript", "open largest", "s"),
    ("app peak memory (target <= 600 MB)", "memory", "MB"),
    *[
        row
        for name in QUERIES
        for row in (
            (f"search {name} ({QUERIES[name]}) median", f"{name} median", "ms"),
            ("  p95 (targets: median <= 30, p95 <= 100 ms)", f"{name} p95", "ms"),
            ("  plain LIKE on raw, median", f"{name} LIKE median", "ms"),
            ("  hits (at most 50)", f"{name} hits", ""),
        )
    ],
    (f"whole-library find {FIND}, first {FIND_PAGE} hits (target <= 1 s)", "find first page", "s"),
    (f"replace preview {FIND}->{REPLACEMENT}, first {FIND_PAGE}", "replace preview", "s"),
    ("export all as txt", "export txt s", "s"),
    ("check", "check s", "s"),
    ("backup", "backup s", "s"),
    ("library file", "db MB", "MB"),
]


def report(sizes: list[int], results: dict[int, dict[str, float]]) -> None:
    base = results[sizes[0]]
    head = "".join(f"{f'{s} MB':>12}{'/' + str(sizes[0]) + ' MB':>7}" for s in sizes)
    print(f"{'':58}{head}")
    for label, key, unit in ROWS:
        cells = ""
        for s in sizes:
            value = results[s].get(key)
            if value is None:
                cells += f"{'-':>12}{'':>7}"
                continue
            ratio = value / base[key] if base.get(key) else float("nan")
            cells += f"{value:>9.{1 if unit != 's' else 2}f} {unit:<2}{ratio:>6.1f}x" if unit else f"{value:>12.0f}{ratio:>6.1f}x"
        print(f"{label:<58}{cells}")


def measure_postgres(megabytes: int) -> dict[str, float] | None:
    """The same library on a throwaway PostgreSQL cluster: the operations that do not need the app or a file."""
    from reader.core.library import open_library
    from tests.postgres.cluster import SERVER_BIN, create_database, throwaway_cluster

    if SERVER_BIN is None:
        print("skipped PostgreSQL: no server binaries in /usr/lib/postgresql/*/bin")
        return None
    print(f"-- {megabytes} MB on PostgreSQL (a throwaway cluster; made now, not cached)", flush=True)
    with throwaway_cluster() as server:
        lib = open_library(create_database(server))
        try:
            size, _segments, _transcripts, largest_id, import_s, index_s, dictionary_s = scale_library.fill(lib, megabytes)
            f = {"import s": import_s, "import MB/s": size / import_s, "index s": index_s, "index MB/s": size / index_s,
                 "dictionary s": dictionary_s, "index cold MB/s": size / (index_s + dictionary_s)}
            _operations(lib, largest_id, f, megabytes)
        finally:
            lib.close()
    return f


def report_postgres(megabytes: int, lite: dict[str, float], pg: dict[str, float]) -> None:
    print(f"{'PostgreSQL beside SQLite, ' + str(megabytes) + ' MB':<58}{'SQLite':>12}{'PostgreSQL':>14}{'ratio':>8}")
    for label, key, unit in ROWS:
        if key in pg and key in lite:
            ratio = pg[key] / lite[key] if lite[key] else float("nan")
            print(f"{label:<58}{lite[key]:>9.2f} {unit:<2}{pg[key]:>11.2f} {unit:<2}{ratio:>7.1f}x")


def main() -> None:
    sizes, skipped = _sizes()
    postgres = os.environ.get("SCALE_POSTGRES")
    if not postgres:
        skipped.append("PostgreSQL series: SCALE_POSTGRES=100 runs it on the 100 MB library (imports and indexes it anew, several minutes)")
    for why in skipped:
        print(f"skipped: {why}")
    results = {size: measure(size) for size in sizes}
    report(sizes, results)
    if postgres:
        size = int(postgres)
        lite = results.get(size) or measure(size)
        pg = measure_postgres(size)
        if pg is not None:
            report_postgres(size, lite, pg)
