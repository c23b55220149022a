"""The invoices screen's right-hand side: a header naming the selected document (its
number as the title, its status as a chip) with the balance due as the largest figure,
then its stored PDF, or a draft's lines and totals with "Issue this invoice…"; and the
payments box under the list (the selected invoice's payments, Reverse…)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.money import to_cents
from app.gui.invoicing.invoice_dialogs import DraftView
from app.gui.invoicing.invoices_models import (
    PaymentsModel,
    chip_status,
    kind_label,
    status_label,
)
from app.gui.shell import icons, style
from app.gui.shell.chips import StatusChip
from app.gui.shell.empty import EmptyState
from app.gui.shell.pdf_preview import PdfPreview
from app.gui.shell.widgets import format_amount, format_date
from invoicing.balance import InvoiceStatus
from invoicing.document import Document, Kind
from invoicing.invoice_queries import DocumentRow, Selected

tr = QCoreApplication.translate


def table(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only, one-row-at-a-time table of the screen."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return view


def _label(role: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    style.set_role(label, role)
    return label


class DetailHeader(QWidget):
    """Number and status chip on the left; the balance due (display role) on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        right = Qt.AlignmentFlag.AlignRight
        self.title = _label("title")
        self.chip = StatusChip("invoice")
        self.subtitle = _label("muted")
        self.subtitle.setWordWrap(True)
        self.figure = _label("display", right)
        self.caption = _label("muted", right)
        top = QHBoxLayout()
        top.setSpacing(style.SPACE.m)
        top.addWidget(self.title)
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(style.SPACE.xs)
        left.addLayout(top)
        left.addWidget(self.subtitle)
        figures = QVBoxLayout()
        figures.setSpacing(0)
        figures.addWidget(self.figure)
        figures.addWidget(self.caption)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, style.SPACE.s)
        row.addLayout(left, 1)
        row.addLayout(figures)

    def show_text(self, title: str, status: str, chip: str, subtitle: str) -> None:
        self.title.setText(title)
        self.chip.set_status(chip_status(status), chip)
        self.subtitle.setText(subtitle)

    def show_figure(self, amount: int | None, caption: str, name: str) -> None:
        self.figure.setText(format_amount(amount) if amount is not None else "—")
        self.caption.setText(caption)
        self.figure.setAccessibleName(f"{caption}: {self.figure.text()}" if caption else name)

    def clear(self) -> None:
        self.show_text("", "", "", "")
        self.show_figure(None, "", "")
        self.figure.clear()


def invoice_subtitle(row: DocumentRow | None, found: Selected) -> str:
    customer = row.customer if row is not None else found.document.buyer.name
    parts = [customer]
    if found.kind == Kind.CREDIT_NOTE.value:
        parts.append(
            tr("InvoicesScreen", "Credit note on %1").replace("%1", found.document.cited_number)
        )
    elif found.due_date is not None:
        parts.append(tr("InvoicesScreen", "due on %1").replace("%1", format_date(found.due_date)))
        if found.status == InvoiceStatus.OVERDUE.value:
            parts.append(tr("InvoicesScreen", "overdue by %n day(s)", None, found.days_overdue))
    return " · ".join(p for p in parts if p)


class DetailPanel(QWidget):
    """The header over a stack: nothing selected / the stored PDF / a draft."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = DetailHeader()
        self.preview = PdfPreview()
        self.draft_view = DraftView()
        self.issue_button = QPushButton(
            icons.icon("issue"), tr("InvoicesScreen", "Issue this invoice…")
        )
        self.issue_button.setProperty("primary", True)
        draft_page = QWidget()
        draft_column = QVBoxLayout(draft_page)
        draft_column.setContentsMargins(0, 0, 0, 0)
        draft_column.addWidget(self.draft_view, 1)
        draft_column.addWidget(self.issue_button, 0, Qt.AlignmentFlag.AlignRight)
        self.empty = QLabel(tr("InvoicesScreen", "Select a document to see it here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        style.set_role(self.empty, "empty")
        self.stack = QStackedWidget()
        for page in (self.empty, self.preview, draft_page):
            self.stack.addWidget(page)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        column.addWidget(self.stack, 1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.preview.clear()
        self.header.clear()
        self.header.hide()
        self.stack.setCurrentWidget(self.empty)

    def show_document(self, row: DocumentRow | None, found: Selected) -> None:
        self.header.show()
        kind = found.kind == Kind.INVOICE.value
        self.header.show_text(
            found.number,
            found.status,
            status_label(found.status) if kind else kind_label(found.kind),
            invoice_subtitle(row, found),
        )
        if kind:
            self.header.show_figure(
                found.balance_cents,
                tr("InvoicesScreen", "left to pay of %1").replace(
                    "%1", format_amount(found.gross_cents)
                ),
                tr("InvoicesScreen", "Balance due"),
            )
        else:
            self.header.show_figure(
                -found.gross_cents,
                tr("InvoicesScreen", "credited incl. VAT"),
                tr("InvoicesScreen", "Credited"),
            )
        self.stack.setCurrentWidget(self.preview)
        self.preview.set_pdf(found.pdf)

    def show_draft(self, row: DocumentRow, document: Document | None, problem: str = "") -> None:
        self.header.show()
        self.header.show_text(
            row.booking,
            InvoiceStatus.DRAFT.value,
            status_label(InvoiceStatus.DRAFT.value),
            row.customer,
        )
        amount = row.gross_cents if document is None else to_cents(document.gross_total)
        self.header.show_figure(
            amount, tr("InvoicesScreen", "to invoice incl. VAT"), tr("InvoicesScreen", "To invoice")
        )
        self.draft_view.set_document(document)
        if problem:
            self.draft_view.heading.setText(problem)
        self.stack.setCurrentIndex(2)


class PaymentsBox(QGroupBox):
    """The selected invoice's payments; "Reverse the selected payment…"."""

    def __init__(self, model: PaymentsModel, parent: QWidget | None = None) -> None:
        super().__init__(tr("InvoicesScreen", "Payments"), parent)
        self.has_invoice = self.is_credit_note = False
        self.view = table(model, tr("InvoicesScreen", "Payments"))
        for column, width in enumerate((85, 95, 120, 120)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 7)
        self.empty = EmptyState(self.view, self._empty_text, compact=True)  # a short table
        self.reverse_button = QPushButton(
            icons.icon("undo"), tr("InvoicesScreen", "Reverse the selected payment…")
        )
        self.summary = QLabel()
        box = QVBoxLayout(self)
        box.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.reverse_button)
        box.addLayout(row)

    def _empty_text(self) -> str:
        if self.is_credit_note:
            return tr("InvoicesScreen", "A credit note has no payments of its own.")
        if not self.has_invoice:
            return tr("InvoicesScreen", "Select an invoice to see its payments.")
        return tr("InvoicesScreen", "No payment yet. Record one with Ctrl+R.")
