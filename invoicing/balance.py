"""An invoice's balance, status and age — the one place they are computed.

Balance due = gross − its credit notes − its payments (net of reversals and refunds). Seen
on a day (``as_of``), only the credit notes issued and the payments dated until then
count — a payment dated after that day (tomorrow at most) counts from its date —, and an
invoice issued later owes nothing yet. The payments module reads every figure it shows
as of today, and checks a new payment or refund against everything recorded.

Status: ``paid`` when nothing is left, ``credit`` when less than nothing is left (the
customer paid more than the invoice owes after its credit notes: a refund is due, recorded by
``payments.record_refund``), ``overdue`` when something is left after the due date,
``issued`` otherwise (``draft`` is a booking not invoiced yet:
never stored). Age: days past the due date (0 until it), in buckets not yet due, 1–30,
31–60, 61–90, over 90 days. The payments, the receivables report, the statements and the
invoices screen all read these figures from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.errors import N_
from invoicing.document import Kind
from invoicing.models import IssuedDocument, Payment


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    PAID = "paid"
    OVERDUE = "overdue"
    #: Paid more than it owes after its credit notes: the customer is owed a refund.
    CREDIT = "credit"


INVOICE_STATUS_LABELS = {
    InvoiceStatus.DRAFT: N_("Draft"),
    InvoiceStatus.ISSUED: N_("Issued"),
    InvoiceStatus.PAID: N_("Paid"),
    InvoiceStatus.OVERDUE: N_("Overdue"),
    InvoiceStatus.CREDIT: N_("Refund due"),
}

#: Upper bounds (days past due) of the ageing buckets after "not yet due".
AGEING_LIMITS = (30, 60, 90)


def invoice_status(balance_cents: int, due_date: dt.date, today: dt.date) -> InvoiceStatus:
    if balance_cents < 0:
        return InvoiceStatus.CREDIT
    if balance_cents == 0:
        return InvoiceStatus.PAID
    if due_date < today:
        return InvoiceStatus.OVERDUE
    return InvoiceStatus.ISSUED


def days_overdue(due_date: dt.date, on: dt.date) -> int:
    """Days past ``due_date`` on ``on`` (0 until it is due)."""
    return max((on - due_date).days, 0)


def age_bucket(days: int) -> int:
    """0: not yet due, 1: 1–30 days, 2: 31–60, 3: 61–90, 4: over 90."""
    if days <= 0:
        return 0
    for i, limit in enumerate(AGEING_LIMITS, start=1):
        if days <= limit:
            return i
    return len(AGEING_LIMITS) + 1


@dataclass(frozen=True)
class InvoiceBalance:
    """An invoice's figures (cents incl. VAT) as of a day (or of now)."""

    id: int
    number: str
    customer_id: int
    buyer_name: str
    issue_date: dt.date
    due_date: dt.date
    #: 0 for an invoice issued after the day the figures are read for.
    gross_cents: int
    credited_cents: int
    paid_cents: int

    @property
    def balance_cents(self) -> int:
        return self.gross_cents - self.credited_cents - self.paid_cents

    def status(self, today: dt.date) -> InvoiceStatus:
        return invoice_status(self.balance_cents, self.due_date, today)

    def days_overdue(self, on: dt.date) -> int:
        return days_overdue(self.due_date, on)

    def age_bucket(self, on: dt.date) -> int:
        return age_bucket(self.days_overdue(on))


def _sums(uow: UnitOfWork, query: Any) -> dict[int, int]:
    return {int(key): int(total or 0) for key, total in uow.session.exec(query).all()}


def _documents() -> Any:
    """The columns of an issued document an ``InvoiceBalance`` is made of."""
    return sa_select(
        col(IssuedDocument.id),
        col(IssuedDocument.number),
        col(IssuedDocument.customer_id),
        col(IssuedDocument.buyer_name),
        col(IssuedDocument.issue_date),
        col(IssuedDocument.due_date),
        col(IssuedDocument.gross_cents),
    )


def invoice_balances(
    uow: UnitOfWork,
    *,
    as_of: dt.date | None = None,
    customer_id: int | None = None,
    invoice_ids: Iterable[int] | None = None,
    customer_ids: Collection[int] | None = None,
) -> list[InvoiceBalance]:
    """Every invoice (of ``customer_id``, or of ``customer_ids``, or among
    ``invoice_ids``), whenever issued, in id order, with its figures at the end of
    ``as_of`` (None: everything recorded). Three queries, however many invoices."""
    invoices = _documents().where(col(IssuedDocument.kind) == Kind.INVOICE.value)
    if customer_id is not None:
        invoices = invoices.where(col(IssuedDocument.customer_id) == customer_id)
    if customer_ids is not None:
        invoices = invoices.where(col(IssuedDocument.customer_id).in_(list(customer_ids)))
    if invoice_ids is not None:
        invoices = invoices.where(col(IssuedDocument.id).in_(list(invoice_ids)))
    rows = uow.session.execute(invoices.order_by(col(IssuedDocument.id))).all()
    ids = [row[0] for row in rows]
    if not ids:
        return []
    # The invoices read, as a sub-query: a customer's invoices may be many thousands.
    chosen: Any = (
        invoices.with_only_columns(col(IssuedDocument.id))
        if customer_id is not None or customer_ids is not None
        else ids
    )
    credits = (
        select(col(IssuedDocument.cites_id), func.sum(col(IssuedDocument.gross_cents)))
        .where(
            col(IssuedDocument.kind) == Kind.CREDIT_NOTE.value,
            col(IssuedDocument.cites_id).in_(chosen),
        )
        .group_by(col(IssuedDocument.cites_id))
    )
    paid = (
        select(col(Payment.document_id), func.sum(col(Payment.amount_cents)))
        .where(col(Payment.document_id).in_(chosen))
        .group_by(col(Payment.document_id))
    )
    if as_of is not None:
        credits = credits.where(col(IssuedDocument.issue_date) <= as_of)
        paid = paid.where(col(Payment.date) <= as_of)
    credited, settled = _sums(uow, credits), _sums(uow, paid)
    return [
        InvoiceBalance(
            id=iid,
            number=number,
            customer_id=cid,
            buyer_name=buyer,
            issue_date=issued,
            due_date=due,
            gross_cents=gross if as_of is None or issued <= as_of else 0,
            credited_cents=credited.get(iid, 0),
            paid_cents=settled.get(iid, 0),
        )
        for iid, number, cid, buyer, issued, due, gross in rows
    ]


def orphan_credits(
    uow: UnitOfWork,
    *,
    as_of: dt.date,
    customer_id: int | None = None,
    customer_ids: Collection[int] | None = None,
) -> list[InvoiceBalance]:
    """Credit notes citing no invoice, issued until ``as_of``, as negative open amounts of
    their own (a customer's account counts them; no invoice's balance can)."""
    query = _documents().where(
        col(IssuedDocument.kind) == Kind.CREDIT_NOTE.value,
        col(IssuedDocument.cites_id).is_(None),
        col(IssuedDocument.issue_date) <= as_of,
    )
    if customer_id is not None:
        query = query.where(col(IssuedDocument.customer_id) == customer_id)
    if customer_ids is not None:
        query = query.where(col(IssuedDocument.customer_id).in_(list(customer_ids)))
    return [
        InvoiceBalance(iid, number, cid, buyer, issued, due, 0, gross, 0)
        for iid, number, cid, buyer, issued, due, gross in uow.session.execute(query).all()
    ]
