# ruff: noqa: F811  (fixtures imported from other test modules)
"""The booking editor as people use it (issue 9): one line per pick or scan with the field
emptied after each, the live price equal to the quote's, unsaved changes asked about on
close, the quote and the pick list made from what is on screen; and the bookings list
opening the booking whose reference was typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from app.core.db import Database
from app.core.money import to_cents
from app.gui.bookings.booking_editor import BookingEditor, to_qdatetime
from app.gui.bookings.bookings_screen import BookingsScreen
from app.gui.invoicing.invoice_dialogs import PdfDialog
from app.gui.shell import printing
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_amount
from booking import bookings
from booking.models import Booking
from invoicing import invoices
from tests.gui.test_bookings_gui import member, snapshot  # noqa: F401
from tests.invoicing.conftest import USER, book, coop  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)

START = dt.datetime(2026, 12, 1, 9, 0)
END = dt.datetime(2026, 12, 5, 18, 0)


def money(amount: Decimal) -> str:
    return format_amount(to_cents(amount))


def open_editor(qtbot, ops: Operations, booking_id: int | None = None) -> BookingEditor:  # type: ignore[no-untyped-def]
    editor = BookingEditor(ops, None, booking_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def new_editor(qtbot, ops: Operations, customer: str) -> BookingEditor:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops)
    editor.customer.setText(customer)
    editor.start.setDateTime(to_qdatetime(START))
    editor.end.setDateTime(to_qdatetime(END))
    return editor


def scan(qtbot, editor: BookingEditor, text: str) -> None:  # type: ignore[no-untyped-def]
    """Typed as a scanner does: the characters, then Enter."""
    qtbot.keyClicks(editor.add_field, text)
    qtbot.keyClick(editor.add_field, Qt.Key.Key_Return)


def lines(editor: BookingEditor) -> list[tuple[str, int]]:
    return [(line.code, line.quantity) for line in editor.lines.lines]


def priced(qtbot, editor: BookingEditor) -> invoices.Quote:  # type: ignore[no-untyped-def]
    """The price once the panel has answered for the editor as it stands now."""
    qtbot.waitUntil(lambda: not editor.price_panel.pending())
    assert editor.price_panel.quote is not None, editor.price_panel.status.text()
    return editor.price_panel.quote


def booking_id(db: Database, ref: str) -> int:
    with db.read() as uow:
        return uow.session.exec(select(Booking.id).where(Booking.reference == ref)).one() or 0


# --- one line change per pick or scan ----------------------------------------------------------


def test_a_suggestion_picked_with_the_arrows_and_enter_adds_one_line(
    qtbot, ops: Operations, member: str, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, ops, member)
    editor.add_field.setFocus()
    qtbot.keyClicks(editor.add_field, "wash")
    popup = editor.add_completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(editor.lines.lines))
    qtbot.wait(20)  # the pick is handled once the line edit is done with the key
    assert lines(editor) == [("LYRE-WASH", 1)]
    assert editor.add_field.text() == ""
    # the next scan adds what it names, not the old pick again
    scan(qtbot, editor, "SON-00001")
    assert lines(editor) == [("LYRE-WASH", 1), ("SM58", 1)]
    assert editor.add_field.text() == ""


def test_a_suggestion_clicked_adds_one_line(
    qtbot, ops: Operations, member: str, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, ops, member)
    editor.add_field.setFocus()
    qtbot.keyClicks(editor.add_field, "sm5")
    popup = editor.add_completer.popup()
    index = popup.model().index(0, 0)
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: bool(editor.lines.lines))
    qtbot.wait(20)
    assert lines(editor) == [("SM58", 1)]
    assert editor.add_field.text() == ""


def test_every_kind_of_code_adds_one_line_change_without_case(
    qtbot, ops: Operations, member: str, stock: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, ops, member)
    scan(qtbot, editor, stock["wash1"].lower())  # a unit's barcode, Caps Lock on
    scan(qtbot, editor, "cab-dmx10")  # a bulk barcode
    scan(qtbot, editor, "sm58")  # an item type code
    scan(qtbot, editor, "LYRE-WASH=2")
    assert lines(editor) == [("LYRE-WASH", 3), ("DMX-10", 1), ("SM58", 1)]
    assert editor.add_field.text() == ""


# --- the live price ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("customer", "why"),
    [("C-MEM", "member rate: member no. S-C-MEM (no end date)"), ("C-PUB", "non-member")],
)
def test_the_live_price_is_the_quote(
    qtbot, ops: Operations, coop: Database, clock, customer: str, why: str
) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, ops, customer)
    scan(qtbot, editor, "LYRE=3")
    scan(qtbot, editor, "GAFFER=2")
    shown = priced(qtbot, editor)  # before anything is saved
    panel = editor.price_panel
    assert panel.values["rate"].text().startswith(why)
    assert panel.values["days"].text().startswith("5 day")
    assert "coefficient 3" in panel.values["days"].text()
    assert panel.values["deposit"].text() == "€1,500.00"
    editor.save()
    ref = editor.reference
    assert priced(qtbot, editor).document.lines == shown.document.lines
    with coop.read() as uow:
        quote = invoices.quote_document(uow, ref, clock)
    assert panel.totals() == (
        money(quote.net_total),
        money(quote.vat_total),
        money(quote.gross_total),
    )
    assert shown.document.lines == quote.lines
    lyre = editor.lines.index(0, editor.lines.PRICE)
    assert lyre.data() == money(next(ln.net for ln in quote.lines if ln.item_code == "LYRE"))


def test_the_price_follows_the_dates_and_the_lines(qtbot, ops: Operations, coop: Database) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, ops, "C-MEM")
    scan(qtbot, editor, "LYRE")
    assert editor.price_panel.totals()[0] == "—" or priced(qtbot, editor)
    assert priced(qtbot, editor).document.net_total == Decimal("90.00")  # 30 × coef. 3
    editor.end.setDateTime(to_qdatetime(START + dt.timedelta(hours=8)))  # one day
    assert priced(qtbot, editor).document.net_total == Decimal("30.00")
    scan(qtbot, editor, "LYRE")
    assert priced(qtbot, editor).document.net_total == Decimal("60.00")
    assert editor.price_panel.totals() == ("€60.00", "€12.00", "€72.00")


def test_a_weekend_and_the_reason_for_no_price(qtbot, ops: Operations, coop: Database) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops)
    scan(qtbot, editor, "LYRE")
    qtbot.waitUntil(lambda: not editor.price_panel.pending())
    assert editor.price_panel.status.text() == "Choose the customer to see the price."
    editor.customer.setText("C-PUB")
    editor.start.setDateTime(to_qdatetime(dt.datetime(2026, 12, 4, 14, 0)))  # Friday
    editor.end.setDateTime(to_qdatetime(dt.datetime(2026, 12, 7, 10, 0)))  # Monday
    assert priced(qtbot, editor).priced.weekend
    assert "weekend rule" in editor.price_panel.values["days"].text()
    assert editor.price_panel.totals()[0] == "€45.00"


# --- unsaved changes ----------------------------------------------------------------------------


def test_esc_without_changes_closes_quietly(qtbot, ops: Operations, coop: Database, clock) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops, booking_id(coop, book(coop, clock, "C-PUB", {"LYRE": 1})))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.unsaved_box is None
    assert not editor.isVisible()


def test_esc_on_a_new_booking_with_lines_asks_and_discard_writes_nothing(
    qtbot, ops: Operations, coop: Database
) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(coop)
    editor = new_editor(qtbot, ops, "C-MEM")
    scan(qtbot, editor, "LYRE")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = editor.unsaved_box
    assert isinstance(box, QMessageBox) and editor.isVisible()
    assert sorted(b.text() for b in box.buttons()) == ["&Discard", "&Save", "Cancel"]
    next(b for b in box.buttons() if b.text() == "Cancel").click()
    assert editor.isVisible() and lines(editor) == [("LYRE", 1)]
    editor.close()  # the window's close button asks too
    assert isinstance(editor.unsaved_box, QMessageBox) and editor.isVisible()
    next(b for b in editor.unsaved_box.buttons() if b.text() == "&Discard").click()
    assert not editor.isVisible()
    assert snapshot(coop) == before


def test_save_in_the_question_saves_then_closes(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    editor = open_editor(qtbot, ops, booking_id(coop, ref))
    scan(qtbot, editor, "LYRE")
    editor.reject()
    box = editor.unsaved_box
    assert box is not None
    next(b for b in box.buttons() if b.text() == "&Save").click()
    assert not editor.isVisible()
    with coop.read() as uow:
        booked = bookings.lines_of(uow, booking_id(coop, ref))
    assert [line.quantity for line in booked] == [2]


# --- the quote and the pick list from what is on screen ------------------------------------------


def test_the_quote_of_unsaved_edits_saves_them_first(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 1}, confirm=False)
    editor = open_editor(qtbot, ops, booking_id(coop, ref))
    scan(qtbot, editor, "LYRE=2")
    shown = priced(qtbot, editor)
    editor.quote_button.click()
    assert isinstance(editor.dialog, PdfDialog)
    assert not editor.is_dirty()
    with coop.read() as uow:
        quote = invoices.quote_document(uow, ref, clock)
    assert quote.gross_total == shown.document.gross_total == Decimal("324.00")


def test_a_new_booking_quoted_is_saved_as_a_quote(qtbot, ops: Operations, coop: Database) -> None:  # type: ignore[no-untyped-def]
    editor = new_editor(qtbot, ops, "C-MEM")
    scan(qtbot, editor, "LYRE")
    assert editor.quote_button.isEnabled()
    editor.quote_button.click()
    assert editor.reference == "R-2026-0001" and editor.status == "quote"
    assert isinstance(editor.dialog, PdfDialog)


def test_the_pick_list_is_printed_and_saved(
    qtbot, ops: Operations, coop: Database, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-MEM", {"LYRE": 2, "GAFFER": 3})
    editor = open_editor(qtbot, ops, booking_id(coop, ref))
    assert editor.picklist_button.isVisible()
    printed: list[tuple[bytes, str]] = []
    # the system print dialog is the one thing not driven here (tests/journeys print for real)
    monkeypatch.setattr(
        printing,
        "print_with_dialog",
        lambda parent, pdf, title: printed.append((pdf, title)) or True,
    )
    assert editor.print_picklist_action.shortcut().toString() == "Ctrl+P"
    editor.print_picklist_action.trigger()
    assert len(printed) == 1 and printed[0][0].startswith(b"%PDF")
    assert printed[0][1] == f"Pick list {ref}"
    assert editor.feedback.text() == f"Pick list {ref} sent to the printer."
    target = tmp_path / "pick.pdf"
    editor.save_picklist_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert editor.feedback.text() == f"Pick list saved to {target}."


def test_a_pick_list_that_cannot_be_written_says_why(
    qtbot, ops: Operations, coop: Database, clock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-MEM", {"LYRE": 2})
    editor = open_editor(qtbot, ops, booking_id(coop, ref))
    editor.save_picklist_to(tmp_path)  # a folder
    assert editor.feedback.kind == "error"
    assert str(tmp_path) in editor.feedback.text()


# --- the bookings list --------------------------------------------------------------------------


def test_enter_opens_the_booking_whose_reference_was_typed(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    refs = [book(coop, clock, "C-PUB", {"LYRE": 1}) for _ in range(3)]
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    screen.select_booking(booking_id(coop, refs[0]))
    # the text arrives without its search having run (a scanner is faster than a search)
    screen.search_box.blockSignals(True)
    screen.search_box.setText(refs[2].lower())
    screen.search_box.blockSignals(False)
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert isinstance(screen.dialog, BookingEditor)
    assert screen.dialog.reference == refs[2]
    assert screen.selected_id() == booking_id(coop, refs[2])


def test_enter_opens_the_only_match_and_says_when_several_match(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    from tests.invoicing.conftest import customer

    customer(coop, "C-SOLO", "Théâtre des Solitaires")
    solo = book(coop, clock, "C-SOLO", {"LYRE": 1})
    book(coop, clock, "C-PUB", {"LYRE": 1})
    book(coop, clock, "C-PUB", {"LYRE": 1})
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.search_box, "Rocher")
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert screen.dialog is None
    assert "2 bookings match" in screen.feedback.text()
    screen.search_box.clear()
    qtbot.keyClicks(screen.search_box, "solitaires")
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert isinstance(screen.dialog, BookingEditor) and screen.dialog.reference == solo


def test_codes_from_a_scanner_set_up_for_the_other_layout(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    """A US scanner on a French PC: ``LUM-00101`` arrives as ``LU?)àà&à&``."""
    from inventory import barcodes
    from tests import factories

    unit = factories.unit(coop, clock, "LYRE", barcode="LUM-00101")
    ref = book(coop, clock, "C-PUB", {"LYRE": 1})
    editor = new_editor(qtbot, ops, "C-MEM")
    editor.add_field.setText(barcodes.typed_on(unit, "us", "fr"))  # QTest types ASCII only
    qtbot.keyClick(editor.add_field, Qt.Key.Key_Return)
    assert lines(editor) == [("LYRE", 1)]
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    screen.search_box.setText(barcodes.typed_on(ref, "us", "fr"))
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert isinstance(screen.dialog, BookingEditor) and screen.dialog.reference == ref
