"""Review finding: from the menus one goes to the demo and back. File → Explore the demo
cooperative reopens Régie on demo.db (its title starts with DÉMO), not remembered for the
next start; from the demo, File → Set up my cooperative offers "Open my cooperative" when
regie.db exists (instead of refusing)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core import connection, paths, settings
from app.core.db import Database
from app.core.migrate import open_database
from app.gui.shell import demo_switch, launch, setup_wizard
from app.gui.shell.main import build_main_window
from app.gui.shell.operations import Operations
from invoicing import setup
from tests.gui.test_setup_wizard_reopen import IDENTITY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _make_demo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    try:
        with db.write() as uow:
            settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
            settings.set_setting(uow, settings.COOPERATIVE_NAME, "La démo")
    finally:
        db.dispose()


def test_the_file_menu_offers_the_demo(qtbot, ops: Operations):
    window = build_main_window(ops)
    qtbot.addWidget(window)
    assert window.demo_action in window.file_menu.actions()
    assert window.demo_action.text() == "Explore the demo c&ooperative…"


def test_from_the_demo_an_existing_own_database_is_offered(
    qtbot, ops: Operations, db: Database, monkeypatch
):
    with db.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
    window = build_main_window(ops)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("DÉMO"))
    assert not window.demo_action.isVisible()  # on the demo: no "explore the demo"
    own = paths.default_db_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    setup.create_cooperative(own, setup.SetUp(IDENTITY)).dispose()
    opened: list[tuple[Path, bool]] = []
    monkeypatch.setattr(
        launch,
        "reopen",
        lambda win, target, credentials=None, *, set_up=True: (
            opened.append((target, set_up)) or True
        ),
    )
    shown = setup_wizard.open_setup(window)
    assert isinstance(shown, QMessageBox) and window.dialog is shown
    assert str(own) in shown.text()
    button = shown.button(QMessageBox.StandardButton.Open)
    assert button.text() == "&Open my cooperative"
    button.click()
    assert opened == [(own, False)]


def test_explore_the_demo_reopens_on_it_with_demo_in_the_title(
    qtbot, db_path: Path, db: Database, tmp_path: Path
):
    db.dispose()
    _make_demo(paths.demo_db_path())
    connection.choose_file(db_path)  # this computer opens the cooperative's file by choice
    made: list[QWidget] = []

    def make(ops: object) -> QWidget:
        window = build_main_window(ops)  # type: ignore[arg-type]
        made.append(window)
        return window

    session = launch._Session(None, make, lambda w: None, kiosk=False)  # noqa: SLF001
    assert session.open_window()
    first = made[0]
    try:
        assert demo_switch.explore_demo(first) is None  # the demo exists: no build
        second = made[1]
        qtbot.addWidget(second)
        qtbot.waitUntil(lambda: not shiboken6.isValid(first))
        qtbot.waitUntil(lambda: second.windowTitle().startswith("DÉMO — La démo"))
        assert connection.chosen() == db_path  # the next start still opens one's own data
        assert second.dialog is None  # no import offered on the demo
    finally:
        session.close()
