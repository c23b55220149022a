# ruff: noqa: F811  (fixtures imported from tests/invoicing/conftest.py and the invoices GUI test)
"""The refund dialog on an invoice in credit: paid 432,00, then wholly credited, the
invoices screen shows a balance of −432,00 and the status "Refund due"; the dialog proposes
the credit, refuses more than it (nothing written) and records the refund: the invoice is
settled (0,00, Paid)."""

from __future__ import annotations

from decimal import Decimal

from app.core.db import Database
from app.gui.invoicing.invoice_dialogs import PaymentDialog
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.invoicing.refund_dialog import RefundDialog
from invoicing.models import Payment
from tests.gui.test_invoices_gui import count, issued, row_texts, screen  # noqa: F401
from tests.invoicing.conftest import coop  # noqa: F401


def invoice_row(screen: InvoicesScreen) -> list[str]:
    return next(r for r in row_texts(screen) if r[0] == "FA-2026-00001")


def test_refund_an_invoice_in_credit(screen: InvoicesScreen, coop: Database) -> None:
    paid = screen.record_payment()
    assert isinstance(paid, PaymentDialog)
    assert paid.save() is True  # the whole 432,00
    full = screen.credit_note()
    assert full is not None
    full.select_all()
    full.reason.setText("Annulation")
    assert full.save() is True
    assert invoice_row(screen)[5:] == ["€432.00", "-€432.00", "Refund due"]
    dialog = RefundDialog(screen.ops, screen, number="FA-2026-00001", credit=Decimal("432"))
    assert dialog.amount.text() == "432.00"  # the credit, proposed
    dialog.amount.setText("500")
    assert dialog.save() is False
    assert "432.00 to refund" in dialog.message.text()
    dialog.amount.setText("")
    assert dialog.save() is False and dialog.amount.property("invalid") is True
    assert count(coop, Payment) == 1
    dialog.amount.setText("432")
    dialog.method.setCurrentIndex(dialog.method.findData("virement"))
    dialog.reference.setText("VIR-RB-1")
    assert dialog.save() is True
    assert count(coop, Payment) == 2
    assert invoice_row(screen)[5:] == ["€0.00", "€0.00", "Paid"]
