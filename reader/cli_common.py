"""What every command of the command line shares: opening the library, records, warnings.

Kept apart from `reader.cli` so that modules holding commands (`reader.cli_quality`)
import it at the top without a cycle. Light on purpose: the CLI starts fast
(tests/cli/test_startup.py), so the library is imported only when a command opens it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader import APP_NAME
from reader.core.errors import one_line

if TYPE_CHECKING:
    from reader.core.library import Library


def open_from_args(args: argparse.Namespace) -> Library:
    """The library `--db` names (else the default one)."""
    from reader.core.library import open_library

    return open_library(args.db)


def tsv(*fields: object) -> str:
    """One record a line: tabs and line breaks inside a field would split it."""
    return "\t".join(" ".join(str("" if f is None else f).split("\n")).replace("\t", " ") for f in fields)


def warn(message: str) -> None:
    # A file name can hold a line break or bytes that are not UTF-8: the warning stays one line.
    print(f"{APP_NAME}: warning: {one_line(message)}", file=sys.stderr)


def note(message: str) -> None:
    """Something the user should know that is neither a record nor a warning, on stderr."""
    print(f"{APP_NAME}: {one_line(message)}", file=sys.stderr)


def positions(value: str) -> tuple[int, int]:
    """POS or POS-POS, as `show` numbers segments (an argparse type)."""
    first, dash, last = value.partition("-")
    try:
        return int(first), int(last) if dash else int(first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not POS or POS-POS (e.g. 3 or 3-7)") from None


def scope_name(transcript_id: int | None) -> str:
    """The SCOPE column of rules and glossary terms: global, or the transcript they belong to."""
    return "global" if transcript_id is None else f"transcript {transcript_id}"


def add_transcript_arg(p: argparse.ArgumentParser) -> None:
    """The ID argument (args.id) of a command about one transcript."""
    p.add_argument("id", type=int, metavar="ID", help="transcript id (see `list`)")


def add_segment_args(p: argparse.ArgumentParser, *, ranged: bool = False) -> None:
    """ID POS (args.pos), or with `ranged` ID POS[-POS] (args.range): segments as `show` numbers them."""
    add_transcript_arg(p)
    if ranged:
        p.add_argument("range", type=positions, metavar="POS[-POS]", help="segment positions, from 1 (see `show`)")
    else:
        p.add_argument("pos", type=int, metavar="POS", help="segment position, from 1 (see `show`)")


def segment_id(lib: Library, args: argparse.Namespace) -> int:
    """The segment that add_segment_args' ID POS name."""
    from reader.core.library.edits import segment_at

    return segment_at(lib, args.id, args.pos)


def range_ids(lib: Library, args: argparse.Namespace) -> list[int]:
    """The segments that add_segment_args(ranged=True)'s ID POS[-POS] name, in order."""
    from reader.core.library import tagging

    return tagging.segment_ids_between(lib, args.id, *args.range)


def add_transcript_option(p: argparse.ArgumentParser, help: str) -> None:
    """--transcript ID (args.transcript, None without it): the commands about rules, glossary terms, corrections."""
    p.add_argument("--transcript", type=int, metavar="ID", help=help)
