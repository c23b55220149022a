"""Every control a screen reader reaches has a name (its text, a buddy label or an
accessible name): the shell's chrome and dialogs, and every area of the main window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.core.errors import DomainError, UnexpectedError
from app.gui.shell.error_dialog import ErrorDialog
from app.gui.shell.main import AREAS, MainWindow, build_main_window
from app.gui.shell.operations import Operations
from app.gui.shell.settings_dialog import SettingsDialog
from app.gui.shell.widgets import ErrorListDialog
from tests.gui.accessibility_probe import unnamed_controls

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, ops: Operations, stock: dict[str, str]) -> MainWindow:  # type: ignore[no-untyped-def]
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def test_the_main_window_chrome_names_every_control(window: MainWindow) -> None:
    assert unnamed_controls(window, exclude=[window.stack]) == []


def test_the_settings_dialog_names_every_control(qtbot, ops: Operations) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ops, None, {"cooperative.name": "Scène Commune"})
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def test_the_error_dialogs_name_every_control(qtbot) -> None:  # type: ignore[no-untyped-def]
    unexpected = UnexpectedError(RuntimeError("boom"), trace="Traceback…", log="/tmp/regie.log")
    dialog = ErrorDialog(unexpected)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    dialog.show_button.setChecked(True)  # the details are shown
    QApplication.processEvents()
    assert unnamed_controls(dialog) == []
    refused = ErrorListDialog("Régie", DomainError("Something {x}.", x="wrong"))
    qtbot.addWidget(refused)
    refused.show()
    assert unnamed_controls(refused) == []


@pytest.mark.parametrize("key", [area.key for area in AREAS])
def test_every_area_names_every_control(window: MainWindow, key: str) -> None:
    window.show_area(key)
    QApplication.processEvents()
    assert unnamed_controls(window.screens[key]) == []
