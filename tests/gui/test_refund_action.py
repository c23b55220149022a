# ruff: noqa: F811  (fixtures imported from tests/invoicing/conftest.py and the invoices GUI test)
"""The invoices screen's Refund… action: enabled only on an invoice in credit, it opens the
refund dialog with the credit proposed; the list can be filtered to invoices in credit."""

from __future__ import annotations

from app.core.db import Database
from app.gui.invoicing.invoice_dialogs import PaymentDialog
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.invoicing.refund_dialog import RefundDialog
from invoicing.balance import InvoiceStatus
from tests.gui.test_invoices_gui import issued, row_texts, screen  # noqa: F401
from tests.invoicing.conftest import coop  # noqa: F401


def test_refund_action_on_an_invoice_in_credit(screen: InvoicesScreen, coop: Database) -> None:
    assert not screen.refund_action.isEnabled()  # issued, nothing paid
    assert screen.refund() is None
    paid = screen.record_payment()
    assert isinstance(paid, PaymentDialog) and paid.save() is True
    assert not screen.refund_action.isEnabled()  # paid: nothing to give back
    full = screen.credit_note()
    assert full is not None
    full.select_all()
    full.reason.setText("Annulation")
    assert full.save() is True
    assert screen.refund_action.isEnabled()
    assert screen.refund_action in screen.menu.actions()
    combo = screen.filter_bar.status_filter
    combo.setCurrentIndex(combo.findData(InvoiceStatus.CREDIT.value))
    assert combo.currentText() == "Refund due"
    assert [r[0] for r in row_texts(screen)] == ["FA-2026-00001"]
    screen.view.selectRow(0)
    dialog = screen.refund()
    assert isinstance(dialog, RefundDialog)
    assert dialog.amount.text() == "432.00"
    assert dialog.save() is True
    assert "Refund recorded on FA-2026-00001" in screen.feedback.text()
    assert row_texts(screen) == []  # refunded: no invoice is in credit any more
