"""What a person does on the invoices screen: issue a draft, print or save the stored PDF,
record a payment, issue a credit note, reverse a payment — the actions (with their icons
and shortcuts) in the toolbar, the Invoices menu and the list's context menu, and what
each one does. Mixed into ``InvoicesScreen``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar, QWidget

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.money import from_cents, to_cents
from app.gui.invoicing.credit_note_dialog import CreditNoteDialog, issue_off_the_lock
from app.gui.invoicing.invoice_dialogs import (
    PaymentDialog,
    choose_pdf_path,
    print_pdf_document,
    renderer,
    write_pdf,
)
from app.gui.shell import icons
from app.gui.shell.changes import Change
from app.gui.shell.printing import print_pdf
from app.gui.shell.widgets import format_amount, format_date
from invoicing import credit_notes, invoices, payments
from invoicing.credit_notes import Creditable
from invoicing.document import Kind
from invoicing.models import IssuedDocument
from invoicing.validation import check_xml

tr = QCoreApplication.translate


class InvoiceActions(QWidget):
    """The screen's actions (a base of the screen widget); the screen has ``ops``, ``feedback``, ``selected``, ``draft``,
    ``selected_row()``, ``selected_payment()``, ``show_document()`` and ``_action()``."""

    ops: Any
    feedback: Any
    selected: Any
    draft: Any
    dialog: Any
    print_job: Any
    _action: Any
    selected_row: Any
    selected_payment: Any
    show_document: Any
    focus_search: Any

    def _build_actions(self) -> None:
        def a(name: str, text: str, keys: str, slot: Any) -> QAction:
            action = self._action(text, keys, slot)
            action.setIcon(icons.icon(name))
            return action

        self.find_action = a("search", tr("InvoicesScreen", "&Find"), "Ctrl+F", self.focus_search)
        self.issue_action = a(
            "issue", tr("InvoicesScreen", "&Issue invoice…"), "Ctrl+I", self.issue
        )
        self.print_action = a(
            "print", tr("InvoicesScreen", "&Print…"), "Ctrl+P", self.print_selected
        )
        self.save_action = a(
            "pdf", tr("InvoicesScreen", "&Save as PDF…"), "Ctrl+S", self.save_selected
        )
        self.payment_action = a(
            "payment", tr("InvoicesScreen", "Record pa&yment…"), "Ctrl+R", self.record_payment
        )
        self.credit_action = a(
            "credit", tr("InvoicesScreen", "&Credit note…"), "Ctrl+Shift+C", self.credit_note
        )
        self.reverse_action = a(
            "undo",
            tr("InvoicesScreen", "Re&verse payment…"),
            "Ctrl+Shift+R",
            self.reverse_payment,
        )
        self.refund_action = a(
            "payment", tr("InvoicesScreen", "Ref&und…"), "Ctrl+Shift+F", self.refund
        )
        self.menu = QMenu(tr("InvoicesScreen", "I&nvoices"), self)
        for action in (
            self.find_action,
            None,
            self.issue_action,
            None,
            self.print_action,
            self.save_action,
            None,
            self.payment_action,
            self.reverse_action,
            self.refund_action,
            self.credit_action,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setAccessibleName(tr("InvoicesScreen", "Invoice actions"))
        for action in (
            self.issue_action,
            None,
            self.payment_action,
            self.credit_action,
            None,
            self.print_action,
            self.save_action,
        ):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)

    def context_actions(self) -> tuple[QAction | None, ...]:
        return (
            self.issue_action,
            self.print_action,
            self.save_action,
            None,
            self.payment_action,
            self.credit_action,
            self.refund_action,
        )

    # --- dialogs ------------------------------------------------------------------------

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    @staticmethod
    def _on_yes(box: QMessageBox, slot: Any) -> None:
        box.buttonClicked.connect(
            lambda button: (
                slot() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None
            )
        )

    def _ask(self, title: str, text: str, slot: Any, more: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        if more:
            box.setInformativeText(more)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self._on_yes(box, slot)
        self._open(box)

    # --- issue --------------------------------------------------------------------------

    def issue(self) -> None:
        """Issue the selected draft (after a confirmation showing its total); a booking
        with damage or loss charges not invoiced yet may have them invoiced on their own."""
        row, draft = self.selected_row(), self.draft
        if row is None or draft is None:
            return
        reference, clock = row.booking, self.ops.ctx.clock
        self.ops.read(
            lambda uow: invoices.has_damage_to_invoice(uow, reference, clock),
            lambda damage: self._confirm_issue(reference, draft, damage),
            self._failed,
        )

    def _confirm_issue(self, reference: str, draft: Any, damage: bool) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("InvoicesScreen", "Issue invoice"),
            tr("InvoicesScreen", "Issue the invoice of booking %1 for %2 (incl. VAT)?")
            .replace("%1", reference)
            .replace("%2", format_amount(to_cents(draft.gross_total))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(
            tr(
                "InvoicesScreen",
                "The invoice gets its number and is frozen: it can then only be corrected "
                "by a credit note.",
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        damage_button = None
        if damage:
            damage_button = box.addButton(
                tr("InvoicesScreen", "&Damage and loss charges only"),
                QMessageBox.ButtonRole.ActionRole,
            )
            damage_button.setToolTip(
                tr(
                    "InvoicesScreen",
                    "An invoice of the damage and loss charges alone; the rest stays for the "
                    "next invoice (needed when they are outside the scope of VAT).",
                )
            )

        def clicked(button: Any) -> None:
            if button is damage_button:
                self.issue_booking(reference, damage_only=True)
            elif box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.issue_booking(reference)

        box.buttonClicked.connect(clicked)
        self._open(box)

    def issue_booking(self, reference: str, *, damage_only: bool = False) -> None:
        """Issue the booking's invoice, rendered before the write transaction that takes
        its number (``issuing.issue``)."""
        user, clock, render_with = self.ops.user, self.ops.ctx.clock, renderer()

        def action(uow: UnitOfWork) -> IssuedDocument:
            return invoices.issue_invoice(
                uow,
                user=user,
                reference=reference,
                clock=clock,
                renderer=render_with,
                check=check_xml,
                damage_only=damage_only,
            )

        def done(row: IssuedDocument) -> None:
            self.feedback.ok(tr("InvoicesScreen", "Invoice %1 issued.").replace("%1", row.number))
            self.show_document(row.id or 0)

        issue_off_the_lock(self.ops, action, done, self._failed)

    # --- the stored PDF -----------------------------------------------------------------

    def print_selected(self) -> None:
        """The system print dialog, then the selected document printed in the background."""
        if self.selected is not None:
            self.print_job = print_pdf_document(
                self,
                self.selected.pdf,
                self.selected.number,
                self._printed,
            )

    def print_to(self, printer: QPrinter) -> int:
        """Print the selected document on ``printer`` (what the print dialog does on OK)."""
        assert self.selected is not None
        pages = print_pdf(self.selected.pdf, printer)
        self._printed(pages)
        return pages

    def _printed(self, pages: int) -> None:
        self.feedback.ok(tr("InvoicesScreen", "%n page(s) sent to the printer.", None, pages))

    def save_selected(self) -> None:
        if self.selected is None:
            return
        path = choose_pdf_path(self, self.selected.number)
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the selected document's stored PDF, byte for byte."""
        if self.selected is None:
            return False
        try:
            write_pdf(path, self.selected.pdf)
        except DomainError as err:
            self._failed(err)
            return False
        self.feedback.ok(
            tr("InvoicesScreen", "%1 saved to %2.")
            .replace("%1", self.selected.number)
            .replace("%2", str(path))
        )
        return True

    # --- payments and credit notes ------------------------------------------------------

    def refund(self) -> Any:
        """Give back what an invoice in credit (paid more than it owes) owes the customer."""
        doc = self.selected
        if doc is None or doc.kind != Kind.INVOICE.value or doc.balance_cents >= 0:
            return None
        from app.gui.invoicing.refund_dialog import RefundDialog

        number = doc.number
        dialog = RefundDialog(self.ops, self, number=number, credit=from_cents(-doc.balance_cents))
        dialog.accepted.connect(
            lambda: self.feedback.ok(
                tr("InvoicesScreen", "Refund recorded on %1.").replace("%1", number)
            )
        )
        return self._open(dialog)

    def record_payment(self) -> PaymentDialog | None:
        doc = self.selected
        if doc is None or doc.kind != Kind.INVOICE.value:
            return None
        dialog = PaymentDialog(
            self.ops,
            self,
            number=doc.number,
            balance=from_cents(doc.balance_cents),
        )
        number = doc.number
        dialog.accepted.connect(
            lambda: self.feedback.ok(
                tr("InvoicesScreen", "Payment recorded on %1.").replace("%1", number)
            )
        )
        return self._open(dialog)

    def credit_note(self) -> CreditNoteDialog | None:
        """The credit note dialog on the selected invoice (its lines and what is left of
        each read first); returned when it opened at once (always in tests)."""
        doc = self.selected
        if doc is None or doc.kind != Kind.INVOICE.value:
            return None
        number = doc.number
        opened: list[CreditNoteDialog] = []

        def read(items: list[Creditable]) -> None:
            dialog = CreditNoteDialog(self.ops, self, number=number, items=items)
            dialog.accepted.connect(self._credit_note_issued)
            opened.append(self._open(dialog))

        self.ops.read(lambda uow: credit_notes.creditable(uow, number), read, self._failed)
        return opened[0] if opened else None

    def _credit_note_issued(self) -> None:
        number = getattr(self.dialog, "result_value", "") or ""
        self.feedback.ok(tr("InvoicesScreen", "Credit note %1 issued.").replace("%1", number))

    def reverse_payment(self) -> None:
        payment = self.selected_payment()
        if payment is None or payment.reverses is not None or payment.reversed:
            return
        payment_id = payment.id
        self._ask(
            tr("InvoicesScreen", "Reverse payment"),
            tr(
                "InvoicesScreen",
                "Reverse the payment of %1 of %2? A reversing entry is added; the payment "
                "itself stays on record.",
            )
            .replace("%1", format_amount(payment.amount_cents))
            .replace("%2", format_date(payment.date)),
            lambda: self.reverse(payment_id),
        )

    def reverse(self, payment_id: int) -> None:
        user, clock = self.ops.user, self.ops.ctx.clock
        self.ops.write(
            lambda uow: (
                payments.reverse_payment(uow, user=user, payment_id=payment_id, clock=clock).id
            ),
            lambda _: self.feedback.ok(tr("InvoicesScreen", "Payment reversed.")),
            self._failed,
            changes=Change.INVOICES,
        )
