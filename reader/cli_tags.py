"""The labelling commands of the command line: speakers, topics, tag, untag.

Apart from cli.py, which is long enough; same conventions (docs/CLI.md): each
command imports the core it uses inside its own function.
"""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli_common import add_segment_args, add_transcript_arg, open_from_args, range_ids, tsv, warn


def _cmd_speakers(args: argparse.Namespace) -> int:
    from reader.core.library.overview import transcript_overview

    with open_from_args(args) as lib:
        overview = transcript_overview(lib, args.id)
    for share in overview.speakers:
        print(tsv(share.speaker.name if share.speaker else "", share.segments, share.chars, f"{share.percent:.1f}"))
    return 0


def _cmd_topics(args: argparse.Namespace) -> int:
    from reader.core.library import labels
    from reader.core.library.overview import suggest_topics

    with open_from_args(args) as lib:
        if args.suggest:
            for word in suggest_topics(lib, transcript_id=args.id):
                print(word)
            return 0
        rows = labels.topic_positions(lib, args.id)
    for label, found in rows:
        print(tsv(label.name, len(found), _spans(found)))
    return 0


def _spans(positions: list[int]) -> str:
    """1,2,3,7 -> 1-3,7"""
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][1] + 1:
            runs[-1][1] = position
        else:
            runs.append([position, position])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _cmd_tag(args: argparse.Namespace) -> int:
    from reader.core.library import tagging

    with open_from_args(args) as lib:
        segment_ids = range_ids(lib, args)
        if args.speaker is not None:
            tagging.assign_speaker(lib, segment_ids, args.speaker)
        else:
            tagging.tag_topic(lib, segment_ids, args.topic)
    return 0


def _cmd_untag(args: argparse.Namespace) -> int:
    from reader.core.library import tagging

    with open_from_args(args) as lib:
        segment_ids = range_ids(lib, args)
        changed = False
        if args.topic is None:
            changed |= tagging.assign_speaker(lib, segment_ids, None).changed
        if not args.speaker:
            changed |= tagging.untag_topic(lib, segment_ids, args.topic).changed
    if not changed:
        first, last = args.range
        where = f"position {first}" if first == last else f"positions {first}-{last}"
        warn(f"{where} of transcript {args.id}: no such label; nothing to untag")
    return 0


def add_tag_commands(sub: Any) -> None:
    p = sub.add_parser(
        "speakers",
        help="who talks how much: NAME SEGMENTS CHARS PERCENT, one speaker a line",
        description="One line per speaker in order of first appearance: NAME, SEGMENTS, CHARS (spoken characters "
        "of the correction, else the raw text; no punctuation or spaces), PERCENT of the transcript's characters. "
        "Segments nobody is named for come last, with an empty NAME.",
    )
    add_transcript_arg(p)
    p.set_defaults(func=_cmd_speakers)

    p = sub.add_parser("topics", help="NAME SEGMENTS POSITIONS, one topic a line (POSITIONS like 1-4,9)")
    add_transcript_arg(p)
    p.add_argument("--suggest", action="store_true", help="print keywords worth tagging instead, best first, one a line")
    p.set_defaults(func=_cmd_topics)

    p = sub.add_parser("tag", help="give segments a speaker or a topic (a new NAME makes it)")
    add_segment_args(p, ranged=True)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--speaker", metavar="NAME", help="the segments' speaker (replaces the one they had)")
    which.add_argument("--topic", metavar="NAME", help="a topic added to the segments' topics")
    p.set_defaults(func=_cmd_tag)

    p = sub.add_parser("untag", help="take the speaker and topics (or only the speaker, or one topic) off segments")
    add_segment_args(p, ranged=True)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--speaker", action="store_true", help="only the speaker")
    which.add_argument("--topic", metavar="NAME", help="only this topic")
    p.set_defaults(func=_cmd_untag)
