"""The same library on SQLite and on PostgreSQL (a throwaway local cluster), side by side.

Figures: import and index build; search latency per query (median and 95th
percentile) with FTS5 and with the tsvector/GIN index, and whether PostgreSQL's
plan uses the GIN index; the cost of the change-log triggers on an import
(with them and with them dropped, same files); a poll of `changes_since` when
nothing changed; corrections per second by one writer and by two at once
(each in its own process; writers take turns under the write lock).
"""

from __future__ import annotations

import multiprocessing
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from reader.core.library import changes, edits, import_path, open_library, search, search_pg, transcript_segments
from reader.core.paths import seeds_dir
from tests.benchmarks.timing import latency, timed

COPIES = 12
RUNS = 15
QUERIES = ["模型", "深度学习", "視頻", "大", "语言 模型", "openai", "谢谢大家", "不存在的词语"]
CORRECTIONS = 60


def seed_files(folder: Path, tag: str) -> list[Path]:
    files = []
    for n in range(COPIES):
        for seed in sorted(seeds_dir().glob("*.txt")):
            path = folder / f"{seed.stem}-{tag}-{n}.txt"
            path.write_text(seed.read_text(encoding="utf-8") + f"\n\n（副本{tag}{n}）\n", encoding="utf-8")
            files.append(path)
    return files


def drop_change_triggers(lib) -> None:
    with lib.write() as session:
        conn = session.connection()
        if lib.is_sqlite:
            for name in changes.TRIGGER_NAMES:
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            conn.exec_driver_sql(
                "DROP FUNCTION change_log_segments_added, change_log_segments_removed, change_log_segments_updated, "
                "change_log_segment_topics, change_log_transcripts CASCADE"
            )


def _correct(url: str, ids: list[int], tag: str) -> None:
    with open_library(url) as lib:
        for n, segment_id in enumerate(ids):
            edits.set_correction(lib, segment_id, f"改{tag}-{n}", author=tag)


def corrections_per_second(url: str, segment_ids: list[int], writers: int) -> float:
    """Each writer its own process, as two annotators' apps are."""
    fork = multiprocessing.get_context("fork")
    processes = [fork.Process(target=_correct, args=(url, segment_ids[i::writers], f"{writers}-{i}")) for i in range(writers)]
    started = time.perf_counter()
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return len(segment_ids) / (time.perf_counter() - started)


def bench(name: str, url: str, spare_url: str, folder: Path) -> dict:
    figures = {}
    lib = open_library(url)
    files = seed_files(folder, "a")
    megabytes = sum(f.stat().st_size for f in files) / 1024 / 1024
    figures["import"] = timed(lambda: import_path(lib, files))
    figures["index"] = timed(lambda: search.update_index(lib))
    figures["search"] = {q: latency(RUNS, lambda q=q: search.search(lib, q)) for q in QUERIES}
    token = changes.changes_since(lib, None).token
    figures["poll"] = latency(RUNS, lambda: changes.changes_since(lib, token))[0]
    segments = [r.id for r in transcript_segments(lib, 1)[1] if r.kind == "text"][:CORRECTIONS]
    figures["one writer"] = corrections_per_second(url, segments, 1)
    figures["two writers"] = corrections_per_second(url, segments, 2)
    if not lib.is_sqlite:
        with lib.read() as session:
            session.execute(text("ANALYZE"))
            figures["gin"] = {}
            for q in QUERIES:
                plan = session.execute(
                    text("EXPLAIN " + search_pg.chunk_sql(False, search.CANDIDATE_CHUNK).text),
                    {"match": search_pg.tsquery(search.parse_query(q).words, search.parse_query(q).prefixes), "after": 0},
                ).scalars()
                figures["gin"][q] = any("segment_search_tokens" in line for line in plan)
    lib.close()

    bare = open_library(spare_url)
    drop_change_triggers(bare)
    other = seed_files(folder, "b")
    figures["import without change log"] = timed(lambda: import_path(bare, other))
    bare.close()
    print(f"{name}: {megabytes:.1f} MB imported in {figures['import']:.2f} s, "
          f"{figures['import without change log']:.2f} s without the change-log triggers "
          f"(x{figures['import'] / figures['import without change log']:.2f}); index built in {figures['index']:.2f} s")
    return figures


def main() -> None:
    from tests.postgres.cluster import SERVER_BIN, create_database, throwaway_cluster

    if SERVER_BIN is None:
        print("skipped: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin")
        return
    with tempfile.TemporaryDirectory() as tmp, throwaway_cluster() as server:
        folder = Path(tmp)
        lite = bench("SQLite", str(folder / "bench.sqlite3"), str(folder / "bare.sqlite3"), folder)
        pg = bench("PostgreSQL", create_database(server), create_database(server), folder)
    print(f"{'query':<14}{'SQLite median/p95 ms':>24}{'PostgreSQL median/p95 ms':>28}{'ratio':>8}")
    for q in QUERIES:
        (lm, lp), (pm, pp) = lite["search"][q], pg["search"][q]
        print(f"{q:<14}{lm:>14.2f} / {lp:<8.2f}{pm:>16.2f} / {pp:<10.2f}{pm / lm:>7.1f}x")
    used = [q for q, yes in pg["gin"].items() if yes]
    print(f"PostgreSQL plans using the GIN index: {len(used)} of {len(QUERIES)} queries ({', '.join(used) or 'none'}; "
          "the others match so many rows that the planner prefers a scan)")
    print(f"changes_since, nothing new: SQLite {lite['poll']:.3f} ms, PostgreSQL {pg['poll']:.3f} ms")
    for name, f in (("SQLite", lite), ("PostgreSQL", pg)):
        print(f"{name} corrections/s: one writer {f['one writer']:.0f}, two at once {f['two writers']:.0f} "
              f"(x{f['two writers'] / f['one writer']:.2f})")
