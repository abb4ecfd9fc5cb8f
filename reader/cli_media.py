"""The command line's recordings and times: `media` and `time` (docs/CLI.md, "Listening").

Kept beside reader/cli.py, which adds them to its parser; each command imports
the core it uses inside its function, as cli.py's do.
"""

from __future__ import annotations

import argparse

from reader.cli_common import add_segment_args, add_transcript_arg, note, open_from_args, segment_id, warn
from reader.core.errors import UserError


def _cmd_media(args: argparse.Namespace) -> int:
    from reader.core.library import recordings

    if args.detach and args.file:
        raise UserError("media", "give FILE or --detach, not both")
    with open_from_args(args) as lib:
        if args.detach:
            gone = recordings.detach(lib, args.id)
            if gone is None:
                warn(f"transcript {args.id} has no recording; nothing to detach")
            return 0
        if args.file:
            info = recordings.attach(lib, args.id, args.file)
            if info.outcome == "found again":
                note(f"found again: the recording of transcript {args.id} is now {info.path}")
            elif info.outcome == "replaced":
                warn(f"transcript {args.id} had another recording; it now has {info.path}")
            print(info.path)
            return 0
        stored = recordings.recording_of(lib, args.id)
    if stored is None:
        raise UserError(f"transcript {args.id}", f"has no recording; attach one with `media {args.id} FILE`")
    print(stored.path)
    if stored.missing:
        warn(f"{stored.path} is not there any more; point at where it is now with `media {args.id} FILE`")
    return 0


def _cmd_time(args: argparse.Namespace) -> int:
    from reader.core.library import timing
    from reader.core.timecode import parse_time

    if args.clear and args.start is not None:
        raise UserError("time", "give START [END] or --clear, not both")
    if not args.clear and args.start is None:
        raise UserError("time", "give START [END] (h:mm:ss.mmm or seconds), or --clear")
    start = None if args.start is None else parse_time(args.start)
    end = None if args.end is None else parse_time(args.end)
    with open_from_args(args) as lib:
        segment = segment_id(lib, args)
        change = timing.clear_times(lib, segment) if start is None else timing.set_time(lib, segment, start, end)
    estimated = sum(1 for item in change.items if item.new.estimated)
    if estimated:
        note(f"{estimated} segments between given times were estimated by their characters")
    return 0


def add_media_commands(sub) -> None:
    p = sub.add_parser(
        "media",
        help="the transcript's recording: print its path, attach FILE (or find a moved one again), or --detach",
        description="FILE must be audio or video (wav, mp3, m4a/aac, flac, ogg, mp4, mkv, webm); only its path and "
        "fingerprint (size, hash of the first MiB) are stored. Attaching a file with the stored fingerprint "
        "from a new place relinks it.",
    )
    add_transcript_arg(p)
    p.add_argument("file", nargs="?", metavar="FILE", help="the recording to attach")
    p.add_argument("--detach", action="store_true", help="forget the recording (the file stays)")
    p.set_defaults(func=_cmd_media)

    p = sub.add_parser(
        "time",
        help="set a segment's start (and end) time; times between given ones are estimated",
        description="START and END as h:mm:ss.mmm, m:ss or seconds. Without END the segment ends where the "
        "next one starts. Untimed or estimated segments between this and the nearest given times are "
        "estimated by their characters.",
    )
    add_segment_args(p)
    p.add_argument("start", nargs="?", metavar="START")
    p.add_argument("end", nargs="?", metavar="END")
    p.add_argument("--clear", action="store_true", help="take the segment's times away")
    p.set_defaults(func=_cmd_time)
