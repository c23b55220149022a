"""Kits and cases screens, driven like a person (and a barcode scanner) would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from sqlmodel import select

from app.bootstrap import Context
from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.catalogue.kits_cases import CasesScreen, KitsScreen
from app.gui.shell.operations import Operations, SyncRunner
from inventory import catalogue, containers
from inventory.models import Kit, KitLine, Unit, UnitStatus
from tests import factories


@pytest.fixture
def ops(db: Database, clock: FixedClock) -> Operations:
    return Operations(Context(db=db, clock=clock, user="tester"), SyncRunner())


@pytest.fixture
def stock(db: Database, clock: FixedClock) -> dict[str, str]:
    factories.item(db)
    factories.item(db, "PAR-64", "Projecteur PAR 64")
    factories.bulk(db, barcode="CAB-DMX10")
    return {
        "wash1": factories.unit(db, clock, barcode="LUM-00101"),
        "wash2": factories.unit(db, clock, barcode="LUM-00102"),
        "par": factories.unit(db, clock, "PAR-64", barcode="LUM-00201"),
    }


def scan(qtbot, field: QLineEdit, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def kits_in(db: Database) -> list[tuple[str, str, dict[int, int]]]:
    with db.read() as uow:
        kits = uow.session.exec(select(Kit)).all()
        lines = uow.session.exec(select(KitLine)).all()
        return [
            (k.code, k.name, {ln.item_type_id: ln.quantity for ln in lines if ln.kit_id == k.id})
            for k in kits
        ]


# --- kits ------------------------------------------------------------------------------


def test_create_kit_with_two_lines(qtbot, ops, db, stock) -> None:  # type: ignore[no-untyped-def]
    screen = KitsScreen(ops)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.code_edit, "KIT-FACE")
    screen.name_edit.setText("Face lumière")  # QTest.keyClicks is ASCII only
    scan(qtbot, screen.add_edit, "LYRE-WASH")  # an item code
    scan(qtbot, screen.add_edit, "LUM-00102")  # a unit barcode: same type, quantity 2
    scan(qtbot, screen.add_edit, "CAB-DMX10")  # a bulk barcode
    assert screen.lines() == [("LYRE-WASH", 2), ("DMX-10", 1)]
    spin = screen.lines_table.cellWidget(1, 2)
    spin.setValue(6)  # type: ignore[union-attr]
    screen.save()

    [(code, name, lines)] = kits_in(db)
    assert (code, name) == ("KIT-FACE", "Face lumière")
    assert sorted(lines.values()) == [2, 6]
    assert screen.feedback.kind == "ok"
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 2).text() == "2"


def test_search_by_name_offers_choices(qtbot, ops, stock) -> None:  # type: ignore[no-untyped-def]
    screen = KitsScreen(ops)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.add_edit, "projecteur")
    assert screen.matches.count() == 1
    qtbot.keyClick(screen.add_edit, Qt.Key.Key_Return)
    assert screen.lines() == [("PAR-64", 1)]
    scan(qtbot, screen.add_edit, "NOPE-999")
    assert screen.feedback.kind == "error"
    assert screen.lines() == [("PAR-64", 1)]


@pytest.mark.parametrize(
    ("code", "name", "add", "field"),
    [
        ("KIT-A", "Kit A", [], "add_edit"),  # no lines
        ("KIT-A", "", ["PAR-64"], "name_edit"),  # empty name
        ("", "Kit A", ["PAR-64"], "code_edit"),  # empty code
        ("KIT A", "Kit A", ["PAR-64"], "code_edit"),  # a space: not printable as a barcode
    ],
)
def test_invalid_kit_is_refused(qtbot, ops, db, stock, code, name, add, field) -> None:  # type: ignore[no-untyped-def]
    screen = KitsScreen(ops)
    qtbot.addWidget(screen)
    screen.code_edit.setText(code)
    screen.name_edit.setText(name)
    for item in add:
        scan(qtbot, screen.add_edit, item)
    screen.save()
    assert kits_in(db) == []
    assert screen.feedback.kind == "error"
    assert screen.feedback.text()
    assert getattr(screen, field).property("invalid") is True  # the faulty field is highlighted


def test_duplicate_kit_code_refused_and_edit_replaces_lines(qtbot, ops, db, stock) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        containers.save_kit(uow, user="t", code="KIT-A", name="A", lines=[("PAR-64", 1)])
    screen = KitsScreen(ops)
    qtbot.addWidget(screen)
    screen.code_edit.setText("KIT-A")
    screen.name_edit.setText("Other")
    scan(qtbot, screen.add_edit, "PAR-64")
    screen.save()
    assert screen.feedback.kind == "error"
    assert [k[1] for k in kits_in(db)] == ["A"]

    screen.table.setCurrentCell(0, 0)
    assert screen.code_edit.text() == "KIT-A"
    assert screen.lines() == [("PAR-64", 1)]
    screen.lines_table.setCurrentCell(0, 0)
    screen.remove_line()
    scan(qtbot, screen.add_edit, "LYRE-WASH")
    screen.save()
    [(_, _, lines)] = kits_in(db)
    assert list(lines.values()) == [1] and len(lines) == 1


def test_delete_kit(qtbot, ops, db, stock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        containers.save_kit(uow, user="t", code="KIT-A", name="A", lines=[("PAR-64", 1)])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen = KitsScreen(ops)
    qtbot.addWidget(screen)
    screen.table.setCurrentCell(0, 0)
    screen.delete_kit()
    assert kits_in(db) == []
    assert screen.table.rowCount() == 0


# --- cases -----------------------------------------------------------------------------


def case_of(db: Database, barcode: str) -> int | None:
    with db.read() as uow:
        return catalogue.unit_by_barcode(uow, barcode).case_id


def new_case(qtbot, screen: CasesScreen, name: str, permanent: bool = False) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.name_edit, name)
    screen.permanent_check.setChecked(permanent)
    qtbot.keyClick(screen.name_edit, Qt.Key.Key_Return)


def test_create_case_and_fill_it_by_scanning(qtbot, ops, db, clock, stock) -> None:  # type: ignore[no-untyped-def]
    screen = CasesScreen(ops)
    qtbot.addWidget(screen)
    new_case(qtbot, screen, "Flight lyres 1")
    assert screen.create_feedback.kind == "ok"
    assert screen.table.rowCount() == 1
    assert screen.case is not None and screen.case.name == "Flight lyres 1"

    screen.fill_button.click()
    assert not screen.table.isEnabled()
    field = screen.scan_field
    scan(qtbot, field, stock["wash1"])
    assert screen.scan_feedback.kind == "ok"
    assert stock["wash1"] in screen.scan_feedback.text()
    assert "Lyre wash" in screen.scan_feedback.text()
    case_id = case_of(db, stock["wash1"])
    assert case_id == screen.case.id
    assert screen.contents.rowCount() == 1
    assert field.text() == "" and screen.focusWidget() is field

    scan(qtbot, field, stock["wash1"])  # same unit again
    assert screen.scan_feedback.kind == "error"
    assert "already in" in screen.scan_feedback.text()
    scan(qtbot, field, "ZZZ-404")  # unknown code
    assert screen.scan_feedback.kind == "error"
    assert "ZZZ-404" in screen.scan_feedback.text()
    assert screen.contents.rowCount() == 1
    assert case_of(db, stock["wash2"]) is None
    assert screen.focusWidget() is field

    scan(qtbot, field, f"  {stock['wash2']}\t")  # scanner noise is trimmed
    assert screen.contents.rowCount() == 2
    assert screen.table.item(0, 4).text() == "2"


def test_scan_refuses_unit_in_other_case_or_in_repair(qtbot, ops, db, clock, stock) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        other = containers.create_case(uow, user="t", name="Other", permanent=True)
        containers.put_in_case(uow, user="t", case_code=other.barcode, unit_code=stock["par"])
        catalogue.set_status(
            uow, user="t", barcode=stock["wash2"], status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
        mine = containers.create_case(uow, user="t", name="Mine", permanent=False)
        mine_id = mine.id
    screen = CasesScreen(ops)
    qtbot.addWidget(screen)
    screen.table.setCurrentCell(0, 0)  # sorted by name: Mine first
    assert screen.case is not None and screen.case.id == mine_id
    screen.fill_button.click()
    scan(qtbot, screen.scan_field, stock["par"])
    assert screen.scan_feedback.kind == "error" and "Other" in screen.scan_feedback.text()
    scan(qtbot, screen.scan_field, stock["wash2"])
    assert screen.scan_feedback.kind == "error" and "in service" in screen.scan_feedback.text()
    assert case_of(db, stock["wash2"]) is None
    assert case_of(db, stock["par"]) != mine_id


def test_take_out_and_empty(qtbot, ops, db, stock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        case = containers.create_case(uow, user="t", name="Temp", permanent=False)
        for code in stock.values():
            containers.put_in_case(uow, user="t", case_code=case.barcode, unit_code=code)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen = CasesScreen(ops)
    qtbot.addWidget(screen)
    screen.table.setCurrentCell(0, 0)
    assert screen.contents.rowCount() == 3
    screen.contents.selectRow(0)
    screen.take_out()
    assert screen.contents.rowCount() == 2
    assert screen.empty_button.isEnabled()
    screen.empty()
    assert screen.contents.rowCount() == 0
    with db.read() as uow:
        assert all(u.case_id is None for u in uow.session.exec(select(Unit)))


def test_case_with_taken_barcode_is_refused(qtbot, ops, db, stock) -> None:  # type: ignore[no-untyped-def]
    screen = CasesScreen(ops)
    qtbot.addWidget(screen)
    screen.barcode_edit.setText(stock["par"])
    new_case(qtbot, screen, "Rack")
    assert screen.create_feedback.kind == "error"
    assert screen.table.rowCount() == 0
    screen.barcode_edit.clear()
    screen.name_edit.clear()
    screen.create_case()  # empty name
    assert screen.create_feedback.kind == "error"
    assert screen.name_edit.property("invalid") is True
    assert screen.table.rowCount() == 0
