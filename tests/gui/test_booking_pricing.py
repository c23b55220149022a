# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""The booking editor's "Pricing and deposit…" dialog: the booking's pricing saved through
``invoicing.rates``, deposits recorded, returned and kept through ``invoicing.deposits``;
every refusal shown next to its field with nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlmodel import select

from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor
from app.gui.bookings.booking_pricing import FIXED, TABLE, BookingPricingDialog
from app.gui.shell.operations import Operations
from booking.models import Booking
from invoicing import invoices, rates
from invoicing.models import BookingPricing, Deposit, LineDiscount, Payment
from tests.invoicing.conftest import USER, book, coop, fake_render  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def count(db: Database, model: type) -> int:
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def opened(qtbot, ops: Operations, coop: Database, clock):  # type: ignore[no-untyped-def]
    """The dialog of 4 × LYRE + 2 × GAFFER for C-PUB, opened from the booking editor."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 4, "GAFFER": 2})
    with coop.read() as uow:
        booking_id = uow.session.exec(select(Booking.id).where(Booking.reference == ref)).one()
    editor = BookingEditor(ops, None, booking_id)
    qtbot.addWidget(editor)
    assert editor.pricing_button.isVisibleTo(editor)
    editor.pricing_button.click()
    assert isinstance(editor.dialog, BookingPricingDialog)
    return editor.dialog


def test_new_booking_has_no_pricing_button(qtbot, ops: Operations, coop: Database) -> None:  # type: ignore[no-untyped-def]
    editor = BookingEditor(ops, None)
    qtbot.addWidget(editor)
    assert not editor.pricing_button.isVisibleTo(editor)


def test_pricing_saved(opened: BookingPricingDialog, coop: Database, clock) -> None:  # type: ignore[no-untyped-def]
    dialog = opened
    assert [dialog.lines.item(r, 0).text() for r in range(dialog.lines.rowCount())] == [
        "GAFFER",
        "LYRE",
    ]
    dialog.discount.setText("5")
    dialog.mode.setCurrentIndex(dialog.mode.findData(FIXED))
    assert dialog.coefficient.isEnabled() and not dialog.table.isEnabled()
    dialog.coefficient.setText("1,5")
    dialog.minimum.setText("150")
    dialog.lines.item(1, 2).setText("10")
    assert dialog.save_pricing() is True
    assert dialog.status.text() == "Pricing saved."
    with coop.read() as uow:
        row = uow.session.get(BookingPricing, 1)
        assert (row.discount_bp, row.fixed_coefficient_milli, row.minimum_cents) == (
            500,
            1500,
            15000,
        )
        ref = uow.session.get(Booking, 1).reference
        # rental 4 × 45,00 × 1,5 = 270,00 − 10 % − 5 % = 230,85; consumables 25,00
        assert invoices.draft_invoice(uow, ref, clock).net_total == Decimal("255.85")
    assert dialog.coefficient.text() == "1.5"  # reloaded (English locale)
    assert dialog.lines.item(1, 2).text() == "10"


def test_pricing_with_a_table(opened: BookingPricingDialog, coop: Database) -> None:
    with coop.write() as uow:
        rates.save_coefficient_table(uow, user=USER, name="Festival", steps={1: "1"})
    opened.reload()
    opened.mode.setCurrentIndex(opened.mode.findData(TABLE))
    opened.table.setCurrentIndex(opened.table.findText("Festival"))
    assert opened.save_pricing() is True
    with coop.read() as uow:
        assert (
            rates.booking_pricing(uow, 1).coefficient_table_id
            == rates.coefficient_table(uow, "Festival").id
        )


def test_pricing_refusals_write_nothing(opened: BookingPricingDialog, coop: Database) -> None:
    dialog = opened
    dialog.discount.setText("101")
    assert dialog.save_pricing() is False
    assert dialog.discount.property("invalid") is True
    assert "between 0 and 100" in dialog.pricing_fields.error_text("discount")
    dialog.discount.setText("5")
    dialog.mode.setCurrentIndex(dialog.mode.findData(FIXED))
    dialog.coefficient.setText("0")
    assert dialog.save_pricing() is False
    assert "above 0" in dialog.pricing_fields.error_text("coefficient")
    dialog.coefficient.setText("1.5")
    dialog.minimum.setText("beaucoup")
    assert dialog.save_pricing() is False
    assert "is not an amount" in dialog.pricing_fields.error_text("minimum charge")
    dialog.minimum.setText("")
    dialog.lines.item(0, 2).setText("120")
    assert dialog.save_pricing() is False
    assert dialog.pricing_message.text().startswith("GAFFER:")
    assert count(coop, BookingPricing) == 0 and count(coop, LineDiscount) == 0


def test_deposit_recorded_refused_and_returned(
    opened: BookingPricingDialog, coop: Database
) -> None:
    dialog = opened
    assert "Deposit required: €2,000.00" in dialog.summary.text()
    assert dialog.amount.text() == "2000.00"  # what is missing
    assert not dialog.return_button.isEnabled()
    dialog.amount.setText("0")
    assert dialog.record_deposit() is False
    assert "more than zero" in dialog.deposit_fields.error_text("amount")
    dialog.amount.setText("-3")
    assert dialog.record_deposit() is False
    assert dialog.amount.property("invalid") is True
    assert count(coop, Deposit) == 0
    dialog.amount.setText("2000")
    dialog.notes.setText("chèque 123")
    assert dialog.record_deposit() is True
    assert dialog.status.text() == "Deposit 1 recorded."
    assert "held: €2,000.00" in dialog.summary.text()
    assert dialog.deposits.rowCount() == 1
    assert dialog.deposits.item(0, 4).text() == "Held"
    assert dialog.deposits.item(0, 3).text() == "Cheque"
    assert dialog.return_button.isEnabled()
    assert not dialog.retain_button.isEnabled()  # no invoice to settle yet
    assert dialog.return_deposit() is True
    assert dialog.deposits.item(0, 4).text() == "Returned"
    assert not dialog.return_button.isEnabled()


def test_deposit_kept_for_the_invoice(opened: BookingPricingDialog, coop: Database, clock) -> None:  # type: ignore[no-untyped-def]
    dialog = opened
    assert dialog.record_deposit() is True  # 2 000,00 by cheque
    with coop.write() as uow:
        invoices.issue_invoice(
            uow, user=USER, reference=dialog.reference, clock=clock, renderer=fake_render
        )
    dialog.reload()
    assert dialog.invoice.currentData() == "FA-2026-00001"
    assert "€462.00 left to pay" in dialog.invoice.currentText()
    assert dialog.retain_button.isEnabled()
    dialog.kept.setText("2000.01")  # more than held
    assert dialog.retain_deposit() is False
    assert "cannot be kept" in dialog.retain_message.text()
    dialog.kept.setText("500")  # more than the invoice's balance
    assert dialog.retain_deposit() is False
    assert "left to pay" in dialog.retain_message.text()
    assert count(coop, Payment) == 0
    dialog.kept.setText("")
    assert dialog.retain_deposit() is True
    assert dialog.deposits.item(0, 4).text() == "Kept"
    assert dialog.deposits.item(0, 5).text() == "€462.00"
    assert "€0.00 left to pay" in dialog.invoice.currentText()
    with coop.read() as uow:
        assert uow.session.exec(select(Payment.method)).one() == "caution"
