"""What the monthly statements read, for many customers at once (``statements``): one
query per table for a block of customers (``BLOCK`` at a time), not one per customer;
Core statements, no ORM objects. Each reader returns the rows grouped by customer id, in
the order the statements show them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col

from app.core.db import UnitOfWork
from booking.models import Booking, BookingLine, Customer, Membership
from inventory.models import Category, ItemType
from invoicing.document import Kind
from invoicing.models import Deposit, IssuedDocument, OpeningBalance, OpeningPayment, Payment

#: Customers read per query (a bound list of ids; SQLite and PostgreSQL take far more).
BLOCK = 500


def blocks(ids: Sequence[int], size: int = BLOCK) -> list[list[int]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


@dataclass(frozen=True)
class CustomerRow:
    id: int
    number: str
    name: str
    address: str
    postcode: str
    city: str
    country: str
    email: str


@dataclass(frozen=True)
class Doc:
    id: int
    kind: str
    number: str
    issue_date: dt.date
    due_date: dt.date
    gross_cents: int
    cites_id: int | None
    #: An opening entry (``invoicing.opening``; its id negated), not an issued document.
    opening: bool = False


@dataclass(frozen=True)
class Pay:
    id: int
    document_id: int
    amount_cents: int
    date: dt.date
    method: str
    reference: str
    reverses: int | None


@dataclass(frozen=True)
class BookingRow:
    id: int
    reference: str
    event: str
    status: str
    use_start: dt.datetime
    use_end: dt.datetime


@dataclass(frozen=True)
class DepositRow:
    reference: str
    received_on: dt.date
    method: str
    amount_cents: int


def customers(uow: UnitOfWork, ids: list[int], last: dt.date) -> dict[int, tuple[CustomerRow, str]]:
    """The customers among ``ids`` with their member number on ``last`` ("" for none)."""
    found = {
        row[0]: CustomerRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6] or "FR", row[7])
        for row in uow.session.execute(
            sa_select(
                col(Customer.id),
                col(Customer.number),
                col(Customer.name),
                col(Customer.address),
                col(Customer.postcode),
                col(Customer.city),
                col(Customer.country),
                col(Customer.email),
            ).where(col(Customer.id).in_(ids))
        )
    }
    members: dict[int, str] = {}
    for customer_id, number in uow.session.execute(
        sa_select(col(Membership.customer_id), col(Membership.member_number))
        .where(
            col(Membership.customer_id).in_(ids),
            col(Membership.valid_from) <= last,
            or_(col(Membership.valid_to).is_(None), col(Membership.valid_to) >= last),
        )
        .order_by(col(Membership.customer_id), col(Membership.valid_from).desc())
    ):
        members.setdefault(customer_id, number or "")
    return {cid: (row, members.get(cid, "")) for cid, row in found.items()}


def ledgers(
    uow: UnitOfWork, ids: list[int], until: dt.date
) -> dict[int, tuple[list[Doc], list[Pay]]]:
    """Each customer's documents (whenever issued) and payments dated until ``until``,
    with the opening entries and their payments (negative ids), without the heavy JSON
    columns."""
    docs: dict[int, list[Doc]] = defaultdict(list)
    pays: dict[int, list[Pay]] = defaultdict(list)
    for row in uow.session.execute(
        sa_select(
            col(IssuedDocument.customer_id),
            col(IssuedDocument.id),
            col(IssuedDocument.kind),
            col(IssuedDocument.number),
            col(IssuedDocument.issue_date),
            col(IssuedDocument.due_date),
            col(IssuedDocument.gross_cents),
            col(IssuedDocument.cites_id),
        ).where(col(IssuedDocument.customer_id).in_(ids))
    ):
        docs[row[0]].append(Doc(*row[1:]))
    for row in uow.session.execute(
        sa_select(
            col(IssuedDocument.customer_id),
            col(Payment.id),
            col(Payment.document_id),
            col(Payment.amount_cents),
            col(Payment.date),
            col(Payment.method),
            col(Payment.reference),
            col(Payment.reverses),
        )
        .join(IssuedDocument, col(IssuedDocument.id) == col(Payment.document_id))
        .where(
            col(IssuedDocument.customer_id).in_(ids),
            col(IssuedDocument.kind) == Kind.INVOICE.value,
            col(Payment.date) <= until,
        )
    ):
        pays[row[0]].append(Pay(*row[1:]))
    for customer_id, opening_id, reference, issued, due, cents in uow.session.execute(
        sa_select(
            col(OpeningBalance.customer_id),
            col(OpeningBalance.id),
            col(OpeningBalance.reference),
            col(OpeningBalance.issue_date),
            col(OpeningBalance.due_date),
            col(OpeningBalance.amount_cents),
        ).where(col(OpeningBalance.customer_id).in_(ids))
    ):
        docs[customer_id].append(
            Doc(-opening_id, Kind.INVOICE.value, reference, issued, due, cents, None, True)
        )
    for (
        customer_id,
        pay_id,
        opening_id,
        cents,
        day,
        method,
        reference,
        reverses,
    ) in uow.session.execute(
        sa_select(
            col(OpeningBalance.customer_id),
            col(OpeningPayment.id),
            col(OpeningPayment.opening_id),
            col(OpeningPayment.amount_cents),
            col(OpeningPayment.date),
            col(OpeningPayment.method),
            col(OpeningPayment.reference),
            col(OpeningPayment.reverses),
        )
        .join(OpeningBalance, col(OpeningBalance.id) == col(OpeningPayment.opening_id))
        .where(col(OpeningBalance.customer_id).in_(ids), col(OpeningPayment.date) <= until)
    ):
        pays[customer_id].append(Pay(pay_id, -opening_id, cents, day, method, reference, reverses))
    return {cid: (docs.get(cid, []), pays.get(cid, [])) for cid in ids}


def bookings(
    uow: UnitOfWork,
    ids: list[int],
    start: dt.datetime,
    end: dt.datetime,
    statuses: Sequence[str],
) -> dict[int, list[tuple[BookingRow, int]]]:
    """Each customer's bookings in use between ``start`` and ``end`` in ``statuses`` (by
    start, then id), with their equipment quantity (consumables, sold, not counted)."""
    in_use = (
        col(Booking.customer_id).in_(ids),
        col(Booking.status).in_(list(statuses)),
        col(Booking.use_start) < end,
        col(Booking.use_end) > start,
    )
    rows = uow.session.execute(
        sa_select(
            col(Booking.customer_id),
            col(Booking.id),
            col(Booking.reference),
            col(Booking.event),
            col(Booking.status),
            col(Booking.use_start),
            col(Booking.use_end),
        )
        .where(*in_use)
        .order_by(col(Booking.customer_id), col(Booking.use_start), col(Booking.id))
    ).all()
    if not rows:
        return {}
    quantities: dict[int, int] = defaultdict(int)
    for booking_id, quantity in uow.session.execute(
        sa_select(col(BookingLine.booking_id), func.sum(col(BookingLine.quantity)))
        .join(ItemType, col(ItemType.id) == col(BookingLine.item_type_id))
        .where(
            col(BookingLine.booking_id).in_(sa_select(col(Booking.id)).where(*in_use)),
            col(ItemType.category) != Category.CONSUMABLES.value,
        )
        .group_by(col(BookingLine.booking_id))
    ):
        quantities[booking_id] = int(quantity or 0)
    out: dict[int, list[tuple[BookingRow, int]]] = defaultdict(list)
    for customer_id, *fields in rows:
        row = BookingRow(*fields)
        out[customer_id].append((row, quantities[row.id]))
    return out


def deposits_held(uow: UnitOfWork, ids: list[int], last: dt.date) -> dict[int, list[DepositRow]]:
    """Deposits received by the end of ``last`` and not returned or retained by then."""
    out: dict[int, list[DepositRow]] = defaultdict(list)
    for customer_id, *fields in uow.session.execute(
        sa_select(
            col(Booking.customer_id),
            col(Booking.reference),
            col(Deposit.received_on),
            col(Deposit.method),
            col(Deposit.amount_cents),
        )
        .join(Booking, col(Booking.id) == col(Deposit.booking_id))
        .where(
            col(Booking.customer_id).in_(ids),
            col(Deposit.received_on) <= last,
            or_(col(Deposit.closed_on).is_(None), col(Deposit.closed_on) > last),
        )
        .order_by(col(Booking.customer_id), col(Deposit.received_on), col(Deposit.id))
    ):
        out[customer_id].append(DepositRow(*fields))
    return out
