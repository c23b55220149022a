"""What the invoices screen reads, without Qt: every issued invoice and credit note with
what was paid and what is left (``invoicing.balance``), the bookings with something not
invoiced yet (drafts), the filters of the list, and the selected document with its stored
PDF and its payments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound
from app.core.money import to_cents
from booking.models import Booking, Customer
from invoicing import charges, invoices, issuing, pricing, vat_rules
from invoicing.balance import InvoiceBalance, InvoiceStatus, invoice_balances
from invoicing.document import Document, Kind
from invoicing.models import DocumentFile, IssuedDocument, Payment

#: The status of a credit note in the list, and the filter of unpaid invoices.
CREDIT = "credit_note"
UNPAID = "unpaid"


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
    #: A draft that cannot be computed: why (the screen words it).
    problem: DomainError | None = field(default=None, compare=False)


def _invoice_row(doc_id: int, figures: InvoiceBalance, booking: str, today: dt.date) -> DocumentRow:
    return DocumentRow(
        f"doc:{doc_id}",
        Kind.INVOICE.value,
        figures.number,
        booking,
        figures.issue_date,
        figures.due_date,
        figures.customer_id,
        figures.buyer_name,
        figures.gross_cents,
        figures.paid_cents,
        figures.balance_cents,
        figures.status(today).value,
    )


def document_rows(uow: UnitOfWork, today: dt.date) -> list[DocumentRow]:
    """Every issued document, newest first, with what was paid and what is left."""
    figures = {b.id: b for b in invoice_balances(uow, as_of=today)}
    query = (
        sa_select(
            col(IssuedDocument.id),
            col(IssuedDocument.kind),
            col(IssuedDocument.number),
            col(IssuedDocument.issue_date),
            col(IssuedDocument.customer_id),
            col(IssuedDocument.buyer_name),
            col(IssuedDocument.gross_cents),
            col(IssuedDocument.cites_id),
            col(Booking.reference),
        )
        .join(Booking, col(Booking.id) == col(IssuedDocument.booking_id), isouter=True)
        .order_by(col(IssuedDocument.issue_date).desc(), col(IssuedDocument.id).desc())
    )
    found = uow.session.execute(query).all()
    numbers = {row[0]: row[2] for row in found}
    rows = []
    for doc_id, kind, number, issued, customer_id, buyer, gross, cites, ref in found:
        if kind == Kind.INVOICE.value:
            rows.append(_invoice_row(doc_id, figures[doc_id], ref or "", today))
            continue
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
    return rows


def draft_rows(uow: UnitOfWork, clock: Clock) -> list[DocumentRow]:
    """Confirmed, out and returned bookings with something not invoiced yet."""
    query = (
        select(Booking, col(Customer.name))
        .join(Customer, col(Customer.id) == col(Booking.customer_id))
        .where(col(Booking.status).in_([s.value for s in invoices.INVOICEABLE]))
        .order_by(col(Booking.start))
    )
    rows = []
    for booking, name in uow.session.exec(query).all():
        problem: DomainError | None = None
        gross: int | None = None
        try:
            covered, _choice = charges.uninvoiced(uow, booking, clock)
        except DomainError as err:
            problem = err
        else:
            if not covered:
                continue
            customer = charges.customer_of(uow, booking)
            lines = vat_rules.apply(uow, customer, [c.line for c in covered])
            gross = to_cents(pricing.totals(lines).gross)
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
                problem=problem,
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

    @property
    def narrowed(self) -> bool:
        """Anything else than "every document"."""
        return self != Filters()


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
    """The selected issued document: its stored bytes, its frozen content, its payments,
    and (an invoice) its balance, status and age on ``today``."""

    document_id: int
    kind: str
    number: str
    pdf: bytes
    document: Document
    payments: list[PaymentRow]
    balance_cents: int
    creditable_cents: int
    gross_cents: int = 0
    status: str = CREDIT
    due_date: dt.date | None = None
    days_overdue: int = 0


def payment_rows(uow: UnitOfWork, document_id: int) -> list[PaymentRow]:
    query = select(Payment).where(Payment.document_id == document_id).order_by(col(Payment.id))
    found = list(uow.session.exec(query))
    reversed_ids = {p.reverses for p in found if p.reverses is not None}
    return [
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


def read_document(uow: UnitOfWork, document_id: int, today: dt.date) -> Selected:
    row = uow.session.get(IssuedDocument, document_id)
    files = uow.session.get(DocumentFile, document_id)
    if row is None or files is None:
        raise NotFound("No issued invoice has the number {number}.", number=str(document_id))
    selected = Selected(
        document_id,
        row.kind,
        row.number,
        bytes(files.pdf),
        issuing.frozen_document(row),
        payment_rows(uow, document_id),
        0,
        0,
        row.gross_cents,
    )
    if row.kind != Kind.INVOICE.value:
        return selected
    (figures,) = invoice_balances(uow, as_of=today, invoice_ids=[document_id])
    return replace(
        selected,
        balance_cents=figures.balance_cents,
        creditable_cents=figures.gross_cents - figures.credited_cents,
        status=figures.status(today).value,
        due_date=figures.due_date,
        days_overdue=figures.days_overdue(today),
    )
