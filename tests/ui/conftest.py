"""Fixtures for the desktop reader: private settings, a library with a small transcript, a window,
the test font every widget measures text in."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

SAMPLE = """# 测试转写

呃，大家好，我我我是今天的讲者。

我们今天讨论大圆模型的发展。

![](img/slide1.png)

这个这个问题很重要，嗯，我们下一个下一个问题。
"""


@pytest.fixture(autouse=True)
def _no_modifier_left_held():
    """QTest leaves a modifier typed with a key (Ctrl+Z) held in the application's keyboard
    state; the next test's setCurrentIndex would then add rows to the selection as if Ctrl
    were held. Whatever a test typed, the next one starts with no key held."""
    yield
    app = QApplication.instance()
    if app is not None and app.keyboardModifiers():
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWidget

        releaser = QWidget()
        for key in (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            QTest.keyRelease(releaser, key)
        releaser.deleteLater()


@pytest.fixture(scope="session", autouse=True)
def _qt_test_paths():
    """Qt's own settings and data paths go to test folders (the cache is private already: tests/conftest.py)."""
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(scope="session", autouse=True)
def _test_font(qapp, tmp_path_factory):
    """Every widget lays text out in a font the tests control (tests/fonts.py), not the machine's:
    without a Chinese font Han characters are half-width missing-glyph boxes and wrap differently."""
    from tests import fonts

    return fonts.install(tmp_path_factory.mktemp("fonts"))


@pytest.fixture
def settings(tmp_path):
    from reader.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def write_sample(folder: Path, text: str = SAMPLE, name: str = "sample.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def type_committed(widget, text: str) -> None:
    """Text as an input method commits it (Chinese is never typed key by key)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    widget.inputMethodEvent(event)


@contextmanager
def fitted(qtbot, view, timeout: int = 5000):
    """After the block, wait until the segment view has fitted its rows to the size and text it has then.

    The view fits from the event loop, after a resize, a scroll or new text, and a fit can
    start another (a scroll bar appears, a column narrows); under load that takes longer than
    any fixed wait. Settled means: the last fit saw the columns, viewport, scroll position
    and text the view has now.
    """
    from reader.ui.table.segment_model import CLEAN, RAW

    changes = [0]
    fits = []

    def state():
        return (
            view.columnWidth(RAW),
            view.columnWidth(CLEAN),
            view.viewport().size(),
            view.verticalScrollBar().value(),
            view.model().rowCount(),
            changes[0],
        )

    def changed(*_args):
        changes[0] += 1

    def record():
        fits.append(state())

    def settled():
        # The table's own zero-time timers first: a row resize updates the scroll bar from one.
        QApplication.processEvents()
        return bool(fits) and fits[-1] == state()

    model = view.model()
    signals = (model.modelReset, model.dataChanged, model.layoutChanged, model.rowsInserted, model.rowsRemoved)
    for signal in signals:
        signal.connect(changed)
    view.fitted.connect(record)
    try:
        yield
        qtbot.waitUntil(settled, timeout=timeout)
    finally:
        view.fitted.disconnect(record)
        for signal in signals:
            signal.disconnect(changed)


@pytest.fixture
def sample_library(library, tmp_path):
    """`library` (tests/conftest.py) holding SAMPLE, imported in this process; `.transcript` is its id."""
    from reader.core.library import import_file

    library.transcript = import_file(library, write_sample(tmp_path)).transcripts[0].id
    return library


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "library.sqlite3")


@pytest.fixture
def make_window(qtbot, settings, db_path):
    """A main window over a fresh library at `db_path`, work done inline (SyncTaskRunner)."""
    from reader.ui.app import build_window
    from reader.ui.tasks import SyncTaskRunner

    made = []

    def make(runner=None, window_settings=None):
        window = build_window(runner=runner or SyncTaskRunner(), settings=window_settings or settings)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.ops.runner.shutdown()
        window.ops.close()
        window.ops.runner.wait()


@pytest.fixture
def window(make_window, tmp_path, db_path):
    """A shown window on a library holding SAMPLE, its transcript open."""
    from reader.core.library import import_file, open_library

    lib = open_library(db_path)
    import_file(lib, write_sample(tmp_path))
    lib.close()
    window = make_window()
    window.show()
    window.open_library(db_path)
    assert window.model.rowCount() > 0, "the sample transcript did not open"
    return window


def pytest_collection_modifyitems(config, items):
    # The offscreen platform has no window manager to pass size hints or raise() to.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"))


@pytest.fixture
def roundtable_controller(qtbot, db_path):
    """A controller (work done inline) on a library holding the seed roundtable, which is
    `controller.transcript`; `controller.failures` collects the messages a person would see."""
    from reader.core import paths
    from reader.core.library import import_file, open_library
    from reader.ui.operations import Operations as Controller
    from reader.ui.operations import library
    from reader.ui.tasks import SyncTaskRunner

    lib = open_library(db_path)
    transcript = import_file(lib, paths.seeds_dir() / "002_31e3d2a98f80fa1d.txt").transcripts[0].id
    lib.close()
    made = Controller(SyncTaskRunner())
    library.open(made, db_path)
    made.transcript = transcript
    made.failures = []
    made.failed.connect(made.failures.append)
    yield made
    made.close()


def key_click(widget, key, modifier):
    """A key typed with a modifier held, as a person types it. QTest leaves the modifier in the
    application's keyboard state after the click, and the next test's setCurrentIndex would act
    as if Ctrl were still held (adding rows to the selection); a bare release clears it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifier)
    QTest.keyRelease(widget, Qt.Key.Key_Control if modifier & Qt.KeyboardModifier.ControlModifier else Qt.Key.Key_Shift)
