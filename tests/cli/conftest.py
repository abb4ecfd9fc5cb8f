"""The command line run in-process, on a private library per test."""

import pytest

from reader.cli import main


def cli_runner(db: str, capsys):
    """`run(*args) -> (exit code, stdout lines, stderr lines)` against the library `run.db`.

    Given capsysbinary instead, stdout comes back as the bytes written (exports are checked byte for byte).
    """

    def run(*args):
        code = main(["--db", db, *map(str, args)])
        out, err = capsys.readouterr()
        if isinstance(out, bytes):
            return code, out, err.decode().splitlines()
        return code, out.splitlines(), err.splitlines()

    run.db = db
    return run


def import_text(run, folder, text: str, name: str = "talk.txt") -> str:
    """Import `text` as the file `folder/name`; the id of the one transcript made."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    code, out, err = run("import", path)
    assert code == 0, err
    return out[0].split("\t")[0]


@pytest.fixture
def run(tmp_path, capsys):
    return cli_runner(str(tmp_path / "cli.sqlite3"), capsys)
