"""Help → About Régie: the version, the database in use (a server's password never shown),
the licence and its summary, the Qt and Python versions; keyboard only; fits 1366×768."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.db import Database
from app.core.settings import DATABASE_KIND, DEMO, OWN, set_setting
from app.gui.shell import about
from app.gui.shell.main import MainWindow, build_main_window
from app.gui.shell.operations import Operations
from app.version import VERSION


@pytest.fixture
def window(qtbot, ops: Operations) -> MainWindow:  # type: ignore[no-untyped-def]
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def _kind(db: Database, kind: str) -> None:
    with db.write() as uow:
        set_setting(uow, DATABASE_KIND, kind)


def _open(window: MainWindow) -> about.AboutDialog:
    window.about_action.trigger()
    dialog = window._about_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, about.AboutDialog) and dialog.isVisible()
    return dialog


def test_the_about_box_names_version_database_licence_and_platform(
    window: MainWindow, db: Database
) -> None:
    _kind(db, OWN)
    dialog = _open(window)
    assert dialog.windowTitle() == "About Régie"
    assert dialog.version.text() == VERSION
    assert dialog.database.text() == str(db.path)
    assert dialog.licence.text() == "AGPL-3.0-or-later"
    shown = dialog.platform.text()
    assert platform.python_version() in shown and qVersion() in shown
    assert "Python package" in shown  # not the self-contained application


def test_a_demo_database_is_said_to_be_demo_data(window: MainWindow, db: Database) -> None:
    _kind(db, DEMO)
    dialog = _open(window)
    assert dialog.database.text() == f"{db.path} (demo data)"


def test_a_server_is_named_without_its_password(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.core.paths import display_url

    shown = display_url("postgresql+psycopg://regie:s3cret@db.example:5432/coop")
    dialog = about.AboutDialog(shown)
    qtbot.addWidget(dialog)
    assert "s3cret" not in dialog.database.text() and "db.example" in dialog.database.text()
    assert "s3cret" not in dialog.text()


def test_licence_button_shows_the_summary_and_copy_copies_the_box(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(window)
    box = dialog.show_licence()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "GNU Affero General Public License" in box.text()
    assert about.LICENCE_URL in box.text()
    box.close()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Régie {VERSION}") and str(window.ops.ctx.db.path) in copied
    assert dialog.copy_button.text() == "Copied"


def test_keyboard_opens_the_licence_and_escape_closes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(window)
    assert dialog.close_button.isDefault()
    assert QKeySequence.mnemonic(dialog.licence_button.text()).toString() == "Alt+L"
    dialog.licence_button.setFocus()
    qtbot.keyClick(dialog.licence_button, Qt.Key.Key_Space)
    box = dialog._licence_box
    qtbot.waitUntil(box.isVisible)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_fits_a_1366_by_768_screen_and_opens_again(window: MainWindow) -> None:
    dialog = _open(window)
    size = dialog.sizeHint()
    assert size.width() <= 1366 and size.height() <= 700
    dialog.close()
    again = _open(window)
    assert again is not dialog
    QApplication.processEvents()


def test_french_labels(window: MainWindow) -> None:
    from app import i18n

    i18n.install("fr")
    try:
        dialog = _open(window)
        assert dialog.windowTitle() == "À propos de Régie"
        assert "Licence" in dialog.licence_button.text()
    finally:
        i18n.install("en")
