"""Coverage-guided fuzzing of decode → parse → import with atheris (libFuzzer). Run by hand, never by `make test`:

    .venv/bin/pip install 'atheris>=2.3'
    .venv/bin/python tests/fuzz/fuzz_import.py -max_total_time=600 -rss_limit_mb=4096 /tmp/fuzz-corpus seeds

The first folder collects the inputs that reached new code; `seeds` starts it
off with real transcripts. Any exception other than `UserError`, or a refused
file that changed the library, stops the run and writes the input to
./crash-*; add such a file to tests/reliability/test_bad_files.py.
"""

from __future__ import annotations

import sys

import atheris

# Coverage of our own code is what guides the search; instrumenting SQLAlchemy too would slow it tenfold.
with atheris.instrument_imports(include=["reader"]):
    from sqlalchemy import func, select

    from reader.core.errors import UserError
    from reader.core.formats import read_bytes
    from reader.core.library import open_library
    from reader.core.library.importer import store
    from reader.core.library.models import Segment, Source

NAMES = ["a.txt", "a.md", "a.srt", "a.vtt", "a.json", "noext"]
# In memory: the fuzzer runs thousands of imports a second, and the disk is not what is tested here.
LIBRARY = open_library("sqlite://")


def counts() -> tuple[int, int]:
    with LIBRARY.read() as session:
        return session.scalar(select(func.count(Source.id))), session.scalar(select(func.count(Segment.id)))


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    name = NAMES[provider.ConsumeIntInRange(0, len(NAMES) - 1)]
    content = provider.ConsumeBytes(provider.remaining_bytes())
    before = counts()
    try:
        store(LIBRARY, read_bytes(content, name, name))
    except UserError as exc:
        if "\n" in str(exc) or counts() != before:
            raise AssertionError(f"{exc!r}: a message on more than one line, or a library changed by a refused file") from None


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
