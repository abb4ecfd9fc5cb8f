"""`compare A B`: two recognitions of one talk, aligned (issue 16). Kept beside cli.py, which is long enough."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.cli_common import open_from_args, tsv, warn

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.library.importer import ImportedTranscript

# How long an import may spend looking for second recognitions (see `warn_second_recognitions`).
RECOGNITION_CHECK_S = 10.0


def cmd_compare(args: argparse.Namespace) -> int:
    from reader.core.library.compare import compare_transcripts, describe, positions

    with open_from_args(args) as lib:
        comparison = compare_transcripts(lib, args.a, args.b)
    for group in comparison.groups:
        if args.differences and group.status == "same":
            continue
        print(tsv(positions(group.a), positions(group.b), group.status, describe(group)))
    return 0


def warn_second_recognitions(lib: Library, transcripts: Iterable[ImportedTranscript]) -> None:
    """After an import: name the transcripts already there that a new one looks like a second recognition of.

    The check reads the transcripts of a similar length and aligns the likeliest, so its cost grows
    with the library: an import of many talks into a large one would wait minutes to hours for it.
    It stops after RECOGNITION_CHECK_S and says how far it got; what it said holds."""
    from reader.core.library.recognitions import likely_second_recognition_of

    made = list(transcripts)
    deadline = time.monotonic() + RECOGNITION_CHECK_S
    cut_short = False

    def out_of_time() -> bool:
        nonlocal cut_short
        cut_short = cut_short or time.monotonic() > deadline
        return cut_short

    for index, t in enumerate(made):
        for other in likely_second_recognition_of(lib, t.id, earlier_only=True, cancel=out_of_time):
            warn(f'transcript {t.id} looks like a second recognition of {other.transcript_id} "{other.title}" '
                 f"(compare {t.id} {other.transcript_id})")
        checked = index if cut_short else index + 1  # a check cut short did not compare every candidate
        if checked < len(made) and out_of_time():
            warn(f"the check for second recognitions stopped after {RECOGNITION_CHECK_S:.0f} s: {checked} of {len(made)} "
                 "new transcripts checked (`qa ID` checks one, `compare A B` two)")
            break


def add_compare_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare",
        help="align two transcripts of one talk: POS_A POS_B STATUS DIFFS, one group of segments a line",
        description="Aligns the segments of A and B in order (one segment may meet several; a segment the other "
        "side lacks is `only`) and compares what the reader shows, in one script, without fillers, stutters, "
        "loops or punctuation. POS is a position, a range (12-13) or - ; STATUS same, diff or only; DIFFS the "
        "differing spans as A_TEXT→B_TEXT joined by ' | '.",
    )
    p.add_argument("a", type=int, metavar="A", help="transcript id (see `list`)")
    p.add_argument("b", type=int, metavar="B", help="transcript id of the other recognition")
    p.add_argument("--differences", action="store_true", help="leave out the groups that are the same")
    p.set_defaults(func=cmd_compare)
