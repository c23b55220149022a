"""What the invoices screen reads, without Qt: every issued invoice and credit note with
what was paid and what is left (``invoicing.balance``), the bookings with something not
invoiced yet (drafts), the filters of the list, and the selected document with its stored
PDF and its payments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound
from app.core.money import to_cents
from booking.models import Booking, Customer
from booking.queries import table_of
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
        row = draft_row(uow, booking, name, clock)
        if row is not None:
            rows.append(row)
    return rows


def draft_row(uow: UnitOfWork, booking: Booking, name: str, clock: Clock) -> DocumentRow | None:
    """The draft of ``booking`` (None: nothing left to invoice); a draft that cannot be
    computed carries why."""
    problem: DomainError | None = None
    gross: int | None = None
    try:
        covered, _choice = charges.uninvoiced(uow, booking, clock)
    except DomainError as err:
        problem = err
    else:
        if not covered:
            return None
        customer = charges.customer_of(uow, booking)
        lines = vat_rules.apply(uow, customer, [c.line for c in covered])
        gross = to_cents(pricing.totals(lines).gross)
    draft = InvoiceStatus.DRAFT.value
    return DocumentRow(
        f"draft:{booking.reference}",
        draft,
        "",
        booking.reference,
        None,
        None,
        booking.customer_id,
        name,
        gross,
        None,
        None,
        draft,
        problem=problem,
    )


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


# --- the issued documents, a page at a time (``regie invoices list``) -------------------


@dataclass(frozen=True)
class IssuedRow:
    """An issued invoice or credit note as ``regie invoices list`` shows it; an invoice's
    figures as of the day asked for (``invoicing.balance``), a credit note's the number of
    the invoice it cites."""

    id: int
    number: str
    kind: str
    issue_date: dt.date
    due_date: dt.date
    customer_number: str
    buyer_name: str
    gross_cents: int
    status: str
    credited_cents: int = 0
    paid_cents: int = 0
    balance_cents: int = 0
    cites: str = ""


_DOC = table_of(IssuedDocument).alias("doc")
_CITED = table_of(IssuedDocument).alias("cited")
_PEOPLE = table_of(Customer).alias("people")
_ISSUED = (
    sa_select(
        _DOC.c.id,
        _DOC.c.number,
        _DOC.c.kind,
        _DOC.c.issue_date,
        _DOC.c.due_date,
        _PEOPLE.c.number,
        _DOC.c.buyer_name,
        _DOC.c.gross_cents,
        _CITED.c.number,
    )
    .select_from(
        _DOC.outerjoin(_PEOPLE, _PEOPLE.c.id == _DOC.c.customer_id).outerjoin(
            _CITED, _CITED.c.id == _DOC.c.cites_id
        )
    )
    .order_by(_DOC.c.id)
)


def _issued_where(
    query: Any, customer_id: int | None, invoices_only: bool, document_id: int | None = None
) -> Any:
    if document_id is not None:
        query = query.where(_DOC.c.id == document_id)
    if customer_id is not None:
        query = query.where(_DOC.c.customer_id == customer_id)
    if invoices_only:
        query = query.where(_DOC.c.kind == Kind.INVOICE.value)
    return query


def _with_status(
    uow: UnitOfWork, today: dt.date, customer_id: int | None, status: str
) -> list[int]:
    """Ids (in order) of the invoices in ``status`` today: a status is the balance's
    (``invoicing.balance``, computed there and only there), so it is read for every
    invoice of the customer, in bulk, then kept or not."""
    return [
        figures.id
        for figures in invoice_balances(uow, as_of=today, customer_id=customer_id)
        if figures.status(today).value == status
    ]


def issued_page(
    uow: UnitOfWork,
    today: dt.date,
    *,
    customer_id: int | None = None,
    status: str = "",
    limit: int | None = None,
    offset: int = 0,
    document_id: int | None = None,
) -> list[IssuedRow]:
    """Issued documents (of ``customer_id``; invoices in ``status`` only, when given; the
    document ``document_id`` alone, when given) in number order, at most ``limit`` (None:
    all) after the first ``offset``: the page is cut by the database, and its invoices'
    figures read in one go."""
    query = _issued_where(_ISSUED, customer_id, bool(status), document_id)
    if status:
        wanted = _with_status(uow, today, customer_id, status)
        end = None if limit is None else offset + limit
        query = query.where(_DOC.c.id.in_(wanted[offset:end] or [-1]))
    else:
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
    found = uow.session.execute(query).all()
    invoice_ids = [row[0] for row in found if row[2] == Kind.INVOICE.value]
    figures = {
        f.id: f
        for start in range(0, len(invoice_ids), 1000)
        for f in invoice_balances(uow, as_of=today, invoice_ids=invoice_ids[start : start + 1000])
    }
    rows = []
    for doc_id, number, kind, issued, due, customer, buyer, gross, cites in found:
        row = IssuedRow(
            doc_id,
            number,
            kind,
            issued,
            due,
            customer or "",
            buyer,
            gross,
            InvoiceStatus.ISSUED.value,
        )
        if kind == Kind.INVOICE.value:
            f = figures[doc_id]
            row = replace(
                row,
                status=f.status(today).value,
                credited_cents=f.credited_cents,
                paid_cents=f.paid_cents,
                balance_cents=f.balance_cents,
            )
        else:
            row = replace(row, cites=cites or "")
        rows.append(row)
    return rows


def count_issued(
    uow: UnitOfWork, today: dt.date, *, customer_id: int | None = None, status: str = ""
) -> int:
    """How many documents ``issued_page`` lists with the same filters (all pages)."""
    if status:
        return len(_with_status(uow, today, customer_id, status))
    query = _issued_where(sa_select(func.count()).select_from(_DOC), customer_id, False)
    return int(uow.session.execute(query).scalar_one())
