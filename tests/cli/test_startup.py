"""What a short command loads: `--version` and `list` on a current library answer without
importing SQLAlchemy, Alembic, the text pipeline or the writers (their time: `make bench`)."""

import subprocess
import sys
from pathlib import Path

import reader
from reader import __version__
from reader.cli import EXPORT_FORMATS, SCRIPTS
from reader.core.paths import seeds_dir

CHECKOUT = Path(reader.__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "jieba", "opencc", "docx", "srt", "webvtt", "charset_normalizer", "regex", "pypinyin", "PySide6")
# The console script's body, then the top-level packages the run loaded, on stderr's last line.
SCRIPT = """\
import sys
from reader.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def cli_loads(*args: str) -> tuple[str, set[str]]:
    """(stdout, the heavy packages imported) of one command run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], cwd=CHECKOUT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )
    return done.stdout, set(done.stderr.splitlines()[-1].split()) & set(HEAVY)


def test_version_imports_nothing_heavy():
    out, heavy = cli_loads("--version")
    assert out.strip() == f"transcript-reader {__version__}"
    assert heavy == set()


def test_list_on_a_current_library_imports_nothing_heavy(run):
    code, out, err = run("import", seeds_dir() / "004_e48bd789d310c5cd.txt")
    assert code == 0, err
    listed, heavy = cli_loads("--db", run.db, "list")
    assert listed.splitlines() == run("list")[1] and len(out) == 1
    assert heavy == set()


def test_list_on_a_new_library_still_creates_it(tmp_path):
    db = tmp_path / "new.sqlite3"
    listed, heavy = cli_loads("--db", str(db), "list")
    assert listed == "" and db.exists()
    assert "alembic" in heavy  # the schema was made


def test_the_parsers_choices_are_the_cores():
    from reader.core.formats.writers import EXPORT_SCRIPTS, FORMATS
    from reader.core.text import script

    assert EXPORT_FORMATS == FORMATS
    assert SCRIPTS == EXPORT_SCRIPTS == script.SCRIPTS
