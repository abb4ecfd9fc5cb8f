"""Whether a library file is provably unchanged since it was last known sound, or since its newest backup.

SQLite's quick_check reads the whole file: about 1 s for a million segments,
which used to be most of the app's start. It is skipped when the file is the
very file that last passed it: same device, inode, size, mtime and ctime (which
no program can set back) and no -wal beside it (nothing committed that is not
in the file). The record of that state lives in the app's cache folder, not in
the library, so deleting the cache only costs one check.

The trade-off: damage that changes no byte through the file system (a failing
disk returning other bytes for an untouched file) is no longer found at open
but at the first write, whose full integrity_check (`Library.write`) still runs
in every session: a damaged library is still never written into; it is only
found a little later. Everything that writes the file (this app, the command
line, another program, a copy over it) changes its mtime or ctime, so its next
open runs the check again.

The same stamp, kept beside a library's rolling backups, tells whether the
library changed since the newest backup without copying it (`backup.py`).
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from pathlib import Path

from reader.core import paths

Stamp = tuple[int, int, int, int, int]  # device, inode, size, mtime_ns, ctime_ns


def stamp(path: Path) -> Stamp | None:
    """The file's stamp, None when it is missing or has a -wal beside it (its content is not the file alone)."""
    if path.with_name(path.name + "-wal").exists():
        return None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`: which file it is, whatever is written into it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino)


def read(record: Path) -> Stamp | None:
    try:
        value = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (value[0], value[1], value[2], value[3], value[4]) if isinstance(value, list) and len(value) == 5 else None


def write(record: Path, value: Stamp | None) -> None:
    """Keep `value` in `record` (None: forget it); a record that cannot be written is only a check more next time."""
    with suppress(OSError):
        if value is None:
            record.unlink(missing_ok=True)
            return
        record.parent.mkdir(parents=True, exist_ok=True)
        temp = record.with_name(record.name + f".{os.getpid()}.tmp")
        temp.write_text(json.dumps(list(value)), encoding="utf-8")
        os.replace(temp, record)


def _sound_record(path: Path) -> Path:
    tag = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return paths.cache_dir() / "sound-libraries" / f"{path.stem}-{tag}.json"


def known_sound(path: Path) -> bool:
    """True when the file is unchanged since it last passed SQLite's check (or was closed sound by this app)."""
    now = stamp(path)
    return now is not None and now == read(_sound_record(path))


def remember_sound(path: Path, before: Stamp | None) -> None:
    """Record that the file is sound, when it is still as it was at `before` (taken before the check ran)."""
    if before is not None and stamp(path) == before:
        write(_sound_record(path), before)


def forget_sound(path: Path) -> None:
    write(_sound_record(path), None)
