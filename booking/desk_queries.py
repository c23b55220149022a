"""What the warehouse desk shows, read in one transaction and handed over as plain data: the
open booking (header, lines' progress, units still out), the departures still to leave and
the returns due, today, tomorrow or late.

The desk's screen calls these through ``ops.read``; they hold the rules of what is listed
(the screen only draws them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column
from app.core.errors import DomainError
from booking.bookings import booking_by_ref
from booking.desk_ledger import progress
from booking.desk_lookups import departures, is_late, units_moved
from booking.desk_results import LineProgress, Outcome, ScanResult
from booking.models import Booking, BookingStatus, Customer
from inventory.models import ItemType, Tracking

#: How a departure or return is placed in time, for the desk's list.
LATE, TODAY, TOMORROW, LATER = "late", "today", "tomorrow", "later"


@dataclass(frozen=True)
class BulkOut:
    """Pieces of a bulk type still out on the booking: ``label`` is the code to scan (the
    type's barcode, else its code), ``count`` how many are out."""

    label: str
    name: str
    code: str
    count: int


@dataclass
class DeskBooking:
    """The booking open on the desk."""

    reference: str
    customer: str
    event: str
    venue: str
    start: dt.datetime
    end: dt.datetime
    status: str
    lines: list[LineProgress] = field(default_factory=list)
    #: Units still out (barcode, type name, serial): what F8 can declare missing.
    units_out: list[tuple[str, str, str]] = field(default_factory=list)
    #: Bulk still out, line by line: what the lines' "still out" counts beside the units.
    bulk_out: list[BulkOut] = field(default_factory=list)


@dataclass
class Departure:
    """A booking in the desk's list: a departure (``due`` is its pick-up) or a return
    (``due`` is its end)."""

    reference: str
    customer: str
    event: str
    start: dt.datetime
    end: dt.datetime
    status: str
    #: A departure confirmed with a pick-up day already past (it should have left), or a
    #: return past its end (something is still out).
    late: bool = False
    #: LATE, TODAY, TOMORROW or LATER (the day of ``due``).
    day: str = TODAY
    due: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.due is None:
            self.due = self.start


def _names(uow: UnitOfWork, bookings: list[Booking]) -> dict[int, str]:
    ids = {b.customer_id for b in bookings}
    if not ids:
        return {}
    query = select(id_column(Customer), Customer.name).where(id_column(Customer).in_(ids))
    return {cid: name for cid, name in uow.session.exec(query)}


def _day(due: dt.datetime, late: bool, today: dt.date) -> str:
    if late:
        return LATE
    if due.date() <= today:
        return TODAY
    return TOMORROW if due.date() == today + dt.timedelta(days=1) else LATER


def _bulk_out(uow: UnitOfWork, lines: list[LineProgress]) -> list[BulkOut]:
    """The bulk lines with pieces still out (units are listed one by one instead)."""
    out = {p.item_type_id: p for p in lines if p.out > 0}
    if not out:
        return []
    query = select(id_column(ItemType), ItemType.barcode).where(
        id_column(ItemType).in_(set(out)), ItemType.tracking == Tracking.BULK.value
    )
    labels = dict(uow.session.exec(query).all())
    return [
        BulkOut(labels[p.item_type_id] or p.code, p.name, p.code, p.out)
        for p in lines
        if p.item_type_id in labels and p.out > 0
    ]


def desk_booking(uow: UnitOfWork, reference: str) -> DeskBooking:
    """The booking's header, its lines' progress and what is still out on it: each unit,
    and each bulk line's pieces (together, what the lines' "still out" counts)."""
    booking = booking_by_ref(uow, reference)
    assert booking.id is not None
    out = [u for u in units_moved(uow, booking.id) if u["back"] is None]
    lines = progress(uow, booking.id)
    names = {p.code: p.name for p in lines}
    return DeskBooking(
        booking.reference,
        _names(uow, [booking]).get(booking.customer_id, ""),
        booking.event,
        booking.venue,
        booking.start,
        booking.end,
        booking.status,
        lines,
        [(u["barcode"], names.get(u["code"], u["code"]), u["serial"] or "") for u in out],
        _bulk_out(uow, lines),
    )


def departure_rows(uow: UnitOfWork, clock: Clock) -> list[Departure]:
    """``desk_lookups.departures`` (today, tomorrow, late) with their customers' names."""
    bookings = departures(uow, clock=clock)
    names, today = _names(uow, bookings), clock.today()
    rows = []
    for b in bookings:
        late = is_late(b, clock=clock)
        rows.append(
            Departure(
                b.reference,
                names.get(b.customer_id, ""),
                b.event,
                b.start,
                b.end,
                b.status,
                late,
                _day(b.start, late, today),
                b.start,
            )
        )
    return rows


def return_rows(uow: UnitOfWork, clock: Clock, *, days: int = 2) -> list[Departure]:
    """What should come back: bookings out and due back today or tomorrow (``days``), and
    late ones (out past their end, however long ago). By due time."""
    now = clock.local_now()
    until = dt.datetime.combine(clock.today() + dt.timedelta(days=days), dt.time())
    query = (
        select(Booking)
        .where(Booking.status == BookingStatus.OUT.value, Booking.end < until)
        .order_by(col(Booking.end), col(Booking.id))
    )
    bookings = list(uow.session.exec(query))
    names, today = _names(uow, bookings), clock.today()
    return [
        Departure(
            b.reference,
            names.get(b.customer_id, ""),
            b.event,
            b.start,
            b.end,
            b.status,
            b.end < now,
            _day(b.end, b.end < now, today),
            b.end,
        )
        for b in bookings
    ]


def booking_scanned(uow: UnitOfWork, code: str) -> ScanResult:
    """A check-out scan with no booking open: it must be a booking's reference (from its
    pick list), which opens it; anything else is refused (nothing is written)."""
    try:
        found = booking_by_ref(uow, code)
    except DomainError:
        return ScanResult(
            code,
            False,
            Outcome.UNKNOWN,
            DomainError(
                "{code} is not a booking: scan the reference on the pick list first, "
                "or choose a departure.",
                code=code,
            ),
        )
    return ScanResult(
        code,
        True,
        Outcome.BOOKING,
        DomainError("{code} is a booking, not an item.", code=found.reference),
        found.reference,
    )
