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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="Read and correct Chinese ASR transcripts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="library: SQLite file or SQLAlchemy URL")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app, importing FILEs")
    p.add_argument("files", nargs="*")
    p.set_defaults(func=_cmd_gui)
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
