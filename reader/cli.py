"""Command line front end over reader.core (contract: docs/CLI.md in shared).

Each command imports the core operations it uses inside its own function:
together SQLAlchemy, Alembic, jieba, OpenCC and the file writers take about a
second to import, and `--version` or `list` answer in a few tens of ms
(tests/cli/test_startup.py checks what they import; `make bench` times them).
"""

from __future__ import annotations

import argparse
import io
import sys

from reader import APP_NAME, __version__, cli_quality
from reader.cli_common import (
    add_transcript_arg,
    add_transcript_option,
    note,
    open_from_args,
    tsv,
    warn,
)
from reader.cli_compare import add_compare_command, warn_second_recognitions
from reader.cli_edit import add_edit_commands
from reader.cli_media import add_media_commands
from reader.cli_review import add_review_commands
from reader.cli_tags import add_tag_commands
from reader.core.errors import UserError

# What argparse offers, written out so that building the parser imports no writer
# or converter; tests/cli/test_startup.py keeps them equal to reader.core's.
EXPORT_FORMATS = ("txt", "md", "docx", "srt", "vtt", "json", "csv")
SCRIPTS = ("simplified", "traditional", "taiwan", "hongkong", "keep")


def _cmd_gui(args: argparse.Namespace) -> int:
    # Imported late: the CLI must work without a display and start fast.
    from reader.ui.app import run_gui

    return run_gui(args.db, list(getattr(args, "files", []) or []))


def _set_author(name: str) -> None:
    from reader.core.library.models import set_author

    if not name.strip():
        raise UserError("--author", "give a name (revisions record who made them)")
    set_author(name)


def _reset_author() -> None:
    from reader.core.library.models import set_author

    set_author(None)


def _cmd_import(args: argparse.Namespace) -> int:
    from reader.core.library import import_path

    with open_from_args(args) as lib:
        results = import_path(lib, args.files, skipped=lambda exc: warn(str(exc)))
        for result in results:
            if result.already_imported:
                ids = ", ".join(str(t.id) for t in result.transcripts) or "none left"
                warn(f"{result.path}: already imported (transcripts {ids}); nothing added")
                continue
            for t in result.transcripts:
                print(tsv(t.id, t.title, t.segments))
        sys.stdout.flush()
        made = [t for result in results if not result.already_imported for t in result.transcripts]
        warn_second_recognitions(lib, made)
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from reader.core.library import list_transcripts

    with open_from_args(args) as lib:
        for t in list_transcripts(lib):
            # REVIEWED last: scripts reading the first five columns (SOURCE fifth) keep working.
            print(tsv(t.id, t.title, t.segments, t.corrected, t.source_path, t.reviewed))
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from reader.core.library import transcript_segments

    cleaner = None
    with open_from_args(args) as lib:
        _title, segments = transcript_segments(lib, args.id)
        texts = [s.raw for s in segments]
        if args.clean:
            cleaner = _cleaner_of(lib, args.id)
            texts = _shown_texts(segments, cleaner)
    spans = [(s.start_ms, s.end_ms) for s in segments]
    for index, (segment, text) in enumerate(zip(segments, texts, strict=True)):
        extra: list[object] = [segment.version] if args.versions else []
        if args.times:
            extra += _times_of(spans, index, segment)
        print(tsv(segment.position, segment.speaker, text, *extra))
    for rule, why in (cleaner.misbehaved_rules if cleaner is not None else {}).items():
        warn(f"rule {rule.pattern!r} was skipped: {why}; `rules list` turns it off")
    return 0


def _times_of(spans, index: int, segment) -> list[str]:
    """START, END for `show --times`: `~` before an estimated start, the end where the next begins."""
    from reader.core.library.timing import effective_end
    from reader.core.timecode import format_time

    end = effective_end(spans, index)
    start = "" if segment.start_ms is None else ("~" if segment.time_estimated else "") + format_time(segment.start_ms)
    return [start, "" if end is None else format_time(end)]


def _cleaner_of(lib, transcript_id: int):
    """The cleaner `show --clean` uses: the default cleaning, the transcript's rules and glossary terms."""
    from reader.core.library.glossary import words
    from reader.core.library.rules import text_rules
    from reader.core.text import Cleaner

    return Cleaner(rules=text_rules(lib, transcript_id), glossary=words(lib, transcript_id))


def _shown_texts(segments, cleaner) -> list[str]:
    """The segments' texts as `show --clean` prints them: what the reader shows, each read
    between its neighbours. A segment that only repeats the one before prints empty, as the
    app's cleaned column leaves it (with a note)."""
    from reader.core.text import shown_run

    return [shown.text for shown in shown_run(segments, cleaner)]


def _cmd_delete(args: argparse.Namespace) -> int:
    from reader.core.library import delete_transcript

    with open_from_args(args) as lib:
        delete_transcript(lib, args.id)
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from reader.core.library import check_library, open_library
    from reader.core.library.backup import rescue_hint

    # A damaged library opens read only here, so that check can say what is wrong.
    with open_library(args.db, damaged_ok=True) as lib:
        problems = check_library(lib)
        damaged = lib.damage is not None
    for problem in problems:
        print(problem)
    if not problems:
        print("ok")
    hint = rescue_hint(args.db) if damaged else ""
    if hint:
        warn(hint.strip())
    return 1 if problems else 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from reader.core.library.backup import backup

    with open_from_args(args) as lib:
        print(backup(lib, args.path))
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from reader.core.library.backup import restore

    restored = restore(args.path, args.db)
    if restored.set_aside is not None:
        warn(f"the damaged library was moved to {restored.set_aside}")
    return 0


def _add_backup_commands(sub) -> None:
    p = sub.add_parser("backup", help="copy the library, consistently even while it is in use; prints the file written")
    p.add_argument("path", metavar="PATH", help="backup file, or a folder to put a dated one in")
    p.set_defaults(func=_cmd_backup)

    p = sub.add_parser("restore", help="replace the library by a backup (checked first; the current library is backed up)")
    p.add_argument("path", metavar="PATH", help="backup file")
    p.set_defaults(func=_cmd_restore)


# ---- export and search


def _cmd_export(args: argparse.Namespace) -> int:
    from reader.core.library import export

    options = export.ExportOptions(
        speakers=not args.no_speakers, images=args.images, paragraphs=args.paragraphs, comments=args.comments
    )
    export.check_choice(args.format, args.script)
    # What is wrong with the request itself is said before the library is opened (or made).
    everything = args.id == "all"
    to_stdout = args.output == "-"
    if everything and to_stdout:
        raise UserError("-o -", "export all writes one file per transcript; give a folder")
    transcript_id = None if everything else _transcript_id(args.id)
    if transcript_id is not None and to_stdout and args.format not in export.TEXT_FORMATS:
        raise UserError("-o -", f"{args.format} is not a text format; give a file name")
    with open_from_args(args) as lib:
        if transcript_id is None:  # everything
            export.export_library(lib, args.output, args.format, args.script, options, overwrite=args.overwrite)
            return 0
        if not to_stdout:
            export.export_transcript(lib, transcript_id, args.format, args.output, args.script, options, overwrite=args.overwrite)
            return 0
        data = export.render_transcript(lib, transcript_id, args.format, args.script, options)
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def _transcript_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise UserError(f"transcript {value!r}", "give a transcript id (see `list`) or all") from None


def _cmd_search(args: argparse.Namespace) -> int:
    from reader.core.library import search

    with open_from_args(args) as lib:
        hits = search.search(lib, args.query, transcript_id=args.transcript, limit=args.limit, progress=_indexing_note())
    for hit in hits:
        print(tsv(hit.transcript_id, hit.position, hit.snippet))
    return 0


# Below this many segments to index first, a search says nothing of it (a second or so).
INDEXING_NOTE_MIN = 20_000


def _indexing_note():
    """Progress for a search that first indexes what an import queued (about 2.5 MB of text a
    second): said once when it is much, so a long wait is not taken for a hang."""
    said = False

    def progress(done: int, total: int) -> None:
        nonlocal said
        if not said and total >= INDEXING_NOTE_MIN:
            note(f"indexing {total:,} segments for search first (once, after an import); this takes a while")
            said = True

    return progress


def _add_export_search_commands(sub) -> None:
    p = sub.add_parser("export", help="write a transcript (or all, one file each) as txt, md, docx, srt, vtt, json or csv")
    p.add_argument("id", metavar="ID|all", help="transcript id (see `list`), or all")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--script", choices=SCRIPTS, default="simplified", help="taiwan uses Taiwan's words too (s2twp)")
    p.add_argument("--no-speakers", action="store_true", help="leave speaker labels out")
    p.add_argument("--images", action="store_true", help="keep image lines (md, docx, txt)")
    p.add_argument(
        "--paragraphs", choices=("turns", "segments"), default="turns",
        help="txt, md, docx: join a speaker's segments into paragraphs, the name once per turn (turns), or one per segment",
    )
    p.add_argument("--comments", action="store_true", help="docx: the segments' comments as Word comments")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file (folder for all); - for standard output")
    p.add_argument("--overwrite", action="store_true", help="replace files that exist (without it, an existing file stops the export)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("search", help="full-text search of the library: ID POS SNIPPET per hit")
    p.add_argument("query", metavar="QUERY")
    add_transcript_option(p, "only this transcript")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (default 50)")
    p.set_defaults(func=_cmd_search)


def _write_clean(out, cleaned) -> None:
    # A regular-expression rule may write a line break; the line count is the contract.
    out.write(cleaned.text.replace("\n", " ").encode("utf-8") + b"\n")


def _cmd_clean(args: argparse.Namespace) -> int:
    """Clean text line by line, streaming: one output line per input line, no library."""
    from reader.core.text import Cleaner, CleanSettings, read_rules_tsv

    settings = CleanSettings(
        script=args.script,
        fillers=not args.no_fillers,
        stutters=not args.no_stutters,
        loops=not args.no_loops,
        rules=not args.no_rules,
        punctuation=not args.no_punctuation,
        sentences=not args.no_sentences,
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

    def lines():
        for number, line in enumerate(source, start=1):
            try:
                yield line.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise UserError(name, f"line {number} is not UTF-8 text") from None

    try:
        # One line of look-ahead: whether a line's final 。 ends its sentence depends on the
        # next line (the last line has none). Still streaming: a line is written once the next is read.
        text = None
        for following in lines():
            if text is not None:
                _write_clean(out, cleaner.clean(text, next_raw=following))
            text = following
        if text is not None:
            _write_clean(out, cleaner.clean(text, next_raw=""))
    finally:
        out.flush()
        if source is not sys.stdin.buffer:
            source.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="Read and correct Chinese ASR transcripts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="library: SQLite file or SQLAlchemy URL")
    parser.add_argument("--author", metavar="NAME", help="who the revisions name (default: $TRANSCRIPT_READER_AUTHOR, else your login)")
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
    add_transcript_arg(p)
    p.add_argument("--clean", action="store_true", help="effective text: correction, else cleaned")
    p.add_argument("--versions", action="store_true", help="a fourth column: the version a correction expects (--expect-version)")
    p.add_argument("--times", action="store_true", help="START and END columns (h:mm:ss.mmm; ~ marks an estimated start)")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("delete", help="remove a transcript and its annotations")
    add_transcript_arg(p)
    p.set_defaults(func=_cmd_delete)

    p = sub.add_parser("check", help="check the library's integrity")
    p.set_defaults(func=_cmd_check)
    _add_backup_commands(sub)
    _add_export_search_commands(sub)

    p = sub.add_parser("clean", help="clean text, no library involved: one output line per input line")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="UTF-8 text; - or nothing: standard input")
    p.add_argument("--script", choices=SCRIPTS, default="simplified")
    p.add_argument("--no-fillers", action="store_true", help="keep hesitation sounds")
    p.add_argument("--no-stutters", action="store_true", help="keep repetitions")
    p.add_argument("--no-loops", action="store_true", help="keep clauses the recognizer wrote again and again")
    p.add_argument("--no-rules", action="store_true", help="ignore --rules")
    p.add_argument("--no-punctuation", action="store_true", help="leave punctuation as the removals left it")
    p.add_argument("--no-sentences", action="store_true", help="keep every line-final 。 (no look at the next line)")
    p.add_argument("--spacing", action="store_true", help="one space between CJK and Latin letters or digits")
    p.add_argument("--rules", metavar="TSV", help="correction rules: pattern<TAB>replacement[<TAB>regex]")
    p.set_defaults(func=_cmd_clean)

    add_edit_commands(sub)
    add_tag_commands(sub)
    cli_quality.add_commands(sub)
    add_compare_command(sub)
    add_media_commands(sub)
    add_review_commands(sub)
    return parser


def _utf8_stdout() -> None:
    """Records are UTF-8 whatever the locale: a pipe on Windows would get the ANSI code page (GBK, cp1252)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        func = _cmd_gui
    _utf8_stdout()
    try:
        if args.author is not None:
            _set_author(args.author)
        return func(args) or 0
    except UserError as exc:
        print(f"{APP_NAME}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # A driver's error that reached here (a full disk, a stopped server) is still one line.
        from reader.core.library.storage import storage_error

        mapped = storage_error(exc, args.db or "the library")
        if mapped is None:
            raise
        print(f"{APP_NAME}: error: {mapped}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        # main() is called in-process by tests and scripts: the next call starts afresh.
        if args.author is not None:
            _reset_author()


if __name__ == "__main__":
    raise SystemExit(main())
