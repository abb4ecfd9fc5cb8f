"""An installed copy is a working copy: the wheel, installed in a new venv and run from
outside the checkout, has its samples, its Chinese UI and a working CLI and GUI.

The new venv gets the dependencies from the environment running the tests (a .pth
line naming its site-packages, whose own .pth files, the editable `reader` among
them, are not run), so nothing is downloaded but the build backend.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
# What the wheel is built from: the rest of the checkout must not matter.
SOURCES = ("pyproject.toml", "README.md", "reader", "seeds", "resources")
BIN = "Scripts" if os.name == "nt" else "bin"
TIMEOUT_S = 120
# Long enough for a loaded machine; the GUI quits at once when the samples show.
GUI_DEADLINE_MS = 60_000

TALK = """# 安装测试

呃，大家好，我我我是今天的讲者。

這個問題很重要。
"""

# The real start (reader.ui.app.run_gui), watched by a timer that closes the window
# once it shows a transcript; prints what it saw as JSON.
GUI_SCRIPT = f"""
import json, sys
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication
import reader
from reader.ui import app, i18n

qt = QApplication(sys.argv)
seen = {{"reader": reader.__file__}}
translator = QTranslator()
seen["qm_loaded"] = translator.load(i18n.CATALOGUE + "_zh_CN", str(i18n.TRANSLATIONS))
seen["translated"] = translator.translate("MainWindow", "&File")

def watch():
    for window in qt.topLevelWidgets():
        if type(window).__name__ == "MainWindow" and window.model.rowCount() > 0 and "menu" not in seen:
            seen["menu"] = window.menu_file.title()
            window.close()

timer = QTimer()
timer.timeout.connect(watch)
timer.start(50)
QTimer.singleShot({GUI_DEADLINE_MS}, qt.quit)
seen["exit"] = app.run_gui()
print(json.dumps(seen, ensure_ascii=False))
"""


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_S
    )
    assert done.returncode == 0, f"{args} exited {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the checkout (a stale build/ folder cannot leak in)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-input", "-w", str(work / "dist"), str(source)],
        capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    if built.returncode != 0:
        output = built.stdout + built.stderr
        if "No matching distribution found for setuptools" in output:
            pytest.skip(f"cannot build the wheel: pip could not fetch the build backend (offline?)\n{output[-2000:]}")
        pytest.fail(f"pip wheel failed\n{output}")
    (found,) = (work / "dist").glob("transcript_reader-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A new venv holding only the wheel (dependencies borrowed), and an environment for running it
    outside the checkout with a private home: a new user on a new machine."""
    here = tmp_path_factory.mktemp("installed")
    venv = here / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=here)
    python = venv / BIN / ("python.exe" if os.name == "nt" else "python")
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=here).stdout.strip()
    borrowed = [*site.getsitepackages(), *([site.getusersitepackages()] if site.ENABLE_USER_SITE else [])]
    Path(purelib, "_borrowed_dependencies.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel], cwd=here)

    home = here / "home"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "TRANSCRIPT_READER_DB"}}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
    )
    work = here / "work"  # the current folder: outside the checkout
    work.mkdir()
    return venv, python, env, work


def test_the_wheel_holds_the_code_and_the_data_the_app_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    in_package = {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "reader").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    # A package or data file under reader/ missing from pyproject.toml's [tool.setuptools] lists.
    assert in_package - names == set()
    assert {f"reader/seeds/{name}" for name in SEEDS} <= names
    run_time_resources = {
        f"reader/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in {".ts", ".md"} and "__pycache__" not in p.parts
    }
    assert "reader/resources/translations/transcript_reader_zh_CN.qm" in run_time_resources
    assert run_time_resources - names == set()
    # The translators' source catalogue is for the checkout only.
    assert not any(name.endswith(".ts") for name in names)


def test_the_installed_gui_starts_in_chinese_and_a_first_start_imports_the_samples(installed):
    venv, python, env, work = installed
    (work / "gui_check.py").write_text(GUI_SCRIPT, encoding="utf-8")
    chinese = {**env, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}
    done = run([python, "gui_check.py"], cwd=work, env=chinese)
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert Path(seen["reader"]).is_relative_to(venv), f"imported {seen['reader']}, not the installed copy"
    assert seen["qm_loaded"] is True
    assert seen["translated"] == "文件(&F)"
    assert seen.get("menu") == "文件(&F)", f"the window never showed a transcript in Chinese: {seen}\n{done.stderr}"
    assert seen["exit"] == 0

    # The library the first start made, in the new user's data folder, holds every sample.
    listed = run([venv / BIN / "transcript-reader", "list"], cwd=work, env=env).stdout.splitlines()
    sources = {Path(line.split("\t")[4]) for line in listed}  # ID TITLE SEGMENTS CORRECTED SOURCE
    assert {source.name for source in sources} == set(SEEDS)
    assert all(source.is_relative_to(venv) for source in sources), f"samples imported from elsewhere: {sources}"


def test_the_installed_cli_imports_lists_and_cleans_a_transcript(installed):
    venv, python, env, work = installed
    cli = venv / BIN / "transcript-reader"
    db = ["--db", work / "cli.sqlite3"]
    assert run([cli, "--version"], cwd=work, env=env).stdout.strip() == "transcript-reader 0.1.0"
    assert run([cli, *db, "list"], cwd=work, env=env).stdout == ""

    (work / "talk.txt").write_text(TALK, encoding="utf-8")
    imported = run([cli, *db, "import", "talk.txt"], cwd=work, env=env).stdout.split("\t")
    assert imported[1] == "安装测试"
    assert run([cli, *db, "list"], cwd=work, env=env).stdout.startswith(f"{imported[0]}\t安装测试")

    shown = run([cli, *db, "show", imported[0], "--clean"], cwd=work, env=env).stdout
    # The fillers, the stutter word lists and jieba, and OpenCC all ran from the installed copy.
    assert "呃" not in shown and "我我" not in shown and "我是今天的讲者" in shown
    assert "这个问题很重要" in shown
    run([python, "-m", "reader", *db, "check"], cwd=work, env=env)
