"""The editing commands of the command line: correct, revert, split, merge, rules.

Apart from cli.py, which is long enough; same conventions (docs/CLI.md): each
command imports the core it uses inside its own function.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from reader import cli_quality
from reader.cli_common import add_segment_args, add_transcript_option, open_from_args, scope_name, segment_id, tsv, warn
from reader.core.errors import UserError


def _cmd_correct(args: argparse.Namespace) -> int:
    from reader.core.library import edits

    with open_from_args(args) as lib, _conflict_hint():
        change = edits.set_correction(
            lib, segment_id(lib, args), args.text, expected_version=args.expect_version, replace_others=False
        )
    if change.new is None and not change.changed:
        warn(f"segment {args.pos} of transcript {args.id}: a blank correction; nothing to store")
    return 0


@contextlib.contextmanager
def _conflict_hint():
    """Someone else's correction is replaced only on purpose: say how."""
    from reader.core.library.edits import ConflictError

    try:
        yield
    except ConflictError as exc:
        raise UserError(exc.what, f"{exc.why}. To replace it, run again with --expect-version {exc.version}") from None


def _cmd_revert(args: argparse.Namespace) -> int:
    from reader.core.library import edits

    with open_from_args(args) as lib, _conflict_hint():
        change = edits.revert_correction(lib, segment_id(lib, args), expected_version=args.expect_version, replace_others=False)
    if not change.changed:
        warn(f"segment {args.pos} of transcript {args.id} has no correction; nothing to revert")
    return 0


def _cmd_split(args: argparse.Namespace) -> int:
    from reader.core.library import splitting

    with open_from_args(args) as lib:
        splitting.split_segment(lib, segment_id(lib, args), args.offset)
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    from reader.core.library import splitting

    with open_from_args(args) as lib:
        # An uncorrected part joins the merged correction as `show --clean` printed it, not raw (fillers and all).
        splitting.merge_segments(lib, segment_id(lib, args))
    return 0


def _cmd_rules_list(args: argparse.Namespace) -> int:
    from reader.core.library import rules

    def disabled(rule_id: int, why: str) -> None:
        warn(f"rule {rule_id} is now off: {why}; fix it, then turn it on in the app or add it again")

    with open_from_args(args) as lib:
        rules.count_hits(lib, disabled=disabled)
        found = rules.list_rules(lib, args.transcript)
    for r in found:
        kind = ("regex" if r.is_regex else "literal") + ("" if r.case_sensitive else ",ignore-case")
        print(tsv(r.id, r.pattern, r.replacement, kind, scope_name(r.transcript_id), "on" if r.enabled else "off", r.hits))
    return 0


def _cmd_rules_add(args: argparse.Namespace) -> int:
    from reader.core.library import rules

    with open_from_args(args) as lib:
        rule_id = rules.add_rule(
            lib, args.pattern, args.replacement, regex=args.regex, case_sensitive=not args.ignore_case, transcript_id=args.transcript
        )
    print(rule_id)
    return 0


def _cmd_rules_remove(args: argparse.Namespace) -> int:
    from reader.core.library import rules

    with open_from_args(args) as lib:
        rules.remove_rule(lib, args.rule)
    return 0


def _cmd_rules_import(args: argparse.Namespace) -> int:
    from reader.core.library import rules

    with open_from_args(args) as lib:
        count = rules.import_tsv(lib, args.tsv, transcript_id=args.transcript)
    print(count)
    return 0


def _cmd_rules_export(args: argparse.Namespace) -> int:
    from reader.core.library import rules

    with open_from_args(args) as lib:
        if args.tsv == "-":
            text, left_out = rules.rules_tsv(lib, transcript_id=args.transcript)
            sys.stdout.write(text)
        else:
            left_out = rules.export_tsv(lib, args.tsv, transcript_id=args.transcript)
    if left_out:
        warn(f"{left_out} disabled rules left out (importing them would enable them)")
    return 0


def add_edit_commands(sub: Any) -> None:
    expect = {
        "type": int,
        "metavar": "N",
        "help": "only if the segment is still at version N (see `show --versions`); without it, "
        "another author's correction is never replaced",
    }
    p = sub.add_parser("correct", help="set a person's correction of one segment")
    add_segment_args(p)
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--expect-version", **expect)
    p.set_defaults(func=_cmd_correct)

    p = sub.add_parser("revert", help="drop the correction of one segment")
    add_segment_args(p)
    p.add_argument("--expect-version", **expect)
    p.set_defaults(func=_cmd_revert)

    p = sub.add_parser("split", help="split a segment at a character offset of its raw text")
    add_segment_args(p)
    p.add_argument("offset", type=int, metavar="OFFSET")
    p.set_defaults(func=_cmd_split)

    p = sub.add_parser("merge", help="merge a segment with the next one")
    add_segment_args(p)
    p.set_defaults(func=_cmd_merge)

    rules = sub.add_parser("rules", help="the correction rules").add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    p = rules.add_parser(
        "list",
        help="ID PATTERN REPLACEMENT KIND SCOPE STATE HITS, one rule a line",
        description="HITS: how many places the rule changes in the library's automatic text now "
        "(corrected segments left out), counted afresh each time.",
    )
    add_transcript_option(p, "only the rules that apply to this transcript")
    p.set_defaults(func=_cmd_rules_list)
    p = rules.add_parser("add", help="add a rule; prints its id")
    p.add_argument("pattern", metavar="PATTERN")
    p.add_argument("replacement", metavar="REPLACEMENT")
    p.add_argument("--regex", action="store_true", help="PATTERN is a regular expression")
    p.add_argument("--ignore-case", action="store_true", help="match Latin letters in any case")
    add_transcript_option(p, "only for this transcript")
    p.set_defaults(func=_cmd_rules_add)
    p = rules.add_parser("remove", help="remove a rule")
    p.add_argument("rule", type=int, metavar="RULE", help="rule id (see `rules list`)")
    p.set_defaults(func=_cmd_rules_remove)
    p = rules.add_parser("import", help="add the rules of a TSV file; prints how many were added or changed")
    p.add_argument("tsv", metavar="TSV", help="pattern<TAB>replacement[<TAB>regex] per line")
    add_transcript_option(p, "as rules of this transcript")
    p.set_defaults(func=_cmd_rules_import)
    p = rules.add_parser("export", help="write the enabled rules as TSV (- for standard output)")
    p.add_argument("tsv", metavar="TSV")
    add_transcript_option(p, "this transcript's own rules instead of the global ones")
    p.set_defaults(func=_cmd_rules_export)
    cli_quality.add_rules_suggest(rules)
