"""Review findings on the import assistant: a path typed then left with Tab is read (not
only with Enter); on the demo's database the assistant says so at its top and previews
only (the demo and a cooperative's own data never mix)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.core import settings
from app.core.db import Database
from app.gui.shell import import_wizard
from app.gui.shell.import_wizard import FILE, RESULTS, ImportWizard
from app.gui.shell.operations import Operations
from tests.gui.test_import_wizard import FRENCH, SETTINGS, stored, write


def _wizard(qtbot: QtBot, ops: Operations, *, demo: bool = False) -> ImportWizard:
    QSettings("regie", "regie").remove("import")
    wizard = ImportWizard(ops, [SETTINGS], "settings", demo=demo)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    return wizard


def test_a_path_typed_then_tab_reads_the_file(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    path = write(tmp_path, "reglages.csv", FRENCH)
    wizard = _wizard(qtbot, ops)
    assert wizard.page == FILE
    field = wizard.file_page.path
    field.setFocus()
    QTest.keyClicks(field, str(path))
    assert not wizard.next_button.isEnabled()
    QTest.keyClick(field, Qt.Key.Key_Tab)  # no Enter
    if not wizard.tried_path:  # offscreen, the focus leaves without editingFinished (a
        field.editingFinished.emit()  # real display sends it: checked on Xvfb with xdotool)
    assert wizard.file_page.rows.rowCount() == 3
    assert wizard.next_button.isEnabled()
    assert not wizard.demo_banner.isVisible()
    field.editingFinished.emit()  # left again, the same file: not read twice
    assert wizard.tried_path == str(path) and wizard.table is not None


def test_on_the_demo_a_file_is_previewed_but_never_imported(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, ops, demo=True)
    assert wizard.demo_banner.isVisible()
    assert "demo" in wizard.demo_banner.text() and "set up your cooperative" in (
        wizard.demo_banner.text()
    )
    wizard.file_page.path.setText(str(write(tmp_path, "reglages.csv", FRENCH)))
    wizard.load()
    wizard.forward()
    wizard.forward()
    assert wizard.page == RESULTS and wizard.results.outcome == "preview"
    assert len(wizard.results.rows_text()) == 3  # the preview is there
    assert not wizard.import_button.isEnabled()
    wizard.start_import()  # even asked directly: nothing written
    assert stored(db, "A1") == ""


def test_open_import_knows_the_demo_from_the_database(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.ops = ops  # type: ignore[attr-defined]
    import_wizard.open_import(window, "customers")
    wizard = window.dialog  # type: ignore[attr-defined]
    assert isinstance(wizard, ImportWizard) and wizard.demo
    assert not wizard.demo_banner.isHidden()


def test_the_domain_refuses_an_import_into_the_demo_too(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
    wizard = _wizard(qtbot, ops)  # not told it is the demo: the write says so
    wizard.file_page.path.setText(str(write(tmp_path, "reglages.csv", FRENCH)))
    wizard.load()
    wizard.forward()
    wizard.forward()
    assert wizard.results.outcome == "preview"
    wizard.start_import()
    assert wizard.results.outcome == "refused"
    assert stored(db, "A1") == ""
