# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""Issue 11 on the desktop: the credit note dialog choosing lines (units or an amount, the
totals live, a refusal before issuing, keyboard), cancelling an invoiced booking with its
credit note in one step, and invoicing damage and loss charges on their own."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlmodel import select

from app.core import settings
from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.bookings.bookings_screen import BookingsScreen
from app.gui.bookings.cancel_flow import credit_button
from app.gui.invoicing.credit_note_dialog import CreditNoteDialog
from app.gui.invoicing.invoice_dialogs import DraftDialog
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.shell.operations import Operations
from booking.models import Booking
from invoicing import credit_notes, invoices, issuing, rates
from invoicing.models import IssuedDocument
from tests.invoicing.cli_helpers import damage_and_loss
from tests.invoicing.conftest import book, coop  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
D = Decimal


def count(db: Database) -> int:
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(IssuedDocument)).one()


def booking_id(db: Database, reference: str) -> int:
    with db.read() as uow:
        return uow.session.exec(select(Booking.id).where(Booking.reference == reference)).one()


def issue_from_editor(qtbot, ops: Operations, db: Database, ref: str) -> BookingEditor:  # type: ignore[no-untyped-def]
    editor = BookingEditor(ops, None, booking_id(db, ref))
    qtbot.addWidget(editor)
    editor.invoice()
    assert isinstance(editor.dialog, DraftDialog)
    editor.dialog.accept()
    return editor


@pytest.fixture
def screen(qtbot, ops: Operations, coop: Database, clock) -> InvoicesScreen:  # type: ignore[no-untyped-def]
    """FA-2026-00001: line 1 = 4 LYRE 3 days (360,00), line 2 = 2 GAFFER (25,00)."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})
    assert issue_from_editor(qtbot, ops, coop, ref).issued_number == "FA-2026-00001"
    widget = InvoicesScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 740)
    widget.show()
    return widget


def test_credit_note_by_lines_with_units_and_an_amount(
    qtbot, screen: InvoicesScreen, coop: Database
) -> None:  # type: ignore[no-untyped-def]
    dialog = screen.credit_note()
    assert isinstance(dialog, CreditNoteDialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert [r.item.position for r in dialog.rows] == [1, 2]
    assert not save.isEnabled() and "Tick at least one line" in dialog.totals.text()
    assert dialog.table.item(0, 1).text() == "1. Lyre wash LED — location 3 jours"
    assert dialog.table.item(0, 4).text() == "€360.00"

    lyres = dialog.rows[0]
    assert dialog.focusWidget() is lyres.check  # the keyboard starts on the first line
    qtbot.keyClick(lyres.check, Qt.Key.Key_Space)  # the keyboard ticks a line
    assert lyres.check.isChecked() and lyres.units is not None
    assert lyres.units.value() == 4 and lyres.amount.text() == "360.00"
    lyres.units.setValue(2)  # 2 of the 4 lights
    assert lyres.amount.text() == "180.00"
    assert "€216.00" in dialog.totals.text() and save.isEnabled()

    gaffer = dialog.rows[1]
    gaffer.check.setChecked(True)
    gaffer.amount.setText("30")
    gaffer.amount.textEdited.emit("30")  # more than the line: refused before issuing
    assert "25.00 left to credit" in dialog.totals.text() and not save.isEnabled()
    gaffer.amount.setText("10")
    gaffer.amount.textEdited.emit("10")
    assert "€228.00" in dialog.totals.text()  # (180 + 10) × 1.2

    assert dialog.save() is False and dialog.reason.property("invalid") is True
    assert count(coop) == 1
    dialog.reason.setText("Deux lyres non utilisées, geste sur le gaffer")
    assert dialog.save() is True
    assert count(coop) == 2
    assert "Credit note AV-2026-00001 issued" in screen.feedback.text()
    with coop.read() as uow:
        doc = invoices.issued_document(uow, "AV-2026-00001")
    assert [(ln.quantity, ln.net) for ln in doc.lines] == [(D(2), D("180.00")), (D(1), D("10.00"))]
    assert doc.lines[1].description.startswith("Avoir partiel")

    # what is left: 2 lights and 15,00 of gaffer; "Credit everything left" takes it all
    screen.select_key(next(r.key for r in screen.model.rows if r.number == "FA-2026-00001"))
    again = screen.credit_note()
    assert again is not None
    assert again.table.item(0, 5).text() == "€180.00"  # already credited
    assert again.rows[0].item.left_units == 2
    again.select_all()
    assert all(r.check.isChecked() for r in again.rows)
    assert "€234.00" in again.totals.text()  # (180 + 15) × 1.2: what remains of 462
    again.reason.setText("Annulation du reste")
    assert again.save() is True
    with coop.read() as uow:
        row = issuing.issued_by_number(uow, "FA-2026-00001")
        assert credit_notes.remaining_creditable(uow, row) == D("0.00")
    screen.select_key(next(r.key for r in screen.model.rows if r.number == "FA-2026-00001"))
    assert not screen.credit_action.isEnabled()


def test_units_and_an_amount_are_exclusive(screen: InvoicesScreen) -> None:
    """Typing an amount clears the units; choosing units replaces the amount by theirs:
    what the line will credit is always what is shown."""
    dialog = screen.credit_note()
    assert isinstance(dialog, CreditNoteDialog)
    lyres = dialog.rows[0]
    lyres.check.setChecked(True)
    assert lyres.units is not None
    lyres.units.setValue(2)
    lyres.amount.setText("100")
    lyres.amount.textEdited.emit("100")
    assert lyres.units.value() == 0 and lyres.units.text() == "–"
    assert [(w.quantity, w.amount) for w in dialog.wanted()] == [(None, "100")]
    lyres.units.setValue(1)
    assert lyres.amount.text() == "90.00"
    assert [w.quantity for w in dialog.wanted()] == [1]


def test_the_dialog_fits_a_laptop_and_names_its_controls(screen: InvoicesScreen) -> None:
    from tests.gui.accessibility_probe import unnamed_controls

    dialog = screen.credit_note()
    assert dialog is not None
    dialog.rows[0].check.setChecked(True)
    size = dialog.size()
    assert size.width() <= 1366 and size.height() <= 740
    assert unnamed_controls(dialog) == []
    dialog.reject()
    assert count(screen.ops.ctx.db) == 1


def test_cancel_an_invoiced_booking_with_its_credit_note(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})
    issue_from_editor(qtbot, ops, coop, ref)
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    screen.cancel(ref)
    box = screen.dialog
    assert box is not None
    assert "FA-2026-00001" in box.text() and "€216.00" in box.text()
    credit_button(box).click()
    with coop.read() as uow:
        assert uow.session.get(Booking, booking_id(coop, ref)).status == "cancelled"  # type: ignore[union-attr]
    assert count(coop) == 2
    assert f"Booking {ref} cancelled; credit note AV-2026-00001 issued." in screen.feedback.text()


def test_the_editor_keeps_an_invoiced_booking_when_asked(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})
    editor = issue_from_editor(qtbot, ops, coop, ref)
    editor.cancel_booking_button.click()
    box = editor.dialog
    assert box is not None and "is invoiced" in box.text()
    texts = [b.text() for b in box.buttons()]
    assert texts == ["Cancel and issue the &credit note", "&Keep the booking"]
    assert box.defaultButton().text() == "&Keep the booking"  # Enter keeps it
    box.defaultButton().click()
    assert editor.status != "cancelled" and count(coop) == 1


def test_damage_outside_vat_is_invoiced_on_its_own_from_the_editor(
    qtbot, ops: Operations, coop: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    with coop.write() as uow:
        settings.set_setting(uow, rates.DAMAGE_VAT_CATEGORY, "O")
    ref = book(coop, clock, "C-PUB", {"LYRE": 3})
    damage_and_loss(coop, ref)
    editor = BookingEditor(ops, None, booking_id(coop, ref))
    qtbot.addWidget(editor)
    assert editor.damage_button.isEnabled()  # back from the desk: a repair cost may be recorded
    editor.damage_button.click()
    from app.gui.bookings.damage_dialog import DamageChargeDialog

    assert isinstance(editor.dialog, DamageChargeDialog)
    editor.dialog.reject()
    editor.invoice()
    dialog = editor.dialog
    assert isinstance(dialog, DraftDialog)
    assert not dialog.damage_only.isHidden()
    assert not dialog.scope_note.isHidden() and not dialog.issue_button.isEnabled()
    dialog.damage_only.setChecked(True)
    assert [ln.vat_category.value for ln in dialog.document.lines] == ["O", "O"]
    assert dialog.issue_button.isEnabled() and dialog.scope_note.isHidden()
    dialog.accept()
    assert editor.issued_number == "FA-2026-00001"
    with coop.read() as uow:
        doc = invoices.issued_document(uow, "FA-2026-00001")
        assert doc.vat_total == D("0.00") and len(doc.lines) == 2
        rest = invoices.draft_invoice(uow, ref, clock)
    assert [ln.item_code for ln in rest.lines] == ["LYRE"]
