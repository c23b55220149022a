"""The import assistant (File → Import data): kind → file (encoding and separator detected,
changeable, first rows shown) → column mapping (guessed, remembered per kind, required
ones enforced) → preview (nothing written; or every bad line) → import (written, screens
told) — driven as a person would, on a real database, with a small importer of its own so
the assistant is tested apart from each domain's importer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from app.core import tabular
from app.core.db import Database, UnitOfWork
from app.core.errors import N_, ValidationError
from app.core.settings import get_setting, set_setting
from app.gui.shell import import_sources
from app.gui.shell.changes import Change
from app.gui.shell.import_pages import FilePage
from app.gui.shell.import_sources import Source
from app.gui.shell.import_wizard import FILE, KIND, MAPPING, RESULTS, ImportWizard
from app.gui.shell.operations import Operations

COLUMNS = (
    tabular.Column("code", N_("Code"), required=True, synonyms=("Référence",)),
    tabular.Column("value", N_("Value"), synonyms=("Valeur",)),
    tabular.Column("note", N_("Note")),
)


def _import_settings(
    uow: UnitOfWork, table: Any, mapping: dict[str, str] | None, progress: Any
) -> tabular.ImportResult:
    """A small real importer: each row stores the setting ``test.<code>``."""

    def apply_row(line: int, row: dict[str, str]) -> tabular.RowChange:
        value = row.get("value", "")
        if value == "bad":
            raise ValidationError("value", "A value cannot be {value}.", value="bad")
        key = f"test.{row['code']}"
        before = get_setting(uow, key)
        if before == value:
            return tabular.RowChange(line, tabular.UNCHANGED, row["code"])
        set_setting(uow, key, value)
        action = tabular.UPDATE if before else tabular.CREATE
        return tabular.RowChange(line, action, row["code"], f"value {value}")

    return tabular.run_import(uow, table, COLUMNS, mapping, apply_row, progress=progress)


SETTINGS = Source("settings", N_("Test settings"), COLUMNS, _import_settings, Change.SETTINGS)
OTHER = Source("other", N_("Other things"), COLUMNS[:1], _import_settings, Change.CUSTOMERS)

#: What offices have: Windows-1252, semicolons, French headers, a header Régie does not know.
FRENCH = "Référence;Valeur;Remarque\r\nA1;Société générale;x\r\nA2;12,50;\r\nA3;été;\r\n"


@pytest.fixture(autouse=True)
def _no_remembered_mapping() -> None:
    QSettings("regie", "regie").remove("import")


def stored(db: Database, code: str) -> str:
    with db.read() as uow:
        return get_setting(uow, f"test.{code}")


def write(tmp_path: Path, name: str, text: str, encoding: str = "cp1252") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def wizard_on(qtbot, ops: Operations, kind: str | None = "settings") -> ImportWizard:
    wizard = ImportWizard(ops, [SETTINGS, OTHER], kind)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose_file(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path.setText(str(path))
    wizard.file_page.path.returnPressed.emit()


def test_a_french_office_file_goes_through_mapping_preview_and_import(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    wizard = wizard_on(qtbot, ops)
    assert wizard.page == FILE  # the kind was given: straight to the file
    assert not wizard.next_button.isEnabled()
    choose_file(wizard, write(tmp_path, "réglages.csv", FRENCH))

    # how it was read, and its first rows as they are
    status = wizard.file_page.status.text()
    assert "Windows-1252" in status and "semicolons" in status and "3 rows" in status
    rows = wizard.file_page.rows
    assert rows.columnCount() == 3 and rows.rowCount() == 3
    assert rows.horizontalHeaderItem(0).text() == "Référence"
    assert rows.item(0, 1).text() == "Société générale"
    assert rows.verticalHeaderItem(0).text() == "2"  # the line as in the file

    # the mapping: guessed from the French headers, the unknown one left out
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page == MAPPING
    assert wizard.mapping_page.mapping() == {"code": "Référence", "value": "Valeur", "note": ""}
    assert "Société générale" in wizard.mapping_page.samples["value"].text()
    assert wizard.next_button.text() == "&Preview"

    # preview: what would happen, nothing written
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page == RESULTS and wizard.results.outcome == "preview"
    assert [row[:3] for row in wizard.results.rows_text()] == [
        ("2", "to create", "A1"),
        ("3", "to create", "A2"),
        ("4", "to create", "A3"),
    ]
    assert wizard.results.chips["create"].text() == "3 to create"
    shown = [a for a, chip in wizard.results.chips.items() if chip.isVisibleTo(wizard)]
    assert shown == ["create"]  # no chip for what does not happen
    assert stored(db, "A1") == ""
    assert wizard.import_button.isEnabled()

    # import: written, the screens told what changed
    with qtbot.waitSignal(ops.changed) as changed:
        qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Change.SETTINGS]
    assert wizard.results.outcome == "imported"
    assert wizard.results.chips["create"].text() == "3 created"
    assert (stored(db, "A1"), stored(db, "A2"), stored(db, "A3")) == (
        "Société générale",
        "12,50",
        "été",
    )
    assert not wizard.back_button.isEnabled() and not wizard.import_button.isVisible()

    # another import: the next kind proposed, a new file to choose
    assert wizard.again_button.isVisibleTo(wizard)
    wizard.again_button.click()
    assert wizard.page == KIND and wizard.source is OTHER
    wizard.forward()
    assert wizard.file_page.path.text() == "" and not wizard.next_button.isEnabled()


def test_the_encoding_and_separator_can_be_changed_by_hand(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
    page: FilePage = wizard.file_page
    page.encoding.setCurrentIndex(page.encoding.findData("utf-8"))
    page.encoding.activated.emit(page.encoding.currentIndex())
    # not UTF-8: refused with a sentence, Next disabled
    assert wizard.table is None and not wizard.next_button.isEnabled()
    assert page.status.text()
    page.encoding.setCurrentIndex(page.encoding.findData("cp1252"))
    page.delimiter.setCurrentIndex(page.delimiter.findData(","))
    page.delimiter.activated.emit(page.delimiter.currentIndex())
    assert wizard.table is not None and wizard.table.headers == ["Référence;Valeur;Remarque"]
    assert "commas" in page.status.text()


def test_a_workbook_shows_its_sheets_and_no_encoding(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "Notes"
    first.append(["nothing"])
    second = book.create_sheet("Réglages")
    second.append(["Code", "Value"])
    second.append(["B1", 3.5])
    path = tmp_path / "export.xlsx"
    book.save(path)
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, path)
    page = wizard.file_page
    assert not page.encoding.isEnabled() and not page.delimiter.isEnabled()
    assert page.sheet.isEnabled()
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == ["Notes", "Réglages"]
    page.sheet.setCurrentIndex(1)
    page.sheet.activated.emit(1)
    assert wizard.table.headers == ["Code", "Value"]
    assert page.rows.item(0, 1).text() == "3.5"
    assert "Excel workbook" in page.status.text()


def test_a_required_column_must_be_chosen_and_the_choice_is_remembered(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    path = write(tmp_path, "f.csv", "Ref;Valeur\r\nC1;v\r\n")
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, path)
    wizard.forward()
    assert wizard.page == MAPPING
    page = wizard.mapping_page
    assert page.mapping()["code"] == ""
    assert not wizard.next_button.isEnabled()
    assert "Code" in page.message.text() and page.message.isVisibleTo(wizard)
    page.combos["code"].setCurrentIndex(page.combos["code"].findData("Ref"))
    assert wizard.next_button.isEnabled() and not page.message.isVisibleTo(wizard)
    wizard.back()  # to the file and back: the choice stays
    wizard.forward()
    assert page.mapping()["code"] == "Ref"
    page.combos["note"].setCurrentIndex(page.combos["note"].findData("Ref"))
    assert "“Ref” is chosen for: Code, Note." in page.message.text()
    assert wizard.next_button.isEnabled()  # said, not refused
    page.combos["note"].setCurrentIndex(0)
    page.combos["value"].setCurrentIndex(0)  # left out on purpose
    wizard.forward()
    assert wizard.page == RESULTS

    # the next file of this kind: the choice made last time
    again = wizard_on(qtbot, ops)
    choose_file(again, path)
    again.forward()
    assert again.mapping_page.mapping() == {"code": "Ref", "value": "", "note": ""}
    assert import_sources.remembered("other") == {}


def test_bad_lines_are_all_named_and_nothing_is_written(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    text = "Code;Value\r\nD1;ok\r\nD2;bad\r\nD3;fine\r\nD4;bad\r\n"
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", text))
    wizard.forward()
    wizard.forward()
    assert wizard.results.outcome == "refused"
    assert wizard.results.rows_text() == [
        ("3", "column 'Value': A value cannot be bad."),
        ("5", "column 'Value': A value cannot be bad."),
    ]
    assert wizard.results.chips["error"].text() == "2 bad lines"
    assert not wizard.import_button.isEnabled()
    assert wizard.back_button.isEnabled()
    assert stored(db, "D1") == ""
    wizard.back()
    assert wizard.page == MAPPING


def test_rows_already_there_are_unchanged_or_changed(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    with db.write() as uow:
        set_setting(uow, "test.E1", "same")
        set_setting(uow, "test.E2", "old")
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", "Code,Value\nE1,same\nE2,new\n", "utf-8"))
    wizard.forward()
    wizard.forward()
    assert [row[1] for row in wizard.results.rows_text()] == ["unchanged", "to change"]
    assert wizard.results.chips["update"].text() == "1 to change"
    assert wizard.results.chips["unchanged"].text() == "1 unchanged"
    assert stored(db, "E2") == "old"


def test_nothing_to_change_offers_no_import(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    with db.write() as uow:
        set_setting(uow, "test.F1", "same")
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", "Code,Value\nF1,same\n", "utf-8"))
    wizard.forward()
    wizard.forward()
    assert wizard.results.outcome == "preview"
    assert not wizard.import_button.isEnabled()


def test_files_that_cannot_be_read_are_said_so(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, tmp_path / "missing.csv")
    assert "Cannot read" in wizard.file_page.status.text()
    assert not wizard.next_button.isEnabled()
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    choose_file(wizard, old)
    assert ".xlsx" in wizard.file_page.status.text()
    assert "nothing was changed" not in wizard.file_page.status.text()
    assert not wizard.next_button.isEnabled()


def test_an_import_cancelled_writes_nothing(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    def cancelling(uow: UnitOfWork, table: Any, mapping: Any, progress: Any) -> Any:
        def cancel_midway(done: int, total: int) -> None:
            if done == 2:
                progress.cancel()
            progress(done, total)

        return _import_settings(uow, table, mapping, cancel_midway)

    source = Source("settings", N_("Test settings"), COLUMNS, cancelling, Change.SETTINGS)
    wizard = ImportWizard(ops, [source], "settings")
    qtbot.addWidget(wizard)
    choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
    wizard.forward()
    wizard.forward()
    assert wizard.results.outcome == "refused"  # the preview was cancelled too
    assert wizard.results.title.text() == "Cancelled."
    assert stored(db, "A1") == ""
    assert wizard.back_button.isEnabled()


def test_the_kind_page_lists_every_kind_and_keyboard_moves_on(
    qtbot: QtBot, ops: Operations
) -> None:
    wizard = wizard_on(qtbot, ops, kind=None)
    assert wizard.page == KIND
    assert [b.text() for b in wizard.kind_page.buttons.values()] == [
        "Test settings",
        "Other things",
    ]
    assert wizard.kind_page.buttons["settings"].isChecked()
    wizard.kind_page.buttons["other"].setChecked(True)
    wizard.kind_page.buttons["other"].setFocus()
    qtbot.keyClick(wizard.kind_page.buttons["other"], Qt.Key.Key_Return)  # Next: the default
    assert wizard.page == FILE and wizard.source is OTHER
    wizard.back_button.click()
    assert wizard.page == KIND


def test_each_page_has_its_own_alt_keys(qtbot: QtBot, ops: Operations, tmp_path: Path) -> None:
    """No two buttons or labels shown together share an Alt+letter (English and French)."""
    from tests.journeys.driver import translation

    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
    for page in (KIND, FILE, MAPPING, RESULTS):
        wizard.go(page)
        shown = [
            w.text()
            for w in [*wizard.findChildren(QAbstractButton), *wizard.findChildren(QLabel)]
            if w.isVisibleTo(wizard) and "&" in w.text().replace("&&", "")
        ]
        for lang in ("en", "fr"):
            keys = [
                QKeySequence.mnemonic(translation("ImportWizard", text, lang)).toString()
                for text in shown
            ]
            assert len(keys) == len(set(keys)), (page, lang, shown, keys)


def test_it_fits_a_laptop_screen(qtbot: QtBot, ops: Operations) -> None:
    wizard = wizard_on(qtbot, ops)
    hint = wizard.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    assert wizard.width() <= 1366 and wizard.height() <= 768


def test_the_results_model_is_a_sound_qt_model(
    qtbot: QtBot, qtmodeltester, ops: Operations, tmp_path: Path
) -> None:
    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
    wizard.forward()
    wizard.forward()
    qtmodeltester.check(wizard.results.model)


def test_every_control_of_every_page_has_a_name(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    from tests.gui.accessibility_probe import unnamed_controls

    wizard = wizard_on(qtbot, ops)
    choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
    for page in (KIND, FILE, MAPPING):
        wizard.go(page)
        assert unnamed_controls(wizard) == [], page
    wizard.forward()  # the preview
    assert wizard.page == RESULTS
    assert unnamed_controls(wizard) == []


def test_cancel_stops_an_import_running_in_the_background(
    qtbot: QtBot, db: Database, clock: Any, tmp_path: Path
) -> None:
    """With the real worker thread: while the import runs the Close button reads Cancel and
    Escape does not close; Cancel stops it, nothing is written, and the assistant says so."""
    import threading

    from app.bootstrap import Context
    from app.gui.shell.operations import ThreadRunner

    started, release = threading.Event(), threading.Event()
    runs: list[int] = []

    def slow(uow: UnitOfWork, table: Any, mapping: Any, progress: Any) -> Any:
        runs.append(1)
        importing = len(runs) == 2  # the import, not its preview

        def waiting(done: int, total: int) -> None:
            if done == 1 and importing:
                started.set()
                release.wait(30)
            progress(done, total)

        return _import_settings(uow, table, mapping, waiting)

    runner = ThreadRunner()
    threaded = Operations(Context(db=db, clock=clock, user="tester"), runner)
    source = Source("settings", N_("Test settings"), COLUMNS, slow, Change.SETTINGS)
    wizard = ImportWizard(threaded, [source], "settings")
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
    qtbot.waitUntil(lambda: wizard.table is not None, timeout=10_000)
    wizard.forward()
    wizard.forward()
    qtbot.waitUntil(lambda: wizard.results.outcome == "preview", timeout=10_000)
    wizard.import_button.click()
    assert started.wait(10)
    assert wizard.close_button.text() == "Cancel" and not wizard.back_button.isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # cancels, does not close
    release.set()
    qtbot.waitUntil(lambda: wizard.results.outcome == "refused", timeout=10_000)
    runner.wait()
    assert wizard.isVisible() and wizard.results.title.text() == "Cancelled."
    assert wizard.close_button.text() == "Close"
    assert stored(db, "A1") == ""


def test_f1_opens_the_guide_on_bringing_data_in(qtbot: QtBot, ops: Operations) -> None:
    from app.gui.shell import help_window

    wizard = ImportWizard(ops, [SETTINGS], "settings")
    qtbot.addWidget(wizard)
    wizard.open()  # window-modal, as File → Import data opens it
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClick(wizard.file_page.path, Qt.Key.Key_F1)
    guide = wizard.findChild(help_window.HelpWindow)
    assert guide is not None and guide.isVisible()
    assert guide.current_page() == "first-start.html"
    assert guide.browser.source().fragment() == "import"


def test_what_a_row_does_is_said_in_the_users_language(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    from app import i18n

    def parts(uow: UnitOfWork, table: Any, mapping: Any, progress: Any) -> Any:
        said = tabular.part(N_("Customers and memberships"))
        return tabular.ImportResult([tabular.RowChange.of(2, tabular.CREATE, "A1", said)])

    source = Source("settings", N_("Test settings"), COLUMNS, parts, Change.SETTINGS)
    i18n.install("fr")
    try:
        wizard = ImportWizard(ops, [source], "settings")
        qtbot.addWidget(wizard)
        choose_file(wizard, write(tmp_path, "f.csv", FRENCH))
        wizard.forward()
        wizard.forward()
        assert wizard.results.rows_text() == [("2", "à créer", "A1", "Clients et adhésions")]
    finally:
        i18n.install("en")
