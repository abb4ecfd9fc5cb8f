"""Large index builds on every core: worker processes clean and tokenize, this process writes.

Building the index cleans every segment as the reader shows it, and then folds,
tokenizes and writes it; on one core that is slower than cleaning alone. For a
large queue (an import of many talks, a new version of the cleaning) the next
chunks' rows are read ahead and cleaned by worker processes while this one
writes the chunk before.

What a worker made is used only if it is still right: a chunk is written in its
own transaction as `search_sqlite.index_queued` always does (it picks the queued
segments and reads their rows again there), and the worker's entries are taken
only when those rows are exactly the rows the worker cleaned; otherwise (an edit
in between) the chunk is cleaned here, as without workers. The rules are read
once per transcript for the whole build, as the sequential build does.

How workers start (`_context`): a process running one thread (the command line, a
script) forks them once the segmenter's dictionary is loaded here, so they start in
milliseconds and share its pages. Each copy holds this process's open database
connections too; it never uses them and ends with `os._exit` (multiprocessing's
way), so no copy closes or checkpoints them. A process with other threads (the app:
Qt's) must not fork, as a copy may hang on a lock another thread held: its workers
come from a fork server started once per process with the cleaning code and the
dictionary loaded (`search_worker_boot`), then forked from it. Either way each gets
the segmenter's glossary words of this process, so both clean alike. Where there is
no fork server (Windows), workers are spawned.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import ModuleType
from typing import Any

from reader.core.library import search_pg, search_sqlite
from reader.core.library.db import Library
from reader.core.library.rules import text_rules
from reader.core.library.search_tables import CHUNK, Entry, Tokenize
from reader.core.text import Cleaner, segmenter
from reader.core.text.rules import Rule

log = logging.getLogger(__name__)

# Below this many queued segments a build is done here: workers cost their start (a second for
# the fork server, the first time in a process) and a copy of the rules and rows they clean.
PARALLEL_MIN = 4 * CHUNK
# Chunks read ahead and given to the workers, beyond the one being written.
READ_AHEAD = 3
# The first chunks are small, so that the first is written while the workers clean the next
# instead of this process waiting for a whole CHUNK: then CHUNK at a time.
FIRST_CHUNKS = (CHUNK // 8, CHUNK // 8, CHUNK // 4, CHUNK // 2)
Rows = tuple[tuple[Any, ...], ...]
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
EntriesOf = Callable[[Sequence[Sequence[Any]]], list[Entry]]


def worker_count() -> int:
    """Two workers on a machine of two cores or more (this process writes meanwhile); none on one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 if cores >= 2 else 0


def index_in_parallel(
    lib: Library,
    cleaners: dict[int, Cleaner],
    entries_here: EntriesOf,
    tokenize: Tokenize,
    total: int,
    progress: Progress | None,
    cancel: Cancel | None,
) -> int:
    """Index queued segments with workers until the queue read at the start is done, or cancelled; returns
    how many. Whatever is left (queued meanwhile, or a failure of the workers) is for the caller's
    sequential loop, which follows."""
    workers = worker_count()
    if workers == 0:
        return 0
    done = 0
    side = search_sqlite if lib.is_sqlite else search_pg
    try:
        context = _context()
        glossary = sorted(segmenter.glossary_words())
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(glossary,)) as pool:
            ahead: deque[tuple[int, Rows, Future[list[Entry]]]] = deque()
            after = 0
            sizes = iter(FIRST_CHUNKS)

            def read_ahead() -> bool:
                nonlocal after
                size = next(sizes, CHUNK)
                chunk = _next_rows(side, lib, after, size)
                if chunk is None:
                    return False
                after, rows = chunk
                rules = _rules_of(lib, cleaners, {row[1] for row in rows})
                ahead.append((size, rows, pool.submit(_entries_in_worker, rows, rules, tokenize)))
                return True

            while len(ahead) <= READ_AHEAD and read_ahead():
                pass
            while ahead:
                if cancel is not None and cancel():
                    for _size, _rows, future in ahead:
                        future.cancel()
                    break
                size, cleaned, future = ahead.popleft()
                made = future.result()
                with lib.write() as session:
                    done += side.index_queued(session.connection(), _taking(cleaned, made, entries_here), size)
                if progress is not None:
                    progress(min(done, total), total)
                read_ahead()
    except Exception:  # a machine where workers cannot start: the sequential build goes on
        log.warning("indexing with worker processes failed; indexing here", exc_info=True)
    return done


def _taking(cleaned: Rows, made: list[Entry], entries_here: EntriesOf) -> Callable[[Iterable[Sequence[Any]]], list[Entry]]:
    """The entries for a chunk's rows: the worker's, when they are the rows it cleaned; else made here."""

    def entries_of(rows: Iterable[Sequence[Any]]) -> list[Entry]:
        now = tuple(map(tuple, rows))
        return made if now == cleaned else entries_here(now)

    return entries_of


def _context() -> multiprocessing.context.BaseContext:
    """How workers start: forked from this process while it has no other thread (the CLI, a script),
    after the segmenter is loaded here (once, not once per worker: the build is short of CPU, not of
    time to wait), so they start in milliseconds with it; else from the fork server."""
    if _only_thread():
        segmenter.warm_up()
        return multiprocessing.get_context("fork")
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Read when the server starts (the first build of this process); later calls change nothing.
    # A name, not an import: importing it here would load the dictionary into this process too.
    context.set_forkserver_preload(["reader.core.library.search_worker_boot"])
    return context


def _only_thread() -> bool:
    """Whether this process runs one thread, counted by the kernel: Qt's threads are not Python's."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: not Linux
        return False


def _next_rows(side: ModuleType, lib: Library, after: int, size: int) -> tuple[int, Rows] | None:
    """(the chunk's last queued id, the rows `index_queued` will read for it) for the next chunk of
    queued segments after id `after`; None when nothing is queued after it."""
    with lib.read() as session:
        conn = session.connection()
        chosen = side.next_queued(conn, after, size)
        if not chosen:
            return None
        rows = tuple(side.neighbourhood(conn, chosen))
    return chosen[-1], rows


def _rules_of(lib: Library, cleaners: dict[int, Cleaner], transcripts: set[int]) -> dict[int, tuple[Rule, ...]]:
    for transcript_id in transcripts - cleaners.keys():
        cleaners[transcript_id] = Cleaner(rules=text_rules(lib, transcript_id))
    return {transcript_id: cleaners[transcript_id].rules for transcript_id in transcripts}


def _start_worker(glossary: list[str]) -> None:
    segmenter.warm_up()
    segmenter.add_glossary(glossary)


def _entries_in_worker(rows: Rows, rules: dict[int, tuple[Rule, ...]], tokenize: Tokenize) -> list[Entry]:
    from reader.core.library.search import entries_from

    return entries_from({transcript_id: Cleaner(rules=own) for transcript_id, own in rules.items()}, rows, tokenize)
