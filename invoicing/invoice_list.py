"""The invoices screen's list on ten years of history: ids first, rows by block.

``invoice_queries.list_rows`` builds every row of every issued document (and computes the
draft of every booking to invoice: 40 s for 2,800 bookings) before the screen shows one.
Here the list is read in two steps, as the other lists are (``LazyTableModel``):

- ``document_list``: the ids of the issued documents the filters keep, newest first, and
  what is left to pay on them, from light columns and the balances summed in the database
  (``invoice_balances``: one query per table, whatever the number of invoices);
- ``document_rows``: the rows of one block of those ids, as the screen scrolls to them.

Drafts cost a pricing each: ``draft_candidates`` gives the bookings that may have
something to invoice (oldest pick-up first, the filters applied to their reference and
customer), and ``drafts_of`` computes the drafts of one chunk of them, so the screen fills
the list chunk by chunk while the worker stays free for the other screens between chunks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork
from booking.models import Booking, Customer
from invoicing import invoices
from invoicing.balance import InvoiceBalance, InvoiceStatus, invoice_balances
from invoicing.document import Kind
from invoicing.invoice_queries import CREDIT, UNPAID, DocumentRow, Filters, draft_row
from invoicing.models import IssuedDocument


def _table(model: type[Any]) -> Table:
    found = model.__table__
    if not isinstance(found, Table):  # pragma: no cover - every model has its table
        raise TypeError(f"{model.__name__} has no table")
    return found


_DOC = _table(IssuedDocument)
_CITED = _DOC.alias("cited")
_BOOKING = _table(Booking)
#: An issued document's columns a row shows besides its balance, newest first.
_LIGHT = (
    sa_select(
        _DOC.c.id,
        _DOC.c.kind,
        _DOC.c.number,
        _DOC.c.issue_date,
        _DOC.c.customer_id,
        _DOC.c.buyer_name,
        _DOC.c.gross_cents,
        _CITED.c.number,
        _BOOKING.c.reference,
    )
    .select_from(
        _DOC.outerjoin(_BOOKING, _BOOKING.c.id == _DOC.c.booking_id).outerjoin(
            _CITED, _CITED.c.id == _DOC.c.cites_id
        )
    )
    .order_by(_DOC.c.issue_date.desc(), _DOC.c.id.desc())
)
_LIGHT_OF = _LIGHT.where(_DOC.c.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class DocumentList:
    """The ids of the listed documents (newest first) and what is left to pay on them."""

    ids: list[int]
    left_cents: int


def _words(text: str) -> list[str]:
    return text.casefold().split()


def _has_words(words: Sequence[str], *fields: str | None) -> bool:
    haystack = " ".join(f or "" for f in fields).casefold()
    return all(word in haystack for word in words)


def _status(kind: str, figures: InvoiceBalance | None, today: dt.date) -> str:
    if kind != Kind.INVOICE.value or figures is None:
        return CREDIT
    return figures.status(today).value


def _wanted_status(status: str, wanted: str) -> bool:
    if wanted == UNPAID:
        return status in (InvoiceStatus.ISSUED.value, InvoiceStatus.OVERDUE.value)
    return wanted == "" or status == wanted


def document_list(uow: UnitOfWork, filters: Filters, today: dt.date) -> DocumentList:
    """The issued documents the filters keep (as ``invoice_queries.matches`` does)."""
    query = _LIGHT
    if filters.customer_id is not None:
        query = query.where(_DOC.c.customer_id == filters.customer_id)
    if filters.start is not None:
        query = query.where(_DOC.c.issue_date >= filters.start)
    if filters.end is not None:
        query = query.where(_DOC.c.issue_date <= filters.end)
    figures = {b.id: b for b in invoice_balances(uow, as_of=today, customer_id=filters.customer_id)}
    words = _words(filters.text)
    ids: list[int] = []
    left = 0
    for doc_id, kind, number, _issued, _cust, buyer, _gross, cited, ref in uow.session.execute(
        query
    ):
        if not _wanted_status(_status(kind, figures.get(doc_id), today), filters.status):
            continue
        if words and not _has_words(words, number, ref, buyer, cited):
            continue
        ids.append(doc_id)
        found = figures.get(doc_id) if kind == Kind.INVOICE.value else None
        left += found.balance_cents if found is not None and found.balance_cents else 0
    return DocumentList(ids, left)


def document_rows(uow: UnitOfWork, ids: Sequence[int], today: dt.date) -> dict[int, DocumentRow]:
    """The rows of these issued documents (one block of the list), by id."""
    if not ids:
        return {}
    found = uow.session.execute(_LIGHT_OF, {"ids": list(ids)}).all()
    invoice_ids = [row[0] for row in found if row[1] == Kind.INVOICE.value]
    figures = {b.id: b for b in invoice_balances(uow, as_of=today, invoice_ids=invoice_ids)}
    rows: dict[int, DocumentRow] = {}
    for doc_id, kind, number, issued, customer_id, buyer, gross, cited, ref in found:
        balance = figures.get(doc_id) if kind == Kind.INVOICE.value else None
        rows[doc_id] = DocumentRow(
            f"doc:{doc_id}",
            kind,
            number,
            ref or "",
            issued,
            balance.due_date if balance is not None else None,
            customer_id,
            buyer,
            balance.gross_cents if balance is not None else gross,
            balance.paid_cents if balance is not None else None,
            balance.balance_cents if balance is not None else None,
            _status(kind, balance, today),
            "" if balance is not None else (cited or ""),
        )
    return rows


# --- drafts ----------------------------------------------------------------------------------


def draft_candidates(uow: UnitOfWork, filters: Filters) -> list[int]:
    """Bookings that may have something to invoice (confirmed, out, returned), oldest
    pick-up first, whose reference or customer has the searched words."""
    query = (
        select(col(Booking.id), col(Booking.reference), col(Customer.name))
        .join(Customer, col(Customer.id) == col(Booking.customer_id))
        .where(col(Booking.status).in_([s.value for s in invoices.INVOICEABLE]))
        .order_by(col(Booking.start), col(Booking.id))
    )
    if filters.customer_id is not None:
        query = query.where(col(Booking.customer_id) == filters.customer_id)
    words = _words(filters.text)
    return [
        int(booking_id or 0)
        for booking_id, reference, name in uow.session.exec(query)
        if not words or _has_words(words, reference, name)
    ]


def drafts_of(uow: UnitOfWork, booking_ids: Sequence[int], clock: Clock) -> dict[int, DocumentRow]:
    """The drafts of these bookings by booking id (one chunk of ``draft_candidates``), in
    their order; those with nothing left to invoice are left out."""
    if not booking_ids:
        return {}
    query = (
        select(Booking, col(Customer.name))
        .join(Customer, col(Customer.id) == col(Booking.customer_id))
        .where(col(Booking.id).in_(list(booking_ids)))
    )
    found = {b.id: (b, name) for b, name in uow.session.exec(query).all()}
    rows = {}
    for booking_id in booking_ids:
        if booking_id in found:
            row = draft_row(uow, *found[booking_id], clock)
            if row is not None:
                rows[booking_id] = row
    return rows


__all__ = [
    "DocumentList",
    "document_list",
    "document_rows",
    "draft_candidates",
    "draft_row",
    "drafts_of",
]
