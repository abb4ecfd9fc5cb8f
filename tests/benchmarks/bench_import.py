"""Import speed: opening, decoding, parsing and storing, with the alternatives side by side."""

from __future__ import annotations

import contextlib
import tempfile
import time
from pathlib import Path

from charset_normalizer import from_bytes
from sqlalchemy import insert

from reader.core.formats import read_bytes
from reader.core.formats.encoding import decode
from reader.core.library import import_file, import_path, open_library
from reader.core.library.models import Segment, Source, Transcript
from reader.core.paths import seeds_dir
from tests.benchmarks.timing import best_of


def main() -> None:
    seeds = sorted(seeds_dir().glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)

        fresh = best_of(3, lambda: open_library(str(tmp / f"fresh{time.perf_counter_ns()}.db")).close())
        open_library(str(tmp / "existing.db")).close()
        existing = best_of(5, lambda: open_library(str(tmp / "existing.db")).close())
        print(f"open a new library (runs migrations): {fresh * 1000:.1f} ms")
        print(f"open an existing library:             {existing * 1000:.1f} ms  ({fresh / existing:.1f}x faster)")

        lib = open_library(str(tmp / "seeds.db"))
        start = time.perf_counter()
        results = import_path(lib, seeds)
        took = time.perf_counter() - start
        segments = sum(t.segments for r in results for t in r.transcripts)
        print(f"import the {len(seeds)} seed files: {took * 1000:.0f} ms, {segments} segments, {segments / took:,.0f} segments/s")
        lib.close()

        series = seeds[3].read_text(encoding="utf-8")
        legacy = series.encode("gb18030")
        utf8 = series.encode("utf-8")
        t_utf8 = best_of(5, lambda: decode(utf8, "x"))
        t_gb = best_of(5, lambda: decode(legacy, "x"))
        t_cn = best_of(3, lambda: from_bytes(legacy).best())
        print(f"decode {len(utf8) // 1024} KB UTF-8:    {t_utf8 * 1000:.1f} ms")
        print(
            f"decode the same as GB18030: {t_gb * 1000:.1f} ms  "
            f"(charset-normalizer alone: {t_cn * 1000:.1f} ms, ours takes {t_gb / t_cn:.1f}x as long)"
        )

        # What the extra time buys: short paragraphs in legacy encodings, decoded right.
        paragraphs = [p for seed in seeds for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()][::3]
        samples = []
        for paragraph in paragraphs:
            for encoding in ("gb18030", "big5"):
                with contextlib.suppress(UnicodeEncodeError):  # skip a paragraph this encoding cannot write
                    samples.append((paragraph, paragraph.encode(encoding)))
        ours = sum(1 for text, data in samples if decode(data, "x").text == text)
        theirs = sum(1 for text, data in samples if (best := from_bytes(data).best()) is not None and str(best) == text)
        print(f"legacy-encoded paragraphs decoded exactly: ours {ours}/{len(samples)}, charset-normalizer alone {theirs}/{len(samples)}")

        sentence = "我们继续讨论模型的规模和数据的质量，这是第{}句。"
        wall = "".join(sentence.format(i) for i in range(100_000))
        path = tmp / "wall.txt"
        path.write_text(wall, encoding="utf-8")
        lib = open_library(str(tmp / "wall.db"))
        start = time.perf_counter()
        (made,) = import_file(lib, path).transcripts
        took = time.perf_counter() - start
        print(f"import one {len(wall.encode()) // (1024 * 1024)} MB line: {took:.2f} s -> {made.segments} segments")

        # Why the importer inserts segments in bulk rather than as ORM objects.
        parsed = read_bytes(wall.encode(), "wall2.txt", "wall2.txt")
        rows = parsed.transcripts[0].segments

        def store(bulk: bool) -> None:
            with lib.write() as session:
                source = Source(path="bench", content_hash=str(time.perf_counter_ns()), encoding="utf-8", format="text")
                transcript = Transcript(source=source, title="bench", order=1)
                session.add(transcript)
                session.flush()
                if bulk:
                    values = [
                        {"transcript_id": transcript.id, "position": n, "kind": "text", "raw": s.raw, "version": 1}
                        for n, s in enumerate(rows, 1)
                    ]
                    session.execute(insert(Segment), values)
                else:
                    session.add_all(
                        Segment(transcript_id=transcript.id, position=n, kind="text", raw=s.raw, version=1) for n, s in enumerate(rows, 1)
                    )

        t_bulk = best_of(2, lambda: store(True))
        t_orm = best_of(2, lambda: store(False))
        print(
            f"store {len(rows)} segments: bulk insert {t_bulk * 1000:.0f} ms, "
            f"ORM objects {t_orm * 1000:.0f} ms ({t_orm / t_bulk:.1f}x slower)"
        )
        lib.close()

        # A file of many headings is as many transcripts: the time per heading must stay flat
        # (an ORM object per transcript made it quadratic: 10k headings took 174 s).
        per_heading = []
        for headings in (1_000, 10_000, 100_000):
            path = tmp / f"headings{headings}.md"
            path.write_text("".join(f"# 标题{i}\n\n第{i}段，大家好。\n\n" for i in range(headings)), encoding="utf-8")
            lib = open_library(str(tmp / f"headings{headings}.db"))
            start = time.perf_counter()
            import_file(lib, path)
            took = time.perf_counter() - start
            lib.close()
            per_heading.append(took / headings)
            ratio = per_heading[-1] / per_heading[0]
            print(f"import {headings:>7,} headings: {took:6.2f} s, {took / headings * 1e6:5.0f} µs a heading ({ratio:.2f}x the 1k figure)")
