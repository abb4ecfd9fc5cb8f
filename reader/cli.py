"""Command line front end over reader.core (contract: docs/CLI.md in shared)."""

from __future__ import annotations

import argparse
import sys

from reader import APP_NAME, __version__
from reader.core.errors import UserError


def _cmd_gui(args: argparse.Namespace) -> int:
    # Imported late: the CLI must work without a display and start fast.
    from reader.ui.app import run_gui

    return run_gui(args.db, list(getattr(args, "files", []) or []))


def _open(args: argparse.Namespace):
    from reader.core.library import open_library

    return open_library(args.db)


def _tsv(*fields: object) -> str:
    """One record a line: tabs and line breaks inside a field would split it."""
    return "\t".join(" ".join(str("" if f is None else f).split("\n")).replace("\t", " ") for f in fields)


def _warn(message: str) -> None:
    print(f"{APP_NAME}: warning: {message}", file=sys.stderr)


def _cmd_import(args: argparse.Namespace) -> int:
    from reader.core.library import import_path

    with _open(args) as lib:
        for result in import_path(lib, args.files):
            if result.already_imported:
                ids = ", ".join(str(t.id) for t in result.transcripts) or "none left"
                _warn(f"{result.path}: already imported (transcripts {ids}); nothing added")
                continue
            for t in result.transcripts:
                print(_tsv(t.id, t.title, t.segments))
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from reader.core.library import list_transcripts

    with _open(args) as lib:
        for t in list_transcripts(lib):
            print(_tsv(t.id, t.title, t.segments, t.corrected, t.source_path))
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from reader.core.library import enabled_rules, transcript_segments

    with _open(args) as lib:
        _title, segments = transcript_segments(lib, args.id)
        rules = enabled_rules(lib, args.id) if args.clean else []
    texts = _effective_texts(segments, rules) if args.clean else [s.raw for s in segments]
    for segment, text in zip(segments, texts):
        print(_tsv(segment.position, segment.speaker, text))
    return 0


def _effective_texts(segments, rules) -> list[str]:
    """A person's correction, else the cleaned raw text; images and marks as they are."""
    from reader.core.text import Cleaner, Rule

    cleaner = Cleaner(rules=[Rule(r.pattern, r.replacement, r.is_regex, r.case_sensitive) for r in rules])
    return [
        s.correction if s.correction is not None else cleaner.clean(s.raw).text if s.kind == "text" else s.raw
        for s in segments
    ]


def _cmd_delete(args: argparse.Namespace) -> int:
    from reader.core.library import delete_transcript

    with _open(args) as lib:
        delete_transcript(lib, args.id)
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from reader.core.library import check_library

    with _open(args) as lib:
        problems = check_library(lib)
    for problem in problems:
        print(problem)
    if not problems:
        print("ok")
    return 1 if problems else 0


def _cmd_clean(args: argparse.Namespace) -> int:
    """Clean text line by line, streaming: one output line per input line, no library."""
    from reader.core.text import CleanSettings, Cleaner, read_rules_tsv

    settings = CleanSettings(
        script=args.script,
        fillers=not args.no_fillers,
        stutters=not args.no_stutters,
        rules=not args.no_rules,
        punctuation=not args.no_punctuation,
        spacing=args.spacing,
    )
    rules = read_rules_tsv(args.rules) if args.rules and settings.rules else []
    cleaner = Cleaner(settings, rules)
    name = "standard input" if args.file == "-" else args.file
    try:
        source = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise UserError(name, "no such file") from None
    except IsADirectoryError:
        raise UserError(name, "is a folder, not a text file") from None
    except PermissionError:
        raise UserError(name, "permission denied") from None
    out = sys.stdout.buffer
    try:
        for number, line in enumerate(source, start=1):
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise UserError(name, f"line {number} is not UTF-8 text") from None
            # A regular-expression rule may write a line break; the line count is the contract.
            out.write(cleaner.clean(text).text.replace("\n", " ").encode("utf-8") + b"\n")
    finally:
        out.flush()
        if source is not sys.stdin.buffer:
            source.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="Read and correct Chinese ASR transcripts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="library: SQLite file or SQLAlchemy URL")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app, importing FILEs")
    p.add_argument("files", nargs="*")
    p.set_defaults(func=_cmd_gui)

    p = sub.add_parser("import", help="import transcript files or folders")
    p.add_argument("files", nargs="+", metavar="FILE|DIR")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("list", help="list the transcripts in the library")
    p.set_defaults(func=_cmd_list)

    p = sub.add_parser("show", help="print a transcript, one segment a line")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--clean", action="store_true", help="effective text: correction, else cleaned")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("delete", help="remove a transcript and its annotations")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=_cmd_delete)

    p = sub.add_parser("check", help="check the library's integrity")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("clean", help="clean text, no library involved: one output line per input line")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="UTF-8 text; - or nothing: standard input")
    p.add_argument("--script", choices=("simplified", "traditional", "taiwan", "hongkong", "keep"), default="simplified")
    p.add_argument("--no-fillers", action="store_true", help="keep hesitation sounds")
    p.add_argument("--no-stutters", action="store_true", help="keep repetitions")
    p.add_argument("--no-rules", action="store_true", help="ignore --rules")
    p.add_argument("--no-punctuation", action="store_true", help="leave punctuation as the removals left it")
    p.add_argument("--spacing", action="store_true", help="one space between CJK and Latin letters or digits")
    p.add_argument("--rules", metavar="TSV", help="correction rules: pattern<TAB>replacement[<TAB>regex]")
    p.set_defaults(func=_cmd_clean)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        func = _cmd_gui
    try:
        return func(args) or 0
    except UserError as exc:
        print(f"{APP_NAME}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
