"""The main window: title, areas and their shortcuts, settings, CSV import/export, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlmodel import func, select

from app import i18n
from app.core.db import Database
from app.core.errors import DomainError
from app.core.settings import get_setting
from app.gui.catalogue.inventory_screen import InventoryScreen
from app.gui.reports.dashboard import Dashboard
from app.gui.shell import main, style
from app.gui.shell.main import AREAS, Area, MainWindow, build_main_window
from app.gui.shell.navigation import SECTION_ROLE
from app.gui.shell.operations import Operations
from app.gui.shell.settings_dialog import SettingsDialog
from app.gui.shell.widgets import ErrorListDialog, format_amount, format_date
from inventory.models import ItemType, Unit

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Notes(QLabel):
    """A stand-in screen another engineer would add."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__("notes", parent)


@pytest.fixture
def window(qtbot, ops: Operations, stock: dict[str, str]) -> MainWindow:  # type: ignore[no-untyped-def]
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def test_title_names_regie(window: MainWindow) -> None:
    assert "Régie" in window.windowTitle()


def test_home_is_the_first_area_and_inventory_keeps_ctrl_1(window: MainWindow) -> None:
    assert AREAS[0].key == "dashboard" and window.current_area() == "dashboard"
    assert isinstance(window.screens["dashboard"], Dashboard)
    inventory = next(a for a in AREAS if a.key == "inventory")
    assert inventory.shortcut == "Ctrl+1"
    window.area_actions["inventory"].trigger()
    assert isinstance(window.screens["inventory"], InventoryScreen)
    assert window.area_actions["inventory"].shortcut().toString() == "Ctrl+1"
    assert window.area_actions["inventory"] in window.view_menu.actions()


def _with_notes(monkeypatch: pytest.MonkeyPatch) -> str:
    key = f"Ctrl+{len(AREAS) + 1}" if len(AREAS) < 9 else "Ctrl+0"  # the next free digit
    monkeypatch.setattr(main, "AREAS", [*AREAS, Area("notes", "Notes", key, Notes)])
    return key


def test_appending_one_area_is_all_it_takes(
    qtbot,
    ops: Operations,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_notes(monkeypatch)
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    assert "notes" not in win.screens  # built when first shown
    win.screen("inventory")  # built, with its menu (the first area shown is the home)
    win.area_actions["notes"].trigger()
    assert win.current_area() == "notes"
    assert win.nav.currentRow() == len(AREAS)
    assert not win.screen_menus["inventory"].isVisible()
    win.area_actions["inventory"].trigger()
    assert win.current_area() == "inventory"
    assert win.screen_menus["inventory"].isVisible()
    win.nav.setCurrentRow(len(AREAS))  # the navigation list does the same
    assert win.current_area() == "notes"


def test_each_area_shortcut_switches_the_area(
    qtbot,
    ops: Operations,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_notes(monkeypatch)
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    shortcuts = [a.shortcut for a in main.AREAS]
    assert len(set(shortcuts)) == len(shortcuts)
    for area in reversed(main.AREAS):
        sequence = QKeySequence(area.shortcut)
        key = sequence[0]
        qtbot.keyClick(win.windowHandle(), key.key(), key.keyboardModifiers())
        assert win.current_area() == area.key
        assert win.area_actions[area.key].isChecked()
        assert sequence.toString() in [a.shortcut().toString() for a in win.view_menu.actions()]


def test_file_menu_has_import_export_settings_quit(window: MainWindow) -> None:
    shortcuts = {
        a.shortcut().toString()
        for a in (
            window.import_action,
            window.export_action,
            window.settings_action,
            window.quit_action,
        )
    }
    assert "Ctrl+Q" in shortcuts and len(shortcuts) == 4


def test_unhandled_errors_are_shown(window: MainWindow) -> None:
    window.ops.failed.emit(DomainError("No unit has the barcode {code}.", code="X-1"))
    assert isinstance(window.dialog, ErrorListDialog)
    assert window.dialog.text == "No unit has the barcode X-1."


def test_settings_change_the_title(window: MainWindow, db: Database, tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    window.settings_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.name.setText("")
    assert dialog.save() is False
    assert dialog.name.property("invalid") is True
    dialog.name.setText("La Coopé du Spectacle")
    dialog.email.setText("regie@coope.example")
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    assert dialog.save() is True
    assert "La Coopé du Spectacle" in window.windowTitle()
    assert "Régie" in window.windowTitle()
    with db.read() as uow:
        assert get_setting(uow, "cooperative.email") == "regie@coope.example"
    assert QSettings("regie", "regie").value("language") == "fr"


def test_the_appearance_applies_at_once_and_is_kept(  # type: ignore[no-untyped-def]
    qtbot, ops: Operations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.delenv("REGIE_THEME", raising=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = (app.palette(), app.styleSheet(), app.style().name())
    monkeypatch.setattr(style, "_theme", style.theme())  # the theme in use comes back after

    def restore() -> None:
        app.setStyle(before[2])
        app.setPalette(before[0])
        app.setStyleSheet(before[1])

    try:
        for chosen, palette in (("dark", style.DARK), ("light", style.LIGHT)):
            dialog = SettingsDialog(ops, None, {"cooperative.name": "La Coopé"})
            qtbot.addWidget(dialog)
            dialog.appearance.setCurrentIndex(dialog.appearance.findData(chosen))
            assert dialog.save() is True
            assert QSettings("regie", "regie").value(style.THEME_KEY) == chosen
            assert style.theme() == chosen
            window_colour = app.palette().color(QPalette.ColorRole.Window)
            assert window_colour == QColor(palette.window)
            again = SettingsDialog(ops, None, {})
            qtbot.addWidget(again)
            assert again.appearance.currentData() == chosen
    finally:
        restore()


def test_the_navigation_groups_areas_under_headings(window: MainWindow) -> None:
    nav = window.nav
    assert nav.objectName() == "navigation" and nav.count() == len(AREAS)
    headings = [nav.item(row).data(SECTION_ROLE) for row in range(nav.count())]
    assert [h for h in headings if h] == ["Catalogue", "Bookings", "Invoicing", "Reports"]
    assert all(not nav.item(row).icon().isNull() for row in range(nav.count()))
    labels = [a.key for a in AREAS].index("labels")
    window.show_area("labels")
    nav.setFocus()
    QTest.keyClick(nav, Qt.Key.Key_Down)  # over the "Bookings" heading: the next area
    assert window.current_area() == AREAS[labels + 1].key == "timeline"
    assert all(a.icon().cacheKey() for a in window.view_menu.actions())


CSV_HEADER = (
    "record,code,name,category,tracking,manufacturer,model,replacement_value,deposit,"
    "weight_grams,stock_quantity,sale_price,prep_hours,deprep_hours,notes,item_code,barcode,"
    "serial,status,location,purchase_date,purchase_price,condition_notes,owner\n"
)


def _count(db: Database) -> tuple[int, int]:
    with db.read() as uow:
        return (
            uow.session.exec(select(func.count()).select_from(ItemType)).one(),
            uow.session.exec(select(func.count()).select_from(Unit)).one(),
        )


def test_export_then_import_the_catalogue(window: MainWindow, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.csv"
    window.export_csv(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("record,code") and "LYRE-WASH" in text
    assert "Exported 3 item types and 3 units" in window.statusBar().currentMessage()
    extra = tmp_path / "extra.csv"
    extra.write_text(
        CSV_HEADER + "type,PAR-64,Projecteur PAR 64,lighting,serialized" + "," * 19 + "\n",
        encoding="utf-8",
    )
    window.import_csv(extra)
    assert _count(db) == (4, 3)
    assert "PAR-64" in [
        window.screen("inventory").types.data(  # type: ignore[attr-defined]
            window.screen("inventory").types.index(r, 0)
        )
        for r in range(4)
    ]  # type: ignore[attr-defined]


def test_a_bad_import_shows_every_bad_line_and_changes_nothing(
    window: MainWindow, db: Database, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV_HEADER
        + "type,NEW-1,,lighting,serialized"
        + "," * 19
        + "\n"
        + "type,NEW-2,Ok,lighting,serialized,,,12;5"
        + "," * 16
        + "\n",
        encoding="utf-8",
    )
    before = _count(db)
    window.import_csv(bad)
    assert isinstance(window.dialog, ErrorListDialog)
    text = window.dialog.text
    assert "line 2" in text and "line 3" in text
    assert _count(db) == before
    assert window.progress_dialog is None


def test_french_run(qtbot, ops: Operations, stock: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """French locale formatting; the .ts catalogue, once added, translates the strings."""
    import datetime as dt

    try:
        assert i18n.install("fr") == "fr"
        assert (
            format_amount(123450) == "1\u202f234,50\u00a0€"
            or format_amount(123450) == "1\u00a0234,50\u00a0€"
        )
        assert format_date(dt.date(2026, 3, 31)) == "31/03/2026"
        win = build_main_window(ops)
        qtbot.addWidget(win)
        assert "Régie" in win.windowTitle()
        assert win.screen("inventory").types.rowCount() == 3  # type: ignore[attr-defined]
    finally:
        i18n.install("en")
    assert format_amount(123450) == "€1,234.50"


#: Keys each area handles, which its own menu must show (menus are how people learn keys).
AREA_KEYS = {
    "inventory": ["Ctrl+F", "Ctrl+N", "Ctrl+E", "Ctrl+Shift+N", "Ctrl+T", "Ctrl+I", "Ctrl+R"],
    "kits": ["Ctrl+N", "Ctrl+S", "Del"],
    "cases": ["Ctrl+N", "F4", "Del"],
    "labels": ["Ctrl+F", "Ctrl+S", "Ctrl+P", "Del"],
}


@pytest.mark.parametrize("key", sorted(AREA_KEYS))
def test_each_area_menu_shows_its_shortcuts(window: MainWindow, key: str) -> None:
    window.show_area(key)
    menu_action = window.screen_menus[key]
    assert menu_action.isVisible()
    others = [k for k, a in window.screen_menus.items() if k != key and a.isVisible()]
    assert others == []
    shown = set()
    for action in menu_action.menu().actions():
        shown.add(action.shortcut().toString())
        if "\t" in action.text():
            shown.add(action.text().split("\t")[1])
    missing = [k for k in AREA_KEYS[key] if QKeySequence(k).toString() not in shown]
    assert missing == []


def test_a_case_is_filled_from_the_keyboard_alone(
    qtbot, window: MainWindow, db: Database, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+3, Ctrl+N, type a name, Enter, F4, scan, Enter, Escape: no mouse."""
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitActive(window)
    handle = window.windowHandle()
    qtbot.keyClick(handle, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "cases"
    cases = window.screens["cases"]
    qtbot.keyClick(handle, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is cases.name_edit  # type: ignore[attr-defined]
    qtbot.keyClicks(cases.name_edit, "Valise micros")  # type: ignore[attr-defined]
    qtbot.keyClick(cases.name_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.keyClick(handle, Qt.Key.Key_F4)
    field = cases.scan_field  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)  # the button's animated click
    qtbot.keyClicks(field, stock["mic"])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cases.contents.rowCount() == 1  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not cases.fill_button.isChecked()  # type: ignore[attr-defined]
    with db.read() as uow:
        unit = uow.session.exec(select(Unit).where(Unit.barcode == stock["mic"])).one()
        assert unit.case_id is not None
