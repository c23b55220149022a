"""The invoices screen: issued invoices and credit notes (number, date, customer, total,
paid, balance, status issued / paid / overdue in colour), filtered by status, customer and
dates and searched as you type; the selected document's stored PDF in a preview, Print…,
Save as PDF… (the exact stored bytes), Record payment…, Credit note…, its payments with
reversal. "To invoice" lists the bookings with something not invoiced yet: the draft's
lines and totals, then Issue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func
from sqlmodel import select

from app import i18n
from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound
from app.core.money import from_cents, to_cents
from app.gui.invoicing.invoice_dialogs import (
    CreditNoteDialog,
    DraftView,
    PaymentDialog,
    choose_pdf_path,
    method_label,
    print_pdf_document,
    renderer,
    write_pdf,
)
from app.gui.shell.list_filters import FilteredList
from app.gui.shell.operations import Operations
from app.gui.shell.pdf_preview import PdfPreview
from app.gui.shell.printing import print_pdf
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import format_amount, format_date, qdate
from booking.models import Booking, Customer
from invoicing import charges, invoices, issuing, payments, pricing
from invoicing.credit_notes import credited_total_cents
from invoicing.document import Document, Kind
from invoicing.models import DocumentFile, IssuedDocument, Payment
from invoicing.payments import INVOICE_STATUS_LABELS, InvoiceStatus
from invoicing.validation import check_xml

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CREDIT = "credit_note"
UNPAID = "unpaid"
STATUS_COLOURS = {
    InvoiceStatus.DRAFT.value: "#6d4c41",
    InvoiceStatus.ISSUED.value: "#1565c0",
    InvoiceStatus.PAID.value: "#2e7d32",
    InvoiceStatus.OVERDUE.value: "#b3261e",
    CREDIT: "#6a1b9a",
}


# --- reads -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    """One line of the list: an issued invoice or credit note, or a booking's draft."""

    key: str  # "doc:<id>" or "draft:<booking reference>"
    kind: str  # invoice / credit_note / draft
    number: str
    booking: str
    issue_date: dt.date | None
    due_date: dt.date | None
    customer_id: int
    customer: str
    gross_cents: int | None
    paid_cents: int | None
    balance_cents: int | None
    status: str  # draft / issued / paid / overdue / credit_note
    cites: str = ""
    note: str = ""  # a draft that cannot be computed: why


def document_rows(uow: UnitOfWork, today: dt.date) -> list[DocumentRow]:
    """Every issued document, newest first, with what was paid and what is left."""
    paid = dict(
        uow.session.exec(
            select(Payment.document_id, func.sum(Payment.amount_cents)).group_by(
                Payment.document_id
            )
        ).all()
    )
    credited = dict(
        uow.session.exec(
            select(IssuedDocument.cites_id, func.sum(IssuedDocument.gross_cents))
            .where(IssuedDocument.kind == Kind.CREDIT_NOTE.value)
            .group_by(IssuedDocument.cites_id)
        ).all()
    )
    query = (
        select(
            IssuedDocument.id,
            IssuedDocument.kind,
            IssuedDocument.number,
            IssuedDocument.issue_date,
            IssuedDocument.due_date,
            IssuedDocument.customer_id,
            IssuedDocument.buyer_name,
            IssuedDocument.gross_cents,
            IssuedDocument.cites_id,
            Booking.reference,
        )
        .join(Booking, Booking.id == IssuedDocument.booking_id, isouter=True)
        .order_by(IssuedDocument.issue_date.desc(), IssuedDocument.id.desc())  # type: ignore[attr-defined]
    )
    found = uow.session.exec(query).all()
    numbers = {row[0]: row[2] for row in found}
    rows = []
    for doc_id, kind, number, issued, due, customer_id, buyer, gross, cites, ref in found:
        if kind == Kind.CREDIT_NOTE.value:
            rows.append(
                DocumentRow(
                    f"doc:{doc_id}",
                    kind,
                    number,
                    ref or "",
                    issued,
                    None,
                    customer_id,
                    buyer,
                    gross,
                    None,
                    None,
                    CREDIT,
                    numbers.get(cites, ""),
                )
            )
            continue
        got = int(paid.get(doc_id, 0) or 0)
        balance = gross - int(credited.get(doc_id, 0) or 0) - got
        if balance <= 0:
            status = InvoiceStatus.PAID
        elif due < today:
            status = InvoiceStatus.OVERDUE
        else:
            status = InvoiceStatus.ISSUED
        rows.append(
            DocumentRow(
                f"doc:{doc_id}",
                kind,
                number,
                ref or "",
                issued,
                due,
                customer_id,
                buyer,
                gross,
                got,
                balance,
                status.value,
            )
        )
    return rows


def draft_rows(uow: UnitOfWork, clock: Clock) -> list[DocumentRow]:
    """Confirmed, out and returned bookings with something not invoiced yet."""
    query = (
        select(Booking, Customer.name)
        .join(Customer, Customer.id == Booking.customer_id)
        .where(Booking.status.in_([s.value for s in invoices.INVOICEABLE]))  # type: ignore[attr-defined]
        .order_by(Booking.start)
    )
    rows = []
    for booking, name in uow.session.exec(query).all():
        try:
            covered, _choice = charges.uninvoiced(uow, booking, clock)
        except DomainError as err:
            note = i18n.message(err)
            gross = None
        else:
            if not covered:
                continue
            note = ""
            gross = to_cents(pricing.totals([c.line for c in covered]).gross)
        rows.append(
            DocumentRow(
                f"draft:{booking.reference}",
                InvoiceStatus.DRAFT.value,
                "",
                booking.reference,
                None,
                None,
                booking.customer_id,
                name,
                gross,
                None,
                None,
                InvoiceStatus.DRAFT.value,
                note=note,
            )
        )
    return rows


@dataclass(frozen=True)
class Filters:
    status: str = ""
    customer_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""


def matches(row: DocumentRow, filters: Filters) -> bool:
    if filters.status == UNPAID and row.status not in (
        InvoiceStatus.ISSUED.value,
        InvoiceStatus.OVERDUE.value,
    ):
        return False
    if filters.status not in ("", UNPAID) and row.status != filters.status:
        return False
    if filters.customer_id is not None and row.customer_id != filters.customer_id:
        return False
    if row.issue_date is not None:
        if filters.start is not None and row.issue_date < filters.start:
            return False
        if filters.end is not None and row.issue_date > filters.end:
            return False
    words = filters.text.casefold().split()
    haystack = " ".join((row.number, row.booking, row.customer, row.cites)).casefold()
    return all(word in haystack for word in words)


def list_rows(uow: UnitOfWork, filters: Filters, clock: Clock) -> list[DocumentRow]:
    if filters.status == InvoiceStatus.DRAFT.value:
        rows = draft_rows(uow, clock)
    else:
        rows = document_rows(uow, clock.today())
    return [r for r in rows if matches(r, filters)]


@dataclass(frozen=True)
class PaymentRow:
    id: int
    date: dt.date
    amount_cents: int
    method: str
    reference: str
    reverses: int | None
    reversed: bool
    recorded_by: str


@dataclass(frozen=True)
class Selected:
    """The selected issued document: its stored bytes, its frozen content, its payments."""

    document_id: int
    kind: str
    number: str
    pdf: bytes
    document: Document
    payments: list[PaymentRow]
    balance_cents: int
    creditable_cents: int


def read_document(uow: UnitOfWork, document_id: int) -> Selected:
    row = uow.session.get(IssuedDocument, document_id)
    files = uow.session.get(DocumentFile, document_id)
    if row is None or files is None:
        raise NotFound("No issued invoice has the number {number}.", number=str(document_id))
    found = list(
        uow.session.exec(
            select(Payment).where(Payment.document_id == document_id).order_by(Payment.id)
        )  # type: ignore[arg-type]
    )
    reversed_ids = {p.reverses for p in found if p.reverses is not None}
    rows = [
        PaymentRow(
            p.id or 0,
            p.date,
            p.amount_cents,
            p.method,
            p.reference,
            p.reverses,
            p.id in reversed_ids,
            p.recorded_by,
        )
        for p in found
    ]
    balance = creditable = 0
    if row.kind == Kind.INVOICE.value:
        balance = to_cents(payments.balance_of(uow, row, dt.date.min).balance)
        creditable = row.gross_cents - credited_total_cents(uow, document_id)
    return Selected(
        document_id,
        row.kind,
        row.number,
        bytes(files.pdf),
        issuing.frozen_document(row),
        rows,
        balance,
        creditable,
    )


# --- models ----------------------------------------------------------------------------------


def status_label(status: str) -> str:
    if status == CREDIT:
        return tr("InvoicesScreen", "Credit note")
    for value, text in INVOICE_STATUS_LABELS.items():
        if value.value == status:
            return i18n.label(text)
    return status


def kind_label(kind: str) -> str:
    if kind == Kind.INVOICE.value:
        return tr("InvoicesScreen", "Invoice")
    if kind == Kind.CREDIT_NOTE.value:
        return tr("InvoicesScreen", "Credit note")
    return tr("InvoicesScreen", "Draft")


class DocumentsModel(QAbstractTableModel):
    HEADERS = (
        "Number",
        "Kind",
        "Date",
        "Customer",
        "Total incl. VAT",
        "Paid",
        "Balance",
        "Status",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentRow] = []

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                tr("InvoicesScreen", "Number"),
                tr("InvoicesScreen", "Kind"),
                tr("InvoicesScreen", "Date"),
                tr("InvoicesScreen", "Customer"),
                tr("InvoicesScreen", "Total incl. VAT"),
                tr("InvoicesScreen", "Paid"),
                tr("InvoicesScreen", "Balance"),
                tr("InvoicesScreen", "Status"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.TextAlignmentRole and 4 <= column <= 6:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 7:
            return QBrush(QColor(STATUS_COLOURS.get(row.status, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.note or None
        return None

    def _text(self, row: DocumentRow, column: int) -> str:
        if column == 0:
            return row.number or row.booking
        if column == 1:
            text = kind_label(row.kind)
            return f"{text} ({row.cites})" if row.cites else text
        if column == 2:
            return format_date(row.issue_date)
        if column == 3:
            return row.customer
        if column == 4:
            if row.gross_cents is None:
                return "—"
            sign = -1 if row.kind == Kind.CREDIT_NOTE.value else 1
            return format_amount(sign * row.gross_cents)
        if column == 5:
            return format_amount(row.paid_cents)
        if column == 6:
            return format_amount(row.balance_cents)
        text = status_label(row.status)
        return f"{text} — {row.note}" if row.note else text

    def key_row(self, key: str) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r.key == key), None)


class PaymentsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PaymentRow] = []

    def set_rows(self, rows: list[PaymentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                tr("InvoicesScreen", "Date"),
                tr("InvoicesScreen", "Amount"),
                tr("InvoicesScreen", "Method"),
                tr("InvoicesScreen", "Reference"),
                tr("InvoicesScreen", "Note"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(row.date)
            if column == 1:
                return format_amount(row.amount_cents)
            if column == 2:
                return method_label(row.method)
            if column == 3:
                return row.reference
            if row.reverses is not None:
                return tr("InvoicesScreen", "Reversal of payment %1").replace(
                    "%1", str(row.reverses)
                )
            return tr("InvoicesScreen", "Reversed") if row.reversed else ""
        if role == KEY_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and (row.reversed or row.reverses):
            return QBrush(QColor("#757575"))
        return None


# --- the screen ------------------------------------------------------------------------------


def _table(model: QAbstractTableModel, name: str) -> QTableView:
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
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return view


class InvoicesScreen(FilteredList, QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: Any = None  # the dialog an action opened (tests read it)
        self.print_job: Any = None  # the last print started (tests wait on it)
        self.selected: Selected | None = None
        self.draft: Document | None = None
        self._generation = 0
        self._want: str | None = None
        self.model = DocumentsModel(self)
        self.payments_model = PaymentsModel(self)
        self._build()
        ops.changed.connect(self._on_changed)
        self._load_customers()
        self.search()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            tr("InvoicesScreen", "Search number, customer, booking… (Ctrl+F)")
        )
        self.search_box.textChanged.connect(self.search)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(tr("InvoicesScreen", "Status"))
        for text, value in (
            (tr("InvoicesScreen", "All documents"), ""),
            (tr("InvoicesScreen", "To invoice (drafts)"), InvoiceStatus.DRAFT.value),
            (tr("InvoicesScreen", "Unpaid (issued or overdue)"), UNPAID),
            (status_label(InvoiceStatus.ISSUED.value), InvoiceStatus.ISSUED.value),
            (status_label(InvoiceStatus.OVERDUE.value), InvoiceStatus.OVERDUE.value),
            (status_label(InvoiceStatus.PAID.value), InvoiceStatus.PAID.value),
            (tr("InvoicesScreen", "Credit notes"), CREDIT),
        ):
            self.status_filter.addItem(text, value)
        self.customer_filter = QComboBox()
        self.customer_filter.setAccessibleName(tr("InvoicesScreen", "Customer"))
        self.customer_filter.addItem(tr("InvoicesScreen", "All customers"), None)
        self.customer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.customer_filter.setMinimumContentsLength(16)
        self.dates_filter = QCheckBox(tr("InvoicesScreen", "&Between"))
        today = self.ops.ctx.clock.today()
        self.date_from = QDateEdit(qdate(today.replace(month=1, day=1)))
        self.date_to = QDateEdit(qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setEnabled(False)
            edit.dateChanged.connect(self.search)
        self.date_from.setAccessibleName(tr("InvoicesScreen", "From"))
        self.date_to.setAccessibleName(tr("InvoicesScreen", "To"))
        self.dates_filter.toggled.connect(self._dates_toggled)
        self.status_filter.currentIndexChanged.connect(self.search)
        self.customer_filter.currentIndexChanged.connect(self.search)

        self.view = _table(self.model, tr("InvoicesScreen", "Invoices and credit notes"))
        for column, width in enumerate((108, 64, 80, 160, 88, 80, 80, 66)):
            self.view.setColumnWidth(column, width)
        self.model.modelReset.connect(self._stretch_customer)
        self._stretch_customer()
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.payments_view = _table(self.payments_model, tr("InvoicesScreen", "Payments"))
        for column, width in enumerate((85, 95, 120, 120)):
            self.payments_view.setColumnWidth(column, width)
        self.payments_view.horizontalHeader().setStretchLastSection(True)
        self.payments_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions()
        )

        a = self._action
        self.find_action = a(tr("InvoicesScreen", "&Find"), "Ctrl+F", self.focus_search)
        self.issue_action = a(tr("InvoicesScreen", "&Issue invoice…"), "Ctrl+I", self.issue)
        self.print_action = a(tr("InvoicesScreen", "&Print…"), "Ctrl+P", self.print_selected)
        self.save_action = a(tr("InvoicesScreen", "&Save as PDF…"), "Ctrl+S", self.save_selected)
        self.payment_action = a(
            tr("InvoicesScreen", "Record pa&yment…"), "Ctrl+R", self.record_payment
        )
        self.credit_action = a(
            tr("InvoicesScreen", "&Credit note…"), "Ctrl+Shift+C", self.credit_note
        )
        self.reverse_action = a(
            tr("InvoicesScreen", "Re&verse payment…"), "Ctrl+Shift+R", self.reverse_payment
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
            self.credit_action,
        ):
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.issue_action,
            None,
            self.print_action,
            self.save_action,
            None,
            self.payment_action,
            self.credit_action,
        ):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)

        self.reverse_button = QPushButton(tr("InvoicesScreen", "Reverse the selected payment…"))
        self.reverse_button.clicked.connect(self.reverse_payment)
        self.payment_summary = QLabel()
        payments_box = QGroupBox(tr("InvoicesScreen", "Payments"))
        box = QVBoxLayout(payments_box)
        box.addWidget(self.payments_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.payment_summary, 1)
        row.addWidget(self.reverse_button)
        box.addLayout(row)

        self.preview = PdfPreview()
        self.draft_view = DraftView()
        self.issue_button = QPushButton(tr("InvoicesScreen", "Issue this invoice…"))
        self.issue_button.clicked.connect(self.issue)
        draft_page = QWidget()
        draft_column = QVBoxLayout(draft_page)
        draft_column.setContentsMargins(0, 0, 0, 0)
        draft_column.addWidget(self.draft_view, 1)
        draft_column.addWidget(self.issue_button, 0, Qt.AlignmentFlag.AlignRight)
        self.empty = QLabel(tr("InvoicesScreen", "Select a document to see it here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")
        self.detail = QStackedWidget()
        for page in (self.empty, self.preview, draft_page):
            self.detail.addWidget(page)

        self.count_label = QLabel()
        self.feedback = Feedback(self)
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.customer_filter)
        filters.addWidget(self.dates_filter)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.view, 4)
        left_column.addWidget(self.count_label)
        left_column.addWidget(payments_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([740, 390])
        self.splitter.setChildrenCollapsible(False)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.addWidget(self.toolbar)
        outer.addLayout(filters)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.feedback)
        self._update_actions()

    def _stretch_customer(self) -> None:
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _context_menu(self, pos: Any) -> None:
        actions = (
            self.issue_action,
            self.print_action,
            self.save_action,
            None,
            self.payment_action,
            self.credit_action,
        )
        self._popup(pos, actions)

    # --- search -------------------------------------------------------------------------

    def filters(self) -> Filters:
        start = end = None
        if self.dates_filter.isChecked():
            first: QDate = self.date_from.date()
            last: QDate = self.date_to.date()
            start = dt.date(first.year(), first.month(), first.day())
            end = dt.date(last.year(), last.month(), last.day())
        return Filters(
            self.status_filter.currentData() or "",
            self.customer_filter.currentData(),
            start,
            end,
            self.search_box.text(),
        )

    def search(self) -> None:
        self._generation += 1
        generation = self._generation
        filters, clock = self.filters(), self.ops.ctx.clock
        self.ops.read(
            lambda uow: list_rows(uow, filters, clock),
            lambda rows: self._show(generation, rows),
        )

    def _show(self, generation: int, rows: list[DocumentRow]) -> None:
        if generation != self._generation:
            return
        wanted = self._want if self._want is not None else self.selected_key()
        self._want = None
        self.model.set_rows(rows)
        total = sum(r.balance_cents or 0 for r in rows if r.balance_cents)
        text = tr("InvoicesScreen", "%Ln document(s)", None, len(rows))
        if total:
            text += " — " + tr("InvoicesScreen", "%1 left to pay").replace(
                "%1", format_amount(total)
            )
        self.count_label.setText(text)
        row = self.model.key_row(wanted) if wanted else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.view.selectRow(row)
        self._row_changed()

    def select_key(self, key: str) -> None:
        """Select a row by key ("doc:<id>"), looking at every document if needed."""
        row = self.model.key_row(key)
        if row is None:
            self._want = key
            self.status_filter.setCurrentIndex(0)
            self.search_box.clear()
            self.customer_filter.setCurrentIndex(0)
            self.dates_filter.setChecked(False)
            self.search()
            return
        self.view.selectRow(row)

    def selected_key(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def selected_row(self) -> DocumentRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def _on_changed(self, what: str) -> None:
        if what == "customers":
            self._load_customers()
        if what in ("invoices", "bookings", "customers", "catalogue", "pricing", "settings"):
            self.search()

    # --- the selected document ------------------------------------------------------------

    def _row_changed(self) -> None:
        row = self.selected_row()
        self.selected = None
        self.draft = None
        if row is None:
            self.preview.clear()
            self.payments_model.set_rows([])
            self.detail.setCurrentWidget(self.empty)
            self._update_actions()
            return
        key = row.key
        if key.startswith("draft:"):
            reference, clock = row.booking, self.ops.ctx.clock
            self.payments_model.set_rows([])
            self.ops.read(
                lambda uow: invoices.draft_invoice(uow, reference, clock),
                lambda doc: self._draft_arrived(key, doc),
                self._draft_failed,
            )
            return
        document_id = int(key.split(":", 1)[1])
        self.ops.read(
            lambda uow: read_document(uow, document_id),
            lambda found: self._document_arrived(key, found),
            self._failed,
        )

    def _draft_arrived(self, key: str, document: Document) -> None:
        if self.selected_key() != key:
            return
        self.draft = document
        self.draft_view.set_document(document)
        self.detail.setCurrentIndex(2)
        self._update_actions()

    def _draft_failed(self, err: DomainError) -> None:
        self.draft = None
        self.draft_view.set_document(None)
        self.draft_view.heading.setText(i18n.message(err))
        self.detail.setCurrentIndex(2)
        self._update_actions()

    def _document_arrived(self, key: str, found: Selected) -> None:
        if self.selected_key() != key:
            return
        self.selected = found
        self.detail.setCurrentWidget(self.preview)
        self.preview.set_pdf(found.pdf)
        self.payments_model.set_rows(found.payments)
        if found.kind == Kind.INVOICE.value:
            self.payment_summary.setText(
                tr("InvoicesScreen", "%1 left to pay").replace(
                    "%1", format_amount(found.balance_cents)
                )
            )
        else:
            self.payment_summary.setText(
                tr("InvoicesScreen", "Credit note on %1").replace("%1", found.document.cited_number)
            )
        self._update_actions()

    def selected_payment(self) -> PaymentRow | None:
        index = self.payments_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.payments_model.rows):
            return None
        return self.payments_model.rows[index.row()]

    def _update_actions(self) -> None:
        doc = self.selected
        is_invoice = doc is not None and doc.kind == Kind.INVOICE.value
        self.print_action.setEnabled(doc is not None)
        self.save_action.setEnabled(doc is not None)
        self.payment_action.setEnabled(is_invoice and doc.balance_cents > 0)  # type: ignore[union-attr]
        self.credit_action.setEnabled(is_invoice and doc.creditable_cents > 0)  # type: ignore[union-attr]
        self.issue_action.setEnabled(self.draft is not None)
        self.issue_button.setEnabled(self.draft is not None)
        payment = self.selected_payment()
        can_reverse = payment is not None and payment.reverses is None and not payment.reversed
        self.reverse_action.setEnabled(can_reverse)
        self.reverse_button.setEnabled(can_reverse)
        if doc is None:
            self.payment_summary.setText("")

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def issue(self) -> None:
        """Issue the selected draft (after a confirmation showing its total)."""
        row, draft = self.selected_row(), self.draft
        if row is None or draft is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("InvoicesScreen", "Issue invoice"),
            tr("InvoicesScreen", "Issue the invoice of booking %1 for %2 (incl. VAT)?")
            .replace("%1", row.booking)
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
        reference = row.booking
        self._on_yes(box, lambda: self.issue_booking(reference))
        self._open(box)

    def issue_booking(self, reference: str) -> None:
        user, clock, render_with = self.ops.user, self.ops.ctx.clock, renderer()

        def action(uow: UnitOfWork) -> tuple[int, str]:
            row = invoices.issue_invoice(
                uow,
                user=user,
                reference=reference,
                clock=clock,
                renderer=render_with,
                check=check_xml,
            )
            return row.id or 0, row.number

        def done(found: tuple[int, str]) -> None:
            doc_id, number = found
            self.feedback.ok(tr("InvoicesScreen", "Invoice %1 issued.").replace("%1", number))
            self.show_document(doc_id)

        self.ops.write(action, done, self._failed, changes="invoices")

    def show_document(self, document_id: int) -> None:
        """Show an issued document (from every document, whatever the filters)."""
        key = f"doc:{document_id}"
        self._want = key
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.status_filter.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.customer_filter.blockSignals(True)
        self.customer_filter.setCurrentIndex(0)
        self.customer_filter.blockSignals(False)
        self.dates_filter.blockSignals(True)
        self.dates_filter.setChecked(False)
        self.dates_filter.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.search()

    def print_selected(self) -> None:
        """The system print dialog, then the selected document printed in the background."""
        if self.selected is not None:
            self.print_job = print_pdf_document(
                self, self.selected.pdf, self.selected.number, self._printed
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

    def record_payment(self) -> PaymentDialog | None:
        doc = self.selected
        if doc is None or doc.kind != Kind.INVOICE.value:
            return None
        dialog = PaymentDialog(
            self.ops, self, number=doc.number, balance=from_cents(doc.balance_cents)
        )
        number = doc.number
        dialog.accepted.connect(
            lambda: self.feedback.ok(
                tr("InvoicesScreen", "Payment recorded on %1.").replace("%1", number)
            )
        )
        return self._open(dialog)

    def credit_note(self) -> CreditNoteDialog | None:
        doc = self.selected
        if doc is None or doc.kind != Kind.INVOICE.value:
            return None
        dialog = CreditNoteDialog(self.ops, self, number=doc.number, document=doc.document)

        dialog.accepted.connect(self._credit_note_issued)
        return self._open(dialog)

    def _credit_note_issued(self) -> None:
        number = getattr(self.dialog, "result_value", "") or ""
        self.feedback.ok(tr("InvoicesScreen", "Credit note %1 issued.").replace("%1", number))

    def reverse_payment(self) -> None:
        payment = self.selected_payment()
        if payment is None or payment.reverses is not None or payment.reversed:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("InvoicesScreen", "Reverse payment"),
            tr(
                "InvoicesScreen",
                "Reverse the payment of %1 of %2? A reversing entry is added; the payment "
                "itself stays on record.",
            )
            .replace("%1", format_amount(payment.amount_cents))
            .replace("%2", format_date(payment.date)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        payment_id = payment.id
        self._on_yes(box, lambda: self.reverse(payment_id))
        self._open(box)

    @staticmethod
    def _on_yes(box: QMessageBox, slot: Any) -> None:
        box.buttonClicked.connect(
            lambda button: (
                slot() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None
            )
        )

    def reverse(self, payment_id: int) -> None:
        user, clock = self.ops.user, self.ops.ctx.clock
        self.ops.write(
            lambda uow: (
                payments.reverse_payment(uow, user=user, payment_id=payment_id, clock=clock).id
            ),
            lambda _: self.feedback.ok(tr("InvoicesScreen", "Payment reversed.")),
            self._failed,
            changes="invoices",
        )
