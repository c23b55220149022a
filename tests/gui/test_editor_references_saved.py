"""The booking editor saves the buyer's reference and order number, shows them again when
the booking is reopened, and asks before closing when they were typed and not saved."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.shell.operations import Operations
from booking import bookings
from booking.customers import customer_by_number
from booking.models import Booking
from tests import factories

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


@pytest.fixture
def booking_id(db: Database, clock: FixedClock, stock: dict[str, str]) -> int:
    number = factories.customer(db, "Mairie de Polignac", number="C-POL")
    with db.write() as uow:
        customer_by_number(uow, number).service_code = "SERV-CULTURE"
    ref = factories.booking(db, clock, number, "2026-12-04T10:00", "2026-12-07T10:00", {"SM58": 1})
    with db.read() as uow:
        found = uow.session.exec(select(Booking.id).where(Booking.reference == ref)).one()
    assert found is not None
    return found


def open_editor(qtbot, ops: Operations, booking_id: int) -> BookingEditor:  # type: ignore[no-untyped-def]
    editor = BookingEditor(ops, None, booking_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def saved(db: Database, booking_id: int) -> tuple[str, str]:
    with db.read() as uow:
        booking = uow.session.get(Booking, booking_id)
        assert booking is not None
        return booking.buyer_reference, booking.order_reference


def test_references_typed_are_saved_and_shown_again(qtbot, ops, db, booking_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops, booking_id)
    assert editor.form.buyer_reference.placeholderText() == "SERV-CULTURE"
    qtbot.keyClicks(editor.form.order_reference, "ENG-2026-0999")
    qtbot.keyClicks(editor.form.buyer_reference, "SERV-FETES")
    assert editor.is_dirty()
    editor.save()
    assert "saved" in editor.feedback.text()
    assert saved(db, booking_id) == ("SERV-FETES", "ENG-2026-0999")
    assert not editor.is_dirty()
    editor.close_now()
    again = open_editor(qtbot, ops, booking_id)
    assert again.form.references() == ("SERV-FETES", "ENG-2026-0999")
    again.form.order_reference.clear()  # emptied: cleared on saving
    again.save()
    assert saved(db, booking_id) == ("SERV-FETES", "")


def test_references_set_elsewhere_show_in_the_editor(qtbot, ops, db, booking_id) -> None:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        ref = uow.session.get(Booking, booking_id).reference  # type: ignore[union-attr]
    with db.write() as uow:
        bookings.set_references(uow, user=factories.USER, reference=ref, order_reference="X-1")
    editor = open_editor(qtbot, ops, booking_id)
    assert editor.form.references() == ("", "X-1")
    assert not editor.is_dirty()


def test_a_typed_reference_asks_before_closing(qtbot, ops, db, booking_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops, booking_id)
    qtbot.keyClicks(editor.form.order_reference, "ENG-1")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert isinstance(editor.unsaved_box, QMessageBox) and editor.isVisible()
    next(b for b in editor.unsaved_box.buttons() if b.text() == "&Discard").click()
    assert not editor.isVisible()
    assert saved(db, booking_id) == ("", "")


def test_the_invoice_preview_shows_the_references_and_warns(qtbot, db, clock, booking_id) -> None:  # type: ignore[no-untyped-def]
    from app.gui.invoicing.invoice_dialogs import DraftDialog
    from invoicing import invoices, rates

    with db.write() as uow:
        rates.set_item_rate(
            uow, user=factories.USER, item_code="SM58", member_day="5.00", non_member_day="8.00"
        )
        booking = uow.session.get(Booking, booking_id)
        assert booking is not None
        customer_by_number(uow, "C-POL").public_buyer = True
        booking.order_reference = "EJ-42"
        ref = booking.reference
    with db.read() as uow:
        document = invoices.draft_invoice(uow, ref, clock)
    dialog = DraftDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    heading = dialog.view.heading.text()
    assert "SERV-CULTURE" in heading and "EJ-42" in heading
    assert not dialog.buyer_note.isVisible()
    dialog.set_document(dataclasses.replace(document, order_reference=""))
    assert dialog.buyer_note.isVisible() and "commitment" in dialog.buyer_note.text()
    assert dialog.issue_button.isEnabled()  # a warning, not a refusal


def test_ctrl_s_saves(qtbot, ops, db, booking_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops, booking_id)
    qtbot.keyClicks(editor.form.order_reference, "ENG-2026-0999")
    shortcut = editor.action_bar.save_shortcut
    assert shortcut.shortcut().toString() == "Ctrl+S"
    shortcut.trigger()  # offscreen windows are never active: trigger the window shortcut
    assert saved(db, booking_id) == ("", "ENG-2026-0999")


def test_a_cancelled_booking_offers_neither_saving_nor_pricing(qtbot, ops, booking_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, ops, booking_id)
    editor.cancel_booking_button.click()
    assert editor.status == "cancelled"
    assert not editor.save_button.isVisible()
    assert not editor.pricing_button.isEnabled()
