"""Record a refund to the customer of an invoice in credit (paid more than it owes after
its credit notes): date, amount (the credit, to start with), method, reference. Written
off the GUI thread by ``payments.add_refund`` (a sealed negative entry); a refusal is shown
next to its field and nothing is written."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QWidget

from app.core.errors import ValidationError
from app.core.money import to_cents
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.invoicing.invoice_dialogs import method_label, money
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import edit_amount, edit_date
from invoicing import payments

tr = QCoreApplication.translate


class RefundDialog(FormDialog):
    """Give money back to the customer of invoice ``number`` (``credit``: what it owes)."""

    changes = Change.INVOICES

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, number: str, credit: Decimal
    ) -> None:
        super().__init__(ops, parent)
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
        self.date = self.line(
            tr("RefundDialog", "&Date:"), "date", edit_date(ops.ctx.clock.today())
        )
        self.date.setPlaceholderText(tr("RefundDialog", "dd/mm/yyyy"))
        self.amount = self.line(
            tr("RefundDialog", "&Amount (€):"), "amount", edit_amount(to_cents(credit))
        )
        self.method = QComboBox()
        for method in payments.METHODS:
            self.method.addItem(method_label(method.value), method.value)
        self.fields.add(tr("RefundDialog", "&Method:"), "method", self.method)
        self.reference = self.line(tr("RefundDialog", "&Reference:"), "reference")
        self.reference.setPlaceholderText(tr("RefundDialog", "Cheque number, transfer label…"))
        self.finish()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(tr("RefundDialog", "Record the &refund"))
        save.setIcon(icons.icon("payment"))

    def action(self) -> Action:
        date, amount = self.date.text(), self.amount.text()
        method, reference = self.method.currentData(), self.reference.text()
        user, clock, number = self.ops.user, self.ops.ctx.clock, self.number
        if not date.strip():
            raise ValidationError("date", "The {field} cannot be empty.", field="date")
        return lambda uow: (
            payments.add_refund(
                uow,
                user=user,
                invoice_number=number,
                amount=amount,
                date=date,
                method=method,
                reference=reference,
                clock=clock,
            ).id
        )
