"""Read side of bookings: search and the rows that lists, calendars and the CLI show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Table, bindparam, exists, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from app.core.db import UnitOfWork, id_column
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


def table_of(model: type[Any]) -> Table:
    """``model``'s table, typed (SQLModel does not declare ``__table__``)."""
    found = model.__table__
    if not isinstance(found, Table):
        raise TypeError(f"{model.__name__} has no table")
    return found


_BOOKING = table_of(Booking)
_CUSTOMER = table_of(Customer)
_LINE = table_of(BookingLine)
_TYPE = table_of(ItemType)
_UNIT = table_of(Unit)
_MOVE = table_of(Movement)

#: Bookings with their customer: what every search and list row reads from.
_WITH_CUSTOMER = _BOOKING.join(_CUSTOMER, _CUSTOMER.c.id == _BOOKING.c.customer_id)
#: The columns of a ``BookingRow``, in its order.
_ROW_COLUMNS = (
    _BOOKING.c.id,
    _BOOKING.c.reference,
    _BOOKING.c.status,
    _CUSTOMER.c.number,
    _CUSTOMER.c.name,
    _BOOKING.c.event,
    _BOOKING.c.venue,
    _BOOKING.c.start,
    _BOOKING.c.end,
    _BOOKING.c.use_start,
    _BOOKING.c.use_end,
)
#: Newest pick-up first; the id keeps pages stable among bookings picked up together.
_NEWEST_FIRST = (_BOOKING.c.start.desc(), _BOOKING.c.id.desc())
_ROWS_BY_ID = (
    sa_select(*_ROW_COLUMNS)
    .select_from(_WITH_CUSTOMER)
    .where(_BOOKING.c.id.in_(bindparam("ids", expanding=True)))
)


def _matching(
    text: str,
    statuses: Sequence[str],
    start: dt.datetime | None,
    end: dt.datetime | None,
    customer_id: int | None,
    item_type_id: int | None,
    event: str,
    *,
    whole: bool = False,
) -> list[ColumnElement[bool]]:
    """The conditions of a search (see ``search_bookings``)."""
    found: list[ColumnElement[bool]] = []
    text = text.strip()
    if text:
        pattern = f"%{text}%"
        # The matching types are found once. Reading every match (a count, a whole
        # listing), the bookings on their lines are gathered once too (by the lines' type
        # index); a page looks at each booking's own lines instead, and stops when full.
        types = sa_select(_TYPE.c.id).where(
            or_(_TYPE.c.code.like(pattern), _TYPE.c.name.like(pattern))
        )
        on_line = (
            _BOOKING.c.id.in_(sa_select(_LINE.c.booking_id).where(_LINE.c.item_type_id.in_(types)))
            if whole
            else exists().where(
                _LINE.c.booking_id == _BOOKING.c.id, _LINE.c.item_type_id.in_(types)
            )
        )
        scanned = _BOOKING.c.id.in_(  # "which booking has this unit?": scan its barcode
            sa_select(_MOVE.c.booking_id)
            .join(_UNIT, _UNIT.c.id == _MOVE.c.unit_id)
            .where(_UNIT.c.barcode == text)
        )
        found.append(
            or_(
                scanned,
                _BOOKING.c.reference.like(pattern),
                _BOOKING.c.event.like(pattern),
                _BOOKING.c.venue.like(pattern),
                _CUSTOMER.c.name.like(pattern),
                _CUSTOMER.c.number == text,
                on_line,
            )
        )
    if statuses:
        found.append(_BOOKING.c.status.in_(list(statuses)))
    if end is not None:
        found.append(_BOOKING.c.start < end)
    if start is not None:
        found.append(_BOOKING.c.end > start)
    if customer_id is not None:
        found.append(_BOOKING.c.customer_id == customer_id)
    if event.strip():
        found.append(_BOOKING.c.event.like(f"%{event.strip()}%"))
    if item_type_id is not None:
        found.append(
            exists().where(
                _LINE.c.booking_id == _BOOKING.c.id, _LINE.c.item_type_id == item_type_id
            )
        )
    return found


def _paged(query: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query


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
    offset: int = 0,
) -> list[int]:
    """Ids of bookings matching ``text`` (reference, event, venue, customer name or number,
    an item type code/name on a line, or the barcode of a unit that went out on it), in
    ``statuses``, meeting ``[start, end)``, whose event contains ``event``; newest pick-up
    first (then newest id, so pages are stable): at most ``limit`` (None or 0: all) after
    the first ``offset``."""
    whole = not limit
    where = _matching(text, statuses, start, end, customer_id, item_type_id, event, whole=whole)
    query = sa_select(_BOOKING.c.id).select_from(_WITH_CUSTOMER).where(*where)
    query = _paged(query.order_by(*_NEWEST_FIRST), limit or None, offset)
    return list(uow.session.execute(query).scalars())


def count_bookings(
    uow: UnitOfWork,
    text: str = "",
    *,
    statuses: Sequence[str] = (),
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    customer_id: int | None = None,
    item_type_id: int | None = None,
    event: str = "",
) -> int:
    """How many bookings ``search_bookings`` finds with the same arguments (all pages)."""
    where = _matching(text, statuses, start, end, customer_id, item_type_id, event, whole=True)
    query = sa_select(func.count()).select_from(_WITH_CUSTOMER).where(*where)
    return int(uow.session.execute(query).scalar_one())


def search_rows(
    uow: UnitOfWork,
    text: str = "",
    *,
    statuses: Sequence[str] = (),
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    event: str = "",
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[BookingRow]:
    """The rows of ``search_bookings`` in its order, read by one query and yielded as the
    database gives them (a listing of every booking streams instead of loading)."""
    where = _matching(text, statuses, start, end, None, None, event, whole=limit is None)
    query = sa_select(*_ROW_COLUMNS).select_from(_WITH_CUSTOMER).where(*where)
    query = _paged(query.order_by(*_NEWEST_FIRST), limit, offset)
    result = uow.session.execute(query, execution_options={"yield_per": 1000})
    for row in result:
        yield BookingRow(*row)


def booking_rows(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, BookingRow]:
    if not ids:
        return {}
    rows = uow.session.execute(_ROWS_BY_ID, {"ids": list(ids)})
    return {row[0]: BookingRow(*row) for row in rows}


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
