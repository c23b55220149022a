"""Record a refund to the customer of an invoice in credit (paid more than it owes after
its credit notes): date, amount (the credit, to start with), method, reference. Written
off the GUI thread by ``payments.add_refund`` (a sealed negative entry); a refusal is shown
next to its field and nothing is written."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.gui.catalogue.editors import FormDialog
from app.gui.invoicing.invoice_dialogs import PaymentDialog, money
from app.gui.shell import style
from app.gui.shell.operations import Operations
from invoicing import payments

tr = QCoreApplication.translate


class RefundDialog(PaymentDialog):
    """Give money back to the customer of invoice ``number`` (``credit``: what it owes)."""

    record = staticmethod(payments.add_refund)

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, number: str, credit: Decimal
    ) -> None:
        FormDialog.__init__(self, ops, parent)
        self.number = number
        self.setWindowTitle(tr("RefundDialog", "Refund on %1").replace("%1", number))
        owed = QLabel(money(credit))
        style.set_role(owed, "heading")
        self.fields.add(tr("RefundDialog", "To refund:"), (), owed)
        note = QLabel(
            tr(
                "RefundDialog",
                "The customer paid more than the invoice owes after its credit notes. Record "
                "here the money given back; the invoice is then settled.",
            )
        )
        note.setWordWrap(True)
        note.setMinimumWidth(note.fontMetrics().averageCharWidth() * 48)
        style.set_role(note, "muted")
        self.fields.add("", (), note)
        self.entry_fields(credit, tr("RefundDialog", "Record the &refund"))
