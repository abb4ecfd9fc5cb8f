"""On Linux the app names the system libraries Qt's xcb plugin lacks, instead of Qt's bare abort.

A missing library is simulated with a fake `ldd` on PATH, so these tests pass whether or
not the machine has the libraries; none needs a display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui import platform_check

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")

ROOT = Path(__file__).resolve().parents[2]
NO_SUCH_DISPLAY = ":4711"  # no X server answers there, so an app that got as far as Qt would abort

LDD_ONE_FILE = """\
\tlinux-vdso.so.1 (0x00007ffd5a5e2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f7a93800000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f7a93510000)
\tlibxcb-icccm.so.4 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f7a93a00000)
"""

LDD_TWO_FILES = """\
/venv/plugins/platforms/libqwayland.so:
\tlibwayland-client.so.0 => /lib/x86_64-linux-gnu/libwayland-client.so.0 (0x00007f1)
\tlibwayland-cursor.so.0 => not found
/venv/plugins/platforms/libqxcb.so:
\tlibxkbcommon-x11.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2)
"""


def fake_ldd(folder: Path, missing: dict[str, str]) -> Path:
    """An `ldd` that says each file whose name ends with a key lacks that key's soname.

    Like the real one, it heads each file's list with its name only when given several.
    """
    folder.mkdir(exist_ok=True)
    cases = "".join(f'    *{end}) printf "\\t{soname} => not found\\n" ;;\n' for end, soname in missing.items())
    script = folder / "ldd"
    script.write_text(
        "#!/bin/sh\n"
        'for f in "$@"; do\n'
        '  [ "$#" -gt 1 ] && echo "$f:"\n'
        '  case "$f" in\n' + cases + "  esac\n"
        '  printf "\\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f00)\\n"\n'
        "done\n"
    )
    script.chmod(0o755)
    return folder


def plugins(tmp_path: Path) -> Path:
    """A PySide6-like Qt/plugins/platforms with both Linux desktop plugins."""
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "libqxcb.so").touch()
    (platforms / "libqwayland.so").touch()
    return platforms


def test_ldd_output_gives_each_missing_soname_once():
    assert platform_check.parse_ldd(LDD_ONE_FILE) == {"": ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]}


def test_ldd_output_for_several_files_is_told_apart():
    assert platform_check.parse_ldd(LDD_TWO_FILES) == {
        "/venv/plugins/platforms/libqwayland.so": ["libwayland-cursor.so.0"],
        "/venv/plugins/platforms/libqxcb.so": ["libxkbcommon-x11.so.0"],
    }


def test_the_line_names_the_libraries_and_the_command_that_installs_them():
    line = platform_check.message(["libxcb-keysyms.so.1", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"])
    assert "\n" not in line
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1, libxkbcommon-x11.so.0" in line
    assert line.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0")


def test_a_library_with_no_known_package_is_still_named():
    line = platform_check.message(["libxcb-cursor.so.0", "libweird.so.7"])
    assert "sudo apt-get install libxcb-cursor0;" in line
    assert line.endswith("install the package that provides libweird.so.7")
    alone = platform_check.message(["libweird.so.7"])
    assert "apt-get" not in alone and "libweird.so.7" in alone


@pytest.mark.parametrize(
    ("env", "first"),
    [
        ({}, "xcb"),
        ({"DISPLAY": ":0"}, "xcb"),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ({"XDG_SESSION_TYPE": "wayland"}, "wayland"),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb:no-glx", "WAYLAND_DISPLAY": "wayland-0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "offscreen"),
    ],
)
def test_the_plugin_qt_tries_first(env, first):
    assert platform_check.qt_tries_first(env) == first


def test_missing_xcb_libraries_are_reported_when_qt_will_use_xcb(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(fake_ldd(tmp_path / "bin", {"libqxcb.so": "libxcb-icccm.so.4"})))
    line = platform_check.xcb_problem({"DISPLAY": ":0"}, plugins(tmp_path))
    assert line is not None and line.endswith("sudo apt-get install libxcb-icccm4")


@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "vnc"}])
def test_no_report_when_qt_will_not_use_x11(tmp_path, monkeypatch, env):
    monkeypatch.setenv("PATH", str(fake_ldd(tmp_path / "bin", {"libqxcb.so": "libxcb-icccm.so.4"})))
    assert platform_check.xcb_problem(env, plugins(tmp_path)) is None


def test_on_wayland_xcb_matters_only_if_the_wayland_plugin_cannot_load(tmp_path, monkeypatch):
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    platforms = plugins(tmp_path)
    monkeypatch.setenv("PATH", str(fake_ldd(tmp_path / "ok", {"libqxcb.so": "libxcb-icccm.so.4"})))
    assert platform_check.xcb_problem(wayland, platforms) is None

    broken = {"libqwayland.so": "libwayland-cursor.so.0", "libqxcb.so": "libxcb-icccm.so.4"}
    monkeypatch.setenv("PATH", str(fake_ldd(tmp_path / "broken", broken)))
    line = platform_check.xcb_problem(wayland, platforms)
    # Qt falls back to xcb, so xcb's needs are the ones to name.
    assert line is not None and line.endswith("sudo apt-get install libxcb-icccm4")
    assert "wayland" not in line


def test_on_wayland_without_the_wayland_plugin_xcb_is_checked(tmp_path, monkeypatch):
    platforms = plugins(tmp_path)
    (platforms / "libqwayland.so").unlink()
    monkeypatch.setenv("PATH", str(fake_ldd(tmp_path / "bin", {"libqxcb.so": "libxcb-icccm.so.4"})))
    line = platform_check.xcb_problem({"WAYLAND_DISPLAY": "wayland-0"}, platforms)
    assert line is not None and line.endswith("sudo apt-get install libxcb-icccm4")


def test_without_ldd_the_check_stays_silent(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert platform_check.xcb_problem({"DISPLAY": ":0"}, plugins(tmp_path)) is None


def test_main_prints_one_line_and_exits_before_creating_a_qapplication(tmp_path, monkeypatch, capsys):
    import PySide6.QtWidgets

    from reader.ui import app

    created = []

    class NoApplication:
        def __init__(self, *args):
            created.append(args)
            raise AssertionError("QApplication created although the xcb plugin cannot load")

        @staticmethod
        def instance():
            return None

    monkeypatch.setattr(PySide6.QtWidgets, "QApplication", NoApplication)
    monkeypatch.setenv(
        "PATH", f"{fake_ldd(tmp_path / 'bin', {'libqxcb.so': 'libxcb-keysyms.so.1'})}{os.pathsep}{os.environ['PATH']}"
    )
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setenv("DISPLAY", NO_SUCH_DISPLAY)

    assert app.main() != 0
    assert created == []
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert "libxcb-keysyms.so.1" in err[0] and err[0].endswith("sudo apt-get install libxcb-keysyms1")


def environment_for_x11(path_first: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env["PATH"] = f"{path_first}{os.pathsep}{env.get('PATH', '')}"
    env["DISPLAY"] = NO_SUCH_DISPLAY
    return env


def test_the_real_app_prints_the_line_instead_of_qts_abort(tmp_path):
    env = environment_for_x11(fake_ldd(tmp_path / "bin", {"libqxcb.so": "libxcb-icccm.so.4"}))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "gui"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert "libxcb-icccm.so.4" in done.stderr and done.stderr.strip().endswith("sudo apt-get install libxcb-icccm4")


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_the_check_agrees_with_the_dynamic_loader_on_the_real_plugin():
    platforms = platform_check.platforms_dir()
    assert platforms is not None and (platforms / "libqxcb.so").exists()
    plugin = platforms / "libqxcb.so"
    lacking = platform_check.missing_libraries([plugin])[str(plugin)]
    line = platform_check.xcb_problem({"DISPLAY": NO_SUCH_DISPLAY}, platforms)
    # Loading the plugin (not starting Qt) in a child process: it loads iff nothing is missing.
    load = subprocess.run(
        [sys.executable, "-c", f"import ctypes; ctypes.CDLL({str(plugin)!r})"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if not lacking:
        assert line is None
        assert load.returncode == 0, load.stderr
    else:
        assert line is not None and all(soname in line for soname in lacking)
        assert load.returncode != 0
        named_by_loader = load.stderr.strip().splitlines()[-1]
        assert any(soname in named_by_loader for soname in lacking), (lacking, named_by_loader)


@pytest.mark.parametrize(
    ("env", "reported"),
    [
        ({}, True),
        ({"XDG_SESSION_TYPE": "x11"}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),  # Qt tries wayland first: no X display needed
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ],
)
def test_no_display_is_reported_in_one_line_before_qt_aborts(env, reported):
    line = platform_check.no_display_problem(env)
    assert (line is not None) == reported
    if line is not None:
        assert "\n" not in line and "DISPLAY" in line and "Xvfb" in line


def test_the_app_started_without_a_screen_says_so_and_exits_1(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    start_gui = "import sys; from reader.ui.app import run_gui; sys.exit(run_gui(db=sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", start_gui, str(tmp_path / "lib.sqlite3")], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 1
    assert done.stderr.strip().startswith("transcript-reader: no screen to open the window on")
    assert not (tmp_path / "lib.sqlite3").exists()  # nothing was created
