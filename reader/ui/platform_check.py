"""Name the system libraries Qt's X11 (xcb) platform plugin lacks, before Qt aborts over them.

PySide6's wheels bring Qt but not the X11 libraries its xcb plugin links. Without one,
QApplication dies with "could not load the Qt platform plugin xcb", which names neither
the library nor the package. Asking `ldd` about the plugin before Qt starts lets the app
say both in one line. Nothing here imports Qt: on a bare system even QtCore fails to
import (it links GLib), so the check has to run first.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Debian 12 packages (same names on Ubuntu) for the libraries PySide6's xcb plugin
# and the Qt libraries under it link: Qt's "Qt for X11 Requirements" and `ldd` on
# libqxcb.so, libQt6XcbQpa.so.6 and libQt6Gui.so.6, mapped with `dpkg -S`.
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libXrender.so.1": "libxrender1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libexpat.so.1": "libexpat1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libsystemd.so.0": "libsystemd0",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

LDD_TIMEOUT = 10


def qt_tries_first(env: Mapping[str, str]) -> str:
    """The platform plugin Qt 6 tries first on Linux, as QGuiApplication picks it.

    QT_QPA_PLATFORM wins, and may list fallbacks ("wayland;xcb"). Without it Qt puts
    wayland first when WAYLAND_DISPLAY is set or XDG_SESSION_TYPE is "wayland", then
    xcb; xcb is its default.
    """
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip()
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def platforms_dir() -> Path | None:
    """PySide6's Qt/plugins/platforms, found without importing Qt (which may not load)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"


def parse_ldd(output: str) -> dict[str, list[str]]:
    """Per file `ldd` was given, the sonames it reports "not found", in order, once each.

    Given several files, `ldd` heads each one's list with "path:"; given one, it does not,
    and that list is filed under "".
    """
    missing: dict[str, list[str]] = {}
    current = ""
    for line in output.splitlines():
        if line and not line[0].isspace() and line.rstrip().endswith(":"):
            current = line.rstrip()[:-1]
            missing.setdefault(current, [])
            continue
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip() == "not found":
            found = missing.setdefault(current, [])
            if name.strip() not in found:
                found.append(name.strip())
    return missing


def missing_libraries(files: list[Path]) -> dict[str, list[str]] | None:
    """What `ldd` says each file lacks, in one call; None if `ldd` cannot tell."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run([ldd, *map(str, files)], capture_output=True, text=True, timeout=LDD_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    parsed = parse_ldd(done.stdout)
    unheaded = parsed.get("", []) if len(files) == 1 else []
    return {str(f): parsed.get(str(f), unheaded) for f in files}


def message(sonames: list[str]) -> str:
    """The one line that names what is missing and the command that brings it."""
    sonames = sorted(set(sonames), key=str.lower)
    packages = sorted({DEBIAN_PACKAGES[name] for name in sonames if name in DEBIAN_PACKAGES})
    unknown = [name for name in sonames if name not in DEBIAN_PACKAGES]
    line = f"transcript-reader: Qt's X11 (xcb) platform plugin cannot load: this system lacks {', '.join(sonames)}."
    if packages:
        line += f" On Debian/Ubuntu: sudo apt-get install {' '.join(packages)}"
    if unknown and packages:
        line += f"; install the package that provides {', '.join(unknown)}"
    elif unknown:
        line += f" Install the package that provides {', '.join(unknown)}"
    return line


def xcb_problem(env: Mapping[str, str] | None = None, platforms: Path | None = None) -> str | None:
    """The line to print if Qt is about to fall on xcb and the xcb plugin cannot load, else None."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    first = qt_tries_first(env)
    if not first.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: no X11 library is needed
    platforms = platforms or platforms_dir()
    if platforms is None:
        return None
    xcb = platforms / "libqxcb.so"
    if not xcb.exists():
        return None
    # ldd already follows the plugin into libQt6XcbQpa; naming that library too keeps the
    # check right should a later Qt load it some other way.
    qpa = platforms.parent.parent / "lib" / "libQt6XcbQpa.so.6"
    files = [xcb, qpa] if qpa.exists() else [xcb]
    wayland = platforms / "libqwayland.so"
    try_wayland = first.startswith("wayland") and wayland.exists()
    if try_wayland:
        files.append(wayland)
    missing = missing_libraries(files)
    if missing is None:
        return None
    if try_wayland and not missing.get(str(wayland)):
        return None  # Qt falls back to xcb only if wayland cannot load
    lacking = [name for f in files if f != wayland for name in missing.get(str(f), [])]
    return message(lacking) if lacking else None


def no_display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """The line to print if Qt is about to use X11 with no X display named, else None.

    Qt would abort with "could not connect to display" and a hint about plugins that
    does not apply; a user started from a console or over ssh needs to hear that the
    window needs a screen, and that the command line does not.
    """
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or qt_tries_first(env) != "xcb" or env.get("DISPLAY"):
        return None
    return (
        "transcript-reader: no screen to open the window on (DISPLAY is not set). Start it in a desktop session "
        "or under a virtual screen (Xvfb :99 & DISPLAY=:99 transcript-reader); "
        "the command line needs no screen: transcript-reader --help"
    )


def report_unusable_xcb() -> bool:
    """Print the one line and return True if Qt is about to use X11 and cannot: no display, or its xcb plugin cannot load."""
    problem = no_display_problem() or xcb_problem()
    if problem:
        print(problem, file=sys.stderr)
    return bool(problem)
