"""docs/CLI.md names every command and option the parser has, so the doc cannot fall behind the CLI."""

import argparse
from pathlib import Path

from reader.cli import build_parser

DOC = Path(__file__).resolve().parents[2] / "docs" / "CLI.md"


def _commands(parser: argparse.ArgumentParser, prefix: str = ""):
    """(command path, its option strings) for every (sub)command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}".strip()
                options = {s for a in sub._actions for s in a.option_strings if s.startswith("--") and s != "--help"}
                yield path, options
                yield from _commands(sub, path)


def test_every_command_and_option_is_in_docs_cli_md():
    doc = DOC.read_text(encoding="utf-8")
    missing = []
    for path, options in _commands(build_parser()):
        if f"`{path}" not in doc:
            missing.append(path)
        missing.extend(f"{path} {option}" for option in sorted(options) if option not in doc)
    top = {s for a in build_parser()._actions for s in a.option_strings if s.startswith("--") and s != "--help"}
    missing.extend(option for option in sorted(top) if option not in doc)
    assert not missing, f"docs/CLI.md does not mention: {missing}"
