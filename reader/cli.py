"""Command line front end over reader.core (contract: docs/CLI.md in shared).

Each command imports the core operations it uses inside its own function:
together SQLAlchemy, Alembic, jieba, OpenCC and the file writers take about a
second to import, and `--version` or `list` answer in a few tens of ms
(tests/cli/test_startup.py checks what they import; `make bench` times them).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys

from reader import APP_NAME, __version__, cli_quality
from reader.cli_common import (
    add_segment_args,
    add_transcript_option,
    open_from_args,
    range_ids,
    scope_name,
    segment_id,
    tsv,
    warn,
)
from reader.cli_compare import add_compare_command, warn_second_recognitions
from reader.cli_media import add_media_commands
from reader.cli_review import add_review_commands
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
        hits = search.search(lib, args.query, transcript_id=args.transcript, limit=args.limit)
    for hit in hits:
        print(tsv(hit.transcript_id, hit.position, hit.snippet))
    return 0


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


# ---- editing: correct, revert, split, merge, rules


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
    from reader.core.library import edits

    with open_from_args(args) as lib:
        edits.split_segment(lib, segment_id(lib, args), args.offset)
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    from reader.core.library import edits

    with open_from_args(args) as lib:
        # An uncorrected part joins the merged correction as `show --clean` printed it, not raw (fillers and all).
        edits.merge_segments(lib, segment_id(lib, args))
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


def _add_edit_commands(sub) -> None:
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


# ---- speakers and topics


def _cmd_speakers(args: argparse.Namespace) -> int:
    from reader.core.library.overview import transcript_overview

    with open_from_args(args) as lib:
        overview = transcript_overview(lib, args.id)
    for share in overview.speakers:
        print(tsv(share.speaker.name if share.speaker else "", share.segments, share.chars, f"{share.percent:.1f}"))
    return 0


def _cmd_topics(args: argparse.Namespace) -> int:
    from reader.core.library import tagging
    from reader.core.library.overview import suggest_topics

    with open_from_args(args) as lib:
        if args.suggest:
            for word in suggest_topics(lib, transcript_id=args.id):
                print(word)
            return 0
        rows = tagging.topic_positions(lib, args.id)
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


def _add_tag_commands(sub) -> None:
    p = sub.add_parser(
        "speakers",
        help="who talks how much: NAME SEGMENTS CHARS PERCENT, one speaker a line",
        description="One line per speaker in order of first appearance: NAME, SEGMENTS, CHARS (spoken characters "
        "of the correction, else the raw text; no punctuation or spaces), PERCENT of the transcript's characters. "
        "Segments nobody is named for come last, with an empty NAME.",
    )
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(func=_cmd_speakers)

    p = sub.add_parser("topics", help="NAME SEGMENTS POSITIONS, one topic a line (POSITIONS like 1-4,9)")
    p.add_argument("id", type=int, metavar="ID")
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
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--clean", action="store_true", help="effective text: correction, else cleaned")
    p.add_argument("--versions", action="store_true", help="a fourth column: the version a correction expects (--expect-version)")
    p.add_argument("--times", action="store_true", help="START and END columns (h:mm:ss.mmm; ~ marks an estimated start)")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("delete", help="remove a transcript and its annotations")
    p.add_argument("id", type=int, metavar="ID")
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

    _add_edit_commands(sub)
    _add_tag_commands(sub)
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
