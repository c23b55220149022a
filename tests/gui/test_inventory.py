"""The inventory screen, driven like a technician (keyboard, scanner) would."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import func, select

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.catalogue import editors
from app.gui.catalogue.inventory_screen import InventoryScreen
from app.gui.shell.models import ID_ROLE, TypeTableModel, UnitTableModel
from app.gui.shell.operations import Operations
from inventory import maintenance, queries
from inventory.models import (
    Inspection,
    InspectionDue,
    ItemPhoto,
    ItemType,
    Unit,
    UnitEvent,
    UnitStatus,
)
from tests import factories

# The offscreen platform warns when a top-level widget is shown; nothing to do with us.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def screen(qtbot, ops: Operations, stock: dict[str, str]) -> InventoryScreen:  # type: ignore[no-untyped-def]
    widget = InventoryScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def codes(screen: InventoryScreen) -> list[str]:
    model = screen.types
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def unit_barcodes(screen: InventoryScreen) -> list[str]:
    model = screen.units
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def select_type(screen: InventoryScreen, code: str) -> None:
    screen.types_view.selectRow(codes(screen).index(code))


def select_unit(screen: InventoryScreen, barcode: str) -> None:
    screen.units_view.selectRow(unit_barcodes(screen).index(barcode))


def snapshot(db: Database) -> dict[str, object]:
    with db.read() as uow:
        s = uow.session
        return {
            "types": [t.model_dump() for t in s.exec(select(ItemType).order_by(ItemType.id))],
            "units": [u.model_dump() for u in s.exec(select(Unit).order_by(Unit.id))],
            "events": s.exec(select(func.count()).select_from(UnitEvent)).one(),
        }


def press_save(dialog: editors.FormDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


# --- search ----------------------------------------------------------------------------------


def test_lists_every_type_sorted_by_category_then_name(screen: InventoryScreen) -> None:
    assert codes(screen) == ["DMX-10", "LYRE-WASH", "SM58"]
    assert screen.count_label.text() == "3 item types"


def test_search_by_name_narrows_the_table(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.search_box, "micro")
    assert codes(screen) == ["SM58"]
    screen.search_box.clear()
    assert len(codes(screen)) == 3


def test_search_by_serial_narrows_types_and_units(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.search_box, "RW-1002")
    assert codes(screen) == ["LYRE-WASH"]
    assert unit_barcodes(screen) == ["LUM-00102"]


def test_search_by_barcode_and_manufacturer(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.search_box, "SON-00001")
    assert codes(screen) == ["SM58"]
    screen.search_box.setText("CAB-DMX10")
    assert codes(screen) == ["DMX-10"]
    screen.search_box.setText("robe")
    assert codes(screen) == ["LYRE-WASH"]


def test_search_matching_nothing_empties_both_tables(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.search_box, "zzz-nothing")
    assert codes(screen) == []
    assert unit_barcodes(screen) == []
    assert screen.selected_type_id() is None
    assert not screen.edit_type_action.isEnabled()


def test_scanning_a_barcode_selects_its_type_and_unit(
    qtbot,
    screen: InventoryScreen,  # type: ignore[no-untyped-def]
    stock: dict[str, str],
) -> None:
    qtbot.keyClicks(screen.search_box, stock["wash2"])
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert screen.types.data(screen.types_view.currentIndex().siblingAtColumn(0)) == "LYRE-WASH"
    row = screen.units_view.currentIndex().row()
    assert screen.units.data(screen.units.index(row, 0)) == stock["wash2"]
    assert screen.search_box.selectedText() == stock["wash2"]  # the next scan replaces it
    assert "LUM-00102" in screen.detail.unit_title.text()


def test_scanning_an_unknown_code_says_so(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.search_box, "NOPE-1")
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert "NOPE-1" in screen.notice.text()


def test_scan_clears_a_filter_that_hides_the_unit(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.category_filter.setCurrentIndex(screen.category_filter.findData("sound"))
    assert codes(screen) == ["SM58"]
    screen.select(*_lookup(screen, "LUM-00101"))
    assert screen.category_filter.currentIndex() == 0
    assert screen.units.data(screen.units_view.currentIndex().siblingAtColumn(0)) == "LUM-00101"


def _lookup(screen: InventoryScreen, code: str) -> tuple[int, int | None]:
    with screen.ops.ctx.db.read() as uow:
        from app.gui.catalogue.inventory_screen import lookup_code

        found = lookup_code(uow, code)
    assert found is not None
    return found


def test_category_and_status_filters(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    clock: FixedClock,
    stock: dict[str, str],
) -> None:
    screen.category_filter.setCurrentIndex(screen.category_filter.findData("lighting"))
    assert codes(screen) == ["LYRE-WASH"]
    screen.category_filter.setCurrentIndex(0)
    with db.write() as uow:
        from inventory import catalogue

        catalogue.set_status(
            uow, user="t", barcode=stock["mic"], status=UnitStatus.LOST, note="", clock=clock
        )
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("lost"))
    assert codes(screen) == ["SM58"]


def test_ctrl_f_focuses_the_search_box(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.types_view.setFocus()
    screen.find_action.trigger()
    assert screen.search_box.hasFocus()
    assert screen.find_action.shortcut().toString() == "Ctrl+F"


# --- item types ------------------------------------------------------------------------------


def test_add_an_item_type_through_the_dialog(qtbot, screen: InventoryScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    screen.new_type_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.ItemTypeDialog)
    qtbot.keyClicks(dialog.code, "PAR-64")
    qtbot.keyClicks(dialog.name, "Projecteur PAR 64")
    dialog.category.setCurrentIndex(dialog.category.findData("lighting"))
    qtbot.keyClicks(dialog.replacement, "1234,50")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    assert screen.dialog is None
    with db.read() as uow:
        item = uow.session.exec(select(ItemType).where(ItemType.code == "PAR-64")).one()
        assert item.replacement_value_cents == 123450
    assert "PAR-64" in codes(screen)


@pytest.mark.parametrize(
    ("widget", "text", "field"),
    [
        ("name", "", "name"),
        ("replacement", "12,3x", "replacement value"),
        ("deposit", "-5", "deposit"),
        ("deposit", "1e400", "deposit"),  # used to escape as decimal.InvalidOperation
        ("prep", "721", "prep buffer"),
        ("weight", "3.5kg", "weight"),
        ("code", "", "code"),
        ("code", "DMX-10", "code"),  # already used
    ],
)
def test_an_invalid_edit_is_refused_and_highlighted(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    widget: str,
    text: str,
    field: str,
) -> None:
    select_type(screen, "LYRE-WASH")
    screen.edit_type_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.ItemTypeDialog)
    before = snapshot(db)
    getattr(dialog, widget).setText(text)
    assert dialog.save() is False
    edit = getattr(dialog, widget)
    assert edit.property("invalid") is True
    assert dialog.focusWidget() is edit
    assert dialog.fields.error_text(field)
    assert dialog.isVisible()
    assert snapshot(db) == before


def test_fixing_the_field_clears_the_highlight_and_saves(
    qtbot,
    screen: InventoryScreen,  # type: ignore[no-untyped-def]
    db: Database,
) -> None:
    select_type(screen, "LYRE-WASH")
    screen.edit_type_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.ItemTypeDialog)
    assert dialog.name.text() == "Lyre wash LED 19x15 W"
    dialog.deposit.setText("12,3x")
    press_save(dialog)
    assert dialog.fields.error_text("deposit").startswith("'12,3x' is not an amount")
    dialog.deposit.setText("150")
    press_save(dialog)
    assert dialog.deposit.property("invalid") is False
    with db.read() as uow:
        assert (
            uow.session.exec(
                select(ItemType.deposit_cents).where(ItemType.code == "LYRE-WASH")
            ).one()
            == 15000
        )


def test_error_without_field_goes_to_the_message_area(
    qtbot, screen: InventoryScreen, db: Database
) -> None:  # type: ignore[no-untyped-def]
    screen.new_type_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.ItemTypeDialog)
    dialog.code.setText("NEW-BULK")
    dialog.name.setText("Gaffer")
    dialog.tracking.setCurrentIndex(dialog.tracking.findData("bulk"))
    dialog.barcode.setText("LUM-00101")  # a unit carries it: Conflict, no field
    before = snapshot(db)
    assert dialog.save() is False
    assert "LUM-00101" in dialog.message.text()
    assert dialog.message.isVisible()
    assert snapshot(db) == before


def test_escape_cancels_without_writing(qtbot, screen: InventoryScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(db)
    screen.new_type_action.trigger()
    dialog = screen.dialog
    assert dialog is not None
    dialog.code.setText("X-1")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert screen.dialog is None
    assert snapshot(db) == before


# --- units -----------------------------------------------------------------------------------


def test_add_a_unit(qtbot, screen: InventoryScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    select_type(screen, "SM58")
    screen.new_unit_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.UnitDialog)
    dialog.serial.setText("SH-78")
    dialog.owner.setCurrentText("Compagnie du Hasard")
    dialog.purchase_date.setText("15/03/2024")
    press_save(dialog)
    assert len(unit_barcodes(screen)) == 2
    assert "Compagnie du Hasard" in [screen.units.data(screen.units.index(r, 4)) for r in range(2)]


def test_a_bad_unit_date_is_refused(qtbot, screen: InventoryScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    select_type(screen, "SM58")
    screen.new_unit_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.UnitDialog)
    before = snapshot(db)
    dialog.purchase_date.setText("31/02/2024")
    assert dialog.save() is False
    assert dialog.purchase_date.property("invalid") is True
    assert "not a date" in dialog.fields.error_text("purchase date")
    assert snapshot(db) == before


def test_edit_a_unit(qtbot, screen: InventoryScreen, db: Database, stock: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    select_type(screen, "LYRE-WASH")
    select_unit(screen, stock["wash1"])
    screen.edit_unit_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.UnitDialog)
    assert dialog.serial.text() == "RW-1001"
    dialog.location.setText("B3-2")
    press_save(dialog)
    assert screen.units.data(screen.units.index(0, 3)) == "B3-2"


def test_status_change_updates_table_and_logs_event(
    qtbot,
    screen: InventoryScreen,  # type: ignore[no-untyped-def]
    db: Database,
    stock: dict[str, str],
) -> None:
    select_type(screen, "LYRE-WASH")
    select_unit(screen, stock["wash2"])
    screen.status_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.StatusDialog)
    dialog.status.setCurrentIndex(dialog.status.findData("in_repair"))
    dialog.note.setPlainText("Ventilateur bruyant")
    press_save(dialog)
    row = unit_barcodes(screen).index(stock["wash2"])
    assert screen.units.data(screen.units.index(row, 2)) == "In repair"
    assert screen.types.data(screen.types.index(codes(screen).index("LYRE-WASH"), 6)) == 1
    with db.read() as uow:
        unit = uow.session.exec(select(Unit).where(Unit.barcode == stock["wash2"])).one()
        assert unit.status == UnitStatus.IN_REPAIR
        event = uow.session.exec(select(UnitEvent)).one()
        assert (event.new_status, event.note, event.user) == (
            "in_repair",
            "Ventilateur bruyant",
            "tester",
        )
    assert "Ventilateur bruyant" in screen.unit_box.text()


def test_retire_offers_retired(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    stock: dict[str, str],
) -> None:
    select_type(screen, "SM58")
    select_unit(screen, stock["mic"])
    screen.retire_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.StatusDialog)
    assert dialog.status.currentData() == "retired"
    press_save(dialog)
    with db.read() as uow:
        assert (
            uow.session.exec(select(Unit.status).where(Unit.barcode == stock["mic"])).one()
            == "retired"
        )


def test_log_an_inspection(
    qtbot,
    screen: InventoryScreen,
    db: Database,
    clock: FixedClock,  # type: ignore[no-untyped-def]
    stock: dict[str, str],
) -> None:
    with db.write() as uow:
        type_id = uow.session.exec(select(ItemType.id).where(ItemType.code == "LYRE-WASH")).one()
        schedule = maintenance.add_schedule(
            uow, user="t", item_type_id=type_id, name="VGP", interval_months=12, clock=clock
        ).id
    select_type(screen, "LYRE-WASH")
    select_unit(screen, stock["wash1"])
    assert "VGP" in screen.unit_box.text()
    screen.inspect_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.InspectionDialog)
    assert dialog.date.text() == "26/11/2026"
    dialog.schedule.setCurrentIndex(dialog.schedule.findData(str(schedule)))
    dialog.inspector.setText("Bureau Veritas")
    press_save(dialog)
    with db.read() as uow:
        entry = uow.session.exec(select(Inspection)).one()
        assert (entry.passed, entry.inspector, entry.date) == (
            True,
            "Bureau Veritas",
            dt.date(2026, 11, 26),
        )
        due = uow.session.exec(
            select(InspectionDue.due_on).where(
                InspectionDue.schedule_id == schedule, InspectionDue.unit_id == entry.unit_id
            )
        ).one()
        assert due == dt.date(2027, 11, 26)
    assert "Bureau Veritas" in screen.unit_box.text()


def test_an_inspection_in_the_future_is_refused(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    stock: dict[str, str],
) -> None:
    select_type(screen, "LYRE-WASH")
    select_unit(screen, stock["wash1"])
    screen.inspect_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.InspectionDialog)
    before = snapshot(db)
    dialog.date.setText("01/01/2027")
    assert dialog.save() is False
    assert dialog.date.property("invalid") is True
    dialog.date.setText("")
    dialog.inspector.setText("")
    assert dialog.save() is False
    assert dialog.date.property("invalid") is True
    assert snapshot(db) == before


def test_log_a_repair_back_in_service(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    clock: FixedClock,
    stock: dict[str, str],
) -> None:
    with db.write() as uow:
        from inventory import catalogue

        catalogue.set_status(
            uow,
            user="t",
            barcode=stock["mic"],
            status=UnitStatus.IN_REPAIR,
            note="grille",
            clock=clock,
        )
    select_type(screen, "SM58")
    select_unit(screen, stock["mic"])
    screen.repair_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.RepairDialog)
    dialog.cost.setText("abc")
    assert dialog.save() is False
    assert dialog.cost.property("invalid") is True
    dialog.cost.setText("35,00")
    dialog.description.setPlainText("Grille remplacée")
    assert dialog.close_repair.isChecked()
    press_save(dialog)
    assert screen.units.data(screen.units.index(0, 2)) == "In service"


def test_manage_schedules(qtbot, screen: InventoryScreen, db: Database) -> None:  # type: ignore[no-untyped-def]
    select_type(screen, "LYRE-WASH")
    screen.schedules_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.SchedulesDialog)
    dialog.add()
    assert dialog.name.property("invalid") is True  # empty name
    dialog.name.setText("VGP")
    dialog.interval.setValue(6)
    dialog.add()
    assert dialog.list.count() == 1
    assert "6" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    dialog.remove_selected()
    assert dialog.list.count() == 0


def test_set_photo_stores_a_small_png(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    path = tmp_path / "lyre.jpg"
    Image.new("RGB", (1200, 800), "orange").save(path)
    select_type(screen, "LYRE-WASH")
    screen.set_photo_from_file(path)
    with db.read() as uow:
        png = uow.session.exec(select(ItemPhoto.thumbnail_png)).one()
    assert Image.open(io.BytesIO(png)).size == (256, 171)
    assert screen.photo.pixmap() is not None and not screen.photo.pixmap().isNull()


def test_a_file_that_is_not_an_image_is_refused(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("not an image")
    select_type(screen, "LYRE-WASH")
    screen.set_photo_from_file(path)
    assert "not an image" in screen.notice.text()
    with db.read() as uow:
        assert uow.session.exec(select(ItemPhoto)).first() is None


def test_refreshes_when_another_screen_changes_the_catalogue(
    qtbot,
    screen: InventoryScreen,  # type: ignore[no-untyped-def]
    db: Database,
) -> None:
    factories.item(db, "PAR-64", "Projecteur PAR 64")
    assert "PAR-64" not in codes(screen)
    screen.ops.changed.emit("catalogue")
    assert "PAR-64" in codes(screen)


def test_overdue_inspection_is_flagged(
    qtbot,
    screen: InventoryScreen,
    db: Database,  # type: ignore[no-untyped-def]
    clock: FixedClock,
) -> None:
    with db.write() as uow:
        type_id = uow.session.exec(select(ItemType.id).where(ItemType.code == "LYRE-WASH")).one()
        maintenance.add_schedule(
            uow, user="t", item_type_id=type_id, name="VGP", interval_months=12, clock=clock
        )
        for due in uow.session.exec(select(InspectionDue)):
            due.due_on = dt.date(2026, 10, 1)
    screen.ops.changed.emit("catalogue")
    select_type(screen, "LYRE-WASH")
    index = screen.types.index(codes(screen).index("LYRE-WASH"), 7)
    assert index.data() == "01/10/2026"
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert "overdue" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert screen.units.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)


# --- the look ---------------------------------------------------------------------------------


def test_empty_lists_say_what_to_do_next(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    select_type(screen, "DMX-10")  # counted in bulk: no units
    assert screen.units_empty.label.isVisible()
    assert "Counted in bulk" in screen.units_empty.label.text()
    assert not screen.types_empty.label.isVisible()
    qtbot.keyClicks(screen.search_box, "zzz-nothing")
    assert screen.types_empty.label.isVisible()
    assert "Ctrl+N" in screen.types_empty.label.text()
    assert "Choose an item type" in screen.units_empty.label.text()


def test_the_detail_panel_shows_the_unit_status_as_a_chip(
    qtbot, screen: InventoryScreen, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    select_type(screen, "LYRE-WASH")
    assert screen.detail.title.text() == "Lyre wash LED 19x15 W"
    assert screen.detail.title.property("role") == "title"
    select_unit(screen, stock["wash1"])
    assert screen.detail.unit_chip.status() == "in_service"
    assert screen.detail.unit_chip.text() == "In service"


def test_a_closed_schedules_dialog_is_deleted_quietly(qtbot, screen: InventoryScreen) -> None:  # type: ignore[no-untyped-def]
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    select_type(screen, "LYRE-WASH")
    screen.schedules_action.trigger()
    dialog = screen.dialog
    assert isinstance(dialog, editors.SchedulesDialog)
    dialog.name.setText("VGP")
    dialog.add()
    assert dialog.list.count() == 1
    dialog.reject()  # deleted on close: its list's rows go after the list itself
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert screen.dialog is None
    assert not shiboken6.isValid(dialog)


# --- models ----------------------------------------------------------------------------------


def test_type_model_passes_modeltester(
    qtmodeltester, ops: Operations, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    model = TypeTableModel(ops)
    with ops.ctx.db.read() as uow:
        model.set_ids(queries.search_types(uow))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_unit_model_passes_modeltester(
    qtmodeltester, ops: Operations, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    model = UnitTableModel(ops)
    with ops.ctx.db.read() as uow:
        type_id = uow.session.exec(select(ItemType.id).where(ItemType.code == "LYRE-WASH")).one()
        model.set_ids(queries.unit_ids(uow, type_id))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 4)) == "Cooperative"
    assert model.data(model.index(0, 0), ID_ROLE) == model.id_at(0)


def test_models_fetch_rows_lazily_by_blocks(
    ops: Operations, db: Database, clock: FixedClock
) -> None:
    for n in range(450):
        factories.item(db, f"T-{n:03d}", f"Type {n:03d}")
    model = TypeTableModel(ops)
    with db.read() as uow:
        model.set_ids(queries.search_types(uow))
    assert len(model._rows) == 200  # the first block only
    assert model.data(model.index(449, 0)) == "T-449"
    assert len(model._rows) == 250  # and the last (50 rows)
