"""The command line run in-process, on a private library per test."""

import pytest

from reader.cli import main


def cli_runner(db: str, capsys):
    """`run(*args) -> (exit code, stdout lines, stderr lines)` against the library `db`."""

    def run(*args):
        code = main(["--db", db, *map(str, args)])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err.splitlines()

    return run


@pytest.fixture
def run(tmp_path, capsys):
    return cli_runner(str(tmp_path / "cli.sqlite3"), capsys)
