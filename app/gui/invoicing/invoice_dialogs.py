"""Dialogs and helpers of invoicing shared by the invoices screen and the booking editor:
the draft shown before issuing, a PDF preview with Print and Save as PDF, recording a
payment (issuing a credit note: ``credit_note_dialog``, re-exported here).

Every write goes through ``ops.write`` and the invoicing services, which check everything
before writing anything; a refusal is shown next to the field it names.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError, ValidationError
from app.core.files import atomic_write_bytes
from app.core.money import to_cents
from app.core.storage import os_reason
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.invoicing.credit_note_dialog import CreditNoteDialog as CreditNoteDialog
from app.gui.shell import files, icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.pdf_preview import PdfPreview, fit_to_screen, remember_geometry
from app.gui.shell.printing import PrintJob, print_document, print_pdf
from app.gui.shell.widgets import edit_amount, edit_date, format_amount, format_date
from invoicing import parties, payments
from invoicing.document import Document, VatCategory
from invoicing.models import PAYMENT_METHOD_LABELS
from invoicing.pricing import coef_text

tr = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def money(amount: Decimal) -> str:
    return format_amount(to_cents(amount))


def percent(rate: Decimal) -> str:
    return coef_text(rate).removesuffix(",0").removesuffix(".0") + "\u00a0%"


def renderer() -> Callable[[Document], Any]:
    """The real renderer (PDF + Factur-X XML); a seam for tests. Imported when first
    needed: Factur-X and its PDF libraries cost a fifth of a second at start-up."""
    from invoicing import render

    return render.render


# --- files and printing ----------------------------------------------------------------------


def write_pdf(path: Path, pdf: bytes) -> None:
    """Write exactly ``pdf`` to ``path`` (a DomainError when the disk refuses)."""
    try:
        atomic_write_bytes(path, pdf)
    except OSError as err:
        raise DomainError(
            "Cannot write {path}: {reason}", path=str(path), reason=os_reason(err)
        ) from None


def choose_pdf_path(parent: QWidget, name: str) -> Path | None:
    path = files.save_file_name(
        parent,
        tr("InvoiceDialogs", "Save as PDF"),
        str(Path.home() / f"{name}.pdf"),
        tr("InvoiceDialogs", "PDF files (*.pdf)"),
    )
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else path + ".pdf")


def print_pdf_document(
    parent: QWidget, pdf: bytes, title: str, done: Callable[[int], None]
) -> PrintJob | None:
    """The system print dialog; on OK the pages of ``pdf`` go to the chosen printer in the
    background (progress and Cancel when it takes a while; a failure said in a dialog),
    then ``done(pages)``. None when the person cancelled or there is no printer."""
    return print_document(parent, pdf, title, done)


# --- the lines of a document -------------------------------------------------------------------


class LinesTable(QTableWidget):
    """A document's lines (description, quantity, unit price, VAT, net), read only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                tr("InvoiceDialogs", "Description"),
                tr("InvoiceDialogs", "Quantity"),
                tr("InvoiceDialogs", "Unit price"),
                tr("InvoiceDialogs", "VAT"),
                tr("InvoiceDialogs", "Net"),
            ]
        )
        self.setAccessibleName(tr("InvoiceDialogs", "Lines"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def set_document(self, document: Document | None) -> None:
        lines = document.lines if document is not None else ()
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            text = line.description + (f"\n{line.detail}" if line.detail else "")
            quantity = format(line.quantity.normalize(), "f").replace(".", ",")
            cells = [
                text,
                quantity,
                money(line.unit_price),
                percent(line.vat_rate),
                money(line.net),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(RIGHT)
                self.setItem(row, column, item)
        self.resizeRowsToContents()


def totals_html(document: Document) -> str:
    """Net, VAT per rate and the total, as a small right-aligned table."""
    rows = [(tr("InvoiceDialogs", "Total excl. VAT"), money(document.net_total))]
    for vat in document.vat:
        rows.append(
            (
                tr("InvoiceDialogs", "VAT %1 on %2")
                .replace("%1", percent(vat.rate))
                .replace("%2", money(vat.base)),
                money(vat.amount),
            )
        )
    rows.append((tr("InvoiceDialogs", "Total incl. VAT"), money(document.gross_total)))
    body = "".join(
        f"<tr><td align='right'>{html.escape(a)}</td>"
        f"<td align='right' style='padding-left:16px'>{'<b>' if n == len(rows) - 1 else ''}"
        f"{html.escape(b)}</td></tr>"
        for n, (a, b) in enumerate(rows)
    )
    return f"<table align='right'>{body}</table>"


class DraftView(QWidget):
    """What issuing would produce now: the rate applied, the lines and the totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.lines = LinesTable()
        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.lines, 1)
        column.addWidget(self.totals)

    def set_document(self, document: Document | None) -> None:
        self.lines.set_document(document)
        if document is None:
            self.heading.clear()
            self.totals.clear()
            return
        parts = [
            f"<b>{html.escape(document.buyer.name)}</b>",
            html.escape(
                tr("InvoiceDialogs", "Booking %1").replace("%1", document.booking_reference)
            ),
        ]
        if document.period_start and document.period_end:
            parts.append(
                html.escape(
                    tr("InvoiceDialogs", "use from %1 to %2")
                    .replace("%1", format_date(document.period_start))
                    .replace("%2", format_date(document.period_end))
                )
            )
        text = " — ".join(parts)
        references = []
        if document.buyer_reference:
            references.append(
                tr("InvoiceDialogs", "Buyer's reference: %1").replace(
                    "%1", document.buyer_reference
                )
            )
        if document.order_reference:
            references.append(
                tr("InvoiceDialogs", "Order / commitment number: %1").replace(
                    "%1", document.order_reference
                )
            )
        if references:
            text += "<br>" + html.escape(" — ".join(references))
        if document.rate_label:
            text += f"<br>{html.escape(document.rate_label)}"
        if document.due_date:
            text += "<br>" + html.escape(
                tr("InvoiceDialogs", "Due on %1").replace("%1", format_date(document.due_date))
            )
        if document.deposit_note:
            text += f"<br><i>{html.escape(document.deposit_note)}</i>"
        self.heading.setText(text)
        self.totals.setText(totals_html(document))


class DraftDialog(QDialog):
    """The draft invoice of a booking, to check before issuing it (accept issues). With
    ``damage`` (the booking has damage or loss charges not invoiced yet), a check box
    "Only the damage and loss charges" asks for an invoice of those alone; whoever opened
    the dialog shows the matching draft (``set_document``)."""

    def __init__(
        self, document: Document, parent: QWidget | None = None, *, damage: bool = False
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(
            tr("InvoiceDialogs", "Invoice booking %1").replace("%1", document.booking_reference)
        )
        self.resize(760, 480)
        self.view = DraftView()
        self.damage_only = QCheckBox(tr("InvoiceDialogs", "&Only the damage and loss charges"))
        self.damage_only.setToolTip(
            tr(
                "InvoiceDialogs",
                "An invoice of the damage and loss charges alone; the rest stays for the next "
                "invoice. Charges outside the scope of VAT must be invoiced this way.",
            )
        )
        self.damage_only.setVisible(damage)
        self.scope_note = QLabel()
        self.scope_note.setWordWrap(True)
        style.set_role(self.scope_note, "warning")
        self.buyer_note = QLabel()  # a public buyer's missing references (not a refusal)
        self.buyer_note.setWordWrap(True)
        style.set_role(self.buyer_note, "warning")
        note = QLabel(
            tr(
                "InvoiceDialogs",
                "Issuing gives the invoice its number and freezes it: afterwards it can only "
                "be corrected by a credit note.",
            )
        )
        note.setWordWrap(True)
        style.set_role(note, "muted")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setIcon(icons.icon("cancel"))
        self.issue_button = self.buttons.addButton(
            tr("InvoiceDialogs", "&Issue the invoice"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setIcon(icons.icon("issue"))
        self.issue_button.setProperty("primary", True)
        self.issue_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.view, 1)
        column.addWidget(self.damage_only)
        column.addWidget(self.scope_note)
        column.addWidget(self.buyer_note)
        column.addWidget(note)
        column.addWidget(self.buttons)
        self.set_document(document)

    def set_document(self, document: Document) -> None:
        self.document = document
        self.view.set_document(document)
        outside = {ln.vat_category is VatCategory.OUT_OF_SCOPE for ln in document.lines}
        mixed = len(outside) > 1
        self.scope_note.setVisible(mixed)
        self.scope_note.setText(
            tr(
                "InvoiceDialogs",
                "Damage and loss charges outside the scope of VAT cannot share an invoice with "
                'taxed lines: tick "Only the damage and loss charges" to invoice them first.',
            )
            if mixed
            else ""
        )
        self.issue_button.setEnabled(not mixed)
        warnings = [i18n.label(text) for text in parties.public_buyer_warnings(document)]
        self.buyer_note.setText("\n".join(warnings))
        self.buyer_note.setVisible(bool(warnings))


class PdfDialog(QDialog):
    """A PDF (a quote, an issued invoice, a credit note) with Print… (Ctrl+P), Save as
    PDF… (Ctrl+S) and Close (Esc). Sized to the screen (at most 760×900, less on a laptop)
    with the page fitted to the width and scrolled, the buttons always visible; where it
    was left and its size are remembered."""

    GEOMETRY_KEY = "pdf-dialog"

    def __init__(self, title: str, pdf: bytes, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.name = pdf, name
        self.job: PrintJob | None = None
        self.setWindowTitle(title)
        self.setMinimumSize(420, 320)
        self.preview = PdfPreview()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.print_button = QPushButton(icons.icon("print"), tr("InvoiceDialogs", "&Print…"))
        self.print_button.setToolTip(tr("InvoiceDialogs", "Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_)
        self.save_button = QPushButton(icons.icon("pdf"), tr("InvoiceDialogs", "&Save as PDF…"))
        self.save_button.setToolTip(tr("InvoiceDialogs", "Save as PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(icons.icon("close"), tr("InvoiceDialogs", "Close"))
        self.close_button.setToolTip(tr("InvoiceDialogs", "Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        for keys, slot in (
            (QKeySequence.StandardKey.Print, self.print_),
            (QKeySequence.StandardKey.Save, self.save),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        column = QVBoxLayout(self)
        space = style.SPACE.s
        column.setContentsMargins(space, space, space, space)
        column.addWidget(self.preview, 1)
        column.addLayout(row)
        fit_to_screen(self, QSize(760, 900), self.GEOMETRY_KEY)
        self.preview.set_pdf(pdf)
        self.preview.scroll_area.setFocus()
        self.finished.connect(lambda *_: remember_geometry(self, self.GEOMETRY_KEY))

    def save(self) -> None:
        path = choose_pdf_path(self, self.name)
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        try:
            write_pdf(path, self.pdf)
        except DomainError as err:
            self.message.setText(i18n.message(err))
            return False
        self.message.setText(tr("InvoiceDialogs", "Saved to %1.").replace("%1", str(path)))
        return True

    def print_(self) -> None:
        self.job = print_pdf_document(self, self.pdf, self.name, self._printed)

    def print_to(self, printer: QPrinter) -> int:
        """Print on ``printer`` at once (what the print dialog's OK leads to)."""
        pages = print_pdf(self.pdf, printer)
        self._printed(pages)
        return pages

    def _printed(self, pages: int) -> None:
        self.message.setText(tr("InvoiceDialogs", "%n page(s) sent to the printer.", None, pages))


# --- payments -----------------------------------------------------------------


def method_label(value: str) -> str:
    return i18n.enum_label(PAYMENT_METHOD_LABELS, value)


class PaymentDialog(FormDialog):
    """Record a payment on an issued invoice (date, amount, method, reference). The
    refund dialog is the same entry with another ``record`` service."""

    changes = Change.INVOICES
    #: The service writing the entry (``payments.add_payment``; a refund: ``add_refund``).
    record = staticmethod(payments.add_payment)

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, number: str, balance: Decimal
    ) -> None:
        super().__init__(ops, parent)
        self.number = number
        self.setWindowTitle(tr("PaymentDialog", "Payment on %1").replace("%1", number))
        left = QLabel(money(balance))
        style.set_role(left, "heading")
        self.fields.add(tr("PaymentDialog", "Left to pay:"), (), left)
        self.entry_fields(balance, tr("PaymentDialog", "Record the &payment"))

    def entry_fields(self, amount: Decimal, save_text: str) -> None:
        """Date, amount (``amount`` to start with), method and reference; the Save button."""
        self.date = self.line(
            tr("PaymentDialog", "&Date:"), "date", edit_date(self.ops.ctx.clock.today())
        )
        self.date.setPlaceholderText(tr("PaymentDialog", "dd/mm/yyyy"))
        self.amount = self.line(
            tr("PaymentDialog", "&Amount (€):"), "amount", edit_amount(to_cents(amount))
        )
        self.method = QComboBox()
        for method in payments.METHODS:
            self.method.addItem(method_label(method.value), method.value)
        self.fields.add(tr("PaymentDialog", "&Method:"), "method", self.method)
        self.reference = self.line(tr("PaymentDialog", "&Reference:"), "reference")
        self.reference.setPlaceholderText(tr("PaymentDialog", "Cheque number, transfer label…"))
        self.finish()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(save_text)
        save.setIcon(icons.icon("payment"))

    def action(self) -> Action:
        date, amount = self.date.text(), self.amount.text()
        method, reference = self.method.currentData(), self.reference.text()
        user, clock, number, record = self.ops.user, self.ops.ctx.clock, self.number, self.record
        if not date.strip():
            raise ValidationError("date", "The {field} cannot be empty.", field="date")
        return lambda uow: (
            record(
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
