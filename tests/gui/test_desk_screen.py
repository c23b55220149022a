"""The warehouse desk driven like a technician with a USB scanner: keystrokes a few
milliseconds apart then Enter, wherever the keyboard focus happens to be."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlmodel import func, select

from app.bootstrap import Context
from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.desk.desk_models import DeparturesModel, LinesModel
from app.gui.desk.desk_screen import MIN_SCAN_LENGTH, SCAN_GAP_MS, DeskScreen
from app.gui.shell.operations import Operations
from booking import desk, desk_queries
from booking.bookings import booking_by_ref
from booking.models import Movement
from inventory.catalogue import unit_by_barcode
from tests import factories

LYRES = ["LUM-00101", "LUM-00102", "LUM-00103"]
MICS = ["SON-00001", "SON-00002"]
PAR = "LUM-00201"


@pytest.fixture
def kit(db: Database, clock: FixedClock) -> dict[str, Any]:
    factories.item(db)
    for code in LYRES:
        factories.unit(db, clock, barcode=code)
    factories.item(db, code="SM58", name="Micro Shure SM58")
    for code in MICS:
        factories.unit(db, clock, item_code="SM58", barcode=code)
    factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    factories.unit(db, clock, item_code="PAR-64", barcode=PAR)
    factories.bulk(db, barcode="CAB-DMX10")
    customer = factories.customer(db)
    ref = factories.booking(
        db,
        clock,
        customer,
        "2026-11-26T14:00",
        "2026-11-28T18:00",
        {"LYRE-WASH": 2, "DMX-10": 5},
    )
    return {"ref": ref, "customer": customer}


def file_printer(path: Path) -> QPrinter:
    """A real QPrinter that writes a PDF file: what the print dialog would hand back."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def screen(qtbot, ops: Operations, kit, tmp_path) -> DeskScreen:  # type: ignore[no-untyped-def]
    widget = DeskScreen(ops, station="desk-test")
    widget.sounds.enabled = False
    # The print and save dialogs answer like a person choosing a printer and a file name.
    widget.choose_printer = lambda title: file_printer(tmp_path / "printed.pdf")
    widget.choose_pdf_path = lambda title, name: str(tmp_path / name)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def scan(qtbot, widget, code: str) -> None:  # type: ignore[no-untyped-def]
    """What a USB scanner does: the characters a few ms apart, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def moves(db: Database) -> int:
    with db.read() as uow:
        return int(uow.session.exec(select(func.count()).select_from(Movement)).one())


def status(db: Database, ref: str) -> str:
    with db.read() as uow:
        return booking_by_ref(uow, ref).status


def progress_text(screen: DeskScreen, code: str) -> str:
    model = screen.lines_model
    row = next(n for n, p in enumerate(model.rows) if p.code == code)
    return str(model.data(model.index(row, 2)))


def other_field(screen: DeskScreen) -> QLineEdit:
    """A notes field in the same window (any widget that is not the scan field)."""
    field = QLineEdit(screen)
    field.setGeometry(10, 760, 200, 30)
    field.show()
    field.setFocus()
    return field


# --- check-out ------------------------------------------------------------------------


def test_scans_land_wherever_the_focus_is(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    ref = kit["ref"]
    assert screen.departures_model.rowCount() == 1
    screen.departures_view.setFocus()
    scan(qtbot, screen.departures_view, ref)  # the pick list's barcode
    assert screen.booking is not None and screen.booking.reference == ref
    assert screen.banner.kind == "info"
    assert progress_text(screen, "LYRE-WASH") == "0 / 2"

    scan(qtbot, screen.departures_view, LYRES[0])
    assert screen.banner.kind == "ok"
    assert "Accepted" in screen.banner.text() and LYRES[0] in screen.banner.text()
    assert progress_text(screen, "LYRE-WASH") == "1 / 2"
    lyre = next(p for p in screen.lines_model.rows if p.code == "LYRE-WASH")
    assert screen.lines_model.highlight == lyre.item_type_id  # the line it counted against
    assert moves(db) == 1 and status(db, ref) == "out"

    notes = other_field(screen)
    scan(qtbot, notes, LYRES[1])
    assert notes.text() == ""  # the field did not receive the characters
    assert screen.scan_field.text() == ""
    assert progress_text(screen, "LYRE-WASH") == "2 / 2"
    assert screen.banner.kind == "ok" and moves(db) == 2
    assert screen.lines_model.rows[-1].code == "LYRE-WASH"  # complete: listed after the rest
    with db.read() as uow:
        assert desk.where_is(uow, unit_by_barcode(uow, LYRES[1]).id).reference == ref
    assert screen.sounds.played[-1] == "ok"


def test_refused_scans_are_red_and_change_nothing(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, LYRES[0])
    before = moves(db)
    scan(qtbot, screen.scan_field, "NOPE-42")
    assert screen.banner.kind == "error"
    assert "Unknown code" in screen.banner.text() and "NOPE-42" in screen.banner.text()
    assert screen.sounds.played[-1] == "error"
    scan(qtbot, screen.scan_field, LYRES[0])  # already out (on this booking)
    assert screen.banner.kind == "error" and "already scanned out" in screen.banner.text()
    assert moves(db) == before
    assert progress_text(screen, "LYRE-WASH") == "1 / 2"


def test_unit_out_on_another_booking_is_refused(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    other = factories.booking(
        db, clock, kit["customer"], "2026-11-26T12:00", "2026-11-26T13:00", {"LYRE-WASH": 1}
    )
    with db.write() as uow:
        desk.check_out(uow, user="t", reference=other, code=LYRES[2], clock=clock)
    scan(qtbot, screen.scan_field, kit["ref"])
    before = moves(db)
    scan(qtbot, screen.scan_field, LYRES[2])
    assert screen.banner.kind == "error" and f"already out on {other}" in screen.banner.text()
    assert moves(db) == before


def test_a_scan_before_any_booking_is_open_is_refused(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, LYRES[0])
    assert screen.banner.kind == "error" and "is not a booking" in screen.banner.text()
    assert screen.booking is None and moves(db) == 0


def test_departure_chosen_with_the_keyboard(qtbot, screen, kit) -> None:  # type: ignore[no-untyped-def]
    screen.departures_view.setFocus()
    screen.departures_view.setCurrentIndex(screen.departures_model.index(0, 0))
    qtbot.keyClick(screen.departures_view, Qt.Key.Key_Return)
    assert screen.booking is not None and screen.booking.reference == kit["ref"]


def test_slow_typing_in_a_text_field_is_not_a_scan(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    notes = other_field(screen)
    qtbot.keyClicks(notes, LYRES[0], delay=2 * SCAN_GAP_MS)  # a person, not a scanner
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert notes.text() == LYRES[0]
    assert moves(db) == 0 and screen.banner.kind == "info"


def test_typing_a_code_by_hand_in_the_scan_field(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    qtbot.keyClicks(screen.scan_field, LYRES[0], delay=2 * SCAN_GAP_MS)
    qtbot.wait(2 * SCAN_GAP_MS)
    assert screen.scan_field.text() == LYRES[0]
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    assert screen.banner.kind == "ok" and moves(db) == 1
    assert screen.scan_field.text() == ""


def test_burst_threshold(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    """Just under the gap is a scanner, just over it is a person; too short is a person."""
    seen: list[str] = []
    screen.catcher.scanned.disconnect()
    screen.catcher.scanned.connect(seen.append)
    notes = other_field(screen)
    now = [100.0]
    screen.catcher.now = lambda: now[0]

    def burst(code: str, gap_ms: float) -> None:
        for char in code:
            qtbot.keyClick(notes, char)
            now[0] += gap_ms / 1000
        qtbot.keyClick(notes, Qt.Key.Key_Return)
        now[0] += 1
        screen.catcher.flush()

    burst("ABC123", SCAN_GAP_MS - 5)
    assert seen == ["ABC123"] and notes.text() == ""
    burst("XYZ789", SCAN_GAP_MS + 5)
    assert seen == ["ABC123"] and notes.text() == "XYZ789"
    notes.clear()
    burst("AB"[: MIN_SCAN_LENGTH - 1], 1)
    assert seen == ["ABC123"] and notes.text() == "AB"[: MIN_SCAN_LENGTH - 1]


def test_bulk_quantity_with_star(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    qtbot.keyClick(screen.scan_field, "*")
    qtbot.wait(3 * SCAN_GAP_MS)
    assert screen.quantity.hasFocus() or screen.quantity.lineEdit().hasFocus()
    qtbot.keyClick(screen.quantity.lineEdit(), "3")
    qtbot.wait(3 * SCAN_GAP_MS)
    assert screen.quantity.value() == 3
    scan(qtbot, screen.quantity.lineEdit(), "CAB-DMX10")
    assert screen.banner.kind == "ok" and "+3" in screen.banner.text()
    assert progress_text(screen, "DMX-10") == "3 / 5"
    assert screen.quantity.value() == 1  # back to one per scan
    scan(qtbot, screen.scan_field, "CAB-DMX10")
    assert progress_text(screen, "DMX-10") == "4 / 5"


def test_not_on_booking_offers_unplanned_or_substitute(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, PAR)
    assert screen.banner.kind == "warning" and "not on" in screen.banner.text()
    assert screen.offer_panel.isVisible() and moves(db) == 0
    qtbot.keyClick(screen.offer_panel, Qt.Key.Key_A)
    qtbot.wait(3 * SCAN_GAP_MS)
    assert screen.banner.kind == "ok" and progress_text(screen, "PAR-64") == "1 / 1"
    scan(qtbot, screen.scan_field, MICS[1])
    qtbot.keyClick(screen.offer_panel, Qt.Key.Key_S)
    qtbot.wait(3 * SCAN_GAP_MS)
    assert screen.substitute_list.isVisible()
    assert screen.substitute_list.currentItem().data(Qt.ItemDataRole.UserRole) == "DMX-10"
    screen.substitute_list.setCurrentRow(1)  # LYRE-WASH
    qtbot.keyClick(screen.substitute_list, Qt.Key.Key_Return)
    assert screen.banner.kind == "ok" and progress_text(screen, "SM58") == "1 / 1"
    assert progress_text(screen, "LYRE-WASH") == "0 / 1"
    scan(qtbot, screen.scan_field, "NOPE-1")
    assert not screen.offer_panel.isVisible()


def test_esc_ignores_the_offer(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, MICS[0])
    qtbot.keyClick(screen.offer_panel, Qt.Key.Key_Escape)
    assert not screen.offer_panel.isVisible() and moves(db) == 0


def test_undo_last_scan(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, LYRES[0])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Undone" in screen.banner.text()
    assert progress_text(screen, "LYRE-WASH") == "0 / 2"
    assert status(db, kit["ref"]) == "confirmed"
    with db.read() as uow:
        assert desk.where_is(uow, unit_by_barcode(uow, LYRES[0]).id) is None
    scan(qtbot, screen.scan_field, LYRES[0])  # can be scanned again
    assert screen.banner.kind == "ok"


def test_finish_lists_what_did_not_go(qtbot, screen, kit, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, LYRES[0])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    assert screen.pages.currentIndex() == 1
    items = [screen.summary_list.item(n).text() for n in range(screen.summary_list.count())]
    assert any("LYRE-WASH" in t and "1 of 2 did not go" in t for t in items)
    assert any("DMX-10" in t and "5 of 5 did not go" in t for t in items)
    assert "P: print the delivery note" in screen.summary_hint.text()
    qtbot.keyClick(screen.summary, Qt.Key.Key_P)
    qtbot.wait(3 * SCAN_GAP_MS)  # a person's key: handed over after the gap
    assert screen.banner.kind == "ok" and "Sent to the printer" in screen.banner.text()
    assert pdf_pages(tmp_path / "printed.pdf") >= 1
    qtbot.keyClick(screen.summary, Qt.Key.Key_S)
    qtbot.wait(3 * SCAN_GAP_MS)  # a person's key: handed over after the gap
    saved = tmp_path / f"delivery-note-{kit['ref']}.pdf"
    assert screen.last_document == saved and saved.read_bytes().startswith(b"%PDF")
    assert "Delivery note" in screen.banner.text()
    qtbot.keyClick(screen.summary, Qt.Key.Key_Escape)
    assert screen.pages.currentIndex() == 0
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    qtbot.keyClick(screen.summary, Qt.Key.Key_Return)
    assert screen.booking is None


# --- check-in -------------------------------------------------------------------------


def _all_out(db: Database, clock: FixedClock, ref: str) -> None:
    with db.write() as uow:
        for code in LYRES[:2]:
            desk.check_out(uow, user="t", station="other", reference=ref, code=code, clock=clock)
        desk.check_out(
            uow, user="t", station="other", reference=ref, code="CAB-DMX10", quantity=5, clock=clock
        )


def test_check_in_damaged_and_returned(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    ref = kit["ref"]
    _all_out(db, clock, ref)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F6)
    assert screen.mode == "in"
    screen.departures_view.setFocus()
    scan(qtbot, screen.departures_view, LYRES[0])
    assert screen.banner.kind == "ok" and screen.booking.reference == ref
    assert progress_text(screen, "LYRE-WASH") == "1 / 2"

    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F7)
    scan(qtbot, screen.scan_field, LYRES[1])
    assert screen.note_panel.isVisible() and screen.note_edit.hasFocus()
    before = moves(db)
    qtbot.keyClicks(screen.note_edit, "lens cracked", delay=2 * SCAN_GAP_MS)
    assert moves(db) == before  # nothing written until the note is confirmed
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_Return)
    assert screen.banner.kind == "ok" and "damaged" in screen.banner.text()
    with db.read() as uow:
        assert unit_by_barcode(uow, LYRES[1]).status == "in_repair"
        note = uow.session.exec(select(Movement.note).order_by(Movement.id.desc())).first()
    assert note == "lens cracked"
    row = next(p for p in screen.lines_model.rows if p.code == "LYRE-WASH")
    assert row.damaged == 1

    qtbot.keyClick(screen.scan_field, "*")
    qtbot.wait(3 * SCAN_GAP_MS)
    qtbot.keyClick(screen.quantity.lineEdit(), "5")
    qtbot.wait(3 * SCAN_GAP_MS)
    scan(qtbot, screen.scan_field, "CAB-DMX10")
    assert status(db, ref) == "returned"
    assert "returned" in screen.banner.text() and screen.banner.kind == "ok"


def test_check_in_missing_from_the_list(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    ref = kit["ref"]
    _all_out(db, clock, ref)
    screen.set_mode("in")
    scan(qtbot, screen.scan_field, LYRES[0])
    assert screen.out_list.count() == 1  # LYRES[1] still out
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F8)
    assert screen.out_list.hasFocus()
    qtbot.keyClick(screen.out_list, Qt.Key.Key_Return)
    with db.read() as uow:
        assert unit_by_barcode(uow, LYRES[1]).status == "lost"
    assert "missing" in screen.banner.text()


def test_check_in_refused_when_not_out(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    screen.set_mode("in")
    scan(qtbot, screen.scan_field, LYRES[0])
    assert screen.banner.kind == "error" and "is not out" in screen.banner.text()
    assert moves(db) == 0


def test_late_return_is_amber(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    late = factories.booking(
        db, clock, kit["customer"], "2026-11-20T09:00", "2026-11-24T09:00", {"LYRE-WASH": 1}
    )
    with db.write() as uow:
        desk.check_out(uow, user="t", reference=late, code=LYRES[2], clock=clock)
    screen.set_mode("in")
    scan(qtbot, screen.scan_field, LYRES[2])
    assert screen.banner.kind == "warning" and "Late return" in screen.banner.text()
    assert "due 24/11/2026 09:00" in screen.banner.text()


# --- queueing -------------------------------------------------------------------------


class DeferredRunner:
    """Holds submitted work until ``run_one`` (a worker thread that is busy)."""

    def __init__(self) -> None:
        self.pending: list[Any] = []

    def submit(self, work, done, failed) -> None:  # type: ignore[no-untyped-def]
        self.pending.append((work, done, failed))

    def run_one(self) -> None:
        work, done, _ = self.pending.pop(0)
        done(work())

    def progress_reporter(self, callback):  # type: ignore[no-untyped-def]
        return callback

    def wait(self) -> None:
        while self.pending:
            self.run_one()


def test_scans_in_flight_are_queued_in_order(qtbot, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    runner = DeferredRunner()
    ops = Operations(Context(db=db, clock=clock, user="tester"), runner)  # type: ignore[arg-type]
    screen = DeskScreen(ops, station="desk-test")
    screen.sounds.enabled = False
    qtbot.addWidget(screen)
    screen.show()
    runner.wait()  # departures
    scan(qtbot, screen.scan_field, kit["ref"])
    for code in (LYRES[0], LYRES[0], LYRES[1]):
        scan(qtbot, screen.scan_field, code)
    assert len(runner.pending) == 1 and len(screen.queue) == 3  # one at a time
    runner.run_one()  # the booking opens
    assert screen.booking.reference == kit["ref"] and len(runner.pending) == 1
    runner.run_one()
    assert screen.banner.kind == "ok"
    runner.run_one()
    assert screen.banner.kind == "error"  # the same lyre twice, in order
    runner.run_one()
    assert screen.banner.kind == "ok" and progress_text(screen, "LYRE-WASH") == "2 / 2"
    assert not runner.pending and not screen.queue and moves(db) == 2


# --- models ---------------------------------------------------------------------------


def test_models(qtmodeltester, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        desk.check_out(uow, user="t", reference=kit["ref"], code=LYRES[0], clock=clock)
    with db.read() as uow:
        view = desk_queries.desk_booking(uow, kit["ref"])
        departures = desk_queries.departure_rows(uow, clock)
    lines = LinesModel()
    lines.set_lines(view.lines, "out", view.lines[0].item_type_id)
    qtmodeltester.check(lines)
    lines.set_lines(view.lines, "in", None)
    qtmodeltester.check(lines)
    model = DeparturesModel()
    model.set_rows(departures)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == kit["ref"]


# --- scanners as they really type -------------------------------------------------------


class Scanner:
    """Sends a scanner's exact key events (Shift, AltGr around characters) on a clock the
    test moves, so a burst is a burst whatever the machine's load."""

    def __init__(self, screen: DeskScreen) -> None:
        self.screen = screen
        self.clock = 1000.0
        screen.catcher.now = lambda: self.clock

    def send(self, widget, strokes, gap_ms: float = 5, enter: bool = True) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QKeyEvent

        from tests.gui.scanner_keys import PRESS, RELEASE

        for stroke in strokes:
            for kind, key, modifiers, text in stroke:
                target = widget if widget is not None else QApplication.focusWidget()
                QCoreApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))
            self.clock += gap_ms / 1000
        if enter:
            for kind in (PRESS, RELEASE):
                event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
                QCoreApplication.sendEvent(widget or QApplication.focusWidget(), event)
        self.pause()

    def pause(self) -> None:
        """A person's pause: what is held goes where it was meant to."""
        self.clock += 1
        self.screen.catcher.flush()


def test_capitals_with_shift_are_one_scan_wherever_the_focus_is(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.scanner_keys import azerty, qwerty

    scanner = Scanner(screen)
    screen.departures_view.setFocus()
    scanner.send(screen.departures_view, qwerty(kit["ref"]))
    assert screen.booking is not None and screen.booking.reference == kit["ref"]
    scanner.send(screen.scan_field, qwerty(LYRES[0]))
    assert screen.banner.kind == "ok" and screen.scan_field.text() == ""
    scanner.send(screen.departures_view, azerty(LYRES[1]))  # Shift for digits on AZERTY
    assert screen.banner.kind == "ok" and screen.scan_field.text() == ""
    assert progress_text(screen, "LYRE-WASH") == "2 / 2" and moves(db) == 2


def test_lower_case_and_wrong_layout_codes_are_found(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    from inventory.barcodes import typed_on
    from tests.gui.scanner_keys import qwerty, us_scanner_on_azerty

    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(kit["ref"].lower()))
    assert screen.booking is not None and screen.booking.reference == kit["ref"]
    scanner.send(screen.scan_field, qwerty(LYRES[0].lower()))
    assert screen.banner.kind == "ok" and LYRES[0] in screen.banner.text()
    received = typed_on(LYRES[1], "us", "fr")
    scanner.send(screen.scan_field, us_scanner_on_azerty(received))
    assert screen.banner.kind == "ok"
    assert f"Read {received} as {LYRES[1]}" in screen.banner.text()
    assert "another keyboard layout" in screen.banner.text()
    assert progress_text(screen, "LYRE-WASH") == "2 / 2" and moves(db) == 2


@pytest.mark.parametrize("enter_after_quantity", [False, True])
def test_quantity_prefix_with_or_without_enter(  # type: ignore[no-untyped-def]
    qtbot, screen, db, kit, enter_after_quantity
) -> None:
    from tests.gui.scanner_keys import plain, qwerty

    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(kit["ref"]))
    scanner.send(screen.scan_field, [plain("*")], enter=False)  # a person: *, a pause
    assert screen.quantity.lineEdit().hasFocus()
    scanner.send(screen.quantity.lineEdit(), [plain("3")], enter=enter_after_quantity)
    assert screen.quantity.value() == 3
    scanner.send(
        screen.quantity.lineEdit() if not enter_after_quantity else None, qwerty("CAB-DMX10")
    )
    assert screen.banner.kind == "ok" and "+3" in screen.banner.text()
    assert progress_text(screen, "DMX-10") == "3 / 5"
    assert screen.quantity.value() == 1  # back to one per scan
    assert "Enter optional" in screen.keys_label.text()


def test_quantity_typed_fast_with_the_code(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.scanner_keys import qwerty

    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(kit["ref"]))
    scanner.send(screen.departures_view, qwerty("*2"), enter=False)  # quick, no Enter
    assert screen.quantity.value() == 2
    scanner.send(screen.scan_field, qwerty("CAB-DMX10"))
    assert progress_text(screen, "DMX-10") == "2 / 5"
    scanner.send(screen.scan_field, qwerty("*2CAB-DMX10"))  # one burst
    assert progress_text(screen, "DMX-10") == "4 / 5" and screen.quantity.value() == 1


def test_a_burst_whose_enter_comes_late_is_scanned_from_the_scan_field(  # type: ignore[no-untyped-def]
    qtbot, screen, db, kit
) -> None:
    from tests.gui.scanner_keys import qwerty

    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(kit["ref"]))
    screen.departures_view.setFocus()
    scanner.send(screen.departures_view, qwerty(LYRES[0]), enter=False)
    assert screen.scan_field.text() == LYRES[0] and screen.scan_field.hasFocus()
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)  # the Enter, late
    assert screen.banner.kind == "ok" and moves(db) == 1


def test_the_pick_list_prints_from_the_desk(qtbot, screen, db, kit, tmp_path) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert screen.banner.kind == "error" and "No booking open" in screen.banner.text()
    scan(qtbot, screen.scan_field, kit["ref"])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert screen.banner.kind == "ok" and screen.last_printed == f"Pick list of {kit['ref']}"
    assert pdf_pages(tmp_path / "printed.pdf") >= 1
    entries = [a.text() for a in screen.menu.actions()]
    assert any("Print the pick list" in t and "Ctrl+P" in t for t in entries)


def test_a_cancelled_print_dialog_prints_nothing(qtbot, screen, kit, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    screen.choose_printer = lambda title: None
    before = screen.banner.text()
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert screen.banner.text() == before and screen.last_printed == ""
    assert screen.scan_field.hasFocus()


def test_an_unwritable_pdf_path_is_a_sentence(qtbot, screen, db, clock, kit, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    screen.choose_pdf_path = lambda title, name: str(tmp_path / "no-such-dir" / name)
    qtbot.keyClick(
        screen.scan_field,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert screen.banner.kind == "error" and "could not be written" in screen.banner.text()


def test_the_return_report_prints_and_saves_after_check_in(
    qtbot, screen, db, clock, kit, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    _all_out(db, clock, kit["ref"])
    screen.set_mode("in")
    scan(qtbot, screen.scan_field, LYRES[0])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    assert "P: print the return report" in screen.summary_hint.text()
    qtbot.keyClick(screen.summary, Qt.Key.Key_P)
    qtbot.wait(3 * SCAN_GAP_MS)  # a person's key: handed over after the gap
    assert screen.last_printed == f"Return report of {kit['ref']}"
    qtbot.keyClick(screen.summary, Qt.Key.Key_S)
    qtbot.wait(3 * SCAN_GAP_MS)  # a person's key: handed over after the gap
    assert screen.last_document == tmp_path / f"return-report-{kit['ref']}.pdf"
    assert pdf_pages(screen.last_document) >= 1


def test_departures_show_only_what_still_has_to_leave(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    for code in LYRES[:2]:
        scan(qtbot, screen.scan_field, code)
    scan(qtbot, screen.scan_field, "*5CAB-DMX10")
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    qtbot.keyClick(screen.summary, Qt.Key.Key_Return)  # next booking
    assert screen.departures_model.rowCount() == 0  # complete: gone from the list
    assert "Still to leave" in screen.side_title.text()


def test_the_kiosk_fills_its_screen(qtbot, ops, kit) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    desk_screen = DeskScreen(ops, window)
    window.setCentralWidget(desk_screen)
    window.showFullScreen()
    qtbot.waitExposed(window)
    window.setGeometry(0, 0, 910, 512)  # what a full-screen window gets without a WM
    desk_screen.fill_screen()
    screen = window.screen().geometry()  # offscreen: 800 × 800, a bit under the desk's minimum
    assert window.geometry().contains(screen)


def test_a_bulk_quantity_above_what_remains_is_refused_with_the_true_count(  # type: ignore[no-untyped-def]
    qtbot, screen, db, kit
) -> None:
    from tests.gui.scanner_keys import qwerty

    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(kit["ref"]))
    scanner.send(screen.scan_field, qwerty("*2CAB-DMX10"))
    assert progress_text(screen, "DMX-10") == "2 / 5"
    before = moves(db)
    scanner.send(screen.scan_field, qwerty("*9CAB-DMX10"))
    assert screen.banner.kind != "ok"
    assert "Only 3 pieces of" in screen.banner.text() and "scan *3" in screen.banner.text()
    assert "already out" not in screen.banner.text()
    assert progress_text(screen, "DMX-10") == "2 / 5" and moves(db) == before


def test_an_unplanned_bulk_quantity_is_added_with_a(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.scanner_keys import qwerty

    factories.bulk(db, code="XLR-10", name="Câble XLR 10 m", barcode="CAB-XLR10")
    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(kit["ref"]))
    scanner.send(screen.scan_field, qwerty("*4CAB-XLR10"))
    assert screen.offer_panel.isVisible() and moves(db) == 0
    qtbot.keyClick(screen.offer_panel, Qt.Key.Key_A)
    qtbot.wait(3 * SCAN_GAP_MS)
    assert screen.banner.kind == "ok" and progress_text(screen, "XLR-10") == "4 / 4"


def test_undoing_an_unplanned_add_takes_the_line_off_the_booking(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, PAR)
    qtbot.keyClick(screen.offer_panel, Qt.Key.Key_A)
    qtbot.wait(3 * SCAN_GAP_MS)
    assert progress_text(screen, "PAR-64") == "1 / 1"
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Undone" in screen.banner.text()
    assert all(p.code != "PAR-64" for p in screen.lines_model.rows)
    with db.read() as uow:
        from booking.bookings import booking_by_ref

        booked = {p.code: p.wanted for p in desk.progress(uow, booking_by_ref(uow, kit["ref"]).id)}
    assert booked == {"LYRE-WASH": 2, "DMX-10": 5}


def test_a_damage_note_typed_fast_stays_a_note(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.scanner_keys import qwerty

    _all_out(db, clock, kit["ref"])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F6)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F7)
    scanner = Scanner(screen)
    scanner.send(screen.scan_field, qwerty(LYRES[1]))
    assert screen.note_panel.isVisible() and screen.note_edit.hasFocus()
    scanner.send(screen.note_edit, qwerty("lentille fêlée"), gap_ms=5)  # pasted or fast
    assert screen.banner.kind == "ok" and "damaged" in screen.banner.text()
    with db.read() as uow:
        assert unit_by_barcode(uow, LYRES[1]).status == "in_repair"
        note = uow.session.exec(select(Movement.note).order_by(Movement.id.desc())).first()
    assert note == "lentille fêlée"


# --- the look: returns due, late chips, empty states, readable banner ------------------


def test_check_in_lists_the_returns_due_and_marks_late_ones(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    from app.gui.shell import chips

    late = factories.booking(
        db, clock, kit["customer"], "2026-11-20T09:00", "2026-11-24T09:00", {"LYRE-WASH": 1}
    )
    with db.write() as uow:
        desk.check_out(uow, user="t", reference=late, code=LYRES[2], clock=clock)
    screen.refresh_departures()
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F6)
    side = screen.side
    assert side.stack.currentWidget() is side.returns_view
    assert "Due back" in screen.side_title.text()
    model = side.returns_model
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == late
    assert model.data(model.index(0, 0), chips.STATUS_ROLE) == "late"
    assert model.data(model.index(0, 0)).startswith("late · 24/11")  # in words too
    side.returns_view.setFocus()
    side.returns_view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(side.returns_view, Qt.Key.Key_Return)
    assert screen.mode == "in" and screen.booking is not None
    assert screen.booking.reference == late and screen.banner.kind == "info"
    assert [screen.out_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(1)] == [LYRES[2]]


def test_check_in_after_check_out_lists_what_just_left(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, LYRES[0])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F6)
    units = [screen.out_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(1)]
    assert screen.out_list.count() == 1 and units == [LYRES[0]]
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F8)
    assert screen.out_list.hasFocus()


def test_empty_lists_say_what_to_do_next(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    side = screen.side
    side.set_rows([], [])
    assert side.departures_model.rowCount() == 0  # no fake row
    departures, returns, units_out = (state.label for state in side.empty)
    assert departures.isVisible() and "Scan the reference" in departures.text()
    screen.set_mode("in")
    assert returns.isVisible() and "Nothing due back" in returns.text()
    scan(qtbot, screen.scan_field, kit["ref"])  # not out: refused, nothing open
    assert screen.booking is None


def test_a_finished_booking_with_everything_gone_says_so(qtbot, screen, db, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    for code in LYRES[:2]:
        scan(qtbot, screen.scan_field, code)
    scan(qtbot, screen.scan_field, "*5CAB-DMX10")
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    assert screen.summary_list.count() == 0
    empty = screen.summary.list_empty.label
    assert empty.isVisible() and "Everything booked has left" in empty.text()


def test_every_command_has_an_icon_and_a_name(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    assert all(not action.icon().isNull() for action in screen.menu.actions())
    buttons = screen.actions_bar.buttons
    assert len(buttons) == 5 and all(b.accessibleName() and not b.icon().isNull() for b in buttons)
    assert screen.scan_field.accessibleName() and screen.banner.accessibleName()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_banner_is_readable_in_both_themes(monkeypatch, theme: str) -> None:
    from app.gui.desk import feedback
    from app.gui.shell import style

    monkeypatch.setattr(style, "_theme", theme)
    for kind in ("ok", "error", "warning", "info", "idle"):
        background, text = feedback.colours(kind)
        assert feedback.contrast(background, text) >= 4.5, kind


def test_what_is_still_out_agrees_with_the_lines(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    """Bulk pieces out are listed beside the units: the side panel never says "nothing is
    still out" while the lines' "still out" column counts some."""
    _all_out(db, clock, kit["ref"])
    screen.set_mode("in")
    for code in LYRES[:2]:
        scan(qtbot, screen.scan_field, code)
    side = screen.side
    still_out = sum(p.out for p in screen.lines_model.rows)
    assert still_out == 5 and screen.out_list.count() == 0
    assert side.bulk_list.isVisible() and side.bulk_list.count() == 1
    assert "5 × " in side.bulk_list.item(0).text()
    assert not side.empty[2].label.isVisible()  # not "nothing is still out"
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F8)
    assert side.bulk_list.hasFocus()
    qtbot.keyClick(side.bulk_list, Qt.Key.Key_Return)  # one piece declared missing
    row = next(p for p in screen.lines_model.rows if p.code == "DMX-10")
    assert (row.out, row.missing) == (4, 1)
    assert side.bulk_list.count() == 1 and "4 × " in side.bulk_list.item(0).text()


def test_the_summary_replaces_the_last_answer(qtbot, screen, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, "NOPE-42")
    assert screen.banner.kind == "error"
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    assert screen.banner.kind == "idle" and "NOPE-42" not in screen.banner.text()
    assert screen.summary.title.text() == f"{kit['ref']}: nothing has left yet"
    qtbot.keyClick(screen.summary, Qt.Key.Key_Escape)
    scan(qtbot, screen.scan_field, LYRES[0])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F10)
    assert screen.summary.title.text() == f"{kit['ref']}: not everything has left"


def test_lines_name_the_colours_and_give_names_the_room(qtbot, screen, db, clock, kit) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, screen.scan_field, kit["ref"])
    scan(qtbot, screen.scan_field, LYRES[0])
    panel, model = screen.booking_panel, screen.lines_model
    assert panel.partial_chip.text() == "Partly picked" and panel.complete_chip.isVisible()
    row = next(n for n, p in enumerate(model.rows) if p.code == "LYRE-WASH")
    spoken = model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert "Partly picked" in spoken
    _all_out(db, clock, kit["ref"])
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F6)
    view, header = screen.lines_view, screen.lines_view.horizontalHeader()
    assert not view.wordWrap() and view.textElideMode() == Qt.TextElideMode.ElideMiddle
    widths = [header.sectionSize(n) for n in range(model.columnCount())]
    assert widths[0] == max(widths)  # the name has the free width
    assert view.isColumnHidden(4) and view.isColumnHidden(5)  # nothing damaged or missing
    for column in range(1, 4):  # no header cut
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.fontMetrics().horizontalAdvance(title) <= widths[column]
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_F8)
    scan(qtbot, screen.scan_field, LYRES[0])
    assert view.isColumnHidden(4) and not view.isColumnHidden(5)
    title = model.headerData(5, Qt.Orientation.Horizontal)
    assert header.fontMetrics().horizontalAdvance(title) <= header.sectionSize(5)
    assert screen.scan_field.placeholderText() and screen.scan_field.accessibleDescription()
