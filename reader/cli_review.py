"""The review commands of the command line: review, history, comment, comments, rename.

Apart from cli.py, which is long enough; same conventions (docs/CLI.md): each
command imports the core it uses inside its own function.
"""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli_common import add_segment_args, add_transcript_arg, open_from_args, range_ids, segment_id, tsv, warn


def add_review_commands(sub: Any) -> None:
    def cmd_review(args: argparse.Namespace) -> int:
        from reader.core.library import review

        with open_from_args(args) as lib:
            ids = range_ids(lib, args)
            change = review.set_reviewed(lib, ids, reviewed=not args.undo)
        if not change.count:
            warn(f"transcript {args.id}: those segments were already {'todo' if args.undo else 'reviewed'}; nothing changed")
        return 0

    def cmd_history(args: argparse.Namespace) -> int:
        from reader.core.library import review

        with open_from_args(args) as lib:
            revisions = review.history(lib, segment_id(lib, args))
        for r in revisions:
            print(tsv(r.at.isoformat(timespec="seconds"), r.author, r.origin, "" if r.new is None else r.new))
        return 0

    def cmd_comment(args: argparse.Namespace) -> int:
        from reader.core.library import review

        with open_from_args(args) as lib:
            if args.resolve is not None:
                review.set_resolved(lib, args.resolve, resolved=True)
                return 0
            if args.text is None:
                from reader.core.errors import UserError

                raise UserError("comment", "give the TEXT, or --resolve COMMENT")
            print(review.add_comment(lib, segment_id(lib, args), args.text).id)
        return 0

    def cmd_comments(args: argparse.Namespace) -> int:
        from reader.core.library import review

        with open_from_args(args) as lib:
            found = review.comments_of(lib, args.id)
        for c in found:
            if c.resolved and not args.all:
                continue
            state = "resolved" if c.resolved else "open"
            print(tsv(c.id, c.position, c.at.isoformat(timespec="seconds"), c.author, state, c.text))
        return 0

    def cmd_rename(args: argparse.Namespace) -> int:
        from reader.core.library.queries import rename_transcript

        with open_from_args(args) as lib:
            rename_transcript(lib, args.id, args.title)
        return 0

    p = sub.add_parser("review", help="mark segments reviewed (or, with --undo, back to todo)")
    add_segment_args(p, ranged=True)
    p.add_argument("--undo", action="store_true", help="back to todo")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("history", help="every revision of a segment, oldest first: AT AUTHOR ORIGIN TEXT")
    add_segment_args(p)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("comment", help="add a comment to a segment (prints its id), or resolve one")
    add_segment_args(p)
    p.add_argument("text", nargs="?", metavar="TEXT")
    p.add_argument("--resolve", type=int, metavar="COMMENT", help="mark comment COMMENT (see `comments`) resolved instead")
    p.set_defaults(func=cmd_comment)

    p = sub.add_parser("comments", help="a transcript's open comments: ID POS AT AUTHOR STATE TEXT")
    add_transcript_arg(p)
    p.add_argument("--all", action="store_true", help="resolved comments too")
    p.set_defaults(func=cmd_comments)

    p = sub.add_parser("rename", help="give a transcript another title")
    add_transcript_arg(p)
    p.add_argument("title", metavar="TITLE")
    p.set_defaults(func=cmd_rename)
