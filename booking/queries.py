"""Read side of bookings: search and the rows that lists, calendars and the CLI show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, or_
from sqlmodel import select

from app.core.db import UnitOfWork
from booking.models import Booking, BookingLine, Customer, Movement
from inventory.models import ItemType, Unit


@dataclass(frozen=True)
class BookingRow:
    id: int
    reference: str
    status: str
    customer_number: str
    customer_name: str
    event: str
    venue: str
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime
    use_end: dt.datetime


@dataclass(frozen=True)
class LineRow:
    item_type_id: int
    code: str
    name: str
    category: str
    quantity: int
    kit_id: int | None


def search_bookings(
    uow: UnitOfWork,
    text: str = "",
    *,
    statuses: Sequence[str] = (),
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    customer_id: int | None = None,
    item_type_id: int | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of bookings matching ``text`` (reference, event, venue, customer name or number,
    an item type code/name on a line, or the barcode of a unit that went out on it), in
    ``statuses``, meeting ``[start, end)``; newest pick-up first."""
    query = select(Booking.id).join(Customer, Customer.id == Booking.customer_id)
    text = text.strip()
    if text:
        pattern = f"%{text}%"
        on_line = exists().where(
            BookingLine.booking_id == Booking.id,
            BookingLine.item_type_id == ItemType.id,
            or_(ItemType.code.like(pattern), ItemType.name.like(pattern)),  # type: ignore[attr-defined]
        )
        scanned = exists().where(  # "which booking has this unit?": scan its barcode
            Movement.booking_id == Booking.id,
            Movement.unit_id == Unit.id,
            Unit.barcode == text,
        )
        query = query.where(
            or_(
                scanned,
                Booking.reference.like(pattern),
                Booking.event.like(pattern),  # type: ignore[attr-defined]
                Booking.venue.like(pattern),
                Customer.name.like(pattern),  # type: ignore[attr-defined]
                Customer.number == text,
                on_line,
            )
        )
    if statuses:
        query = query.where(Booking.status.in_(list(statuses)))  # type: ignore[attr-defined]
    if end is not None:
        query = query.where(Booking.start < end)
    if start is not None:
        query = query.where(Booking.end > start)
    if customer_id is not None:
        query = query.where(Booking.customer_id == customer_id)
    if item_type_id is not None:
        query = query.where(
            exists().where(
                BookingLine.booking_id == Booking.id, BookingLine.item_type_id == item_type_id
            )
        )
    query = query.order_by(Booking.start.desc(), Booking.id.desc())  # type: ignore[attr-defined]
    if limit:
        query = query.limit(limit)
    return list(uow.session.exec(query))


def booking_rows(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, BookingRow]:
    if not ids:
        return {}
    query = (
        select(Booking, Customer.number, Customer.name)
        .join(Customer, Customer.id == Booking.customer_id)
        .where(Booking.id.in_(ids))  # type: ignore[union-attr]
    )
    rows = {}
    for b, number, name in uow.session.exec(query):
        assert b.id is not None
        rows[b.id] = BookingRow(
            b.id,
            b.reference,
            b.status,
            number,
            name,
            b.event,
            b.venue,
            b.start,
            b.end,
            b.use_start,
            b.use_end,
        )
    return rows


def line_rows(uow: UnitOfWork, booking_id: int) -> list[LineRow]:
    query = (
        select(BookingLine, ItemType.code, ItemType.name, ItemType.category)
        .join(ItemType, ItemType.id == BookingLine.item_type_id)
        .where(BookingLine.booking_id == booking_id)
        .order_by(BookingLine.id)
    )
    return [
        LineRow(ln.item_type_id, code, name, cat, ln.quantity, ln.kit_id)
        for ln, code, name, cat in uow.session.exec(query)
    ]
