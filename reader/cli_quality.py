"""The CLI's quality commands: `glossary`, `suggest`, `qa` and `rules suggest` (docs/CLI.md).

Kept out of cli.py, which holds the rest; the bodies are core functions, imported
inside each command so that building the parser stays cheap.
"""

from __future__ import annotations

import argparse
import sys

from reader.cli_common import add_transcript_arg, add_transcript_option, open_from_args, scope_name, tsv, warn


def _cmd_glossary_list(args: argparse.Namespace) -> int:
    from reader.core.library import glossary

    with open_from_args(args) as lib:
        entries = glossary.list_terms(lib, args.transcript)
    for e in entries:
        print(tsv(e.term, ",".join(e.aliases), scope_name(e.transcript_id)))
    return 0


def _cmd_glossary_add(args: argparse.Namespace) -> int:
    from reader.core.library import glossary

    with open_from_args(args) as lib:
        glossary.add_term(lib, args.term, args.alias or [], transcript_id=args.transcript)
    return 0


def _cmd_glossary_remove(args: argparse.Namespace) -> int:
    from reader.core.library import glossary

    with open_from_args(args) as lib:
        glossary.remove_term(lib, args.term, transcript_id=args.transcript)
    return 0


def _cmd_glossary_import(args: argparse.Namespace) -> int:
    from reader.core.library import glossary

    with open_from_args(args) as lib:
        print(glossary.import_tsv(lib, args.tsv, transcript_id=args.transcript))
    return 0


def _cmd_glossary_export(args: argparse.Namespace) -> int:
    from reader.core.library import glossary

    with open_from_args(args) as lib:
        if args.tsv == "-":
            sys.stdout.write(glossary.glossary_tsv(lib, transcript_id=args.transcript))
        else:
            glossary.export_tsv(lib, args.tsv, transcript_id=args.transcript)
    return 0


def _cmd_suggest(args: argparse.Namespace) -> int:
    from reader.core.library import glossary, suggestions

    terms = glossary.read_tsv(args.glossary) if args.glossary else None
    with open_from_args(args) as lib:
        found = suggestions.transcript_suggestions(lib, args.id, terms)
    for s in found:
        print(tsv(s.position, s.found, s.suggestion, s.context))
    return 0


def _cmd_qa(args: argparse.Namespace) -> int:
    from reader.core.library import quality

    with open_from_args(args) as lib:
        findings = quality.check_transcript(lib, args.id)
    for f in findings:
        print(tsv(f.position, f.kind, f.detail))
    return 0


def _cmd_rules_suggest(args: argparse.Namespace) -> int:
    from reader.core.library import memory

    with open_from_args(args) as lib:
        offers = memory.rule_offers(lib, args.transcript)
    for o in offers:
        print(tsv(o.transcript_id, o.position, o.before, o.after, o.in_transcript, o.in_library))
    if not offers:
        warn("no correction holds a change that occurs elsewhere")
    return 0


def add_rules_suggest(rules) -> None:
    p = rules.add_parser(
        "suggest",
        help="rules the corrections already made would give: ID POS PATTERN REPLACEMENT IN_TRANSCRIPT IN_LIBRARY",
        description="Each changed span of each correction (widened to whole words), where it still occurs in "
        "other segments: IN_TRANSCRIPT and IN_LIBRARY count the segments a rule would change.",
    )
    add_transcript_option(p, "only this transcript's corrections")
    p.set_defaults(func=_cmd_rules_suggest)


def add_commands(sub) -> None:
    glossary = sub.add_parser("glossary", help="the words the talks should contain").add_subparsers(
        dest="glossary_command", metavar="ACTION", required=True
    )
    scope = "the glossary of this transcript instead of the global one"
    p = glossary.add_parser("list", help="TERM ALIASES SCOPE, one term a line")
    add_transcript_option(p, "the terms that apply to this transcript")
    p.set_defaults(func=_cmd_glossary_list)
    p = glossary.add_parser("add", help="add a term, or aliases to a term")
    p.add_argument("term", metavar="TERM")
    p.add_argument("--alias", action="append", metavar="WRONG", help="a known misspelling (again for more)")
    add_transcript_option(p, scope)
    p.set_defaults(func=_cmd_glossary_add)
    p = glossary.add_parser("remove", help="remove a term")
    p.add_argument("term", metavar="TERM")
    add_transcript_option(p, scope)
    p.set_defaults(func=_cmd_glossary_remove)
    p = glossary.add_parser("import", help="add the terms of a TSV file; prints how many were new or gained aliases")
    p.add_argument("tsv", metavar="TSV", help="term<TAB>alias,alias per line")
    add_transcript_option(p, scope)
    p.set_defaults(func=_cmd_glossary_import)
    p = glossary.add_parser("export", help="write the terms as TSV (- for standard output)")
    p.add_argument("tsv", metavar="TSV")
    add_transcript_option(p, scope)
    p.set_defaults(func=_cmd_glossary_export)

    p = sub.add_parser("suggest", help="spans that sound like a glossary term or are a known misspelling: POS FOUND SUGGESTION CONTEXT")
    add_transcript_arg(p)
    p.add_argument("--glossary", metavar="TSV", help="use this glossary file instead of the library's")
    p.set_defaults(func=_cmd_suggest)

    p = sub.add_parser("qa", help="quality check of a transcript: POS KIND DETAIL per finding, nothing when clean")
    add_transcript_arg(p)
    p.set_defaults(func=_cmd_qa)
