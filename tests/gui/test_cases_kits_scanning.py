"""Cases and kits take scans the way scanners type them: Shift between the characters of a
burst, wherever the focus is in the cases screen while filling, any case, either layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from sqlmodel import select

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.catalogue.kits_cases import CasesScreen, KitsScreen
from inventory import containers
from inventory.barcodes import typed_on
from inventory.models import Unit
from tests import factories
from tests.gui.scanner_keys import PRESS, RELEASE, qwerty, us_scanner_on_azerty


@pytest.fixture
def stock(db: Database, clock: FixedClock) -> dict[str, str]:
    factories.item(db)
    factories.bulk(db, barcode="CAB-DMX10")
    return {
        "wash1": factories.unit(db, clock, barcode="LUM-00101"),
        "wash2": factories.unit(db, clock, barcode="LUM-00102"),
        "wash3": factories.unit(db, clock, barcode="LUM-00103"),
    }


def burst(screen, widget, strokes) -> None:  # type: ignore[no-untyped-def]
    """A scanner's key events on the catcher's clock: a few ms apart, then Enter."""
    clock = [500.0]
    screen.catcher.now = lambda: clock[0]
    for stroke in strokes:
        for kind, key, modifiers, text in stroke:
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
        clock[0] += 0.005
    for kind in (PRESS, RELEASE):
        event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        QCoreApplication.sendEvent(widget, event)
    clock[0] += 1
    screen.catcher.flush()


def case_of(db: Database, code: str) -> int | None:
    with db.read() as uow:
        return uow.session.exec(select(Unit.case_id).where(Unit.barcode == code)).one()


def test_filling_a_case_takes_bursts_wherever_the_focus_is(qtbot, ops, db, stock) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        case_id = containers.create_case(uow, user="t", name="Flight", permanent=True).id
    screen = CasesScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.table.setCurrentCell(0, 0)
    screen.fill_button.click()
    screen.contents.setFocus()
    burst(screen, screen.contents, qwerty(stock["wash1"]))  # Shift around the capitals
    assert case_of(db, stock["wash1"]) == case_id and screen.scan_feedback.kind == "ok"
    burst(screen, screen.scan_field, qwerty(stock["wash2"].lower()))
    assert case_of(db, stock["wash2"]) == case_id and screen.scan_field.text() == ""
    received = typed_on(stock["wash3"], "us", "fr")
    burst(screen, screen.scan_field, us_scanner_on_azerty(received))
    assert case_of(db, stock["wash3"]) == case_id
    burst(screen, screen.scan_field, qwerty("ZZZ-404"))
    assert screen.scan_feedback.kind == "error" and "ZZZ-404" in screen.scan_feedback.text()


def test_out_of_fill_mode_the_case_screen_types_as_usual(qtbot, ops, db, stock) -> None:  # type: ignore[no-untyped-def]
    screen = CasesScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    assert not screen.catcher.active
    field = screen.barcode_edit  # the label of a new case, scanned or typed
    qtbot.keyClicks(field, "RACK-7")
    assert field.text() == "RACK-7"  # typed at once, not held


def test_kit_lines_from_lower_case_and_wrong_layout_scans(qtbot, ops, db, stock) -> None:  # type: ignore[no-untyped-def]
    screen = KitsScreen(ops)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.add_edit, stock["wash1"].lower())
    qtbot.keyClick(screen.add_edit, Qt.Key.Key_Return)
    screen.add_edit.setText(typed_on("CAB-DMX10", "us", "fr"))  # QTest cannot type "à"
    qtbot.keyClick(screen.add_edit, Qt.Key.Key_Return)
    codes = [screen.lines_table.item(r, 0).text() for r in range(screen.lines_table.rowCount())]
    assert codes == ["LYRE-WASH", "DMX-10"]
