"""Read side of bookings: search and the rows that lists, calendars and the CLI show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, or_
from sqlmodel import col, select

from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import NotFound
from booking.models import Booking, BookingLine, Customer, Movement
from inventory import barcodes
from inventory.models import ItemType, Kit, Unit


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
    event: str = "",
    limit: int | None = None,
) -> list[int]:
    """Ids of bookings matching ``text`` (reference, event, venue, customer name or number,
    an item type code/name on a line, or the barcode of a unit that went out on it), in
    ``statuses``, meeting ``[start, end)``, whose event contains ``event``; newest pick-up
    first."""
    query = select(id_column(Booking)).join(
        Customer, id_column(Customer) == col(Booking.customer_id)
    )
    text = text.strip()
    if text:
        pattern = f"%{text}%"
        on_line = exists().where(
            col(BookingLine.booking_id) == id_column(Booking),
            col(BookingLine.item_type_id) == id_column(ItemType),
            or_(col(ItemType.code).like(pattern), col(ItemType.name).like(pattern)),
        )
        scanned = exists().where(  # "which booking has this unit?": scan its barcode
            col(Movement.booking_id) == id_column(Booking),
            col(Movement.unit_id) == id_column(Unit),
            col(Unit.barcode) == text,
        )
        query = query.where(
            or_(
                scanned,
                col(Booking.reference).like(pattern),
                col(Booking.event).like(pattern),
                col(Booking.venue).like(pattern),
                col(Customer.name).like(pattern),
                col(Customer.number) == text,
                on_line,
            )
        )
    if statuses:
        query = query.where(col(Booking.status).in_(list(statuses)))
    if end is not None:
        query = query.where(Booking.start < end)
    if start is not None:
        query = query.where(Booking.end > start)
    if customer_id is not None:
        query = query.where(Booking.customer_id == customer_id)
    if event.strip():
        query = query.where(col(Booking.event).like(f"%{event.strip()}%"))
    if item_type_id is not None:
        query = query.where(
            exists().where(
                col(BookingLine.booking_id) == id_column(Booking),
                col(BookingLine.item_type_id) == item_type_id,
            )
        )
    query = query.order_by(col(Booking.start).desc(), id_column(Booking).desc())
    if limit:
        query = query.limit(limit)
    return list(uow.session.exec(query))


def booking_rows(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, BookingRow]:
    if not ids:
        return {}
    query = (
        select(Booking, Customer.number, Customer.name)
        .join(Customer, id_column(Customer) == col(Booking.customer_id))
        .where(id_column(Booking).in_(ids))
    )
    rows = {}
    for b, number, name in uow.session.exec(query):
        booking_id = require_id(b)
        rows[booking_id] = BookingRow(
            booking_id,
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
        .join(ItemType, id_column(ItemType) == col(BookingLine.item_type_id))
        .where(BookingLine.booking_id == booking_id)
        .order_by(id_column(BookingLine))
    )
    return [
        LineRow(ln.item_type_id, code, name, cat, ln.quantity, ln.kit_id)
        for ln, code, name, cat in uow.session.exec(query)
    ]


def booking_named(uow: UnitOfWork, text: str) -> int | None:
    """The id of the booking whose reference is ``text`` (without case; a reference scanned
    with the other keyboard layout is read back), or None."""
    for reading in barcodes.candidates(text) or [text]:
        found = uow.session.exec(
            select(Booking.id).where(Booking.reference == reading.strip().upper())
        ).first()
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class PickerChoices:
    """What the booking editor's pickers offer, each list sorted for display."""

    customers: list[tuple[str, str]]  # (number, name), by name
    types: list[tuple[str, str]]  # (code, name), by code
    kits: list[tuple[str, str]]  # (code, name), by code


def picker_choices(uow: UnitOfWork) -> PickerChoices:
    people = uow.session.exec(select(Customer.number, Customer.name).order_by(Customer.name))
    types = uow.session.exec(select(ItemType.code, ItemType.name).order_by(ItemType.code))
    kits = uow.session.exec(select(Kit.code, Kit.name).order_by(Kit.code))
    return PickerChoices(
        [(n, name) for n, name in people],
        [(c, name) for c, name in types],
        [(c, name) for c, name in kits],
    )


@dataclass(frozen=True)
class EditedLine:
    """One item type of a booking as the editor shows it (kit lines merged by type)."""

    item_type_id: int
    code: str
    name: str
    quantity: int


@dataclass(frozen=True)
class BookingForm:
    """A stored booking as the booking editor shows it."""

    id: int
    reference: str
    status: str
    customer: str  # "Name (number)"
    event: str
    venue: str
    notes: str
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime
    use_end: dt.datetime
    lines: list[EditedLine]
    #: The buyer's own references for its invoices (BT-10, BT-13).
    buyer_reference: str = ""
    order_reference: str = ""


def booking_form(uow: UnitOfWork, booking_id: int) -> BookingForm:
    """The booking ``booking_id`` with its lines merged by item type (a kit's members and
    the same type booked alone make one line)."""
    booking = uow.session.get(Booking, booking_id)
    if booking is None:
        raise NotFound("This booking no longer exists.")
    customer = uow.session.get(Customer, booking.customer_id)
    merged: dict[int, EditedLine] = {}
    for row in line_rows(uow, booking_id):
        before = merged.get(row.item_type_id)
        quantity = row.quantity + (before.quantity if before else 0)
        merged[row.item_type_id] = EditedLine(row.item_type_id, row.code, row.name, quantity)
    return BookingForm(
        booking_id,
        booking.reference,
        booking.status,
        f"{customer.name} ({customer.number})" if customer else "",
        booking.event,
        booking.venue,
        booking.notes,
        booking.start,
        booking.end,
        booking.use_start,
        booking.use_end,
        list(merged.values()),
        booking.buyer_reference,
        booking.order_reference,
    )
