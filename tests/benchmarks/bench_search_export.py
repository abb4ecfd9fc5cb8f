"""Search and export over a ~10 MB library built from the seeds repeated.

Figures: import and index build time; per query, the median and 95th
percentile latency of `search` (FTS5) beside a plain `LIKE` scan of the raw
text for the same words (which finds fewer: no script folding); then a full
library export's throughput per format beside gathering alone (the cleaning
that every format needs).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from reader.core.library import import_path, open_library, search
from reader.core.library.export import export_library, gather
from reader.core.paths import seeds_dir
from tests.benchmarks.timing import latency

TARGET_BYTES = 10 * 1024 * 1024
RUNS = 25
QUERIES = ["模型", "深度学习", "視頻", "大", "语言 模型", "openai", "学习的文", "谢谢大家", "不存在的词语"]


def build_library(folder: Path) -> tuple[object, int]:
    """Copies of every seed, each made distinct (a trailing mark) so the importer keeps them all."""
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir().glob("*.txt"))]
    seed_bytes = sum(len(t.encode("utf-8")) for _, t in seeds)
    copies = max(1, round(TARGET_BYTES / seed_bytes))
    files = []
    for n in range(copies):
        for stem, body in seeds:
            path = folder / f"{stem}-{n}.txt"
            path.write_text(f"{body}\n\n（副本{n}）\n", encoding="utf-8")
            files.append(path)
    lib = open_library(str(folder / "bench.sqlite3"))
    started = time.perf_counter()
    import_path(lib, files)
    took = time.perf_counter() - started
    print(f"library: {copies * seed_bytes / 1024 / 1024:.1f} MB ({copies} copies of {len(seeds)} seeds), imported in {took:.1f} s")
    return lib, copies * seed_bytes


def like_scan(lib, query: str) -> int:
    parts = query.split()
    where = " AND ".join(f"raw LIKE :p{i}" for i in range(len(parts)))
    with lib.read() as session:
        rows = session.execute(text(f"SELECT id FROM segments WHERE {where} LIMIT 50"), {f"p{i}": f"%{p}%" for i, p in enumerate(parts)})
        return len(rows.all())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lib, size = build_library(folder)
        started = time.perf_counter()
        indexed = search.update_index(lib)
        took = time.perf_counter() - started
        print(f"index build: {indexed} segments in {took:.1f} s ({size / 1024 / 1024 / took:.2f} MB/s)")

        print(f"{'query':<12} {'hits':>4} {'search median':>14} {'p95':>8} {'LIKE median':>12} {'LIKE hits':>9} {'search/LIKE':>11}")
        for query in QUERIES:
            hits = len(search.search(lib, query))
            median, p95 = latency(RUNS, lambda q=query: search.search(lib, q))
            like_median, _ = latency(RUNS, lambda q=query: like_scan(lib, q))
            print(
                f"{query:<12} {hits:>4} {median:>11.1f} ms {p95:>5.1f} ms {like_median:>9.1f} ms "
                f"{like_scan(lib, query):>9} {median / like_median:>10.2f}x"
            )

        with lib.read() as session:
            ids = list(session.execute(text("SELECT id FROM transcripts ORDER BY id")).scalars())
        started = time.perf_counter()
        for transcript_id in ids:
            gather(lib, transcript_id)
        gather_s = time.perf_counter() - started
        mb = size / 1024 / 1024
        print(f"gather only (effective text of every segment): {gather_s:.1f} s, {mb / gather_s:.2f} MB/s")
        for fmt in ("txt", "json", "docx"):
            out = folder / f"export-{fmt}"
            out.mkdir()
            started = time.perf_counter()
            written = export_library(lib, out, fmt)
            took = time.perf_counter() - started
            out_mb = sum(p.stat().st_size for p in written) / 1024 / 1024
            print(f"export all as {fmt:<4}: {len(written)} files, {out_mb:.1f} MB written in {took:.1f} s, "
                  f"{mb / took:.2f} MB/s of transcript ({took / gather_s:.2f}x gather alone)")
        lib.close()
